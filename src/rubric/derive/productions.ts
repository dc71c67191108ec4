/**
 * The rule's larger forms, read over the drafts the clause reader (grammar.ts, Reader) made of its
 * sentences, before the points are settled. Each production is one named form of the scoring
 * sentences of real 考核表:
 *
 * - a tier ladder ("年服务达200人次，得10分；达500人次，得20分；…", "≥90分得满分，≥80分得4分",
 *   "省级…得3分；市级…得2分；县级…得1分"): exclusive levels, one choice — the highest tier reached counts;
 * - per-occurrence awards under a cap ("每开展一类活动…得20分，最多得100分"): one perItem;
 * - a start and its deductions ("…得4分，…出现一次不达标河库扣2分，扣完为止"): one deduction from 4;
 * - stated per-part deductions ("（1）项…扣6分；（2）项…扣2分" in an item of 8): each part worth
 *   what it deducts, not the item split evenly;
 * - only conditions ("发生责任事故不得分"): the item's points for meeting them;
 * - deduction lists that add to more than the item ("扣1-2分 … 扣2-5分" for 20): one judged part;
 * - ratio bonuses ("多投稿一篇按2：1：0.5比例加分") and respective awards ("分别奖20、10分");
 * - penalties beyond the item ("追加扣除10分", "分别扣20、10分"), which are no part of its points.
 *
 * And `sectionsOf`: a rule written in sections with their own caps ("服务内容：最高得20分。其中，…
 * 服务绩效：最高得40分。其中，…") is read section by section.
 */
import { maxOf, type Draft } from "./drafts";
import { formatNumber } from "../numbers";

export interface RuleContext {
  /** The normalised rule text the drafts' spans index into. */
  text: string;
  /** The points the drafts share: the item's, or its section's. */
  points: number;
  /** Read within a section with its own cap ("服务内容：最高得20分"). */
  section?: boolean;
  /** A bonus item: the parts the productions make are bonus too. */
  bonus?: boolean;
}

const GLUE = /^[\s，,。；;、:：]*$/;
const EPS = 1e-9;

function textOf(ctx: RuleContext, d: Draft): string {
  return ctx.text.slice(d.start, d.end);
}

/** Nothing but punctuation and spaces between two drafts. */
function adjacent(ctx: RuleContext, a: Draft, b: Draft): boolean {
  return b.start >= a.end && GLUE.test(ctx.text.slice(a.end, b.start));
}

/** In text order; parts that start together keep their order (会宁 1.7: the deduction before the surplus). */
export function byStart(drafts: Draft[]): Draft[] {
  return drafts
    .map((d, i) => ({ d, i }))
    .sort((x, y) => x.d.start - y.d.start || x.i - y.i)
    .map((x) => x.d);
}

function without(drafts: Draft[], gone: Draft[]): Draft[] {
  return drafts.filter((d) => gone.indexOf(d) < 0);
}

/**
 * Reads the parts two by two in text order; `merge` folds a pair into one of them and returns the one
 * that goes (or undefined). With `skipMerged`, the part kept by a merge does not start the next pair.
 */
function mergePairs(
  drafts: Draft[],
  merge: (first: Draft, second: Draft) => Draft | undefined,
  skipMerged = false
): Draft[] {
  const sorted = byStart(drafts);
  const gone: Draft[] = [];
  for (let i = 0; i + 1 < sorted.length; i++) {
    const went = merge(sorted[i], sorted[i + 1]);
    if (!went) continue;
    gone.push(went);
    if (skipMerged) i++;
  }
  return without(drafts, gone);
}

/** A part not read at all: words before the part that scores them. */
function isFragment(d: Draft): boolean {
  return d.kind === "judged" && d.wants === "pending" && d.points === undefined;
}

const RANGE = /扣\s*\d+(?:\.\d+)?\s*[-－~～—至到]\s*\d+(?:\.\d+)?\s*分/;

