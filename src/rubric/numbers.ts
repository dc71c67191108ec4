/**
 * Numbers as people write them in scoring sentences and table cells: 2, 0.5, ０．５ (after normalisation), 两分,
 * 十项, 一次, 一百二十, 二〇二〇, 零点五, 百分之六十. ES5-safe and linear: every reader looks at each
 * character at most a bounded number of times (the lite pane runs this in IE11; CONTRACTS.md).
 */

const DIGITS: { [ch: string]: number } = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};

const UNITS: { [ch: string]: number } = { 十: 10, 百: 100, 千: 1000 };

/** The longest Arabic or Chinese figure we read; longer runs are text (no 1e400 points). */
const MAX_DIGITS = 9;

export function isAsciiDigit(ch: string): boolean {
  return ch >= "0" && ch <= "9";
}

/** A character that can begin or continue a Chinese numeral: 零〇一二两三四五六七八九十百千. */
export function isChineseNumeral(ch: string): boolean {
  return DIGITS[ch] !== undefined || UNITS[ch] !== undefined;
}

/**
 * The value of a whole Chinese integer numeral, or undefined when the run is not one:
 * 一 → 1, 十 → 10, 十二 → 12, 二十 → 20, 一百零五 → 105, 两百 → 200, 二〇二〇 → 2020.
 * "十四五" (the plan's name) and "三三" are not numerals of one number.
 */
export function chineseInteger(run: string): number | undefined {
  if (!run || run.length > 12) return undefined;
  let allDigits = true;
  for (let i = 0; i < run.length; i++) if (DIGITS[run.charAt(i)] === undefined) allDigits = false;
  if (allDigits) {
    if (run.length === 1) return DIGITS[run];
    // Positional only with 〇/零 inside (二〇二〇); "三三" is no number.
    if (run.indexOf("〇") < 0 && run.indexOf("零") < 0) return undefined;
    let value = 0;
    for (let i = 0; i < run.length; i++) value = value * 10 + DIGITS[run.charAt(i)];
    return value;
  }
  let total = 0;
  let digit: number | undefined;
  let lastUnit = Infinity;
  let zero = false;
  for (let i = 0; i < run.length; i++) {
    const ch = run.charAt(i);
    const d = DIGITS[ch];
    if (d !== undefined) {
      if (d === 0) {
        if (digit !== undefined || lastUnit === Infinity) return undefined;
        zero = true;
        continue;
      }
      if (digit !== undefined) return undefined;
      digit = d;
      continue;
    }
    const unit = UNITS[ch];
    if (unit === undefined || unit >= lastUnit) return undefined;
    if (digit === undefined) {
      // A bare 十 at the start: 十 = 10, 十二 = 12. A bare 百/千 needs its digit.
      if (unit !== 10 || i !== 0) return undefined;
      digit = 1;
    }
    total += digit * unit;
    digit = undefined;
    lastUnit = unit;
    zero = false;
  }
  if (digit !== undefined) {
    // 一百零五 = 105; 两百五 (colloquial 250) is read as 250 only without a 零 between.
    if (!zero && lastUnit >= 100 && lastUnit !== Infinity) total += digit * (lastUnit / 10);
    else total += digit;
  }
  return total;
}

export interface NumberRead {
  value: number;
  /** Offset just after the figure (before any unit). */
  end: number;
  arabic: boolean;
}

/** An Arabic figure at `i`: digits with an optional decimal part (0.5, 1.5, 2020). */
export function readArabic(text: string, i: number): NumberRead | undefined {
  let j = i;
  while (j < text.length && isAsciiDigit(text.charAt(j))) j++;
  if (j === i) return undefined;
  const whole = j - i;
  let end = j;
  if (text.charAt(j) === "." && isAsciiDigit(text.charAt(j + 1))) {
    end = j + 1;
    while (end < text.length && isAsciiDigit(text.charAt(end))) end++;
  }
  if (whole > MAX_DIGITS || end - j > MAX_DIGITS + 1) return { value: NaN, end, arabic: true };
  return { value: Number(text.slice(i, end)), end, arabic: true };
}

/** The end of the run of Chinese numeral characters starting at `i`. */
export function chineseRunEnd(text: string, i: number): number {
  let j = i;
  while (j < text.length && isChineseNumeral(text.charAt(j))) j++;
  return j;
}

/**
 * A Chinese figure at `i`: an integer numeral, optionally 点 and digits (零点五 = 0.5, 一点五 = 1.5).
 * NaN when the run of numeral characters is not one number (the caller then reads it as text).
 */
export function readChinese(text: string, i: number): NumberRead | undefined {
  const runEnd = chineseRunEnd(text, i);
  if (runEnd === i) return undefined;
  const integer = chineseInteger(text.slice(i, runEnd));
  if (integer === undefined) return { value: NaN, end: runEnd, arabic: false };
  if (text.charAt(runEnd) === "点" && DIGITS[text.charAt(runEnd + 1)] !== undefined) {
    let j = runEnd + 1;
    let decimals = "";
    while (j < text.length && DIGITS[text.charAt(j)] !== undefined && decimals.length < MAX_DIGITS) {
      decimals += String(DIGITS[text.charAt(j)]);
      j++;
    }
    return { value: Number(String(integer) + "." + decimals), end: j, arabic: false };
  }
  return { value: integer, end: runEnd, arabic: false };
}

/** Rounds away floating-point noise: 0.1 + 0.2 → 0.3. */
export function tidy(value: number): number {
  const scaled = Math.round(value * 1e6) / 1e6;
  return isFinite(scaled) ? scaled : value;
}

/**
 * Rounds down to a multiple of the step, tolerant of floating point (0.3 / 0.1 → 3 steps). Shared by the
 * engine (a judged value off its step, a scaled part's points × rate) and the grammar (equal shares of
 * the points left). Floating noise is left as it is: a caller that shows the figure tidies it.
 */
export function floorToStep(value: number, step: number): number {
  return Math.floor(value / step + 1e-9) * step;
}

/** True when `value` is a whole multiple of `step` (tolerant of floating point). */
export function multipleOf(value: number, step: number): boolean {
  const q = value / step;
  return Math.abs(q - Math.round(q)) < 1e-9;
}

/** For people: 2, 0.5, 1.5 (no trailing zeros). */
export function formatNumber(value: number): string {
  return String(tidy(value));
}
