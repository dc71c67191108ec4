/**
 * Applying a WorkbookPlan to an .xlsx file by patching its package (issue 12): the parts the plan
 * touches — the sheets it writes, workbook.xml and its relationships and content types for a sheet
 * it adds, styles.xml for formats — are edited as XML trees; every other entry of the zip (charts,
 * pivot tables, drawings, pictures, comments, tables, names, properties, customXml …) is copied byte
 * for byte. Nothing a person made is lost because Ziping does not model it.
 *
 * - Every formula written, and every other formula whose value the plan changes, saves the value a
 *   spreadsheet computes for the workbook as written (plan/computed.ts); calcChain.xml is dropped
 *   when formulas change, and the workbook asks to be recalculated on open.
 * - A protected sheet the plan would write, or a workbook whose structure is locked when the plan
 *   adds a sheet, is refused before anything is changed (XlsxProtectedError): never unprotected.
 * - Applying a plan twice gives the same workbook as applying it once: validations and merges replace
 *   what is on their cells, a conditional format replaces the same rule on the same cells.
 * - The workbook's Grids follow the plan (plan/computed.ts gridsAfter), so reading after a write
 *   needs no second parse of the file.
 */
import { gridsAfter, withComputedResults } from "../../plan/computed";
import { firstMissingSheet, firstPlanProblem, planOpFailure } from "../planCheck";
import { INPUT_FILL } from "../cellStyle";
import type { PlanOp, WorkbookPlan } from "../../plan/plan";
import { parseA1 } from "../../sheet/grid";
import { EMPTY_WORKSHEET, PatchError, SheetPatch } from "./patch/sheet";
import { XlsxPackage } from "./patch/package";
import { EMPTY_STYLES, StyleBook } from "./patch/styles";
import { child, setAttr } from "./patch/xml";
import { XlsxWorkbook, storeOf, type SheetInfo } from "./read";

/** A plan the adapter cannot apply (a bug in whatever built the plan). */
export class XlsxApplyError extends Error {
  readonly opIndex: number;

  constructor(opIndex: number, op: PlanOp, reason: string) {
    super(planOpFailure(opIndex, op, reason));
    this.name = "XlsxApplyError";
    this.opIndex = opIndex;
    Object.setPrototypeOf(this, XlsxApplyError.prototype);
  }
}

/** A plan refused because it would write a protected sheet or add one to a locked workbook. */
export class XlsxProtectedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "XlsxProtectedError";
    Object.setPrototypeOf(this, XlsxProtectedError.prototype);
  }
}

export { INPUT_FILL };

function isOn(value: string | null): boolean {
  return value === "1" || value === "true";
}

/** Refuses, before anything changes, a plan that writes where the workbook's owner locked it. */
function checkProtection(
  pkg: XlsxPackage,
  plan: WorkbookPlan,
  patches: (sheet: string) => SheetPatch | undefined
): void {
  const adds = plan.ops.some((op) => op.op === "addSheet" && !pkg.sheet(op.sheet));
  const lock = child(pkg.workbook, "workbookProtection");
  if (adds && lock && isOn(lock.getAttribute("lockStructure")))
    throw new XlsxProtectedError(
      "工作簿的结构受保护（不能新增工作表），自评助手不会撤销保护，未作任何改动。请在 Excel 或 WPS 中撤销“保护工作簿”后重试。"
    );
  const locked = new Set<string>();
  for (const op of plan.ops) {
    // Refreshing a formula's saved result is not writing: Excel recalculates protected sheets too.
    if (op.op === "addSheet" || op.op === "cache" || locked.has(op.sheet)) continue;
    if (patches(op.sheet)?.isProtected) locked.add(op.sheet);
  }
  if (locked.size)
    throw new XlsxProtectedError(
      "工作表“" +
        Array.from(locked).join("”“") +
        "”设有保护，自评助手不会撤销保护，未作任何改动。请在 Excel 或 WPS 中撤销该工作表的保护后重试。"
    );
}

/** Excel opens on the workbook's active tab: never leave it on a hidden sheet. */
function keepActiveTabVisible(pkg: XlsxPackage): void {
  const sheets = pkg.sheets();
  const first = sheets.findIndex((s) => s.state === "visible");
  if (first < 0) throw new PatchError("计划会隐藏所有工作表，Excel 无法打开这样的工作簿");
  const view = child(child(pkg.workbook, "bookViews") ?? pkg.workbook, "workbookView");
  if (!view) return;
  const active = Number(view.getAttribute("activeTab") || 0);
  if (sheets[active] && sheets[active].state === "visible") return;
  setAttr(view, "activeTab", first);
  const firstSheet = Number(view.getAttribute("firstSheet") || 0);
  if (firstSheet > first) setAttr(view, "firstSheet", first);
  pkg.changed(pkg.workbookPath);
}