function isRange(ctx: RuleContext, d: Draft): boolean {
  return d.kind === "judged" && RANGE.test(textOf(ctx, d));
}

// ---------------------------------------------------------------------------------------------

/** "扣满4分的，追加扣除10分", "并追加扣除10分", "…的，分别扣20、10分": penalties beyond the item's points. */
export function penalties(drafts: Draft[], ctx: RuleContext): Draft[] {
  const sorted = byStart(drafts);
  const gone: Draft[] = [];
  sorted.forEach((d, i) => {
    const t = textOf(ctx, d);
    if (/追加扣除?\s*\d+(?:\.\d+)?\s*分/.test(t) && d.kind !== "gate") gone.push(d);
    else if (/^分别扣\s*\d/.test(t) || /分别扣\s*\d+(?:\.\d+)?\s*分?\s*[、，,]\s*\d/.test(t)) {
      gone.push(d);
      const before = sorted[i - 1];
      if (before && isFragment(before) && adjacent(ctx, before, d)) gone.push(before);
    }
  });
  return without(drafts, gone);
}

/** "主要症状…有错误。扣2分", "加强监督管理…。得5分": the words before a bare score name it. */
export function fragmentThenScore(drafts: Draft[], ctx: RuleContext): Draft[] {
  return mergePairs(drafts, (f, g) => {
    if (!isFragment(f) || !adjacent(ctx, f, g)) return undefined;
    const t = textOf(ctx, g);
    const bare =
      (g.kind === "flag" && /^得\s*\d/.test(t)) ||
      (g.kind === "deduction" && /^(每项)?扣\s*\d/.test(t)) ||
      (g.kind === "judged" && /^(每项)?扣\s*\d/.test(t) && RANGE.test(t));
    if (!bare) return undefined;
    const label = textOf(ctx, f);
    g.start = f.start;
    g.label = label;
    if (g.kind === "deduction") g.subject = label;
    return f;
  });
}

/** "…得4分，…出现一次不达标河库扣2分，扣完为止": the award is the points the deductions come off. */
export function startThenDeduct(drafts: Draft[], ctx: RuleContext): Draft[] {
  return mergePairs(
    drafts,
    (f, d) => {
      if (f.kind !== "flag" || d.kind !== "deduction" || d.points !== undefined || !adjacent(ctx, f, d))
        return undefined;
      if (!/扣完为止|每|出现/.test(textOf(ctx, d)) || f.bonus !== d.bonus) return undefined;
      d.points = f.points;
      d.wants = undefined;
      d.start = f.start;
      d.label = f.label || d.label;
      return f;
    },
    true
  );
}

const PER_OCCURRENCE = /每|各/;

/**
 * "（1）项不符合任意一项要求扣6分；（2）项不符合要求扣2分" in an item of 8, "未成立…的扣3分；未召开…的扣2分"
 * in an item of 5: one-time deductions that together are the item's points — each part is worth what it deducts.
 */
export function statedParts(drafts: Draft[], ctx: RuleContext): Draft[] {
  const parts = drafts.filter(
    (d) =>
      d.kind === "deduction" &&
      d.points === undefined &&
      d.wants === "rest" &&
      d.per !== undefined &&
      !PER_OCCURRENCE.test(d.subject || d.label || "") &&
      !/扣完为止|最高扣|最多扣/.test(textOf(ctx, d))
  );
  if (!parts.length) return drafts;
  let others = 0;
  for (const d of drafts) {
    if (parts.indexOf(d) >= 0 || d.bonus || d.wants) continue;
    const m = maxOf(d);
    if (!isFinite(m)) return drafts;
    others += m;
  }
  let sum = 0;
  for (const d of parts) sum += d.per!;
  if (Math.abs(sum + others - ctx.points) > EPS) return drafts;
  for (const d of parts) {
    d.points = d.per;
    d.wants = undefined;
    const mark = /[(（]\s*\d{1,2}\s*[)）]\s*$/.exec(ctx.text.slice(Math.max(0, d.start - 6), d.start));
    if (mark) d.start -= mark[0].length;
  }
  return drafts;
}

