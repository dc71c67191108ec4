/**
 * Derives criteria from a scoring rule's own words: parseRule("建立联席会议…的得2分，其中，…加1分…",
 * { points: 4 }) → flag 2 + choice (requires a) + flag 1, each with the span of text it came from.
 *
 * A small grammar, in three levels over the normalised text (lexer.ts):
 * 1. tokens — figures with their units (2分, 0.5分, 两分, 65%, 十项, 一次), keywords (得 加 扣 奖励
 *    每 最高 其余 根据 不得分 …), separators, brackets and numbered-line markers (lexer.ts);
 * 2. clauses — each clause between separators matched by one clause rule: Award, PerItem, Deduct,
 *    Cap, Remainder, Basis, Bands, Negate, … (clauses.ts);
 * 3. sentences — the clause nodes combined into criteria (this file):
 *      Segment     := Marker? (Requirement+ | Sentence+)          a numbered line or the whole rule
 *      Requirement := Body "（" N分 (，BracketRule)* "）"          会宁: "1.2020年9月底前成立（1分）"
 *      Criterion   := Plain* Award                               → flag | threshold (bound in subject)
 *                   | Plain* Award(其中) Award+                   → choice requiring the flag before
 *                   | Plain* Award Award(加)                      → flag requiring the flag before
 *                   | Plain* Per (Plain|NoRepeat|Per)* Cap?       → perItem (several items under one cap)
 *                   | Plain* (Per(扣) | Deduct) Cap(扣)? Floor?   → deduction
 *                   | Plain* Basis (Cap | Bands | Award(bound only))?  → judged | scaled | choice | threshold
 *                   | Plain* Remainder                            → judged | scaled for N points
 *                   | Plain* Negate                               → gate, or a note on the part it negates
 *                   | Plain+                                      → judged, pending (待确认)
 * Points the text leaves open (a basis with no figure, a deduction with no base, a perItem with no
 * cap, an unreadable sentence) get what is left of the item's points; parts that exceed the item
 * are kept as written (the caller records the discrepancy). Never throws: any string gives a
 * ParsedRule (worst case one pending judged criterion for the whole points).
 */
import { criterionLetter } from "../criteria/base";
import type { Criterion } from "../criteria/index";
import type { Metric } from "../metric";
import {
  classify,
  findBound,
  nextSolid,
  scaledBasis,
  splitClauses,
  trimWords,
  verbOf,
  type AwardNode,
  type Basis,
  type Bound,
  type CapNode,
  type DeductNode,
  type Node,
  type PerNode,
  type Source,
} from "./clauses";
import { maxOf, type Draft } from "./drafts";
import { byStart, checkboxChoice, dropEmptyParts, refine, sectionsOf } from "./productions";
import { normalizeRule, tokenize } from "./lexer";
import { floorToStep, formatNumber, multipleOf, tidy } from "../numbers";

export interface ParseOptions {
  /** The indicator's points: the base points, or for a bonus item (加分项目) its bonus points. */
  points: number;
  /**
   * The indicator's bonus points (加分), when it has any. An item whose points are all bonus
   * (`points` 0, or `points` equal to `bonus`) is a bonus item: every criterion gets `bonus: true`.
   * In a base item only "奖励N分" parts are bonus; "每多…奖励" without a cap is capped at `bonus`.
   */
  bonus?: number;
  /** The indicator's id ("1.2"), for the metrics' ids: "m-1-2-1". */
  idPrefix?: string;
}

export interface ParsedRule {
  /** The normalised rule text the spans index into (lexer.ts, normalizeRule). */
  text: string;
  /** In text order, lettered a, b, c … (then aa, ab …). */
  criteria: Criterion[];
  /** The metrics the threshold criteria reference. */
  metrics: Metric[];
  /**
   * The sum of the criteria's maximum points that count toward the item: the base criteria, or
   * for a bonus item its bonus criteria. An uncapped perItem (超额完成一个加1分) adds nothing.
   */
  total: number;
  /** The sum of the maximum points of the criteria marked bonus. */
  bonusTotal: number;
  /** How many criteria are pending (待确认). */
  unparsed: number;
  /** A title line before the numbered requirements that only restates the item's points. */
  heading?: { text: string; span: [number, number] };
}

export const PENDING_NOTE = "未能自动解析，待确认";
const STEP = 0.5;
/** Letters a … z, aa … zz (the schema's ids). */
const MAX_CRITERIA = 26 + 26 * 26;
const MAX_LABEL = 40;
/** A rule with no text: the one pending criterion needs some text to point at. */
export const EMPTY_RULE_TEXT = "（评分细则为空）";

/** The state of reading one segment's clauses. */
interface ClauseReading {
  segment: number;
  nodes: { length: number; at(k: number): Node | undefined };
  /** Clauses read but not yet made part of a criterion: the words before the one that scores them. */
  prefix: Node[];
  /** An open "其中" and its alternatives. */
  qz: Qizhong | null;
}

/** Where a clause's criterion starts, and the words before it. */
interface Here {
  base: { segment: number; sentence: number; start: number };
  prefixText: string;
  statedInPrefix: Node[];
}

interface Qizhong {
  anchor?: Draft;
  sentence: number;
  bare?: Node;
  alts: { node: AwardNode; start: number }[];
}

function shortLabel(s: string | undefined): string | undefined {
  if (!s) return undefined;
  const one = s.replace(/\n/g, "");
  const t = trimWords(one);
  if (!t) return undefined;
  return t.length > MAX_LABEL ? t.slice(0, MAX_LABEL - 1) + "…" : t;
}

/** "填写数量（少完成，以个计）：每个扣2分，扣完为止". */
function deductionNote(what: string, unit: string, per: number, cap: number | undefined): string {
  return (
    "填写数量（" +
    what +
    "，以" +
    unit +
    "计）：每" +
    unit +
    "扣" +
    formatNumber(per) +
    "分" +
    (cap !== undefined ? "，最高扣" + formatNumber(cap) + "分" : "，扣完为止") +
    unitNote(unit)
  );
}

/** "10项": a count in tens; what falls short of a whole unit does not count. */
function unitNote(unit: string): string {
  return /^\d/.test(unit) ? "（以" + unit + "为一个计数单位，不足不计）" : "";
}

function judgedNote(points: number): string {
  return "评定分：细则未规定具体分档标准，由填报人对照细则在0–" + formatNumber(points) + "分之间按0.5分的步长评定填写";
}

const SCALED_NOTE = "细则未规定换算办法，默认按比例计分：得分 = 分值 × 比率，按0.5分向下取整";

const GRADE_WORDS =
  "(优秀|良好|较好|合格|基本合格|一般|较差|不合格|好|中|差|[一二三四五六七八九十]等|第?[一二三四五六七八九十]档|[A-E]档?|[A-E]级|[一二三四五]星级?)(等次|等级)?";
/** A subject that is a grade: 优秀, 良好, 评为合格, 一等. */
const GRADE = new RegExp("^(被评为|获评|评为|评定为|考核为|等次为|等级为|为)?" + GRADE_WORDS + "$");
/** The first of a run of grades may carry the thing graded: 考核优秀, 年度考核评为优秀. */
const GRADE_TAIL = new RegExp("(被评为|获评|评为|评定为|考核为|等次为|等级为|为)?" + GRADE_WORDS + "$");

/** What clauses and segments share while one rule is read. */
class Reader {
  drafts: Draft[] = [];
  heading?: { text: string; span: [number, number] };
  /** Where reading stopped because the letters ran out (702 criteria): the rest is one pending part. */
  cut?: number;
  private sentence = 0;

  constructor(
    readonly src: Source,
    readonly bonusItem: boolean,
    readonly bonusPoints: number | undefined
  ) {}

  private t(a: number, b: number): string {
    return b > a ? this.src.text.slice(a, b) : "";
  }

