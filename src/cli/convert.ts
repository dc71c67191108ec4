/**
 * Files in the formats county offices also exchange, converted with LibreOffice where it is
 * installed: a legacy Word document (.doc) to .docx, a legacy or WPS workbook (.xls, .et) to .xlsx.
 * `soffice --headless --convert-to …`, with a profile of its own for every run (two runs never share
 * one, and a user's own LibreOffice settings are never touched), in a temporary folder that is
 * removed afterwards. The input is copied there first, so it is never written.
 */
import { execFile, type ExecFileException } from "node:child_process";
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
import { fsErrorText } from "./files";
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

/** Why a .xls/.et cannot be read here, and what to do. */
export const NO_LIBREOFFICE_XLS =
  "这是旧版 Excel（.xls）或 WPS 表格（.et）文件，本机没有安装 LibreOffice，无法自动转换。请在 Excel 或 WPS 中打开它，另存为 .xlsx 后再检查";

interface Conversion {
  /** LibreOffice's filter: "docx:MS Word 2007 XML". */
  filter: string;
  /**
   * The import filter: without one, a damaged file LibreOffice cannot open as what it claims to be
   * is imported as plain text instead, and "converts" into nonsense.
   */
  infilter?: string;
  /** The input's extension in the work folder, and the output's. */
  from: string;
  to: string;
  /** What the user is told when there is no LibreOffice, or the conversion fails. */
  missing: string;
  failed: string;
}

/** Why LibreOffice did not finish, in Chinese (node's "Command failed: …" is not for people). */
export function failureText(error: ExecFileException, soffice: string, timeoutMs: number): string {
  if (error.killed || error.signal) return "转换超时（超过 " + Math.round(timeoutMs / 1000) + " 秒仍未完成）";
  if (typeof error.code === "string") return "无法运行 LibreOffice（" + soffice + "：" + fsErrorText(error) + "）";
  return "LibreOffice 异常退出" + (typeof error.code === "number" ? "（退出码 " + error.code + "）" : "");
}

async function convert(file: string, how: Conversion, timeoutMs = 120000): Promise<Buffer> {
  const soffice = findSoffice();
  if (!soffice) throw new UsageError(how.missing + "：" + file);
  const work = mkdtempSync(join(tmpdir(), "ziping-convert-"));
  try {
    const profile = join(work, "profile");
    const out = join(work, "out");
    mkdirSync(profile);
    mkdirSync(out);
    // An ASCII name: LibreOffice names its output after the input.
    const input = join(work, "input." + how.from);
    copyFileSync(file, input);
    const args = [
      "-env:UserInstallation=" + pathToFileURL(profile).href,
      "--headless",
      "--norestore",
      "--nolockcheck",
      "--nodefault",
      ...(how.infilter ? ["--infilter=" + how.infilter] : []),
      "--convert-to",
      how.filter,
      "--outdir",
      out,
      input,
    ];
    const failure = await new Promise<string | undefined>((resolve) => {
      execFile(
        soffice,
        args,
        { env: { ...process.env, HOME: work }, timeout: timeoutMs, maxBuffer: 8 * 1024 * 1024 },
        (error) => resolve(error ? failureText(error, soffice, timeoutMs) : undefined)
      );
    });
    const output = join(out, "input." + how.to);
    // soffice exits 0 even when it could not load the input: the output decides.
    if (!existsSync(output) || statSync(output).size === 0)
      throw new UsageError(how.failed + (failure ? "。" + failure : "") + "：" + file);
    return readFileSync(output);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** Converts `file` (.doc) and returns the .docx bytes; every failure is a Chinese UsageError (exit 2). */
export function convertDocToDocx(file: string, options: { timeoutMs?: number } = {}): Promise<Buffer> {
  return convert(
    file,
    {
      filter: "docx:MS Word 2007 XML",
      from: "doc",
      to: "docx",
      missing: NO_LIBREOFFICE,
      failed:
        "LibreOffice 未能把 .doc 转换为 .docx（文件可能已损坏，或本机的 LibreOffice 没有 Writer 组件），请在 Word 或 WPS 中另存为 .docx 后再导入",
    },
    options.timeoutMs
  );
}

/** Converts `file` (.xls, .et) and returns the .xlsx bytes; every failure is a Chinese UsageError (exit 2). */
export function convertToXlsx(file: string, options: { timeoutMs?: number } = {}): Promise<Buffer> {
  return convert(
    file,
    {
      filter: "xlsx:Calc MS Excel 2007 XML",
      infilter: /\.ods$/i.test(file) ? "calc8" : "MS Excel 97",
      from: /\.et$/i.test(file) ? "et" : /\.ods$/i.test(file) ? "ods" : "xls",
      to: "xlsx",
      missing: NO_LIBREOFFICE_XLS,
      failed:
        "LibreOffice 未能把该文件转换为 .xlsx（文件可能已损坏或已加密），请在 Excel 或 WPS 中另存为 .xlsx 后再检查",
    },
    options.timeoutMs
  );
}
