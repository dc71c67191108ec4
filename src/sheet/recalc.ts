/**
 * Recalculating a workbook as a spreadsheet would: every formula cell of the Grids is computed
 * from the cells it reads (themselves computed first), never taken from the cached result a file
 * carries — so what Ziping reports is what a person sees after Excel, WPS or LibreOffice recompute,
 * however stale the file's caches were. A formula the evaluator does not read (an unknown function,
 * an external reference, a cycle) keeps its cached result and is listed.
 */
import { evaluate, scalar, type FormulaSource } from "./formula/evaluate";
import { parseFormula, Unsupported, type FormulaNode } from "./formula/parse";
import { isError, type Scalar } from "./formula/values";
import { a1, type CellValue, type Grid } from "./grid";

/** A defined name: `sheet` when it is scoped to one sheet; `formula` as stored ("Sheet1!$B$2", "=100*2"). */
export interface DefinedName {
  name: string;
  sheet?: string;
  formula: string;
}

export interface Recalculation {
  /** The Grids with every evaluable formula cell holding its computed value. */
  grids: Grid[];
  /** Formula cells computed. */
  computed: number;
  /** Formula cells left at their cached result, with why. */
  kept: Array<{ sheet: string; cell: string; reason: string }>;
  /** Cells whose computed value differs from the cached one. */
  changed: Array<{ sheet: string; cell: string; cached: CellValue; computed: CellValue }>;
}

const IN_PROGRESS = {};

/** Raised where a formula reaches a cell still being computed; every cell of the cycle keeps its cache. */
class CircularReference extends Unsupported {
  constructor(readonly origin: string) {
    super("circular reference");
  }
}

/** The value a formula shows in its cell: a reference to an empty cell shows 0. */
function shown(v: Scalar): CellValue {
  if (v === null) return 0;
  if (typeof v === "number" && !Number.isFinite(v)) return { error: "#NUM!" };
  return v;
}

function sameValue(a: CellValue, b: CellValue): boolean {
  if (a === b) return true;
  if (typeof a === "number" && typeof b === "number") return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a));
  if (isError(a) && isError(b)) return a.error === b.error;
  // A cached "" is read back as blank.
  return (a === null && b === "") || (a === "" && b === null);
}

class GridSource implements FormulaSource {
  private readonly bySheet = new Map<string, Grid>();
  private readonly byUpper = new Map<string, string>();
  private readonly results = new Map<string, Map<number, unknown>>();
  private readonly names = new Map<string, FormulaNode | null>();
  readonly kept: Recalculation["kept"] = [];

  constructor(
    grids: readonly Grid[],
    private readonly defined: readonly DefinedName[]
  ) {
    for (const g of grids) {
      this.bySheet.set(g.sheet, g);
      this.byUpper.set(g.sheet.toUpperCase(), g.sheet);
      this.results.set(g.sheet, new Map());
    }
  }

  sheetName(name: string): string | undefined {
    return this.byUpper.get(name.toUpperCase());
  }

  extent(sheet: string): { rows: number; cols: number } {
    const g = this.bySheet.get(sheet)!;
    let cols = 0;
    for (const row of g.values) if (row && row.length > cols) cols = row.length;
    return { rows: g.values.length, cols };
  }

  name(name: string, sheet: string): FormulaNode | undefined {
    const upper = name.toUpperCase();
    const scoped = this.defined.find((d) => d.sheet === sheet && d.name.toUpperCase() === upper);
    const found = scoped ?? this.defined.find((d) => d.sheet === undefined && d.name.toUpperCase() === upper);
    if (!found) return undefined;
    const key = (found.sheet ?? "") + "!" + upper;
    if (!this.names.has(key)) {
      try {
        this.names.set(key, parseFormula(found.formula));
      } catch (e) {
        if (!(e instanceof Unsupported)) throw e;
        this.names.set(key, null);
      }
    }
    const node = this.names.get(key);
    if (!node) throw new Unsupported("name " + name);
    return node;
  }

  cell(sheet: string, row: number, col: number): Scalar {
    const g = this.bySheet.get(sheet);
    if (!g) throw new Unsupported("unknown sheet " + sheet);
    const formula = g.formulas?.[row]?.[col];
    if (!formula) {
      const v = g.values[row]?.[col];
      return v === undefined ? null : v;
    }
    const memo = this.results.get(sheet)!;
    const key = row * 16384 + col;
    const known = memo.get(key);
    if (known === IN_PROGRESS) throw new CircularReference(sheet + "!" + key);
    if (known !== undefined) return known as Scalar;
    memo.set(key, IN_PROGRESS);
    let value: Scalar;
    try {
      value = shown(
        scalar(evaluate(parseFormula(formula), { source: this, sheet, row, col }), { source: this, sheet, row, col })
      );
    } catch (e) {
      memo.delete(key);
      if (!(e instanceof Unsupported) && !(e instanceof RangeError)) throw e;
      // Not computed: the file's own cached result stands, and so do the cells that read it.
      const cached = g.values[row]?.[col];
      value = cached === undefined ? null : cached;
      this.kept.push({ sheet, cell: a1(row, col), reason: e instanceof RangeError ? "too deep" : e.message });
      // The cells between the cycle's start and here are part of it: they keep their caches too.
      if (e instanceof CircularReference && e.origin !== sheet + "!" + key) {
        memo.set(key, value);
        throw e;
      }
    }
    memo.set(key, value);
    return value;
  }
}

/**
 * Recomputes every formula cell of the Grids (sheet by sheet, top to bottom, so chains of
 * formulas that read the rows above them never recurse deeply). The Grids given are not changed.
 */
export function recalculate(grids: readonly Grid[], names: readonly DefinedName[] = []): Recalculation {
  const source = new GridSource(grids, names);
  const changed: Recalculation["changed"] = [];
  let formulas = 0;
  const out = grids.map((g) => {
    if (!g.formulas || !g.formulas.some((row) => row && row.some((f) => f))) return g;
    const values = g.values.slice();
    g.formulas.forEach((row, r) => {
      if (!row || !row.some((f) => f)) return;
      const copy = (values[r] || []).slice();
      row.forEach((f, c) => {
        if (!f) return;
        formulas++;
        const v = source.cell(g.sheet, r, c) as CellValue;
        const cached = copy[c] === undefined ? null : copy[c];
        if (!sameValue(cached, v)) changed.push({ sheet: g.sheet, cell: a1(r, c), cached, computed: v });
        while (copy.length < c) copy.push(null);
        copy[c] = v;
      });
      values[r] = copy;
    });
    return { ...g, values };
  });
  return { grids: out, computed: formulas - source.kept.length, kept: source.kept, changed };
}
