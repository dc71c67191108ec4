/**
 * Editing the units' returned files as another program would, for the merge tests of the CLI
 * (tests/cli/merge.test.ts) and of the pane (tests/taskpane/components/Merge.test.tsx).
 */
import { utimesSync } from "node:fs";
import * as ExcelJS from "exceljs";

/** Opens a file as another program would, lets `change` edit it, saves it with the given modified time. */
export async function edit(file: string, modified: Date, change: (wb: ExcelJS.Workbook) => void): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  change(wb);
  await wb.xlsx.writeFile(file);
  utimesSync(file, modified, modified);
}

/** The row of a unit's sheet whose 二级指标 (column B) contains `text`. */
export function rowOf(ws: ExcelJS.Worksheet, text: string): number {
  let found = -1;
  ws.eachRow((row, n) => {
    if (found < 0 && String(row.getCell(2).value ?? "").indexOf(text) >= 0) found = n;
  });
  if (found < 0) throw new Error("no row with " + text);
  return found;
}

/** The row of a keyed sheet (自评依据, 指标数据) with this id in column A. */
export function keyedRow(ws: ExcelJS.Worksheet, id: string): number {
  let found = -1;
  ws.eachRow((row, n) => {
    if (row.getCell(1).value === id) found = n;
  });
  if (found < 0) throw new Error("no row " + id);
  return found;
}
