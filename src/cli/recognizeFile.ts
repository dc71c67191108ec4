/** Recognizing a loaded workbook for the commands, honouring --rubric and the rubric a fill remembered. */
import type { XlsxWorkbook } from "../adapters/xlsx/index";
import { builtinRubrics, findBuiltinRubric } from "./builtinRubrics";
import type { Rubric } from "../rubric/schema";
import { readFileSync } from "node:fs";
import { basename } from "node:path";
import { checkRubric, formatRubricErrors } from "../rubric/validate";
import { chooseRubric } from "../check/chooseRubric";
import { derivation, rememberedRubric as remembered } from "../check/recognize";
import type { Grid } from "../sheet/grid";
import type { SheetRecognition } from "../sheet/workbook";
import { fsErrorText } from "./files";
import { Refusal, UsageError } from "./io";

export function rubricOption(id: unknown): Rubric | undefined {
  if (id === undefined) return undefined;
  const rubric = findBuiltinRubric(String(id));
  if (!rubric)
    throw new UsageError("未知的评分细则“" + String(id) + "”。可用：" + builtinRubrics.map((r) => r.id).join("、"));
  if (!rubric.categories.length) throw new UsageError("评分细则“" + rubric.id + "”只含目标，没有可评分的指标");
  return rubric;
}

/** The rubric a previous fill recorded in the workbook (a built-in or a stored derived one). */
export function rememberedRubric(grids: readonly Grid[]): Rubric | undefined {
  return remembered(grids, builtinRubrics);
}

/**
 * A text file as a person's editor saved it: UTF-8 with or without a BOM (Notepad writes one),
 * UTF-16 with its BOM, or GBK/GB18030 (what Chinese Windows saves as "ANSI").
 */
export function readTextFile(path: string): string {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    throw new UsageError("无法读取文件：" + path + "（" + fsErrorText(error) + "）");
  }
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return bytes.subarray(3).toString("utf8");
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder("utf-16le").decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder("utf-16be").decode(bytes.subarray(2));
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    // Not UTF-8: Chinese Windows' "ANSI" is GBK, which GB18030 reads as well.
    return new TextDecoder("gb18030").decode(bytes);
  }
}

/** Where a JSON syntax error is, in Chinese ("第 3 行第 14 列附近"). */
function jsonErrorPlace(text: string, error: unknown): string {
  const m = /position (\d+)/.exec(error instanceof Error ? error.message : "");
  if (!m) return "";
  const before = text.slice(0, Number(m[1])).split("\n");
  return "（第 " + before.length + " 行第 " + (before[before.length - 1].length + 1) + " 列附近）";
}

/** A rubric data file (`--rubric-file`): a derived rubric reviewed by a person, or a province's new one. */
export function rubricFile(path: unknown): Rubric | undefined {
  if (path === undefined) return undefined;
  const text = readTextFile(String(path));
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new UsageError("评分细则文件不是有效的 JSON" + jsonErrorPlace(text, error) + "：" + String(path));
  }
  const checked = checkRubric(data);
  if (!checked.ok)
    throw new UsageError("评分细则文件有误：" + String(path) + "\n" + formatRubricErrors(checked.errors));
  return checked.rubric;
}

export interface Recognized {
  grids: Grid[];
  sheets: SheetRecognition[];
  primary?: SheetRecognition;
  /** The primary sheet is scored by a rubric derived from its own text (no built-in fitted). */
  derived: boolean;
}

export interface RubricOptions {
  rubric?: unknown;
  "rubric-file"?: unknown;
  /** Use the rubric asked for even where it does not fit the sheet. */
  force?: unknown;
}

/**
 * Recognizes a loaded workbook: with the rubric asked for (--rubric-file, --rubric), else the one a
 * fill remembered, else the best-fitting built-in; where none fits a recognized table, the rubric is
 * derived from the table's own scoring sentences.
 */
export function recognizeLoaded(workbook: XlsxWorkbook, file: string, options: RubricOptions = {}): Recognized {
  const grids = workbook.grids();
  const chosen = rubricFile(options["rubric-file"]) ?? rubricOption(options.rubric);
  const recognized = { grids, ...chooseRubric(grids, builtinRubrics, { chosen, file: basename(file), derivation }) };
  // A sheet left out of reading (far too long to be a scoring table) says so, not "empty".
  for (const skip of workbook.skipped) {
    const sheet = recognized.sheets.find((s) => s.layout.sheet === skip.sheet);
    if (sheet) sheet.layout.reason = skip.reason;
  }
  if (chosen && options.force !== true) refuseMisfit(recognized, chosen);
  return recognized;
}

/**
 * A rubric asked for by name that does not fit the sheet would score the wrong rows: refused when
 * fewer than half of its indicators are found in the sheet (rows of the sheet it has no place for
 * are reported by validate, not counted against it).
 */
function refuseMisfit(recognized: Recognized, chosen: Rubric): void {
  const match = recognized.primary?.match;
  const indicators = chosen.categories.reduce((n, c) => n + c.indicators.length, 0);
  const found = match ? new Set(match.matches.map((m) => m.indicator.id)).size : 0;
  if (!recognized.primary || indicators === 0 || found * 2 >= indicators) return;
  throw new Refusal(
    "工作表“" +
      recognized.primary.layout.sheet +
      "”与评分细则“" +
      chosen.title +
      "”不相符：评分细则的 " +
      indicators +
      " 项指标中，表中只找到 " +
      found +
      " 项，未作任何处理。请换用相符的评分细则（ziping rubrics 查看），或加 --force 仍按此细则处理。"
  );
}

/** A workbook just written, recognized again with the rubric it was written for. */
export function recognizeWritten(workbook: XlsxWorkbook, file: string, rubric: Rubric): Recognized {
  const grids = workbook.grids();
  return { grids, ...chooseRubric(grids, builtinRubrics, { chosen: rubric, file: basename(file), derivation }) };
}

/** Why nothing could be used, in Chinese, sheet by sheet. */
export function nothingRecognized(file: string, sheets: SheetRecognition[]): string {
  const lines = ["未识别：" + file + " 中没有可评分的任务分解表、评分细则或考核表。"];
  for (const s of sheets) {
    if (s.layout.reason) lines.push("  - " + s.layout.reason);
    else if (s.best)
      lines.push(
        "  - 工作表“" +
          s.layout.sheet +
          "”：与内置评分细则的吻合度仅 " +
          Math.round(s.best.score * 100) +
          "%（最接近：" +
          s.best.rubric.title +
          "）"
      );
    else lines.push("  - 工作表“" + s.layout.sheet + "”：没有可匹配的内置评分细则");
  }
  if (!sheets.length) lines.push("  - 工作簿中没有工作表");
  return lines.join("\n") + "\n";
}
