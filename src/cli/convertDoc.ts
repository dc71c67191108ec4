/**
 * A legacy Word document (.doc) converted to .docx with LibreOffice, where it is installed:
 * `soffice --headless --convert-to docx`, with a profile of its own for every run (two runs never
 * share one, and a user's own LibreOffice settings are never touched), in a temporary folder that is
 * removed afterwards. The input is copied there first, so it is never written.
 */
import { execFile } from "node:child_process";
import {
  accessSync,
  constants,
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { delimiter, join } from "node:path";
import { pathToFileURL } from "node:url";
import { UsageError } from "./io";

const EXECUTABLES = ["soffice", "libreoffice"];

/** LibreOffice on PATH (ZIPING_SOFFICE may name it instead), or undefined. */
export function findSoffice(env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (env.ZIPING_SOFFICE !== undefined) return env.ZIPING_SOFFICE || undefined;
  for (const dir of (env.PATH || "").split(delimiter).filter(Boolean)) {
    for (const name of EXECUTABLES) {
      const candidate = join(dir, name);
      try {
        accessSync(candidate, constants.X_OK);
        if (statSync(candidate).isFile()) return candidate;
      } catch {
        // not here
      }
    }
  }
  return undefined;
}

export const NO_LIBREOFFICE =
  "这是旧版 Word 文档（.doc），本机没有安装 LibreOffice，无法自动转换。请在 Word 或 WPS 中打开它，另存为 .docx 后再导入";

/** Converts `file` (.doc) and returns the .docx bytes; every failure is a Chinese UsageError (exit 2). */
export async function convertDocToDocx(file: string, options: { timeoutMs?: number } = {}): Promise<Buffer> {
  const soffice = findSoffice();
  if (!soffice) throw new UsageError(NO_LIBREOFFICE + "：" + file);
  const work = mkdtempSync(join(tmpdir(), "ziping-doc-"));
  try {
    const profile = join(work, "profile");
    const out = join(work, "out");
    mkdirSync(profile);
    mkdirSync(out);
    // An ASCII name: LibreOffice names its output after the input.
    const input = join(work, "notice.doc");
    copyFileSync(file, input);
    const args = [
      "-env:UserInstallation=" + pathToFileURL(profile).href,
      "--headless",
      "--norestore",
      "--nolockcheck",
      "--nodefault",
      "--convert-to",
      "docx:MS Word 2007 XML",
      "--outdir",
      out,
      input,
    ];
    const failure = await new Promise<string | undefined>((resolve) => {
      execFile(
        soffice,
        args,
        { env: { ...process.env, HOME: work }, timeout: options.timeoutMs ?? 120000, maxBuffer: 8 * 1024 * 1024 },
        (error) => resolve(error ? error.message : undefined)
      );
    });
    const output = join(out, "notice.docx");
    // soffice exits 0 even when it could not load the input (or has no Writer): the output decides.
    if (!existsSync(output) || statSync(output).size === 0)
      throw new UsageError(
        "LibreOffice 未能把 .doc 转换为 .docx（文件可能已损坏，或本机的 LibreOffice 没有 Writer 组件）" +
          (failure ? "：" + failure.split("\n")[0] : "") +
          "。请在 Word 或 WPS 中另存为 .docx 后再导入：" +
          file
      );
    return readFileSync(output);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
