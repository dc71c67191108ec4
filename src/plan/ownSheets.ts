/**
 * Ziping's own sheets (自评依据, 指标数据, 自评汇总, 校验报告, _ziping) are rewritten on every run; a
 * county's sheet that happens to bear one of those names is not. A sheet is ours when its first row
 * starts with our headers; any other sheet of that name stops the action, with nothing written.
 */
import type { Rubric } from "../rubric/schema";
import { a1, cellAt, type Grid } from "../sheet/grid";
import type { PlanOp } from "./plan";
import { fingerprintText, parseFingerprint, type Fingerprint } from "./ownCells";
import { EVIDENCE_HEADERS, METRIC_HEADERS } from "./evidenceSheet";
import { EVIDENCE_SHEET, METRICS_SHEET, STATE_SHEET, SUMMARY_SHEET } from "./formulas";

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
/** Rows of _ziping that `merge` keeps (what it wrote, each unit's last file and rows); a fill carries them over. */
export const MERGE_STATE_KINDS = ["merged", "mergeValue", "mergeFile", "mergeRow"];

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
  // _ziping starts with what a fill recorded, a 说明, a fingerprint, a split file's unit, or what merge wrote.
  if (grid.sheet === STATE_SHEET)
    return ["rubric", "accept", "written", "unit"].concat(MERGE_STATE_KINDS).indexOf(String(cellAt(grid, 0, 0))) >= 0;
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

/** The derived rubric a fill stored in _ziping (as JSON, still to be checked by the caller), if any. */
export function rememberedDerivedRubric(grids: readonly Grid[]): unknown {
  const state = grids.find((g) => g.sheet === STATE_SHEET);
  if (!state) return undefined;
  const chunks: Array<[number, string]> = [];
  for (let row = 0; row < state.values.length; row++) {
    const index = cellAt(state, row, 1);
    const chunk = cellAt(state, row, 2);
    if (cellAt(state, row, 0) === "derivedRubric" && typeof index === "number" && typeof chunk === "string")
      chunks.push([index, chunk]);
  }
  if (!chunks.length) return undefined;
  try {
    return JSON.parse(
      chunks
        .sort((a, b) => a[0] - b[0])
        .map((c) => c[1])
        .join("")
    );
  } catch {
    return undefined;
  }
}

/** Excel holds at most 32 767 characters in a cell. */
const CHUNK = 30000;

/** The rows of _ziping that describe the rubric a fill used; replaced together. */
const RUBRIC_ROWS = ["rubric", "rubricTitle", "year", "sheet", "format", "derivedRubric"];

/** What a run records in _ziping: the rubric and sheet of a fill, the cells it wrote on our sheets. */
export interface StateUpdate {
  rubric?: Rubric;
  sheet?: string;
  written?: Map<string, Fingerprint>;
}

function chunks(text: string): string[] {
  const out: string[] = [];
  for (let i = 0; i === 0 || i * CHUNK < text.length; i++) out.push(text.slice(i * CHUNK, (i + 1) * CHUNK));
  return out;
}

/**
 * The hidden _ziping sheet rewritten with `update`: the rubric this workbook was filled with (a
 * derived one as reviewed, JSON in cells of at most 30 000 characters), the fingerprints of what
 * Ziping wrote on its own sheets ("written" | sheet | chunk | text), and every other row as it was
 * — the explanations (说明) people wrote ("accept" | key | note) above all.
 */
export function stateOps(grids: readonly Grid[], update: StateUpdate): PlanOp[] {
  const existing = grids.find((g) => g.sheet === STATE_SHEET);
  const ops: PlanOp[] = ownSheetOps(grids, STATE_SHEET, { hidden: true });
  const rows: Array<Array<string | number>> = [];
  const { rubric, sheet, written } = update;
  if (rubric) {
    rows.push(["rubric", rubric.id], ["rubricTitle", rubric.title], ["year", rubric.year]);
    if (sheet) rows.push(["sheet", sheet]);
    rows.push(["format", 1]);
    if (rubric.derived) chunks(JSON.stringify(rubric)).forEach((chunk, i) => rows.push(["derivedRubric", i, chunk]));
  }
  if (existing) {
    for (let r = 0; r < existing.values.length; r++) {
      const row = existing.values[r] || [];
      const kind = row[0];
      if (typeof kind !== "string" || !kind) continue;
      if (rubric && RUBRIC_ROWS.indexOf(kind) >= 0) continue;
      if (written && kind === "written" && typeof row[1] === "string" && written.has(row[1])) continue;
      const carried = row.map((v) => (v === null || typeof v === "object" ? "" : (v as string | number)));
      while (carried.length && carried[carried.length - 1] === "") carried.pop();
      rows.push(carried as Array<string | number>);
    }
  }
  if (written) {
    written.forEach((fp, name) =>
      chunks(fingerprintText(fp)).forEach((chunk, i) => rows.push(["written", name, i, chunk]))
    );
  }
  rows.forEach((row, r) =>
    row.forEach((value, c) => {
      if (value !== "") ops.push({ op: "set", sheet: STATE_SHEET, cell: a1(r, c), value });
    })
  );
  return ops;
}

/** The fingerprints of our sheets a previous run recorded in _ziping, by sheet. */
export function rememberedFingerprints(grids: readonly Grid[]): Map<string, Fingerprint> {
  const out = new Map<string, Fingerprint>();
  const state = grids.find((g) => g.sheet === STATE_SHEET);
  if (!state) return out;
  const parts = new Map<string, Array<[number, string]>>();
  for (let r = 0; r < state.values.length; r++) {
    const [kind, name, index, text] = [
      cellAt(state, r, 0),
      cellAt(state, r, 1),
      cellAt(state, r, 2),
      cellAt(state, r, 3),
    ];
    if (kind !== "written" || typeof name !== "string" || typeof index !== "number") continue;
    const list = parts.get(name) ?? [];
    list.push([index, typeof text === "string" ? text : ""]);
    parts.set(name, list);
  }
  parts.forEach((list, name) =>
    out.set(
      name,
      parseFingerprint(
        list
          .sort((a, b) => a[0] - b[0])
          .map((p) => p[1])
          .join("")
      )
    )
  );
  return out;
}
