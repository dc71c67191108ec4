/**
 * LibreOffice as the test oracle for formulas (docs/FACTS.md): `recalculate` converts an .xlsx to .xlsx
 * through headless LibreOffice with a fresh profile that forces every formula to be recomputed on
 * load, so the cached values in the output are LibreOffice's own, not the ones we wrote.
 */
import { execFile } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { pathToFileURL } from "url";

/**
 * /org.openoffice.Office.Calc/Formula/Load: OOXMLRecalcMode (and ODFRecalcMode) 0 = always
 * recalculate. The default ("never") keeps the cached results a file carries.
 */
const RECALC_ALWAYS_XCU = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

const EXECUTABLES = ["soffice", "libreoffice"];

/** The LibreOffice executable on PATH, or undefined. */
export function sofficePath(): string | undefined {
  const dirs = (process.env.PATH || "").split(path.delimiter).filter(Boolean);
  for (const name of EXECUTABLES) {
    for (const dir of dirs) {
      const candidate = path.join(dir, name);
      try {
        fs.accessSync(candidate, fs.constants.X_OK);
        if (fs.statSync(candidate).isFile()) return candidate;
      } catch {
        // not here
      }
    }
  }
  return undefined;
}

/** Whether `soffice` is on PATH. */
export function hasLibreOffice(): boolean {
  return sofficePath() !== undefined;
}

export interface RecalculateOptions {
  /** Milliseconds before soffice is killed; default 120 000 (the first start of a profile is slow). */
  timeoutMs?: number;
}

/**
 * Copies `inputXlsx` into a fresh temporary directory, has LibreOffice open it with every formula
 * recomputed and save it as .xlsx, and returns the output's path (inside that directory; the
 * caller deletes it with `removeRecalculated`). Each call has its own profile, so calls
 * may run concurrently. Rejects when soffice is missing, fails, or writes nothing (it exits 0 even
 * when it could not load the input).
 */
export async function recalculate(
  inputXlsx: string,
  options: RecalculateOptions = {}
): Promise<string> {
  const soffice = sofficePath();
  if (!soffice) throw new Error("LibreOffice (soffice) is not on PATH");
  if (!fs.existsSync(inputXlsx)) throw new Error("no such file: " + inputXlsx);

  const work = fs.mkdtempSync(path.join(os.tmpdir(), "ziping-lo-"));
  const inDir = path.join(work, "in");
  const outDir = path.join(work, "out");
  const profile = path.join(work, "profile");
  fs.mkdirSync(inDir);
  fs.mkdirSync(outDir);
  fs.mkdirSync(path.join(profile, "user"), { recursive: true });
  fs.writeFileSync(
    path.join(profile, "user", "registrymodifications.xcu"),
    RECALC_ALWAYS_XCU,
    "utf8"
  );

  // An ASCII name: the input's own name may hold Chinese, which is fine but makes logs harder.
  const input = path.join(inDir, "input.xlsx");
  fs.copyFileSync(inputXlsx, input);
  const output = path.join(outDir, "input.xlsx");

  const args = [
    // execFile passes each argument as is: no shell, so no quoting needed around file:// URLs.
    "-env:UserInstallation=" + pathToFileURL(profile).href,
    "--headless",
    "--norestore",
    "--nolockcheck",
    "--nodefault",
    "--convert-to",
    "xlsx:Calc MS Excel 2007 XML",
    "--outdir",
    outDir,
    input,
  ];
  const env = { ...process.env, HOME: work };
  try {
    const { stdout, stderr } = await new Promise<{ stdout: string; stderr: string }>(
      (resolve, reject) => {
        execFile(
          soffice,
          args,
          { env, timeout: options.timeoutMs ?? 120000, maxBuffer: 8 * 1024 * 1024 },
          (error, out, err) => {
            if (error)
              reject(new Error(`soffice failed: ${error.message}\n${String(out)}\n${String(err)}`));
            else resolve({ stdout: String(out), stderr: String(err) });
          }
        );
      }
    );
    if (!fs.existsSync(output) || fs.statSync(output).size === 0) {
      throw new Error(
        `soffice wrote no output for ${inputXlsx}\nstdout: ${stdout}\nstderr: ${stderr}`
      );
    }
    return output;
  } catch (error) {
    fs.rmSync(work, { recursive: true, force: true });
    throw error;
  }
}

/** Deletes the temporary directory (profile, copy, output) of a `recalculate` result. */
export function removeRecalculated(output: string): void {
  const work = path.dirname(path.dirname(output));
  if (path.basename(work).startsWith("ziping-lo-"))
    fs.rmSync(work, { recursive: true, force: true });
}
