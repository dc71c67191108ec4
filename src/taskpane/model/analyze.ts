/**
 * The pane's analysis of a workbook: the rubric chosen, remembered, best-fitting or derived from
 * the sheet's own sentences (check/chooseRubric.ts), then scored and checked (analysis.ts).
 */
import { chooseRubric } from "../../check/chooseRubric";
import { derivation } from "../../check/recognize";
import type { Rubric } from "../../rubric/schema";
import type { Grid } from "../../sheet/grid";
import { analysisOf, type Analysis } from "./analysis";

export function analyze(grids: Grid[], rubrics: readonly Rubric[], chosen?: Rubric, file = "当前工作簿"): Analysis {
  const { sheets, primary } = chooseRubric(grids, rubrics, { chosen, file, derivation });
  return analysisOf(grids, sheets, primary);
}
