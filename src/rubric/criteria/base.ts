/**
 * What every criterion kind shares: the context it is scored in and the shape of its result
 * (the fields every kind has are in the schema, schemas.ts).
 */
import type { ParsedFigure } from "../figures";
import type { Metric } from "../metric";
import { formatPoints } from "../text";

/** The rubric's step: scores are multiples of half a point unless a rule says otherwise. */
export const DEFAULT_STEP = 0.5;

export type EvidenceProblemCode =
  | "not-number"
  | "number-as-text"
  | "rate-over-100"
  | "not-yes-no"
  | "unknown-option"
  | "out-of-range"
  | "step"
  | "negative";

export interface EvidenceProblem {
  code: EvidenceProblemCode;
  /** For out-of-range/step: the allowed range and step. */
  params?: Record<string, string | number>;
}

export type CriterionStatus =
  /** full points */
  | "met"
  /** some points */
  | "partial"
  /** evidence entered, no points */
  | "unmet"
  /** nothing entered */
  | "missing"
  /** a gate whose disqualifying fact is true */
  | "triggered";

export interface CriterionOutcome {
  points: number;
  status: CriterionStatus;
  /** Chinese, one line: "护理型床位占比 60%，未达到≥65%，本项 0/1 分". */
  explain: string;
  problems: EvidenceProblem[];
  /** For threshold criteria: the metric reading. */
  threshold?: { metric: string; value: number | null; met: boolean | null };
}

export interface ScoreContext {
  /** The entered value for this criterion (undefined when nothing was entered). */
  input: unknown;
  /** The rubric's metric with this id, and its entered value. */
  metric(id: string): { metric: Metric; reading: ParsedFigure } | undefined;
}

export interface CriterionKind<C> {
  /** The most this criterion can give (a gate gives none; an uncapped bonus is Infinity). */
  maxPoints(criterion: C): number;
  score(criterion: C, context: ScoreContext): CriterionOutcome;
  /**
   * The id of the rubric metric this criterion reads (its value is then entered on 指标数据, not
   * typed for the criterion), or undefined when the criterion takes its own input.
   */
  metric(criterion: C): string | undefined;
}

/** For the kinds that read no metric. */
export function noMetric(): undefined {
  return undefined;
}

/** A criterion's letter by position, as the schema wants them: a … z, then aa, ab … (at most 702). */
export function criterionLetter(position: number): string {
  const a = "abcdefghijklmnopqrstuvwxyz";
  return position < 26 ? a.charAt(position) : a.charAt(Math.floor(position / 26) - 1) + a.charAt(position % 26);
}

/** The label used in explanations. */
export function nameOf(criterion: { text: string; label?: string }): string {
  return criterion.label ?? criterion.text;
}

export function fraction(points: number, max: number): string {
  return formatPoints(points) + "/" + formatPoints(max) + " 分";
}

export function statusFor(points: number, max: number): CriterionStatus {
  return points >= max ? "met" : points > 0 ? "partial" : "unmet";
}

export function isMultipleOf(value: number, step: number): boolean {
  const q = value / step;
  return Math.abs(q - Math.round(q)) < 1e-9;
}

export function missing(criterion: { text: string; label?: string }, max: number): CriterionOutcome {
  return { points: 0, status: "missing", explain: nameOf(criterion) + "：未填写，" + fraction(0, max), problems: [] };
}

export function figureProblems(figure: ParsedFigure): EvidenceProblem[] {
  return figure.problems.map((code) => ({ code }));
}
