/**
 * Deriving a rubric from a recognized sheet whose table matches no built-in rubric: categories
 * from the category cells ("一、组织领导（15分）", "加分项目（另加5分）"), indicators from the rows,
 * points where they stand (a column, or "（N分）" in the text), and criteria from the scoring
 * sentences by the grammar (src/rubric/derive/grammar.ts). The sheet's own inconsistencies are kept
 * as they are and recorded as discrepancies; what the grammar could not read is marked 待确认.
 * The result passes the same schema and checks as a built-in rubric.
 */
import type { Criterion } from "../rubric/criteria/index";
import { maxPointsOf } from "../rubric/criteria/index";
import { parseRule } from "../rubric/derive/grammar";
import type { Metric } from "../rubric/metric";
import type { Category, Discrepancy, Indicator, Rubric } from "../rubric/schema";
import { checkRubric, formatRubricErrors } from "../rubric/validate";
import { formatPoints, sum } from "../rubric/text";
import { criterionLetter } from "../rubric/criteria/base";
import { DERIVED_PREFIX } from "../own/state";
import { a1, textAt, type Grid } from "./grid";
import { cleanText } from "./normalize";
import { EMPTY_RULE_TEXT as EMPTY_RULE } from "../rubric/derive/grammar";
import type { SheetLayout, SheetRow } from "./recognize";

/**
 * A 考核表 has tens of items. A sheet with thousands of "indicator" rows is something else (a
 * data sheet with a header that looks like one): no rubric is derived from it.
 */
export const MAX_DERIVED_ROWS = 500;

export interface DerivedRubric {
  rubric: Rubric;
  /** Criteria marked 待确认, by id ("1.2.b"). */
  pending: string[];
}

const EPS = 1e-9;

/** The title of the table: the first text above the header, else the sheet's name. */
function titleOf(grid: Grid, layout: SheetLayout): string {
  for (let row = 0; row < layout.headerTop; row++) {
    for (let col = 0; col < (grid.values[row] ?? []).length; col++) {
      const text = cleanText(textAt(grid, row, col));
      if (text) return text;
    }
  }
  return grid.sheet;
}

/**
 * The totals the document states: a 总分/合计 row's points, or a note ("本表满分100分，另设加分5分",
 * "本考核表设应得分为100分，奖励分为15分").
 */
function statedTotals(layout: SheetLayout): { points?: number; bonus?: number; quote?: string } {
  for (const row of layout.rows) {
    if (row.kind === "total" && row.scope === "table" && row.points !== undefined)
      return { points: row.points, quote: row.text };
  }
  for (const row of layout.rows) {
    if (row.kind !== "note" && row.kind !== "total") continue;
    const points = /(?:满分|应得分|基本分|基础分)\s*为?\s*(\d+(?:\.\d+)?)\s*分/.exec(row.text);
    // "另设加分5分", "加分合计最高10分": the largest bonus the note states is the table's.
    let bonus: number | undefined;
    const re = /(?:加分|奖励分)[^，。；]{0,12}?(\d+(?:\.\d+)?)\s*分/g;
    for (let m = re.exec(row.text); m; m = re.exec(row.text)) bonus = Math.max(bonus ?? 0, Number(m[1]));
    if (points || bonus !== undefined)
      return { points: points ? Number(points[1]) : undefined, bonus, quote: row.text };
  }
  return {};
}

interface Group {
  key: string;
  title: string;
  heading?: string;
  stated?: number;
  statedBonus?: number;
  /** What a subtotal row (小计, "…总评分数(总分50)") states for the category. */
  subtotal?: number;
  bonus: boolean;
  rows: SheetRow[];
}

const BONUS_ROW = /加分项|奖励分|奖分/;

/** Rows by category; a table with no category column is one category named after its title. */
function groupRows(layout: SheetLayout, tableTitle: string): Group[] {
  const groups: Group[] = [];
  for (const row of layout.rows) {
    if (row.kind !== "indicator") continue;
    const bonus = row.category?.bonus === true || (!row.category && BONUS_ROW.test(row.text));
    const title = row.category?.title || (bonus ? "加分项目" : tableTitle);
    const key = (bonus ? "bonus|" : "") + (row.category ? String(row.category.row) + "|" + title : title);
    let group = groups.find((g) => g.key === key);
    if (!group) {
      group = {
        key,
        title,
        bonus,
        rows: [],
        stated: row.category?.points,
        statedBonus: row.category?.bonusPoints,
        subtotal: row.category?.subtotal,
      };
      groups.push(group);
    }
    group.rows.push(row);
  }
  return groups;
}

