/**
 * Worksheet functions, each as Excel computes it: the portable ones (docs/FACTS.md: IF, AND, OR, NOT,
 * SUM, MIN, MAX, ROUND, ROUNDDOWN, ABS, COUNTIF(S), SUMIF(S), SUMPRODUCT, IFERROR, ISNUMBER,
 * ISBLANK, INDEX/MATCH, VLOOKUP, TEXT) and their close neighbours. Arguments arrive unevaluated,
 * so IF and IFERROR evaluate only the branch they take, and SUM can tell a reference (whose text
 * it ignores) from a value typed into the formula (whose text it must read as a number).
 */
import type { CellError } from "../grid";
import {
  areaSize,
  evaluate,
  evaluateArray,
  evaluateScalar,
  rangeValues,
  scalar,
  toMatrix,
  usedArea,
  type EvalContext,
} from "./evaluate";
import { Unsupported, type FormulaNode } from "./parse";
import {
  compare,
  err,
  isArray,
  isError,
  isRange,
  roundTo,
  textToNumber,
  toBoolean,
  toNumber,
  toText,
  type ErrorValue,
  type Scalar,
  type Value,
} from "./values";

export type WorksheetFunction = (args: FormulaNode[], ctx: EvalContext) => Value;

function arity(args: FormulaNode[], min: number, max: number): void {
  if (args.length < min || args.length > max) throw new Unsupported("wrong number of arguments");
}

function numberArg(node: FormulaNode | undefined, ctx: EvalContext, fallback?: number): number | ErrorValue {
  if (!node || node.t === "missing") {
    if (fallback === undefined) return 0;
    return fallback;
  }
  return toNumber(evaluateScalar(node, ctx));
}

/** Every value an aggregate sees: from references and arrays numbers only, typed values coerced. */
function numbersOf(args: FormulaNode[], ctx: EvalContext): number[] | ErrorValue {
  const out: number[] = [];
  for (const node of args) {
    const v = evaluate(node, ctx);
    if (isRange(v) || isArray(v)) {
      for (const row of toMatrix(v, ctx))
        for (const x of row) {
          if (isError(x)) return x;
          if (typeof x === "number") out.push(x);
        }
      continue;
    }
    const n = toNumber(v);
    if (isError(n)) return n;
    out.push(n);
  }
  return out;
}

function aggregate(f: (xs: number[]) => Scalar): WorksheetFunction {
  return (args, ctx) => {
    const xs = numbersOf(args, ctx);
    return isError(xs) ? xs : f(xs);
  };
}

function sum(xs: number[]): number {
  let s = 0;
  for (const x of xs) s += x;
  return s;
}

/** Conditions of AND/OR: booleans and numbers from references (text and blanks skipped), typed values coerced. */
function conditionsOf(args: FormulaNode[], ctx: EvalContext): boolean[] | ErrorValue {
  const out: boolean[] = [];
  for (const node of args) {
    const v = evaluate(node, ctx);
    if (isRange(v) || isArray(v)) {
      for (const row of toMatrix(v, ctx))
        for (const x of row) {
          if (isError(x)) return x;
          if (typeof x === "boolean" || typeof x === "number") out.push(toBoolean(x) as boolean);
        }
      continue;
    }
    const b = toBoolean(v);
    if (isError(b)) return b;
    out.push(b);
  }
  return out;
}

function logical(f: (xs: boolean[]) => boolean): WorksheetFunction {
  return (args, ctx) => {
    arity(args, 1, 255);
    const xs = conditionsOf(args, ctx);
    if (isError(xs)) return xs;
    if (!xs.length) return err("#VALUE!");
    return f(xs);
  };
}

function isType(test: (v: Scalar, isReferenceToEmpty: boolean) => boolean): WorksheetFunction {
  return (args, ctx) => {
    arity(args, 1, 1);
    const v = evaluate(args[0], ctx);
    const s = scalar(v, ctx);
    return test(s, isRange(v) && s === null);
  };
}

