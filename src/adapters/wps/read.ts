/**
 * Reading the open WPS 表格 workbook into the Grids the core reads, in whole blocks: each sheet's
 * used range gives its values (`Value2`) and formulas (`Formula`) as two 2-D arrays, two reads
 * per sheet whatever its size.
 *
 * What the ET API gives only for a whole range, and how it is asked for:
 * - Number formats: `Range.NumberFormat` is one format, or null when the cells differ (as in VBA).
 *   Only numbers need a format (a rate typed as 65% is the number 0.65 formatted "0%"), so the
 *   used range is asked, then halves of it where formats differ, only where there are numbers:
 *   one read when a sheet is uniform, about (regions × log cells) otherwise, never one per cell.
 * - Merged areas: `Range.MergeCells` is true, false or null (partly merged). The used range is
 *   asked, then halves of it where it is partly merged, down to each merged area, whose extent is
 *   its top-left cell's `MergeArea`: one read for a sheet without merges.
 *
 * Decisions, the same as the other adapters' (src/adapters/office/read.ts, src/adapters/xlsx/read.ts)
 * so that all three give the same Grid:
 * - Rows and columns count from A1; rows end at their last cell with a value or formula, and the
 *   grid at its last such row. Empty cells read as null.
 * - A formula is its text as `Formula` gives it ("=SUM(D3:D6)"); a text cell whose text starts
 *   with "=" (typed with a quote prefix) has the same `Formula` as its value, and is text.
 * - Errors: WPS gives a formula's error as its text ("#DIV/0!") or, as VBA does, as the COM error
 *   code (-2146826281); both read as `{ error }`. Error text in a cell without a formula is text.
 * - Dates are serial numbers (`Value2`, not `Value`).
 */
import { type Area, type CellError, type CellValue, type Grid, CELL_ERRORS } from "../../sheet/grid";
import { toWpsError, WpsActionError, NO_WORKBOOK } from "./action";
import { XL_SHEET_HIDDEN, XL_SHEET_VERY_HIDDEN, type EtApplication, type EtRange, type EtWorksheet } from "./et";

export type SheetState = "visible" | "hidden" | "veryHidden";

export interface WpsSheet {
  name: string;
  hidden: boolean;
  state: SheetState;
  grid: Grid;
}

export interface WpsWorkbook {
  sheets: WpsSheet[];
  grids: Grid[];
  /** Calls made to the ET object model for ranges (for tests: bounded, never one per cell). */
  rangeReads: number;
}

/** VBA's CVErr codes as COM gives them (0x800A07D0 + Excel's error number). */
const COM_ERRORS: Record<number, CellError> = {
  [-2146826288]: "#NULL!",
  [-2146826281]: "#DIV/0!",
  [-2146826273]: "#VALUE!",
  [-2146826265]: "#REF!",
  [-2146826259]: "#NAME?",
  [-2146826252]: "#NUM!",
  [-2146826246]: "#N/A",
};

/** Reads every worksheet of the active workbook, hidden ones (such as _ziping) included. */
export function readWorkbook(app: EtApplication): WpsWorkbook {
  const workbook = app.ActiveWorkbook;
  if (!workbook) throw new WpsActionError("NoWorkbook", NO_WORKBOOK);
  const reads = { n: 0 };
  try {
    const sheets: WpsSheet[] = [];
    const collection = workbook.Worksheets;
    const count = collection.Count;
    for (let i = 1; i <= count; i++) {
      const ws = collection.Item(i);
      const state = stateOf(ws.Visible);
      sheets.push({ name: String(ws.Name), hidden: state !== "visible", state, grid: readSheet(ws, reads) });
    }
    return { sheets, grids: sheets.map((s) => s.grid), rangeReads: reads.n };
  } catch (e) {
    throw toWpsError(e, "读取工作簿");
  }
}

function stateOf(visible: unknown): SheetState {
  if (visible === XL_SHEET_VERY_HIDDEN) return "veryHidden";
  if (visible === XL_SHEET_HIDDEN || visible === false) return "hidden";
  return "visible";
}

/** A range's rows × columns. */
function sizeOf(range: EtRange): { rows: number; cols: number } {
  return { rows: range.Rows.Count, cols: range.Columns.Count };
}

/** What Value2 / Formula / NumberFormat give, as rows × cols (one value for a one-cell range). */
export function rowsOf(raw: unknown, rows: number, cols: number): unknown[][] {
  if (!Array.isArray(raw)) {
    const out: unknown[][] = [];
    for (let r = 0; r < rows; r++) {
      const row: unknown[] = [];
      for (let c = 0; c < cols; c++) row.push(r === 0 && c === 0 ? raw : undefined);
      out.push(row);
    }
    return out;
  }
  return raw.map((row: unknown) => (Array.isArray(row) ? row : [row]));
}

