/**
 * The scoring engine: evidence → points per criterion → indicator scores clamped to [0, max] →
 * category subtotals → total, with bonus apart → threshold statuses. Pure; every number comes
 * with its explanation in Chinese, and nothing is rescaled silently: the plain sum, the cap and
 * every gate are shown (docs/FACTS.md, "Validation reports people like").
 */
import type { CriterionOutcome, EvidenceProblem } from "./criteria/base";
import { maxPointsOf, scoreCriterion, type Criterion } from "./criteria/index";
import type { ParsedFigure } from "./figures";
import {
  formatBound,
  formatMetricValue,
  meetsBound,
  readMetric,
  type Bound,
  type Metric,
  type MetricInput,
} from "./metric";
import type { Indicator, Rubric } from "./schema";
import { formatPoints, sum } from "./text";

/** What a user has entered: one value per criterion (by full id "1.1.a") and the metrics' figures. */
export interface Evidence {
  values?: Record<string, unknown>;
  metrics?: Record<string, MetricInput>;
}

export interface CriterionScore extends CriterionOutcome {
  /** "1.1.a" */
  id: string;
  kind: Criterion["kind"];
  max: number;
  bonus: boolean;
}

export interface Points {
  score: number;
  max: number;
}

export interface IndicatorScore {
  id: string;
  text: string;
  /** Base score, clamped to [0, points]. */
  score: number;
  max: number;
  bonus: Points;
  /** The plain sum of the base criteria before clamping. */
  raw: number;
  /** A gate stopped the indicator. */
  gated: boolean;
  /** Chinese: the sum, and the cap or gate where one applied. */
  explain: string;
  criteria: CriterionScore[];
}

export interface CategoryScore {
  id: string;
  title: string;
  score: number;
  max: number;
  bonus: Points;
  indicators: IndicatorScore[];
}

export interface ThresholdStatus {
  metric: string;
  name: string;
  /** The entered value (a fraction for rates), null when nothing was entered. */
  value: number | null;
  bound: Bound;
  /** "≥65%" */
  boundText: string;
  /** null when nothing was entered. */
  met: boolean | null;
  /** The criterion ("4.1.b") or the target id that sets the bound. */
  ref: string;
  from: "criterion" | "target";
  explain: string;
}

export interface EvidenceIssue extends EvidenceProblem {
  /** The criterion ("1.2.b") or the metric id the problem is about. */
  ref: string;
}

export interface RubricScore {
  rubric: { id: string; title: string };
  total: number;
  max: number;
  bonus: Points;
  categories: CategoryScore[];
  thresholds: ThresholdStatus[];
  problems: EvidenceIssue[];
}

function metricReader(rubric: Rubric, evidence: Evidence) {
  const cache = new Map<string, { metric: Metric; reading: ParsedFigure }>();
  return (id: string) => {
    const cached = cache.get(id);
    if (cached) return cached;
    const metric = rubric.metrics.find((m) => m.id === id);
    if (!metric) return undefined;
    const found = { metric, reading: readMetric(metric, evidence.metrics?.[id]) };
    cache.set(id, found);
    return found;
  };
}

type MetricLookup = ReturnType<typeof metricReader>;

