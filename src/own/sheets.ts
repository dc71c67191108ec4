/**
 * Ziping's own workbook format, in one place: the sheets it writes (自评依据, 指标数据, 自评汇总,
 * 校验报告, 进度 and the hidden _ziping), their headers and columns, and how to tell one of ours from
 * a county's sheet that happens to bear the same name. The plan builders write this format, the
 * validator and the panes read it; neither knows it but through here.
 *
 * A sheet is ours when its first row starts with our headers; any other sheet of that name stops
 * the action, with nothing written.
 */
import { cellAt, type Grid } from "../sheet/grid";
import type { PlanOp } from "../plan/plan";

export const EVIDENCE_SHEET = "自评依据";
export const METRICS_SHEET = "指标数据";
export const SUMMARY_SHEET = "自评汇总";
export const STATE_SHEET = "_ziping";
export const REPORT_SHEET = "校验报告";
export const SUMMARY_HEADERS = ["编号", "一级指标", "分值", "自评得分", "加分分值", "加分得分"];
export const REPORT_HEADERS = ["序号", "级别", "问题", "工作表", "单元格", "指标", "说明", "情况说明", "键"];
/** The 进度 sheet `merge` writes: each unit's returns, then each indicator's units still owing it. */
export const PROGRESS_SHEET = "进度";
export const PROGRESS_HEADERS = [
  "单位",
  "分到的行数",
  "已报送行数",
  "已填完成情况",
  "有佐证材料",
  "尚未填报",
  "最后合并的文件",
  "文件日期",
];

/** Sheets Ziping writes: never recognized as a county's table. */
export const OWN_SHEETS = [EVIDENCE_SHEET, METRICS_SHEET, SUMMARY_SHEET, REPORT_SHEET, PROGRESS_SHEET, STATE_SHEET];

/** What a person types for yes and no (and what the formulas test for). */
export const YES = "是";
export const NO = "否";

export const EVIDENCE_HEADERS = ["编号", "二级指标", "评分项", "类型", "输入", "得分", "上限", "填写说明"];
export const EVIDENCE_COL = { id: 0, indicator: 1, text: 2, kind: 3, input: 4, score: 5, max: 6, hint: 7 } as const;

/** Shown in 分子/分母 of a metric that is a single figure: not an input. */
export const NOT_APPLICABLE = "—";

export const METRIC_HEADERS = ["编号", "指标", "分子", "分母", "实际值", "计算值", "单位", "目标", "状态"];
export const METRIC_COL = {
  id: 0,
  name: 1,
  numerator: 2,
  denominator: 3,
  value: 4,
  computed: 5,
  unit: 6,
  target: 7,
  status: 8,
} as const;

/** 校验报告's columns a later report reads back: the 情况说明 typed, and the finding's key (hidden). */
export const REPORT_COL = { note: 7, key: 8 } as const;

/** Our formulas read the 自评依据 sheet; any other content of a 自评得分 cell was put there by a person. */
export function isOurFormula(formula: string | null): boolean {
  return formula !== null && formula.indexOf(EVIDENCE_SHEET) >= 0;
}

/** Rows of _ziping that `merge` keeps (what it wrote, each unit's last file and rows); a fill carries them over. */
export const MERGE_STATE_KINDS = ["merged", "mergeValue", "mergeFile", "mergeRow"];

/**
 * What _ziping's first row may hold (state.ts writes them): the rubric a fill recorded, a 说明, a
 * fingerprint, a split file's unit, or what merge wrote.
 */
const STATE_FIRST_KINDS = ["rubric", "accept", "written", "unit"].concat(MERGE_STATE_KINDS);

const SIGNATURES: Record<string, string[]> = {
  [EVIDENCE_SHEET]: EVIDENCE_HEADERS,
  [METRICS_SHEET]: METRIC_HEADERS,
  [SUMMARY_SHEET]: SUMMARY_HEADERS,
  [REPORT_SHEET]: REPORT_HEADERS,
  [PROGRESS_SHEET]: PROGRESS_HEADERS,
  // _ziping starts with the rubric a fill recorded, or with a 说明 written before any fill.
  [STATE_SHEET]: ["rubric"],
};

/**
 * The ops that (re)start one of our sheets: cleared if it is there, added if not, and given its
 * column widths and hidden columns either way.
 */
export function ownSheetOps(
  grids: readonly Grid[],
  sheet: string,
  layout: { columnWidths?: number[]; hiddenColumns?: number[]; hidden?: boolean }
): PlanOp[] {
  const add: PlanOp = { op: "addSheet", sheet, ...layout };
  return grids.some((g) => g.sheet === sheet) ? [{ op: "clearSheet", sheet }, add] : [add];
}

/** An action that would overwrite what a person made: said in Chinese, nothing written. */
export class ConflictError extends Error {}

function isOurs(grid: Grid): boolean {
  const signature = SIGNATURES[grid.sheet];
  if (!signature) return false;
  const blank = grid.values.every((row) => row.every((v) => v === null || v === ""));
  if (blank) return true;
  if (grid.sheet === STATE_SHEET) return STATE_FIRST_KINDS.indexOf(String(cellAt(grid, 0, 0))) >= 0;
  // The first two headers: what every version of our sheets has written there.
  return signature.slice(0, 2).every((header, col) => cellAt(grid, 0, col) === header);
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
