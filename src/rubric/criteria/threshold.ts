/**
 * threshold — a metric meets a bound → p points (护理型床位占比达到65%以上得1分;
 * 月探访率达到100%得1分). The value is the metric's, entered once in 指标数据.
 */
import type { ThresholdCriterion } from "./schemas";
import { formatBound, formatMetricValue, meetsBound } from "../metric";
import { figureProblems, fraction, missing, type CriterionKind } from "./base";

export type { ThresholdCriterion } from "./schemas";

export const threshold: CriterionKind<ThresholdCriterion> = {
  maxPoints: (c) => c.points,
  metric: (c) => c.metric,
  score(c, context) {
    const found = context.metric(c.metric);
    // The rubric check guarantees the metric exists; a missing one scores as not entered.
    if (!found) return missing(c, c.points);
    const { metric, reading } = found;
    const bound = formatBound(metric, c.bound);
    if (reading.value === null) {
      const outcome = missing({ text: metric.name }, c.points);
      outcome.problems = figureProblems(reading);
      outcome.threshold = { metric: metric.id, value: null, met: null };
      return outcome;
    }
    const met = meetsBound(reading.value, c.bound);
    const points = met ? c.points : 0;
    const value = formatMetricValue(metric, reading.value);
    return {
      points,
      status: met ? "met" : "unmet",
      explain:
        metric.name + " " + value + "，" + (met ? "达到" : "未达到") + bound + "，本项 " + fraction(points, c.points),
      problems: figureProblems(reading),
      threshold: { metric: metric.id, value: reading.value, met },
    };
  },
};