/** "发生责任事故不得分" and nothing else: the item's points for not meeting the condition. */
export function conditionsOnly(drafts: Draft[], ctx: RuleContext): Draft[] {
  if (ctx.points <= 0) return drafts;
  const gates = byStart(drafts.filter((d) => d.kind === "gate"));
  if (!gates.length) return drafts;
  const scoring = drafts.filter((d) => d.kind !== "gate" && !d.bonus && !isFragment(d));
  if (scoring.length) return drafts;
  const first = gates[0];
  const labels = gates.map((g) => g.label || textOf(ctx, g)).filter((l) => l);
  const flag: Draft = {
    kind: "flag",
    start: first.start,
    end: gates[gates.length - 1].end,
    label: "未出现“" + labels.join("”“") + "”",
    points: ctx.points,
    notes: ["出现所列情形的，本项不得分；未出现的，得" + formatNumber(ctx.points) + "分"],
    bonus: ctx.bonus || undefined,
    segment: first.segment,
    sentence: first.sentence,
  };
  return byStart(without(drafts, gates).concat([flag]));
}

/** Deductions whose most adds to more than the item ("扣1-2分 … 扣2-5分" for 20): one judged part, deductions stop at 0. */
export function deductionList(drafts: Draft[], ctx: RuleContext): Draft[] {
  const counted = drafts.filter((d) => !d.bonus && !isFragment(d));
  if (counted.length < 2 || !counted.some((d) => isRange(ctx, d))) return drafts;
  if (!counted.every((d) => isRange(ctx, d) || (d.kind === "deduction" && d.per !== undefined))) return drafts;
  let most = 0;
  for (const d of counted) most += d.kind === "deduction" ? (d.points ?? d.per!) : (d.points ?? 0);
  if (most <= ctx.points + EPS) return drafts;
  const sorted = byStart(counted);
  const judged: Draft = {
    kind: "judged",
    start: sorted[0].start,
    end: sorted[sorted.length - 1].end,
    label: "按所列扣分情形评定",
    points: ctx.points,
    notes: [
      "各扣分情形合计最多扣" +
        formatNumber(most) +
        "分，超过本项" +
        formatNumber(ctx.points) +
        "分：由评定人按所列情形扣分，扣完为止，在0–" +
        formatNumber(ctx.points) +
        "分之间评定",
    ],
    segment: sorted[0].segment,
    sentence: sorted[0].sentence,
    bonus: ctx.bonus || undefined,
  };
  return byStart(without(drafts, counted.concat(drafts.filter(isFragment))).concat([judged]));
}

/** A single range ("回答错误1个问题扣1-2.5分") is the assessor's judgement within the whole item. */
export function rangeOnly(drafts: Draft[], ctx: RuleContext): Draft[] {
  const counted = drafts.filter((d) => !d.bonus && !isFragment(d));
  if (counted.length !== 1 || !isRange(ctx, counted[0])) return drafts;
  const d = counted[0];
  if ((d.points ?? 0) >= ctx.points || !/每|个|次|处|项/.test(textOf(ctx, d))) return drafts;
  d.points = ctx.points;
  d.pending = false;
  d.notes = ["按所列扣分情形扣分，扣完为止：由评定人在0–" + formatNumber(ctx.points) + "分之间评定"];
  return drafts;
}

const UNIT = /每(?:开展|完成|有|增加|多)?一?([类项个次篇人家处种])/;

/** "每开展一类活动…得20分，最多得100分": per-occurrence awards up to a cap. */
export function capAfterEach(drafts: Draft[], ctx: RuleContext): Draft[] {
  return mergePairs(drafts, (f, cap) => {
    const m = /^(?:最高|最多|最高可|最多可)(?:得|加|计)?\s*(\d+(?:\.\d+)?)\s*分$/.exec(textOf(ctx, cap));
    if (f.kind !== "flag" || !m || !adjacent(ctx, f, cap) || !/每/.test(textOf(ctx, f))) return undefined;
    toPerItem(ctx, f, Number(m[1]));
    f.end = cap.end;
    return cap;
  });
}

