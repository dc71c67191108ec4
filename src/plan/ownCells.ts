/**
 * Rewriting Ziping's own sheets (自评依据, 指标数据, 自评汇总, 校验报告) without losing what a person
 * put there. Ziping records in _ziping a fingerprint of every cell it wrote (a hash of its content,
 * or "input" for a cell it left for a person to fill); on the next run each cell of the sheet is
 * one of:
 *
 * - empty, or still holding exactly what Ziping wrote: Ziping's to rewrite, or to clear when the new
 *   layout no longer has it;
 * - an input cell a person filled: carried by its key to wherever the new layout puts it (the plan
 *   builders do that); if its key has no place any more, kept where it is and listed;
 * - anything else — a cell Ziping never wrote (a note beside 自评依据, an 审核意见 under 自评汇总) or
 *   one a person changed after Ziping wrote it: never touched; listed when the new plan wanted it.
 *
 * Without a fingerprint (a workbook prepared by an older version), cells the new plan does not write
 * are left alone, and the ones it writes are taken as Ziping's.
 */
import { cellAt, formulaAt, isBlankValue, parseA1, type CellValue, type Grid } from "../sheet/grid";
import type { Fingerprint } from "../own/state";
import type { PlanOp, WorkbookPlan } from "./plan";

const INPUT = "input";

/** FNV-1a, 32 bits, as 8 hex digits: enough to tell a changed cell from an unchanged one. */
function hash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    // h × 16777619 (FNV's prime) modulo 2³², by shifts: no Math.imul in IE11.
    h = (h + (h << 1) + (h << 4) + (h << 7) + (h << 8) + (h << 24)) >>> 0;
  }
  return ("0000000" + h.toString(16)).slice(-8);
}

/** A formula as programs write it back: without "=", quotes around sheet names, "$" or case. */
function normalFormula(formula: string): string {
  return formula.replace(/^=/, "").replace(/'/g, "").replace(/\$/g, "").toUpperCase();
}

function valueText(v: CellValue | undefined): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "object") return v.error;
  if (typeof v === "number") return String(Number(v.toPrecision(15)));
  return typeof v === "string" ? v.trim() : String(v);
}

/** What a cell holds, as a fingerprint entry (a formula by its text, a value by its text). */
function contentHash(formula: string | null | undefined, value: CellValue | undefined): string {
  return hash(formula ? "=" + normalFormula(formula) : "v" + valueText(value));
}

/** The fingerprint entry of a set op: "input" for a cell left to a person, else its content's hash. */
function opEntry(op: Extract<PlanOp, { op: "set" }>): string {
  if (op.style?.input) return INPUT;
  return contentHash(op.formula, op.link ? String(op.value ?? "") : (op.value ?? null));
}

function currentEntry(grid: Grid, row: number, col: number): string | undefined {
  const formula = formulaAt(grid, row, col);
  const value = cellAt(grid, row, col);
  if (!formula && isBlankValue(value)) return undefined;
  return contentHash(formula, value);
}

export interface Reconciled {
  ops: PlanOp[];
  kept: WorkbookPlan["kept"];
  /** What Ziping will have written to the sheet, for the next run. */
  written: Fingerprint;
}

export interface ReconcileOptions {
  /** The sheet as it is now (undefined when it is new). */
  grid?: Grid;
  /** The fingerprint the last run recorded for this sheet. */
  previous?: Fingerprint;
  /**
   * For an input cell a person filled: whether the new plan carries its value elsewhere (its key
   * still has a place). Default: yes.
   */
  carried?(cell: string): boolean;
  /** Why an input whose key has no place any more is kept: "该项已不在评分细则中". */
  lostReason?: string;
}

/**
 * The plan's ops for one of our sheets (no clearSheet: what is not Ziping's stays), adjusted so
 * that nothing a person put there is overwritten or cleared.
 */
export function reconcileOwnSheet(sheet: string, ops: PlanOp[], options: ReconcileOptions): Reconciled {
  const { grid, previous } = options;
  const kept: WorkbookPlan["kept"] = [];
  const written: Fingerprint = new Map();
  const planned = new Set<string>();
  const out: PlanOp[] = [];
  const isOurs = (cell: string): boolean => {
    if (!grid) return true;
    const { row, col } = parseA1(cell);
    const now = currentEntry(grid, row, col);
    if (now === undefined) return true;
    if (!previous) return true;
    const before = previous.get(cell);
    if (before === INPUT) return options.carried ? options.carried(cell) : true;
    return before === now;
  };
  const shown = (cell: string): string => {
    const { row, col } = parseA1(cell);
    return formulaAt(grid!, row, col) ?? valueText(cellAt(grid!, row, col));
  };
  for (const op of ops) {
    if (op.op === "clearSheet") continue;
    if (op.op !== "set" || op.sheet !== sheet) {
      out.push(op);
      continue;
    }
    planned.add(op.cell);
    const entry = opEntry(op);
    // An input the plan fills with the value it carried: the person's own value, kept.
    const unchangedInput = entry === INPUT && grid && previous?.get(op.cell) === INPUT;
    if (isOurs(op.cell) || unchangedInput) {
      out.push(op);
      written.set(op.cell, entry);
    } else {
      kept.push({ sheet, cell: op.cell, reason: "已填写“" + shown(op.cell).slice(0, 40) + "”，保留未改" });
    }
  }
  // What Ziping wrote last time and no longer writes: cleared, if nobody changed it since.
  if (grid && previous) {
    for (const [cell, before] of previous) {
      if (planned.has(cell)) continue;
      const { row, col } = parseA1(cell);
      const now = currentEntry(grid, row, col);
      if (now === undefined) continue;
      if (before === now) out.push({ op: "set", sheet, cell, value: null });
      else if (before === INPUT && !(options.carried ? options.carried(cell) : true))
        kept.push({
          sheet,
          cell,
          reason:
            "已填写“" + shown(cell).slice(0, 40) + "”（" + (options.lostReason ?? "原来的项已不在") + "），保留未改",
        });
    }
  }
  return { ops: out, kept, written };
}
