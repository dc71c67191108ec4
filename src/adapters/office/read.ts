/**
 * Reading the open workbook into the Grids the core reads — values, formulas, number formats and,
 * where Excel can say (ExcelApi 1.13), merged areas — with a constant number of `context.sync()`:
 *
 * 1. list the worksheets (name, visibility);
 * 2. load every sheet's used range (values, formulas, numberFormat, valueTypes, position) and its
 *    merged areas, all in one batch.
 *
 * So a read costs 2 syncs whatever the number of rows or sheets. Only when Excel refuses the batch
 * does it cost more: merged areas that fail (more than 512 areas on a sheet, office-js #3611) are
 * given up (`mergesKnown: false`) with one more sync; a response over Excel on the web's 5 MB limit
 * is read again in row slices of about 4 MB each, so the count then follows bytes, never rows.
 *
 * Decisions, kept the same as the exceljs adapter's (src/adapters/xlsx/read.ts) so both give the
 * same Grid:
 * - Rows and columns count from A1, wherever the used range starts; rows end at their last cell
 *   with a value or formula, and the grid at its last such row.
 * - Empty cells (Excel gives "") read as null; so does a formula whose result is "".
 * - An error value (valueTypes "Error") reads as `{ error }`; one outside grid.ts's list
 *   (#BLOCKED!, #FIELD! …) as "#VALUE!". Text that only looks like an error ("#N/A" typed with a
 *   quote prefix) stays text: valueTypes says "String".
 * - A formula is kept as Excel gives it in `formulas` ("=SUM(D3:D6)", en-US, A1); a text cell
 *   whose text starts with "=" (typed with a quote prefix) is not a formula.
 * - Number formats come from `numberFormat` ("0%", "General"), so 0.65 shown as 65% is known as a
 *   percentage; padding cells read "General".
 * - Dates are Excel's serial numbers, as `values` gives them.
 * - Merges: without ExcelApi 1.13, or when Excel fails to list them, `merges` is [] and
 *   `mergesKnown` false; the core decides what to infer.
 */
import { type Area, type CellError, type CellValue, type Grid, CELL_ERRORS, areaA1 } from "../../sheet/grid";
import { isTooLargeError, runAction, type RunActionOptions } from "./action";
import { type Capabilities, CAPABILITY_NOTES, capabilities } from "./capabilities";
import { parseAreas } from "../blocks";

export type SheetState = "visible" | "hidden" | "veryHidden";

export interface OfficeSheet {
  name: string;
  /** Hidden or very hidden (the `_ziping` sheet is one). */
  hidden: boolean;
  state: SheetState;
  grid: Grid;
  /** False when the merged areas could not be read: `grid.merges` is then [] and means nothing. */
  mergesKnown: boolean;
}

export interface OfficeWorkbook {
  /** Every worksheet in tab order, hidden ones included. */
  sheets: OfficeSheet[];
  grids: Grid[];
  /** True when every sheet's merged areas are known. */
  mergesKnown: boolean;
  /** Chinese notes on what could not be read. */
  notes: string[];
  /** `context.sync()` calls the read cost. */
  syncs: number;
}

export interface ReadOptions {
  /** Bytes per request when a read must be sliced (default 4 MB, under Excel on the web's 5 MB). */
  chunkBytes?: number;
}

/** Reads the open workbook in one Excel.run (with runAction's retry and Chinese errors). */
export function readWorkbook(options: ReadOptions & RunActionOptions = {}): Promise<OfficeWorkbook> {
  return runAction((context) => readWorkbookIn(context, options), options);
}

// --- the raw blocks Excel gives ---------------------------------------------------------------------

/** A rectangle of cells as Excel gave it, at (top, left) of the sheet, 0-based. */
interface Block {
  top: number;
  left: number;
  values: unknown[][];
  formulas: unknown[][];
  numberFormat: unknown[][];
  valueTypes: unknown[][];
}

