/**
 * Applying a WorkbookPlan to the open WPS 表格 workbook through the ET API, with the meaning the
 * Office adapter (src/adapters/office/apply.ts) and the exceljs adapter give it:
 *
 * - `set` ops are gathered per sheet and written as rectangles (runs per row, joined down
 *   columns), one `Range.Value2 = [[…]]` per rectangle: a formula as "=…", a constant as itself,
 *   text WPS would parse (a number, a date, "=…") with the quote prefix that keeps it text — the
 *   same contents the Office adapter gives `range.formulas` (office/blocks.ts, `cellContent`). As
 *   in VBA, a string starting with "=" assigned to Value2 is a formula. The cached `result` is not
 *   written: WPS computes formulas itself.
 * - Styles: bold and font colour, fill (`Interior.Color`), wrap, horizontal alignment, number
 *   format, one assignment per rectangle of cells with the same style; `input: true` is the light
 *   yellow #FFF2CC and `Locked = false`. Colours are VBA's BGR numbers (R + G·256 + B·65536).
 * - `link`: `Hyperlinks.Add(cell, "", "'Sheet'!A1", "", text)`.
 * - `validation`: `Validation.Delete()`, then `Validation.Add(type, stop, operator, f1, f2)`; blanks
 *   allowed; the prompt when given; always a stop alert, with the plan's title and message.
 * - `conditionalFormat`: the rules on the plan's ranges are deleted, then each added as an
 *   expression (`FormatConditions.Add(xlExpression, , "=formula")`) in plan order, each put last
 *   (`SetLastPriority`) so the first op keeps the top priority. As in VBA, relative references in
 *   a rule's formula are taken from the active cell: the range's top-left cell is selected first,
 *   and the user's sheet and selection are given back afterwards.
 * - `clearSheet` empties the sheet in place (`Cells`: merges, validations, conditional formats,
 *   contents and formats; column widths stay), so the sheet keeps its position and the references to it; `addSheet`
 *   reuses a sheet of that name or adds one after the last, hides it (`Visible = xlSheetHidden`:
 *   Excel's "Hidden", so _ziping is shared with Excel) and sets column widths (characters, as in
 *   the plan and the file format).
 * - `merge` unmerges what overlaps, then merges; `freeze` sets the window's split and freezes it.
 *
 * While a plan is applied `isApplying()` is true, `EnableEvents` is off and `ScreenUpdating` too;
 * all three come back whatever happens. A member this WPS build lacks (a member that reads
 * undefined) skips its op with a Chinese note, never an error. A plan that cannot be applied at all
 * is rejected before anything is written (../planCheck.ts).
 */
import type { PlanOp, WorkbookPlan } from "../../plan/plan";
import { type Area, areaA1, columnLetter, parseArea } from "../../sheet/grid";
import { addPending, type CfOp, type Content, type PendingCell, type PendingSheet, rectangles } from "../blocks";
import { missingSheetProblem, planProblem } from "../planCheck";
import { NO_WORKBOOK, toWpsError, WpsActionError } from "./action";
import {
  XL_BETWEEN,
  XL_EXPRESSION,
  XL_GREATER_EQUAL,
  XL_HALIGN,
  XL_SHEET_HIDDEN,
  XL_SHEET_VISIBLE,
  XL_VALID_ALERT_STOP,
  XL_VALIDATE_DECIMAL,
  XL_VALIDATE_LIST,
  XL_VALIDATE_WHOLE_NUMBER,
  type EtApplication,
  type EtRange,
  type EtWorksheet,
} from "./et";
import {
  clip,
  ERROR_MAX,
  ERROR_TITLE_MAX,
  INPUT_FILL,
  PROMPT_MAX,
  PROMPT_TITLE_MAX,
  quoteSheet,
  resolveStyle,
  type ResolvedStyle,
} from "../cellStyle";

export { INPUT_FILL };

export type WpsSkipReason = "validation" | "conditionalFormat" | "link" | "freeze" | "merge" | "columnWidth" | "unlock";

