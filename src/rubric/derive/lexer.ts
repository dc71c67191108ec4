/**
 * The grammar's first half: the normalised rule text and its tokens.
 *
 * Normalisation (`normalizeRule`) — the text every span indexes into:
 * - full-width digits, Latin letters, ％ ． ＋ － to half width (０．５ → 0.5, ６５％ → 65%);
 *   Chinese punctuation （）、，；。“” stays as written;
 * - line breaks kept, as "\n" (a numbered requirement ends at a line break); "\r\n" and "\r" → "\n";
 * - tabs, no-break and ideographic spaces → a space; runs of spaces → one; spaces around a line break
 *   and empty lines dropped; the whole trimmed.
 * Unlike `cleanText` (src/sheet/normalize.ts), line breaks survive, so a criterion's text is the
 * rule's own lines ("3.按要求…建设任务\n（13分，…）").
 *
 * Tokens: figures (a number with its unit: 分, %, a measure word such as 项/个/次/家), keywords
 * (得 加 扣 奖励 每 最高 其余 根据 不得分 …), separators (，；。、 and line breaks), brackets,
 * numbered-line markers ("1." "（1）" "一、") and runs of other text. One left-to-right pass;
 * no regular expression runs over the whole text, so a 32 767-character cell costs a linear scan.
 */
import { chineseRunEnd, isAsciiDigit, isChineseNumeral, readArabic, readChinese } from "../numbers";

const FULL_WIDTH_ALNUM = /[０-９Ａ-Ｚａ-ｚ％．＋－]/g;

export function normalizeRule(rule: string): string {
  const half = String(rule).replace(FULL_WIDTH_ALNUM, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0));
  const unified = half.replace(/\r\n?/g, "\n").replace(/[\t\v\f\u00a0\u3000\u2028\u2029]/g, " ");
  let out = "";
  let pendingSpace = false;
  let pendingBreak = false;
  for (let i = 0; i < unified.length; i++) {
    const ch = unified.charAt(i);
    if (ch === "\n") {
      pendingBreak = true;
      pendingSpace = false;
    } else if (ch === " ") {
      if (!pendingBreak) pendingSpace = true;
    } else {
      if (out.length > 0) {
        if (pendingBreak) out += "\n";
        else if (pendingSpace) out += " ";
      }
      pendingBreak = false;
      pendingSpace = false;
      out += ch;
    }
  }
  return out;
}

export type TokenKind = "num" | "word" | "sep" | "open" | "close" | "mark" | "space" | "text";

export interface Token {
  kind: TokenKind;
  start: number;
  end: number;
  /** num: the figure; mark: the item number. */
  value?: number;
  /** num: "分", "%", a measure word ("项", "个", "个百分点"), or "" for a bare figure. */
  unit?: string;
  /** word: the keyword; sep: the separator character ("\n" for a line break). */
  word?: string;
}

/**
 * Keywords, longest first within each first character. A keyword is only a token; what it means
 * is decided by the clause rules (得 in 得到 is a keyword token that no rule uses, because no
 * figure with 分 follows it).
 */
const KEYWORDS = [
  "不重复计分",
  "扣完为止",
  "扣完即止",
  "扣完为准",
  "酌情扣分",
  "酌情加分",
  "酌情",
  "不得分",
  "不计分",
  "不扣分",
  "最高扣",
  "最多扣",
  "最高奖励",
  "最多奖励",
  "最高加",
  "最多加",
  "最高得",
  "最多得",
  "最高",
  "最多",
  "封顶",
  "上限",
  "其余",
  "剩余",
  "其中",
  "根据",
  "依据",
  "按照",
  "综合考虑",
  "视情况",
  "分档打分",
  "打分",
  "评分",
  "计分",
  "赋分",
  "给分",
  "进行",
  "每年",
  "每月",
  "每季度",
  "每周",
  "每天",
  "每日",
  "每半年",
  "每少",
  "每缺",
  "每下降",
  "每降低",
  "每减少",
  "每多",
  "每增加",
  "每提高",
  "每超过",
  "每超",
  "每",
  "超额",
  "各扣",
  "各加",
  "各得",
  "各奖励",
  "奖励",
  "给予",
  "得",
  "加",
  "扣",
  "减",
  "计",
  "记",
  "赋",
  "达不到",
  "未达到",
  "达到",
  "及以上",
  "以上",
  "以下",
  "以内",
  "不低于",
  "不少于",
  "不高于",
  "不超过",
  "不足",
  "至少",
  "超过",
  "高于",
  "低于",
  "大于",
  "小于",
  "少于",
  "≥",
  "≤",
  ">",
  "<",
  "＞",
  "＜",
  "未",
  "没有",
  "否则",
  "本项",
  "该项",
  "本指标",
  "此项",
  "均",
  "的",
  "档",
];

const KEYWORDS_BY_FIRST: { [ch: string]: string[] } = {};
for (const word of KEYWORDS) {
  const first = word.charAt(0);
  (KEYWORDS_BY_FIRST[first] = KEYWORDS_BY_FIRST[first] || []).push(word);
}
for (const first in KEYWORDS_BY_FIRST) KEYWORDS_BY_FIRST[first].sort((a, b) => b.length - a.length);

