/**
 * A Grid: one sheet's cells as Excel gives them, its merged areas and A1 addresses — the one
 * shape both adapters (Office.js, exceljs) read into, so recognition never meets either.
 */

export type CellError =
  "#REF!" | "#VALUE!" | "#DIV/0!" | "#NAME?" | "#N/A" | "#NUM!" | "#NULL!" | "#SPILL!" | "#CALC!" | "#GETTING_DATA";

export const CELL_ERRORS: readonly CellError[] = [
  "#REF!",
  "#VALUE!",
  "#DIV/0!",
  "#NAME?",
  "#N/A",
  "#NUM!",
  "#NULL!",
  "#SPILL!",
  "#CALC!",
  "#GETTING_DATA",
];

/** A cell's value: blank (null), a number, text, a boolean, or an error. */
export type CellValue = null | number | string | boolean | { error: CellError };

/** A rectangle of cells, 0-based, inclusive. */
export interface Area {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface Grid {
  sheet: string;
  /** Row-major, 0-based; rows may be ragged; a missing cell is blank. */
  values: CellValue[][];
  /** Formulas where a cell holds one ("=SUM(D3:D6)"), same shape as values; absent when unknown. */
  formulas?: (string | null)[][];
  /** Number formats ("0%", "General"), same shape as values; absent when unknown. */
  numberFormats?: (string | null)[][];
  merges: Area[];
}

export function rowCount(grid: Grid): number {
  return grid.values.length;
}

export function columnCount(grid: Grid): number {
  let n = 0;
  for (const row of grid.values) if (row.length > n) n = row.length;
  return n;
}

export function cellAt(grid: Grid, row: number, col: number): CellValue {
  const r = grid.values[row];
  if (!r) return null;
  const v = r[col];
  return v === undefined ? null : v;
}

export function formulaAt(grid: Grid, row: number, col: number): string | null {
  const r = grid.formulas?.[row];
  return (r && r[col]) || null;
}

export function isErrorValue(value: CellValue): value is { error: CellError } {
  return typeof value === "object" && value !== null && "error" in value;
}

export function isBlankValue(value: CellValue): boolean {
  return value === null || (typeof value === "string" && value.trim() === "");
}

/** A cell's value as text, for recognition ("" for blanks, numbers as written). */
export function textAt(grid: Grid, row: number, col: number): string {
  const v = cellAt(grid, row, col);
  if (v === null) return "";
  if (isErrorValue(v)) return v.error;
  return String(v);
}

/** The merged area whose top-left cell is (row, col), or that covers it. */
export function mergeAt(grid: Grid, row: number, col: number): Area | undefined {
  for (const m of grid.merges) if (row >= m.top && row <= m.bottom && col >= m.left && col <= m.right) return m;
  return undefined;
}

/** The value shown at a cell: a merged area shows its top-left cell's value everywhere. */
export function shownAt(grid: Grid, row: number, col: number): CellValue {
  const m = mergeAt(grid, row, col);
  return m ? cellAt(grid, m.top, m.left) : cellAt(grid, row, col);
}

// --- A1 addresses -----------------------------------------------------------------------------

/** 0 → "A", 25 → "Z", 26 → "AA". */
export function columnLetter(col: number): string {
  let n = col + 1;
  let s = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    s = String.fromCharCode(65 + rem) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function columnIndex(letters: string): number {
  let n = 0;
  for (let i = 0; i < letters.length; i++) n = n * 26 + (letters.toUpperCase().charCodeAt(i) - 64);
  return n - 1;
}

/** (0, 0) → "A1": no "$", no sheet (CONTRACTS.md). */
export function a1(row: number, col: number): string {
  return columnLetter(col) + (row + 1);
}

export function parseA1(address: string): { row: number; col: number } {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(address);
  if (!m) throw new Error("单元格地址无效：" + address);
  return { row: Number(m[2]) - 1, col: columnIndex(m[1]) };
}

/**
 * "B3", "B3:D9", "$B$3:$D$9", "D9:B3" → a 0-based area (corners in any order); undefined when
 * it is not an A1 cell or range. What both adapters read plan ranges and merges with.
 */
export function parseArea(range: string): Area | undefined {
  const parts = range.trim().split(":");
  if (parts.length > 2 || !parts[0]) return undefined;
  try {
    const s = parseA1(parts[0]);
    const e = parts[1] !== undefined ? parseA1(parts[1]) : s;
    return {
      top: Math.min(s.row, e.row),
      left: Math.min(s.col, e.col),
      bottom: Math.max(s.row, e.row),
      right: Math.max(s.col, e.col),
    };
  } catch {
    return undefined;
  }
}

export function areaA1(area: Area): string {
  const start = a1(area.top, area.left);
  const end = a1(area.bottom, area.right);
  return start === end ? start : start + ":" + end;
}