  private add(d: Omit<Draft, "notes"> & { notes?: string[] }): Draft {
    const draft: Draft = { notes: [], ...d };
    this.drafts.push(draft);
    return draft;
  }

  /** As many criteria as there are letters: read no further. */
  private full(): boolean {
    return this.drafts.length >= MAX_CRITERIA;
  }

  /** The most recent draft of this segment that passes the test (looking back a bounded way). */
  private last(segment: number, test: (d: Draft) => boolean = () => true): Draft | undefined {
    for (let i = this.drafts.length - 1, n = 0; i >= 0 && n < 30; i--, n++) {
      const d = this.drafts[i];
      if (d.segment !== segment) return undefined;
      if (test(d)) return d;
    }
    return undefined;
  }

  // ---- segments ----

  read(): void {
    const { tokens } = this.src;
    const starts: number[] = [];
    for (let k = 0; k < tokens.length; k++) if (tokens[k].kind === "mark") starts.push(k);
    const bounds: [number, number][] = [];
    if (starts.length === 0 || starts[0] > 0) bounds.push([0, starts.length ? starts[0] : tokens.length]);
    for (let s = 0; s < starts.length; s++)
      bounds.push([starts[s], s + 1 < starts.length ? starts[s + 1] : tokens.length]);
    for (let s = 0; s < bounds.length; s++) {
      const [from, to] = bounds[s];
      const numbered = tokens[from] && tokens[from].kind === "mark";
      if (s === 0 && !numbered && bounds.length > 1 && this.isHeading(from, to)) continue;
      if (this.full()) {
        this.cut = tokens[from].start;
        return;
      }
      this.readSegment(s, from, to);
      if (this.cut !== undefined) return;
    }
  }

  /** "建立试点工作督导机制（5分）" or "评分标准：" before numbered lines. */
  private isHeading(from: number, to: number): boolean {
    const { tokens } = this.src;
    let last = to - 1;
    while (last >= from && tokens[last].kind === "space") last--;
    if (last < from) return false;
    const pieces = this.requirementPieces(from, to);
    let heading = false;
    if (pieces && pieces.pieces.length === 1 && !pieces.tail) heading = true;
    else if (!pieces) {
      let scored = false;
      for (let k = from; k < to; k++) if (tokens[k].kind === "num" && tokens[k].unit === "分") scored = true;
      const endsWithColon = tokens[last].kind === "sep" && (tokens[last].word === "：" || tokens[last].word === ":");
      heading = !scored && endsWithColon;
    }
    if (heading) {
      let first = from;
      while (first < last && tokens[first].kind === "space") first++;
      this.heading = {
        text: this.t(tokens[first].start, tokens[last].end),
        span: [tokens[first].start, tokens[last].end],
      };
    }
    return heading;
  }

  private readSegment(segment: number, from: number, to: number): void {
    const { tokens } = this.src;
    const found = this.requirementPieces(from, to);
    if (found) {
      for (const piece of found.pieces) {
        if (this.full()) {
          this.cut = tokens[piece.from].start;
          return;
        }
        this.requirement(segment, piece);
      }
      if (found.tail) this.readClauses(segment, found.tail[0], found.tail[1]);
      return;
    }
    const start = tokens[from] && tokens[from].kind === "mark" ? from + 1 : from;
    this.readClauses(segment, start, to);
  }

  // ---- requirement lines: "1.2020年9月底前成立（1分）" ----

  /**
   * The pieces of a segment that states its points in brackets ("（2分）", "（13分，每少完成一个扣2分）")
   * with no scored verb outside them; undefined when the segment is written as awards (得N分).
   */
  private requirementPieces(from: number, to: number): { pieces: Piece[]; tail?: [number, number] } | undefined {
    const { tokens } = this.src;
    const groups: { open: number; close: number; points: number }[] = [];
    let depth = 0;
    let open = -1;
    for (let k = from; k < to; k++) {
      const t = tokens[k];
      if (t.kind === "open") {
        if (depth === 0) open = k;
        depth++;
      } else if (t.kind === "close") {
        depth--;
        if (depth === 0 && open >= 0) {
          const points = this.bracketPoints(open + 1, k);
          if (points >= 0) groups.push({ open, close: k, points });
        }
        if (depth < 0) depth = 0;
      } else if (depth === 0 && t.kind === "num" && t.unit === "分" && verbOf(tokens, k, from)) {
        return undefined;
      }
    }
    if (groups.length === 0) return undefined;
    const pieces: Piece[] = [];
    let begin = from;
    for (const g of groups) {
      let end = g.close + 1;
      if (end < to && tokens[end].kind === "sep" && "。；;.".indexOf(tokens[end].word!) >= 0) end++;
      pieces.push({
        from: begin,
        to: end,
        open: g.open,
        close: g.close,
        points: tokens[g.points].value!,
        pointsAt: g.points,
      });
      begin = end;
    }
    let tail: [number, number] | undefined;
    for (let k = begin; k < to; k++) {
      const t = tokens[k];
      if (t.kind !== "space" && t.kind !== "sep") {
        tail = [begin, to];
        break;
      }
    }
    return { pieces, tail };
  }

  /** The token of "N分" opening a bracket's first clause with no verb before it, or -1. */
  private bracketPoints(from: number, to: number): number {
    const { tokens } = this.src;
    for (let k = from; k < to; k++) {
      const t = tokens[k];
      if (t.kind === "sep" && t.word !== "、") {
        // "（加分项目，10分）": the figure may follow a first clause of words.
        continue;
      }
      if (t.kind === "num" && t.unit === "分" && !isNaN(t.value!)) {
        if (verbOf(tokens, k, from)) return -1;
        return k;
      }
      if (t.kind === "word" && (t.word === "得" || t.word === "扣" || t.word === "加")) return -1;
    }
    return -1;
  }

  /** Requirement line: "1.2020年9月底前成立（1分）", "2.建成站点13个（13分，每少完成一个扣2分）". */
  private requirement(segment: number, p: Piece): void {
    const req = this.requirementHead(segment, p);
    // The rules inside the bracket, after its figure: 每少完成一个扣2分, 超额完成一个加1分.
    const rules: Node[] = [];
    for (const c of splitClauses(this.src, p.open + 1, p.close, 0))
      if (c.from > p.pointsAt) rules.push(classify(this.src, c));
    const { made, notes } = this.bracketRules(req, rules);
    if (made === 0) this.requirementBody(req);
    if (notes.length) {
      const d = this.drafts[this.drafts.length - 1];
      d.notes.push("括号内另有规定：" + notes.join("；"));
      d.pending = true;
    }
  }

  /** A requirement line's span, its words before the bracket and its label. */
  private requirementHead(segment: number, p: Piece): Requirement {
    const { tokens } = this.src;
    const sentence = ++this.sentence;
    let first = p.from;
    while (first < p.open && tokens[first].kind === "space") first++;
    let bodyFrom = first;
    if (tokens[bodyFrom].kind === "mark") bodyFrom = nextSolid(tokens, bodyFrom, p.open);
    const bodyStart = bodyFrom < p.open ? tokens[bodyFrom].start : tokens[p.open].start;
    const body = this.t(bodyStart, tokens[p.open].start);
    const label = requirementLabel(body);
    const base = {
      start: tokens[first].start,
      end: tokens[p.to - 1].end,
      segment,
      sentence,
      label: label || undefined,
    };
    return { base, points: p.points, body, bodyFrom, bodyStart, open: p.open };
  }

