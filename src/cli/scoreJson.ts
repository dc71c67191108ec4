/** The JSON projection of a score that `score --json` and friends print (CONTRACTS.md). */
import type { RubricScore } from "../rubric/engine";
import type { Rubric } from "../rubric/schema";

export function scoreJson(score: RubricScore, rubric: Rubric, cells: Map<string, string> = new Map()) {
  return {
    rubric: { id: rubric.id, title: rubric.title, derived: rubric.derived !== undefined },
    total: score.total,
    max: score.max,
    bonus: score.bonus,
    categories: score.categories.map((c) => ({ id: c.id, title: c.title, score: c.score, max: c.max, bonus: c.bonus })),
    indicators: score.categories.flatMap((c) =>
      c.indicators.map((i) => ({ id: i.id, score: i.score, max: i.max, bonus: i.bonus, cell: cells.get(i.id) ?? null }))
    ),
    thresholds: score.thresholds.map((t) => ({
      metric: t.metric,
      name: t.name,
      value: t.value,
      bound: t.boundText,
      met: t.met,
      ref: t.ref,
    })),
  };
}
