/// <reference types="et-jsapi-declare" />
/**
 * The part of WPS 表格's ET object model the adapter uses, typed against Kingsoft's published
 * declarations (the `et-jsapi-declare` dev dependency, `Et.*` and `WPS.*`, which may not be
 * modified). Scalar members and methods are picked from the declarations by name, so a misspelt
 * or re-typed member fails to compile; object-valued members are narrowed to the parts used here,
 * so a fake (tests/support/wps/fakeEt.ts) can implement exactly this surface and nothing more.
 *
 * Where the declarations are narrower than the API (they come from a static analysis, their own
 * header says so), the wider type is written out here and says why:
 * - `Range.Formula` and `Range.NumberFormat` read as a 2-D array or a single value (declared
 *   `string`); `Range.MergeCells` reads `null` when the range is partly merged (declared
 *   `boolean`), as in VBA. Writes go through `Value2`, which is declared as taking an array.
 * - `FormatConditions.Add` is declared to return `any`: it returns a FormatCondition.
 * - `Sheets.Item` and `Sheets.Add` are declared to return a Worksheet or a Sheets: a Worksheet here.
 *
 * The declarations' enums (`Et.XlDVType` …) are ambient: they exist only as types, so their values
 * are given below as constants of those types.
 */

// --- enums (values from lib.et.d.ts / lib.kso.d.ts) ------------------------------------------------

export const XL_SHEET_VISIBLE = -1 as Et.XlSheetVisibility;
export const XL_SHEET_HIDDEN = 0 as Et.XlSheetVisibility;
export const XL_SHEET_VERY_HIDDEN = 2 as Et.XlSheetVisibility;

export const XL_VALIDATE_WHOLE_NUMBER = 1 as Et.XlDVType;
export const XL_VALIDATE_DECIMAL = 2 as Et.XlDVType;
export const XL_VALIDATE_LIST = 3 as Et.XlDVType;
export const XL_VALID_ALERT_STOP = 1 as Et.XlDVAlertStyle;

/** XlFormatConditionOperator, which Validation.Add takes as its operator too. */
export const XL_BETWEEN = 1 as Et.XlFormatConditionOperator;
export const XL_GREATER_EQUAL = 7 as Et.XlFormatConditionOperator;
export const XL_EXPRESSION = 2 as Et.XlFormatConditionType;

/** XlHAlign (Excel's constants; the declarations type HorizontalAlignment as a number). */
export const XL_HALIGN = { left: -4131, center: -4108, right: -4152 } as const;

export const MSO_CTP_DOCK_RIGHT = 2 as Kso.MsoCTPDockPosition;

// --- the object model ------------------------------------------------------------------------------

export type EtFont = Pick<Et.Font, "Bold" | "Color">;
export type EtInterior = Pick<Et.Interior, "Color">;

export type EtValidation = Pick<
  Et.Validation,
  | "Add"
  | "Delete"
  | "IgnoreBlank"
  | "InCellDropdown"
  | "InputTitle"
  | "InputMessage"
  | "ErrorTitle"
  | "ErrorMessage"
  | "ShowInput"
  | "ShowError"
>;

/** A rule of `FormatConditions`; `SetLastPriority` is there in builds that rank rules. */
export interface EtFormatCondition extends Partial<Pick<Et.FormatCondition, "SetLastPriority">> {
  readonly Interior: EtInterior;
  readonly Font: EtFont;
}

export interface EtFormatConditions extends Pick<Et.FormatConditions, "Count" | "Delete"> {
  Add(Type: Et.XlFormatConditionType, Operator?: unknown, Formula1?: unknown, Formula2?: unknown): EtFormatCondition;
}

export interface EtCount {
  readonly Count: number;
}

export interface EtRange extends Pick<
  Et.Range,
  | "Value2"
  | "Row"
  | "Column"
  | "Count"
  | "WrapText"
  | "HorizontalAlignment"
  | "Locked"
  | "ColumnWidth"
  | "Hidden"
  | "Merge"
  | "UnMerge"
  | "Clear"
  | "Select"
> {
  /** Declared as a method; some builds give a property (docs/FACTS.md): read through `addressOf`. */
  Address: Et.Range["Address"] | string;
  /** A 2-D array for several cells, one value for one cell (declared `string`). */
  readonly Formula: unknown;
  /** One format for the whole range, `null` when its cells differ (declared `string`). */
  NumberFormat: unknown;
  /** true, false, or `null` when only part of the range is merged (declared `boolean`). */
  readonly MergeCells: unknown;
  readonly MergeArea: EtRange;
  readonly Rows: EtCount;
  readonly Columns: EtCount;
  readonly Font: EtFont;
  readonly Interior: EtInterior;
  readonly Validation: EtValidation;
  readonly FormatConditions: EtFormatConditions;
}

export type EtHyperlinks = Pick<Et.Hyperlinks, "Add">;

export interface EtWorksheet extends Pick<Et.Worksheet, "Name" | "Visible" | "Activate"> {
  Range(Cell1: string): EtRange;
  readonly UsedRange: EtRange;
  /** Every cell of the sheet. */
  readonly Cells: EtRange;
  readonly Hyperlinks: EtHyperlinks;
}

export interface EtSheets extends Pick<Et.Sheets, "Count"> {
  Item(Index: string | number): EtWorksheet;
  Add(Before?: EtWorksheet, After?: EtWorksheet, Count?: number, Type?: number): EtWorksheet;
}

export interface EtWorkbook extends Pick<Et.Workbook, "Name"> {
  readonly Worksheets: EtSheets;
}

export type EtWindow = Pick<Et.Window, "FreezePanes" | "SplitRow" | "SplitColumn" | "ScrollRow" | "ScrollColumn">;

export type EtApiEvent = Pick<WPS.EtApiEvent, "AddApiEventListener" | "RemoveApiEventListener">;

export type EtTaskPane = Pick<WPS.CustomTaskpane, "ID" | "Visible" | "DockPosition" | "Width" | "Navigate">;

export type EtPluginStorage = Pick<WPS.PluginStorage, "getItem" | "setItem" | "removeItem">;

/** `Application` (also `wps`) in a WPS 表格 add-in's pages: the spreadsheet and the add-in services. */
export interface EtApplication extends Pick<Et.Application, "ScreenUpdating" | "EnableEvents"> {
  /** null when no workbook is open. */
  readonly ActiveWorkbook: EtWorkbook | null;
  readonly ActiveSheet: EtWorksheet | null;
  readonly ActiveWindow: EtWindow | null;
  /** A Range when cells are selected (a shape otherwise). */
  readonly Selection: unknown;
  readonly ApiEvent: EtApiEvent;
  CreateTaskPane(url: string, title?: string): EtTaskPane;
  GetTaskPane(id: number): EtTaskPane | null;
  readonly PluginStorage: EtPluginStorage;
}