/** Scores one indicator. Exported for the pane's per-row view and for tests. */
export function scoreIndicator(indicator: Indicator, evidence: Evidence, metric: MetricLookup): IndicatorScore {
  const values = evidence.values ?? {};
  const outcomes = new Map<string, CriterionScore>();
  for (const criterion of indicator.criteria) {
    const id = indicator.id + "." + criterion.id;
    const outcome = scoreCriterion(criterion, { input: values[id], metric });
    outcomes.set(criterion.id, {
      ...outcome,
      id,
      kind: criterion.kind,
      max: maxPointsOf(criterion),
      bonus: criterion.bonus === true,
    });
  }
  // A criterion that depends on another (其中…加1分) gives nothing unless that one is met.
  for (const criterion of indicator.criteria) {
    if (criterion.requires === undefined) continue;
    const own = outcomes.get(criterion.id)!;
    const required = outcomes.get(criterion.requires)!;
    if (required.status !== "met" && own.points > 0) {
      outcomes.set(criterion.id, {
        ...own,
        points: 0,
        status: "unmet",
        explain: own.explain + "；但须先满足评分项 " + required.id + "，本项按 0 分计",
      });
    }
  }
  const criteria = indicator.criteria.map((c) => outcomes.get(c.id)!);
  const gate = criteria.find((c) => c.status === "triggered");
  const raw = sum(criteria.filter((c) => !c.bonus).map((c) => c.points));
  const rawBonus = sum(criteria.filter((c) => c.bonus).map((c) => c.points));
  const bonusMax = indicator.bonus ?? 0;
  const score = gate ? 0 : Math.max(0, Math.min(indicator.points, raw));
  const bonusScore = gate ? 0 : Math.max(0, Math.min(bonusMax, rawBonus));

  let explain = "评分项合计 " + formatPoints(raw) + " 分";
  if (gate) explain += "；" + gate.explain;
  else if (raw > indicator.points)
    explain +=
      "，超过本项分值 " + formatPoints(indicator.points) + " 分，按 " + formatPoints(indicator.points) + " 分计";
  else explain += "，本项 " + formatPoints(score) + "/" + formatPoints(indicator.points) + " 分";
  if (bonusMax > 0) explain += "；加分 " + formatPoints(bonusScore) + "/" + formatPoints(bonusMax) + " 分";

  return {
    id: indicator.id,
    text: indicator.text,
    score,
    max: indicator.points,
    bonus: { score: bonusScore, max: bonusMax },
    raw,
    gated: gate !== undefined,
    explain,
    criteria,
  };
}

function thresholdStatuses(rubric: Rubric, categories: CategoryScore[], metric: MetricLookup): ThresholdStatus[] {
  const statuses: ThresholdStatus[] = [];
  const add = (metricId: string, bound: Bound, ref: string, from: ThresholdStatus["from"]) => {
    const found = metric(metricId);
    if (!found) return;
    const value = found.reading.value;
    const met = value === null ? null : meetsBound(value, bound);
    const boundText = formatBound(found.metric, bound);
    const shown = value === null ? "未填写" : formatMetricValue(found.metric, value);
    const verdict = met === null ? "" : met ? "，达标" : "，未达到" + boundText;
    statuses.push({
      metric: metricId,
      name: found.metric.name,
      value,
      bound,
      boundText,
      met,
      ref,
      from,
      explain: found.metric.name + " " + shown + verdict,
    });
  };
  const byId = new Map<string, Criterion>();
  for (const category of rubric.categories)
    for (const indicator of category.indicators)
      for (const c of indicator.criteria) byId.set(indicator.id + "." + c.id, c);
  for (const category of categories) {
    for (const indicator of category.indicators) {
      for (const scored of indicator.criteria) {
        const criterion = byId.get(scored.id);
        if (criterion && criterion.kind === "threshold") add(criterion.metric, criterion.bound, scored.id, "criterion");
      }
    }
  }
  // A target that repeats a scored threshold's bound (登记备案率 100% in both) is said once.
  for (const target of rubric.targets) {
    const repeated = statuses.some(
      (s) => s.metric === target.metric && s.bound.op === target.bound.op && s.bound.value === target.bound.value
    );
    if (!repeated) add(target.metric, target.bound, target.id, "target");
  }
  return statuses;
}

export function scoreRubric(rubric: Rubric, evidence: Evidence): RubricScore {
  const metric = metricReader(rubric, evidence);
  const categories: CategoryScore[] = rubric.categories.map((category) => {
    const indicators = category.indicators.map((i) => scoreIndicator(i, evidence, metric));
    return {
      id: category.id,
      title: category.title,
      score: sum(indicators.map((i) => i.score)),
      max: category.points,
      bonus: { score: sum(indicators.map((i) => i.bonus.score)), max: category.bonus ?? 0 },
      indicators,
    };
  });
  const problems: EvidenceIssue[] = [];
  for (const category of categories) {
    for (const indicator of category.indicators) {
      for (const c of indicator.criteria) for (const p of c.problems) problems.push({ ...p, ref: c.id });
    }
  }
  for (const m of rubric.metrics) {
    const found = metric(m.id)!;
    for (const code of found.reading.problems) problems.push({ code, ref: m.id });
  }
  return {
    rubric: { id: rubric.id, title: rubric.title },
    total: sum(categories.map((c) => c.score)),
    max: rubric.points,
    bonus: { score: sum(categories.map((c) => c.bonus.score)), max: rubric.bonus },
    categories,
    thresholds: thresholdStatuses(rubric, categories, metric),
    problems,
  };
}
