/**
 * What a unit's file from `split` carries beyond its rows, so that `merge` can take the unit's
 * answers back without guessing: a hidden _ziping naming the unit, the county's sheet and rubric;
 * and, where the county's workbook is prepared (自评依据, 指标数据), those two sheets cut down to the
 * unit's indicators — the same ids in the hidden column A, the inputs to fill, no formulas — so the
 * unit can answer its criteria (是/否, counts) and give its figures (分子, 分母, 实际值).
 */
import type { Rubric } from "../rubric/schema";
import { a1, cellAt, formulaAt, type CellValue, type Grid } from "../sheet/grid";
import { EVIDENCE_COL, METRIC_COL, NOT_APPLICABLE } from "../own/sheets";
import { EVIDENCE_SHEET, METRICS_SHEET, STATE_SHEET } from "../own/sheets";
import type { CellStyle, PlanOp } from "./plan";

/** A sheet of inputs keyed by the id in its column A: which columns a person fills. */
export interface KeyedSheet {
  sheet: string;
  inputs: number[];
  widths: number[];
}

export const KEYED_SHEETS: KeyedSheet[] = [
  { sheet: EVIDENCE_SHEET, inputs: [EVIDENCE_COL.input], widths: [10, 30, 46, 8, 14, 8, 8, 40] },
  {
    sheet: METRICS_SHEET,
    inputs: [METRIC_COL.numerator, METRIC_COL.denominator, METRIC_COL.value],
    widths: [12, 34, 10, 10, 10, 10, 12, 22, 10],
  },
];

/** "1.1.a" → "1.1", "7.1.a:national" → "7.1", "bonus.1.b" → "bonus.1". */
export function indicatorOfKey(key: string): string {
  return key.split(":")[0].split(".").slice(0, 2).join(".");
}

/** The indicators whose criteria read each metric. */
export function metricIndicators(rubric: Rubric): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const category of rubric.categories)
    for (const indicator of category.indicators)
      for (const c of indicator.criteria) {
        const metric = (c as { metric?: string }).metric;
        if (!metric) continue;
        if (!out.has(metric)) out.set(metric, new Set());
        out.get(metric)!.add(indicator.id);
      }
  return out;
}

/** Whether a keyed row (a criterion key or a metric id) belongs to any of the given indicators. */
export function keyedRowBelongs(
  sheet: string,
  id: string,
  indicators: ReadonlySet<string>,
  metrics: Map<string, Set<string>>
): boolean {
  if (sheet === EVIDENCE_SHEET) return indicators.has(indicatorOfKey(id));
  const readers = metrics.get(id);
  if (!readers) return false;
  let belongs = false;
  readers.forEach((i) => {
    if (indicators.has(i)) belongs = true;
  });
  return belongs;
}

/** Each row of a keyed sheet by its id (column A), first occurrence; row 0 is the header. */
export function keyedRows(grid: Grid): Map<string, number> {
  const out = new Map<string, number>();
  for (let r = 1; r < grid.values.length; r++) {
    const id = cellAt(grid, r, 0);
    if (typeof id === "string" && id.trim() && !out.has(id.trim())) out.set(id.trim(), r);
  }
  return out;
}

const HEADER: CellStyle = { bold: true, fill: "#DDEBF7", wrap: true, align: "center" };
const INPUT: CellStyle = { input: true };

function plain(value: CellValue): string | number | boolean | null {
  return value === null || typeof value === "object" ? null : value;
}

/**
 * The unit's 自评依据 and 指标数据: the county's rows for the unit's indicators, values only (the
 * county's formulas stay in the county's workbook), inputs shaded to fill.
 */
export function unitKeyedSheetOps(grids: readonly Grid[], rubric: Rubric, indicators: ReadonlySet<string>): PlanOp[] {
  const metrics = metricIndicators(rubric);
  const ops: PlanOp[] = [];
  for (const keyed of KEYED_SHEETS) {
    const grid = grids.find((g) => g.sheet === keyed.sheet);
    if (!grid) continue;
    const rows = Array.from(keyedRows(grid).entries()).filter(([id]) =>
      keyedRowBelongs(keyed.sheet, id, indicators, metrics)
    );
    if (!rows.length) continue;
    ops.push({ op: "addSheet", sheet: keyed.sheet, columnWidths: keyed.widths, hiddenColumns: [0] });
    const width = grid.values[0]?.length ?? 0;
    for (let c = 0; c < width; c++) {
      const v = plain(cellAt(grid, 0, c));
      if (v !== null) ops.push({ op: "set", sheet: keyed.sheet, cell: a1(0, c), value: v, style: HEADER });
    }
    rows.forEach(([, source], i) => {
      const target = i + 1;
      for (let c = 0; c < width; c++) {
        const input = keyed.inputs.indexOf(c) >= 0 && cellAt(grid, source, c) !== NOT_APPLICABLE;
        if (formulaAt(grid, source, c) !== null) {
          // A formula's cell (a 得分, a 计算值, an input read from 指标数据) is the county's to compute.
          if (!input) continue;
          ops.push({ op: "set", sheet: keyed.sheet, cell: a1(target, c), value: "（取自指标数据）" });
          continue;
        }
        const v = plain(cellAt(grid, source, c));
        if (v === null && !input) continue;
        ops.push({
          op: "set",
          sheet: keyed.sheet,
          cell: a1(target, c),
          value: v,
          style: input ? INPUT : c === 0 ? undefined : { wrap: true },
        });
      }
    });
    ops.push({ op: "freeze", sheet: keyed.sheet, rows: 1, columns: 1 });
  }
  return ops;
}

/** The unit's own hidden _ziping: who the file is for, and from which sheet and rubric. */
export function unitStateOps(unit: string, sheet: string, rubric: Rubric | undefined): PlanOp[] {
  const rows: Array<[string, string]> = [
    ["unit", unit],
    ["splitSheet", sheet],
  ];
  if (rubric) rows.push(["splitRubric", rubric.id]);
  const ops: PlanOp[] = [{ op: "addSheet", sheet: STATE_SHEET, hidden: true }];
  rows.forEach(([k, v], r) => {
    ops.push({ op: "set", sheet: STATE_SHEET, cell: a1(r, 0), value: k });
    ops.push({ op: "set", sheet: STATE_SHEET, cell: a1(r, 1), value: v });
  });
  return ops;
}

/** The unit a file from split was written for (its _ziping), if it says. */
export function unitOfFile(grids: readonly Grid[]): string | undefined {
  const state = grids.find((g) => g.sheet === STATE_SHEET);
  if (!state) return undefined;
  for (let r = 0; r < state.values.length; r++) {
    const v = cellAt(state, r, 1);
    if (cellAt(state, r, 0) === "unit" && typeof v === "string" && v.trim()) return v.trim();
  }
  return undefined;
}
