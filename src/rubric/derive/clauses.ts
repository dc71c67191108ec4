/**
 * The grammar's clause level: a token range is cut into clauses (at ，；。 and line breaks, and at
 * "、" between two scored parts: "…得2分、编制…得2分"), and each clause is matched against the
 * clause rules below, giving one node. The rules, over tokens (Num = a figure, "N分" = a figure
 * with 分):
 *
 *   Remainder  := (其余|剩余) N分 [根据|依据|综合考虑 …] [(进行)? (打分|评分|分档打分)]
 *   Bands      := … N分 (、 N分)+ … 档                       分2分、1分、0.5分三档
 *   Cap        := (最高|最多)(得|加|奖励|扣)? N分 | 上限 N分 | N分封顶
 *   PerItem    := … 每(少|缺|多|下降…)? … Num … Verb N分       每创新出台一项政策得0.5分
 *               | … 一个 Verb N分                                 一个扣1分, 超额完成一个加1分
 *   Deduct     := Condition (的)? (各)?(扣|减) N分                未…的扣N分, 各扣N分
 *   Award      := [其中] Subject (的)? (各)?(得|加|奖励|计|给予) N分  (a bound in the subject makes it a threshold)
 *   Basis      := (根据|依据|综合考虑|按照) … (进行)? (打分|评分|计分|赋分|分档打分)   (no figure)
 *   Negate     := Condition (、 Condition)* (均)? 不得分              (a gate, or a note on a part)
 *   Exempt     := … 不扣分;  Floor := 扣完为止;  Discretion := … 酌情扣分;  NoRepeat := … 不重复计分
 *   Stated     := N分 with no verb (本项共5分);  Plain := anything else (a subject for the next clause)
 */
import { isCountUnit, type Token } from "./lexer";
import { tidy } from "../numbers";

export interface Source {
  text: string;
  tokens: Token[];
}

export interface Clause {
  /** Token range [from, to), without the separators around it. */
  from: number;
  to: number;
  /** Character range [start, end), trimmed of spaces. */
  start: number;
  end: number;
  /** Clauses of one sentence (up to ；。 or a line break) share this number. */
  sentence: number;
}

export type Direction = "award" | "deduct" | "bonus" | "surplus";

export interface Bound {
  op: ">=" | ">" | "<=" | "<";
  /** A fraction for a rate (0.65), else the count. */
  value: number;
  /** "%" or the count's unit (次, 家). */
  unit: string;
  /** The metric's name, from the words around the figure. */
  name: string;
}

export interface Basis {
  /** The words between 根据 and 打分: "养老机构医疗服务覆盖率". */
  text: string;
  /** 分档打分: bands the rule does not list. */
  banded: boolean;
}

interface NodeBase {
  c: Clause;
}
export interface AwardNode extends NodeBase {
  t: "award";
  verb: string;
  points: number;
  /** Where the verb starts: the subject is [clause start, verbStart). */
  verbStart: number;
  /** 各得: one flag per listed subject. */
  each: boolean;
  /** The clause starts with 其中. */
  qizhong: boolean;
  bound?: Bound;
  /** The subject holds nothing but the bound ("达到100%得1分"). */
  boundOnly: boolean;
  cap?: number;
}
export interface PerNode extends NodeBase {
  t: "per";
  dir: Direction;
  points: number;
  unit: string;
  /** The counted thing, without 每 and the count: "创新出台政策". */
  item: string;
  verbStart: number;
  cap?: number;
}
export interface DeductNode extends NodeBase {
  t: "deduct";
  points: number;
  each: boolean;
  verbStart: number;
}
export interface CapNode extends NodeBase {
  t: "cap";
  points: number;
  dir: Direction;
}
export interface RemainderNode extends NodeBase {
  t: "remainder";
  points: number;
  basis?: Basis;
}
export interface BasisNode extends NodeBase {
  t: "basis";
  basis: Basis;
  cap?: number;
}
export interface BandsNode extends NodeBase {
  t: "bands";
  options: number[];
}
export interface Condition {
  start: number;
  end: number;
  text: string;
  negative: boolean;
}
export interface NegateNode extends NodeBase {
  t: "negate";
  conditions: Condition[];
  /** 本项/本指标不得分: the whole indicator. */
  whole: boolean;
  all: boolean;
}
export interface StatedNode extends NodeBase {
  t: "stated";
  points: number;
}
export interface MarkNode extends NodeBase {
  t: "exempt" | "floor" | "discretion" | "norepeat" | "qizhong" | "plain";
}

