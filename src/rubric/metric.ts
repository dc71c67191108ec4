/**
 * Metrics (named figures) and their bounds. A metric is what is measured (护理型床位占比,
 * 家庭养老床位数); a bound is what a rule or a plan asks of it (≥ 65%, ≥ 600张).
 */
import type { Bound, BoundOp, Metric } from "./metricSchema";
import { parseNumber, parseRate, rateOf, type ParsedFigure } from "./figures";
import { formatPercent, formatPoints } from "./text";

export type { Bound, BoundOp, Metric } from "./metricSchema";

const OP_SIGN: Record<BoundOp, string> = { ">=": "≥", ">": "＞", "<=": "≤", "<": "＜", "=": "=" };

export function isRate(metric: Metric): boolean {
  return metric.unit === "%";
}

/** A metric's value in its own unit, for people: "65%", "190户", "800元/人·月". */
export function formatMetricValue(metric: Metric, value: number): string {
  return isRate(metric) ? formatPercent(value) : formatPoints(value) + metric.unit;
}

/** A bound for people: "≥65%", "≤1000米". */
export function formatBound(metric: Metric, bound: Bound): string {
  return OP_SIGN[bound.op] + formatMetricValue(metric, bound.value);
}

// Rates are compared with a small tolerance, so that 13/20 = 0.65 meets "≥ 65%" even after floating point.
const EPSILON = 1e-9;

export function meetsBound(value: number, bound: Bound): boolean {
  switch (bound.op) {
    case ">=":
      return value >= bound.value - EPSILON;
    case ">":
      return value > bound.value + EPSILON;
    case "<=":
      return value <= bound.value + EPSILON;
    case "<":
      return value < bound.value - EPSILON;
    case "=":
      return Math.abs(value - bound.value) <= EPSILON;
  }
}

/** What may be entered for a metric: the value itself, or its numerator and denominator. */
export type MetricInput = unknown | { numerator?: unknown; denominator?: unknown; value?: unknown };

function isParts(input: unknown): input is { numerator?: unknown; denominator?: unknown; value?: unknown } {
  return typeof input === "object" && input !== null && !Array.isArray(input);
}

/**
 * Reads a metric's entered value. A typed 实际值 wins over 分子/分母 (the sheet's 实际值 cell is a
 * formula of them only when both are filled, so the engine follows the same order).
 */
export function readMetric(metric: Metric, input: MetricInput): ParsedFigure {
  const parse = isRate(metric) ? parseRate : parseNumber;
  if (!isParts(input)) return parse(input);
  const direct = parse(input.value);
  if (!direct.blank) return direct;
  const numerator = parseNumber(input.numerator);
  const denominator = parseNumber(input.denominator);
  if (numerator.blank && denominator.blank) return direct;
  const rate = rateOf(numerator, denominator);
  return isRate(metric) ? rate : { ...rate, problems: rate.problems.filter((p) => p !== "rate-over-100") };
}