function isErrorText(t: string): boolean {
  return (CELL_ERRORS as readonly string[]).indexOf(t) >= 0;
}

function toCellValue(raw: unknown, hasFormula: boolean): CellValue {
  if (raw === null || raw === undefined || raw === "") return null;
  if (typeof raw === "number") {
    if (COM_ERRORS[raw]) return { error: COM_ERRORS[raw] };
    return Number.isFinite(raw) ? raw : { error: "#NUM!" };
  }
  if (typeof raw === "string") return hasFormula && isErrorText(raw) ? { error: raw as CellError } : raw;
  if (typeof raw === "boolean") return raw;
  if (raw instanceof Date) return raw.getTime() / 86400000 + 25569;
  return String(raw);
}

function toFormula(formula: unknown, raw: unknown): string | null {
  if (typeof formula !== "string" || formula.charAt(0) !== "=" || formula.length < 2) return null;
  // Text typed with a quote prefix ("'=abc"): Formula gives its text, which is also its value.
  if (raw === formula) return null;
  return formula;
}

function addressOf(top: number, left: number, bottom: number, right: number): string {
  return a1(top, left) + (bottom === top && right === left ? "" : ":" + a1(bottom, right));
}

function a1(row: number, col: number): string {
  let n = col + 1;
  let s = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    s = String.fromCharCode(65 + rem) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s + (row + 1);
}

function readSheet(ws: EtWorksheet, reads: { n: number }): Grid {
  const name = String(ws.Name);
  const used = ws.UsedRange;
  const top = used.Row - 1;
  const left = used.Column - 1;
  const { rows, cols } = sizeOf(used);
  reads.n += 2;
  const values = rowsOf(used.Value2, rows, cols);
  const formulas = rowsOf(used.Formula, rows, cols);

  const cellValues: CellValue[][] = [];
  const cellFormulas: (string | null)[][] = [];
  const numeric: boolean[][] = [];
  let anyNumber = false;
  for (let r = 0; r < rows; r++) {
    const vRow: CellValue[] = [];
    const fRow: (string | null)[] = [];
    const nRow: boolean[] = [];
    for (let c = 0; c < cols; c++) {
      const raw = values[r] ? values[r][c] : undefined;
      const formula = toFormula(formulas[r] ? formulas[r][c] : undefined, raw);
      const value = toCellValue(raw, formula !== null);
      vRow.push(value);
      fRow.push(formula);
      nRow.push(typeof value === "number");
      if (typeof value === "number") anyNumber = true;
    }
    cellValues.push(vRow);
    cellFormulas.push(fRow);
    numeric.push(nRow);
  }

  const area: Area = { top: 0, left: 0, bottom: rows - 1, right: cols - 1 };
  const formats: (string | null)[][] = cellValues.map((row) => row.map(() => null));
  if (anyNumber && rows > 0 && cols > 0) readFormats(ws, top, left, area, numeric, formats, reads);
  const merges: Area[] = [];
  if (rows > 0 && cols > 0 && !(rows === 1 && cols === 1)) readMerges(ws, top, left, area, merges, reads);

  return buildGrid(name, top, left, cellValues, cellFormulas, formats, merges);
}

function hasNumber(numeric: boolean[][], a: Area): boolean {
  for (let r = a.top; r <= a.bottom; r++) for (let c = a.left; c <= a.right; c++) if (numeric[r][c]) return true;
  return false;
}

/**
 * Splits an area in two: by columns while it is wider than one column, then by rows. Formats and
 * merges mostly go by column (a percentage column, a merged 类别 column), so a column is soon
 * uniform, and a column of k merged areas costs about 2k reads (each area, then what is below it).
 */
function halves(a: Area): [Area, Area] {
  if (a.right > a.left) {
    const mid = Math.floor((a.left + a.right) / 2);
    return [
      { top: a.top, left: a.left, bottom: a.bottom, right: mid },
      { top: a.top, left: mid + 1, bottom: a.bottom, right: a.right },
    ];
  }
  const mid = Math.floor((a.top + a.bottom) / 2);
  return [
    { top: a.top, left: a.left, bottom: mid, right: a.right },
    { top: mid + 1, left: a.left, bottom: a.bottom, right: a.right },
  ];
}

