/**
 * The values a formula computes with, and Excel's rules for them: coercion of text and booleans
 * to numbers, of anything to a condition, comparison across types (numbers < text < booleans,
 * text without regard to case), and numbers shown as text (15 significant digits).
 */
import type { Area, CellError } from "../grid";
import { Unsupported } from "./parse";

export interface ErrorValue {
  error: CellError;
}

/** A cell's worth: blank (null), a number, text, a boolean or an error — the shape Grids hold. */
export type Scalar = null | number | string | boolean | ErrorValue;

/** A reference still unresolved: functions such as SUM and ISBLANK treat references apart. */
export interface RangeValue {
  kind: "range";
  sheet: string;
  area: Area;
}

export interface ArrayValue {
  kind: "array";
  rows: Scalar[][];
}

export type Value = Scalar | RangeValue | ArrayValue;

export function isError(v: unknown): v is ErrorValue {
  return typeof v === "object" && v !== null && "error" in v;
}

export function isRange(v: Value): v is RangeValue {
  return typeof v === "object" && v !== null && (v as RangeValue).kind === "range";
}

export function isArray(v: Value): v is ArrayValue {
  return typeof v === "object" && v !== null && (v as ArrayValue).kind === "array";
}

export function err(code: CellError): ErrorValue {
  return { error: code };
}

/** A plain decimal in text, as Excel reads "12", " 3.5 ", "1E3", "-2" (no thousands, dates or times). */
export function textToNumber(text: string): number | undefined {
  const t = text.trim();
  if (!t) return undefined;
  const percent = /^([+-]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?)%$/.exec(t);
  if (percent) return Number(percent[1]) / 100;
  if (!/^[+-]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?$/.test(t)) return undefined;
  return Number(t);
}

/** A scalar in arithmetic: blank is 0, TRUE 1, numeric text its number, other text #VALUE!. */
export function toNumber(v: Scalar): number | ErrorValue {
  if (v === null) return 0;
  if (typeof v === "number") return v;
  if (typeof v === "boolean") return v ? 1 : 0;
  if (typeof v === "string") {
    const n = textToNumber(v);
    return n === undefined ? err("#VALUE!") : n;
  }
  return v;
}

/** A scalar as a condition (IF, AND): numbers are true unless 0; "TRUE"/"FALSE" text too. */
export function toBoolean(v: Scalar): boolean | ErrorValue {
  if (v === null) return false;
  if (typeof v === "boolean") return v;
  if (typeof v === "number") return v !== 0;
  if (typeof v === "string") {
    const u = v.trim().toUpperCase();
    if (u === "TRUE") return true;
    if (u === "FALSE") return false;
    return err("#VALUE!");
  }
  return v;
}

/** A number as Excel's General format writes it into text: up to 15 significant digits. */
export function numberToText(n: number): string {
  if (n === 0) return "0";
  const abs = Math.abs(n);
  if (abs >= 1e15 || abs < 1e-5) throw new Unsupported("number outside plain decimal text");
  return String(Number(n.toPrecision(15)));
}

export function toText(v: Scalar): string | ErrorValue {
  if (v === null) return "";
  if (typeof v === "string") return v;
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  if (typeof v === "number") return numberToText(v);
  return v;
}

function typeRank(v: Scalar): number {
  if (typeof v === "number") return 0;
  if (typeof v === "string") return 1;
  return 2;
}

/**
 * Excel's comparison: a blank takes the other side's type (0, "", FALSE); otherwise numbers sort
 * before text and text before booleans; text compares without regard to case.
 */
export function compare(a: Scalar, b: Scalar): number {
  if (a === null && b === null) return 0;
  if (a === null) a = typeof b === "number" ? 0 : typeof b === "boolean" ? false : "";
  if (b === null) b = typeof a === "number" ? 0 : typeof a === "boolean" ? false : "";
  const ra = typeRank(a);
  const rb = typeRank(b);
  if (ra !== rb) return ra - rb;
  if (typeof a === "number" && typeof b === "number") return a === b ? 0 : a < b ? -1 : 1;
  if (typeof a === "string" && typeof b === "string") {
    const x = a.toLowerCase();
    const y = b.toLowerCase();
    return x === y ? 0 : x < y ? -1 : 1;
  }
  return a === b ? 0 : a ? 1 : -1;
}

/** x × 10^d without binary drift: the decimal exponent is shifted in the number's own text. */
function shift(x: number, d: number): number {
  const parts = String(x).split("e");
  return Number(parts[0] + "e" + (Number(parts[1] || 0) + d));
}

/**
 * Rounds to `digits` decimals the way spreadsheets do: on the number as shown to 15 significant
 * digits, so that 2.675 rounds to 2.68 and 0.3/0.1 rounds down to 3, not 2.
 */
export function roundTo(x: number, digits: number, mode: "half" | "down" | "up"): number {
  if (!Number.isFinite(x)) return x;
  const d = Math.trunc(digits);
  const sign = x < 0 ? -1 : 1;
  const clean = Number(Math.abs(x).toPrecision(15));
  const shifted = Number(shift(clean, d).toPrecision(15));
  const whole =
    mode === "half" ? Math.floor(shifted + 0.5) : mode === "down" ? Math.floor(shifted) : Math.ceil(shifted);
  return sign * shift(whole, -d);
}