function rounding(mode: "half" | "down" | "up"): WorksheetFunction {
  return (args, ctx) => {
    arity(args, 2, 2);
    const x = numberArg(args[0], ctx);
    if (isError(x)) return x;
    const d = numberArg(args[1], ctx);
    if (isError(d)) return d;
    return roundTo(x, d, mode);
  };
}

function unaryMath(f: (x: number) => number | ErrorValue): WorksheetFunction {
  return (args, ctx) => {
    arity(args, 1, 1);
    const x = numberArg(args[0], ctx);
    if (isError(x)) return x;
    const r = f(x);
    return isError(r) || Number.isFinite(r) ? r : err("#NUM!");
  };
}

// --- criteria (COUNTIF, SUMIF …) ---------------------------------------------------------------

function wildcard(pattern: string): RegExp {
  let re = "";
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i];
    if (ch === "~" && i + 1 < pattern.length) re += escapeRegExp(pattern[++i]);
    else if (ch === "*") re += "[\\s\\S]*";
    else if (ch === "?") re += "[\\s\\S]";
    else re += escapeRegExp(ch);
  }
  return new RegExp("^" + re + "$", "i");
}

function escapeRegExp(ch: string): string {
  return /[\\^$.*+?()[\]{}|/-]/.test(ch) ? "\\" + ch : ch;
}

/** A criterion ("是", ">=60", "<>", 5) as a test on a cell's value, as COUNTIF reads it. */
function criterion(c: Scalar): (v: Scalar) => boolean {
  if (isError(c)) return (v) => isError(v) && v.error === c.error;
  if (typeof c === "number")
    return (v) => (typeof v === "number" ? v === c : typeof v === "string" && textToNumber(v) === c);
  if (typeof c === "boolean") return (v) => v === c;
  const text = c === null ? "" : c;
  const m = /^(<=|>=|<>|<|>|=)?([\s\S]*)$/.exec(text)!;
  const op = m[1] || "=";
  const operand = m[2];
  const n = textToNumber(operand);
  if (operand === "") {
    if (op === "=") return (v) => v === null || v === "";
    if (op === "<>") return (v) => !(v === null || v === "");
    return () => false;
  }
  if (n !== undefined) {
    const test = (x: number) =>
      op === "="
        ? x === n
        : op === "<>"
          ? x !== n
          : op === "<"
            ? x < n
            : op === ">"
              ? x > n
              : op === "<="
                ? x <= n
                : x >= n;
    return (v) => {
      if (typeof v === "number") return test(v);
      if (typeof v === "string" && (op === "=" || op === "<>")) {
        const t = textToNumber(v);
        return op === "=" ? t === n : t !== n;
      }
      return op === "<>";
    };
  }
  const upper = operand.toUpperCase();
  if (upper === "TRUE" || upper === "FALSE") {
    const b = upper === "TRUE";
    return (v) => (op === "=" ? v === b : op === "<>" ? v !== b : false);
  }
  if (op === "=" || op === "<>") {
    const re = wildcard(operand);
    return (v) => {
      const hit = typeof v === "string" && re.test(v);
      return op === "=" ? hit : !hit;
    };
  }
  return (v) => {
    if (typeof v !== "string") return false;
    const c2 = compare(v, operand);
    return op === "<" ? c2 < 0 : op === ">" ? c2 > 0 : op === "<=" ? c2 <= 0 : c2 >= 0;
  };
}

function rangeArg(node: FormulaNode, ctx: EvalContext): Scalar[][] {
  const v = evaluate(node, ctx);
  if (!isRange(v)) throw new Unsupported("criteria range is not a reference");
  return rangeValues(v, ctx.source);
}

/** COUNTIFS/SUMIFS: which cells of equally sized ranges meet every (range, criterion) pair. */
function matchingCells(pairs: FormulaNode[], ctx: EvalContext): boolean[][] {
  let hits: boolean[][] | undefined;
  for (let i = 0; i < pairs.length; i += 2) {
    const cells = rangeArg(pairs[i], ctx);
    const test = criterion(evaluateScalar(pairs[i + 1], ctx));
    if (hits && (hits.length !== cells.length || hits[0].length !== cells[0].length))
      throw new Unsupported("criteria ranges differ in size");
    const current = hits;
    hits = cells.map((row, r) => row.map((v, c) => (current ? current[r][c] : true) && test(v)));
  }
  return hits ?? [];
}