export type Node =
  | AwardNode
  | PerNode
  | DeductNode
  | CapNode
  | RemainderNode
  | BasisNode
  | BandsNode
  | NegateNode
  | StatedNode
  | MarkNode;

const STRONG = "；;。\n!！?？";

const AWARD_VERBS = ["得", "加", "奖励", "给予", "计", "记", "赋", "各得", "各加", "各奖励"];
const DEDUCT_VERBS = ["扣", "减", "各扣"];
const CAP_VERBS = ["最高扣", "最多扣", "最高奖励", "最多奖励", "最高加", "最多加", "最高得", "最多得"];
const CAP_WORDS = ["最高", "最多", "上限"];
const PER_WORDS = ["每", "每少", "每缺", "每下降", "每降低", "每减少", "每多", "每增加", "每提高", "每超过", "每超"];
const SHORTFALL_PER = ["每少", "每缺", "每下降", "每降低", "每减少"];
const SURPLUS_PER = ["每多", "每增加", "每提高", "每超过", "每超"];
const BASIS_WORDS = ["根据", "依据", "综合考虑", "按照", "视情况"];
const SCORING_WORDS = ["打分", "评分", "计分", "赋分", "给分", "分档打分"];
const OPS_BEFORE: { [w: string]: Bound["op"] } = {
  达到: ">=",
  不低于: ">=",
  不少于: ">=",
  至少: ">=",
  "≥": ">=",
  超过: ">",
  高于: ">",
  大于: ">",
  ">": ">",
  "＞": ">",
  不高于: "<=",
  不超过: "<=",
  "≤": "<=",
  低于: "<",
  小于: "<",
  少于: "<",
  不足: "<",
  "<": "<",
  "＜": "<",
};
const OPS_AFTER: { [w: string]: Bound["op"] } = { 以上: ">=", 及以上: ">=", 以下: "<=", 以内: "<=" };
/** Measure characters that may follow 每 directly: 每次, 每项, 每处. */
const PER_MEASURES = "次项个处家人户起例件条名所篇场期份批张台座村";
const NEGATIVE_STARTS = ["未", "没有", "无", "不", "达不到", "未达到", "否则"];

function isPoints(t: Token | undefined): boolean {
  return !!t && t.kind === "num" && t.unit === "分";
}

function isWord(t: Token | undefined, words: string[] | string): boolean {
  if (!t || t.kind !== "word") return false;
  return typeof words === "string" ? t.word === words : words.indexOf(t.word!) >= 0;
}

/** The nearest token before `k` that is not a space, not before `floor`. */
export function prevSolid(tokens: Token[], k: number, floor: number): number {
  let j = k - 1;
  while (j >= floor && tokens[j].kind === "space") j--;
  return j;
}

export function nextSolid(tokens: Token[], k: number, ceiling: number): number {
  let j = k + 1;
  while (j < ceiling && tokens[j].kind === "space") j++;
  return j;
}

/** The verb right before a figure with 分 ("得", "最高得", "扣"), or undefined. */
export function verbOf(tokens: Token[], k: number, floor: number): { word: string; index: number } | undefined {
  let j = prevSolid(tokens, k, floor);
  if (j < floor) return undefined;
  const t = tokens[j];
  if (t.kind !== "word") return undefined;
  const w = t.word!;
  if (AWARD_VERBS.indexOf(w) >= 0 || DEDUCT_VERBS.indexOf(w) >= 0 || CAP_VERBS.indexOf(w) >= 0) {
    // 最高 得 (with a space) reads as 最高得.
    const before = prevSolid(tokens, j, floor);
    if (before >= floor && isWord(tokens[before], CAP_WORDS) && AWARD_VERBS.concat(DEDUCT_VERBS).indexOf(w) >= 0) {
      return { word: tokens[before].word + w, index: before };
    }
    return { word: w, index: j };
  }
  if (CAP_WORDS.indexOf(w) >= 0) return { word: w, index: j };
  return undefined;
}

/** A clause whose figure is a cap: 最高得N分, 最多扣N分, 上限N分, N分封顶. */
function capDirection(verb: string): Direction {
  if (verb.indexOf("扣") >= 0) return "deduct";
  if (verb.indexOf("奖励") >= 0) return "bonus";
  return "award";
}