/** One Chinese line per kind of skip. */
export const WPS_SKIP_NOTES: Record<WpsSkipReason, string> = {
  validation: "当前 WPS 版本不支持通过加载项设置数据验证，已跳过下拉列表和数值范围",
  conditionalFormat: "当前 WPS 版本不支持通过加载项设置条件格式，已跳过按条件标色（如未达标、未填写）",
  link: "当前 WPS 版本不支持通过加载项添加超链接，已跳过跳转链接，文字照常写入",
  freeze: "当前 WPS 版本不支持通过加载项冻结窗格，已跳过冻结表头",
  merge: "当前 WPS 版本不支持通过加载项合并单元格，已跳过合并，内容照常写入",
  columnWidth: "当前 WPS 版本不支持通过加载项设置列宽，已跳过列宽",
  unlock: "当前 WPS 版本不支持通过加载项设置单元格锁定，填写区仍标为黄色，但未解除锁定",
};

export interface WpsApplyResult {
  /** Ops applied (a `set` whose link was skipped still counts). */
  applied: number;
  skipped: Partial<Record<WpsSkipReason, number>>;
  notes: string[];
  /** Value2 assignments made for `set` ops: one per rectangle, never one per cell. */
  blockWrites: number;
}

// --- our own writes and the change events -----------------------------------------------------------

let running = 0;
let finishedAt = -Infinity;

/** True while a plan is applied, and for `graceMs` after (WPS may deliver the events late). */
export function isApplying(graceMs = 0): boolean {
  return running > 0 || (graceMs > 0 && Date.now() - finishedAt < graceMs);
}

// --- the plan -----------------------------------------------------------------------------------

interface Context {
  app: EtApplication;
  skip(reason: WpsSkipReason, n?: number): void;
  blockWrites: number;
  /** A sheet was activated or a cell selected: give the user's back at the end. */
  moved: boolean;
}

/** Rejects a plan the adapter cannot apply, before anything is written. */
export function checkPlan(plan: WorkbookPlan): void {
  const problem = planProblem(plan);
  if (problem) throw new WpsActionError("InvalidPlan", problem);
}