function sumWhere(values: Scalar[][], hits: boolean[][]): number {
  let s = 0;
  hits.forEach((row, r) =>
    row.forEach((hit, c) => {
      const v = values[r]?.[c];
      if (hit && typeof v === "number") s += v;
    })
  );
  return s;
}

// --- lookups ------------------------------------------------------------------------------------

function lookupIndex(value: Scalar, list: Scalar[], mode: number): number | ErrorValue {
  if (mode === 0) {
    const test = typeof value === "string" ? criterion("=" + value) : (v: Scalar) => compare(v, value) === 0;
    for (let i = 0; i < list.length; i++) if (list[i] !== null && test(list[i])) return i;
    return err("#N/A");
  }
  // Approximate match over a sorted list: the last position not past the value.
  let found = -1;
  for (let i = 0; i < list.length; i++) {
    const v = list[i];
    if (v === null || typeof v !== typeof value) continue;
    const c = compare(v, value);
    if (mode > 0 ? c <= 0 : c >= 0) found = i;
    else break;
  }
  return found < 0 ? err("#N/A") : found;
}

function textFormat(x: number, format: string): string {
  const f = format.trim();
  const m = /^0(?:\.(0+))?(%?)$/.exec(f);
  if (m) {
    const digits = m[1] ? m[1].length : 0;
    const v = m[2] ? x * 100 : x;
    return roundTo(v, digits, "half").toFixed(digits) + m[2];
  }
  if (/^general$/i.test(f) || f === "@") {
    const t = toText(x);
    return isError(t) ? "" : t;
  }
  throw new Unsupported("TEXT format " + format);
}

// --- the table --------------------------------------------------------------------------------

const CONDITION_ERRORS: CellError[] = ["#N/A"];

