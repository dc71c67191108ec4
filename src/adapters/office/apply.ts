/**
 * Applying a WorkbookPlan to the open workbook with Office.js, with the same meaning as the exceljs
 * adapter (src/adapters/xlsx/apply.ts) wherever Excel lets us:
 *
 * - Every op is queued, then synced: one `context.sync()` for a plan under ~4 MB (two when the plan
 *   adds sheets: their names are looked up first, so an existing sheet is reused as in the exceljs
 *   adapter). A larger plan is sent in chunks of ~4 MB (estimated as the UTF-8 JSON of what is
 *   assigned, plus a fixed cost per command), under Excel on the web's 5 MB request limit: the
 *   number of syncs follows bytes, never rows.
 * - `set` ops are gathered and written as rectangles (runs per row, joined down columns), one
 *   `range.formulas = [[…]]` per rectangle: a formula as "=…", a constant as itself. The cached
 *   `result` is not written: Excel computes it. Text Excel would parse (a number, a date, "=…")
 *   gets Excel's quote prefix so that it stays text (blocks.ts, `needsQuotePrefix`).
 * - Styles: bold and font colour, fill, wrap, horizontal alignment, number format; `input: true` is
 *   the light yellow fill #FFF2CC and an unlocked cell (locking needs ExcelApi 1.2).
 * - `link`: Range.hyperlink to "'Sheet'!A1" (ExcelApi 1.7).
 * - `validation`: the range's validation is cleared, then the rule set (ExcelApi 1.8): a list as an
 *   in-cell drop-down, decimal and whole numbers between bounds (whole without a maximum: at least
 *   the minimum); blanks allowed; the prompt when given; always a "Stop" alert (Excel accepts
 *   anything typed otherwise), with the plan's title and message when given.
 * - `conditionalFormat`: a custom rule "=formula" (relative to the range's top-left cell, as in the
 *   file format) with fill / font colour / bold (ExcelApi 1.6). Rules already on the plan's ranges
 *   are cleared first (`conditionalFormats.clearAll`) so that applying a plan twice does not stack
 *   duplicates; the plan's rules for a range keep its order as their priority (the first op wins).
 * - `clearSheet` empties the used range in place (contents, formats, merges, conditional formats,
 *   validations), so the sheet keeps its position, column widths and the references other sheets
 *   make to it; `addSheet` reuses a sheet of that name, hides it (1.2) and sets column widths (1.2,
 *   converted from character widths to points).
 * - `merge` unmerges what overlaps, then merges (1.2); `freeze` (1.7).
 *
 * An op that needs a requirement set the host lacks is skipped and counted, with a Chinese note;
 * never an error. A plan that cannot be applied at all (a bad address, colour or number) is
 * rejected before anything is written.
 *
 * While a plan is applied, `isApplying()` is true, and on ExcelApi 1.8 `runtime.enableEvents` is
 * off, so the pane's change handler can ignore the change events of our own writes.
 */
import type { PlanOp, WorkbookPlan } from "../../plan/plan";
import { missingSheetProblem, planProblem } from "../planCheck";
import { type Area, columnLetter, parseArea } from "../../sheet/grid";
import {
  clip,
  ERROR_MAX,
  ERROR_TITLE_MAX,
  hexColor,
  INPUT_FILL,
  PROMPT_MAX,
  PROMPT_TITLE_MAX,
  quoteSheet,
  resolveStyle,
  type ResolvedStyle,
} from "../cellStyle";
import { OfficeActionError, runAction, type RunActionOptions } from "./action";
import { type Capabilities, CAPABILITY_NOTES, capabilities, type NotedFeature } from "./capabilities";
import {
  addPending,
  areaA1,
  type Content,
  filled,
  jsonBytes,
  type PendingCell,
  type PendingSheet,
  rectangles,
} from "../blocks";

/** Bytes per request before a sync (Excel on the web refuses requests over 5 MB). */
export const CHUNK_BYTES = 4 * 1024 * 1024;

/** Estimated cost of one queued command besides its data: object path, address, property. */
const COMMAND_BYTES = 100;

export type SkipReason =
  "validation" | "conditionalFormat" | "link" | "freeze" | "merge" | "hideSheet" | "columnWidth" | "unlock";

