/**
 * What the pane needs from wherever the workbook lives: the open workbook in Excel (Office.js), in
 * WPS 表格 (its ET API), or a file opened in the browser (exceljs, standalone mode). Components
 * receive a host; they never call Office, WPS or exceljs themselves.
 */
import type { WorkbookPlan } from "../../plan/plan";
import type { Grid } from "../../sheet/grid";

export interface WorkbookSnapshot {
  grids: Grid[];
  /** False where merged areas could not be read (ExcelApi below 1.13): blank cells then stand for them. */
  mergesKnown: boolean;
}

export interface ApplyResult {
  /** What could not be applied in this Excel or WPS, in Chinese (e.g. data validation needs ExcelApi 1.8). */
  skipped: string[];
}

/** An action asked for outside the pane (WPS's ribbon: 准备工作簿, 发送前校验). */
export type HostCommand = "prepare" | "validate";

export interface WorkbookHost {
  kind: "office" | "wps" | "file";
  /** A name to show: the file's name, or "当前工作簿". */
  name: string;
  read(): Promise<WorkbookSnapshot>;
  apply(plan: WorkbookPlan): Promise<ApplyResult>;
  /** Selects a cell (Excel) or says where it is (a file). */
  select(sheet: string, cell: string): Promise<void>;
  /** Calls back when a person edits the workbook (not on our own writes); returns an unsubscribe. */
  onChange?(listener: () => void): () => void;
  /** Calls back when the ribbon asks the pane for an action (WPS); returns an unsubscribe. */
  onCommand?(listener: (command: HostCommand) => void): () => void;
  /** One line per capability this host lacks, in Chinese. */
  notes: string[];
  /** Parts of the file a round trip would lose (standalone mode), said before anything is written. */
  lossyParts?: string[];
  /** Offers the changed file for download (standalone mode). */
  download?(): Promise<void>;
}

/** The program's name as the user knows it, for "当前 Excel 版本…" and the like. */
export function hostAppName(kind: WorkbookHost["kind"]): string {
  return kind === "wps" ? "WPS" : "Excel";
}
