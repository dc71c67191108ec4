/**
 * The lite pane's analysis: the rubric the workbook remembers (准备工作簿 records it), else the
 * best-fitting built-in, then the same scoring and checks as the full pane (model/analysis.ts).
 * Deriving a rubric from a sheet's own sentences, and checking a derived rubric stored in the
 * workbook, need the rubric schema (zod), which the lite bundle does not carry: such a workbook is
 * said to need the full pane, and nothing is guessed.
 */
import { rememberedRubricId } from "../../plan/ownSheets";
import type { Rubric } from "../../rubric/schema";
import type { Grid } from "../../sheet/grid";
import { primarySheet, recognizeWorkbook } from "../../sheet/workbook";
import { analysisOf, type Analysis } from "../model/analysis";

export interface LiteAnalysis extends Analysis {
  /** Why no built-in rubric scores the workbook although it holds a table (Chinese), if so. */
  needsFullPane?: string;
}

const FULL_PANE =
  "请在 Office 2021、Office 2024 或 Microsoft 365 中打开自评助手，或使用命令行 ziping（ziping derive）。";

export function analyzeLite(grids: Grid[], rubrics: readonly Rubric[]): LiteAnalysis {
  const id = rememberedRubricId(grids);
  if (id !== undefined && id.indexOf("derived:") === 0) {
    const sheets = recognizeWorkbook(grids, rubrics);
    return {
      ...analysisOf(grids, sheets),
      needsFullPane: "此工作簿使用由表格自身生成的评分细则，精简界面不能核对和使用它。" + FULL_PANE,
    };
  }
  const chosen = id !== undefined ? rubrics.find((r) => r.id === id) : undefined;
  const sheets = recognizeWorkbook(grids, rubrics, chosen);
  const primary = primarySheet(sheets);
  const analysis: LiteAnalysis = analysisOf(grids, sheets, primary);
  if (!primary && sheets.some((s) => s.layout.kind !== "unknown"))
    analysis.needsFullPane = "表格不属于内置的评分细则；由表格自身的评分语句生成评分细则需要完整界面。" + FULL_PANE;
  return analysis;
}