/**
 * Splits tokens [from, to) into clauses at ，；。：、 and line breaks (a "、" only between two scored
 * parts). Brackets are transparent here: a requirement line's "（13分，每少完成一个扣2分）" is
 * found by the caller first, and its inside is split by a call on the bracket's own range.
 */
export function splitClauses(src: Source, from: number, to: number, firstSentence: number): Clause[] {
  const { tokens } = src;
  const clauses: Clause[] = [];
  let sentence = firstSentence;
  let begin = from;
  const push = (a: number, b: number) => {
    let s = a;
    while (s < b && (tokens[s].kind === "space" || tokens[s].kind === "sep")) s++;
    let e = b;
    while (e > s && tokens[e - 1].kind === "space") e--;
    if (e > s) clauses.push({ from: s, to: e, start: tokens[s].start, end: tokens[e - 1].end, sentence });
  };
  for (let k = from; k < to; k++) {
    const t = tokens[k];
    if (t.kind !== "sep") continue;
    if (t.word === "、") {
      // Split "…得2分、编制…得2分" into two parts, but not "分2分、1分、0.5分三档".
      const p = prevSolid(tokens, k, begin);
      if (!(p >= begin && isPoints(tokens[p]) && verbOf(tokens, p, begin))) continue;
      let hasVerbPoints = false;
      let startsWithPoints = false;
      const first = nextSolid(tokens, k, to);
      if (first < to && isPoints(tokens[first])) startsWithPoints = true;
      for (let m = k + 1; m < to && tokens[m].kind !== "sep"; m++) {
        if (isPoints(tokens[m]) && verbOf(tokens, m, k + 1)) {
          hasVerbPoints = true;
          break;
        }
      }
      if (!hasVerbPoints || startsWithPoints) continue;
    }
    push(begin, k);
    begin = k + 1;
    if (STRONG.indexOf(t.word!) >= 0) sentence++;
  }
  push(begin, to);
  return clauses;
}

function slice(src: Source, a: number, b: number): string {
  return b > a ? src.text.slice(a, b) : "";
}

const PUNCT = " \n，,；;。：:、";

function isPunct(ch: string): boolean {
  return PUNCT.indexOf(ch) >= 0;
}

/** Without leading and trailing spaces, line breaks and clause punctuation (a linear scan). */
export function trimPunct(s: string): string {
  let a = 0;
  let b = s.length;
  while (a < b && isPunct(s.charAt(a))) a++;
  while (b > a && isPunct(s.charAt(b - 1))) b--;
  return s.slice(a, b);
}

/** Trims punctuation and the given leading/trailing particles ("其中", "的"), repeatedly. */
export function trimWords(s: string, lead: string[] = [], trail: string[] = []): string {
  let out = trimPunct(s);
  let changed = true;
  // A few rounds are enough for real words ("其中，由"); a hostile "的的的…" stays linear.
  for (let round = 0; changed && out && round < 4; round++) {
    changed = false;
    for (const w of lead)
      if (out.length > w.length && out.indexOf(w) === 0) {
        out = trimPunct(out.slice(w.length));
        changed = true;
      }
    for (const w of trail)
      if (out.length > w.length && out.slice(out.length - w.length) === w) {
        out = trimPunct(out.slice(0, out.length - w.length));
        changed = true;
      }
  }
  return out;
}

const DATE_LEAD = /^(\d{4}年)?(\d{1,2}月)?(底|末|中旬|上旬|下旬)?(前|以前|之前|起|以来)?[，,]?/;

/** The metric name from the words before and after a bound's figure. */
function metricName(before: string, after: string, rate: boolean, unit: string): string {
  let head = before.replace(/至少|不少于|不低于|达到/g, "");
  // The clause holding the figure: "…社会组织，我县至少培育1家以上" → "我县培育".
  const clauses = head.split(/[，,；;。\n]/);
  head = clauses[clauses.length - 1];
  const tail = trimWords(after, ["的"], ["的"]);
  if (rate) {
    // "建立“四同步”机制、社区养老服务设施配建达标率" → the part naming the rate.
    if (!tail) {
      const parts = head.split("、");
      head = parts[parts.length - 1];
    }
    head = trimWords(head, [], ["的"]);
    const de = head.lastIndexOf("的");
    if (!tail && de >= 0) {
      const rest = head.slice(de + 1);
      head = rest.length >= 6 ? rest : head.slice(0, de) + rest;
    }
    head = head.replace(DATE_LEAD, "");
    if (!tail) return head;
    const name = head + tail;
    return /(率|比例|占比|进度)$/.test(name) ? name : name + "的比例";
  }
  head = trimWords(head.replace(DATE_LEAD, ""), [], ["的"]);
  let core = head + tail;
  if (core.replace(/我县|本县|全县|本级|县级|县/g, "").length < 4 && clauses.length > 1) {
    core = trimWords(clauses[clauses.length - 2].replace(DATE_LEAD, "")) + tail;
  }
  return core + (unit === "次" ? "次数" : "数量");
}