function toPerItem(ctx: RuleContext, d: Draft, cap: number): void {
  const unit = UNIT.exec(textOf(ctx, d));
  d.kind = "perItem";
  d.items = [{ label: d.label || textOf(ctx, d), each: d.points ?? 0 }];
  d.cap = cap;
  d.unit = unit ? unit[1] : "项";
  d.notes = d.notes.concat([
    "填写数量：每" + d.unit + formatNumber(d.points ?? 0) + "分，最高" + formatNumber(cap) + "分",
  ]);
  delete d.points;
  d.wants = undefined;
}

/** Within a section capped above its one award ("最高得20分。其中，…开展一项服务…得10分"): per item, up to the cap. */
export function eachUnderCap(drafts: Draft[], ctx: RuleContext): Draft[] {
  if (!ctx.section) return drafts;
  const counted = drafts.filter((d) => !d.bonus && !isFragment(d) && d.kind !== "gate");
  if (counted.length !== 1) return drafts;
  const d = counted[0];
  if (d.kind !== "flag" || (d.points ?? 0) >= ctx.points || !/每|一项|一类|一种|一个/.test(textOf(ctx, d)))
    return drafts;
  toPerItem(ctx, d, ctx.points);
  return drafts;
}

/** The figure a tier names: "年服务达500人次" → 500, "≥80分" → 80, "800人次" → 800. */
function tierValue(label: string): number | undefined {
  const m =
    /(?:达到?|≥|>=|＞|>|不低于|超过|满)\s*(\d+(?:\.\d+)?)/.exec(label) ||
    /^(\d+(?:\.\d+)?)\s*(?:人次|人|次|个|家|户|%|％|分|万|篇|项|件)/.exec(label);
  return m ? Number(m[1]) : undefined;
}

const LEVELS = ["国家", "省", "市", "县", "乡"];

/** The level a tier names: "省级媒体…" → 1 (国家 0, 省 1, 市 2, 县/区 3, 乡/镇 4). */
function levelOf(label: string): number | undefined {
  const m = /(国家|省|市|县|区|乡|镇)级/.exec(label);
  if (!m) return undefined;
  const word = m[1] === "区" ? "县" : m[1] === "镇" ? "乡" : m[1];
  return LEVELS.indexOf(word);
}

/** A tier's position: its figure ("达500人次" → 500) or its level ("省级" → 1), and which of the two. */
function tierOf(d: Draft): { by: "value" | "level"; at: number } | undefined {
  const label = d.label || d.subject || "";
  const value = tierValue(label);
  if (value !== undefined) return { by: "value", at: value };
  const level = levelOf(label);
  return level !== undefined ? { by: "level", at: level } : undefined;
}

function sign(x: number): number {
  return x > 0 ? 1 : x < 0 ? -1 : 0;
}

/**
 * "年服务达200人次，得10分；年服务达500人次，得20分；…", "≥90分得满分，≥80分得4分，≥70分得2分",
 * "省级…得3分；市级…得2分；县级…得1分": exclusive levels, one choice — the highest reached counts.
 * Tiers are adjacent flags whose figures and points rise (or fall) together, or whose levels go down
 * (国家, 省, 市, 县) as their points do. Read in one pass.
 */
export function ladders(drafts: Draft[], ctx: RuleContext): Draft[] {
  const sorted = byStart(drafts);
  const out: Draft[] = [];
  let i = 0;
  while (i < sorted.length) {
    const run = tierRun(sorted, i, ctx);
    if (run.length >= 2 && !additiveLevels(sorted, run, ctx)) {
      out.push(choiceOf(ctx, run));
      i += run.length;
    } else {
      out.push(sorted[i]);
      i++;
    }
  }
  return out;
}

