/** Reading and writing .xlsx files for the commands: every failure becomes a Chinese UsageError (exit 2). */
import { existsSync, readFileSync } from "node:fs";
import JSZip from "jszip";
import {
  applyPlan,
  readWorkbook,
  writeWorkbook,
  XlsxApplyError,
  XlsxProtectedError,
  XlsxReadError,
  type XlsxWorkbook,
} from "../adapters/xlsx/index";
import type { WorkbookPlan } from "../plan/plan";
import { REPORT_SHEET, STATE_SHEET } from "../own/sheets";
import { convertToXlsx } from "./convert";
import { fsErrorText, refuseInput, writeWhole } from "./files";
import { Refusal, UsageError } from "./io";

/** The sheet of a batch summary. */
export const BATCH_SHEET = "汇总";

/** Legacy and WPS workbooks LibreOffice converts to .xlsx (and OpenDocument sheets). */
export const CONVERTIBLE = /\.(xls|et|ods)$/i;

/**
 * Reads a workbook for a command. An .xls or .et (or .ods) file is converted to .xlsx with
 * LibreOffice where it is installed, and `note` is told so; every failure becomes a Chinese
 * UsageError (exit 2). The file itself is never written.
 */
export async function loadWorkbook(file: string, note?: (text: string) => void): Promise<XlsxWorkbook> {
  let data: Buffer;
  try {
    data = readFileSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(
      code === "ENOENT"
        ? "找不到文件：" + file
        : code === "EISDIR"
          ? "这是一个文件夹，不是工作簿：" + file
          : "无法读取文件：" + file + "（" + fsErrorText(error) + "）"
    );
  }
  try {
    return await readWorkbook(data);
  } catch (error) {
    if (!(error instanceof XlsxReadError)) throw error;
    // An .xls (its OLE file holds a Workbook stream), or a file named .xls/.et/.ods; not any OLE file.
    const legacy = error.reason === "xls" || (error.reason !== "encrypted" && CONVERTIBLE.test(file));
    if (!legacy) throw new UsageError(error.message + "：" + file);
  }
  const converted = await convertToXlsx(file);
  if (note)
    note("“" + file + "”不是 .xlsx，已用 LibreOffice 转换为 .xlsx 后读取（原文件未改动；写出的文件都是 .xlsx）");
  try {
    return await readWorkbook(converted);
  } catch (error) {
    if (error instanceof XlsxReadError) throw new UsageError(error.message + "（由 LibreOffice 转换后）：" + file);
    throw error;
  }
}

/** A file Ziping wrote (a prepared workbook, a report copy, a batch summary): replaced without asking. */
export async function isZipingOutput(file: string): Promise<boolean> {
  try {
    const zip = await JSZip.loadAsync(readFileSync(file));
    const workbook = zip.file("xl/workbook.xml");
    if (!workbook) return false;
    const names = Array.from(
      (await workbook.async("string")).matchAll(/<(?:\w+:)?sheet\b[^>]*\bname="([^"]*)"/g),
      (m) => m[1]
    );
    return (
      names.indexOf(STATE_SHEET) >= 0 ||
      names.indexOf(REPORT_SHEET) >= 0 ||
      (names.length === 1 && names[0] === BATCH_SHEET)
    );
  } catch {
    return false;
  }
}

export interface OutputOptions {
  /** Replace an existing file that Ziping did not write (--force). */
  force?: boolean;
  /** Replace an earlier output of Ziping's without asking (fill, report, batch do; template does not). */
  replaceOurs?: boolean;
}

/**
 * The output file, checked before anything is read or written: never one of the inputs (under any
 * name), an .xlsx, and not someone's existing file unless --force (CONTRACTS.md).
 */
export async function checkOutput(
  inputs: readonly string[],
  output: string | undefined,
  usage: string,
  options: OutputOptions = {}
): Promise<string> {
  if (!output) throw new UsageError("请用 -o 指定输出文件。\n用法：" + usage);
  refuseInput(output, inputs);
  // A macro-enabled workbook keeps its macros, and Excel opens such a package only as .xlsm.
  const macros = inputs.some((input) => /\.xlsm$/i.test(input));
  if (macros && !/\.xlsm$/i.test(output))
    throw new UsageError("输入是启用宏的工作簿（.xlsm），宏会原样保留，输出文件应以 .xlsm 结尾：" + output);
  if (!macros && !/\.xlsx$/i.test(output)) throw new UsageError("输出文件应以 .xlsx 结尾：" + output);
  if (existsSync(output) && !options.force && !(options.replaceOurs && (await isZipingOutput(output))))
    throw new UsageError("文件已存在，不会覆盖：" + output + "。确需覆盖请加 --force，或另选输出文件名");
  return output;
}

/**
 * Applies a plan and writes the workbook: to a temporary name beside the target, then renamed, so a
 * failed write leaves nothing half-written behind.
 */
export async function savePlanned(workbook: XlsxWorkbook, plan: WorkbookPlan, file: string): Promise<void> {
  try {
    applyPlan(workbook, plan);
  } catch (error) {
    if (error instanceof XlsxProtectedError) throw new Refusal(error.message);
    if (error instanceof XlsxApplyError) throw new UsageError("无法写出工作簿：" + error.message);
    throw error;
  }
  writeWhole(file, await writeWorkbook(workbook));
}
