/**
 * Reading back what people typed on Ziping's own sheets: the inputs of 自评依据 and 指标数据 by key
 * (the engine's evidence), the 情况说明 of 校验报告 and the 说明 kept in _ziping.
 */
import type { Evidence } from "../rubric/engine";
import type { Rubric } from "../rubric/schema";
import { cellAt, formulaAt, isBlankValue, isErrorValue, rowCount, type Grid } from "../sheet/grid";
import { cleanText } from "../sheet/normalize";
import { evidenceRows } from "./rows";
import {
  EVIDENCE_COL,
  EVIDENCE_SHEET,
  METRIC_COL,
  METRICS_SHEET,
  NOT_APPLICABLE,
  REPORT_COL,
  REPORT_SHEET,
  STATE_SHEET,
} from "./sheets";

function findSheet(grids: readonly Grid[], name: string): Grid | undefined {
  return grids.find((g) => g.sheet === name);
}

/** What a person typed into an input cell. */
export type TypedValue = string | number | boolean;

/** A typed value: the cell's value unless it holds a formula (ours) or an error. */
function typed(grid: Grid, row: number, col: number): TypedValue | undefined {
  if (formulaAt(grid, row, col)) return undefined;
  const v = cellAt(grid, row, col);
  if (v === null || isBlankValue(v) || isErrorValue(v) || v === NOT_APPLICABLE) return undefined;
  return typeof v === "string" ? cleanText(v) : v;
}

/**
 * A typed figure as the person sees it: a cell formatted as a percentage holds a fraction, so
 * 1.3 shown as 130% is read as 130% (130 → 1.3), not as 1.3% by the "≤ 1 is a fraction" rule.
 */
function asShown(grid: Grid, row: number, col: number): TypedValue | undefined {
  const v = typed(grid, row, col);
  const format = grid.numberFormats?.[row]?.[col] ?? "";
  return typeof v === "number" && v > 1 && format.indexOf("%") >= 0 ? v * 100 : v;
}

/** The inputs typed on 自评依据, by row key ("1.1.a", "7.1.a:national"). */
export function typedEvidenceInputs(grids: readonly Grid[]): Map<string, TypedValue> {
  const inputs = new Map<string, TypedValue>();
  const grid = findSheet(grids, EVIDENCE_SHEET);
  if (!grid) return inputs;
  for (let row = 1; row < rowCount(grid); row++) {
    const key = cellAt(grid, row, EVIDENCE_COL.id);
    const value = typed(grid, row, EVIDENCE_COL.input);
    if (typeof key === "string" && value !== undefined) inputs.set(key.trim(), value);
  }
  return inputs;
}

export interface TypedMetric {
  numerator?: TypedValue;
  denominator?: TypedValue;
  value?: TypedValue;
}

/** The figures typed on 指标数据, by metric id. */
export function typedMetricInputs(grids: readonly Grid[]): Map<string, TypedMetric> {
  const inputs = new Map<string, TypedMetric>();
  const grid = findSheet(grids, METRICS_SHEET);
  if (!grid) return inputs;
  for (let row = 1; row < rowCount(grid); row++) {
    const id = cellAt(grid, row, METRIC_COL.id);
    if (typeof id !== "string") continue;
    const entry: TypedMetric = {
      numerator: typed(grid, row, METRIC_COL.numerator),
      denominator: typed(grid, row, METRIC_COL.denominator),
      value: asShown(grid, row, METRIC_COL.value),
    };
    if (entry.numerator !== undefined || entry.denominator !== undefined || entry.value !== undefined)
      inputs.set(id.trim(), entry);
  }
  return inputs;
}

/** The workbook's evidence in the engine's terms: what the engine scores is what the formulas score. */
export function evidenceFromWorkbook(grids: readonly Grid[], rubric: Rubric): Evidence {
  const inputs = typedEvidenceInputs(grids);
  const values: Record<string, unknown> = {};
  for (const row of evidenceRows(rubric)) {
    const v = inputs.get(row.key);
    if (v === undefined) continue;
    if (row.itemId !== undefined) {
      const counts = (values[row.criterionId] as Record<string, unknown> | undefined) ?? {};
      counts[row.itemId] = v;
      values[row.criterionId] = counts;
    } else {
      values[row.criterionId] = v;
    }
  }
  const metrics: Record<string, unknown> = {};
  for (const [id, m] of typedMetricInputs(grids)) metrics[id] = m;
  return { values, metrics };
}

export function hasEvidenceSheet(grids: readonly Grid[]): boolean {
  return findSheet(grids, EVIDENCE_SHEET) !== undefined;
}

/** The 情况说明 people typed into an earlier 校验报告, by finding key. */
export function reportNotes(grids: readonly Grid[]): Map<string, string> {
  const notes = new Map<string, string>();
  const report = grids.find((g) => g.sheet === REPORT_SHEET);
  if (!report) return notes;
  for (let row = 1; row < report.values.length; row++) {
    const key = cellAt(report, row, REPORT_COL.key);
    const note = cellAt(report, row, REPORT_COL.note);
    if (typeof key === "string" && key && typeof note === "string" && note.trim()) notes.set(key, note.trim());
  }
  return notes;
}

export function acceptedNotes(grids: readonly Grid[]): Map<string, string> {
  const notes = reportNotes(grids);
  const state = grids.find((g) => g.sheet === STATE_SHEET);
  if (!state) return notes;
  for (let row = 0; row < state.values.length; row++) {
    const key = cellAt(state, row, 1);
    const note = cellAt(state, row, 2);
    if (cellAt(state, row, 0) === "accept" && typeof key === "string" && typeof note === "string" && note.trim())
      notes.set(key, note.trim());
  }
  return notes;
}
