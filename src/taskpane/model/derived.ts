/**
 * Reviewing a derived rubric in the pane: correct a criterion's kind and points (it is then no
 * longer 待确认), and save the reviewed rubric in the workbook (_ziping), so the pane and the CLI
 * reuse it instead of deriving again. A prepared workbook is prepared again with it, so 自评依据
 * follows the corrected criteria.
 */
import { byKind, type Criterion, type KindFunctions } from "../../rubric/criteria/index";
import { formatBound } from "../../rubric/metric";
import { formatPoints as points } from "../../rubric/text";
import { hasEvidenceSheet } from "../../own/read";
import { buildFillPlan } from "../../plan/fill";
import { stateOps } from "../../own/state";
import type { WorkbookPlan } from "../../plan/plan";
import type { Rubric } from "../../rubric/schema";
import { checkRubric, formatRubricErrors } from "../../rubric/validate";
import type { Grid } from "../../sheet/grid";
import { matchRubric } from "../../sheet/match";
import type { SheetRecognition } from "../../sheet/workbook";

/** The kinds a person can pick when correcting a derived criterion: those that need only points. */
export const REVISABLE_KINDS = ["flag", "judged", "deduction", "gate"] as const;
export type RevisableKind = (typeof REVISABLE_KINDS)[number];

export const REVISABLE_KIND_NAMES: Record<RevisableKind, string> = {
  flag: "是否（做到得分）",
  judged: "评定（在分值内打分）",
  deduction: "扣分（每项扣分）",
  gate: "否决（本项不得分）",
};

/**
 * The review layer's registry: a criterion's points as the rule states them, for the pane's 评分细则
 * ("5 分", "每项 3 分，最高 9 分", "基数 6 分，每处扣 1 分，最多扣 4 分"); bonus is "加分 " or "".
 */
export const POINTS_TEXTS: KindFunctions<[rubric: Rubric, bonus: string], string> = {
  flag: (c, _rubric, bonus) => bonus + points(c.points) + " 分",
  judged: (c, _rubric, bonus) => bonus + points(c.points) + " 分",
  threshold(c, rubric, bonus) {
    const metric = rubric.metrics.find((m) => m.id === c.metric);
    return (
      bonus + points(c.points) + " 分" + (metric ? "（" + metric.name + " " + formatBound(metric, c.bound) + "）" : "")
    );
  },
  scaled: (c, _rubric, bonus) => bonus + points(c.points) + " 分（按" + c.basis + "计）",
  choice: (c, _rubric, bonus) => bonus + c.options.map((o) => o.label + " " + points(o.points) + " 分").join("、"),
  perItem(c, _rubric, bonus) {
    const each = c.items.map((i) => (c.items.length > 1 ? i.label : "") + "每" + c.unit + " " + points(i.each) + " 分");
    return bonus + each.join("、") + (c.cap !== undefined ? "，最高 " + points(c.cap) + " 分" : "，不设上限");
  },
  deduction: (c, _rubric, bonus) =>
    bonus +
    "基数 " +
    points(c.points) +
    " 分，每" +
    c.unit +
    "扣 " +
    points(c.per) +
    " 分" +
    (c.maxDeduction !== undefined ? "，最多扣 " + points(c.maxDeduction) + " 分" : "，扣完为止"),
  gate: () => "发生则本项不得分",
};

/** Points as the rule states them: "5 分", "每项 3 分，最高 9 分", "基数 6 分，每处扣 1 分，最多扣 4 分". */
export function criterionPointsText(c: Criterion, rubric: Rubric): string {
  return byKind(POINTS_TEXTS, c, rubric, c.bonus ? "加分 " : "");
}

function revised(c: Criterion, kind: RevisableKind, points: number): Criterion {
  const base = { id: c.id, text: c.text, label: c.label, bonus: c.bonus, span: c.span, note: "已人工核对" };
  switch (kind) {
    case "flag":
      return { ...base, kind, points };
    case "judged":
      return { ...base, kind, points };
    case "deduction":
      return {
        ...base,
        kind,
        points,
        per: c.kind === "deduction" ? c.per : 1,
        unit: c.kind === "deduction" ? c.unit : "项",
      };
    case "gate":
      return { ...base, kind };
  }
}

/**
 * The rubric with one criterion corrected (no longer 待确认). Not checked here: correcting an item
 * often takes several edits (2.5 + 2.5 → 3 + 2), and the sums only agree at the end; saving checks.
 */
export function reviseCriterion(rubric: Rubric, criterionId: string, kind: RevisableKind, points: number): Rubric {
  const copy: Rubric = JSON.parse(JSON.stringify(rubric));
  const [c, i, k] = criterionId.split(".");
  const indicator = copy.categories.find((x) => x.id === c)?.indicators.find((x) => x.id === c + "." + i);
  const index = indicator?.criteria.findIndex((x) => x.id === k) ?? -1;
  if (!indicator || index < 0) throw new Error("没有评分项 " + criterionId);
  indicator.criteria[index] = revised(indicator.criteria[index], kind, points);
  if (copy.derived) {
    copy.derived.unparsed = copy.categories.reduce(
      (n, cat) => n + cat.indicators.reduce((m, ind) => m + ind.criteria.filter((x) => x.pending).length, 0),
      0
    );
  }
  return copy;
}

/** Checks a reviewed rubric as any rubric is checked; throws the places that do not add up, in Chinese. */
export function checkReviewed(rubric: Rubric): Rubric {
  const checked = checkRubric(rubric);
  if (!checked.ok) throw new Error("核对后的评分细则不一致，请继续修改：\n" + formatRubricErrors(checked.errors));
  return checked.rubric;
}

/** Saves a reviewed derived rubric in the workbook (and prepares the workbook again with it if it was prepared). */
export function saveDerivedPlan(grids: readonly Grid[], primary: SheetRecognition, reviewed: Rubric): WorkbookPlan {
  if (!reviewed.derived) throw new Error("只有由工作表生成的评分细则需要保存");
  const rubric = checkReviewed(reviewed);
  if (hasEvidenceSheet(grids)) return buildFillPlan(grids, primary.layout, matchRubric(primary.layout, rubric)).plan;
  return {
    ops: stateOps(grids, { rubric, sheet: primary.layout.sheet }),
    summary: ["在工作簿中保存核对后的评分细则（存于隐藏的设置工作表，随工作簿一起发送）"],
    kept: [],
  };
}
