/**
 * Bounded reading: what an .xlsx file may ask of this machine before Ziping refuses it. The zip's
 * declared sizes are checked before any part is inflated, and every sheet's row numbers before
 * exceljs builds a model of it, so that no file — a zip bomb, a sheet claiming row 99 999 999, a
 * million-row data dump — costs more than about a gigabyte of memory or half a minute here.
 *
 * | limit | value | what happens |
 * | --- | --- | --- |
 * | one part inflated | 200 MB | refused |
 * | all parts inflated | 100 × the file's size, once above 50 MB | refused (a zip bomb) |
 * | a row number | 1 048 576 (Excel's last row) | refused |
 * | rows in one sheet | 100 000 | the sheet is skipped (named, with why): no scoring table is that long |
 */
import type JSZip from "jszip";

export const LIMITS = {
  partBytes: 200 * 1024 * 1024,
  inflationRatio: 100,
  inflationFloor: 50 * 1024 * 1024,
  lastRow: 1048576,
  sheetRows: 100000,
} as const;

/** A file that exceeds a limit: `message` is Chinese, for the user. */
export class LimitError extends Error {}

interface EntrySizes {
  compressed: number;
  uncompressed: number;
}

/** The sizes the zip's central directory declares for an entry (JSZip keeps them unexposed). */
export function declaredSizes(file: JSZip.JSZipObject): EntrySizes {
  const data = (file as unknown as { _data?: { compressedSize?: number; uncompressedSize?: number } })._data;
  return {
    compressed: data && typeof data.compressedSize === "number" ? data.compressedSize : 0,
    uncompressed: data && typeof data.uncompressedSize === "number" ? data.uncompressedSize : 0,
  };
}

function megabytes(n: number): string {
  return (n / 1024 / 1024).toFixed(n < 10 * 1024 * 1024 ? 1 : 0) + " MB";
}

/** Refuses, from the declared sizes alone, a package that would inflate beyond the limits. */
export function checkSizes(zip: JSZip, fileBytes: number): void {
  let total = 0;
  for (const name of Object.keys(zip.files)) {
    const entry = zip.files[name];
    if (entry.dir) continue;
    const { uncompressed } = declaredSizes(entry);
    if (uncompressed > LIMITS.partBytes)
      throw new LimitError(
        "文件中的“" +
          name +
          "”解压后有 " +
          megabytes(uncompressed) +
          "，超过 " +
          megabytes(LIMITS.partBytes) +
          " 的上限，不予读取"
      );
    total += uncompressed;
  }
  if (total > LIMITS.inflationFloor && total > LIMITS.inflationRatio * Math.max(1, fileBytes))
    throw new LimitError(
      "文件只有 " +
        megabytes(fileBytes) +
        "，解压后却有 " +
        megabytes(total) +
        "（超过 " +
        LIMITS.inflationRatio +
        " 倍），可能是恶意构造的压缩包，不予读取"
    );
}

export interface SheetScan {
  /** Rows the sheet's XML holds. */
  rows: number;
  /** The largest row number named by a row or a cell (1-based), 0 when none. */
  lastRow: number;
}

const ROW_NUMBER = /<(?:[A-Za-z_][\w.-]*:)?row\b[^>]*?\br="(\d+)"/g;
const ROW_TAG = /<(?:[A-Za-z_][\w.-]*:)?row[\s>/]/g;
const CELL_ROW = /<(?:[A-Za-z_][\w.-]*:)?c\b[^>]*?\br="\$?[A-Za-z]{1,3}\$?(\d+)"/g;

/** Counts a sheet's rows and finds its largest row number, without building anything. */
export function scanSheet(xml: string): SheetScan {
  let rows = 0;
  ROW_TAG.lastIndex = 0;
  while (ROW_TAG.exec(xml)) rows++;
  let lastRow = 0;
  for (const re of [ROW_NUMBER, CELL_ROW]) {
    re.lastIndex = 0;
    for (let m = re.exec(xml); m; m = re.exec(xml)) {
      const n = m[1].length > 9 ? Infinity : Number(m[1]);
      if (n > lastRow) lastRow = n;
    }
  }
  return { rows, lastRow };
}

/** Refuses a sheet naming a row beyond Excel's last; says whether it is too long to read. */
export function checkSheet(sheet: string, scan: SheetScan): "read" | "skip" {
  if (scan.lastRow > LIMITS.lastRow)
    throw new LimitError(
      "工作表“" +
        sheet +
        "”写有第 " +
        (Number.isFinite(scan.lastRow) ? scan.lastRow : "99999999…") +
        " 行，超出 Excel 的最后一行（第 1048576 行），文件已损坏或被改动，不予读取"
    );
  return scan.rows > LIMITS.sheetRows ? "skip" : "read";
}

export function skippedReason(sheet: string, rows: number): string {
  return (
    "工作表“" + sheet + "”有 " + rows + " 行，远多于任何评分表（上限 " + LIMITS.sheetRows + " 行），未读取，也不会改动"
  );
}
