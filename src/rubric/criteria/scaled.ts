/**
 * scaled — points in proportion to a rate (根据覆盖率进行打分, 根据改造任务完成进度进行打分).
 * The mapping is part of the data and shown to the user: "linear" gives points × rate, rounded
 * down to the step; "bands" gives the points of the highest band the rate reaches. Where the
 * source states no mapping, the data says so (`defaultMapping: true` and a `note`).
 */
import type { ScaledCriterion } from "./schemas";
import { parseRate } from "../figures";
import { formatMetricValue, isRate } from "../metric";
import { formatPercent, formatPoints } from "../text";
import { floorToStep } from "../numbers";
import { DEFAULT_STEP, figureProblems, fraction, missing, nameOf, statusFor, type CriterionKind } from "./base";

export type { ScaledCriterion } from "./schemas";

export function mapRate(c: ScaledCriterion, rate: number): number {
  const bounded = Math.max(0, Math.min(1, rate));
  if (c.mapping.type === "linear") return floorToStep(c.points * bounded, c.step ?? DEFAULT_STEP);
  let best = 0;
  for (const band of c.mapping.bands) if (bounded >= band.atLeast - 1e-9 && band.points > best) best = band.points;
  return Math.min(best, c.points);
}

/** The mapping in words, for the pane and the 自评依据 sheet. */
export function describeMapping(c: ScaledCriterion): string {
  if (c.mapping.type === "linear") {
    return (
      "得分 = " +
      formatPoints(c.points) +
      " × " +
      c.basis +
      "，按 " +
      formatPoints(c.step ?? DEFAULT_STEP) +
      " 分向下取整"
    );
  }
  const bands = c.mapping.bands.slice().sort((a, b) => b.atLeast - a.atLeast);
  return bands
    .map((b) => c.basis + "≥" + formatPercent(b.atLeast) + " 得 " + formatPoints(b.points) + " 分")
    .join("；");
}

export const scaled: CriterionKind<ScaledCriterion> = {
  maxPoints: (c) => c.points,
  metric: (c) => c.metric,
  score(c, context) {
    const found = c.metric ? context.metric(c.metric) : undefined;
    const reading = found && isRate(found.metric) ? found.reading : parseRate(context.input);
    if (reading.value === null) {
      const outcome = missing(c, c.points);
      outcome.problems = figureProblems(reading);
      return outcome;
    }
    const points = mapRate(c, reading.value);
    const shown = found ? formatMetricValue(found.metric, reading.value) : formatPercent(reading.value);
    return {
      points,
      status: statusFor(points, c.points),
      explain:
        nameOf(c) + "：" + c.basis + " " + shown + "（" + describeMapping(c) + "），" + fraction(points, c.points),
      problems: figureProblems(reading),
    };
  },
};
