/**
 * Text as it arrives from real sheets: full-width digits, （）and ()，、．. numbering, stray spaces
 * and line breaks inside cells. Two forms: `cleanText` for showing and parsing, `matchKey` for
 * comparing wording. ES5-safe (no normalize(), no lookbehind): the lite pane runs this in IE11.
 */
import { toHalfWidth } from "../rubric/text";
import { chineseInteger } from "../rubric/numbers";

/** Full-width digits, Latin letters, ％ and ． to half width; Chinese punctuation （）、，stays as written. */
function halfWidthAlphanumerics(text: string): string {
  return text.replace(/[０-９Ａ-Ｚａ-ｚ％．\u3000]/g, (ch) => toHalfWidth(ch));
}

/**
 * Results of a pure string function kept for the texts seen last: recognition and matching clean the
 * same cell text many times over (columns, rows, each rubric), and a workbook repeats its wording.
 * Bounded by the characters kept (emptied when full); long texts are not kept.
 */
export function memoized<T>(fn: (text: string) => T): (text: string) => T {
  let cache = new Map<string, T>();
  let chars = 0;
  return (text) => {
    if (cache.has(text)) return cache.get(text) as T;
    const result = fn(text);
    if (text.length <= MEMO_LENGTH) {
      if (chars + text.length > MEMO_CHARS) {
        cache = new Map<string, T>();
        chars = 0;
      }
      cache.set(text, result);
      chars += text.length;
    }
    return result;
  };
}
/** About 2 MB of text per memoized function. */
const MEMO_CHARS = 1 << 20;
const MEMO_LENGTH = 2000;

/** Readable text: half-width digits and letters, line breaks and runs of spaces collapsed. */
export const cleanText: (text: string) => string = memoized((text) =>
  halfWidthAlphanumerics(text)
    .replace(/[\r\n\t\u00a0]+/g, " ")
    .replace(/ {2,}/g, " ")
    .trim()
);

/** Chinese and ASCII punctuation and spacing that carry no meaning when comparing wording. */
const PUNCTUATION = /[\s"'“”‘’「」『』《》〈〉<>()[\]{}【】,，、;；:：。.．!！?？·…—\-_~/\\|]/g;

/** A comparison key: cleaned, lower-case, without spaces or punctuation. */
export const matchKey: (text: string) => string = memoized((text) =>
  toHalfWidth(cleanText(text)).toLowerCase().replace(PUNCTUATION, "")
);

export interface Numbered {
  /** The leading number: "1．" → 1, "（2）" → 2, "一、" → 1. */
  number?: number;
  /** The text after the number. */
  rest: string;
}

/**
 * Splits a leading item number as people write it: "1．", "1.", "1、", "（1）", "(1)", "一、",
 * "第一", or none. Decimals ("0.5分") are not numbers of items.
 */
export function splitNumber(text: string): Numbered {
  const t = cleanText(text);
  let m = /^[(（](\d{1,2})[)）]\s*(.*)$/.exec(t);
  if (m) return { number: Number(m[1]), rest: m[2].trim() };
  // A decimal is no item number: "0.5分", "1.5", "65.5%".
  if (!/^\d+\.\d+\s*(分|%|$)/.test(t)) {
    m = /^(\d{1,2})\s*[.、，,)）]\s*(.*)$/.exec(t) || /^(\d{1,2})\s+([\u4e00-\u9fff].*)$/.exec(t);
    if (m) return { number: Number(m[1]), rest: m[2].trim() };
  }
  m =
    /^第?([一二三四五六七八九十]{1,3})[、.，,)）]\s*(.*)$/.exec(t) ||
    /^[(（]([一二三四五六七八九十]{1,3})[)）]\s*(.*)$/.exec(t);
  if (m) {
    const n = chineseInteger(m[1]);
    if (n !== undefined) return { number: n, rest: m[2].trim() };
  }
  return { rest: t };
}

/** Bracketed parts "（…）" / "(…)", without nesting: found in one linear pass. */
const BRACKETED = /[(（][^()（）]*[)）]/g;

/**
 * The points stated in one bracketed part ("（加分项目，10分）" → 10): the number right before its
 * last "分". Read backwards by hand, so a cell of thousands of digits costs a linear scan, not the
 * quadratic backtracking a regular expression would do (a hostile-input test holds it to that).
 */
