/**
 * Applying a WorkbookPlan to an .xlsx workbook with exceljs, and writing it out deterministically.
 *
 * What exceljs 4.4.0 gets wrong, and what this file does about it:
 * - Cells read from a file share one style object per style id: changing `cell.font` on one cell
 *   changes every cell with that style. Every style change here gives the cell its own copy first.
 * - A data validation read from a range ("D3:D40") is kept cell by cell and written back as
 *   overlapping ranges ("D10:D40" and "D3:D40"). Before writing, validations are regrouped into
 *   disjoint rectangles (`compactValidations`).
 * - A new conditional-format rule without a priority gets the sheet's highest priority, not one
 *   more: rules here always get a unique priority.
 * - Overwriting the master cell of a shared formula would silently change (or, for a value, break
 *   the writing of) every cell sharing it: those cells get their own formula first.
 * - The zip's entry dates and docProps dates come from the clock: `writeWorkbook` pins them, so the
 *   same workbook and plan always give the same bytes.
 *
 * Applying a plan twice gives the same workbook as applying it once: validations and merges
 * replace what is on their range, a conditional format replaces an identical rule (same range and
 * formula) and keeps its priority, addSheet reuses an existing sheet.
 */
import * as ExcelJS from "exceljs";
import JSZip from "jszip";
import { withComputedResults } from "../../plan/computed";
import type { CellStyle, PlanOp, PlanResult, PlanValue, WorkbookPlan } from "../../plan/plan";
import { areaA1, parseA1, parseArea } from "../../sheet/grid";
import { XlsxWorkbook, excelWorkbookOf, fileDatesOf } from "./read";

/** A plan the adapter cannot apply (a bug in whatever built the plan). */
export class XlsxApplyError extends Error {
  readonly opIndex: number;

  constructor(opIndex: number, op: PlanOp, reason: string) {
    super(`计划第 ${opIndex + 1} 步（${op.op}${"sheet" in op ? " " + op.sheet : ""}）无法应用：${reason}`);
    this.name = "XlsxApplyError";
    this.opIndex = opIndex;
    Object.setPrototypeOf(this, XlsxApplyError.prototype);
  }
}

class OpError extends Error {}

/** Shading of cells the user fills (`input: true`): Excel's light yellow "Note" fill. */
export const INPUT_FILL = "#FFF2CC";

/** Excel's limits on data-validation messages; longer ones make Excel repair the file. */
const PROMPT_TITLE_MAX = 32;
const PROMPT_MAX = 255;
const ERROR_TITLE_MAX = 32;
const ERROR_MAX = 225;
/** An inline list ("是,否") may hold at most 255 characters. */
const LIST_MAX = 255;

/** The worksheet members exceljs 4.4.0 has but its typings leave out. */
type Sheet = ExcelJS.Worksheet & {
  dataValidations: { model: Record<string, ExcelJS.DataValidation | undefined> };
  conditionalFormattings: ExcelJS.ConditionalFormattingOptions[];
};

interface Rect {
  /** 1-based, inclusive, as exceljs counts. */
  top: number;
  left: number;
  bottom: number;
  right: number;
}

// --- applying ------------------------------------------------------------------------------------

/** Applies every op, in order. Throws XlsxApplyError for an op that cannot be applied. */
export function applyPlan(workbook: XlsxWorkbook, planned: WorkbookPlan): void {
  // Every formula written, and every formula whose value this changes, saves the value a
  // spreadsheet computes for the workbook as written (WPS and LibreOffice show saved results).
  const plan = withComputedResults(workbook.savedGrids(), planned, workbook.definedNames());
  workbook.changed();
  const wb = excelWorkbookOf(workbook);
  const shared = new SharedFormulas();
  plan.ops.forEach((op, i) => {
    try {
      applyOp(wb, op, shared);
    } catch (e) {
      if (e instanceof XlsxApplyError) throw e;
      throw new XlsxApplyError(i, op, e instanceof Error ? e.message : String(e));
    }
  });
  keepActiveTabVisible(wb);
}