  /** The bracket's rules as parts of the requirement; the rules it cannot read go to `notes`. */
  private bracketRules(req: Requirement, rules: Node[]): { made: number; notes: string[] } {
    let deduction: Draft | undefined;
    let made = 0;
    const notes: string[] = [];
    for (let i = 0; i < rules.length; i++) {
      const n = rules[i];
      if ((n.t === "per" && n.dir === "deduct") || n.t === "deduct") {
        if (deduction) deduction.notes.push("另：" + this.t(n.c.start, n.c.end));
        else {
          deduction = this.bracketDeduction(req, n, rules[i - 1]);
          made++;
        }
      } else if (n.t === "per") {
        const next = rules[i + 1];
        const capped = next && next.t === "cap" && next.dir !== "deduct" ? next : undefined;
        this.bracketCount(req, n, capped);
        if (capped) i++;
        made++;
      } else if (n.t === "cap" && n.dir === "deduct" && deduction) {
        // "最高扣5分" after the deduction.
        deduction.maxDeduction = n.points;
        deduction.notes.push("最高扣" + formatNumber(n.points) + "分");
      } else if (n.t === "floor" && deduction) {
        // 扣完为止 is how a deduction scores anyway.
      } else if (n.t === "discretion") {
        this.add({
          ...req.base,
          kind: "judged",
          points: req.points,
          notes: ["酌情扣分：由评定人在0–" + formatNumber(req.points) + "分之间评定"],
        });
        made++;
      } else if (n.t !== "plain" && n.t !== "qizhong") {
        notes.push(this.t(n.c.start, n.c.end));
      }
    }
    return { made, notes };
  }

  /** Per-occurrence deduction in a bracket: "（13分，每少完成一个扣2分）", "新建居住小区未落实的，一个扣1分". */
  private bracketDeduction(req: Requirement, n: PerNode | DeductNode, before: Node | undefined): Draft {
    let item = n.t === "per" ? n.item : trimWords(this.t(n.c.start, n.verbStart), [], ["的"]);
    // The words before the rule name what it counts.
    if (before && before.t === "plain" && (item === "扣分情形" || item === "计分事项" || !item)) {
      item = trimWords(this.t(before.c.start, before.c.end), [], ["的"]);
    }
    const unit = n.t === "per" ? n.unit : "项";
    return this.add({
      ...req.base,
      kind: "deduction",
      points: req.points,
      per: n.points,
      unit,
      notes: [deductionNote(item, unit, n.points, undefined)],
    });
  }

  /** A surplus or a count beside the requirement: "超额完成一个加1分", "每…得N分", capped by "最高加N分". */
  private bracketCount(req: Requirement, n: PerNode, capped: CapNode | undefined): void {
    const cap = capped ? capped.points : n.cap;
    const surplus = n.dir === "surplus" || n.dir === "bonus";
    this.add({
      ...req.base,
      kind: "perItem",
      label: shortLabel(n.item),
      items: [{ label: n.item, each: n.points }],
      unit: n.unit,
      cap: cap ?? (surplus ? (n.dir === "bonus" && this.bonusPoints ? this.bonusPoints : undefined) : req.points),
      bonus: n.dir === "bonus" || undefined,
      notes:
        cap === undefined && surplus
          ? ["细则未规定" + (n.dir === "bonus" ? "奖励" : "超额加分") + "上限；本项得分以本项分值为上限"]
          : [],
    });
  }

  /** A requirement with no rule in its bracket: a threshold ("覆盖率达到60%（2分）"), judged (成效明显) or a flag. */
  private requirementBody(req: Requirement): void {
    const bound = findBound(this.src, req.bodyFrom, req.open, req.bodyStart);
    if (bound) {
      this.add({
        ...req.base,
        kind: "threshold",
        label: bound.name,
        points: req.points,
        metric: { name: bound.name, unit: bound.unit, bound },
      });
    } else if (/成效|效果|较好|良好|明显|显著/.test(req.body)) {
      this.add({
        ...req.base,
        kind: "judged",
        points: req.points,
        notes: ["评定分：细则未设分档，由评定人根据成效在0–" + formatNumber(req.points) + "分内评定，步长0.5分"],
      });
    } else {
      this.add({ ...req.base, kind: "flag", points: req.points });
    }
  }

  // ---- sentences of awards: "建立制度得2分，其余1分根据…打分" ----

  // ---- clauses: one named production per kind of clause ----

  private readClauses(segment: number, from: number, to: number): void {
    const clauses = splitClauses(this.src, from, to, this.sentence + 1);
    if (clauses.length) this.sentence = clauses[clauses.length - 1].sentence;
    // Nodes are classified as the reader reaches them (a cell cut short at 702 criteria reads no further).
    const cache: Node[] = [];
    const src = this.src;
    const r: ClauseReading = {
      segment,
      nodes: {
        length: clauses.length,
        at(k: number): Node | undefined {
          if (k < 0 || k >= clauses.length) return undefined;
          return cache[k] || (cache[k] = classify(src, clauses[k]));
        },
      },
      prefix: [],
      qz: null,
    };
    let i = 0;
    while (i < r.nodes.length) {
      const n = r.nodes.at(i)!;
      if (this.full()) {
        this.cutAt(r, n);
        return;
      }
      if (r.qz && r.qz.sentence !== n.c.sentence) this.flushQizhong(r);
      if (r.prefix.length && r.prefix[0].c.sentence !== n.c.sentence) this.flushPrefix(r);
      i = this.readNode(r, n, i);
    }
    this.flushQizhong(r);
    this.flushPrefix(r);
  }

  /** Everything not yet made a criterion goes to the one pending tail. */
  private cutAt(r: ClauseReading, n: Node): void {
    let cut = r.prefix.length ? r.prefix[0].c.start : n.c.start;
    const open = r.qz;
    if (open && open.alts.length) cut = Math.min(cut, open.alts[0].start);
    if (open && open.bare) cut = Math.min(cut, open.bare.c.start);
    this.cut = cut;
  }

  /** Where the clause's criterion starts (with the words before it), and those words. */
  private here(r: ClauseReading, n: Node): Here {
    const start = r.prefix.length ? r.prefix[0].c.start : n.c.start;
    return {
      base: { segment: r.segment, sentence: n.c.sentence, start },
      prefixText: r.prefix.length ? this.t(r.prefix[0].c.start, r.prefix[r.prefix.length - 1].c.end) : "",
      statedInPrefix: r.prefix.filter((p) => p.t === "stated"),
    };
  }

  /** Reads the clause at i; returns the index of the next clause to read. */
  private readNode(r: ClauseReading, n: Node, i: number): number {
    const here = this.here(r, n);
    switch (n.t) {
      case "plain":
      case "stated":
        r.prefix.push(n);
        return i + 1;
      case "qizhong":
        r.qz = {
          anchor: this.last(r.segment, (d) => d.kind === "flag" || d.kind === "threshold"),
          sentence: n.c.sentence,
          bare: n,
          alts: [],
        };
        return i + 1;
      case "award":
        return this.readAward(r, n, i, here);
      case "per":
        return n.dir === "deduct" ? this.readPerDeduction(r, n, i, here) : this.readPerItems(r, n, i, here);
      case "deduct":
        return this.readDeduct(r, n, i, here);
      case "cap":
        return this.readCap(r, n, i, here);
      case "remainder":
        this.basisCriterion(here.base, n.c.end, n.basis, n.points, shortLabel(this.t(n.c.start, n.c.end)));
        r.prefix = [];
        return i + 1;
      case "basis":
        return this.readBasis(r, n, i, here);
      case "bands":
        this.bands(
          here.base,
          n.c.end,
          n.options,
          trimWords(here.prefixText, ["根据"], ["的"]) || "分档",
          here.prefixText + this.t(n.c.start, n.c.end)
        );
        r.prefix = [];
        return i + 1;
      case "negate":
        this.negate(n, here.base, r.prefix);
        r.prefix = [];
        return i + 1;
      case "exempt":
      case "floor":
      case "norepeat":
        return this.readRemark(r, n, i, here);
      case "discretion":
        return this.readDiscretion(r, n, i, here);
    }
  }

