/**
 * deduction — points from which p is taken per shortfall (会宁: 每少完成一个扣2分; 新建居住小区
 * 未落实的，一个扣1分), floored at zero (扣完为止) or at the rule's 最高扣N分. A surplus that earns
 * points (超额完成一个加1分) is a separate perItem criterion.
 */
import { z } from "zod";
import { parseNumber } from "../figures";
import { formatPoints } from "../text";
import {
  criterionBase,
  fraction,
  missing,
  nameOf,
  pointsSchema,
  statusFor,
  type CriterionKind,
  type EvidenceProblem,
} from "./base";

export const deductionSchema = z.object({
  kind: z.literal("deduction"),
  ...criterionBase,
  /** The points held before any deduction. */
  points: pointsSchema,
  /** Deducted per shortfall. */
  per: z.number().finite().positive(),
  /** What a shortfall is counted in: 个, 项. */
  unit: z.string().min(1),
  /** 最高扣N分; without it, deductions stop at zero. */
  maxDeduction: pointsSchema.optional(),
});
export type DeductionCriterion = z.infer<typeof deductionSchema>;

export const deduction: CriterionKind<DeductionCriterion> = {
  schema: deductionSchema,
  maxPoints: (c) => c.points,
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
