/** flag — a fact is true → p points (建立联席会议或议事协调机构的得2分). */
import type { FlagCriterion } from "./schemas";
import { parseYesNo } from "../figures";
import { fraction, missing, nameOf, type CriterionKind, noMetric } from "./base";

export type { FlagCriterion } from "./schemas";

export const flag: CriterionKind<FlagCriterion> = {
  maxPoints: (c) => c.points,
  metric: noMetric,
  score(c, { input }) {
    const answer = parseYesNo(input);
    if (answer === null) {
      const outcome = missing(c, c.points);
      if (input !== undefined && input !== null && input !== "") outcome.problems.push({ code: "not-yes-no" });
      return outcome;
    }
    const points = answer ? c.points : 0;
    return {
      points,
      status: answer ? "met" : "unmet",
      explain: nameOf(c) + "：" + (answer ? "是" : "否") + "，" + fraction(points, c.points),
      problems: [],
    };
  },
};
