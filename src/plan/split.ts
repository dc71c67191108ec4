/**
 * Splitting a task-breakdown sheet by responsible unit, so the office can send each department
 * its own rows. One shared function picks each unit's rows (CONTRACTS.md); the CLI writes one file
 * per unit, the pane one sheet per unit, both from `unitSheetOps`. A collective unit ("各乡镇（街道）",
 * "县领导小组各成员单位") is a unit of its own, named as written.
 */
import { a1, cellAt, columnCount, textAt, type CellValue, type Grid } from "../sheet/grid";
import type { SheetMatch } from "../sheet/match";
import type { SheetLayout, SheetRow } from "../sheet/recognize";
import { OWN_SHEETS } from "../own/sheets";
import type { SheetRecognition } from "../sheet/workbook";
import type { CellStyle, PlanOp, WorkbookPlan } from "./plan";

/** Whether the unit leads a task (牵头) or shares it (责任); short words, so no header reads them as column names. */
export type UnitRole = "牵头" | "责任";

export interface UnitRows {
  unit: string;
  rows: Array<{ row: SheetRow; role: UnitRole }>;
}

/** "县民政局，各乡镇（街道）" → ["县民政局", "各乡镇（街道）"]: lists are split, brackets kept. */
export function splitUnitList(text: string | undefined): string[] {
  if (!text) return [];
  const out: string[] = [];
  let depth = 0;
  let current = "";
  for (const ch of text) {
    if (ch === "（" || ch === "(") depth++;
    if (ch === "）" || ch === ")") depth = Math.max(0, depth - 1);
    if (depth === 0 && /[、，,；;\s]/.test(ch)) {
      if (current.trim()) out.push(current.trim());
      current = "";
    } else current += ch;
  }
  if (current.trim()) out.push(current.trim());
  return out;
}

export function hasUnitColumn(layout: SheetLayout): boolean {
  return layout.columns.units !== undefined || layout.columns.lead !== undefined;
}

/**
 * The sheet split by unit and merged back: the first recognized sheet with a 牵头单位 or 责任单位
 * column, with its rubric's match (the primary's, which honours a chosen or remembered rubric,
 * when it is that sheet). The same choice for `split`, `merge` and the pane's 合并各单位报送.
 */
export function unitSheet(
  sheets: readonly SheetRecognition[],
  primary: SheetRecognition | undefined
): { layout: SheetLayout; match?: SheetMatch } | undefined {
  const sheet = sheets.find((s) => s.layout.kind !== "unknown" && hasUnitColumn(s.layout));
  if (!sheet) return undefined;
  const match = primary && primary.layout.sheet === sheet.layout.sheet ? primary.match : sheet.match;
  return { layout: sheet.layout, match };
}

/** Each unit and its rows, in order of first appearance; a row lists a unit once (牵头 before 责任). */
export function rowsByUnit(layout: SheetLayout): UnitRows[] {
  const byUnit = new Map<string, UnitRows>();
  for (const row of layout.rows) {
    if (row.kind !== "indicator") continue;
    const roles: Array<[string, UnitRole]> = [
      ...splitUnitList(row.lead).map((u): [string, UnitRole] => [u, "牵头"]),
      ...splitUnitList(row.responsible).map((u): [string, UnitRole] => [u, "责任"]),
    ];
    const seen = new Set<string>();
    for (const [unit, role] of roles) {
      if (seen.has(unit)) continue;
      seen.add(unit);
      if (!byUnit.has(unit)) byUnit.set(unit, { unit, rows: [] });
      byUnit.get(unit)!.rows.push({ row, role });
    }
  }
  return Array.from(byUnit.values());
}