  /** The words before a criterion that no clause made one: a part to review. */
  private flushPrefix(r: ClauseReading): void {
    const prefix = r.prefix;
    if (!prefix.length) return;
    const a = prefix[0].c;
    const b = prefix[prefix.length - 1].c;
    let stated = 0;
    let hasStated = false;
    for (const p of prefix)
      if (p.t === "stated") {
        stated += p.points;
        hasStated = true;
      }
    this.add({
      kind: "judged",
      start: a.start,
      end: b.end,
      segment: r.segment,
      sentence: a.sentence,
      points: hasStated ? tidy(stated) : undefined,
      wants: hasStated ? undefined : "pending",
      pending: true,
      notes: [PENDING_NOTE],
    });
    r.prefix = [];
  }

  /** "其中，A得1分，B得1分": the parts of the award before, or alternatives added to it. */
  private flushQizhong(r: ClauseReading): void {
    if (!r.qz) return;
    const q = r.qz;
    r.qz = null;
    if (q.alts.length === 0) {
      if (q.bare) r.prefix.unshift(q.bare);
      return;
    }
    const subjects = q.alts.map((a) => trimWords(this.t(a.node.c.start, a.node.verbStart), ["其中", "由"], ["的"]));
    const anchor = q.anchor;
    const sum = tidy(q.alts.reduce((s, a) => s + a.node.points, 0));
    const breakdown =
      anchor && anchor.kind === "flag" && q.alts.every((a) => a.node.verb === "得") && sum === anchor.points;
    if (q.alts.length === 1 || breakdown) {
      for (let i = 0; i < q.alts.length; i++) {
        const a = q.alts[i];
        this.add({
          kind: "flag",
          start: a.start,
          end: a.node.c.end,
          segment: r.segment,
          sentence: a.node.c.sentence,
          label: shortLabel(subjects[i]),
          points: a.node.points,
          subject: subjects[i],
          verb: a.node.verb,
          requires: breakdown ? undefined : anchor,
          requiresNote: breakdown ? undefined : "“其中”加分",
        });
      }
      if (breakdown && anchor) {
        // "建立制度得2分，其中，A得1分，B得1分": the parts replace the whole.
        this.drafts.splice(this.drafts.indexOf(anchor), 1);
        const firstPart = this.drafts[this.drafts.length - q.alts.length];
        firstPart.start = anchor.start;
      }
      return;
    }
    const labels = uniqueLabels(
      subjects,
      q.alts.map((a) => a.node.points)
    );
    const suffix = commonSuffix(subjects);
    this.add({
      kind: "choice",
      start: q.alts[0].start,
      end: q.alts[q.alts.length - 1].node.c.end,
      segment: r.segment,
      sentence: q.alts[0].node.c.sentence,
      label: shortLabel(suffix.length >= 4 ? suffix : anchor && anchor.label ? anchor.label + "（其中）" : "其中加分"),
      options: labels.map((label, i) => ({ label, points: q.alts[i].node.points })),
      requires: anchor,
      requiresNote: "“其中”加分",
      notes: ["各选项只能选一项"],
    });
  }

  /** "建立制度的得2分"; an alternative under 其中; or grades of one thing (优秀的得3分、良好的得2分). */
  private readAward(r: ClauseReading, n: AwardNode, i: number, here: Here): number {
    if (n.qizhong && !r.qz) {
      r.qz = {
        anchor: this.last(r.segment, (d) => d.kind === "flag" || d.kind === "threshold"),
        sentence: n.c.sentence,
        alts: [],
      };
    }
    if (r.qz && !n.bound && n.verb !== "奖励" && !n.each) {
      r.qz.bare = undefined;
      r.qz.alts.push({ node: n, start: here.base.start });
      r.prefix = [];
      return i + 1;
    }
    const graded = this.readGrades(r, n, i, here);
    if (graded !== undefined) return graded;
    this.award(n, here.base, here.prefixText);
    r.prefix = [];
    return i + 1;
  }

  /** Grades of one thing: 优秀的得3分、良好的得2分、合格的得1分 → choice. */
  private readGrades(r: ClauseReading, n: AwardNode, i: number, here: Here): number | undefined {
    const { nodes } = r;
    let j = i;
    const grades: string[] = [];
    let graded = "";
    while (j < nodes.length && !n.qizhong) {
      const m = nodes.at(j)!;
      if (m.t !== "award" || m.c.sentence !== n.c.sentence || m.each || m.bound) break;
      let g = trimWords(this.t(m.c.start, m.verbStart), [], ["的"]);
      if (j === i && !GRADE.test(g) && g.length <= 40) {
        const tail = GRADE_TAIL.exec(g);
        if (!tail || tail.index === 0) break;
        graded = g.slice(0, tail.index);
        g = tail[0];
      } else if (!GRADE.test(g)) break;
      grades.push(g);
      j++;
    }
    if (grades.length < 2) return undefined;
    const last = nodes.at(j - 1)!;
    this.add({
      ...here.base,
      kind: "choice",
      end: last.c.end,
      label: shortLabel(graded) || shortLabel(here.prefixText) || "评定等次",
      options: uniqueLabels(
        grades,
        grades.map((_, q) => (nodes.at(i + q) as AwardNode).points)
      ).map((label, q) => ({
        label,
        points: (nodes.at(i + q)! as AwardNode).points,
      })),
      notes: ["按等次选择一项；均不符合选“无”"],
    });
    r.prefix = [];
    return j;
  }

  /** "每少一个扣1分": a deduction per shortfall. */
  private readPerDeduction(r: ClauseReading, n: PerNode, i: number, here: Here): number {
    const what = n.item === "扣分情形" && here.prefixText ? trimWords(here.prefixText, [], ["的"]) : n.item;
    this.add({
      ...here.base,
      end: n.c.end,
      kind: "deduction",
      label: shortLabel(what),
      per: n.points,
      unit: n.unit,
      maxDeduction: n.cap,
      points: here.statedInPrefix.length ? (here.statedInPrefix[0] as { points: number }).points : undefined,
      wants: here.statedInPrefix.length ? undefined : "rest",
      notes: [deductionNote(what, n.unit, n.points, n.cap)],
    });
    r.prefix = [];
    return i + 1;
  }

  /** "每创新出台一项政策得0.5分，最高得3分": items of one direction, remarks between them, and the cap. */
  private readPerItems(r: ClauseReading, n: PerNode, i: number, here: Here): number {
    const { nodes } = r;
    const items: PerNode[] = [n];
    const remarks: string[] = [];
    let cap: number | undefined = n.cap;
    let lastGood = i;
    let j = i + 1;
    while (j < nodes.length && cap === undefined) {
      const m = nodes.at(j)!;
      if (
        m.t === "per" &&
        m.dir !== "deduct" &&
        (m.dir === "bonus") === (n.dir === "bonus") &&
        m.c.sentence === n.c.sentence
      ) {
        items.push(m);
        if (m.cap !== undefined) cap = m.cap;
        lastGood = j;
      } else if ((m.t === "plain" || m.t === "norepeat") && m.c.sentence === n.c.sentence) {
        // tentatively part of the group
      } else if (m.t === "cap" && m.dir !== "deduct" && (m.c.sentence === n.c.sentence || j === lastGood + 1)) {
        cap = m.points;
        lastGood = j;
      } else break;
      j++;
    }
    for (let q = i + 1; q <= lastGood; q++) {
      const m = nodes.at(q)!;
      if (m.t === "norepeat" || m.t === "plain") remarks.push(this.t(m.c.start, m.c.end));
    }
    const bonus = n.dir === "bonus";
    const surplus = n.dir === "surplus";
    const openCap = cap === undefined && (surplus || (bonus && !this.bonusPoints));
    this.add({
      ...here.base,
      end: nodes.at(lastGood)!.c.end,
      kind: "perItem",
      label: shortLabel(here.prefixText ? trimWords(here.prefixText, [], ["的"]) : items[0].item),
      items: items.map((m) => ({ label: m.item, each: m.points })),
      unit: n.unit,
      cap: cap ?? (bonus && this.bonusPoints ? this.bonusPoints : undefined),
      bonus: bonus || undefined,
      wants: cap === undefined && !surplus && !bonus ? "rest" : undefined,
      notes: remarks
        .map((x) => (/不重复计分/.test(x) ? x + "：每项只计一次" : "说明：" + x))
        .concat(openCap ? ["细则未规定" + (bonus ? "奖励" : "超额加分") + "上限；本项得分以本项分值为上限"] : [])
        .concat(unitNote(n.unit) ? ["按" + n.unit + "计数" + unitNote(n.unit)] : []),
    });
    r.prefix = [];
    return lastGood + 1;
  }