/** Applies `plan` to the active workbook. Synchronous, as the ET API is. */
export function applyPlan(app: EtApplication, plan: WorkbookPlan): WpsApplyResult {
  checkPlan(plan);
  const workbook = app.ActiveWorkbook;
  if (!workbook) throw new WpsActionError("NoWorkbook", NO_WORKBOOK);

  const skipped: Partial<Record<WpsSkipReason, number>> = {};
  const ctx: Context = {
    app,
    blockWrites: 0,
    moved: false,
    skip(reason, n = 1) {
      if (n > 0) skipped[reason] = (skipped[reason] || 0) + n;
    },
  };
  let applied = 0;

  running++;
  const restore = quiet(app);
  const where = whereTheUserIs(app);
  try {
    const sheets = new Map<string, EtWorksheet>();
    const collection = workbook.Worksheets;
    for (let i = 1; i <= collection.Count; i++) {
      const ws = collection.Item(i);
      sheets.set(String(ws.Name), ws);
    }
    const missing = missingSheetProblem(plan, sheets.keys());
    if (missing) throw new WpsActionError("ItemNotFound", missing);
    const sheet = (name: string): EtWorksheet => sheets.get(name)!;

    const pending = new Map<string, PendingSheet>();
    const pendingOf = (name: string): PendingSheet => {
      let p = pending.get(name);
      if (!p) pending.set(name, (p = { cells: new Map(), cfs: [] }));
      return p;
    };
    const flush = () => {
      pending.forEach((p, name) => flushSheet(ctx, sheet(name), p));
      pending.clear();
    };

    for (const op of plan.ops) {
      switch (op.op) {
        case "addSheet": {
          flush();
          let ws = sheets.get(op.sheet);
          if (!ws) {
            const last = collection.Item(collection.Count);
            ws = collection.Add(undefined, last);
            ws.Name = op.sheet;
            sheets.set(op.sheet, ws);
            ctx.moved = true; // adding a sheet activates it
          }
          if (op.hidden !== undefined) ws.Visible = op.hidden ? XL_SHEET_HIDDEN : XL_SHEET_VISIBLE;
          const widths = (op.columnWidths || [])
            .map((width, col) => ({ width, col }))
            .filter(({ width }) => typeof width === "number" && Number.isFinite(width) && width > 0);
          for (const { width, col } of widths) {
            const letters = columnLetter(col);
            const column = ws.Range(letters + ":" + letters);
            if (column.ColumnWidth === undefined) {
              ctx.skip("columnWidth");
              break;
            }
            column.ColumnWidth = width;
          }
          // Ids a person need not see (自评依据's keys, 校验报告's finding keys) stay, hidden.
          for (const col of op.hiddenColumns || []) {
            const letters = columnLetter(col);
            const column = ws.Range(letters + ":" + letters);
            // A whole-column range: hiding it hides the column (Range.Hidden, as in VBA).
            if (column.Hidden === undefined) {
              ctx.skip("columnWidth");
              break;
            }
            column.Hidden = true;
          }
          applied++;
          break;
        }
        case "clearSheet": {
          flush();
          // The whole sheet (Cells), not its used range: validations and rules may lie beyond it.
          const all = sheet(op.sheet).Cells;
          if (typeof all.UnMerge === "function") all.UnMerge();
          if (all.Validation) all.Validation.Delete();
          if (all.FormatConditions) all.FormatConditions.Delete();
          all.Clear();
          applied++;
          break;
        }
        case "set":
          addPending(pendingOf(op.sheet), op);
          applied++;
          break;
        case "style": {
          flush();
          applyStyle(ctx, sheet(op.sheet), parseArea(op.range)!, resolveStyle([op.style]));
          applied++;
          break;
        }
        case "validation": {
          const range = sheet(op.sheet).Range(areaA1(parseArea(op.range)!));
          const dv = range.Validation;
          if (!dv || typeof dv.Add !== "function") {
            ctx.skip("validation");
            break;
          }
          dv.Delete();
          addValidation(dv, op);
          applied++;
          break;
        }
        case "conditionalFormat":
          pendingOf(op.sheet).cfs.push(op);
          applied++;
          break;
        case "merge": {
          flush();
          const area = parseArea(op.range)!;
          if (area.top !== area.bottom || area.left !== area.right) {
            const range = sheet(op.sheet).Range(areaA1(area));
            if (typeof range.Merge !== "function") {
              ctx.skip("merge");
              break;
            }
            range.UnMerge();
            range.Merge();
          }
          applied++;
          break;
        }
        case "freeze": {
          flush();
          const ws = sheet(op.sheet);
          ws.Activate();
          ctx.moved = true;
          const window = app.ActiveWindow;
          if (!window || window.FreezePanes === undefined) {
            ctx.skip("freeze");
            break;
          }
          window.FreezePanes = false;
          window.ScrollRow = 1;
          window.ScrollColumn = 1;
          window.SplitRow = op.rows;
          window.SplitColumn = op.columns;
          if (op.rows > 0 || op.columns > 0) window.FreezePanes = true;
          applied++;
          break;
        }
        case "cache":
          // WPS computes every formula itself: saved results are for files only.
          break;
        default: {
          // A new op kind fails to compile here until the WPS adapter applies it.
          const never: never = op;
          throw new WpsActionError("InvalidPlan", "计划中有未知的操作：" + JSON.stringify(never));
        }
      }
    }
    flush();
  } catch (e) {
    throw toWpsError(e, "写入工作簿");
  } finally {
    if (ctx.moved) where.restore();
    restore();
    running--;
    finishedAt = Date.now();
  }

  const notes = (Object.keys(WPS_SKIP_NOTES) as WpsSkipReason[])
    .filter((reason) => skipped[reason])
    .map((reason) => WPS_SKIP_NOTES[reason]);
  return { applied, skipped, notes, blockWrites: ctx.blockWrites };
}