interface SheetEntry {
  ws: Excel.Worksheet;
  name: string;
  state: SheetState;
}

interface RawSheet {
  blocks: Block[];
  /** undefined: not asked or not known. */
  merges?: Area[];
}

const READ_CHUNK_BYTES = 4 * 1024 * 1024;
/** First guess of what one cell weighs in a response (four arrays); doubled when Excel refuses. */
const CELL_BYTES_GUESS = 64;
const MAX_SLICE_RETRIES = 6;

const MERGES_FAILED_NOTE = "合并单元格过多或无法读取，未读取合并区域";

function stateOf(visibility: unknown): SheetState {
  if (visibility === "Hidden") return "hidden";
  if (visibility === "VeryHidden") return "veryHidden";
  return "visible";
}

/** The used range of a sheet: null object when blank (1.4), else A1 for a blank sheet (1.1). */
function usedRange(ws: Excel.Worksheet, caps: Capabilities): Excel.Range {
  if (caps.usedRangeOrNull) return ws.getUsedRangeOrNullObject(true);
  return caps.valuesOnlyUsedRange ? ws.getUsedRange(true) : ws.getUsedRange();
}

/** Reads every sheet with the given context: 2 syncs, more only when Excel refuses the batch. */
export async function readWorkbookIn(
  context: Excel.RequestContext,
  options: ReadOptions = {}
): Promise<OfficeWorkbook> {
  const caps = capabilities();
  const chunkBytes = options.chunkBytes ?? READ_CHUNK_BYTES;
  let syncs = 0;
  const sync = async () => {
    syncs++;
    await context.sync();
  };

  const worksheets = context.workbook.worksheets;
  worksheets.load("items/name,items/visibility");
  await sync();
  const entries: SheetEntry[] = worksheets.items.map((ws) => ({ ws, name: ws.name, state: stateOf(ws.visibility) }));

  const notes: string[] = [];
  let wantMerges = caps.merges;
  if (!caps.merges) notes.push(CAPABILITY_NOTES.merges);

  let raw: RawSheet[] | undefined;
  let tooLarge = false;
  try {
    raw = await loadWhole(entries, caps, wantMerges, sync);
  } catch (e) {
    if (isTooLargeError(e)) tooLarge = true;
    else if (!wantMerges) throw e;
    else {
      // The merged areas are the likely culprit (more than 512 on a sheet): read without them.
      wantMerges = false;
      notes.push(MERGES_FAILED_NOTE);
      try {
        raw = await loadWhole(entries, caps, false, sync);
      } catch (e2) {
        if (!isTooLargeError(e2)) throw e2;
        tooLarge = true;
      }
    }
  }
  if (tooLarge || !raw) {
    const sliced = await loadSliced(entries, caps, wantMerges, chunkBytes, sync);
    raw = sliced.raw;
    if (wantMerges && !sliced.mergesKnown) notes.push(MERGES_FAILED_NOTE);
  }

  const sheets: OfficeSheet[] = entries.map((entry, i) => {
    const r = raw![i];
    const grid = buildGrid(entry.name, r.blocks, r.merges || []);
    return { name: entry.name, hidden: entry.state !== "visible", state: entry.state, grid, mergesKnown: !!r.merges };
  });
  return {
    sheets,
    grids: sheets.map((s) => s.grid),
    mergesKnown: sheets.every((s) => s.mergesKnown),
    notes,
    syncs,
  };
}

/** The merged areas of a sheet (1.13), queued; read with `mergedAreas` after the sync. */
function queueMerges(ws: Excel.Worksheet): Excel.RangeAreas {
  // Over the used range with formats (getUsedRange never fails): a merged area is formatting, so
  // its top-left cell, the one getMergedAreasOrNullObject needs inside the range, lies in it.
  const areas = ws.getUsedRange().getMergedAreasOrNullObject();
  areas.load("address");
  return areas;
}

