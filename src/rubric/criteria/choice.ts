/**
 * choice — exactly one of several options (主要负责同志任组长 +1 / 负责同志 +0.5;
 * 定点情况 2分、1分、0.5分三档). The input is the option's label; "无" or "否" gives nothing.
 */
import type { ChoiceCriterion } from "./schemas";
import { toHalfWidth } from "../text";
import { fraction, missing, nameOf, statusFor, type CriterionKind, noMetric } from "./base";

export type { ChoiceCriterion } from "./schemas";

/** The answer that means "none of the options". */
export const NO_OPTION = "无";

function same(a: string, b: string): boolean {
  return toHalfWidth(a).replace(/\s/g, "") === toHalfWidth(b).replace(/\s/g, "");
}

export const choice: CriterionKind<ChoiceCriterion> = {
  maxPoints: (c) => Math.max(...c.options.map((o) => o.points)),
  metric: noMetric,
  score(c, { input }) {
    const max = choice.maxPoints(c);
    if (input === undefined || input === null || (typeof input === "string" && input.trim() === ""))
      return missing(c, max);
    const text = String(input);
    if (same(text, NO_OPTION) || same(text, "否")) {
      return { points: 0, status: "unmet", explain: nameOf(c) + "：无，" + fraction(0, max), problems: [] };
    }
    const option = c.options.find((o) => same(o.label, text));
    if (!option) {
      const outcome = missing(c, max);
      outcome.problems.push({
        code: "unknown-option",
        params: { value: text, options: c.options.map((o) => o.label).join("、") },
      });
      return outcome;
    }
    return {
      points: option.points,
      status: statusFor(option.points, max),
      explain: nameOf(c) + "：" + option.label + "，" + fraction(option.points, max),
      problems: [],
    };
  },
};