/** An item's base and bonus points as its row states them; undefined where the rule must tell. */
function statedPointsOf(row: SheetRow, bonusGroup: boolean): { base?: number; bonus?: number; bonusItem: boolean } {
  // A self-scored bonus category ("六、奖扣分项目 7") states the category's points: the item's come from its rule.
  if (bonusGroup) return { base: 0, bonus: row.selfScored ? undefined : row.points, bonusItem: true };
  if (row.points === undefined && (row.bonusPoints ?? 0) > 0)
    return { base: 0, bonus: row.bonusPoints, bonusItem: true };
  return { base: row.points, bonus: row.bonusPoints, bonusItem: false };
}

/** Reads an item's rule: a bonus item whose bonus the row does not state takes what its rule gives. */
function readRule(rule: string, id: string, stated: { base?: number; bonus?: number; bonusItem: boolean }) {
  const idPrefix = id.replace(".", "-");
  if (stated.bonusItem) {
    if (stated.bonus !== undefined)
      return { parsed: parseRule(rule, { points: 0, bonus: stated.bonus, idPrefix }), base: 0, bonus: stated.bonus };
    const first = parseRule(rule, { points: 0, idPrefix });
    const bonus = isFinite(first.total) && first.total > 0 ? first.total : 0;
    return { parsed: bonus > 0 ? parseRule(rule, { points: 0, bonus, idPrefix }) : first, base: 0, bonus };
  }
  const parsed = parseRule(rule, { points: stated.base ?? 0, bonus: stated.bonus, idPrefix });
  return { parsed, base: stated.base ?? parsed.total, bonus: stated.bonus ?? 0 };
}

/** A criterion for the points a pool's parts leave unaccounted: to review, so the item still adds up. */
function restOf(rule: string, points: number, bonus: boolean, index: number): Criterion {
  return {
    kind: "judged",
    id: criterionLetter(index),
    text: rule,
    label: "其余 " + formatPoints(points) + " 分（细则未写明计分办法）",
    points,
    pending: true,
    note: "未能自动解析，待确认",
    ...(bonus ? { bonus: true } : {}),
  };
}

/** Choice options must be told apart by their labels: a repeated label gets its points. */
function distinctOptions(c: Criterion): Criterion {
  if (c.kind !== "choice") return c;
  const seen = new Set<string>();
  const options = c.options.map((o) => {
    let label = o.label;
    if (seen.has(label)) label = label + "（" + formatPoints(o.points) + "分）";
    for (let n = 2; seen.has(label); n++) label = o.label + "（" + n + "）";
    seen.add(label);
    return { ...o, label };
  });
  return { ...c, options };
}

function indicatorOf(
  row: SheetRow,
  id: string,
  bonusGroup: boolean,
  file: string,
  metrics: Metric[],
  discrepancies: Discrepancy[]
): { indicator: Indicator; pending: string[] } {
  const rule = row.rule || row.text || EMPTY_RULE;
  const stated = statedPointsOf(row, bonusGroup);
  const { parsed, base, bonus } = readRule(rule, id, stated);
  // An item worth base plus bonus ("（10分+2分）"): the part that adds the bonus ("另加2分") counts as bonus.
  let criteria: Criterion[] = parsed.criteria.map((c: Criterion) =>
    stated.bonusItem || (bonus > 0 && /另加|加分|奖励|奖分/.test(c.text)) ? { ...c, bonus: true } : c
  );
  const pools: Array<{ bonus: boolean; max: number; name: string }> = [
    { bonus: false, max: base, name: "本项" },
    { bonus: true, max: bonus, name: "本项加分" },
  ];
  for (const pool of pools) {
    const parts = criteria.filter((c) => !c.bonus === !pool.bonus);
    if (pool.bonus && parts.length === 0 && pool.max === 0) continue;
    const total = sum(parts.map(maxPointsOf));
    if (total < pool.max - EPS) criteria.push(restOf(rule, pool.max - total, pool.bonus, criteria.length));
    else if (total > pool.max + EPS)
      discrepancies.push({
        kind: total === Infinity ? "uncapped-bonus" : "sub-points-exceed",
        indicator: id,
        quote: rule.slice(0, 200),
        note:
          total === Infinity
            ? "细则未规定加分上限；按" + pool.name + "分值 " + formatPoints(pool.max) + " 分封顶"
            : "各项要求合计 " +
              formatPoints(total) +
              " 分，超过" +
              pool.name +
              " " +
              formatPoints(pool.max) +
              " 分；按" +
              pool.name +
              "分值封顶",
      });
  }
  criteria = criteria.map((c, i) => distinctOptions({ ...c, id: criterionLetter(i) }));
  metrics.push(...parsed.metrics.filter((m: Metric) => !metrics.some((x) => x.id === m.id)));
  const indicator: Indicator = {
    id,
    number: row.number !== undefined ? String(row.number) : undefined,
    text: row.text || rule.slice(0, 60),
    points: bonusGroup ? 0 : base,
    bonus: bonus > 0 ? bonus : undefined,
    rule,
    lead: row.lead,
    responsible: row.responsible,
    criteria,
    source: { file, place: "第" + (row.row + 1) + "行" },
  };
  return { indicator, pending: criteria.filter((c) => c.pending).map((c) => id + "." + c.id) };
}