const SKIP_FEATURE: Record<SkipReason, NotedFeature> = {
  validation: "dataValidation",
  conditionalFormat: "conditionalFormats",
  link: "hyperlinks",
  freeze: "freezePanes",
  merge: "mergeCells",
  hideSheet: "sheetVisibility",
  columnWidth: "columnWidth",
  unlock: "cellProtection",
};

export interface ApplyResult {
  /** Ops applied (a `set` whose link was skipped still counts). */
  applied: number;
  /** What was skipped for a missing requirement set: ops, or cells for `link` and `unlock`. */
  skipped: Partial<Record<SkipReason, number>>;
  /** One Chinese line per kind of skip. */
  notes: string[];
  /** `context.sync()` calls the plan cost. */
  syncs: number;
  /** Estimated request bytes, all chunks together. */
  bytes: number;
}

export interface ApplyOptions {
  /** Bytes per request (default 4 MB). */
  chunkBytes?: number;
}

// --- our own writes and the change events -----------------------------------------------------------

let running = 0;
let finishedAt = -Infinity;

/**
 * True while `applyPlan` runs — and, with `graceMs`, for that long after it ends (events of our own
 * writes may arrive after the sync that made them).
 */
export function isApplying(graceMs = 0): boolean {
  return running > 0 || (graceMs > 0 && Date.now() - finishedAt < graceMs);
}

/** Applies `plan` in one Excel.run (with runAction's retry and Chinese errors). */
export async function applyPlan(
  plan: WorkbookPlan,
  options: ApplyOptions & RunActionOptions = {}
): Promise<ApplyResult> {
  running++;
  try {
    return await runAction((context) => applyPlanIn(context, plan, options), options);
  } finally {
    running--;
    finishedAt = Date.now();
  }
}

// --- the batch: queued bytes and syncs ---------------------------------------------------------------

class Batch {
  syncs = 0;
  total = 0;
  /** Bytes queued since the last sync. */
  bytes = 0;
  eventsOff = false;
  private started = false;

  constructor(
    private readonly context: Excel.RequestContext,
    private readonly caps: Capabilities,
    readonly chunk: number
  ) {}

  /** Bytes the current request can still take. */
  free(): number {
    return this.chunk - this.bytes - (this.started ? 0 : COMMAND_BYTES);
  }

  /** Makes room for a command of `size` bytes (a sync when it would overflow the chunk), then counts it. */
  async reserve(size: number): Promise<void> {
    if (this.bytes > 0 && size > this.free()) await this.sync();
    this.begin();
    this.bytes += size;
    this.total += size;
  }

  /** What a request starts with: events off (1.8, once), calculation suspended until the sync (1.6). */
  private begin(): void {
    if (this.started) return;
    this.started = true;
    if (this.caps.enableEvents && !this.eventsOff) {
      this.context.runtime.enableEvents = false;
      this.eventsOff = true;
    }
    if (this.caps.suspendCalculation) this.context.workbook.application.suspendApiCalculationUntilNextSync();
    this.bytes += COMMAND_BYTES;
    this.total += COMMAND_BYTES;
  }

  async sync(): Promise<void> {
    this.syncs++;
    this.bytes = 0;
    this.started = false;
    await this.context.sync();
  }

  /** The last request: events back on; nothing is sent when nothing was queued. */
  async finish(): Promise<void> {
    if (this.eventsOff) {
      this.context.runtime.enableEvents = true;
      this.started = true;
    }
    if (this.started) await this.sync();
    // Only now: if that sync failed, `recover` sends enableEvents = true again.
    this.eventsOff = false;
  }

  /** After a failure: events back on, whatever else went wrong (the first error is kept). */
  async recover(): Promise<void> {
    if (!this.eventsOff) return;
    this.eventsOff = false;
    try {
      this.context.runtime.enableEvents = true;
      this.syncs++;
      await this.context.sync();
    } catch {
      // The caller reports the original failure.
    }
  }
}

// --- the plan ----------------------------------------------------------------------------------------