/** Screen updating and events off while we write; gives back what was there. */
function quiet(app: EtApplication): () => void {
  const screen = app.ScreenUpdating;
  const events = app.EnableEvents;
  try {
    if (screen !== undefined) app.ScreenUpdating = false;
    if (events !== undefined) app.EnableEvents = false;
  } catch {
    // A build that refuses them: our flag (isApplying) still fences the events.
  }
  return () => {
    try {
      if (events !== undefined) app.EnableEvents = events;
      if (screen !== undefined) app.ScreenUpdating = screen;
    } catch {
      // Nothing more to do: the write itself is what the caller hears about.
    }
  };
}

/** The user's active sheet and selected cells, to give back after we had to move. */
function whereTheUserIs(app: EtApplication): { restore(): void } {
  let sheet: EtWorksheet | null = null;
  let address: string | undefined;
  try {
    sheet = app.ActiveSheet;
    address = rangeAddress(app.Selection);
  } catch {
    sheet = null;
  }
  return {
    restore() {
      if (!sheet) return;
      try {
        sheet.Activate();
        if (address) sheet.Range(address).Select();
      } catch {
        // The sheet was hidden or is gone: WPS keeps whatever is active.
      }
    },
  };
}

/** A Range's address without "$" ("B3:C4"), or undefined for anything else (a shape). */
export function rangeAddress(range: unknown): string | undefined {
  if (!range || typeof range !== "object" || !("Address" in range)) return undefined;
  const address = (range as EtRange).Address;
  const text = typeof address === "function" ? address.call(range, false, false) : address;
  if (typeof text !== "string" || !text) return undefined;
  const local = text.slice(text.lastIndexOf("!") + 1).replace(/\$/g, "");
  return local.split(",")[0].trim() || undefined;
}

/** One sheet's gathered cells: contents as rectangles, then styles, links, conditional formats. */
function flushSheet(ctx: Context, ws: EtWorksheet, p: PendingSheet): void {
  const cells = Array.from(p.cells.values());
  const byKey = new Map<string, PendingCell>();
  for (const c of cells) byKey.set(c.row + "," + c.col, c);

  for (const rect of rectangles(cells.filter((c) => c.content !== undefined))) {
    const rows: Content[][] = [];
    for (let r = rect.top; r <= rect.bottom; r++) {
      const row: Content[] = [];
      for (let c = rect.left; c <= rect.right; c++) row.push(byKey.get(r + "," + c)!.content!);
      rows.push(row);
    }
    const range = ws.Range(areaA1(rect));
    // One cell takes a value, several a 2-D array (as in VBA; the declarations type Value2 as
    // `string | Array<any>`, though a number or a boolean is what a number or a boolean cell takes).
    range.Value2 = rows.length === 1 && rows[0].length === 1 ? (rows[0][0] as unknown as string) : rows;
    ctx.blockWrites++;
  }

  const styled = new Map<string, { style: ResolvedStyle; cells: PendingCell[] }>();
  for (const c of cells) {
    if (!c.styles.length) continue;
    const style = resolveStyle(c.styles);
    const key = JSON.stringify(style);
    let group = styled.get(key);
    if (!group) styled.set(key, (group = { style, cells: [] }));
    group.cells.push(c);
  }
  styled.forEach(({ style, cells: group }) => {
    for (const rect of rectangles(group)) applyStyle(ctx, ws, rect, style);
  });

  const links = cells.filter((c) => c.link);
  if (links.length && (!ws.Hyperlinks || typeof ws.Hyperlinks.Add !== "function")) ctx.skip("link", links.length);
  else {
    for (const c of links) {
      const link = c.link!;
      const anchor = ws.Range(areaA1({ top: c.row, left: c.col, bottom: c.row, right: c.col }));
      ws.Hyperlinks.Add(anchor, "", quoteSheet(link.sheet) + "!" + link.cell, "", link.text);
    }
  }

  if (p.cfs.length) addConditionalFormats(ctx, ws, p.cfs);
}