function mergedAreas(areas: Excel.RangeAreas): Area[] {
  return areas.isNullObject ? [] : parseAreas(areas.address);
}

/** One batch: every sheet's used range with its data (and merged areas). */
async function loadWhole(
  entries: SheetEntry[],
  caps: Capabilities,
  merges: boolean,
  sync: () => Promise<void>
): Promise<RawSheet[]> {
  const queued = entries.map(({ ws }) => {
    const used = usedRange(ws, caps);
    used.load("rowIndex,columnIndex,values,formulas,numberFormat,valueTypes");
    return { used, areas: merges ? queueMerges(ws) : undefined };
  });
  await sync();
  return queued.map(({ used, areas }) => ({
    blocks: used.isNullObject ? [] : [blockOf(used, used.rowIndex, used.columnIndex)],
    merges: areas ? mergedAreas(areas) : undefined,
  }));
}

function blockOf(range: Excel.Range, top: number, left: number): Block {
  return {
    top,
    left,
    values: range.values,
    formulas: range.formulas,
    numberFormat: range.numberFormat,
    valueTypes: range.valueTypes,
  };
}

interface Slice {
  sheet: number;
  area: Area;
}

/**
 * The read for a workbook too large for one response: the used ranges' size first, then row slices
 * of about `chunkBytes` each, as many per sync as fit. When Excel still refuses a batch the guess
 * of a cell's weight doubles and the rest is sliced again.
 */
async function loadSliced(
  entries: SheetEntry[],
  caps: Capabilities,
  merges: boolean,
  chunkBytes: number,
  sync: () => Promise<void>
): Promise<{ raw: RawSheet[]; mergesKnown: boolean }> {
  const queueDims = (withMerges: boolean) =>
    entries.map(({ ws }) => {
      const used = usedRange(ws, caps);
      used.load("rowIndex,columnIndex,rowCount,columnCount");
      return { used, areas: withMerges ? queueMerges(ws) : undefined };
    });
  let dims = queueDims(merges);
  try {
    await sync();
  } catch (e) {
    if (!merges) throw e;
    merges = false;
    dims = queueDims(false);
    await sync();
  }

  const raw: RawSheet[] = dims.map(({ areas }) => ({ blocks: [], merges: areas ? mergedAreas(areas) : undefined }));
  const areas: Array<Area | undefined> = dims.map(({ used }) =>
    used.isNullObject || !(used.rowCount > 0) || !(used.columnCount > 0)
      ? undefined
      : {
          top: used.rowIndex,
          left: used.columnIndex,
          bottom: used.rowIndex + used.rowCount - 1,
          right: used.columnIndex + used.columnCount - 1,
        }
  );

  // Rows still to read, per sheet.
  const next = areas.map((a) => (a ? a.top : 0));
  let cellBytes = CELL_BYTES_GUESS;
  let failures = 0;
  for (;;) {
    const batch = plannedBatch(areas, next, cellBytes, chunkBytes);
    if (!batch.length) break;
    const queued = batch.map((slice) => {
      const range = entries[slice.sheet].ws.getRange(areaA1(slice.area));
      range.load("values,formulas,numberFormat,valueTypes");
      return { slice, range };
    });
    try {
      // A sync per ~chunkBytes to read: the number of syncs follows bytes, never rows.
      await sync();
    } catch (e) {
      if (!isTooLargeError(e) || ++failures > MAX_SLICE_RETRIES) throw e;
      cellBytes *= 2;
      continue;
    }
    for (const { slice, range } of queued) {
      raw[slice.sheet].blocks.push(blockOf(range, slice.area.top, slice.area.left));
      next[slice.sheet] = slice.area.bottom + 1;
    }
  }
  return { raw, mergesKnown: merges };
}

