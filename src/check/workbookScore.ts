/**
 * A workbook's score: from its evidence (自评依据, 指标数据) when it has them — what the formulas
 * compute — else from the typed 自评得分 column, each clamped to its points.
 */
import { parseNumber } from "../rubric/figures";
import { scoreRubric, type RubricScore } from "../rubric/engine";
import { evidenceFromWorkbook, hasEvidenceSheet } from "../plan/evidenceSheet";
import { a1, type Grid } from "../sheet/grid";
import type { SheetMatch } from "../sheet/match";
import type { SheetRecognition } from "../sheet/workbook";

export type ScoreSource = "evidence" | "typed";

/** A score from the typed 自评得分 column alone ("2分" read as 2), clamped to each item's points. */
export function scoreFromTyped(match: SheetMatch): RubricScore {
  const typed = new Map<string, number>();
  for (const m of match.matches) {
    const v = parseNumber(m.row.selfScore).value;
    if (v !== null) typed.set(m.indicator.id, v);
  }
  const base = scoreRubric(match.rubric, {});
  for (const category of base.categories) {
    for (const indicator of category.indicators) {
      const v = typed.get(indicator.id) ?? 0;
      const bonusOnly = indicator.max === 0 && indicator.bonus.max > 0;
      if (bonusOnly) indicator.bonus.score = Math.max(0, Math.min(indicator.bonus.max, v));
      else indicator.score = Math.max(0, Math.min(indicator.max, v));
      indicator.raw = v;
      indicator.explain = typed.has(indicator.id) ? "自评得分（表中填写）" + v + " 分" : "自评得分未填写";
    }
    category.score = category.indicators.reduce((s, i) => s + i.score, 0);
    category.bonus.score = category.indicators.reduce((s, i) => s + i.bonus.score, 0);
  }
  base.total = base.categories.reduce((s, c) => s + c.score, 0);
  base.bonus.score = base.categories.reduce((s, c) => s + c.bonus.score, 0);
  base.thresholds = [];
  return base;
}

export function scoreWorkbook(
  grids: readonly Grid[],
  recognition: SheetRecognition
): { score: RubricScore; source: ScoreSource } {
  const match = recognition.match!;
  if (hasEvidenceSheet(grids))
    return { score: scoreRubric(match.rubric, evidenceFromWorkbook(grids, match.rubric)), source: "evidence" };
  return { score: scoreFromTyped(match), source: "typed" };
}

/** The 自评得分 cell of each matched indicator. */
export function scoreCellsOf(recognition: SheetRecognition): Map<string, string> {
  const cells = new Map<string, string>();
  const col = recognition.layout.columns.selfScore;
  if (col === undefined || !recognition.match) return cells;
  for (const m of recognition.match.matches) cells.set(m.indicator.id, a1(m.row.row, col));
  return cells;
}
