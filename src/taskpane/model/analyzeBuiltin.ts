/**
 * A workbook's analysis with the built-in rubrics alone: the rubric chosen, else the one the
 * workbook remembers (准备工作簿 records it), else the best-fitting built-in; then the same scoring
 * and checks as always (analysis.ts). No zod and no grammar: this is all the lite pane (IE11) does,
 * and what the full pane shows first, loading the rest (analyze.ts: a rubric derived from the
 * sheet's own sentences, or one stored in the workbook, checked by the rubric schema) only when a
 * workbook needs it.
 */
import { chooseRubric } from "../../check/chooseRubric";
import type { Rubric } from "../../rubric/schema";
import type { Grid } from "../../sheet/grid";
import { analysisOf, type Analysis } from "./analysis";

export interface BuiltinAnalysis extends Analysis {
  /**
   * Why the built-in rubrics cannot score the workbook although it holds a table: it remembers a
   * rubric derived from its own text, or no built-in rubric fits its table.
   */
  derivationNeeded?: "remembered" | "unmatched";
}

export function analyzeBuiltin(grids: Grid[], rubrics: readonly Rubric[], chosen?: Rubric): BuiltinAnalysis {
  const choice = chooseRubric(grids, rubrics, { chosen });
  const analysis: BuiltinAnalysis = analysisOf(grids, choice.sheets, choice.primary);
  if (choice.derivationNeeded) analysis.derivationNeeded = choice.derivationNeeded;
  return analysis;
}