/**
 * A bound stated in tokens [from, to): 达到65%以上, 不低于90%, 至少开展2次以上, 70%以上用于….
 * A bare rate at the end of a subject ("覆盖率100%") reads as "at least".
 */
export function findBound(src: Source, from: number, to: number, nameFrom: number): Bound | undefined {
  const { tokens, text } = src;
  for (let k = from; k < to; k++) {
    const t = tokens[k];
    if (t.kind !== "num" || t.value === undefined || isNaN(t.value)) continue;
    const rate = t.unit === "%";
    if (!rate && !isCountUnit(t.unit)) continue;
    let opBefore: Bound["op"] | undefined;
    let beforeEnd = t.start;
    const p = prevSolid(tokens, k, from);
    if (p >= from && tokens[p].kind === "word" && OPS_BEFORE[tokens[p].word!]) {
      opBefore = OPS_BEFORE[tokens[p].word!];
      beforeEnd = tokens[p].start;
    }
    let opAfter: Bound["op"] | undefined;
    let afterStart = t.end;
    let n = nextSolid(tokens, k, to);
    // "90%（含）以上", "90%（以上）"
    if (n < to && tokens[n].kind === "open" && n + 2 < to && tokens[n + 2].kind === "close") {
      const inner = tokens[n + 1];
      const innerText = text.slice(inner.start, inner.end);
      if (inner.kind === "word" && OPS_AFTER[inner.word!]) {
        opAfter = OPS_AFTER[inner.word!];
        afterStart = tokens[n + 2].end;
      } else if (innerText === "含") n = nextSolid(tokens, n + 2, to);
    }
    if (!opAfter && n < to && tokens[n].kind === "word" && OPS_AFTER[tokens[n].word!]) {
      opAfter = OPS_AFTER[tokens[n].word!];
      afterStart = tokens[n].end;
    }
    if (!opBefore && !opAfter && !rate) {
      // "至少开展2次": 至少 a few words before the count.
      for (let m = k - 1; m >= from && m >= k - 4; m--) {
        if (isWord(tokens[m], ["至少", "不少于"])) {
          opBefore = ">=";
          break;
        }
      }
    }
    if (!opBefore && !opAfter) {
      if (!rate) continue;
      // A rate ending the subject: "月探访率100%".
      let m = n;
      while (m < to && (tokens[m].kind === "space" || isWord(tokens[m], "的"))) m++;
      if (m < to) continue;
      opBefore = ">=";
    }
    const op: Bound["op"] = opAfter === "<=" ? (opBefore === "<" ? "<" : "<=") : (opBefore ?? opAfter ?? ">=");
    const value = rate ? tidy(t.value / 100) : t.value;
    const name = metricName(slice(src, nameFrom, beforeEnd), slice(src, afterStart, tokens[to - 1].end), rate, t.unit!);
    return { op, value, unit: rate ? "%" : t.unit!, name: name || (rate ? "达标比例" : "达标数量") };
  }
  return undefined;
}

/** The words of a basis: between the basis word and the scoring word, without 进行/的. */
function basisOf(src: Source, c: Clause, from: number): Basis | undefined {
  const { tokens } = src;
  let b = -1;
  for (let k = from; k < c.to; k++)
    if (isWord(tokens[k], BASIS_WORDS)) {
      b = k;
      break;
    }
  let s = -1;
  for (let k = Math.max(b + 1, from); k < c.to; k++)
    if (isWord(tokens[k], SCORING_WORDS)) {
      s = k;
      break;
    }
  if (b < 0 && s < 0) return undefined;
  const start = b >= 0 ? tokens[b].end : tokens[from].start;
  const end = s >= 0 ? tokens[s].start : c.end;
  const text = trimWords(slice(src, start, end), ["对"], ["进行", "的", "来"]);
  return { text, banded: s >= 0 && tokens[s].word === "分档打分" };
}