export const FUNCTIONS: Record<string, WorksheetFunction> = {
  SUM: aggregate(sum),
  MIN: aggregate((xs) => (xs.length ? Math.min(...xs) : 0)),
  MAX: aggregate((xs) => (xs.length ? Math.max(...xs) : 0)),
  AVERAGE: aggregate((xs) => (xs.length ? sum(xs) / xs.length : err("#DIV/0!"))),
  PRODUCT: aggregate((xs) => xs.reduce((p, x) => p * x, 1)),
  COUNT: (args, ctx) => {
    let n = 0;
    for (const node of args) {
      const v = evaluate(node, ctx);
      if (isRange(v) || isArray(v)) {
        for (const row of toMatrix(v, ctx)) for (const x of row) if (typeof x === "number") n++;
      } else if (
        typeof v === "number" ||
        typeof v === "boolean" ||
        (typeof v === "string" && textToNumber(v) !== undefined)
      )
        n++;
    }
    return n;
  },
  COUNTA: (args, ctx) => {
    let n = 0;
    for (const node of args) {
      if (node.t === "missing") continue;
      const v = evaluate(node, ctx);
      if (isRange(v) || isArray(v)) {
        for (const row of toMatrix(v, ctx)) for (const x of row) if (x !== null) n++;
      } else n++;
    }
    return n;
  },
  COUNTBLANK: (args, ctx) => {
    arity(args, 1, 1);
    let n = 0;
    for (const row of rangeArg(args[0], ctx)) for (const x of row) if (x === null || x === "") n++;
    return n;
  },
  IF: (args, ctx) => {
    arity(args, 1, 3);
    const c = toBoolean(evaluateScalar(args[0], ctx));
    if (isError(c)) return c;
    const branch = c ? args[1] : args[2];
    if (branch === undefined) return c ? true : false;
    if (branch.t === "missing") return 0;
    return evaluate(branch, ctx);
  },
  IFERROR: (args, ctx) => {
    arity(args, 2, 2);
    const v = evaluateScalar(args[0], ctx);
    return isError(v) ? evaluate(args[1], ctx) : v;
  },
  IFNA: (args, ctx) => {
    arity(args, 2, 2);
    const v = evaluateScalar(args[0], ctx);
    return isError(v) && CONDITION_ERRORS.indexOf(v.error) >= 0 ? evaluate(args[1], ctx) : v;
  },
  CHOOSE: (args, ctx) => {
    arity(args, 2, 255);
    const i = numberArg(args[0], ctx);
    if (isError(i)) return i;
    const k = Math.floor(i);
    if (k < 1 || k >= args.length) return err("#VALUE!");
    return evaluate(args[k], ctx);
  },
  AND: logical((xs) => xs.every((x) => x)),
  OR: logical((xs) => xs.some((x) => x)),
  NOT: (args, ctx) => {
    arity(args, 1, 1);
    const b = toBoolean(evaluateScalar(args[0], ctx));
    return isError(b) ? b : !b;
  },
  TRUE: () => true,
  FALSE: () => false,
  ISNUMBER: isType((v) => typeof v === "number"),
  ISTEXT: isType((v) => typeof v === "string"),
  ISNONTEXT: isType((v) => typeof v !== "string"),
  ISLOGICAL: isType((v) => typeof v === "boolean"),
  ISBLANK: isType((v, emptyReference) => emptyReference && v === null),
  ISERROR: isType((v) => isError(v)),
  ISERR: isType((v) => isError(v) && v.error !== "#N/A"),
  ISNA: isType((v) => isError(v) && v.error === "#N/A"),
  ROUND: rounding("half"),
  ROUNDDOWN: rounding("down"),
  ROUNDUP: rounding("up"),
  INT: unaryMath((x) => Math.floor(Number(x.toPrecision(15)))),
  TRUNC: (args, ctx) => {
    arity(args, 1, 2);
    const x = numberArg(args[0], ctx);
    if (isError(x)) return x;
    const d = numberArg(args[1], ctx, 0);
    if (isError(d)) return d;
    return roundTo(x, d, "down");
  },
  ABS: unaryMath(Math.abs),
  SIGN: unaryMath((x) => (x > 0 ? 1 : x < 0 ? -1 : 0)),
  SQRT: unaryMath((x) => (x < 0 ? err("#NUM!") : Math.sqrt(x))),
  MOD: (args, ctx) => {
    arity(args, 2, 2);
    const x = numberArg(args[0], ctx);
    if (isError(x)) return x;
    const y = numberArg(args[1], ctx);
    if (isError(y)) return y;
    if (y === 0) return err("#DIV/0!");
    return x - y * Math.floor(x / y);
  },
  POWER: (args, ctx) => {
    arity(args, 2, 2);
    const x = numberArg(args[0], ctx);
    if (isError(x)) return x;
    const y = numberArg(args[1], ctx);
    if (isError(y)) return y;
    const r = Math.pow(x, y);
    return Number.isFinite(r) ? r : err("#NUM!");
  },
  SUMPRODUCT: (args, ctx) => {
    arity(args, 1, 255);
    const arrays = args.map((a) => toMatrix(evaluateArray(a, ctx), ctx));
    const rows = arrays[0].length;
    const cols = arrays[0][0]?.length ?? 0;
    if (arrays.some((m) => m.length !== rows || (m[0]?.length ?? 0) !== cols)) return err("#VALUE!");
    let s = 0;
    for (let r = 0; r < rows; r++) {
      for (let c = 0; c < cols; c++) {
        let p = 1;
        for (const m of arrays) {
          const v = m[r][c];
          if (isError(v)) return v;
          p *= typeof v === "number" ? v : 0;
        }
        s += p;
      }
    }
    return s;
  },
  COUNTIF: (args, ctx) => {
    arity(args, 2, 2);
    return matchingCells(args, ctx).reduce((n, row) => n + row.filter(Boolean).length, 0);
  },
  COUNTIFS: (args, ctx) => {
    if (args.length < 2 || args.length % 2) throw new Unsupported("COUNTIFS arguments");
    return matchingCells(args, ctx).reduce((n, row) => n + row.filter(Boolean).length, 0);
  },
  SUMIF: (args, ctx) => {
    arity(args, 2, 3);
    const hits = matchingCells(args.slice(0, 2), ctx);
    const target = args[2] && args[2].t !== "missing" ? rangeArg(args[2], ctx) : rangeArg(args[0], ctx);
    return sumWhere(target, hits);
  },
  SUMIFS: (args, ctx) => {
    if (args.length < 3 || args.length % 2 === 0) throw new Unsupported("SUMIFS arguments");
    const target = rangeArg(args[0], ctx);
    const hits = matchingCells(args.slice(1), ctx);
    if (hits.length !== target.length || (hits[0]?.length ?? 0) !== (target[0]?.length ?? 0)) return err("#VALUE!");
    return sumWhere(target, hits);
  },
  INDEX: (args, ctx) => {
    arity(args, 2, 3);
    const m = toMatrix(evaluate(args[0], ctx), ctx);
    let r = numberArg(args[1], ctx);
    if (isError(r)) return r;
    let c = numberArg(args[2], ctx, 0);
    if (isError(c)) return c;
    // INDEX(single row or column, n): n counts along it.
    if (args.length === 2 && m.length === 1) {
      c = r;
      r = 1;
    }
    if (r === 0 || c === 0) {
      if (m.length === 1 && m[0].length === 1) return m[0][0];
      throw new Unsupported("INDEX of a whole row or column");
    }
    const row = m[Math.floor(r) - 1];
    if (!row || Math.floor(c) > row.length || r < 0 || c < 0) return err("#REF!");
    return row[Math.floor(c) - 1];
  },
  MATCH: (args, ctx) => {
    arity(args, 2, 3);
    const value = evaluateScalar(args[0], ctx);
    if (isError(value)) return value;
    const m = toMatrix(evaluate(args[1], ctx), ctx);
    if (m.length !== 1 && m[0].length !== 1) return err("#N/A");
    const list = m.length === 1 ? m[0] : m.map((row) => row[0]);
    const mode = numberArg(args[2], ctx, 1);
    if (isError(mode)) return mode;
    const i = lookupIndex(value, list, mode === 0 ? 0 : mode > 0 ? 1 : -1);
    return isError(i) ? i : i + 1;
  },
  VLOOKUP: (args, ctx) => {
    arity(args, 3, 4);
    const value = evaluateScalar(args[0], ctx);
    if (isError(value)) return value;
    const table = toMatrix(evaluate(args[1], ctx), ctx);
    const col = numberArg(args[2], ctx);
    if (isError(col)) return col;
    const approximate =
      args[3] === undefined || args[3].t === "missing" ? true : toBoolean(evaluateScalar(args[3], ctx));
    if (isError(approximate)) return approximate;
    if (col < 1) return err("#VALUE!");
    if (col > (table[0]?.length ?? 0)) return err("#REF!");
    const i = lookupIndex(
      value,
      table.map((row) => row[0]),
      approximate ? 1 : 0
    );
    return isError(i) ? i : table[i][Math.floor(col) - 1];
  },
  ROWS: (args, ctx) => {
    arity(args, 1, 1);
    const v = evaluate(args[0], ctx);
    if (isRange(v)) return areaSize(usedArea(v, ctx.source)).rows;
    return isArray(v) ? v.rows.length : 1;
  },
  COLUMNS: (args, ctx) => {
    arity(args, 1, 1);
    const v = evaluate(args[0], ctx);
    if (isRange(v)) return areaSize(usedArea(v, ctx.source)).cols;
    return isArray(v) ? (v.rows[0]?.length ?? 0) : 1;
  },
  ROW: (args, ctx) => {
    arity(args, 0, 1);
    if (!args.length) return ctx.row + 1;
    const v = evaluate(args[0], ctx);
    if (!isRange(v) || v.area.top !== v.area.bottom) throw new Unsupported("ROW of an area");
    return v.area.top + 1;
  },
  COLUMN: (args, ctx) => {
    arity(args, 0, 1);
    if (!args.length) return ctx.col + 1;
    const v = evaluate(args[0], ctx);
    if (!isRange(v) || v.area.left !== v.area.right) throw new Unsupported("COLUMN of an area");
    return v.area.left + 1;
  },
  LEN: textFunction((t) => t.length),
  TRIM: textFunction((t) => t.replace(/ +/g, " ").replace(/^ | $/g, "")),
  UPPER: textFunction((t) => t.toUpperCase()),
  LOWER: textFunction((t) => t.toLowerCase()),
  LEFT: (args, ctx) => {
    arity(args, 1, 2);
    const t = toText(evaluateScalar(args[0], ctx));
    if (isError(t)) return t;
    const n = numberArg(args[1], ctx, 1);
    if (isError(n)) return n;
    return n < 0 ? err("#VALUE!") : t.slice(0, Math.floor(n));
  },
  RIGHT: (args, ctx) => {
    arity(args, 1, 2);
    const t = toText(evaluateScalar(args[0], ctx));
    if (isError(t)) return t;
    const n = numberArg(args[1], ctx, 1);
    if (isError(n)) return n;
    return n < 0 ? err("#VALUE!") : Math.floor(n) === 0 ? "" : t.slice(-Math.floor(n));
  },
  MID: (args, ctx) => {
    arity(args, 3, 3);
    const t = toText(evaluateScalar(args[0], ctx));
    if (isError(t)) return t;
    const s = numberArg(args[1], ctx);
    if (isError(s)) return s;
    const n = numberArg(args[2], ctx);
    if (isError(n)) return n;
    if (s < 1 || n < 0) return err("#VALUE!");
    return t.substr(Math.floor(s) - 1, Math.floor(n));
  },
  CONCATENATE: (args, ctx) => {
    let out = "";
    for (const a of args) {
      const t = toText(evaluateScalar(a, ctx));
      if (isError(t)) return t;
      out += t;
    }
    return out;
  },
  EXACT: (args, ctx) => {
    arity(args, 2, 2);
    const a = toText(evaluateScalar(args[0], ctx));
    if (isError(a)) return a;
    const b = toText(evaluateScalar(args[1], ctx));
    if (isError(b)) return b;
    return a === b;
  },
  VALUE: (args, ctx) => {
    arity(args, 1, 1);
    const v = evaluateScalar(args[0], ctx);
    if (typeof v === "number" || isError(v)) return v;
    if (typeof v !== "string") return v === null ? 0 : err("#VALUE!");
    const n = textToNumber(v);
    return n === undefined ? err("#VALUE!") : n;
  },
  N: (args, ctx) => {
    arity(args, 1, 1);
    const v = evaluateScalar(args[0], ctx);
    return typeof v === "number" || isError(v) ? v : typeof v === "boolean" ? (v ? 1 : 0) : 0;
  },
  T: (args, ctx) => {
    arity(args, 1, 1);
    const v = evaluateScalar(args[0], ctx);
    return typeof v === "string" || isError(v) ? v : "";
  },
  TEXT: (args, ctx) => {
    arity(args, 2, 2);
    const v = evaluateScalar(args[0], ctx);
    if (isError(v)) return v;
    const format = toText(evaluateScalar(args[1], ctx));
    if (isError(format)) return format;
    if (typeof v === "string") {
      if (format === "@") return v;
      const n = textToNumber(v);
      if (n === undefined) return v;
      return textFormat(n, format);
    }
    const n = toNumber(v);
    return isError(n) ? n : textFormat(n, format);
  },
};

function textFunction(f: (t: string) => Scalar): WorksheetFunction {
  return (args, ctx) => {
    arity(args, 1, 1);
    const t = toText(evaluateScalar(args[0], ctx));
    return isError(t) ? t : f(t);
  };
}