/** A file name from a unit's name: characters no file system accepts are replaced. */
export function unitFileName(unit: string): string {
  return unit.replace(/[\\/:*?"<>|\r\n\t]/g, "_").slice(0, 80) || "未命名单位";
}

const HEADER: CellStyle = { bold: true, fill: "#DDEBF7", wrap: true, align: "center" };
const INPUT: CellStyle = { input: true, wrap: true };

/** The columns a unit fills that the county's table lacks: 完成情况 and 佐证材料, after 本单位职责. */
export function unitInputColumns(layout: SheetLayout): string[] {
  const out: string[] = [];
  if (layout.columns.progress === undefined) out.push("完成情况");
  if (layout.columns.evidence === undefined) out.push("佐证材料");
  return out;
}

/**
 * The ops that write one unit's sheet: the header rows as they are, then the unit's rows with
 * their category written out (it is blank below a category's first row in the source), a column
 * saying whether the unit leads or shares the task, and the columns the unit fills (完成情况,
 * 佐证材料) where the table has none.
 */
export function unitSheetOps(grid: Grid, layout: SheetLayout, unit: UnitRows, sheet: string): PlanOp[] {
  const width = columnCount(grid);
  const ops: PlanOp[] = [];
  const set = (row: number, col: number, value: CellValue, style?: CellStyle) => {
    if (value === null || typeof value === "object") return;
    ops.push({ op: "set", sheet, cell: a1(row, col), value, style });
  };
  const headerRows = layout.headerRow - layout.headerTop + 1;
  for (let r = 0; r < headerRows; r++) {
    for (let c = 0; c < width; c++) set(r, c, cellAt(grid, layout.headerTop + r, c), HEADER);
  }
  for (const m of grid.merges) {
    if (m.top >= layout.headerTop && m.bottom <= layout.headerRow) {
      ops.push({
        op: "merge",
        sheet,
        range: a1(m.top - layout.headerTop, m.left) + ":" + a1(m.bottom - layout.headerTop, m.right),
      });
    }
  }
  set(headerRows - 1, width, "本单位职责", HEADER);
  // What the unit fills and `merge` carries back: 完成情况 and 佐证材料, where the table has no such column.
  const inputs = unitInputColumns(layout);
  inputs.forEach((header, k) => set(headerRows - 1, width + 1 + k, header, HEADER));
  unit.rows.forEach(({ row, role }, i) => {
    const target = headerRows + i;
    for (let c = 0; c < width; c++) {
      const own = cellAt(grid, row.row, c);
      const category =
        c === layout.columns.category && (own === null || own === "") && row.category
          ? textAt(grid, row.category.row, c)
          : null;
      set(target, c, category ?? own, { wrap: true });
    }
    set(target, width, role);
    inputs.forEach((_, k) => ops.push({ op: "style", sheet, range: a1(target, width + 1 + k), style: INPUT }));
  });
  ops.push({ op: "freeze", sheet, rows: headerRows, columns: 0 });
  return ops;
}

/** Excel's limit on a sheet name's length. */
export const SHEET_NAME_MAX = 31;

/** A unit's name made a valid Excel sheet name: no []:*?/\, no leading or trailing ', at most 31 characters. */
export function validSheetName(name: string): string {
  const cleaned = name
    .replace(/[[\]:*?/\\]/g, "_")
    .replace(/[\r\n\t]/g, " ")
    .trim()
    .replace(/^'+|'+$/g, "");
  const cut = Array.from(cleaned).slice(0, SHEET_NAME_MAX).join("");
  // "History" is reserved by Excel.
  if (!cut || cut.toLowerCase() === "history") return "未命名单位";
  return cut;
}

/** A name not in `taken` (compared as Excel does, ignoring case), "名称 (2)" … within 31 characters. */
export function uniqueSheetName(name: string, taken: ReadonlySet<string>): string {
  const base = validSheetName(name);
  if (!taken.has(base.toLowerCase())) return base;
  for (let n = 2; ; n++) {
    const suffix = " (" + n + ")";
    const candidate =
      Array.from(base)
        .slice(0, SHEET_NAME_MAX - suffix.length)
        .join("") + suffix;
    if (!taken.has(candidate.toLowerCase())) return candidate;
  }
}

/**
 * One sheet per responsible unit. A unit's sheet that a previous split wrote (same name) is
 * cleared and written again, so splitting twice gives the same workbook; the source sheet and
 * Ziping's own sheets are never reused.
 */
export function splitPlan(grids: readonly Grid[], layout: SheetLayout): WorkbookPlan {
  const grid = grids.find((g) => g.sheet === layout.sheet);
  if (!grid) throw new Error("工作簿中没有工作表“" + layout.sheet + "”");
  const existing = new Set(grids.map((g) => g.sheet.toLowerCase()));
  const reserved = new Set([layout.sheet, ...OWN_SHEETS].map((s) => s.toLowerCase()));
  const used = new Set<string>(reserved);
  const ops: PlanOp[] = [];
  const added: string[] = [];
  const rewritten: string[] = [];
  for (const unit of rowsByUnit(layout)) {
    const sheet = uniqueSheetName(unit.unit, used);
    used.add(sheet.toLowerCase());
    ops.push({ op: "addSheet", sheet });
    if (existing.has(sheet.toLowerCase())) {
      ops.push({ op: "clearSheet", sheet });
      rewritten.push(sheet);
    } else added.push(sheet);
    ops.push(...unitSheetOps(grid, layout, unit, sheet));
  }
  const summary: string[] = [];
  if (added.length) summary.push("新建 " + added.length + " 个工作表，每个责任单位一个：" + added.join("、"));
  if (rewritten.length) summary.push("清空并重写已有的 " + rewritten.length + " 个同名工作表：" + rewritten.join("、"));
  const noUnit = layout.rows.filter((r) => r.kind === "indicator" && !r.lead && !r.responsible);
  if (noUnit.length)
    summary.push("第 " + noUnit.map((r) => r.row + 1).join("、") + " 行没有填写责任单位，不分到任何单位");
  summary.push("“" + layout.sheet + "”本身不作改动");
  return { ops, summary, kept: [] };
}