/**
 * Awards by level that the item's points hold all together ("国家级…奖励5分；省级…奖励3分" in an item of
 * 8) are separate awards, not tiers: only where their sum exceeds what the item leaves are they exclusive.
 */
function additiveLevels(sorted: Draft[], run: Draft[], ctx: RuleContext): boolean {
  if (tierOf(run[0])!.by !== "level") return false;
  let others = 0;
  for (const d of sorted) {
    if (run.indexOf(d) >= 0 || !!d.bonus !== !!run[0].bonus || d.wants) continue;
    const m = maxOf(d);
    if (isFinite(m)) others += m;
  }
  let sum = 0;
  for (const d of run) sum += d.points ?? 0;
  return sum + others <= ctx.points + EPS;
}

/** The longest run of tiers starting at sorted[i]. */
function tierRun(sorted: Draft[], i: number, ctx: RuleContext): Draft[] {
  const first = sorted[i];
  const start = first.kind === "flag" ? tierOf(first) : undefined;
  if (!start) return [first];
  const run = [first];
  let at = start.at;
  let points = first.points ?? 0;
  let direction = 0;
  for (let j = i + 1; j < sorted.length; j++) {
    const d = sorted[j];
    const prev = sorted[j - 1];
    if (d.kind !== "flag" || !!d.bonus !== !!first.bonus || !GLUE.test(ctx.text.slice(prev.end, d.start))) break;
    const tier = tierOf(d);
    if (!tier || tier.by !== start.by) break;
    const step = sign(tier.at - at);
    const gain = sign((d.points ?? 0) - points);
    // Figures: points rise with them (or fall with them). Levels: from 国家 down to 县, points fall.
    const together = start.by === "value" ? step !== 0 && step === gain : step === 1 && gain === -1;
    if (!together || (direction !== 0 && step !== direction)) break;
    direction = step;
    run.push(d);
    at = tier.at;
    points = d.points ?? 0;
  }
  return run;
}

function choiceOf(ctx: RuleContext, run: Draft[]): Draft {
  const options = run.map((d) => ({ label: d.label || d.subject || textOf(ctx, d), points: d.points ?? 0 }));
  // "≥90分得满分，≥80分得4分": the full-points tier the reader folded into the next one.
  const full = /^(.+?)得满分[，,；;]/.exec(textOf(ctx, run[0]));
  if (full && ctx.points > 0) options.unshift({ label: full[1], points: ctx.points });
  return {
    kind: "choice",
    start: run[0].start,
    end: run[run.length - 1].end,
    label: commonLabel(options.map((o) => o.label)),
    options,
    bonus: run[0].bonus,
    notes: ["分档计分：各档互斥，按达到的最高一档计分；未达到任何一档选“无”"],
    segment: run[0].segment,
    sentence: run[0].sentence,
  };
}

function commonLabel(labels: string[]): string {
  let prefix = labels[0] || "";
  for (const l of labels) while (prefix && l.indexOf(prefix) !== 0) prefix = prefix.slice(0, -1);
  return prefix.replace(/[达≥>\d.]+$/, "") || labels[0] || "分档";
}