/** Applies `plan` with the given context. Rejects with OfficeActionError for a plan it cannot apply. */
export async function applyPlanIn(
  context: Excel.RequestContext,
  plan: WorkbookPlan,
  options: ApplyOptions = {}
): Promise<ApplyResult> {
  checkPlan(plan);
  const caps = capabilities();
  const batch = new Batch(context, caps, options.chunkBytes ?? CHUNK_BYTES);
  const skipped: Partial<Record<SkipReason, number>> = {};
  const skip = (reason: SkipReason, n = 1) => {
    if (n > 0) skipped[reason] = (skipped[reason] || 0) + n;
  };
  let applied = 0;

  const sheets = new Map<string, Excel.Worksheet>();
  const sheet = (name: string): Excel.Worksheet => {
    let ws = sheets.get(name);
    if (!ws) {
      ws = context.workbook.worksheets.getItem(name);
      sheets.set(name, ws);
    }
    return ws;
  };

  try {
    // Sheets the plan adds may exist already: look their names up (the only read of an apply).
    let existing: Set<string> | undefined;
    if (plan.ops.some((op) => op.op === "addSheet")) {
      const worksheets = context.workbook.worksheets;
      worksheets.load("items/name");
      batch.syncs++;
      await context.sync();
      existing = new Set(worksheets.items.map((ws) => ws.name));
      checkSheets(plan, existing);
    }

    const pending = new Map<string, PendingSheet>();
    const pendingOf = (name: string): PendingSheet => {
      let p = pending.get(name);
      if (!p) pending.set(name, (p = { cells: new Map(), cfs: [] }));
      return p;
    };
    const flush = async () => {
      for (const [name, p] of pending) await flushSheet(sheet(name), p, batch, caps, skip);
      pending.clear();
    };

    for (const op of plan.ops) {
      switch (op.op) {
        case "addSheet": {
          await flush();
          await batch.reserve(COMMAND_BYTES);
          let ws: Excel.Worksheet;
          if (existing && !existing.has(op.sheet)) {
            ws = context.workbook.worksheets.add(op.sheet);
            existing.add(op.sheet);
            sheets.set(op.sheet, ws);
          } else ws = sheet(op.sheet);
          if (op.hidden !== undefined) {
            if (caps.sheetVisibility) ws.visibility = op.hidden ? "Hidden" : "Visible";
            else if (op.hidden) skip("hideSheet");
          }
          const widths = (op.columnWidths || [])
            .map((width, col) => ({ width, col }))
            .filter(({ width }) => typeof width === "number" && Number.isFinite(width) && width > 0);
          if (widths.length && !caps.columnWidth) skip("columnWidth");
          else {
            for (const { width, col } of widths) {
              await batch.reserve(COMMAND_BYTES);
              const letters = columnLetter(col);
              ws.getRange(letters + ":" + letters).format.columnWidth = columnWidthPoints(width);
            }
          }
          const hidden = op.hiddenColumns || [];
          if (hidden.length && !caps.columnWidth) skip("columnWidth");
          else {
            for (const col of hidden) {
              await batch.reserve(COMMAND_BYTES);
              const letters = columnLetter(col);
              ws.getRange(letters + ":" + letters).columnHidden = true;
            }
          }
          applied++;
          break;
        }
        case "clearSheet": {
          await flush();
          await batch.reserve(4 * COMMAND_BYTES);
          const used = sheet(op.sheet).getUsedRange();
          if (caps.mergeCells) used.unmerge();
          if (caps.conditionalFormats) used.conditionalFormats.clearAll();
          if (caps.dataValidation) used.dataValidation.clear();
          used.clear();
          applied++;
          break;
        }
        case "set":
          addPending(pendingOf(op.sheet), op);
          applied++;
          break;
        case "style": {
          await flush();
          const area = parseArea(op.range)!;
          await applyStyle(sheet(op.sheet), area, resolveStyle([op.style]), batch, caps, skip);
          applied++;
          break;
        }
        case "validation": {
          if (!caps.dataValidation) {
            skip("validation");
            break;
          }
          const rule = validationRule(op.rule);
          const prompt = op.prompt
            ? {
                showPrompt: true,
                title: clip(op.prompt.title, PROMPT_TITLE_MAX),
                message: clip(op.prompt.message, PROMPT_MAX),
              }
            : undefined;
          const errorAlert = {
            showAlert: true,
            style: "Stop" as const,
            title: op.error ? clip(op.error.title, ERROR_TITLE_MAX) : "",
            message: op.error ? clip(op.error.message, ERROR_MAX) : "",
          };
          await batch.reserve(5 * COMMAND_BYTES + jsonBytes(rule) + jsonBytes(prompt || null) + jsonBytes(errorAlert));
          const dv = sheet(op.sheet).getRange(areaA1(parseArea(op.range)!)).dataValidation;
          dv.clear();
          dv.rule = rule;
          dv.ignoreBlanks = true;
          if (prompt) dv.prompt = prompt;
          dv.errorAlert = errorAlert;
          applied++;
          break;
        }
        case "conditionalFormat":
          if (!caps.conditionalFormats) {
            skip("conditionalFormat");
            break;
          }
          pendingOf(op.sheet).cfs.push(op);
          applied++;
          break;
        case "merge": {
          if (!caps.mergeCells) {
            skip("merge");
            break;
          }
          await flush();
          const area = parseArea(op.range)!;
          if (area.top !== area.bottom || area.left !== area.right) {
            await batch.reserve(2 * COMMAND_BYTES);
            const range = sheet(op.sheet).getRange(areaA1(area));
            range.unmerge();
            range.merge(false);
          }
          applied++;
          break;
        }
        case "freeze": {
          if (!caps.freezePanes) {
            skip("freeze");
            break;
          }
          await batch.reserve(2 * COMMAND_BYTES);
          const panes = sheet(op.sheet).freezePanes;
          panes.unfreeze();
          if (op.rows > 0 && op.columns > 0)
            panes.freezeAt(areaA1({ top: 0, left: 0, bottom: op.rows - 1, right: op.columns - 1 }));
          else if (op.rows > 0) panes.freezeRows(op.rows);
          else if (op.columns > 0) panes.freezeColumns(op.columns);
          applied++;
          break;
        }
        case "cache":
          // Excel computes every formula itself: saved results are for files only.
          break;
        default: {
          const never: never = op;
          throw new OfficeActionError("InvalidPlan", "计划中有未知的操作：" + JSON.stringify(never));
        }
      }
    }
    await flush();
    await batch.finish();
  } catch (e) {
    await batch.recover();
    throw e;
  }

  // In a fixed order (SKIP_FEATURE's), whatever the order of the ops.
  const notes = (Object.keys(SKIP_FEATURE) as SkipReason[])
    .filter((reason) => skipped[reason])
    .map((reason) => CAPABILITY_NOTES[SKIP_FEATURE[reason]]);
  return { applied, skipped, notes, syncs: batch.syncs, bytes: batch.total };
}

