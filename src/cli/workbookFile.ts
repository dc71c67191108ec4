/** Reading and writing .xlsx files for the commands: every failure becomes a Chinese UsageError (exit 2). */
import { existsSync, readFileSync, realpathSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import {
  applyPlan,
  readWorkbook,
  writeWorkbook,
  XlsxApplyError,
  XlsxReadError,
  type XlsxWorkbook,
} from "../adapters/xlsx/index";
import type { WorkbookPlan } from "../plan/plan";
import { UsageError } from "./io";

export async function loadWorkbook(file: string): Promise<XlsxWorkbook> {
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
          : "无法读取文件：" + file + "（" + code + "）"
    );
  }
  try {
    return await readWorkbook(data);
  } catch (error) {
    if (error instanceof XlsxReadError) throw new UsageError(error.message + "：" + file);
    throw error;
  }
}

function samePath(a: string, b: string): boolean {
  const real = (p: string) => (existsSync(p) ? realpathSync(p) : resolve(p));
  return real(a) === real(b);
}

/** Refuses to write over the input: the input file is never written (CONTRACTS.md). */
export function checkOutput(input: string | undefined, output: string | undefined, usage: string): string {
  if (!output) throw new UsageError("请用 -o 指定输出文件。\n用法：" + usage);
  if (input && samePath(input, output)) throw new UsageError("输出文件不能与输入文件相同（不会改写原文件）：" + output);
  if (!/\.xlsx$/i.test(output)) throw new UsageError("输出文件应以 .xlsx 结尾：" + output);
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
    if (error instanceof XlsxApplyError) throw new UsageError("无法写出工作簿：" + error.message);
    throw error;
  }
  const bytes = await writeWorkbook(workbook);
  const temporary = join(dirname(file), "." + basename(file) + "." + process.pid + ".tmp");
  try {
    writeFileSync(temporary, bytes);
    renameSync(temporary, file);
  } catch (error) {
    try {
      rmSync(temporary, { force: true });
    } catch {
      // Nothing was written where nothing can be written (the parent is not a folder).
    }
    throw new UsageError(
      "无法写入文件：" + file + "（" + ((error as NodeJS.ErrnoException).code ?? String(error)) + "）"
    );
  }
}
