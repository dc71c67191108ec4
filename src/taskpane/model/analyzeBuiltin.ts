/**
 * A workbook's analysis with the built-in rubrics alone: the rubric chosen, else the one the
 * workbook remembers (准备工作簿 records it), else the best-fitting built-in; then the same scoring
 * and checks as always (analysis.ts). No zod and no grammar: this is all the lite pane (IE11) does,
 * and what the full pane shows first, loading the rest (analyze.ts: a rubric derived from the
 * sheet's own sentences, or one stored in the workbook, checked by the rubric schema) only when a
 * workbook needs it.
 */
import { isDerivedId, rememberedRubricId } from "../../own/state";
import type { Rubric } from "../../rubric/schema";
import type { Grid } from "../../sheet/grid";
import { primarySheet, recognizeWorkbook } from "../../sheet/workbook";
import { analysisOf, type Analysis } from "./analysis";

export interface BuiltinAnalysis extends Analysis {
  /**
   * Why the built-in rubrics cannot score the workbook although it holds a table: it remembers a
   * rubric derived from its own text, or no built-in rubric fits its table.
   */
  derivationNeeded?: "remembered" | "unmatched";
}

export function analyzeBuiltin(grids: Grid[], rubrics: readonly Rubric[], chosen?: Rubric): BuiltinAnalysis {
  const id = rememberedRubricId(grids);
  if (!chosen && id !== undefined && isDerivedId(id))
    return { ...analysisOf(grids, recognizeWorkbook(grids, rubrics)), derivationNeeded: "remembered" };
  const rubric = chosen || (id !== undefined ? rubrics.find((r) => r.id === id) : undefined);
  const sheets = recognizeWorkbook(grids, rubrics, rubric);
  const primary = primarySheet(sheets);
  const analysis: BuiltinAnalysis = analysisOf(grids, sheets, primary);
  if (!primary && !rubric && sheets.some((s) => s.layout.kind !== "unknown")) analysis.derivationNeeded = "unmatched";
  return analysis;
}