/** "多投稿一篇按2：1：0.5比例加分": per item at the levels' rates, with no cap the rule states. */
export function ratioBonus(drafts: Draft[], ctx: RuleContext): Draft[] {
  const sorted = byStart(drafts);
  sorted.forEach((d, i) => {
    const t = textOf(ctx, d);
    const m = /按\s*(\d+(?:\.\d+)?(?:\s*[:：]\s*\d+(?:\.\d+)?)+)\s*(?:的)?比例\s*(?:加分|计分|得分|奖励|奖分)/.exec(t);
    if (!m || d.kind !== "judged") return;
    const rates = m[1].split(/[:：]/).map((x) => Number(x.trim()));
    const before = i > 0 ? textOf(ctx, sorted[i - 1]) : "";
    const levels: string[] = [];
    const re = /(国家|省|市|县|区|乡|镇)级/g;
    for (let l = re.exec(before); l; l = re.exec(before)) if (levels.indexOf(l[0]) < 0) levels.push(l[0]);
    const unit = /篇/.test(t) ? "篇" : "项";
    d.kind = "perItem";
    d.items = rates.map((each, k) => ({
      label: (levels.length === rates.length ? levels[k] : "第" + (k + 1) + "类") + "多" + unit,
      each,
    }));
    d.cap = undefined;
    d.unit = unit;
    d.points = undefined;
    d.wants = undefined;
    d.pending = false;
    d.notes = ["按比例计分：" + m[1] + "；细则未规定上限"];
  });
  return drafts;
}

/** "获省、市通报表扬并推广的，分别奖20、10分": one choice of the levels named. */
export function respectiveAwards(drafts: Draft[], ctx: RuleContext): Draft[] {
  for (const d of drafts) {
    const t = textOf(ctx, d);
    const m = /分别(?:奖励?|加|得|计)\s*(\d+(?:\.\d+)?)\s*分?\s*[、，,和及]\s*(\d+(?:\.\d+)?)\s*分/.exec(t);
    if (!m) continue;
    const levels = /([国省市县区乡镇])[、，,和及]([省市县区乡镇])/.exec(t.slice(0, m.index));
    const labels = levels ? [levels[1] + "级", levels[2] + "级"] : ["第一档", "第二档"];
    d.kind = "choice";
    d.options = [
      { label: labels[0], points: Number(m[1]) },
      { label: labels[1], points: Number(m[2]) },
    ];
    d.label = t.slice(0, m.index).replace(/[，,的\s]+$/, "");
    d.points = undefined;
    d.wants = undefined;
    d.pending = false;
    d.notes = ["按所获最高一级计分；未获选“无”"];
  }
  return drafts;
}

/** "分10分、7分、4分三档（A级10分，B级7分，C级4分）": the grades in brackets are one choice. */
export function bracketGrades(drafts: Draft[], ctx: RuleContext): Draft[] {
  for (const d of drafts) {
    if (d.kind === "choice" || d.kind === "perItem") continue;
    const bracket = /[（(]([^（）()]{4,60})[)）]/.exec(textOf(ctx, d));
    if (!bracket) continue;
    const pairs = bracket[1]
      .split(/[，,、；;]/)
      .map((part) => /^\s*([A-Za-z\u4e00-\u9fff]{1,6}?)\s*(\d+(?:\.\d+)?)\s*分\s*$/.exec(part));
    if (pairs.length < 2 || pairs.some((m) => !m)) continue;
    const options = pairs.map((m) => ({ label: m![1], points: Number(m![2]) }));
    if (monotonePoints(options.map((o) => o.points)) >= 0) continue;
    d.kind = "choice";
    d.options = options;
    d.label = d.label || "评定等级";
    d.points = undefined;
    d.wants = undefined;
    d.pending = false;
    d.notes = ["按评定的等级选择一项；均不符合选“无”"];
  }
  return drafts;
}

/** -1 when strictly falling, 1 when strictly rising, else 0. */
function monotonePoints(values: number[]): number {
  let up = true;
  let down = true;
  for (let i = 1; i < values.length; i++) {
    if (!(values[i] > values[i - 1])) up = false;
    if (!(values[i] < values[i - 1])) down = false;
  }
  return up ? 1 : down ? -1 : 0;
}

/** The productions, in the order they read: a later one sees what an earlier one made. */
export function refine(drafts: Draft[], ctx: RuleContext): Draft[] {
  let out = drafts;
  for (const production of [
    penalties,
    bracketGrades,
    fragmentThenScore,
    respectiveAwards,
    ratioBonus,
    startThenDeduct,
    capAfterEach,
    ladders,
    statedParts,
    deductionList,
    rangeOnly,
    conditionsOnly,
    eachUnderCap,
  ])
    out = production(out, ctx);
  return out;
}

