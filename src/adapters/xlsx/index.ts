/**
 * The exceljs adapter: read an .xlsx file into Grids, apply a WorkbookPlan, write it back.
 * Only this folder imports exceljs (docs/DESIGN.md, "Layers"); nothing it exports exposes an exceljs type.
 */
export { readWorkbook, newWorkbook, XlsxReadError } from "./read";
// A type only: an XlsxWorkbook comes from readWorkbook or newWorkbook, never from `new`.
export type { XlsxWorkbook, SheetInfo, SheetState, XlsxReadFailure } from "./read";
export { applyPlan, writeWorkbook, XlsxApplyError, XlsxProtectedError, INPUT_FILL, PINNED_DATE } from "./apply";
export type { WriteOptions } from "./apply";
