/**
 * Figures as people type them into a workbook or a form: 65, 0.65, "65%", "６５％", "65 %",
 * "2分", "是". Pure and total: every input yields a value or a reason, never an exception.
 */
import { toHalfWidth } from "./text";

export type FigureProblem =
  /** text that holds no number at all ("两分", "好") */
  | "not-number"
  /** a number written as text ("65%", "2分"): readable, but a formula cannot compute it */
  | "number-as-text"
  /** a rate above 100% */
  | "rate-over-100";

export interface ParsedFigure {
  /** The value; rates are fractions (0.65 for 65%). null when nothing was entered or nothing could be read. */
  value: number | null;
  /** True when the cell or field was empty. */
  blank: boolean;
  problems: FigureProblem[];
}

const NUMBER_TEXT = /^([+-]?(?:\d+(?:\.\d*)?|\.\d+))\s*(%|分|户|张|个|项|人|元|米|次|家|所|处|㎡|平方米)?$/;

function blankFigure(): ParsedFigure {
  return { value: null, blank: true, problems: [] };
}

function isBlank(input: unknown): boolean {
  return input === null || input === undefined || (typeof input === "string" && input.trim() === "");
}

/** Cleans text the way it arrives from a cell: full width to half width, thousands separators and spaces dropped. */
function cleanNumberText(text: string): string {
  return toHalfWidth(text).replace(/[,，\s]/g, "");
}

/**
 * A plain figure (a count, an amount, points). Numbers pass through; text holding a number
 * is read and marked "number-as-text". Percent signs are not interpreted here: use parseRate.
 */
export function parseNumber(input: unknown): ParsedFigure {
  if (isBlank(input)) return blankFigure();
  if (typeof input === "number") {
    return Number.isFinite(input)
      ? { value: input, blank: false, problems: [] }
      : { value: null, blank: false, problems: ["not-number"] };
  }
  if (typeof input !== "string") return { value: null, blank: false, problems: ["not-number"] };
  const match = NUMBER_TEXT.exec(cleanNumberText(input));
  // Thousands of digits read as Infinity: no figure anyone typed.
  if (!match || !Number.isFinite(Number(match[1]))) return { value: null, blank: false, problems: ["not-number"] };
  let value = Number(match[1]);
  if (match[2] === "%") value = value / 100;
  return { value, blank: false, problems: ["number-as-text"] };
}

/**
 * A rate. CONTRACTS.md: a number ≤ 1 is a fraction, above 1 a percentage (so 1 means 100%,
 * 65 means 65%); "65%" is 65%. The result is a fraction; above 1 it is flagged "rate-over-100".
 */
export function parseRate(input: unknown): ParsedFigure {
  if (isBlank(input)) return blankFigure();
  let value: number;
  const problems: FigureProblem[] = [];
  if (typeof input === "number") {
    if (!Number.isFinite(input)) return { value: null, blank: false, problems: ["not-number"] };
    value = input > 1 ? input / 100 : input;
  } else if (typeof input === "string") {
    const match = NUMBER_TEXT.exec(cleanNumberText(input));
    if (!match || (match[2] !== undefined && match[2] !== "%") || !Number.isFinite(Number(match[1]))) {
      return { value: null, blank: false, problems: ["not-number"] };
    }
    const n = Number(match[1]);
    value = match[2] === "%" ? n / 100 : n > 1 ? n / 100 : n;
    problems.push("number-as-text");
  } else {
    return { value: null, blank: false, problems: ["not-number"] };
  }
  if (value > 1) problems.push("rate-over-100");
  return { value, blank: false, problems };
}

/** A rate from a numerator and a denominator (护理型床位数 / 总床位数). A zero denominator reads as nothing. */
export function rateOf(numerator: ParsedFigure, denominator: ParsedFigure): ParsedFigure {
  if (numerator.value === null || denominator.value === null) {
    return {
      value: null,
      blank: numerator.blank && denominator.blank,
      problems: numerator.problems.concat(denominator.problems),
    };
  }
  if (denominator.value === 0) return { value: null, blank: false, problems: ["not-number"] };
  const value = numerator.value / denominator.value;
  const problems = numerator.problems.concat(denominator.problems);
  if (value > 1) problems.push("rate-over-100");
  return { value, blank: false, problems };
}

const YES = ["是", "有", "已", "已完成", "完成", "达到", "达标", "√", "✓", "y", "yes", "true", "1"];
const NO = ["否", "无", "未", "未完成", "没有", "未达到", "未达标", "×", "✗", "n", "no", "false", "0"];

/** A yes/no fact: true, "是", 1 … Anything else is null (not answered or not readable). */
export function parseYesNo(input: unknown): boolean | null {
  if (typeof input === "boolean") return input;
  if (typeof input === "number") return input === 1 ? true : input === 0 ? false : null;
  if (typeof input !== "string") return null;
  const text = toHalfWidth(input).trim().toLowerCase();
  if (YES.indexOf(text) >= 0) return true;
  if (NO.indexOf(text) >= 0) return false;
  return null;
}
