/**
 * Moving the user to a cell (a finding's "go to") and reading where the user is. ExcelApi 1.1:
 * Worksheet.activate, Range.select, Workbook.getSelectedRange, WorksheetCollection.getActiveWorksheet.
 * One sync each.
 */
import { runAction, type RunActionOptions } from "./action";

/** Activates `sheet` and selects `cell` ("G14" or a range "G14:H20"). */
export function selectCell(sheet: string, cell: string, options: RunActionOptions = {}): Promise<void> {
  return runAction(async (context) => {
    const ws = context.workbook.worksheets.getItem(sheet);
    ws.activate();
    ws.getRange(cell).select();
    await context.sync();
  }, options);
}

export interface Selection {
  sheet: string;
  /** The selected range without the sheet and without "$": "G14" or "G14:H20". */
  range: string;
  /** Its top-left cell: "G14". */
  cell: string;
}

/** The selected range (its first area when several are selected), on the active sheet. */
export function readSelection(options: RunActionOptions = {}): Promise<Selection> {
  return runAction(async (context) => {
    const range = context.workbook.getSelectedRange();
    range.load("address");
    const ws = context.workbook.worksheets.getActiveWorksheet();
    ws.load("name");
    await context.sync();
    return selectionOf(ws.name, range.address);
  }, options);
}

/** "'My sheet'!$G$14:$H$20" on sheet "My sheet" → { sheet, range: "G14:H20", cell: "G14" }. */
export function selectionOf(sheet: string, address: string): Selection {
  const local = address.slice(address.lastIndexOf("!") + 1).replace(/\$/g, "");
  const first = local.split(",")[0].trim();
  return { sheet, range: first, cell: first.split(":")[0] };
}
