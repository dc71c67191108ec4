/**
 * perItem — p per counted item, capped (每创新出台一项政策得0.5分，最高得3分). Several kinds
 * of item may count at different rates under one cap (特色创新: 2分 per work praised or
 * printed at provincial level or above, 0.5分 per provincial-media report, 最高得10分).
 */
import type { PerItemCriterion } from "./schemas";
import { parseNumber } from "../figures";
import { formatPoints } from "../text";
import { fraction, missing, nameOf, statusFor, type CriterionKind, type EvidenceProblem, noMetric } from "./base";

export type { PerItemCriterion } from "./schemas";

/** The counts entered: one number when the criterion has one kind of item, else one per item id. */
function countsOf(c: PerItemCriterion, input: unknown): Map<string, unknown> {
  const counts = new Map<string, unknown>();
  if (typeof input === "object" && input !== null && !Array.isArray(input)) {
    for (const item of c.items) counts.set(item.id, (input as Record<string, unknown>)[item.id]);
  } else if (c.items.length === 1) {
    counts.set(c.items[0].id, input);
  }
  return counts;
}

export const perItem: CriterionKind<PerItemCriterion> = {
  maxPoints: (c) => (c.cap === undefined ? Infinity : c.cap),
  metric: noMetric,
  score(c, { input }) {
    const max = perItem.maxPoints(c);
    const counts = countsOf(c, input);
    const problems: EvidenceProblem[] = [];
    const parts: string[] = [];
    let raw = 0;
    let entered = false;
    for (const item of c.items) {
      const figure = parseNumber(counts.get(item.id));
      if (figure.blank) continue;
      for (const code of figure.problems) problems.push({ code });
      if (figure.value === null) continue;
      entered = true;
      if (figure.value < 0) {
        problems.push({ code: "negative" });
        continue;
      }
      const count = Math.floor(figure.value);
      raw += count * item.each;
      parts.push(item.label + " " + count + c.unit + "×" + formatPoints(item.each) + "分");
    }
    if (!entered) {
      const outcome = missing(c, max);
      outcome.problems = problems;
      return outcome;
    }
    const points = Math.min(raw, max);
    const capped = raw > max ? "，超过上限按 " + formatPoints(max) + " 分计" : "";
    const shownMax = max === Infinity ? "不设上限" : formatPoints(max) + " 分";
    return {
      points,
      status: max === Infinity ? (points > 0 ? "met" : "unmet") : statusFor(points, max),
      explain:
        nameOf(c) +
        "：" +
        parts.join("，") +
        "，计 " +
        formatPoints(raw) +
        " 分" +
        capped +
        "，本项 " +
        (max === Infinity ? formatPoints(points) + " 分（" + shownMax + "）" : fraction(points, max)),
      problems,
    };
  },
};
