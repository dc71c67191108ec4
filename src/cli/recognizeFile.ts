/** Recognizing a loaded workbook for the commands, honouring --rubric and the rubric a fill remembered. */
import type { XlsxWorkbook } from "../adapters/xlsx/index";
import { builtinRubrics, findBuiltinRubric } from "../rubric/builtin/index";
import type { Rubric } from "../rubric/schema";
import { rememberedRubricId } from "../plan/ownSheets";
import type { Grid } from "../sheet/grid";
import { primarySheet, recognizeWorkbook, type SheetRecognition } from "../sheet/workbook";
import { UsageError } from "./io";

export function rubricOption(id: unknown): Rubric | undefined {
  if (id === undefined) return undefined;
  const rubric = findBuiltinRubric(String(id));
  if (!rubric)
    throw new UsageError("未知的评分细则“" + String(id) + "”。可用：" + builtinRubrics.map((r) => r.id).join("、"));
  if (!rubric.categories.length) throw new UsageError("评分细则“" + rubric.id + "”只含目标，没有可评分的指标");
  return rubric;
}

/** The rubric a previous fill recorded in the hidden _ziping sheet. */
export function rememberedRubric(grids: readonly Grid[]): Rubric | undefined {
  const id = rememberedRubricId(grids);
  return id === undefined ? undefined : findBuiltinRubric(id);
}

export interface Recognized {
  grids: Grid[];
  sheets: SheetRecognition[];
  primary?: SheetRecognition;
}

export function recognizeLoaded(workbook: XlsxWorkbook, rubricId?: unknown): Recognized {
  const grids = workbook.grids();
  const chosen = rubricOption(rubricId) ?? rememberedRubric(grids);
  const sheets = recognizeWorkbook(grids, builtinRubrics, chosen);
  return { grids, sheets, primary: primarySheet(sheets) };
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