/** Writes one sheet's gathered cells: contents as rectangles, then styles, links, conditional formats. */
async function flushSheet(
  ws: Excel.Worksheet,
  p: PendingSheet,
  batch: Batch,
  caps: Capabilities,
  skip: (reason: SkipReason, n?: number) => void
): Promise<void> {
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
    await writeRows(ws, rect, rows, batch);
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
  for (const { style, cells: group } of styled.values()) {
    for (const rect of rectangles(group)) await applyStyle(ws, rect, style, batch, caps, skip);
  }

  const links = cells.filter((c) => c.link);
  if (links.length && !caps.hyperlinks) skip("link", links.length);
  else {
    for (const c of links) {
      const link = c.link!;
      const hyperlink = { documentReference: quoteSheet(link.sheet) + "!" + link.cell, textToDisplay: link.text };
      await batch.reserve(COMMAND_BYTES + jsonBytes(hyperlink));
      ws.getRange(areaA1({ top: c.row, left: c.col, bottom: c.row, right: c.col })).hyperlink = hyperlink;
    }
  }

  if (p.cfs.length) {
    // Rules already on these ranges go first (no duplicates when a plan is applied again); then the
    // plan's, last op first: `add` puts each new rule on top, so the first op ends with the top priority.
    const ranges: string[] = [];
    for (const op of p.cfs) {
      const r = areaA1(parseArea(op.range)!);
      if (ranges.indexOf(r) < 0) ranges.push(r);
    }
    for (const r of ranges) {
      await batch.reserve(COMMAND_BYTES);
      ws.getRange(r).conditionalFormats.clearAll();
    }
    for (let i = p.cfs.length - 1; i >= 0; i--) {
      const op = p.cfs[i];
      const formula = "=" + op.formula.trim().replace(/^=/, "").trim();
      await batch.reserve(5 * COMMAND_BYTES + jsonBytes(formula));
      const cf = ws.getRange(areaA1(parseArea(op.range)!)).conditionalFormats.add("Custom");
      cf.custom.rule.formula = formula;
      if (op.style.fill !== undefined) cf.custom.format.fill.color = hexColor(op.style.fill);
      if (op.style.fontColor !== undefined) cf.custom.format.font.color = hexColor(op.style.fontColor);
      if (op.style.bold !== undefined) cf.custom.format.font.bold = op.style.bold;
    }
  }
}