/** The slices of the next request: whole rows, as many as fit in `chunkBytes` by the guess. */
function plannedBatch(areas: Array<Area | undefined>, next: number[], cellBytes: number, chunkBytes: number): Slice[] {
  const out: Slice[] = [];
  let budget = chunkBytes;
  for (let i = 0; i < areas.length; i++) {
    const a = areas[i];
    if (!a || next[i] > a.bottom) continue;
    const rowBytes = (a.right - a.left + 1) * cellBytes;
    let rows = Math.floor(budget / rowBytes);
    if (rows < 1) {
      if (out.length) break; // the next request
      rows = 1;
    }
    const bottom = Math.min(a.bottom, next[i] + rows - 1);
    out.push({ sheet: i, area: { top: next[i], left: a.left, bottom, right: a.right } });
    budget -= (bottom - next[i] + 1) * rowBytes;
    if (bottom < a.bottom || budget <= 0) break;
  }
  return out;
}

// --- cells -------------------------------------------------------------------------------------------

function toCellValue(raw: unknown, type: unknown): CellValue {
  if (type === "Error" || (type === undefined && typeof raw === "string" && isErrorText(raw))) {
    const t = String(raw);
    return { error: isErrorText(t) ? (t as CellError) : "#VALUE!" };
  }
  if (raw === null || raw === undefined || raw === "") return null;
  if (typeof raw === "number") return Number.isFinite(raw) ? raw : { error: "#NUM!" };
  if (typeof raw === "string" || typeof raw === "boolean") return raw;
  return String(raw);
}

function isErrorText(t: string): boolean {
  return (CELL_ERRORS as readonly string[]).indexOf(t) >= 0;
}

function toFormula(formula: unknown, raw: unknown, type: unknown): string | null {
  if (typeof formula !== "string" || formula.charAt(0) !== "=" || formula.length < 2) return null;
  // Text typed with a quote prefix ("'=abc"): `formulas` gives its text, which is its value.
  if (type === "String" && raw === formula) return null;
  return formula;
}

function at(rows: unknown[][] | undefined, r: number, c: number): unknown {
  const row = rows && rows[r];
  return row ? row[c] : undefined;
}

/** The blocks of one sheet as a Grid counted from A1 (rows ragged, trailing blanks left out). */
function buildGrid(sheet: string, blocks: readonly Block[], merges: Area[]): Grid {
  const values: CellValue[][] = [];
  const formulas: (string | null)[][] = [];
  const numberFormats: (string | null)[][] = [];

  for (const b of blocks) {
    const rowCount = b.values ? b.values.length : 0;
    for (let r = 0; r < rowCount; r++) {
      const vRow = b.values[r] || [];
      const cells: Array<{ value: CellValue; formula: string | null }> = [];
      let last = -1;
      for (let c = 0; c < vRow.length; c++) {
        const type = at(b.valueTypes, r, c);
        const value = toCellValue(vRow[c], type);
        const formula = toFormula(at(b.formulas, r, c), vRow[c], type);
        cells.push({ value, formula });
        if (value !== null || formula !== null) last = c;
      }
      if (last < 0) continue;
      const vOut: CellValue[] = [];
      const fOut: (string | null)[] = [];
      const nOut: (string | null)[] = [];
      for (let c = 0; c < b.left; c++) {
        vOut.push(null);
        fOut.push(null);
        nOut.push("General");
      }
      for (let c = 0; c <= last; c++) {
        vOut.push(cells[c].value);
        fOut.push(cells[c].formula);
        const fmt = at(b.numberFormat, r, c);
        nOut.push(typeof fmt === "string" && fmt !== "" ? fmt : "General");
      }
      const row = b.top + r;
      values[row] = vOut;
      formulas[row] = fOut;
      numberFormats[row] = nOut;
    }
  }
  for (let r = 0; r < values.length; r++) {
    if (!values[r]) {
      values[r] = [];
      formulas[r] = [];
      numberFormats[r] = [];
    }
  }
  return { sheet, values, formulas, numberFormats, merges: merges.slice() };
}