function addConditionalFormats(ctx: Context, ws: EtWorksheet, cfs: CfOp[]): void {
  const first = ws.Range(areaA1(parseArea(cfs[0].range)!));
  if (!first.FormatConditions || typeof first.FormatConditions.Add !== "function") {
    ctx.skip("conditionalFormat", cfs.length);
    return;
  }
  // Rules already on these ranges go first, so that applying a plan twice does not stack them.
  const ranges: string[] = [];
  for (const op of cfs) {
    const r = areaA1(parseArea(op.range)!);
    if (ranges.indexOf(r) < 0) ranges.push(r);
  }
  for (const r of ranges) ws.Range(r).FormatConditions.Delete();

  ws.Activate();
  ctx.moved = true;
  for (const op of cfs) {
    const area = parseArea(op.range)!;
    // Relative references in the rule are read from the active cell: make it the range's top-left.
    ws.Range(areaA1({ top: area.top, left: area.left, bottom: area.top, right: area.left })).Select();
    const formula = "=" + op.formula.trim().replace(/^=/, "").trim();
    const cf = ws.Range(areaA1(area)).FormatConditions.Add(XL_EXPRESSION, undefined, formula);
    if (op.style.fill !== undefined) cf.Interior.Color = bgr(op.style.fill);
    if (op.style.fontColor !== undefined) cf.Font.Color = bgr(op.style.fontColor);
    if (op.style.bold !== undefined) cf.Font.Bold = op.style.bold;
    if (typeof cf.SetLastPriority === "function") cf.SetLastPriority();
  }
}

function addValidation(dv: EtRange["Validation"], op: Extract<PlanOp, { op: "validation" }>): void {
  const rule = op.rule;
  if (rule.type === "list") {
    dv.Add(XL_VALIDATE_LIST, XL_VALID_ALERT_STOP, XL_BETWEEN, rule.values.join(","));
    dv.InCellDropdown = true;
  } else if (rule.type === "decimal") {
    dv.Add(XL_VALIDATE_DECIMAL, XL_VALID_ALERT_STOP, XL_BETWEEN, String(rule.min), String(rule.max));
  } else if (rule.max !== undefined) {
    dv.Add(XL_VALIDATE_WHOLE_NUMBER, XL_VALID_ALERT_STOP, XL_BETWEEN, String(rule.min), String(rule.max));
  } else {
    dv.Add(XL_VALIDATE_WHOLE_NUMBER, XL_VALID_ALERT_STOP, XL_GREATER_EQUAL, String(rule.min));
  }
  dv.IgnoreBlank = true;
  if (op.prompt) {
    dv.ShowInput = true;
    dv.InputTitle = clip(op.prompt.title, PROMPT_TITLE_MAX);
    dv.InputMessage = clip(op.prompt.message, PROMPT_MAX);
  }
  // Without ShowError WPS accepts anything typed: always on, as a stop.
  dv.ShowError = true;
  dv.ErrorTitle = op.error ? clip(op.error.title, ERROR_TITLE_MAX) : "";
  dv.ErrorMessage = op.error ? clip(op.error.message, ERROR_MAX) : "";
}

// --- styles ------------------------------------------------------------------------------------

function applyStyle(ctx: Context, ws: EtWorksheet, area: Area, style: ResolvedStyle): void {
  if (!Object.keys(style).length) return;
  const range = ws.Range(areaA1(area));
  if (style.bold !== undefined) range.Font.Bold = style.bold;
  if (style.fontColor !== undefined) range.Font.Color = bgr(style.fontColor);
  if (style.fill !== undefined) range.Interior.Color = bgr(style.fill);
  if (style.wrap !== undefined) range.WrapText = style.wrap;
  if (style.align !== undefined) range.HorizontalAlignment = XL_HALIGN[style.align];
  if (style.numberFormat !== undefined) range.NumberFormat = style.numberFormat;
  if (style.unlocked) {
    if (range.Locked === undefined) ctx.skip("unlock", (area.bottom - area.top + 1) * (area.right - area.left + 1));
    else range.Locked = false;
  }
}

/** "#RRGGBB" as VBA's colour number: R + G·256 + B·65536. */
export function bgr(color: string): number {
  const hex = color.replace(/^#/, "");
  const r = parseInt(hex.slice(0, 2), 16);
  const g = parseInt(hex.slice(2, 4), 16);
  const b = parseInt(hex.slice(4, 6), 16);
  return r + g * 256 + b * 65536;
}
