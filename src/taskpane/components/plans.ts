/**
 * The plans the pane's actions propose that no core function builds whole: one sheet per
 * responsible unit (names made valid for Excel and unique), and the check that a template would
 * not land on sheets that already exist. Pure.
 */
import { buildFillPlan } from "../../plan/fill";
import { STATE_SHEET } from "../../plan/formulas";
import type { PlanOp, WorkbookPlan } from "../../plan/plan";
import { rowsByUnit, unitSheetOps } from "../../plan/split";
import { buildTemplatePlan } from "../../plan/template";
import type { Rubric } from "../../rubric/schema";
import { cellAt, type Grid } from "../../sheet/grid";
import type { SheetLayout } from "../../sheet/recognize";
import { OWN_SHEETS, type SheetRecognition } from "../../sheet/workbook";

/** Excel's limit on a sheet name's length. */
export const SHEET_NAME_MAX = 31;

/** A unit's name made a valid Excel sheet name: no []:*?/\, no leading or trailing ', at most 31 characters. */
export function validSheetName(name: string): string {
  const cleaned = name
    .replace(/[[\]:*?/\\]/g, "_")
    .replace(/[\r\n\t]/g, " ")
    .trim()
    .replace(/^'+|'+$/g, "");
  const cut = Array.from(cleaned).slice(0, SHEET_NAME_MAX).join("");
  // "History" is reserved by Excel.
  if (!cut || cut.toLowerCase() === "history") return "未命名单位";
  return cut;
}

/** A name not in `taken` (compared as Excel does, ignoring case), "名称 (2)" … within 31 characters. */
export function uniqueSheetName(name: string, taken: ReadonlySet<string>): string {
  const base = validSheetName(name);
  if (!taken.has(base.toLowerCase())) return base;
  for (let n = 2; ; n++) {
    const suffix = " (" + n + ")";
    const candidate =
      Array.from(base)
        .slice(0, SHEET_NAME_MAX - suffix.length)
        .join("") + suffix;
    if (!taken.has(candidate.toLowerCase())) return candidate;
  }
}

/**
 * One sheet per responsible unit. A unit's sheet that a previous split wrote (same name) is
 * cleared and written again, so splitting twice gives the same workbook; the source sheet and
 * Ziping's own sheets are never reused.
 */
export function splitPlan(grids: readonly Grid[], layout: SheetLayout): WorkbookPlan {
  const grid = grids.find((g) => g.sheet === layout.sheet);
  if (!grid) throw new Error("工作簿中没有工作表“" + layout.sheet + "”");
  const existing = new Set(grids.map((g) => g.sheet.toLowerCase()));
  const reserved = new Set([layout.sheet, ...OWN_SHEETS].map((s) => s.toLowerCase()));
  const used = new Set<string>(reserved);
  const ops: PlanOp[] = [];
  const added: string[] = [];
  const rewritten: string[] = [];
  for (const unit of rowsByUnit(layout)) {
    const sheet = uniqueSheetName(unit.unit, used);
    used.add(sheet.toLowerCase());
    ops.push({ op: "addSheet", sheet });
    if (existing.has(sheet.toLowerCase())) {
      ops.push({ op: "clearSheet", sheet });
      rewritten.push(sheet);
    } else added.push(sheet);
    ops.push(...unitSheetOps(grid, layout, unit, sheet));
  }
  const summary: string[] = [];
  if (added.length) summary.push("新建 " + added.length + " 个工作表，每个责任单位一个：" + added.join("、"));
  if (rewritten.length) summary.push("清空并重写已有的 " + rewritten.length + " 个同名工作表：" + rewritten.join("、"));
  const noUnit = layout.rows.filter((r) => r.kind === "indicator" && !r.lead && !r.responsible);
  if (noUnit.length)
    summary.push("第 " + noUnit.map((r) => r.row + 1).join("、") + " 行没有填写责任单位，不分到任何单位");
  summary.push("“" + layout.sheet + "”本身不作改动");
  return { ops, summary, kept: [] };
}

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
export function fillPlan(grids: readonly Grid[], primary: SheetRecognition): WorkbookPlan {
  if (!primary.match) throw new Error("工作表“" + primary.layout.sheet + "”没有相符的评分细则");
  return buildFillPlan(grids, primary.layout, primary.match).plan;
}

/** The rubric id a previous 准备工作簿 recorded in the hidden _ziping sheet (as the CLI reads it). */
export function rememberedRubricId(grids: readonly Grid[]): string | undefined {
  const state = grids.find((g) => g.sheet === STATE_SHEET);
  if (!state) return undefined;
  for (let row = 0; row < state.values.length; row++) {
    const value = cellAt(state, row, 1);
    if (cellAt(state, row, 0) === "rubric" && typeof value === "string") return value;
  }
  return undefined;
}
