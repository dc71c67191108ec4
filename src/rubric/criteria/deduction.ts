/**
 * deduction — points from which p is taken per shortfall (会宁: 每少完成一个扣2分; 新建居住小区
 * 未落实的，一个扣1分), floored at zero (扣完为止) or at the rule's 最高扣N分. A surplus that earns
 * points (超额完成一个加1分) is a separate perItem criterion.
 */
import type { DeductionCriterion } from "./schemas";
import { parseNumber } from "../figures";
import { formatPoints } from "../text";
import { fraction, missing, nameOf, statusFor, type CriterionKind, type EvidenceProblem, noMetric } from "./base";

export type { DeductionCriterion } from "./schemas";

export const deduction: CriterionKind<DeductionCriterion> = {
  maxPoints: (c) => c.points,
  metric: noMetric,
  score(c, { input }) {
    const figure = parseNumber(input);
    if (figure.value === null) {
      const outcome = missing(c, c.points);
      outcome.problems = figure.problems.map((code) => ({ code }));
      return outcome;
    }
    const problems: EvidenceProblem[] = figure.problems.map((code) => ({ code }));
    if (figure.value < 0) problems.push({ code: "negative" });
    const shortfalls = Math.max(0, Math.floor(figure.value));
    const limit = Math.min(c.maxDeduction ?? c.points, c.points);
    const deducted = Math.min(shortfalls * c.per, limit);
    const points = c.points - deducted;
    return {
      points,
      status: statusFor(points, c.points),
      explain:
        nameOf(c) +
        "：少完成 " +
        shortfalls +
        c.unit +
        "，扣 " +
        formatPoints(deducted) +
        " 分，" +
        fraction(points, c.points),
      problems,
    };
  },
};