function pointsInPart(part: string): number | undefined {
  for (let end = part.lastIndexOf("分"); end > 0; end = part.lastIndexOf("分", end - 1)) {
    let i = end - 1;
    while (i >= 0 && part.charAt(i) === " ") i--;
    const last = i;
    while (i >= 0 && /[0-9.]/.test(part.charAt(i))) i--;
    const digits = part.slice(i + 1, last + 1);
    if (/^\d+(\.\d+)?$/.test(digits) && digits.length <= 6) return Number(digits);
  }
  return undefined;
}

/** Points written in text: "（5分）", "(共 18 分)", "（加分项目，10分）" → the last such number. */
export function pointsInText(text: string): number | undefined {
  let found: number | undefined;
  for (const part of cleanText(text).match(BRACKETED) ?? []) {
    const points = pointsInPart(part);
    if (points !== undefined) found = points;
  }
  return found;
}

/**
 * Base and bonus points stated in text: "（15分）" → base 15; "（15分+5分）" → base 15, bonus 5;
 * "（加分项目，10分）", "（另加5分）", "（奖励分3分）" → bonus only.
 */
export function statedPoints(text: string): { points?: number; bonus?: number } {
  let found: { points?: number; bonus?: number } = {};
  const clean = cleanText(text);
  // "…管理 8分": points at the very end, without brackets.
  const trailing = pointsInPart(clean.slice(-12));
  if (
    trailing !== undefined &&
    /分$/.test(clean) &&
    !/[)）]\s*$/.test(clean) &&
    /[^0-9.]\s*\d+(\.\d+)?\s*分$/.test(clean.slice(-12))
  ) {
    found = { points: trailing };
  }
  for (const part of clean.match(BRACKETED) ?? []) {
    const both =
      /(\d{1,4}(?:\.\d{1,2})?)\s*分?\s*[+＋]\s*(\d{1,4}(?:\.\d{1,2})?)\s*分/.exec(part) ||
      // "（12分，7分奖分）", "（2分，另加3分）": base, then bonus.
      /(\d{1,4}(?:\.\d{1,2})?)\s*分\s*[，,、；;]\s*(?:另加|加分|奖励)?\s*(\d{1,4}(?:\.\d{1,2})?)\s*分\s*(?:奖分|奖励分|加分|奖励)/.exec(
        part
      ) ||
      /(\d{1,4}(?:\.\d{1,2})?)\s*分\s*[，,、；;]\s*(?:另加|加分|奖励)\s*(\d{1,4}(?:\.\d{1,2})?)\s*分/.exec(part);
    if (both) {
      found = { points: Number(both[1]), bonus: Number(both[2]) };
      continue;
    }
    const points = pointsInPart(part);
    if (points === undefined) continue;
    found = /加分|另加|奖励|奖分/.test(part) ? { bonus: points } : { points };
  }
  return found;
}

/** Text without its "（N分）" parts: "建立试点经费保障机制（10分）" → "建立试点经费保障机制". */
export const withoutPoints: (text: string) => string = memoized((text) => {
  const clean = cleanText(text).replace(BRACKETED, (part) => (pointsInPart(part) === undefined ? part : ""));
  // "…管理 8分" at the end, without brackets.
  return clean.replace(/\s+\d{1,3}(\.\d{1,2})?\s*分$/, "").trim();
});

/** A key's character bigrams and their counts, computed once for repeated comparisons. */
export interface Bigrams {
  key: string;
  counts: Map<string, number>;
}

export function bigrams(key: string): Bigrams {
  const counts = new Map<string, number>();
  for (let i = 0; i < key.length - 1; i++) {
    const g = key.substr(i, 2);
    counts.set(g, (counts.get(g) ?? 0) + 1);
  }
  return { key, counts };
}

/** Character-bigram Dice similarity of two keys, 0 … 1: tolerant of small wording changes. */
export function similarity(a: string | Bigrams, b: string | Bigrams): number {
  const x = typeof a === "string" ? bigrams(a) : a;
  const y = typeof b === "string" ? bigrams(b) : b;
  if (x.key === y.key) return x.key.length ? 1 : 0;
  if (x.key.length < 2 || y.key.length < 2) return 0;
  let shared = 0;
  y.counts.forEach((n, g) => {
    const m = x.counts.get(g);
    if (m) shared += Math.min(m, n);
  });
  return (2 * shared) / (x.key.length - 1 + (y.key.length - 1));
}
