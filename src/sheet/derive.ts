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
import { a1, textAt, type Grid } from "./grid";
import { cleanText } from "./normalize";
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

/** "本表满分100分，另设加分5分" in a note row: the totals the document states. */
function statedTotals(layout: SheetLayout): { points?: number; bonus?: number; quote?: string } {
  for (const row of layout.rows) {
    if (row.kind !== "note" && row.kind !== "total") continue;
    const points = /满分\s*(\d+(?:\.\d+)?)\s*分/.exec(row.text);
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
  bonus: boolean;
  rows: SheetRow[];
}

/** Rows by category; a table with no category column is one category named after its title. */
function groupRows(layout: SheetLayout, tableTitle: string): Group[] {
  const groups: Group[] = [];
  for (const row of layout.rows) {
    if (row.kind !== "indicator") continue;
    const bonus = row.category?.bonus === true || /加分项|奖励分|奖分/.test(row.text);
    const title = row.category?.title || (bonus ? "加分项目" : tableTitle);
    const key = (bonus ? "bonus|" : "") + (row.category ? String(row.category.row) + "|" + title : title);
    let group = groups.find((g) => g.key === key);
    if (!group) {
      group = { key, title, bonus, rows: [], stated: row.category?.points, statedBonus: row.category?.bonusPoints };
      groups.push(group);
    }
    group.rows.push(row);
  }
  return groups;
}

function indicatorOf(
  row: SheetRow,
  id: string,
  bonusGroup: boolean,
  file: string,
  metrics: Metric[],
  discrepancies: Discrepancy[]
): { indicator: Indicator; pending: string[] } {
  const rule = row.rule || row.text;
  const stated = row.points;
  const parsed = bonusGroup
    ? parseRule(rule, { points: 0, bonus: stated ?? 0, idPrefix: id.replace(".", "-") })
    : parseRule(rule, { points: stated ?? 0, bonus: row.bonusPoints, idPrefix: id.replace(".", "-") });
  // An item worth base plus bonus ("（10分+2分）"): the part that adds the bonus ("另加2分") counts as bonus.
  const extra = bonusGroup ? 0 : (row.bonusPoints ?? 0);
  let criteria: Criterion[] = parsed.criteria.map((c: Criterion) =>
    bonusGroup || (extra > 0 && /另加|加分|奖励/.test(c.text)) ? { ...c, bonus: true } : c
  );
  const points = stated ?? (bonusGroup ? parsed.total : parsed.total);
  // Points the sentences do not account for: one criterion to review, so the item still adds up.
  const total = sum(criteria.filter((c) => !c.bonus === !bonusGroup).map(maxPointsOf));
  if (total < points - EPS) {
    criteria.push({
      kind: "judged",
      id: criterionLetter(criteria.length),
      text: rule,
      label: "其余 " + formatPoints(points - total) + " 分（细则未写明计分办法）",
      points: points - total,
      pending: true,
      note: "未能自动解析，待确认",
      ...(bonusGroup ? { bonus: true } : {}),
    });
  } else if (total > points + EPS) {
    discrepancies.push({
      kind: total === Infinity ? "uncapped-bonus" : "sub-points-exceed",
      indicator: id,
      quote: rule.slice(0, 200),
      note: "各项要求合计 " + formatPoints(total) + " 分，超过本项 " + formatPoints(points) + " 分；按本项分值封顶",
    });
  }
  criteria = criteria.map((c, i) => ({ ...c, id: criterionLetter(i) }));
  metrics.push(...parsed.metrics.filter((m: Metric) => !metrics.some((x) => x.id === m.id)));
  const indicator: Indicator = {
    id,
    number: row.number !== undefined ? String(row.number) : undefined,
    text: row.text || rule.slice(0, 60),
    points: bonusGroup ? 0 : points,
    bonus: bonusGroup ? points : extra > 0 ? extra : undefined,
    rule,
    lead: row.lead,
    responsible: row.responsible,
    criteria,
    source: { file, place: "第" + (row.row + 1) + "行" },
  };
  return { indicator, pending: criteria.filter((c) => c.pending).map((c) => id + "." + c.id) };
}

export function deriveRubric(grid: Grid, layout: SheetLayout, file: string): DerivedRubric {
  const title = titleOf(grid, layout);
  const metrics: Metric[] = [];
  const discrepancies: Discrepancy[] = [];
  const pending: string[] = [];
  const categories: Category[] = [];
  let n = 0;
  for (const group of groupRows(layout, title)) {
    const id = group.bonus ? "bonus" : String(++n);
    if (categories.some((c) => c.id === id)) continue; // one bonus category: the first one's rows
    const indicators = group.rows.map((row, i) => {
      const made = indicatorOf(row, id + "." + (i + 1), group.bonus, file, metrics, discrepancies);
      pending.push(...made.pending);
      return made.indicator;
    });
    const base = sum(indicators.map((i) => i.points));
    const bonus = sum(indicators.map((i) => i.bonus ?? 0));
    const category: Category = { id, title: group.title, points: base, bonus: bonus || undefined, indicators };
    const statedBase = group.bonus ? undefined : group.stated;
    const statedBonus = group.bonus ? group.stated : group.statedBonus;
    const headingRow = group.rows[0].category?.row;
    if (headingRow !== undefined && layout.columns.category !== undefined)
      category.heading = cleanText(textAt(grid, headingRow, layout.columns.category)) || undefined;
    if (
      (statedBase !== undefined && Math.abs(statedBase - base) > EPS) ||
      (statedBonus !== undefined && Math.abs(statedBonus - bonus) > EPS)
    ) {
      // The items are what is scored: the category's points are their sum; the header's number is
      // recorded as the source's inconsistency and reported where it stands (the category cell).
      discrepancies.push({
        kind: "category-points-differ",
        category: id,
        quote: category.heading ?? group.title,
        note:
          "标题" +
          (statedBase !== undefined ? formatPoints(statedBase) + " 分" : "") +
          (statedBonus !== undefined ? "（加分 " + formatPoints(statedBonus) + " 分）" : "") +
          "，所含各项合计 " +
          formatPoints(base) +
          " 分（加分 " +
          formatPoints(bonus) +
          " 分）",
      });
    }
    categories.push(category);
  }
  const points = sum(categories.map((c) => c.points));
  const bonus = sum(categories.map((c) => c.bonus ?? 0));
  const totals = statedTotals(layout);
  let rubricPoints = points;
  let rubricBonus = bonus;
  if (
    (totals.points !== undefined && Math.abs(totals.points - points) > EPS) ||
    (totals.bonus !== undefined && Math.abs(totals.bonus - bonus) > EPS)
  ) {
    rubricPoints = totals.points ?? points;
    rubricBonus = totals.bonus ?? bonus;
    discrepancies.push({
      kind: "total-differs",
      quote: totals.quote!,
      note:
        "文件标注满分 " +
        formatPoints(rubricPoints) +
        " 分、加分 " +
        formatPoints(rubricBonus) +
        " 分，各项合计 " +
        formatPoints(points) +
        " 分、加分 " +
        formatPoints(bonus) +
        " 分",
    });
  }
  const year = /(20\d\d)\s*年/.exec(title);
  const candidate = {
    id: "derived:" + grid.sheet,
    title,
    document: file + " › " + grid.sheet,
    region: "—",
    year: year ? Number(year[1]) : 0,
    layout: layout.kind === "unknown" ? "scoring" : layout.kind,
    points: rubricPoints,
    bonus: rubricBonus,
    step: 0.5,
    categories,
    metrics,
    targets: [],
    discrepancies,
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
    derived: { file, sheet: grid.sheet, unparsed: pending.length },
  };
  const checked = checkRubric(JSON.parse(JSON.stringify(candidate)));
  if (!checked.ok) throw new Error("由工作表生成的评分细则未通过检查：\n" + formatRubricErrors(checked.errors));
  return { rubric: checked.rubric, pending };
}
