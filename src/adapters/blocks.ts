/**
 * Pure helpers of the two live adapters (Office.js and WPS): no `Excel`, no `Office`, no ET, so they
 * are tested directly.
 *
 * - `addPending`: a plan's `set` ops gathered per cell (the last content wins, styles in order),
 *   so that each adapter writes a sheet's cells in blocks, not one call per op.
 *
 * - `rectangles`: the cells a plan writes, grouped into rectangles (runs per row, joined down
 *   columns), so that one `range.formulas = [[…]]` assignment writes each block.
 * - `cellContent`: a plan value or formula as what Excel is given through `range.formulas`.
 * - `utf8Bytes`, `jsonBytes`: the estimated size of what a queued command sends, to keep every
 *   request under Excel on the web's 5 MB limit.
 * - `parseAreas`: the A1 areas of a `RangeAreas.address`, as Excel writes them.
 */
import { type Area, areaA1, parseA1, parseArea } from "../sheet/grid";
import type { CellStyle, PlanOp, PlanValue } from "../plan/plan";

// --- A1 ranges ---------------------------------------------------------------------------------

/**
 * The areas of a `RangeAreas.address` ("Sheet1!A1:B2, 'My, sheet'!C3:D4", ExcelApi 1.9): each part
 * is taken after its sheet prefix; parts that are not cell ranges (whole rows or columns) are left
 * out. Sorted by top, then left.
 */
export function parseAreas(address: string): Area[] {
  const out: Area[] = [];
  // A range token: after the start, after "!" or after a ", " separator, and followed by a
  // separator or the end. Sheet names are quoted when they hold a comma, so their text does not
  // end in "!" before a comma.
  const re = /(?:^|!|,\s*)(\$?[A-Za-z]{1,3}\$?\d+(?::\$?[A-Za-z]{1,3}\$?\d+)?)(?=\s*,|\s*$)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(address)) !== null) {
    const area = parseArea(m[1].replace(/\$/g, ""));
    if (area) out.push(area);
  }
  out.sort((a, b) => a.top - b.top || a.left - b.left);
  return out;
}

export function cellCount(area: Area): number {
  return (area.bottom - area.top + 1) * (area.right - area.left + 1);
}

export { areaA1 };

// --- rectangles ----------------------------------------------------------------------------------

export interface Cell {
  row: number;
  col: number;
}

/**
 * Disjoint rectangles that cover exactly the given cells (duplicates ignored): runs of adjacent
 * columns in each row, then runs with the same columns in consecutive rows joined into one.
 * Sorted by top, then left.
 */
export function rectangles(cells: readonly Cell[]): Area[] {
  const seen = new Set<string>();
  const unique: Cell[] = [];
  for (const c of cells) {
    const k = c.row + "," + c.col;
    if (seen.has(k)) continue;
    seen.add(k);
    unique.push(c);
  }
  unique.sort((a, b) => a.row - b.row || a.col - b.col);

  const runs: Area[] = [];
  for (const { row, col } of unique) {
    const last = runs[runs.length - 1];
    if (last && last.top === row && last.right === col - 1) last.right = col;
    else runs.push({ top: row, bottom: row, left: col, right: col });
  }

  // Runs arrive row by row; a rectangle stays open while the next row has a run with its columns.
  const open = new Map<string, Area>();
  const out: Area[] = [];
  for (const run of runs) {
    const key = run.left + ":" + run.right;
    const rect = open.get(key);
    if (rect && rect.bottom === run.top - 1) {
      rect.bottom = run.top;
    } else {
      const fresh = { ...run };
      open.set(key, fresh);
      out.push(fresh);
    }
  }
  return out.sort((a, b) => a.top - b.top || a.left - b.left);
}

// --- what a cell is given ----------------------------------------------------------------------------

/**
 * Text Excel would not keep as text when it is assigned through `range.values` or
 * `range.formulas`: those parse a string as if it were typed, so "=…", "+…", "-…" become formulas
 * (the Range.values reference says so), "1.1" a number, "2023年1月" or "1/2" a date, "TRUE" a
 * boolean and "#N/A" an error. Such text gets Excel's quote prefix ("'"), which marks the cell as
 * text and is not part of its value.
 */
export function needsQuotePrefix(text: string): boolean {
  if (text === "") return false;
  if (/^[=+\-@'#]/.test(text)) return true;
  if (/^\s*(true|false)\s*$/i.test(text)) return true;
  return /\d/.test(text) && /^[\s\d.,:;%/\\$¥￥€£()eE年月日时分秒号点+-]*$/.test(text);
}

export type Content = string | number | boolean;

/** A `set` op's value or formula as given to `range.formulas` (a formula, or a constant). */
export function cellContent(value: PlanValue | undefined, formula: string | undefined): Content {
  if (formula !== undefined) return "=" + formula.trim().replace(/^=/, "").trim();
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return needsQuotePrefix(value) ? "'" + value : value;
  return value;
}

// --- payload size ----------------------------------------------------------------------------------

/** UTF-8 length of a string (what it weighs in a request body). */
export function utf8Bytes(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4; // a surrogate pair: four bytes for the two code units
      i++;
    } else n += 3;
  }
  return n;
}

/** The UTF-8 length of a value's JSON: the estimate of what assigning it sends to Excel. */
export function jsonBytes(value: unknown): number {
  return utf8Bytes(JSON.stringify(value) ?? "");
}

/** A 2-D array of one value, `rows` × `cols` (Range.numberFormat wants one entry per cell). */
export function filled<T>(rows: number, cols: number, value: T): T[][] {
  const out: T[][] = [];
  for (let r = 0; r < rows; r++) {
    const row: T[] = [];
    for (let c = 0; c < cols; c++) row.push(value);
    out.push(row);
  }
  return out;
}

// --- cells gathered per sheet ------------------------------------------------------------------------

export type SetOp = Extract<PlanOp, { op: "set" }>;
export type CfOp = Extract<PlanOp, { op: "conditionalFormat" }>;

/** One cell a plan writes: its last content, its styles in order, its link. */
export interface PendingCell {
  row: number;
  col: number;
  content?: Content;
  styles: CellStyle[];
  link?: { sheet: string; cell: string; text: string };
}

/** A sheet's gathered cells and conditional formats, written together at the end. */
export interface PendingSheet {
  cells: Map<string, PendingCell>;
  cfs: CfOp[];
}

/** Gathers one `set` op into its sheet's pending cells. */
export function addPending(p: PendingSheet, op: SetOp): void {
  const { row, col } = parseA1(op.cell.trim());
  const key = row + "," + col;
  let cell = p.cells.get(key);
  if (!cell) p.cells.set(key, (cell = { row, col, styles: [] }));
  if (op.formula !== undefined || op.value !== undefined) cell.content = cellContent(op.value, op.formula);
  if (op.link) cell.link = { sheet: op.link.sheet, cell: op.link.cell, text: String(op.value ?? "") };
  if (op.style) cell.styles.push(op.style);
}
