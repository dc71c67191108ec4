/**
 * Evaluating a parsed formula against a workbook, with Excel's semantics for the functions that
 * Excel 2010+, WPS and LibreOffice all compute (docs/FACTS.md) and a few common neighbours. What it
 * does not know (a volatile or unknown function, an external reference, implicit intersection of
 * a multi-cell range) throws Unsupported: the caller then keeps the file's cached result rather
 * than write a number no spreadsheet would show.
 */
import type { Area } from "../grid";
import { FUNCTIONS } from "./functions";
import { Unsupported, type BinaryOp, type FormulaNode } from "./parse";
import {
  compare,
  err,
  isArray,
  isError,
  isRange,
  toNumber,
  toText,
  type ArrayValue,
  type Scalar,
  type Value,
} from "./values";

/** What a formula can read: cells (computed when they hold formulas), names and sheet sizes. */
export interface FormulaSource {
  /** The sheet's name as the workbook spells it, found without regard to case; undefined if none. */
  sheetName(name: string): string | undefined;
  /** A cell's value, computing it first when it holds a formula. */
  cell(sheet: string, row: number, col: number): Scalar;
  /** The used size of a sheet (rows, columns), to bound whole-column references. */
  extent(sheet: string): { rows: number; cols: number };
  /** The formula of a defined name, seen from `sheet` (sheet-scoped names first). */
  name(name: string, sheet: string): FormulaNode | undefined;
}

export interface EvalContext {
  source: FormulaSource;
  /** The sheet, row and column of the formula being evaluated (0-based). */
  sheet: string;
  row: number;
  col: number;
  /** Names being resolved, to refuse a name defined by itself. */
  names?: string[];
}

export function evaluate(node: FormulaNode, ctx: EvalContext): Value {
  switch (node.t) {
    case "num":
      return node.v;
    case "str":
      return node.v;
    case "bool":
      return node.v;
    case "err":
      return err(node.v);
    case "missing":
      return null;
    case "ref": {
      const sheet = node.sheet === undefined ? ctx.sheet : ctx.source.sheetName(node.sheet);
      if (sheet === undefined) throw new Unsupported("unknown sheet " + node.sheet);
      return { kind: "range", sheet, area: node.area };
    }
    case "name":
      return evaluateName(node.name, node.sheet, ctx);
    case "call": {
      const fn = FUNCTIONS[node.name];
      if (!fn) throw new Unsupported("function " + node.name);
      return fn(node.args, ctx);
    }
    case "neg":
    case "percent": {
      const n = toNumber(scalar(evaluate(node.x, ctx), ctx));
      if (isError(n)) return n;
      return node.t === "neg" ? -n : n / 100;
    }
    case "bin":
      // Outside an array function, operands are single values (see evaluateArray for the rest).
      return arithmetic(node.op, scalar(evaluate(node.a, ctx), ctx), scalar(evaluate(node.b, ctx), ctx));
    case "array":
      return { kind: "array", rows: node.rows.map((row) => row.map((cell) => scalar(evaluate(cell, ctx), ctx))) };
  }
}

function evaluateName(name: string, sheet: string | undefined, ctx: EvalContext): Value {
  const from = sheet === undefined ? ctx.sheet : ctx.source.sheetName(sheet);
  if (from === undefined) throw new Unsupported("unknown sheet " + sheet);
  const key = from + "!" + name.toUpperCase();
  const seen = ctx.names ?? [];
  if (seen.indexOf(key) >= 0) throw new Unsupported("name defined by itself");
  const formula = ctx.source.name(name, from);
  if (!formula) return err("#NAME?");
  return evaluate(formula, { ...ctx, names: seen.concat(key) });
}

// --- from values to scalars -------------------------------------------------------------------

export function areaSize(area: Area): { rows: number; cols: number } {
  return { rows: area.bottom - area.top + 1, cols: area.right - area.left + 1 };
}

/** A whole-column or whole-row reference cut to the sheet's used size. */
export function usedArea(range: { sheet: string; area: Area }, source: FormulaSource): Area {
  const { rows, cols } = source.extent(range.sheet);
  const a = range.area;
  return {
    top: a.top,
    left: a.left,
    bottom: Math.min(a.bottom, Math.max(a.top, rows - 1)),
    right: Math.min(a.right, Math.max(a.left, cols - 1)),
  };
}

/** A range read into an array of its cells' values. */
export function rangeValues(range: { sheet: string; area: Area }, source: FormulaSource): Scalar[][] {
  const a = usedArea(range, source);
  const rows: Scalar[][] = [];
  for (let r = a.top; r <= a.bottom; r++) {
    const row: Scalar[] = [];
    for (let c = a.left; c <= a.right; c++) row.push(source.cell(range.sheet, r, c));
    rows.push(row);
  }
  return rows;
}

