/**
 * The Office.js adapter: read the open workbook into Grids, apply a WorkbookPlan, move the user to
 * a cell. Only this folder touches the `Excel` and `Office` globals (docs/DESIGN.md, "Layers");
 * nothing here recognizes, scores or finds anything.
 */
export { capabilities, capabilityNotes, supports, CAPABILITY_NOTES } from "./capabilities";
export type { Capabilities, ExcelApiVersion, NotedFeature } from "./capabilities";
export { OfficeActionError, runAction, tryAction, toActionError, isCellEditModeError } from "./action";
export type { ActionResult, RunActionOptions } from "./action";
export { readWorkbook, readWorkbookIn } from "./read";
export type { OfficeSheet, OfficeWorkbook, ReadOptions, SheetState } from "./read";
export { applyPlan, applyPlanIn, checkPlan, isApplying, columnWidthPoints, CHUNK_BYTES, INPUT_FILL } from "./apply";
export type { ApplyOptions, ApplyResult, SkipReason } from "./apply";
export { selectCell, readSelection, selectionOf } from "./selection";
export type { Selection } from "./selection";