/** Number formats of the numeric cells of `a` (relative to the used range at top, left). */
function readFormats(
  ws: EtWorksheet,
  top: number,
  left: number,
  a: Area,
  numeric: boolean[][],
  out: (string | null)[][],
  reads: { n: number }
): void {
  if (!hasNumber(numeric, a)) return;
  reads.n++;
  const raw = ws.Range(addressOf(top + a.top, left + a.left, top + a.bottom, left + a.right)).NumberFormat;
  if (typeof raw === "string") {
    for (let r = a.top; r <= a.bottom; r++) for (let c = a.left; c <= a.right; c++) if (numeric[r][c]) out[r][c] = raw;
    return;
  }
  if (Array.isArray(raw)) {
    // A build that gives one format per cell.
    const rows = rowsOf(raw, a.bottom - a.top + 1, a.right - a.left + 1);
    for (let r = a.top; r <= a.bottom; r++)
      for (let c = a.left; c <= a.right; c++) {
        const f = rows[r - a.top] ? rows[r - a.top][c - a.left] : undefined;
        if (numeric[r][c] && typeof f === "string") out[r][c] = f;
      }
    return;
  }
  // One cell and no answer, or a build without NumberFormat: General.
  if (raw === undefined || (a.top === a.bottom && a.left === a.right)) return;
  for (const half of halves(a)) readFormats(ws, top, left, half, numeric, out, reads);
}

/** The merged areas within `a` (relative), each found once, as absolute areas. */
function readMerges(ws: EtWorksheet, top: number, left: number, a: Area, out: Area[], reads: { n: number }): void {
  reads.n++;
  const range = ws.Range(addressOf(top + a.top, left + a.left, top + a.bottom, left + a.right));
  const merged = range.MergeCells;
  // false: no merges; undefined: a build without MergeCells (nothing to learn by asking again).
  if (merged === false || merged === undefined) return;
  if (merged === true) {
    // Every cell is in a merged area: take the one at the top-left cell, then what it leaves.
    const m = ws.Range(a1(top + a.top, left + a.left)).MergeArea;
    reads.n++;
    const area: Area = {
      top: m.Row - 1,
      left: m.Column - 1,
      bottom: m.Row - 1 + m.Rows.Count - 1,
      right: m.Column - 1 + m.Columns.Count - 1,
    };
    if (area.bottom > area.top || area.right > area.left) {
      if (!out.some((o) => o.top === area.top && o.left === area.left)) out.push(area);
    }
    const rel = { top: area.top - top, left: area.left - left, bottom: area.bottom - top, right: area.right - left };
    const coveredBottom = Math.min(a.bottom, rel.bottom);
    const coveredRight = Math.min(a.right, rel.right);
    if (coveredRight < a.right)
      readMerges(
        ws,
        top,
        left,
        { top: a.top, left: coveredRight + 1, bottom: coveredBottom, right: a.right },
        out,
        reads
      );
    if (coveredBottom < a.bottom)
      readMerges(ws, top, left, { top: coveredBottom + 1, left: a.left, bottom: a.bottom, right: a.right }, out, reads);
    return;
  }
  if (a.top === a.bottom && a.left === a.right) return;
  for (const half of halves(a)) readMerges(ws, top, left, half, out, reads);
}

/** The cells of a used range at (top, left) as a Grid counted from A1 (rows ragged, trailing blanks out). */
function buildGrid(
  sheet: string,
  top: number,
  left: number,
  values: CellValue[][],
  formulas: (string | null)[][],
  formats: (string | null)[][],
  merges: Area[]
): Grid {
  const outValues: CellValue[][] = [];
  const outFormulas: (string | null)[][] = [];
  const outFormats: (string | null)[][] = [];
  for (let r = 0; r < values.length; r++) {
    let last = -1;
    for (let c = 0; c < values[r].length; c++) if (values[r][c] !== null || formulas[r][c] !== null) last = c;
    if (last < 0) continue;
    const v: CellValue[] = [];
    const f: (string | null)[] = [];
    const n: (string | null)[] = [];
    for (let c = 0; c < left; c++) {
      v.push(null);
      f.push(null);
      n.push("General");
    }
    for (let c = 0; c <= last; c++) {
      v.push(values[r][c]);
      f.push(formulas[r][c]);
      n.push(formats[r][c] || "General");
    }
    outValues[top + r] = v;
    outFormulas[top + r] = f;
    outFormats[top + r] = n;
  }
  for (let r = 0; r < outValues.length; r++) {
    if (!outValues[r]) {
      outValues[r] = [];
      outFormulas[r] = [];
      outFormats[r] = [];
    }
  }
  merges.sort((x, y) => x.top - y.top || x.left - y.left);
  return { sheet, values: outValues, formulas: outFormulas, numberFormats: outFormats, merges };
}
