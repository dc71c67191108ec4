/**
 * The test notices: Word documents built by scripts/make-notices.mjs from the seed tables (the
 * built-in rubrics' data), into a fresh folder; and LibreOffice Writer, where installed, to make a
 * legacy .doc of one of them.
 */
import { execFile, execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, realpathSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { sofficePath } from "./libreoffice";

export const ROOT = join(__dirname, "..", "..");

/** Runs scripts/make-notices.mjs into a new temporary folder and returns it. */
export function makeNotices(): string {
  const dir = mkdtempSync(join(tmpdir(), "ziping-notices-"));
  execFileSync(process.execPath, [join(ROOT, "scripts", "make-notices.mjs"), dir], { stdio: "pipe" });
  return dir;
}

/** Whether LibreOffice with its Writer component (which reads and writes Word files) is installed. */
export function hasWriter(): boolean {
  const soffice = sofficePath();
  if (!soffice) return false;
  const program = dirname(realpathSync(soffice));
  return existsSync(join(program, "libswlo.so")) || existsSync(join(program, "swlo.dll"));
}

/** A .doc (Word 97) made by LibreOffice from `docx`, written beside it; its path. */
export async function docFromDocx(docx: string): Promise<string> {
  const soffice = sofficePath();
  if (!soffice) throw new Error("LibreOffice (soffice) is not on PATH");
  const work = mkdtempSync(join(tmpdir(), "ziping-lo-doc-"));
  const profile = join(work, "profile");
  mkdirSync(profile);
  try {
    await new Promise<void>((resolve, reject) =>
      execFile(
        soffice,
        [
          "-env:UserInstallation=" + pathToFileURL(profile).href,
          "--headless",
          "--norestore",
          "--convert-to",
          "doc:MS Word 97",
          "--outdir",
          dirname(docx),
          docx,
        ],
        { env: { ...process.env, HOME: work }, timeout: 120000 },
        (error) => (error ? reject(error) : resolve())
      )
    );
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  const doc = docx.replace(/\.docx$/i, ".doc");
  if (!existsSync(doc)) throw new Error("LibreOffice wrote no .doc for " + docx);
  return doc;
}