function applyOp(wb: ExcelJS.Workbook, op: PlanOp, shared: SharedFormulas): void {
  if (op.op === "addSheet") {
    addSheet(wb, op);
    return;
  }
  const ws = wb.getWorksheet(op.sheet) as Sheet | undefined;
  if (!ws) throw new OpError(`没有名为“${op.sheet}”的工作表`);
  switch (op.op) {
    case "clearSheet":
      clearSheet(ws);
      shared.forget(ws);
      return;
    case "set": {
      const cell = ws.getCell(cellAddress(op.cell));
      if (op.formula !== undefined || op.value !== undefined) shared.detach(ws, cell.address);
      setValue(cell, op.value, op.formula, op.result);
      if (op.link)
        cell.value = {
          text: String(op.value ?? ""),
          hyperlink: "#'" + op.link.sheet.replace(/'/g, "''") + "'!" + op.link.cell,
        };
      if (op.style) applyStyle(cell, op.style);
      return;
    }
    case "style": {
      const r = parseRange(op.range);
      for (let row = r.top; row <= r.bottom; row++) {
        for (let col = r.left; col <= r.right; col++) applyStyle(ws.getCell(row, col), op.style);
      }
      return;
    }
    case "cache": {
      const cell = ws.getCell(cellAddress(op.cell));
      if (cell.type !== ExcelJS.ValueType.Formula) return;
      const formula = cell.formula;
      checkValue(op.result, cell.address);
      shared.detach(ws, cell.address);
      cell.value = op.result === null ? { formula } : ({ formula, result: op.result } as ExcelJS.CellFormulaValue);
      return;
    }
    case "validation":
      addValidation(ws, op);
      return;
    case "conditionalFormat":
      addConditionalFormat(ws, op);
      return;
    case "merge":
      merge(ws, op.range);
      return;
    case "freeze":
      freeze(ws, op.rows, op.columns);
      return;
    default: {
      const never: never = op;
      throw new OpError("未知操作 " + JSON.stringify(never));
    }
  }
}

function addSheet(wb: ExcelJS.Workbook, op: Extract<PlanOp, { op: "addSheet" }>): void {
  let ws = wb.getWorksheet(op.sheet);
  if (!ws) {
    ws = wb.addWorksheet(op.sheet, { state: op.hidden ? "hidden" : "visible" });
  } else if (op.hidden !== undefined) {
    ws.state = op.hidden ? "hidden" : "visible";
  }
  (op.columnWidths || []).forEach((width, i) => {
    if (typeof width === "number" && Number.isFinite(width) && width > 0) ws!.getColumn(i + 1).width = width;
  });
  for (const col of op.hiddenColumns || []) ws.getColumn(col + 1).hidden = true;
}

/**
 * Empties a sheet in place: values, formulas, notes, styles, merges, validations, conditional
 * formats, tables, pictures and the autofilter go; the sheet's position, state, column widths,
 * views and protection stay.
 */
function clearSheet(ws: Sheet): void {
  for (const range of ws.model.merges || []) ws.unMergeCells(range);
  // exceljs's model setter rebuilds the sheet from a model; give it one with nothing in it.
  const model = ws.model as unknown as Record<string, unknown>;
  (ws as unknown as { model: unknown }).model = {
    ...model,
    rows: [],
    mergeCells: [],
    dataValidations: {},
    conditionalFormattings: [],
    tables: [],
    media: [],
    autoFilter: undefined,
  };
}

function setValue(
  cell: ExcelJS.Cell,
  value: PlanValue | undefined,
  formula: string | undefined,
  result: PlanResult | undefined
): void {
  if (formula !== undefined) {
    const text = formula.replace(/^=/, "").trim();
    if (!text) throw new OpError(`单元格 ${cell.address} 的公式为空`);
    checkValue(result, cell.address);
    cell.value =
      result === null || result === undefined
        ? { formula: text }
        : ({ formula: text, result } as ExcelJS.CellFormulaValue);
    return;
  }
  if (value === undefined) return;
  checkValue(value, cell.address);
  cell.value = value;
}

function checkValue(value: PlanResult | undefined, address: string): void {
  if (typeof value === "number" && !Number.isFinite(value))
    throw new OpError(`单元格 ${address} 的数值无效（${value}）`);
  if (typeof value === "string" && value.length > 32767)
    throw new OpError(`单元格 ${address} 的文字超过 Excel 的 32767 字符上限`);
}

// --- styles ------------------------------------------------------------------------------------

function argb(color: string): string {
  const m = /^#?([0-9a-fA-F]{6})$/.exec(color);
  if (!m) throw new OpError(`颜色应为 #RRGGBB：${color}`);
  return "FF" + m[1].toUpperCase();
}

function solidFill(color: string): ExcelJS.Fill {
  return { type: "pattern", pattern: "solid", fgColor: { argb: argb(color) } };
}

function applyStyle(cell: ExcelJS.Cell, style: CellStyle): void {
  // A copy, never the object exceljs shares between all cells of one style.
  const s: Partial<ExcelJS.Style> = { ...cell.style };
  if (style.bold !== undefined || style.fontColor !== undefined) {
    const font: Partial<ExcelJS.Font> = { ...s.font };
    if (style.bold !== undefined) font.bold = style.bold;
    if (style.fontColor !== undefined) font.color = { argb: argb(style.fontColor) };
    s.font = font;
  }
  if (style.input) {
    s.fill = solidFill(INPUT_FILL);
    s.protection = { ...s.protection, locked: false };
  }
  if (style.fill !== undefined) s.fill = solidFill(style.fill);
  if (style.wrap !== undefined || style.align !== undefined) {
    const alignment: Partial<ExcelJS.Alignment> = { ...s.alignment };
    if (style.wrap !== undefined) alignment.wrapText = style.wrap;
    if (style.align !== undefined) alignment.horizontal = style.align;
    s.alignment = alignment;
  }
  if (style.numberFormat !== undefined) s.numFmt = style.numberFormat;
  cell.style = s;
}

// --- data validation -------------------------------------------------------------------------------

function clip(text: string, max: number): string {
  return text.length <= max ? text : text.slice(0, max - 1) + "…";
}

function addValidation(ws: Sheet, op: Extract<PlanOp, { op: "validation" }>): void {
  const rect = parseRange(op.range);
  const rule = op.rule;
  let dv: ExcelJS.DataValidation;
  if (rule.type === "list") {
    if (rule.values.length === 0) throw new OpError("下拉列表没有选项");
    for (const v of rule.values) {
      if (/[,"]/.test(v) || v === "")
        throw new OpError(`下拉列表的选项不能为空或含英文逗号、引号：${JSON.stringify(v)}`);
    }
    const list = rule.values.join(",");
    if (list.length > LIST_MAX)
      throw new OpError(`下拉列表的选项合计 ${list.length} 字符，超过 Excel 的 ${LIST_MAX} 字符上限`);
    dv = { type: "list", allowBlank: true, formulae: [`"${list}"`] };
  } else if (rule.type === "decimal" || rule.max !== undefined) {
    const max = rule.max as number;
    if (!Number.isFinite(rule.min) || !Number.isFinite(max) || rule.min > max)
      throw new OpError(`范围无效：${rule.min}～${max}`);
    dv = { type: rule.type, operator: "between", allowBlank: true, formulae: [rule.min, max] };
  } else {
    if (!Number.isFinite(rule.min)) throw new OpError(`下限无效：${rule.min}`);
    dv = { type: "whole", operator: "greaterThanOrEqual", allowBlank: true, formulae: [rule.min] };
  }
  if (op.prompt) {
    dv.showInputMessage = true;
    dv.promptTitle = clip(op.prompt.title, PROMPT_TITLE_MAX);
    dv.prompt = clip(op.prompt.message, PROMPT_MAX);
  }
  // Without showErrorMessage Excel accepts anything typed: always on, "stop".
  dv.showErrorMessage = true;
  dv.errorStyle = "stop";
  if (op.error) {
    dv.errorTitle = clip(op.error.title, ERROR_TITLE_MAX);
    dv.error = clip(op.error.message, ERROR_MAX);
  }
  removeValidations(ws, rect);
  ws.dataValidations.model[rectA1(rect)] = dv;
}

/** Removes validations on `rect`; a validation reaching outside it keeps the part outside. */
function removeValidations(ws: Sheet, rect: Rect): void {
  const model = ws.dataValidations.model;
  for (const key of Object.keys(model)) {
    const dv = model[key];
    if (!dv) {
      delete model[key];
      continue;
    }
    for (const part of key.split(/\s+/)) {
      const k = tryParseRange(part);
      if (!k || !overlaps(k, rect)) continue;
      delete model[key];
      // Keep what lies outside rect (every part of the key), cell by cell; compacted on writing.
      for (const p of key.split(/\s+/)) {
        const kp = tryParseRange(p);
        if (!kp) continue;
        forEachCell(kp, (row, col) => {
          if (!inside(rect, row, col)) model[a1(row, col)] = dv;
        });
      }
      break;
    }
  }
}

/** Regroups cell-by-cell validations into disjoint rectangles (exceljs writes overlaps otherwise). */
function compactValidations(ws: Sheet): void {
  const model = ws.dataValidations.model;
  const groups = new Map<string, { dv: ExcelJS.DataValidation; cells: Array<[number, number]> }>();
  for (const key of Object.keys(model)) {
    const dv = model[key];
    if (!dv) {
      delete model[key];
      continue;
    }
    const parts = key.split(/\s+/);
    const single = parts.length > 1 || parts.every((p) => p.indexOf(":") < 0);
    if (!single) continue; // one range: exceljs writes it as it is
    delete model[key];
    const id = JSON.stringify(dv);
    let g = groups.get(id);
    if (!g) groups.set(id, (g = { dv, cells: [] }));
    for (const p of parts) {
      const r = tryParseRange(p);
      if (r) forEachCell(r, (row, col) => g!.cells.push([row, col]));
    }
  }
  for (const { dv, cells } of groups.values()) {
    for (const r of rectangles(cells)) model[rectA1(r)] = dv;
  }
}

/** Disjoint rectangles covering a set of cells: vertical runs per column, joined across columns. */
function rectangles(cells: Array<[number, number]>): Rect[] {
  const seen = new Set<string>();
  const unique = cells.filter(([r, c]) => {
    const k = r + "," + c;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
  unique.sort((a, b) => a[1] - b[1] || a[0] - b[0]);
  const runs: Rect[] = [];
  for (const [row, col] of unique) {
    const last = runs[runs.length - 1];
    if (last && last.left === col && last.bottom === row - 1) last.bottom = row;
    else runs.push({ top: row, bottom: row, left: col, right: col });
  }
  const byRows = new Map<string, Rect[]>();
  for (const run of runs) {
    const k = run.top + ":" + run.bottom;
    const list = byRows.get(k) || [];
    const last = list[list.length - 1];
    if (last && last.right === run.left - 1) last.right = run.left;
    else list.push({ ...run });
    byRows.set(k, list);
  }
  const out: Rect[] = [];
  for (const list of byRows.values()) out.push(...list);
  return out.sort((a, b) => a.top - b.top || a.left - b.left);
}

// --- conditional formats -------------------------------------------------------------------------

function addConditionalFormat(ws: Sheet, op: Extract<PlanOp, { op: "conditionalFormat" }>): void {
  const ref = rectA1(parseRange(op.range));
  const formula = op.formula.replace(/^=/, "").trim();
  if (!formula) throw new OpError("条件格式的公式为空");
  const style: Partial<ExcelJS.Style> = {};
  if (op.style.fill !== undefined)
    style.fill = { type: "pattern", pattern: "solid", bgColor: { argb: argb(op.style.fill) } };
  if (op.style.fontColor !== undefined || op.style.bold !== undefined) {
    const font: Partial<ExcelJS.Font> = {};
    if (op.style.fontColor !== undefined) font.color = { argb: argb(op.style.fontColor) };
    if (op.style.bold !== undefined) font.bold = op.style.bold;
    style.font = font;
  }

  if (!ws.conditionalFormattings) ws.conditionalFormattings = [];
  let priority: number | undefined;
  for (const cf of ws.conditionalFormattings) {
    if (cf.ref !== ref) continue;
    cf.rules = cf.rules.filter((rule) => {
      const same = rule.type === "expression" && (rule.formulae || [])[0] === formula;
      if (same) priority = rule.priority;
      return !same;
    });
  }
  ws.conditionalFormattings = ws.conditionalFormattings.filter((cf) => cf.rules.length > 0);
  if (priority === undefined) {
    let max = 0;
    for (const cf of ws.conditionalFormattings) for (const rule of cf.rules) max = Math.max(max, rule.priority || 0);
    priority = max + 1;
  }
  ws.addConditionalFormatting({
    ref,
    rules: [{ type: "expression", priority, formulae: [formula], style }],
  });
}

// --- merges, freeze panes ----------------------------------------------------------------------------

function merge(ws: Sheet, range: string): void {
  const rect = parseRange(range);
  const ref = rectA1(rect);
  if (rect.top === rect.bottom && rect.left === rect.right) return; // one cell: nothing to merge
  for (const existing of ws.model.merges || []) {
    const e = tryParseRange(existing);
    if (!e) continue;
    if (rectA1(e) === ref) return; // already so
    if (overlaps(e, rect)) ws.unMergeCells(existing);
  }
  ws.mergeCells(ref);
}

function freeze(ws: Sheet, rows: number, columns: number): void {
  if (!(rows >= 0) || !(columns >= 0)) throw new OpError(`冻结的行列数无效：${rows} 行 ${columns} 列`);
  const previous = (ws.views && ws.views[0]) || {};
  const {
    xSplit: _x,
    ySplit: _y,
    topLeftCell: _t,
    state: _s,
    ...rest
  } = previous as Partial<ExcelJS.WorksheetViewFrozen> & Partial<ExcelJS.WorksheetView>;
  const view =
    rows === 0 && columns === 0
      ? { ...rest, state: "normal" as const }
      : { ...rest, state: "frozen" as const, xSplit: columns, ySplit: rows };
  ws.views = [view as Partial<ExcelJS.WorksheetView>];
}

/** Excel opens on the workbook's active tab: never leave it on a sheet the plan hid. */
function keepActiveTabVisible(wb: ExcelJS.Workbook): void {
  const sheets = wb.worksheets;
  const firstVisible = sheets.findIndex((ws) => ws.state === "visible" || !ws.state);
  if (firstVisible < 0) throw new Error("计划会隐藏所有工作表，Excel 无法打开这样的工作簿");
  const views = (wb as unknown as { views?: Array<{ activeTab?: number; firstSheet?: number }> }).views;
  const view = views && views[0];
  let active = firstVisible;
  if (view) {
    const current = view.activeTab || 0;
    if (sheets[current] && sheets[current].state !== "hidden" && sheets[current].state !== "veryHidden")
      active = current;
    view.activeTab = active;
    if (view.firstSheet !== undefined && view.firstSheet > active) view.firstSheet = active;
  }
  sheets.forEach((ws, i) => {
    const v = ws.views && (ws.views[0] as { tabSelected?: boolean } | undefined);
    if (v && v.tabSelected && i !== active && ws.state !== "visible") v.tabSelected = false;
  });
}

// --- shared formulas ---------------------------------------------------------------------------------

/** Cells that share a master's formula, found once per sheet per plan. */
class SharedFormulas {
  private readonly index = new Map<ExcelJS.Worksheet, Map<string, ExcelJS.Cell[]>>();

  forget(ws: ExcelJS.Worksheet): void {
    this.index.delete(ws);
  }

  /** Before `address` is overwritten: every cell sharing its formula gets the formula itself. */
  detach(ws: ExcelJS.Worksheet, address: string): void {
    let byMaster = this.index.get(ws);
    if (!byMaster) {
      byMaster = new Map();
      const map = byMaster;
      ws.eachRow({ includeEmpty: false }, (row) => {
        row.eachCell({ includeEmpty: false }, (cell) => {
          const master = sharedMasterOf(cell);
          if (master) map.set(master, [...(map.get(master) || []), cell]);
        });
      });
      this.index.set(ws, byMaster);
    }
    const clones = byMaster.get(address);
    if (!clones) return;
    byMaster.delete(address);
    for (const cell of clones) {
      if (sharedMasterOf(cell) !== address) continue; // overwritten since
      const formula = cell.formula;
      const result = cell.result;
      cell.value = result === undefined ? { formula } : { formula, result };
    }
  }
}

function sharedMasterOf(cell: ExcelJS.Cell): string | undefined {
  if (cell.type !== ExcelJS.ValueType.Formula) return undefined;
  const v = cell.value as ExcelJS.CellSharedFormulaValue;
  return v && typeof v.sharedFormula === "string" ? v.sharedFormula : undefined;
}

// --- A1 ranges -------------------------------------------------------------------------------------

function cellAddress(address: string): string {
  const { row, col } = parseA1(address.trim());
  return a1(row + 1, col + 1);
}

function parseRange(range: string): Rect {
  const r = tryParseRange(range);
  if (!r) throw new OpError(`区域地址无效：${range}`);
  return r;
}

function tryParseRange(range: string): Rect | undefined {
  const area = parseArea(range);
  return area && { top: area.top + 1, left: area.left + 1, bottom: area.bottom + 1, right: area.right + 1 };
}

function rectA1(r: Rect): string {
  return areaA1({ top: r.top - 1, left: r.left - 1, bottom: r.bottom - 1, right: r.right - 1 });
}

function a1(row: number, col: number): string {
  return areaA1({ top: row - 1, left: col - 1, bottom: row - 1, right: col - 1 });
}

function overlaps(a: Rect, b: Rect): boolean {
  return a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;
}

function inside(r: Rect, row: number, col: number): boolean {
  return row >= r.top && row <= r.bottom && col >= r.left && col <= r.right;
}

function forEachCell(r: Rect, f: (row: number, col: number) => void): void {
  for (let row = r.top; row <= r.bottom; row++) for (let col = r.left; col <= r.right; col++) f(row, col);
}

// --- writing ---------------------------------------------------------------------------------------

export interface WriteOptions {
  /**
   * Stamped as the workbook's "modified" date and on every zip entry. Default: the date the
   * workbook already carries (its "modified", else "created"), else 2020-01-01 — never the clock,
   * so the same input and plan give the same bytes.
   */
  date?: Date;
}

export const PINNED_DATE = new Date(Date.UTC(2020, 0, 1, 0, 0, 0));

function validDate(d: unknown): d is Date {
  return d instanceof Date && !Number.isNaN(d.getTime());
}

/** The workbook as .xlsx bytes, deterministic for a given workbook and `options.date`. */
export async function writeWorkbook(workbook: XlsxWorkbook, options: WriteOptions = {}): Promise<Buffer> {
  const wb = excelWorkbookOf(workbook);
  const own = fileDatesOf(workbook);
  const created = validDate(own.created) ? own.created : undefined;
  const modified = validDate(own.modified) ? own.modified : undefined;
  const date = validDate(options.date) ? options.date : modified || created || PINNED_DATE;
  wb.created = created || date;
  wb.modified = date;
  for (const ws of wb.worksheets) compactValidations(ws as Sheet);
  // Saved results are right, but programs that honour it recompute on open all the same.
  wb.calcProperties = { ...wb.calcProperties, fullCalcOnLoad: true };

  const raw = await wb.xlsx.writeBuffer();
  const source = await JSZip.loadAsync(raw as ArrayBuffer);
  const out = new JSZip();
  for (const name of Object.keys(source.files)) {
    const entry = source.files[name];
    if (entry.dir) continue;
    out.file(name, await entry.async("uint8array"), { date, createFolders: false });
  }
  const bytes = await out.generateAsync({
    type: "uint8array",
    compression: "DEFLATE",
    compressionOptions: { level: 6 },
    platform: "DOS",
  });
  return typeof Buffer !== "undefined"
    ? Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
    : (bytes as unknown as Buffer);
}