  /** "未成立…的扣3分": a deduction for a condition. */
  private readDeduct(r: ClauseReading, n: Extract<Node, { t: "deduct" }>, i: number, here: Here): number {
    const condition =
      trimWords(this.t(n.c.start, n.verbStart), [], ["的", "各", "均"]) || trimWords(here.prefixText, [], ["的"]);
    this.add({
      ...here.base,
      end: n.c.end,
      kind: "deduction",
      label: shortLabel(condition),
      per: n.points,
      unit: "项",
      points: here.statedInPrefix.length ? (here.statedInPrefix[0] as { points: number }).points : undefined,
      wants: here.statedInPrefix.length ? undefined : "rest",
      subject: condition,
      notes: [
        (n.each ? "各扣" + formatNumber(n.points) + "分：" : "") +
          deductionNote(condition || "扣分情形", "项", n.points, undefined),
      ],
    });
    r.prefix = [];
    return i + 1;
  }

  /** "最高扣3分" / "最高得5分": the cap of the criterion before; alone, a part to review. */
  private readCap(r: ClauseReading, n: Extract<Node, { t: "cap" }>, i: number, here: Here): number {
    if (n.dir === "deduct") {
      const d = this.last(r.segment, (x) => x.kind === "deduction");
      if (d) {
        d.maxDeduction = n.points;
        d.notes = d.notes.map((x) => x.replace("，扣完为止", "，最高扣" + formatNumber(n.points) + "分"));
        if (d.sentence === n.c.sentence) d.end = n.c.end;
        r.prefix = [];
        return i + 1;
      }
    } else {
      const d = this.last(r.segment);
      if (
        d &&
        ((d.kind === "perItem" && (d.cap === undefined || d.wants)) ||
          ((d.kind === "judged" || d.kind === "scaled") && d.wants === "rest"))
      ) {
        if (d.kind === "perItem") d.cap = n.points;
        else d.points = n.points;
        d.wants = undefined;
        d.notes = d.notes.filter((x) => x.indexOf("上限") < 0);
        if (d.sentence === n.c.sentence) d.end = n.c.end;
        r.prefix = [];
        return i + 1;
      }
    }
    this.add({
      ...here.base,
      end: n.c.end,
      kind: "judged",
      points: n.points,
      pending: true,
      notes: [PENDING_NOTE + "（“最高" + formatNumber(n.points) + "分”前没有可封顶的评分项）"],
    });
    r.prefix = [];
    return i + 1;
  }

  /** "根据覆盖率进行打分": a basis, with its cap, bands or bound in the clause after it. */
  private readBasis(r: ClauseReading, n: Extract<Node, { t: "basis" }>, i: number, here: Here): number {
    const next = r.nodes.at(i + 1);
    const { base } = here;
    let after = i + 1;
    if (n.cap !== undefined) {
      this.basisCriterion(base, n.c.end, n.basis, n.cap);
    } else if (next && next.t === "cap" && next.dir !== "deduct" && next.c.sentence === n.c.sentence) {
      this.basisCriterion(base, next.c.end, n.basis, next.points);
      after = i + 2;
    } else if (next && next.t === "bands" && next.c.sentence === n.c.sentence) {
      this.bands(base, next.c.end, next.options, n.basis.text, this.t(base.start, next.c.end));
      after = i + 2;
    } else if (next && next.t === "award" && next.bound && next.boundOnly && next.c.sentence === n.c.sentence) {
      const bound = { ...next.bound, name: n.basis.text || next.bound.name };
      this.add({
        ...base,
        end: next.c.end,
        kind: "threshold",
        label: shortLabel(n.basis.text + this.t(next.c.start, next.verbStart)),
        points: next.points,
        metric: { name: bound.name, unit: bound.unit, bound },
      });
      after = i + 2;
    } else {
      this.basisCriterion(base, n.c.end, n.basis, undefined);
    }
    r.prefix = [];
    return after;
  }

  /** "不扣分的情形…", "扣完为止", "不重复计分": a remark on the criterion before. */
  private readRemark(r: ClauseReading, n: Node, i: number, here: Here): number {
    const words = this.t(here.base.start, n.c.end);
    const target =
      n.t === "norepeat"
        ? this.last(r.segment, (d) => d.kind === "perItem") || this.last(r.segment)
        : this.last(r.segment, (d) => d.kind === "deduction") || this.last(r.segment);
    if (target) {
      if (n.t === "exempt") target.notes.push("不扣分的情形：" + words);
      else if (n.t === "floor") {
        if (!target.notes.some((x) => x.indexOf("扣完为止") >= 0))
          target.notes.push(target.kind === "deduction" ? "扣完为止" : words);
      } else target.notes.push(words);
      if (target.sentence === n.c.sentence) target.end = Math.max(target.end, n.c.end);
      r.prefix = [];
    } else {
      r.prefix.push(n);
    }
    return i + 1;
  }

  /** "酌情扣分": judged within what is left, or the part before it. */
  private readDiscretion(r: ClauseReading, n: Node, i: number, here: Here): number {
    const before = this.last(r.segment, (d) => d.kind === "flag" || d.kind === "threshold") || null;
    this.add({
      ...here.base,
      end: n.c.end,
      kind: "judged",
      label: shortLabel(trimWords(this.t(here.base.start, n.c.end), [], ["酌情扣分", "的"])),
      wants: "rest",
      discretion: before,
      notes: [],
    });
    r.prefix = [];
    return i + 1;
  }

  /** Award: "建立联席会议制度的得2分" → flag; with a bound → threshold; "A、B各得1分" → a flag each. */
  private award(n: AwardNode, base: { segment: number; sentence: number; start: number }, prefixText: string): void {
    const subject = trimWords(this.t(n.c.start, n.verbStart), ["其中"], ["的", "均"]);
    const bonus = n.verb.indexOf("奖励") >= 0 || undefined;
    const label =
      shortLabel(subject) || shortLabel(trimWords(prefixText, [], ["的"])) || shortLabel(this.t(base.start, n.c.end));
    if (n.each) return this.awardEach(n, base, subject, bonus);
    if (n.bound) return this.awardThreshold(n, n.bound, base, prefixText, { subject, label, bonus });
    const requires = this.additionTo(n, base.segment, bonus);
    this.add({
      ...base,
      end: n.c.end,
      kind: "flag",
      label,
      points: n.points,
      bonus,
      subject,
      verb: n.verb,
      requires,
      requiresNote: requires ? "加分" : undefined,
    });
  }

  /** Each of several subjects: "建立制度、开展培训各得1分" → one flag each. */
  private awardEach(
    n: AwardNode,
    base: { segment: number; sentence: number; start: number },
    subject: string,
    bonus: true | undefined
  ): void {
    const parts = subject
      .split("、")
      .map((s) => trimWords(s))
      .filter((s) => s.length > 0);
    for (const part of parts.length ? parts : [subject]) {
      this.add({
        ...base,
        end: n.c.end,
        kind: "flag",
        label: shortLabel(part),
        points: n.points,
        bonus,
        subject: part,
        verb: n.verb,
        notes: ["各得" + formatNumber(n.points) + "分"],
      });
    }
  }