/** One rectangle's contents, in row slices when it would overflow the chunk. */
async function writeRows(ws: Excel.Worksheet, rect: Area, rows: Content[][], batch: Batch): Promise<void> {
  const rowBytes = rows.map((row) => jsonBytes(row) + 1);
  let start = 0;
  while (start < rows.length) {
    if (batch.bytes > 0 && COMMAND_BYTES + rowBytes[start] > batch.free()) await batch.sync();
    const free = batch.free();
    let end = start + 1;
    let size = COMMAND_BYTES + rowBytes[start];
    while (end < rows.length && size + rowBytes[end] <= free) size += rowBytes[end++];
    await batch.reserve(size);
    const part = { top: rect.top + start, left: rect.left, bottom: rect.top + end - 1, right: rect.right };
    ws.getRange(areaA1(part)).formulas = start === 0 && end === rows.length ? rows : rows.slice(start, end);
    start = end;
  }
}

export { INPUT_FILL };

// --- styles ------------------------------------------------------------------------------------------

const ALIGN = { left: "Left", center: "Center", right: "Right" } as const;

async function applyStyle(
  ws: Excel.Worksheet,
  area: Area,
  style: ResolvedStyle,
  batch: Batch,
  caps: Capabilities,
  skip: (reason: SkipReason, n?: number) => void
): Promise<void> {
  const rows = area.bottom - area.top + 1;
  const cols = area.right - area.left + 1;
  const formats = style.numberFormat !== undefined ? filled(rows, cols, style.numberFormat) : undefined;
  const commands = Object.keys(style).length;
  if (!commands) return;
  await batch.reserve(commands * COMMAND_BYTES + (formats ? jsonBytes(formats) : 0));
  const range = ws.getRange(areaA1(area));
  if (style.bold !== undefined) range.format.font.bold = style.bold;
  if (style.fontColor !== undefined) range.format.font.color = style.fontColor;
  if (style.fill !== undefined) range.format.fill.color = style.fill;
  if (style.wrap !== undefined) range.format.wrapText = style.wrap;
  if (style.align !== undefined) range.format.horizontalAlignment = ALIGN[style.align];
  if (formats) range.numberFormat = formats;
  if (style.unlocked) {
    if (caps.cellProtection) range.format.protection.locked = false;
    else skip("unlock", rows * cols);
  }
}

// --- validations ---------------------------------------------------------------------------------

function validationRule(rule: Extract<PlanOp, { op: "validation" }>["rule"]): Excel.DataValidationRule {
  if (rule.type === "list") return { list: { inCellDropDown: true, source: rule.values.join(",") } };
  if (rule.type === "decimal") return { decimal: { formula1: rule.min, formula2: rule.max, operator: "Between" } };
  if (rule.max !== undefined) return { wholeNumber: { formula1: rule.min, formula2: rule.max, operator: "Between" } };
  return { wholeNumber: { formula1: rule.min, operator: "GreaterThanOrEqualTo" } };
}

// --- small things -------------------------------------------------------------------------------------

/**
 * A column width in characters (the plan's, as in the file format) as points: Excel shows a width
 * of w characters of the default font (7 px per digit at 96 dpi) as 7w + 5 px, and 1 px = 0.75 pt.
 */
export function columnWidthPoints(width: number): number {
  return Math.round((width * 7 + 5) * 0.75 * 100) / 100;
}

// --- checking a plan before anything is written -------------------------------------------------------

/** Rejects a plan the adapter cannot apply, before anything is queued (the checks: ../planCheck.ts). */
export function checkPlan(plan: WorkbookPlan): void {
  const problem = planProblem(plan);
  if (problem) throw new OfficeActionError("InvalidPlan", problem);
}

/** With the workbook's sheet names known: every op's sheet exists when the op runs. */
function checkSheets(plan: WorkbookPlan, existing: ReadonlySet<string>): void {
  const problem = missingSheetProblem(plan, existing);
  if (problem) throw new OfficeActionError("ItemNotFound", problem);
}
