/**
 * judged — points the assessor decides within a range (根据活动含金量进行打分; 分档打分 with no
 * stated bands). The user enters the value; the engine checks the range and the step and scores
 * what is allowed: a value above the range counts as the maximum, one off the step is rounded down.
 */
import type { JudgedCriterion } from "./schemas";
import { parseNumber } from "../figures";
import { formatPoints } from "../text";
import { floorToStep } from "../numbers";
import {
  DEFAULT_STEP,
  fraction,
  isMultipleOf,
  missing,
  nameOf,
  statusFor,
  type CriterionKind,
  type EvidenceProblem,
  noMetric,
} from "./base";

export type { JudgedCriterion } from "./schemas";

export const judged: CriterionKind<JudgedCriterion> = {
  maxPoints: (c) => c.points,
  metric: noMetric,
  score(c, { input }) {
    const figure = parseNumber(input);
    if (figure.value === null) {
      const outcome = missing(c, c.points);
      outcome.problems = figure.problems.map((code) => ({ code }));
      return outcome;
    }
    const step = c.step ?? DEFAULT_STEP;
    const range = { min: 0, max: c.points, step };
    const problems: EvidenceProblem[] = figure.problems.map((code) => ({ code }));
    let value = figure.value;
    if (value < 0 || value > c.points) {
      problems.push({ code: "out-of-range", params: { value, ...range } });
      value = Math.max(0, Math.min(c.points, value));
    }
    if (!isMultipleOf(value, step)) {
      problems.push({ code: "step", params: { value, ...range } });
      value = floorToStep(value, step);
    }
    const adjusted =
      value !== figure.value ? "（填写 " + formatPoints(figure.value) + "，按 " + formatPoints(value) + " 计）" : "";
    return {
      points: value,
      status: statusFor(value, c.points),
      explain: nameOf(c) + "：评定 " + formatPoints(value) + " 分" + adjusted + "，" + fraction(value, c.points),
      problems,
    };
  },
};
