/**
 * A WorkbookPlan: what an action will change, as data — cell writes, formulas, data validations,
 * conditional formats and sheets to add. Pure code builds it; each adapter (Office.js, exceljs)
 * applies it and nothing else, so the CLI and the pane change a workbook the same way.
 */
import type { CellError } from "../sheet/grid";

export type PlanValue = string | number | boolean | null;

/** A formula's saved result: a value, or an error such as #DIV/0!. */
export type PlanResult = PlanValue | { error: CellError };

/** Cell styles the plan may ask for; adapters map them to their own formats. */
export interface CellStyle {
  bold?: boolean;
  /** "#RRGGBB" */
  fill?: string;
  /** "#RRGGBB" */
  fontColor?: string;
  wrap?: boolean;
  /** Excel number format: "0%", "0.0". */
  numberFormat?: string;
  /** A cell the user fills: unlocked and shaded as input. */
  input?: boolean;
  align?: "left" | "center" | "right";
}

export type PlanOp =
  /**
   * Adds the sheet, or takes the existing one of that name: its visibility, column widths and
   * hidden columns (0-based; ids and keys a person need not see) are set either way.
   */
  | { op: "addSheet"; sheet: string; hidden?: boolean; columnWidths?: number[]; hiddenColumns?: number[] }
  | { op: "clearSheet"; sheet: string }
  /** A value, or a formula ("=MIN(4,…)") with the result the engine expects, written as the cached value. */
  | {
      op: "set";
      sheet: string;
      cell: string;
      value?: PlanValue;
      formula?: string;
      result?: PlanResult;
      style?: CellStyle;
      /** Makes the cell a link to a place in the workbook; the value is its text. */
      link?: { sheet: string; cell: string };
    }
  | { op: "style"; sheet: string; range: string; style: CellStyle }
  | {
      op: "validation";
      sheet: string;
      range: string;
      rule:
        | { type: "list"; values: string[] }
        | { type: "decimal"; min: number; max: number }
        | { type: "whole"; min: number; max?: number };
      /** Shown when the cell is selected. */
      prompt?: { title: string; message: string };
      /** Shown when a typed value breaks the rule. */
      error?: { title: string; message: string };
    }
  | {
      op: "conditionalFormat";
      sheet: string;
      range: string;
      /** A formula relative to the range's top-left cell, true where the format applies. */
      formula: string;
      style: { fill?: string; fontColor?: string; bold?: boolean };
    }
  /**
   * The saved result of a formula the plan does not write, whose value the plan changes (or whose
   * saved result was stale): only files carry saved results; Excel and WPS compute their own.
   */
  | { op: "cache"; sheet: string; cell: string; result: PlanResult }
  | { op: "merge"; sheet: string; range: string }
  | { op: "freeze"; sheet: string; rows: number; columns: number };

export interface WorkbookPlan {
  ops: PlanOp[];
  /** What the plan will change, in Chinese, to show before anything is written. */
  summary: string[];
  /** Cells a person typed that the plan keeps (and why), in Chinese. */
  kept: Array<{ sheet: string; cell: string; reason: string }>;
}

export function emptyPlan(): WorkbookPlan {
  return { ops: [], summary: [], kept: [] };
}
