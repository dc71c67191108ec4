/** The JSON projection of a workbook's score that `score --json` and friends print (docs/CONTRACTS.md). */
import type { WorkbookScore } from "../check/workbookScore";
import type { RubricScore } from "../rubric/engine";
import type { Rubric } from "../rubric/schema";

function totals(score: RubricScore) {
  return { total: score.total, max: score.max, bonus: score.bonus };
}

export function scoreJson(ws: WorkbookScore, rubric: Rubric, cells: Map<string, string> = new Map()) {
  const score = ws.score;
  return {
    rubric: { id: rubric.id, title: rubric.title, derived: rubric.derived !== undefined },
    source: ws.source,
    ...totals(score),
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
    /** 按自评依据可得: the evidence's score, beside the self-score; null without 自评依据. */
    supported: ws.supported ? { ...totals(ws.supported), differences: ws.differences } : null,
  };
}