function conditionsOf(src: Source, c: Clause, end: number): Condition[] {
  const out: Condition[] = [];
  let a = c.start;
  const push = (s: number, e: number) => {
    const raw = slice(src, s, e);
    const text = trimWords(raw, [], ["均", "的", "者"]);
    if (!text) return;
    let lead = 0;
    while (lead < raw.length && isPunct(raw.charAt(lead))) lead++;
    const negative = NEGATIVE_STARTS.some((w) => text.indexOf(w) === 0);
    out.push({ start: s + lead, end: e, text, negative });
  };
  for (let k = c.from; k < c.to && src.tokens[k].start < end; k++) {
    const t = src.tokens[k];
    if (t.kind === "sep" && t.word === "、") {
      push(a, t.start);
      a = t.end;
    }
  }
  push(a, end);
  return out;
}

const WHOLE_WORDS = ["本项", "该项", "本指标", "此项"];

/** What one pass over a clause's tokens finds; the productions below read it. */
interface Scan {
  src: Source;
  c: Clause;
  tokens: Token[];
  /** The tokens of the clause's readable "N分" figures, in order. */
  points: number[];
  /** The keyword the clause starts with ("其中", "其余"). */
  firstWord?: string;
  /** Each keyword of the clause, at its first token. */
  has: { [w: string]: number };
  /** A count of 档 ("三档"). */
  bandCount: boolean;
}

/** A verb before a figure: its words ("最高得") and the token it starts at. */
interface Verb {
  word: string;
  index: number;
}

function scanClause(src: Source, c: Clause): Scan {
  const { tokens } = src;
  const scan: Scan = { src, c, tokens, points: [], has: {}, bandCount: false };
  for (let k = c.from; k < c.to; k++) {
    const t = tokens[k];
    if (isPoints(t) && !isNaN(t.value!)) scan.points.push(k);
    if (t.kind === "num" && t.unit === "档") scan.bandCount = true;
    if (t.kind === "word") {
      if (scan.has[t.word!] === undefined) scan.has[t.word!] = k;
      if (scan.firstWord === undefined && k === c.from) scan.firstWord = t.word;
    }
  }
  return scan;
}

function hasAny(s: Scan, words: string[]): boolean {
  return words.some((w) => s.has[w] !== undefined);
}

function isCapVerb(word: string): boolean {
  return CAP_VERBS.indexOf(word) >= 0 || CAP_WORDS.indexOf(word) >= 0;
}

/** The clause rules, tried in order; the first that matches gives the clause's node. */
export function classify(src: Source, c: Clause): Node {
  const s = scanClause(src, c);
  if (s.points.length === 0) return readUnscored(s);
  const first = s.points[0];
  const firstVerb = verbOf(s.tokens, first, c.from);
  return (
    readRemainder(s, first, firstVerb) ||
    readBandRun(s, first, firstVerb) ||
    readSharedBands(s, first, firstVerb) ||
    readScored(s, first)
  );
}

// ---- clauses with no figure ----

/** A clause with no "N分": a gate, a mark (扣完为止, 不扣分 …), a basis, or plain words. */
function readUnscored(s: Scan): Node {
  const { c, has } = s;
  const negate = readNegate(s);
  if (negate) return negate;
  // 不扣分: "因不可抗力未完成的不扣分".
  if (has["不扣分"] !== undefined) return { t: "exempt", c };
  // 扣完为止: "每发现一处扣1分，扣完为止".
  if (hasAny(s, ["扣完为止", "扣完即止", "扣完为准"])) return { t: "floor", c };
  // 酌情扣分: "资料不全的酌情扣分".
  if (has["酌情扣分"] !== undefined || (has["酌情"] !== undefined && has["扣"] !== undefined))
    return { t: "discretion", c };
  // 不重复计分: "同一项目不重复计分".
  if (has["不重复计分"] !== undefined) return { t: "norepeat", c };
  const basis = readUnscoredBasis(s);
  if (basis) return basis;
  // A lone 其中 before the parts it splits: "其中，".
  if (s.firstWord === "其中" && c.to - c.from === 1) return { t: "qizhong", c };
  return { t: "plain", c };
}

