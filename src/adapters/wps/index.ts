/**
 * The WPS 表格 adapter: read the open workbook into Grids, apply a WorkbookPlan, move the user to a
 * cell, follow edits — over WPS's synchronous, VBA-shaped ET API (et.ts: the declared surface).
 * Only this folder touches WPS's `Application`; nothing here recognizes, scores or finds anything.
 */
export { wpsApplication, toWpsError, WpsActionError, NOT_IN_WPS, NO_WORKBOOK } from "./action";
export { readWorkbook, rowsOf } from "./read";
export type { WpsSheet, WpsWorkbook, SheetState } from "./read";
export { applyPlan, checkPlan, isApplying, bgr, rangeAddress, INPUT_FILL, WPS_SKIP_NOTES } from "./apply";
export type { WpsApplyResult, WpsSkipReason } from "./apply";
export { hasChangeEvents, onWorkbookChanged } from "./events";
export { selectCell } from "./selection";
export { COMMAND_KEY, TASKPANE_KEY, onPaneCommand, postCommand, takeCommand } from "./commands";
export type { PaneCommand } from "./commands";
export type { EtApplication } from "./et";