/** One bonus category: every 加分 group's rows together, in table order, after the base categories. */
function orderGroups(groups: Group[]): Group[] {
  const base = groups.filter((g) => !g.bonus);
  const bonus = groups.filter((g) => g.bonus);
  if (bonus.length <= 1) return base.concat(bonus);
  const merged: Group = { ...bonus[0], rows: bonus.flatMap((g) => g.rows) };
  if (bonus.some((g) => g.stated !== undefined)) merged.stated = sum(bonus.map((g) => g.stated ?? 0));
  return base.concat([merged]);
}

export function deriveRubric(grid: Grid, layout: SheetLayout, file: string): DerivedRubric {
  const title = titleOf(grid, layout);
  const read: Reading = { grid, layout, file, metrics: [], discrepancies: [], pending: [] };
  const categories: Category[] = [];
  let n = 0;
  for (const group of orderGroups(groupRows(layout, title))) {
    categories.push(categoryOf(read, group, group.bonus ? "bonus" : String(++n)));
  }
  const points = sum(categories.map((c) => c.points));
  const bonus = sum(categories.map((c) => c.bonus ?? 0));
  const totalDiffers = totalDiscrepancy(layout, points, bonus);
  if (totalDiffers) read.discrepancies.push(totalDiffers);
  const year = /(20\d\d)\s*年/.exec(title);
  const candidate = {
    id: DERIVED_PREFIX + grid.sheet,
    title,
    document: file + " › " + grid.sheet,
    region: "—",
    year: year ? Number(year[1]) : 0,
    layout: layout.kind === "unknown" ? "scoring" : layout.kind,
    points,
    bonus,
    step: 0.5,
    categories,
    metrics: read.metrics,
    targets: [],
    discrepancies: read.discrepancies,
    source: {
      file,
      note:
        "由工作表“" +
        grid.sheet +
        "”的评分语句自动生成，表头在第 " +
        (layout.headerRow + 1) +
        " 行（" +
        a1(layout.headerRow, 0) +
        "）；待确认的评分项须人工核对",
    },
    derived: { file, sheet: grid.sheet, unparsed: read.pending.length },
  };
  return { rubric: accepted(candidate), pending: read.pending };
}

/** What reading one sheet gathers across its categories. */
interface Reading {
  grid: Grid;
  layout: SheetLayout;
  file: string;
  metrics: Metric[];
  discrepancies: Discrepancy[];
  /** The pending parts, "1.2.a". */
  pending: string[];
}

/** A category: its items read, its heading, and the difference between its stated points and its items'. */
function categoryOf(read: Reading, group: Group, id: string): Category {
  const { grid, layout } = read;
  const indicators = group.rows.map((row, i) => {
    const made = indicatorOf(row, id + "." + (i + 1), group.bonus, read.file, read.metrics, read.discrepancies);
    read.pending.push(...made.pending);
    return made.indicator;
  });
  const base = sum(indicators.map((i) => i.points));
  const bonus = sum(indicators.map((i) => i.bonus ?? 0));
  const category: Category = { id, title: group.title, points: base, bonus: bonus || undefined, indicators };
  const headingRow = group.rows[0].category?.row;
  if (headingRow !== undefined) {
    const text =
      layout.columns.category !== undefined ? cleanText(textAt(grid, headingRow, layout.columns.category)) : "";
    category.heading = text || headingText(grid, headingRow) || undefined;
  }
  const differs = categoryDiscrepancy(group, category, base, bonus);
  if (differs) read.discrepancies.push(differs);
  return category;
}

/**
 * The items are what is scored: the category's points are their sum; a header's or a subtotal row's
 * different number is recorded as the source's inconsistency, reported where it stands (the category cell).
 */
