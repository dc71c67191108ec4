/**
 * The plans the pane's actions propose: the fill of the recognized sheet, one sheet per unit
 * (src/plan/split.ts), and the check that a template would not land on sheets that exist. Pure.
 */
import { buildFillPlan, type FillOptions } from "../../plan/fill";
import type { WorkbookPlan } from "../../plan/plan";
export { splitPlan, uniqueSheetName, validSheetName } from "../../plan/split";
export { rememberedRubricId } from "../../own/state";
import { buildTemplatePlan } from "../../plan/template";
import type { Rubric } from "../../rubric/schema";
import type { Grid } from "../../sheet/grid";
import type { SheetRecognition } from "../../sheet/workbook";

/** The template plan for a rubric, and the sheets it would add that the workbook already has. */
export function templateProposal(grids: readonly Grid[], rubric: Rubric): { plan: WorkbookPlan; conflicts: string[] } {
  const plan = buildTemplatePlan(rubric);
  const existing = new Set(grids.map((g) => g.sheet.toLowerCase()));
  const conflicts: string[] = [];
  for (const op of plan.ops) {
    if (op.op === "addSheet" && existing.has(op.sheet.toLowerCase()) && conflicts.indexOf(op.sheet) < 0)
      conflicts.push(op.sheet);
  }
  return { plan, conflicts };
}

/** What 准备工作簿 writes: the fill plan for the recognized sheet and its rubric. */
export function fillPlan(grids: readonly Grid[], primary: SheetRecognition, options: FillOptions = {}): WorkbookPlan {
  if (!primary.match) throw new Error("工作表“" + primary.layout.sheet + "”没有相符的评分细则");
  return buildFillPlan(grids, primary.layout, primary.match, options).plan;
}

/**
 * 准备工作簿 as a choice: the plan that keeps the scores people typed and, where it keeps any, the
 * one that replaces them with formulas (the confirmation's 覆盖).
 */
export function fillChoices(
  grids: readonly Grid[],
  primary: SheetRecognition
): { plan: WorkbookPlan; overwrite?: WorkbookPlan } {
  const plan = fillPlan(grids, primary);
  return plan.kept.length ? { plan, overwrite: fillPlan(grids, primary, { overwrite: true }) } : { plan };
}