/** Negate: conditions that earn nothing — "未建立制度、未开展活动的均不得分", "本项不得分". */
function readNegate(s: Scan): NegateNode | undefined {
  const { c, has } = s;
  if (has["不得分"] === undefined && has["不计分"] === undefined) return undefined;
  const at = s.tokens[has["不得分"] ?? has["不计分"]];
  const conditions = conditionsOf(s.src, c, at.start);
  return {
    t: "negate",
    c,
    conditions: conditions.filter((d) => WHOLE_WORDS.indexOf(d.text) < 0),
    whole: hasAny(s, WHOLE_WORDS),
    all: has["均"] !== undefined,
  };
}

/** Basis with no figure: "根据养老机构医疗服务覆盖率进行打分". */
function readUnscoredBasis(s: Scan): BasisNode | undefined {
  if (!hasAny(s, SCORING_WORDS)) return undefined;
  const basis = basisOf(s.src, s.c, s.c.from);
  return basis && basis.text ? { t: "basis", c: s.c, basis } : undefined;
}

// ---- clauses whose first figure has no verb ----

/** Remainder: "其余3分根据完成进度进行打分". */
function readRemainder(s: Scan, first: number, firstVerb: Verb | undefined): RemainderNode | undefined {
  const { c, tokens } = s;
  if (s.firstWord !== "其余" && s.firstWord !== "剩余") return undefined;
  if (firstVerb || prevSolid(tokens, first, c.from) !== c.from) return undefined;
  const basis = tokens[first].end < c.end ? basisOf(s.src, c, first + 1) : undefined;
  return { t: "remainder", c, points: tokens[first].value!, basis: basis && basis.text ? basis : undefined };
}

/** Tier ladder, figures joined by 、 with no verbs between: "分2分、1分、0.5分三档". */
function readBandRun(s: Scan, first: number, firstVerb: Verb | undefined): BandsNode | undefined {
  const { c, tokens, points, src } = s;
  if (points.length < 2) return undefined;
  const run = [first];
  for (let q = 1; q < points.length && onlyJoinersBetween(s, points[q - 1], points[q]); q++) run.push(points[q]);
  const hasBandWord = s.has["档"] !== undefined || s.bandCount || /分为|分别/.test(src.text.slice(c.start, c.end));
  if (run.length < 2 || !hasBandWord || !run.every((k, i) => i === 0 || !verbOf(tokens, k, c.from))) return undefined;
  if (firstVerb && firstVerb.word !== "得") return undefined;
  return { t: "bands", c, options: run.map((k) => tokens[k].value!) };
}

/** Nothing but spaces, 、 and 和/或/及 between tokens a and b. */
function onlyJoinersBetween(s: Scan, a: number, b: number): boolean {
  for (let k = a + 1; k < b; k++) {
    const t = s.tokens[k];
    const joiner =
      t.kind === "space" ||
      (t.kind === "sep" && t.word === "、") ||
      (t.kind === "text" && /^[和或及]$/.test(s.src.text.slice(t.start, t.end)));
    if (!joiner) return false;
  }
  return true;
}

/** Tier ladder, the figures sharing one 分: "分别得3、2、1分". */
function readSharedBands(s: Scan, first: number, firstVerb: Verb | undefined): BandsNode | undefined {
  if (firstVerb) return undefined;
  const { c, tokens } = s;
  const options: number[] = [tokens[first].value!];
  let j = prevSolid(tokens, first, c.from);
  while (j > c.from && tokens[j].kind === "sep" && tokens[j].word === "、") {
    const num = prevSolid(tokens, j, c.from);
    const t = tokens[num];
    if (num < c.from || t.kind !== "num" || t.unit !== "" || isNaN(t.value!)) break;
    options.unshift(t.value!);
    j = prevSolid(tokens, num, c.from);
  }
  if (options.length >= 2 && j >= c.from && isWord(tokens[j], AWARD_VERBS)) return { t: "bands", c, options };
  return undefined;
}

// ---- clauses with a scored figure ----

/** The scored figure: the first "N分" with a verb before it, or undefined. */
function scoredFigure(s: Scan): { head: number; verb: Verb } | undefined {
  for (const k of s.points) {
    const verb = verbOf(s.tokens, k, s.c.from);
    if (verb) return { head: k, verb };
  }
  return undefined;
}