/** After the points are settled: a part left with nothing to give and nothing read is no part. */
export function dropEmptyParts(drafts: Draft[]): Draft[] {
  const kept = drafts.filter((d) => !(d.kind === "judged" && d.pending && (d.points ?? 0) === 0));
  return kept.length ? kept : drafts;
}

// ---------------------------------------------------------------------------------------------

const BOX = /[□☐■☑√]\s*([^□☐■☑√\n（(]{1,24}?)\s*[（(]\s*(\d+(?:\.\d+)?)\s*分\s*[)）]/g;

/** "□符合（6分）□基本符合（3分）□不符合（0分）": the options of a checkbox row, at least two. */
export function checkboxOptions(
  text: string
): Array<{ label: string; points: number; start: number; end: number }> | undefined {
  const options: Array<{ label: string; points: number; start: number; end: number }> = [];
  BOX.lastIndex = 0;
  for (let m = BOX.exec(text); m; m = BOX.exec(text))
    options.push({
      label: m[1].replace(/[，,；;。\s]+$/, ""),
      points: Number(m[2]),
      start: m.index,
      end: m.index + m[0].length,
    });
  return options.length >= 2 ? options : undefined;
}

/** A rule of checkbox options: one choice, the option ticked counts. */
export function checkboxChoice(text: string, bonus: boolean): Draft | undefined {
  const options = checkboxOptions(text);
  if (!options) return undefined;
  return {
    kind: "choice",
    start: options[0].start,
    end: options[options.length - 1].end,
    label: "勾选",
    options: options.map((o) => ({ label: o.label, points: o.points })),
    bonus: bonus || undefined,
    notes: ["按勾选的选项计分"],
    segment: 0,
    sentence: 0,
  };
}

export interface Section {
  /** Where the section's parts start (after "服务内容：最高得20分。其中，") and where it ends. */
  start: number;
  end: number;
  cap: number;
}

const SECTION_HEAD = /^([^\n：:。；;，,]{2,10})[：:]\s*/;
const SECTION_CAP = /^(?:最高|最多)\s*(?:得|计|可得)?\s*(\d+(?:\.\d+)?)\s*分\s*[。，,；;]?\s*(?:其中\s*[，,：:]?)?/;

/**
 * "服务内容：最高得20分。其中，…\n服务绩效：最高得40分。其中，…": lines opened by a short name and a
 * colon, at least one capped. A section without a cap takes what the others leave of the item; the
 * caps must add up to the item, or the rule is read as one.
 */
export function sectionsOf(text: string, points: number): Section[] | undefined {
  const heads: Array<{ at: number; body: number; cap?: number }> = [];
  let at = 0;
  for (const line of text.split("\n")) {
    const head = SECTION_HEAD.exec(line);
    if (head) {
      const rest = line.slice(head[0].length);
      const cap = SECTION_CAP.exec(rest);
      heads.push({ at, body: at + head[0].length + (cap ? cap[0].length : 0), cap: cap ? Number(cap[1]) : undefined });
    }
    at += line.length + 1;
  }
  if (heads.length < 2 || heads[0].at !== 0 || !heads.some((h) => h.cap !== undefined)) return undefined;
  const open = heads.filter((h) => h.cap === undefined);
  if (open.length > 1) return undefined;
  let capped = 0;
  for (const h of heads) capped += h.cap ?? 0;
  if (open.length === 1) open[0].cap = points - capped;
  else if (Math.abs(capped - points) > EPS) return undefined;
  if (heads.some((h) => (h.cap ?? 0) < 0)) return undefined;
  return heads.map((h, i) => ({
    start: h.body,
    end: i + 1 < heads.length ? heads[i + 1].at - 1 : text.length,
    cap: h.cap!,
  }));
}