  /** Threshold: "覆盖率达到60%以上的得2分"; a bare "达到100%得1分" takes its metric's name from the words before. */
  private awardThreshold(
    n: AwardNode,
    bound: Bound,
    base: { segment: number; sentence: number; start: number },
    prefixText: string,
    words: { subject: string; label: string | undefined; bonus: true | undefined }
  ): void {
    let name = bound.name;
    if (n.boundOnly && prefixText) name = trimWords(prefixText, ["根据"], ["的", "进行打分", "打分"]) || name;
    this.add({
      ...base,
      end: n.c.end,
      kind: "threshold",
      label: words.label,
      points: n.points,
      bonus: words.bonus,
      metric: { name, unit: bound.unit, bound },
      subject: words.subject,
      verb: n.verb,
    });
  }

  /** Addition: "建立…制度得0.5分，拓展到城乡居民加1.5分" adds to the part before it, which it requires. */
  private additionTo(n: AwardNode, segment: number, bonus: true | undefined): Draft | undefined {
    if (n.verb !== "加" || bonus || this.bonusItem) return undefined;
    const before = this.last(segment);
    if (
      before &&
      before.sentence === n.c.sentence &&
      (before.kind === "flag" || before.kind === "threshold") &&
      before.verb === "得" &&
      !before.bonus
    ) {
      return before;
    }
    return undefined;
  }

  /** A part scored on a basis (根据…打分): scaled when the basis is a rate, judged otherwise. */
  private basisCriterion(
    base: { segment: number; sentence: number; start: number },
    end: number,
    basis: Basis | undefined,
    points: number | undefined,
    fallbackLabel?: string
  ): void {
    const rate = basis ? scaledBasis(basis) : undefined;
    const label = shortLabel(basis ? basis.text : undefined) || fallbackLabel;
    if (rate) {
      this.add({
        ...base,
        end,
        kind: "scaled",
        label,
        points,
        basis: rate,
        wants: points === undefined ? "rest" : undefined,
        notes: [SCALED_NOTE],
      });
    } else {
      this.add({
        ...base,
        end,
        kind: "judged",
        label,
        points,
        wants: points === undefined ? "rest" : undefined,
        notes: (points !== undefined ? [judgedNote(points)] : []).concat(
          basis && basis.banded ? ["细则所称“分档打分”未列明各档"] : []
        ),
      });
    }
  }

  private bands(
    base: { segment: number; sentence: number; start: number },
    end: number,
    options: number[],
    label: string,
    words?: string
  ): void {
    const names = ["第一档", "第二档", "第三档", "第四档", "第五档", "第六档", "第七档", "第八档", "第九档", "第十档"];
    const named = words ? bandNames(words, options.length) : undefined;
    const opts = options.map((p, i) => ({
      label: named ? named[i] : i < names.length ? names[i] : "第" + (i + 1) + "档",
      points: p,
    }));
    this.add({
      ...base,
      end,
      kind: "choice",
      label: shortLabel(
        named ? trimWords(label.slice(0, Math.max(0, label.indexOf("分为"))), ["根据"], ["的"]) || "等次" : label
      ),
      options: uniqueLabels(
        opts.map((o) => o.label),
        options
      ).map((l, i) => ({ label: l, points: opts[i].points })),
      notes: named
        ? ["按等次选择一项；均不符合选“无”"]
        : [
            "细则只规定分" +
              options.map((p) => formatNumber(p) + "分").join("、") +
              options.length +
              "档，未说明各档对应的情形，由填报人对照实际选择档次；均不符合选“无”",
          ],
    });
  }

  /** 不得分: a gate on a stated fact, or a note on the part a negative condition restates. */
  private negate(
    n: Extract<Node, { t: "negate" }>,
    base: { segment: number; sentence: number; start: number },
    prefix: Node[]
  ): void {
    const conds = n.conditions;
    const prefixStart = prefix.length ? prefix[0].c.start : n.c.start;
    const prefixText = prefix.length
      ? trimWords(this.t(prefix[0].c.start, prefix[prefix.length - 1].c.end), [], ["的"])
      : "";
    const anyBefore = !!this.last(base.segment);
    if (n.whole || conds.length === 0 || !anyBefore) {
      const what = conds.map((c) => c.text).join("、") || prefixText || "该情形";
      this.add({
        ...base,
        start: prefixStart,
        end: n.c.end,
        kind: "gate",
        label: shortLabel(gateLabel(what)),
        notes: [what + "的，本指标不得分"],
      });
      return;
    }
    let firstGate = true;
    for (const c of conds) {
      if (c.negative) {
        const targets = this.negated(base.segment, base.sentence, c.text, n.all);
        for (const d of targets) d.notes.push(c.text + "不得分");
        continue;
      }
      this.add({
        ...base,
        start: firstGate && prefix.length ? prefixStart : c.start,
        end: n.c.end,
        kind: "gate",
        label: shortLabel(gateLabel(c.text)),
        notes: [gateLabel(c.text) + "的，本指标不得分"],
      });
      firstGate = false;
    }
  }

  /** The parts a negative condition restates: 未建立 → the part about 建立; 达不到 → the thresholds. */
  private negated(segment: number, sentence: number, cond: string, all: boolean): Draft[] {
    const key = cond.replace(/^(未达到|达不到|没有|未|无|不|否则)/, "");
    const out: Draft[] = [];
    if (key.length >= 2) {
      for (let i = this.drafts.length - 1, n = 0; i >= 0 && n < 30; i--, n++) {
        const d = this.drafts[i];
        if (d.segment !== segment) break;
        const words = (d.subject || "") + (d.label || "");
        if (words.indexOf(key) >= 0) {
          out.push(d);
          if (!all) break;
        }
      }
    }
    if (!out.length && /^(达不到|未达到|否则|未达标)/.test(cond)) {
      for (let i = this.drafts.length - 1, n = 0; i >= 0 && n < 30; i--, n++) {
        const d = this.drafts[i];
        if (d.segment !== segment) break;
        if (d.kind === "threshold" && (d.sentence === sentence || !out.length)) {
          out.push(d);
          if (!all) break;
        }
      }
    }
    if (!out.length) {
      const d = this.last(segment, (x) => x.kind !== "gate");
      if (d) out.push(d);
    }
    return out;
  }
}

interface Piece {
  from: number;
  to: number;
  open: number;
  close: number;
  points: number;
  pointsAt: number;
}

/** A requirement line as its parts see it: where it stands, its points, its words before the bracket. */
interface Requirement {
  base: { start: number; end: number; segment: number; sentence: number; label?: string };
  points: number;
  /** The words before the bracket, without the line's number. */
  body: string;
  bodyFrom: number;
  bodyStart: number;
  /** The bracket's opening token. */
  open: number;
}

/** Words that open a requirement without being its subject: 按照…要求，贯彻落实…精神，依托…. */
const PREAMBLE = /^(按照|根据|依据|依托|贯彻|对照|围绕|结合|在)/;
const DATE_ONLY = /^(\d{4}年)?(\d{1,2}月)?(底|末|中旬|上旬|下旬)?(前|以前|之前|起|以来)?$/;

/** A requirement line's label: the line, or for a long one its first clause that says what is required. */
function requirementLabel(body: string): string | undefined {
  const line = trimWords(body.replace(/\n/g, ""));
  if (line.length <= 30) return line || undefined;
  const parts = line
    .split(/[，,；;。]/)
    .map((x) => trimWords(x))
    .filter((x) => x.length > 0);
  for (const part of parts) if (!PREAMBLE.test(part) && !DATE_ONLY.test(part)) return part;
  return parts.length ? parts[parts.length - 1] : line;
}

/** The bands' names where the rule lists them: "分为优秀、良好、合格三档" → 优秀, 良好, 合格 (a linear scan). */
function bandNames(words: string, count: number): string[] | undefined {
  const at = words.indexOf("分为");
  if (at < 0) return undefined;
  const end = words.indexOf("档", at);
  if (end < 0) return undefined;
  let middle = words.slice(at + 2, end);
  let cut = middle.length;
  while (cut > 0 && "0123456789两二三四五六七八九十个".indexOf(middle.charAt(cut - 1)) >= 0) cut--;
  middle = middle.slice(0, cut);
  const names = middle
    .split(/[、和及]/)
    .map((x) => trimWords(x))
    .filter((x) => x.length > 0);
  return names.length === count ? names : undefined;
}

