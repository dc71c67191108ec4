/**
 * Ziping's own sheets (自评依据, 指标数据, 自评汇总, 校验报告, _ziping) are rewritten on every run; a
 * county's sheet that happens to bear one of those names is not. A sheet is ours when its first row
 * starts with our headers; any other sheet of that name stops the action, with nothing written.
 */
import { cellAt, type Grid } from "../sheet/grid";
import { EVIDENCE_HEADERS, METRIC_HEADERS } from "./evidenceSheet";
import { EVIDENCE_SHEET, METRICS_SHEET, STATE_SHEET, SUMMARY_SHEET } from "./formulas";

export const REPORT_SHEET = "校验报告";
export const SUMMARY_HEADERS = ["编号", "一级指标", "分值", "自评得分", "加分分值", "加分得分"];
export const REPORT_HEADERS = ["序号", "级别", "代码", "工作表", "单元格", "指标", "说明", "情况说明"];

const SIGNATURES: Record<string, string[]> = {
  [EVIDENCE_SHEET]: EVIDENCE_HEADERS,
  [METRICS_SHEET]: METRIC_HEADERS,
  [SUMMARY_SHEET]: SUMMARY_HEADERS,
  [REPORT_SHEET]: REPORT_HEADERS,
  // _ziping starts with the rubric a fill recorded, or with a 说明 written before any fill.
  [STATE_SHEET]: ["rubric"],
};

/** An action that would overwrite what a person made: said in Chinese, nothing written. */
export class ConflictError extends Error {}

function isOurs(grid: Grid): boolean {
  const signature = SIGNATURES[grid.sheet];
  if (!signature) return false;
  const blank = grid.values.every((row) => row.every((v) => v === null || v === ""));
  if (blank) return true;
  if (grid.sheet === STATE_SHEET) return cellAt(grid, 0, 0) === "rubric" || cellAt(grid, 0, 0) === "accept";
  return signature.slice(0, 3).every((header, col) => cellAt(grid, 0, col) === header);
}

/** Throws ConflictError when a sheet we would rewrite exists and is not ours. */
export function checkOwnSheets(grids: readonly Grid[], names: string[]): void {
  const foreign = grids.filter((g) => names.indexOf(g.sheet) >= 0 && !isOurs(g)).map((g) => g.sheet);
  if (foreign.length) {
    throw new ConflictError(
      "工作簿中已有名为“" +
        foreign.join("”“") +
        "”的工作表，不是自评助手生成的；为免覆盖，未作任何改动。请把该工作表改名后重试。"
    );
  }
}

/** The rubric id a previous 准备工作簿 recorded in the hidden _ziping sheet (as the CLI reads it). */
export function rememberedRubricId(grids: readonly Grid[]): string | undefined {
  const state = grids.find((g) => g.sheet === STATE_SHEET);
  if (!state) return undefined;
  for (let row = 0; row < state.values.length; row++) {
    const value = cellAt(state, row, 1);
    if (cellAt(state, row, 0) === "rubric" && typeof value === "string") return value;
  }
  return undefined;
}
