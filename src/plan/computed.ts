/**
 * Cached results that are right: before a plan is written to a file, the workbook it will leave is
 * recalculated (src/sheet/recalc.ts) and every formula the plan writes carries the computed value
 * as its saved result, and every other formula whose value the plan changes (or whose saved result
 * was already stale) gets its result refreshed. WPS and LibreOffice show saved results until a
 * cell is edited, so a file Ziping writes shows the same numbers in every program.
 *
 * Hosts that compute formulas themselves (Excel through Office.js, WPS) ignore results.
 */
import { recalculate, type DefinedName } from "../sheet/recalc";
import { a1, parseA1, parseArea, type Area, type CellValue, type Grid } from "../sheet/grid";
import type { PlanOp, PlanResult, WorkbookPlan } from "./plan";

function emptyGrid(sheet: string): Grid {
  return { sheet, values: [], formulas: [], merges: [] };
}

/** A copy of a Grid that can be written to, row by row. */
class WritableGrid {
  readonly values: CellValue[][];
  readonly formulas: (string | null)[][];
  readonly formats: (string | null)[][];
  merges: Area[];
  private readonly copied = new Set<number>();

  constructor(readonly source: Grid) {
    this.values = source.values.slice();
    this.formulas = (source.formulas ?? []).slice();
    this.formats = (source.numberFormats ?? []).slice();
    this.merges = source.merges.slice();
  }

  private own(row: number, col: number): void {
    if (!this.copied.has(row)) {
      this.copied.add(row);
      this.values[row] = (this.values[row] ?? []).slice();
      this.formulas[row] = (this.formulas[row] ?? []).slice();
      this.formats[row] = (this.formats[row] ?? []).slice();
    }
    for (let r = 0; r < row; r++) {
      if (!this.values[r]) this.values[r] = [];
      if (!this.formulas[r]) this.formulas[r] = [];
      if (!this.formats[r]) this.formats[r] = [];
    }
    while (this.values[row].length <= col) this.values[row].push(null);
    while (this.formulas[row].length <= col) this.formulas[row].push(null);
    while (this.formats[row].length <= col) this.formats[row].push("General");
  }

  set(cell: string, value: CellValue, formula: string | null): void {
    const { row, col } = parseA1(cell);
    this.own(row, col);
    this.values[row][col] = value;
    this.formulas[row][col] = formula;
  }

  format(cell: string, format: string): void {
    const { row, col } = parseA1(cell);
    this.own(row, col);
    this.formats[row][col] = format;
  }

  merge(area: Area): void {
    this.merges = this.merges
      .filter((m) => m.bottom < area.top || m.top > area.bottom || m.right < area.left || m.left > area.right)
      .concat(area.top === area.bottom && area.left === area.right ? [] : [area])
      .sort((x, y) => x.top - y.top || x.left - y.left);
  }

  grid(): Grid {
    return {
      ...this.source,
      values: this.values,
      formulas: this.formulas,
      numberFormats: this.formats,
      merges: this.merges,
    };
  }
}

function asCell(v: PlanResult | undefined): CellValue {
  return v === undefined ? null : v;
}

/** The Grids a plan leaves behind (values and formulas; styles and rules do not change values). */
export function gridsAfter(grids: readonly Grid[], ops: readonly PlanOp[]): Grid[] {
  const sheets = new Map<string, WritableGrid>();
  const order: string[] = [];
  for (const g of grids) {
    sheets.set(g.sheet, new WritableGrid(g));
    order.push(g.sheet);
  }
  for (const op of ops) {
    if (op.op === "addSheet" && !sheets.has(op.sheet)) {
      sheets.set(op.sheet, new WritableGrid(emptyGrid(op.sheet)));
      order.push(op.sheet);
    } else if (op.op === "clearSheet" && sheets.has(op.sheet)) {
      sheets.set(op.sheet, new WritableGrid(emptyGrid(op.sheet)));
    } else if (op.op === "set") {
      const target = sheets.get(op.sheet);
      if (!target) continue;
      if (op.formula !== undefined) target.set(op.cell, asCell(op.result), op.formula);
      else if (op.value !== undefined || op.link) target.set(op.cell, asCell(op.value ?? null), null);
      if (op.style?.numberFormat !== undefined) target.format(op.cell, op.style.numberFormat);
    } else if (op.op === "style" && op.style.numberFormat !== undefined) {
      const target = sheets.get(op.sheet);
      const area = parseArea(op.range);
      if (!target || !area) continue;
      for (let r = area.top; r <= area.bottom; r++)
        for (let c = area.left; c <= area.right; c++) target.format(a1(r, c), op.style.numberFormat);
    } else if (op.op === "merge") {
      const target = sheets.get(op.sheet);
      const area = parseArea(op.range);
      if (target && area) target.merge(area);
    } else if (op.op === "cache") {
      const target = sheets.get(op.sheet);
      const { row, col } = parseA1(op.cell);
      const formula = target?.formulas[row]?.[col];
      if (target && formula) target.set(op.cell, asCell(op.result), formula);
    }
  }
  return order.map((name) => sheets.get(name)!.grid());
}

function planResult(v: CellValue): PlanResult {
  return v;
}

/**
 * The plan with every formula's saved result the value the recalculated workbook gives it, and a
 * `cache` op for each formula cell outside the plan whose saved result differs from its value.
 */
export function withComputedResults(
  grids: readonly Grid[],
  plan: WorkbookPlan,
  names: readonly DefinedName[] = []
): WorkbookPlan {
  const after = recalculate(gridsAfter(grids, plan.ops), names);
  const bySheet = new Map(after.grids.map((g) => [g.sheet, g] as const));
  const kept = new Set(after.kept.map((k) => k.sheet + "!" + k.cell));
  const valueAt = (sheet: string, cell: string): CellValue => {
    const { row, col } = parseA1(cell);
    const v = bySheet.get(sheet)?.values[row]?.[col];
    return v === undefined ? null : v;
  };
  // The last op that writes a cell decides what it holds.
  const lastWrite = new Map<string, number>();
  plan.ops.forEach((op, i) => {
    if (op.op === "set") lastWrite.set(op.sheet + "!" + op.cell, i);
  });
  const written = new Set<string>();
  const result: PlanOp[] = [];
  plan.ops.forEach((op, i) => {
    if (op.op === "cache") return;
    if (op.op !== "set" || op.formula === undefined) {
      result.push(op);
      return;
    }
    const key = op.sheet + "!" + op.cell;
    written.add(key);
    const computed = !kept.has(key) && lastWrite.get(key) === i;
    result.push(computed ? { ...op, result: planResult(valueAt(op.sheet, op.cell)) } : op);
  });
  for (const change of after.changed) {
    const key = change.sheet + "!" + change.cell;
    if (written.has(key) || kept.has(key)) continue;
    result.push({ op: "cache", sheet: change.sheet, cell: change.cell, result: planResult(change.computed) });
  }
  return { ...plan, ops: result };
}