/** Any value as a 2-D array of scalars (a scalar is 1×1). */
export function toMatrix(v: Value, ctx: EvalContext): Scalar[][] {
  if (isRange(v)) return rangeValues(v, ctx.source);
  if (isArray(v)) return v.rows;
  return [[v]];
}

/**
 * A value where one value is wanted: a single cell's or element's value. A larger range would be
 * implicit intersection (or a spill), which differs between Excel versions: not evaluated.
 */
export function scalar(v: Value, ctx: EvalContext): Scalar {
  if (isRange(v)) {
    const { rows, cols } = areaSize(v.area);
    if (rows !== 1 || cols !== 1) throw new Unsupported("multi-cell range as a value");
    return ctx.source.cell(v.sheet, v.area.top, v.area.left);
  }
  if (isArray(v)) {
    if (v.rows.length !== 1 || v.rows[0].length !== 1) throw new Unsupported("array as a value");
    return v.rows[0][0];
  }
  return v;
}

// --- operators --------------------------------------------------------------------------------

function arithmetic(op: BinaryOp, a: Scalar, b: Scalar): Scalar {
  if (op === "&") {
    const x = toText(a);
    if (isError(x)) return x;
    const y = toText(b);
    if (isError(y)) return y;
    return x + y;
  }
  if (op === "=" || op === "<>" || op === "<" || op === ">" || op === "<=" || op === ">=") {
    if (isError(a)) return a;
    if (isError(b)) return b;
    const c = compare(a, b);
    switch (op) {
      case "=":
        return c === 0;
      case "<>":
        return c !== 0;
      case "<":
        return c < 0;
      case ">":
        return c > 0;
      case "<=":
        return c <= 0;
      default:
        return c >= 0;
    }
  }
  const x = toNumber(a);
  if (isError(x)) return x;
  const y = toNumber(b);
  if (isError(y)) return y;
  let r: number;
  switch (op) {
    case "+":
      r = x + y;
      break;
    case "-":
      r = x - y;
      break;
    case "*":
      r = x * y;
      break;
    case "/":
      if (y === 0) return err("#DIV/0!");
      r = x / y;
      break;
    default:
      if (x === 0 && y === 0) return err("#NUM!");
      r = Math.pow(x, y);
  }
  return Number.isFinite(r) ? r : err("#NUM!");
}

/**
 * Evaluates a node as an array (the arguments of SUMPRODUCT and of array-aware functions):
 * operators apply element by element, ranges are read into their values.
 */
export function evaluateArray(node: FormulaNode, ctx: EvalContext): ArrayValue | Scalar {
  if (node.t === "bin") {
    const a = toMatrix(evaluateArrayOrRange(node.a, ctx), ctx);
    const b = toMatrix(evaluateArrayOrRange(node.b, ctx), ctx);
    return { kind: "array", rows: broadcast(a, b, (x, y) => arithmetic(node.op, x, y)) };
  }
  if (node.t === "neg" || node.t === "percent") {
    const x = toMatrix(evaluateArrayOrRange(node.x, ctx), ctx);
    return {
      kind: "array",
      rows: x.map((row) =>
        row.map((v) => {
          const n = toNumber(v);
          return isError(n) ? n : node.t === "neg" ? -n : n / 100;
        })
      ),
    };
  }
  const v = evaluate(node, ctx);
  if (isRange(v)) return { kind: "array", rows: rangeValues(v, ctx.source) };
  return v;
}

function evaluateArrayOrRange(node: FormulaNode, ctx: EvalContext): Value {
  if (node.t === "bin" || node.t === "neg" || node.t === "percent") return evaluateArray(node, ctx);
  return evaluate(node, ctx);
}

function broadcast(a: Scalar[][], b: Scalar[][], f: (x: Scalar, y: Scalar) => Scalar): Scalar[][] {
  const rows = Math.max(a.length, b.length);
  const cols = Math.max(a[0]?.length ?? 0, b[0]?.length ?? 0);
  const at = (m: Scalar[][], r: number, c: number): Scalar => {
    const rr = m.length === 1 ? 0 : r;
    const cc = m[0].length === 1 ? 0 : c;
    if (rr >= m.length || cc >= m[0].length) return err("#N/A");
    return m[rr][cc];
  };
  const out: Scalar[][] = [];
  for (let r = 0; r < rows; r++) {
    const row: Scalar[] = [];
    for (let c = 0; c < cols; c++) row.push(f(at(a, r, c), at(b, r, c)));
    out.push(row);
  }
  return out;
}

/** The scalar value of a node (a condition, a number argument …). */
export function evaluateScalar(node: FormulaNode, ctx: EvalContext): Scalar {
  return scalar(evaluate(node, ctx), ctx);
}