/** Units a figure can carry, longest first. */
const MEASURES = [
  "个百分点",
  "百分点",
  "平方米",
  "万元",
  "亿元",
  "小时",
  "季度",
  "人次",
  "公里",
  "项",
  "个",
  "次",
  "家",
  "处",
  "户",
  "张",
  "名",
  "人",
  "所",
  "条",
  "份",
  "场",
  "批",
  "件",
  "类",
  "篇",
  "期",
  "座",
  "间",
  "支",
  "位",
  "部",
  "档",
  "倍",
  "床",
  "套",
  "种",
  "轮",
  "元",
  "米",
  "岁",
  "年",
  "月",
  "日",
  "天",
  "周",
];

/** Units that count things (a bound on them is a target); ages and dates are not. */
const TIME_OR_AGE = ["岁", "年", "月", "日", "天", "周", "小时", "季度", "档", "倍"];

export function isCountUnit(unit: string | undefined): boolean {
  return !!unit && unit !== "分" && unit !== "%" && TIME_OR_AGE.indexOf(unit) < 0;
}

const SEPARATORS = "，,；;。：:、!！?？\n";
const OPENERS = "（(";
const CLOSERS = "）)";

function isSeparatorChar(ch: string): boolean {
  return SEPARATORS.indexOf(ch) >= 0;
}

function keywordAt(text: string, i: number): string | undefined {
  const list = KEYWORDS_BY_FIRST[text.charAt(i)];
  if (!list) return undefined;
  for (const word of list) if (text.substr(i, word.length) === word) return word;
  return undefined;
}

function unitAt(text: string, i: number): { unit: string; end: number } | undefined {
  let j = i;
  while (text.charAt(j) === " ") j++;
  const ch = text.charAt(j);
  if (ch === "分") {
    // 分钟 is time, not points.
    if (text.charAt(j + 1) === "钟") return { unit: "分钟", end: j + 2 };
    return { unit: "分", end: j + 1 };
  }
  if (ch === "%") return { unit: "%", end: j + 1 };
  for (const m of MEASURES) if (text.substr(j, m.length) === m) return { unit: m, end: j + m.length };
  return undefined;
}

/** A number that is an item number, not a figure, at a line start: "1.", "2、", "（3）", "一、". */
interface Marker {
  value: number;
  end: number;
}

const CHINESE_MARKER_DIGITS = "一二三四五六七八九十";

function markerAt(text: string, i: number, previous: number): Marker | undefined {
  const ch = text.charAt(i);
  if (ch === "（" || ch === "(") {
    let j = i + 1;
    while (
      j < text.length &&
      j - i <= 3 &&
      (isAsciiDigit(text.charAt(j)) || CHINESE_MARKER_DIGITS.indexOf(text.charAt(j)) >= 0)
    )
      j++;
    const inner = text.slice(i + 1, j);
    if (inner && (text.charAt(j) === "）" || text.charAt(j) === ")")) {
      const value = isAsciiDigit(inner.charAt(0)) ? Number(inner) : chineseMarkerValue(inner);
      if (value !== undefined && !isNaN(value)) return { value, end: j + 1 };
    }
    return undefined;
  }
  if (isAsciiDigit(ch)) {
    let j = i;
    while (j < text.length && isAsciiDigit(text.charAt(j))) j++;
    if (j - i > 2) return undefined;
    const value = Number(text.slice(i, j));
    const after = text.charAt(j);
    if (after === "、" || after === "）" || after === ")") return { value, end: j + 1 };
    if (after !== ".") return undefined;
    const next = text.charAt(j + 1);
    if (!isAsciiDigit(next)) return { value, end: j + 1 };
    // "1.2020年…" or "4.60%以上…" (an item number before a figure) against "1.5分" (a decimal).
    let k = j + 1;
    while (k < text.length && isAsciiDigit(text.charAt(k))) k++;
    let u = k;
    while (text.charAt(u) === " ") u++;
    if (text.charAt(u) === "分") return undefined;
    const inSequence = value === previous + 1 || (previous > 0 && value === previous);
    if (text.charAt(u) === "%") return previous > 0 && inSequence ? { value, end: j + 1 } : undefined;
    return inSequence ? { value, end: j + 1 } : undefined;
  }
  if (CHINESE_MARKER_DIGITS.indexOf(ch) >= 0) {
    let j = i;
    while (j < text.length && j - i < 3 && CHINESE_MARKER_DIGITS.indexOf(text.charAt(j)) >= 0) j++;
    if (text.charAt(j) !== "、") return undefined;
    const value = chineseMarkerValue(text.slice(i, j));
    return value === undefined ? undefined : { value, end: j + 1 };
  }
  return undefined;
}

function chineseMarkerValue(run: string): number | undefined {
  const read = readChinese(run, 0);
  return read && read.end === run.length && !isNaN(read.value) ? read.value : undefined;
}

/** Markers begin a line, or follow a space or a full stop/semicolon (a flattened list). */
function markerPosition(text: string, i: number): boolean {
  if (i === 0) return true;
  const before = text.charAt(i - 1);
  return before === "\n" || before === " " || before === "；" || before === ";" || before === "。";
}