/** The clause's scored figure read by its verb: cap, per-occurrence, deduction or award. */
function readScored(s: Scan, first: number): Node {
  const { c, tokens } = s;
  const scored = scoredFigure(s);
  if (!scored) {
    // Cap with no verb: "5分封顶"; else a stated figure: "本项共5分".
    if (s.has["封顶"] !== undefined) return { t: "cap", c, points: tokens[first].value!, dir: "award" };
    return { t: "stated", c, points: tokens[first].value! };
  }
  const { head, verb } = scored;
  const value = tokens[head].value!;
  if (!(value > 0) && !isCapVerb(verb.word)) return { t: "stated", c, points: value };
  if (isCapVerb(verb.word)) return readCap(s, value, verb);
  const cap = inlineCap(s, head);
  const per = readPerOccurrence(s, value, verb, cap);
  if (per) return per;
  // Deduct: "未建立台账的扣1分", "各扣0.5分".
  if (DEDUCT_VERBS.indexOf(verb.word) >= 0)
    return { t: "deduct", c, points: value, each: verb.word === "各扣", verbStart: tokens[verb.index].start };
  return readAward(s, value, verb, cap);
}

/** An inline cap after the scored figure: "每项得1分最高3分". */
function inlineCap(s: Scan, head: number): number | undefined {
  for (const k of s.points) {
    if (k <= head) continue;
    const v = verbOf(s.tokens, k, head + 1);
    if (v && isCapVerb(v.word)) return s.tokens[k].value;
  }
  return undefined;
}

/** Capped award: "最高得2分", "最多扣3分", "上限5分"; with a basis in one clause: "根据…打分最高得2分". */
function readCap(s: Scan, value: number, verb: Verb): CapNode | BasisNode {
  const basis = hasAny(s, SCORING_WORDS) ? basisOf(s.src, s.c, s.c.from) : undefined;
  if (basis && basis.text && hasAny(s, BASIS_WORDS)) return { t: "basis", c: s.c, basis, cap: value };
  return { t: "cap", c: s.c, points: value, dir: capDirection(verb.word) };
}

/** Where a clause counts occurrences: its 每-word, the count after it and the measure word after 每. */
interface PerWord {
  /** The token of 每/每少/每多 …, -1 when none. */
  at: number;
  /** The count's token after it ("一项"), -1 when none. */
  countAt: number;
  word: string;
  /** The measure character right after a bare 每: "次" in 每次. */
  measure: string;
  /** The clause counts by its 每-word. */
  isPer: boolean;
}

function perWordOf(s: Scan, verb: Verb): PerWord {
  const { c, tokens, src } = s;
  let at = -1;
  for (let k = c.from; k < verb.index && at < 0; k++) if (isWord(tokens[k], PER_WORDS)) at = k;
  let countAt = -1;
  if (at >= 0) {
    for (let k = at + 1; k < verb.index && countAt < 0; k++) {
      const t = tokens[k];
      if (t.kind === "num" && t.unit !== "分" && !isNaN(t.value!)) countAt = k;
    }
  }
  const word = at >= 0 ? tokens[at].word! : "";
  const measure =
    word === "每" && at + 1 < c.to && tokens[at + 1].kind === "text" ? src.text.charAt(tokens[at + 1].start) : "";
  const isPer = at >= 0 && (countAt >= 0 || word !== "每" || (measure !== "" && PER_MEASURES.indexOf(measure) >= 0));
  return { at, countAt, word, measure, isPer };
}

/**
 * Per-occurrence award or deduction: "每创新出台一项政策得0.5分", "每少完成一个扣2分",
 * "一个扣1分", "超额完成一个加1分" (one counted thing right before the verb).
 */
function readPerOccurrence(s: Scan, value: number, verb: Verb, cap: number | undefined): PerNode | undefined {
  const { c, tokens } = s;
  const per = perWordOf(s, verb);
  const justBefore = prevSolid(tokens, verb.index, c.from);
  const oneBefore =
    justBefore >= c.from &&
    tokens[justBefore].kind === "num" &&
    tokens[justBefore].value === 1 &&
    isCountUnit(tokens[justBefore].unit);
  if (!per.isPer && !oneBefore) return undefined;
  const countTok = per.isPer ? (per.countAt >= 0 ? tokens[per.countAt] : undefined) : tokens[justBefore];
  const dir = perDirection(s, verb, per);
  const verbStart = tokens[verb.index].start;
  return {
    t: "per",
    c,
    dir,
    points: value,
    unit: perUnit(countTok, per),
    item: perItem(s, per, countTok, verbStart) || (dir === "deduct" ? "扣分情形" : "计分事项"),
    verbStart,
    cap,
  };
}

