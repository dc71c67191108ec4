/**
 * What the running Excel can do, asked with `Office.context.requirements.isSetSupported` — never
 * assumed. The manifest declares ExcelApi 1.1 (CONTRACTS.md), so Excel 2016 (MSI) runs the add-in;
 * everything newer is detected here and skipped with a Chinese note when missing, never an error.
 *
 * Requirement sets, as the Office.js reference (learn.microsoft.com/javascript/api/excel/…) gives them:
 * - 1.1: worksheets, ranges, values/formulas/numberFormat/valueTypes, Worksheet.getUsedRange (a
 *   blank sheet gives A1, no error), fill/font/wrapText/horizontalAlignment, activate, select;
 *   reading Worksheet.visibility.
 * - 1.2: setting Worksheet.visibility, Range.merge/unmerge, RangeFormat.columnWidth,
 *   FormatProtection.locked, getUsedRange's `valuesOnly`.
 * - 1.4: Worksheet.getUsedRangeOrNullObject.
 * - 1.6: conditional formats (ConditionalFormatCollection.add/clearAll, custom rules),
 *   Application.suspendApiCalculationUntilNextSync.
 * - 1.7: Range.hyperlink, Worksheet.freezePanes, Worksheet.onChanged.
 * - 1.8: Range.dataValidation, Runtime.enableEvents.
 * - 1.13: Range.getMergedAreasOrNullObject (only areas whose top-left cell lies in the range; fails
 *   above 512 areas — office-js #3611).
 */

export type ExcelApiVersion = "1.1" | "1.2" | "1.4" | "1.6" | "1.7" | "1.8" | "1.13";

/** Whether the host supports ExcelApi `version`. 1.1 is what the manifest requires: always true. */
export function supports(version: ExcelApiVersion): boolean {
  if (version === "1.1") return true;
  try {
    if (typeof Office === "undefined" || !Office.context || !Office.context.requirements) return false;
    return Office.context.requirements.isSetSupported("ExcelApi", version) === true;
  } catch {
    return false;
  }
}

export interface Capabilities {
  /** Conditional formats can be written (ExcelApi 1.6). */
  conditionalFormats: boolean;
  /** Data validations can be written (ExcelApi 1.8). */
  dataValidation: boolean;
  /** Worksheet change events, for the live dashboard (ExcelApi 1.7). */
  events: boolean;
  /** Merged areas can be read (ExcelApi 1.13). */
  merges: boolean;
  /** `getUsedRangeOrNullObject` (ExcelApi 1.4). */
  usedRangeOrNull: boolean;
  /** Our own writes can be kept from firing events: `context.runtime.enableEvents` (ExcelApi 1.8). */
  enableEvents: boolean;
  /** `suspendApiCalculationUntilNextSync` (ExcelApi 1.6). */
  suspendCalculation: boolean;
  /** Range.hyperlink (ExcelApi 1.7). */
  hyperlinks: boolean;
  /** Worksheet.freezePanes (ExcelApi 1.7). */
  freezePanes: boolean;
  /** Range.merge / unmerge (ExcelApi 1.2). */
  mergeCells: boolean;
  /** Setting Worksheet.visibility (ExcelApi 1.2). */
  sheetVisibility: boolean;
  /** FormatProtection.locked, to unlock input cells (ExcelApi 1.2). */
  cellProtection: boolean;
  /** RangeFormat.columnWidth (ExcelApi 1.2). */
  columnWidth: boolean;
  /** getUsedRange(valuesOnly) (ExcelApi 1.2). */
  valuesOnlyUsedRange: boolean;
}

/** Asked afresh on every call (cheap), so a test or a host that changes is never stale. */
export function capabilities(): Capabilities {
  const v12 = supports("1.2");
  const v16 = supports("1.6");
  const v17 = supports("1.7");
  const v18 = supports("1.8");
  return {
    conditionalFormats: v16,
    dataValidation: v18,
    events: v17,
    merges: supports("1.13"),
    usedRangeOrNull: supports("1.4"),
    enableEvents: v18,
    suspendCalculation: v16,
    hyperlinks: v17,
    freezePanes: v17,
    mergeCells: v12,
    sheetVisibility: v12,
    cellProtection: v12,
    columnWidth: v12,
    valuesOnlyUsedRange: v12,
  };
}

/** Features whose absence the user is told about, with the note shown in the pane. */
export type NotedFeature =
  | "dataValidation"
  | "conditionalFormats"
  | "hyperlinks"
  | "freezePanes"
  | "mergeCells"
  | "sheetVisibility"
  | "cellProtection"
  | "columnWidth"
  | "merges"
  | "events";

export const CAPABILITY_NOTES: Record<NotedFeature, string> = {
  dataValidation: "当前 Excel 版本不支持数据验证（需要 ExcelApi 1.8），已跳过下拉列表和数值范围",
  conditionalFormats: "当前 Excel 版本不支持条件格式（需要 ExcelApi 1.6），已跳过按条件标色（如未达标、未填写）",
  hyperlinks: "当前 Excel 版本不支持单元格超链接（需要 ExcelApi 1.7），已跳过跳转链接，文字照常写入",
  freezePanes: "当前 Excel 版本不支持冻结窗格（需要 ExcelApi 1.7），已跳过冻结表头",
  mergeCells: "当前 Excel 版本不支持合并单元格（需要 ExcelApi 1.2），已跳过合并，内容照常写入",
  sheetVisibility: "当前 Excel 版本不支持隐藏工作表（需要 ExcelApi 1.2），加载项的工作表将保持可见",
  cellProtection: "当前 Excel 版本不支持设置单元格锁定（需要 ExcelApi 1.2），填写区仍标为黄色，但未解除锁定",
  columnWidth: "当前 Excel 版本不支持设置列宽（需要 ExcelApi 1.2），已跳过列宽",
  merges: "当前 Excel 版本无法读取合并单元格（需要 ExcelApi 1.13），未读取合并区域",
  events: "当前 Excel 版本不支持工作表更改事件（需要 ExcelApi 1.7），修改单元格后请手动重新检查",
};

/** One Chinese line per missing feature, in a fixed order. */
export function capabilityNotes(caps: Capabilities = capabilities()): string[] {
  return (Object.keys(CAPABILITY_NOTES) as NotedFeature[]).filter((f) => !caps[f]).map((f) => CAPABILITY_NOTES[f]);
}