function categoryDiscrepancy(group: Group, category: Category, base: number, bonus: number): Discrepancy | undefined {
  const note = categoryDifference(group, base, bonus);
  return note
    ? { kind: "category-points-differ", category: category.id, quote: category.heading ?? group.title, note }
    : undefined;
}

/** How a category's header (标题…分) or subtotal row (小计) differs from the sum of its items, or undefined. */
function categoryDifference(group: Group, base: number, bonus: number): string | undefined {
  const statedBase = group.bonus ? undefined : group.stated;
  const statedBonus = group.bonus ? group.stated : group.statedBonus;
  const differs = (stated: number | undefined, sum: number) => stated !== undefined && Math.abs(stated - sum) > EPS;
  if (differs(statedBase, base) || differs(statedBonus, bonus)) {
    return (
      "标题" +
      (statedBase !== undefined ? formatPoints(statedBase) + " 分" : "") +
      (statedBonus !== undefined ? "（加分 " + formatPoints(statedBonus) + " 分）" : "") +
      "，所含各项合计 " +
      formatPoints(base) +
      " 分（加分 " +
      formatPoints(bonus) +
      " 分）"
    );
  }
  if (differs(group.subtotal, group.bonus ? bonus : base)) {
    return (
      "小计 " + formatPoints(group.subtotal!) + " 分，所含各项合计 " + formatPoints(group.bonus ? bonus : base) + " 分"
    );
  }
  return undefined;
}

/** The items are scored; a stated total (满分/加分) that differs is the source's inconsistency, reported. */
function totalDiscrepancy(layout: SheetLayout, points: number, bonus: number): Discrepancy | undefined {
  const totals = statedTotals(layout);
  const differs =
    (totals.points !== undefined && Math.abs(totals.points - points) > EPS) ||
    (totals.bonus !== undefined && Math.abs(totals.bonus - bonus) > EPS);
  if (!differs) return undefined;
  return {
    kind: "total-differs",
    quote: totals.quote!,
    note:
      "文件标注" +
      (totals.points !== undefined ? "满分 " + formatPoints(totals.points) + " 分" : "") +
      (totals.bonus !== undefined
        ? (totals.points !== undefined ? "、" : "") + "加分 " + formatPoints(totals.bonus) + " 分"
        : "") +
      "，各项合计 " +
      formatPoints(points) +
      " 分、加分 " +
      formatPoints(bonus) +
      " 分",
  };
}

/** The first text of a row: a section heading's words. */
function headingText(grid: Grid, row: number): string {
  for (let col = 0; col < (grid.values[row] ?? []).length; col++) {
    const text = cleanText(textAt(grid, row, col));
    if (text) return text;
  }
  return "";
}

/**
 * The derived rubric as the schema accepts it. What the table does cannot break a rule of the schema:
 * an item whose parts still break one after reading (a reference that does not resolve, a bonus part
 * in an item without bonus) is kept as one part to review (待确认) for its points and bonus, and the
 * rest of the table is scored as read. Only a fault of Ziping's own could still fail here.
 */
function accepted(candidate: unknown): Rubric {
  const first = checkRubric(JSON.parse(JSON.stringify(candidate)));
  if (first.ok) return first.rubric;
  const rubric = JSON.parse(JSON.stringify(candidate)) as Rubric;
  const places = first.errors.map((e) => e.place);
  for (const category of rubric.categories)
    for (const indicator of category.indicators) {
      const place = " 二级指标 " + indicator.id;
      if (!places.some((p) => p.indexOf(place + " ") >= 0 || p.slice(-place.length) === place)) continue;
      indicator.criteria = reviewOnly(indicator);
      rubric.discrepancies = rubric.discrepancies.filter((d) => d.indicator !== indicator.id);
    }
  const second = checkRubric(rubric);
  if (second.ok) return second.rubric;
  throw new Error("由工作表生成的评分细则未通过检查：\n" + formatRubricErrors(second.errors));
}

function reviewOnly(indicator: Indicator): Criterion[] {
  const parts: Criterion[] = [];
  const note = "未能自动解析，待确认（评分语句未能整理为一致的评分项）";
  if (indicator.points > 0 || !indicator.bonus)
    parts.push({ kind: "judged", id: "a", text: indicator.rule, points: indicator.points, pending: true, note });
  if (indicator.bonus)
    parts.push({
      kind: "judged",
      id: criterionLetter(parts.length),
      text: indicator.rule,
      points: indicator.bonus,
      bonus: true,
      pending: true,
      note,
    });
  return parts;
}