/** Applies every op, in order, to the workbook's package. Throws XlsxApplyError for an op that cannot be applied. */
export function applyPlan(workbook: XlsxWorkbook, planned: WorkbookPlan): void {
  const problem =
    firstPlanProblem(planned) ??
    firstMissingSheet(
      planned,
      workbook.sheets().map((s) => s.name)
    );
  if (problem) throw new XlsxApplyError(problem.index, problem.op, problem.reason);
  const plan = withComputedResults(workbook.savedGrids(), planned, workbook.definedNames());
  const store = storeOf(workbook);
  const pkg = new XlsxPackage(store);
  const saved = new Map(workbook.sheets().map((s) => [s.name, s] as const));
  let styles: StyleBook | undefined;
  const styleBook = () => {
    if (!styles) {
      const path = pkg.ensureStyles(EMPTY_STYLES);
      styles = new StyleBook(pkg.doc(path));
    }
    return styles;
  };
  const patches = new Map<string, SheetPatch>();
  const patchOf = (sheet: string): SheetPatch | undefined => {
    const known = patches.get(sheet);
    if (known) return known;
    const entry = pkg.sheet(sheet);
    if (!entry || !pkg.has(entry.path)) return undefined;
    const grid = saved.get(sheet)?.grid;
    const patch = new SheetPatch(pkg.doc(entry.path), {
      styles: styleBook(),
      inputFill: INPUT_FILL,
      formulaAt: (row, col) => grid?.formulas?.[row]?.[col] ?? null,
    });
    patches.set(sheet, patch);
    return patch;
  };

  checkProtection(pkg, plan, patchOf);
  plan.ops.forEach((op, i) => {
    try {
      applyOp(pkg, op, patchOf);
    } catch (e) {
      if (e instanceof XlsxApplyError) throw e;
      throw new XlsxApplyError(i, op, e instanceof Error ? e.message : String(e));
    }
  });
  let formulas = false;
  for (const [sheet, patch] of patches) {
    patch.finish();
    pkg.changed(pkg.sheet(sheet)!.path);
    formulas = formulas || patch.wroteFormulas;
  }
  if (styles?.changed) pkg.changed(pkg.stylesPath()!);
  if (formulas) pkg.dropCalcChain();
  pkg.setFullCalcOnLoad();
  keepActiveTabVisible(pkg);
  pkg.commit();

  // The Grids follow what was written, formats included (a percentage typed reads as shown).
  const grids = gridsAfter(workbook.savedGrids(), plan.ops);
  const states = new Map(pkg.sheets().map((s) => [s.name, s.state] as const));
  const sheets: SheetInfo[] = grids.map((grid) => {
    const state = states.get(grid.sheet) ?? "visible";
    return { name: grid.sheet, state, hidden: state !== "visible", grid };
  });
  workbook.replaceSheets(sheets);
}

function applyOp(pkg: XlsxPackage, op: PlanOp, patchOf: (sheet: string) => SheetPatch | undefined): void {
  if (op.op === "addSheet") {
    let entry = pkg.sheet(op.sheet);
    if (!entry) entry = pkg.addWorksheet(op.sheet, EMPTY_WORKSHEET, op.hidden === true);
    else if (op.hidden !== undefined) {
      setAttr(entry.element, "state", op.hidden ? "hidden" : undefined);
      entry.state = op.hidden ? "hidden" : "visible";
      pkg.changed(pkg.workbookPath);
    }
    patchOf(op.sheet)?.columns(op.columnWidths, op.hiddenColumns);
    return;
  }
  const patch = patchOf(op.sheet);
  if (!patch) throw new PatchError(`没有名为“${op.sheet}”的工作表`);
  switch (op.op) {
    case "clearSheet":
      patch.clear();
      return;
    case "set":
      parseA1(op.cell.trim());
      patch.set({ ...op, cell: op.cell.trim().replace(/\$/g, "") });
      return;
    case "cache":
      patch.cache(op.cell.trim().replace(/\$/g, ""), op.result);
      return;
    case "style":
      patch.styleRange(op.range, op.style);
      return;
    case "validation":
      patch.validation(op);
      return;
    case "conditionalFormat":
      patch.conditionalFormat(op);
      return;
    case "merge":
      patch.merge(op.range);
      return;
    case "freeze":
      patch.freeze(op.rows, op.columns);
      return;
    default: {
      const never: never = op;
      throw new PatchError("未知操作 " + JSON.stringify(never));
    }
  }
}

// --- writing ---------------------------------------------------------------------------------------

export interface WriteOptions {
  /** Stamped on zip entries the plan added. Default: 2020-01-01, never the clock. */
  date?: Date;
}

export const PINNED_DATE = new Date(Date.UTC(2020, 0, 1, 0, 0, 0));

/** The workbook as .xlsx bytes: deterministic for a given input and plan. */
export async function writeWorkbook(workbook: XlsxWorkbook, options: WriteOptions = {}): Promise<Buffer> {
  const date = options.date && !Number.isNaN(options.date.getTime()) ? options.date : PINNED_DATE;
  const bytes = await storeOf(workbook).toBytes(date);
  return typeof Buffer !== "undefined"
    ? Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
    : (bytes as unknown as Buffer);
}