/** One step of the lexer at a position: a token (the plain text before it ends there), or plain text up to `end`. */
interface Lexeme {
  token?: Token;
  end: number;
}

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let textStart = -1;
  let lastMarker = 0;
  let i = 0;
  while (i < text.length) {
    const step = lexemeAt(text, i, lastMarker);
    if (step.token) {
      if (textStart >= 0 && i > textStart) tokens.push({ kind: "text", start: textStart, end: i });
      textStart = -1;
      tokens.push(step.token);
      if (step.token.kind === "mark") lastMarker = step.token.value!;
    } else if (textStart < 0) {
      textStart = i;
    }
    i = step.end;
  }
  if (textStart >= 0 && text.length > textStart) tokens.push({ kind: "text", start: textStart, end: text.length });
  return tokens;
}

/** The lexical rules, tried in order at `i`; a character no rule takes is plain text. */
function lexemeAt(text: string, i: number, lastMarker: number): Lexeme {
  return (
    markerLexeme(text, i, lastMarker) ||
    spaceLexeme(text, i) ||
    punctuationLexeme(text, i) ||
    percentWordsLexeme(text, i) ||
    arabicLexeme(text, i) ||
    chineseLexeme(text, i) ||
    keywordLexeme(text, i) || { end: i + 1 }
  );
}

/** A numbered-line marker where a line starts: "1.", "（2）", "三、". */
function markerLexeme(text: string, i: number, lastMarker: number): Lexeme | undefined {
  if (!markerPosition(text, i)) return undefined;
  const marker = markerAt(text, i, lastMarker);
  return marker
    ? { token: { kind: "mark", start: i, end: marker.end, value: marker.value }, end: marker.end }
    : undefined;
}

/** A run of spaces. */
function spaceLexeme(text: string, i: number): Lexeme | undefined {
  if (text.charAt(i) !== " ") return undefined;
  let j = i;
  while (text.charAt(j) === " ") j++;
  return { token: { kind: "space", start: i, end: j }, end: j };
}

/** A separator (，；。、： …; a "." not before a digit is a full stop) or a bracket. */
function punctuationLexeme(text: string, i: number): Lexeme | undefined {
  const ch = text.charAt(i);
  if (isSeparatorChar(ch) || (ch === "." && !isAsciiDigit(text.charAt(i + 1)))) {
    return { token: { kind: "sep", start: i, end: i + 1, word: ch === "." ? "。" : ch }, end: i + 1 };
  }
  if (OPENERS.indexOf(ch) >= 0 || CLOSERS.indexOf(ch) >= 0) {
    return { token: { kind: OPENERS.indexOf(ch) >= 0 ? "open" : "close", start: i, end: i + 1 }, end: i + 1 };
  }
  return undefined;
}

/** A rate in words: "百分之六十", "百分之60". */
function percentWordsLexeme(text: string, i: number): Lexeme | undefined {
  if (text.substr(i, 3) !== "百分之") return undefined;
  const read = isAsciiDigit(text.charAt(i + 3)) ? readArabic(text, i + 3) : readChinese(text, i + 3);
  if (!read || isNaN(read.value)) return undefined;
  return { token: { kind: "num", start: i, end: read.end, value: read.value, unit: "%" }, end: read.end };
}

/** An Arabic figure with its unit: "2分", "0.5分", "65%", "3次"; a run too long to be a figure is text. */
function arabicLexeme(text: string, i: number): Lexeme | undefined {
  if (!isAsciiDigit(text.charAt(i))) return undefined;
  const read = readArabic(text, i)!;
  if (isNaN(read.value)) return { end: read.end };
  const unit = unitAt(text, read.end);
  const end = unit ? unit.end : read.end;
  return { token: { kind: "num", start: i, end, value: read.value, unit: unit ? unit.unit : "" }, end };
}

/**
 * A Chinese figure, only with a unit: "两分", "十项", "一次"; 一般, 统一, 十四五 are words. A run that is no
 * figure and no keyword is text as a whole (a long run is read once, not once per character).
 */
function chineseLexeme(text: string, i: number): Lexeme | undefined {
  if (!isChineseNumeral(text.charAt(i))) return undefined;
  const read = readChinese(text, i)!;
  const unit = isNaN(read.value) ? undefined : unitAt(text, read.end);
  if (unit && unit.unit !== "分钟" && text.charAt(read.end) !== " ") {
    return { token: { kind: "num", start: i, end: unit.end, value: read.value, unit: unit.unit }, end: unit.end };
  }
  if (keywordAt(text, i)) return undefined;
  return { end: Math.max(chineseRunEnd(text, i), i + 1) };
}

/** A keyword: 得 加 扣 奖励 每 最高 其余 根据 不得分 …. */
function keywordLexeme(text: string, i: number): Lexeme | undefined {
  const keyword = keywordAt(text, i);
  return keyword
    ? { token: { kind: "word", start: i, end: i + keyword.length, word: keyword }, end: i + keyword.length }
    : undefined;
}