function gateLabel(condition: string): string {
  const de = condition.lastIndexOf("的");
  return de > 0 ? condition.slice(0, de) : condition;
}

function commonSuffix(words: string[]): string {
  if (!words.length) return "";
  let n = 0;
  const first = words[0];
  for (;;) {
    if (n >= first.length) break;
    const ch = first.charAt(first.length - 1 - n);
    if (!words.every((w) => w.length > n && w.charAt(w.length - 1 - n) === ch)) break;
    n++;
  }
  return trimWords(first.slice(first.length - n), ["的"]);
}

function uniqueLabels(labels: string[], points: number[]): string[] {
  const out = labels.map((l, i) => (l ? l.replace(/\n/g, "") : "第" + (i + 1) + "项"));
  for (let i = 0; i < out.length; i++)
    for (let j = 0; j < i; j++)
      if (out[j] === out[i]) out[i] = out[i] + "（" + formatNumber(points[i]) + "分）#" + (i + 1);
  return out;
}

function sanitizePrefix(idPrefix: string | undefined): string {
  const s = String(idPrefix ?? "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  return s.slice(0, 40);
}

/** No item has more than a million points: anything else (NaN, -1, 1e308) is read as none. */
const MAX_ITEM_POINTS = 1e6;

function finitePoints(value: unknown): number {
  return typeof value === "number" && isFinite(value) && value > 0 && value <= MAX_ITEM_POINTS ? value : 0;
}

/** The step a judged or scaled part needs when its points are not whole halves (0.3 → 0.1). */
function stepFor(points: number): number | undefined {
  if (multipleOf(points, STEP)) return undefined;
  if (multipleOf(points, 0.1)) return 0.1;
  if (multipleOf(points, 0.01)) return 0.01;
  return undefined;
}

/** Gives the points the text leaves open to the parts that wait for them. */
function allocate(drafts: Draft[], itemPoints: number, counted: (d: Draft) => boolean): Draft[] {
  let stated = 0;
  for (const d of drafts)
    if (counted(d) && !d.wants) {
      const m = maxOf(d);
      if (isFinite(m)) stated += m;
    }
  const rest = Math.max(0, tidy(itemPoints - stated));
  let receivers = drafts.filter((d) => counted(d) && d.wants === "rest");
  if (!receivers.length) receivers = drafts.filter((d) => counted(d) && d.wants === "pending");
  const k = receivers.length;
  const share = k ? tidy(floorToStep(rest / k, STEP)) : 0;
  const removed: Draft[] = [];
  receivers.forEach((d, i) => {
    const amount = k === 1 ? rest : i === 0 ? tidy(rest - share * (k - 1)) : share;
    const split = k > 1 && d.wants === "rest";
    d.wants = undefined;
    if (split) {
      d.pending = true;
      d.notes.push("细则未规定各部分分值，按剩余分值平均分配，待确认");
    }
    if (d.kind === "perItem") giveCap(d, amount);
    else if (d.discretion !== undefined) {
      if (giveDiscretion(d, amount)) removed.push(d);
    } else givePoints(d, amount);
  });
  for (const d of drafts)
    if (d.wants) {
      d.wants = undefined;
      d.points = 0;
      if (d.kind === "perItem") d.cap = undefined;
    }
  return drafts.filter((d) => removed.indexOf(d) < 0);
}

/** An uncapped count ("每…得1分" with no 最高) capped at the points left. */
function giveCap(d: Draft, amount: number): void {
  if (amount > 0) {
    d.cap = amount;
    d.notes.push("细则未规定上限，以本项剩余分值" + formatNumber(amount) + "分为上限");
  } else {
    d.cap = undefined;
    d.pending = true;
    d.notes.push("细则未规定上限，本项分值已分配完，待确认");
  }
}

/**
 * 酌情扣分 judged within the points left; with nothing left, the part before it becomes judged
 * within its own points and this one goes (true: remove it).
 */
function giveDiscretion(d: Draft, amount: number): boolean {
  if (amount > 0) {
    d.points = amount;
    d.notes.push("酌情扣分：由评定人在剩余的0–" + formatNumber(amount) + "分之间评定");
    return false;
  }
  if (d.discretion) {
    const before = d.discretion;
    before.kind = "judged";
    before.end = Math.max(before.end, d.end);
    before.notes.push("酌情扣分：由评定人在0–" + formatNumber(before.points ?? 0) + "分之间评定");
    delete before.metric;
    return true;
  }
  d.points = 0;
  d.pending = true;
  d.notes.push(PENDING_NOTE + "（酌情扣分，本项分值已分配完）");
  return false;
}

/** A part with no figure of its own (a basis, a remainder, an unreadable sentence) gets the points left. */
function givePoints(d: Draft, amount: number): void {
  d.points = amount;
  if (d.kind === "judged" && !d.pending) d.notes.unshift(judgedNote(amount));
  if (amount === 0 && !d.pending) {
    d.pending = true;
    d.notes.push(PENDING_NOTE + "（本项分值已分配完）");
  }
}

export function parseRule(rule: string, options: ParseOptions): ParsedRule {
  try {
    return parse(rule, options);
  } catch (error) {
    // Not expected; the promise is "never throws": the whole rule becomes one pending part.
    const text = safeText(rule);
    const points = finitePoints(options && options.points);
    return fallback(
      text,
      points,
      options && options.bonus,
      "（" + String(error instanceof Error ? error.message : error).slice(0, 80) + "）"
    );
  }
}

function safeText(rule: unknown): string {
  try {
    const t = normalizeRule(typeof rule === "string" ? rule : String(rule ?? ""));
    return t || EMPTY_RULE_TEXT;
  } catch {
    return EMPTY_RULE_TEXT;
  }
}

function isBonusItem(points: number, bonus: number): boolean {
  return bonus > 0 && (points === 0 || points === bonus);
}

function fallback(text: string, points: number, bonusOption: number | undefined, why: string): ParsedRule {
  const bonus = isBonusItem(points, finitePoints(bonusOption));
  const criterion: Criterion = {
    id: "a",
    kind: "judged",
    text,
    points: bonus ? Math.max(points, finitePoints(bonusOption)) : points,
    ...(bonus ? { bonus: true } : {}),
    span: [0, text.length],
    pending: true,
    note: PENDING_NOTE + why,
  };
  const max = bonus ? Math.max(points, finitePoints(bonusOption)) : points;
  return { text, criteria: [criterion], metrics: [], total: max, bonusTotal: bonus ? max : 0, unparsed: 1 };
}

/**
 * An option as a drop-down list can hold it: Excel's inline lists split on "," and end at '"', so
 * those become their full-width forms (the rubric schema refuses them).
 */
function optionLabel(label: string | undefined): string {
  return (label || "选项").replace(/,/g, "，").replace(/"/g, "＂");
}

/** The fields every criterion has: its letter, text, label, marks, span, and its notes joined (a requirement's first). */
function commonFields(d: Draft, id: string, ids: Map<Draft, string>, text: string) {
  const notes = d.notes.slice();
  let requires: string | undefined;
  if (d.requires && ids.has(d.requires) && ids.get(d.requires) !== id) {
    requires = ids.get(d.requires);
    notes.unshift(
      (d.requiresNote || "加分") +
        "：须先满足评分项" +
        requires +
        "（" +
        (d.requires.label || "") +
        "）" +
        (d.kind === "choice" ? "；无此情形选“无”" : "")
    );
  }
  if (d.pending && !notes.some((n) => n.indexOf("待确认") >= 0)) notes.push(PENDING_NOTE);
  const note = notes.filter((n) => n.length > 0).join("；") || undefined;
  return {
    id,
    text: text.slice(d.start, d.end),
    ...(shortLabel(d.label) ? { label: shortLabel(d.label)! } : {}),
    ...(d.bonus ? { bonus: true } : {}),
    ...(requires ? { requires } : {}),
    span: [d.start, d.end] as [number, number],
    ...(d.pending ? { pending: true } : {}),
    ...(note ? { note } : {}),
  };
}

/** The drafts as criteria: lettered in order, their requirements by letter, their metrics listed. */
function toCriteria(drafts: Draft[], text: string, prefix: string, metrics: Metric[]): Criterion[] {
  const ids = new Map<Draft, string>();
  drafts.forEach((d, i) => ids.set(d, criterionLetter(i)));
  return drafts.map((d, i) => {
    const common = commonFields(d, criterionLetter(i), ids, text);
    const p = tidy(Math.max(0, d.points ?? 0));
    switch (d.kind) {
      case "flag":
        return { kind: "flag", ...common, points: p };
      case "judged": {
        const step = stepFor(p);
        return { kind: "judged", ...common, ...(step ? { step } : {}), points: p };
      }
      case "scaled": {
        const step = stepFor(p);
        return {
          kind: "scaled",
          ...common,
          ...(step ? { step } : {}),
          points: p,
          basis: d.basis || "比率",
          mapping: { type: "linear" as const },
          defaultMapping: true,
        };
      }
      case "threshold": {
        const m = d.metric!;
        const metricId = "m-" + (prefix ? prefix + "-" : "") + (metrics.length + 1);
        metrics.push({ id: metricId, name: m.name || "达标指标", unit: m.unit || "%" });
        return {
          kind: "threshold",
          ...common,
          points: p,
          metric: metricId,
          bound: { op: m.bound.op, value: m.bound.value },
        };
      }
      case "choice":
        return {
          kind: "choice",
          ...common,
          options: d.options!.map((o) => ({ label: optionLabel(o.label), points: tidy(Math.max(0, o.points)) })),
        };
      case "perItem":
        return {
          kind: "perItem",
          ...common,
          items: d.items!.map((it, q) => ({
            id: "item-" + (q + 1),
            label: shortLabel(it.label) || "计分事项",
            each: it.each,
          })),
          ...(d.cap !== undefined && isFinite(d.cap) ? { cap: tidy(d.cap) } : {}),
          unit: d.unit || "项",
        };
      case "deduction":
        return {
          kind: "deduction",
          ...common,
          points: p,
          per: d.per! > 0 ? d.per! : 1,
          unit: d.unit || "项",
          ...(d.maxDeduction !== undefined ? { maxDeduction: tidy(d.maxDeduction) } : {}),
        };
      case "gate":
        return { kind: "gate", ...common };
    }
  });
}

/** The clause reader's drafts for text[start, end), their spans in the whole text. */
function readDrafts(
  text: string,
  start: number,
  end: number,
  bonusItem: boolean,
  bonusOption: number
): { drafts: Draft[]; heading?: ParsedRule["heading"] } {
  const part = text.slice(start, end);
  const src: Source = { text: part, tokens: tokenize(part) };
  const reader = new Reader(src, bonusItem, bonusOption || undefined);
  reader.read();
  if (reader.cut !== undefined && reader.cut < part.length) {
    reader.drafts.push({
      kind: "judged",
      start: reader.cut,
      end: part.length,
      wants: "pending",
      pending: true,
      notes: [PENDING_NOTE + "（评分项过多，其余部分未逐句解析）"],
      segment: -1,
      sentence: -1,
    });
  }
  const drafts = reader.drafts.filter((d) => d.end > d.start);
  for (const d of drafts) {
    d.start += start;
    d.end += start;
    if (bonusItem) d.bonus = true;
  }
  const heading = reader.heading
    ? {
        text: reader.heading.text,
        span: [reader.heading.span[0] + start, reader.heading.span[1] + start] as [number, number],
      }
    : undefined;
  return { drafts, heading };
}

function parse(rule: string, options: ParseOptions): ParsedRule {
  const points = finitePoints(options && options.points);
  const bonusOption = finitePoints(options && options.bonus);
  const bonusItem = isBonusItem(points, bonusOption);
  const itemPoints = bonusItem ? Math.max(points, bonusOption) : points;
  const text = normalizeRule(typeof rule === "string" ? rule : String(rule ?? ""));
  if (!text) return fallback(EMPTY_RULE_TEXT, points, bonusOption, "（评分细则为空）");

  const counted = (d: Draft) => !!d.bonus === bonusItem;
  const read = readParts(text, itemPoints, bonusItem, bonusOption, counted);
  const drafts = atMostLettered(byStart(dropEmptyParts(read.drafts)), bonusItem, counted);
  if (!drafts.length) return fallback(text, points, bonusOption, "");

  const metrics: Metric[] = [];
  const criteria = toCriteria(drafts, text, sanitizePrefix(options && options.idPrefix), metrics);
  let total = 0;
  let bonusTotal = 0;
  for (let i = 0; i < criteria.length; i++) {
    const m = maxOf(drafts[i]);
    if (!isFinite(m)) continue;
    if (counted(drafts[i])) total += m;
    if (drafts[i].bonus) bonusTotal += m;
  }
  return {
    text,
    criteria,
    metrics,
    total: tidy(total),
    bonusTotal: tidy(bonusTotal),
    unparsed: criteria.filter((c) => c.pending).length,
    ...(read.heading ? { heading: read.heading } : {}),
  };
}

/**
 * The rule's parts with their points given out: a checkbox list (□A □B) is one choice; a rule in
 * sections with their own points ("一、…（10分）") is read section by section; else the whole text.
 */
function readParts(
  text: string,
  itemPoints: number,
  bonusItem: boolean,
  bonusOption: number,
  counted: (d: Draft) => boolean
): { drafts: Draft[]; heading?: ParsedRule["heading"] } {
  const boxes = checkboxChoice(text, bonusItem);
  if (boxes) return { drafts: [boxes] };
  const sections = sectionsOf(text, itemPoints);
  if (sections) {
    let drafts: Draft[] = [];
    for (const section of sections) {
      const part = readDrafts(text, section.start, section.end, bonusItem, bonusOption);
      const ctx = { text, points: section.cap, section: true, bonus: bonusItem };
      drafts = drafts.concat(allocate(refine(part.drafts, ctx), section.cap, counted));
    }
    return { drafts };
  }
  const whole = readDrafts(text, 0, text.length, bonusItem, bonusOption);
  const ctx = { text, points: itemPoints, bonus: bonusItem };
  return { drafts: allocate(refine(whole.drafts, ctx), itemPoints, counted), heading: whole.heading };
}

/** As many parts as there are letters (a … zz): the parts beyond the last letter become one pending part. */
function atMostLettered(drafts: Draft[], bonusItem: boolean, counted: (d: Draft) => boolean): Draft[] {
  if (drafts.length <= MAX_CRITERIA) return drafts;
  const kept = drafts.slice(0, MAX_CRITERIA - 1);
  const over = drafts.slice(MAX_CRITERIA - 1);
  let sum = 0;
  for (const d of over) if (counted(d) && isFinite(maxOf(d))) sum += maxOf(d);
  kept.push({
    kind: "judged",
    start: over[0].start,
    end: Math.max.apply(
      null,
      over.map((d) => d.end)
    ),
    points: tidy(sum),
    bonus: bonusItem || undefined,
    pending: true,
    notes: [PENDING_NOTE + "（评分项过多，其余部分合为一项）"],
    segment: -1,
    sentence: -1,
  });
  return kept;
}

// Exposed for the tests: the token and clause levels of the grammar.
export { normalizeRule, tokenize } from "./lexer";
export { splitClauses, classify } from "./clauses";
