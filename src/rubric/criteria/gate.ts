/**
 * gate — a disqualifying fact: when it is true the whole indicator scores nothing
 * (出现安全事故的机构不得分). It gives no points of its own.
 */
import type { GateCriterion } from "./schemas";
import { parseYesNo } from "../figures";
import { nameOf, type CriterionKind, noMetric } from "./base";

export type { GateCriterion } from "./schemas";

export const gate: CriterionKind<GateCriterion> = {
  maxPoints: () => 0,
  metric: noMetric,
  score(c, { input }) {
    const answer = parseYesNo(input);
    if (answer === true) {
      return { points: 0, status: "triggered", explain: nameOf(c) + "：是，本指标不得分", problems: [] };
    }
    const problems =
      answer === null && input !== undefined && input !== null && input !== "" ? [{ code: "not-yes-no" as const }] : [];
    // Not answered counts as "did not happen": the gate only removes points on a stated fact.
    return {
      points: 0,
      status: "met",
      explain: nameOf(c) + "：" + (answer === false ? "否" : "未填写（按未发生计）"),
      problems,
    };
  },
};