/** 扣 deducts; 奖励 is a bonus; 每多/超额 … 加 is a surplus; 每少 … 得 is an award. */
function perDirection(s: Scan, verb: Verb, per: PerWord): Direction {
  const deduct = DEDUCT_VERBS.indexOf(verb.word) >= 0;
  const bonus = verb.word.indexOf("奖励") >= 0;
  let dir: Direction = deduct ? "deduct" : bonus ? "bonus" : "award";
  if (!deduct && (SURPLUS_PER.indexOf(per.word) >= 0 || s.has["超额"] !== undefined) && !bonus) dir = "surplus";
  if (!deduct && SHORTFALL_PER.indexOf(per.word) >= 0) dir = "award";
  return dir;
}

/** What one count is: 项, 个; "每下降1%" → 个百分点; "每完成十项" → 10项 (a unit of ten). */
function perUnit(countTok: Token | undefined, per: PerWord): string {
  let unit = countTok ? countTok.unit! : per.measure || "项";
  if (countTok && countTok.unit === "%") unit = "个百分点";
  if (!unit) unit = "项";
  if (countTok && countTok.value !== 1 && countTok.value! > 0) unit = String(tidy(countTok.value!)) + unit;
  return unit;
}

/** The counted thing: the words before 每 and between 每 and the verb, without the count. */
function perItem(s: Scan, per: PerWord, countTok: Token | undefined, verbStart: number): string {
  const { src, c, tokens } = s;
  const itemFrom = per.isPer ? tokens[per.at].start + 1 : c.start; // after 每: "少完成一个", "创新出台一项政策"
  const lead = per.isPer ? slice(src, c.start, tokens[per.at].start) : "";
  let item = slice(src, itemFrom, verbStart);
  if (countTok && countTok.start >= itemFrom) {
    item = slice(src, itemFrom, countTok.start) + slice(src, countTok.end, verbStart);
  } else if (per.measure && per.isPer) {
    item = slice(src, itemFrom + 1, verbStart);
  }
  item = trimWords(trimWords(lead, [], ["的"]) + item, ["有"], ["的", "均", "各"]);
  // "每少一个" → "少" says little: keep the clause's own words.
  if (item.length < 2) item = per.isPer ? trimWords(slice(src, c.start, verbStart), [], ["的"]) : "";
  return item;
}

/** Award: "建立联席会议制度的得2分", "其中，…加1分"; a threshold with a bound: "达到100%得1分". */
function readAward(s: Scan, value: number, verb: Verb, cap: number | undefined): AwardNode {
  const { c, tokens } = s;
  const bound = findBound(s.src, c.from, verb.index, c.start);
  return {
    t: "award",
    c,
    verb: verb.word,
    points: value,
    verbStart: tokens[verb.index].start,
    each: verb.word.indexOf("各") === 0,
    qizhong: s.firstWord === "其中",
    bound,
    boundOnly: !!bound && onlyBoundBefore(s, verb),
    cap,
  };
}

/** The subject holds nothing but the bound: no words, no figure but a rate or a count ("达到100%得1分"). */
function onlyBoundBefore(s: Scan, verb: Verb): boolean {
  for (let k = s.c.from; k < verb.index; k++) {
    const t = s.tokens[k];
    if (t.kind === "text" || (t.kind === "num" && t.unit !== "%" && !isCountUnit(t.unit))) return false;
  }
  return true;
}

/** A basis that is a rate to scale by ("覆盖率", "完成进度", "数量占比"), or undefined for a judged one. */
export function scaledBasis(basis: Basis): string | undefined {
  if (basis.banded) return undefined;
  const text = trimWords(basis.text, [], ["等", "情况"]);
  if (basis.text !== text && /情况$/.test(basis.text)) return undefined;
  if (/(情况|效果|含金量|内容|质量|成效|数量|标准|水平|程度|力度|投入量|投入)$/.test(text)) return undefined;
  const known = ["完成进度", "数量占比", "覆盖率", "完成率", "达标率", "落实率", "占比", "比例", "比率", "进度"];
  for (const k of known) if (text.length >= k.length && text.slice(text.length - k.length) === k) return k;
  if (/率$/.test(text)) return text.slice(Math.max(0, text.length - 3));
  return undefined;
}
