/**
 * The workbook an imported notice becomes: each scoring table of the document as a sheet laid out as
 * the document has it — its heading lines above as the title (merged across the table), the table's
 * cells with their merges, columns sized from the document's table grid, text wrapped, the header
 * bold and frozen — ready for `fill`. Tables that are no scoring table (a roster, a schedule) are
 * left out and named. Pure: tables in, a WorkbookPlan out.
 */
import type { CellStyle, PlanOp, WorkbookPlan } from "../plan/plan";
import { uniqueSheetName } from "../plan/split";
import { a1, areaA1, columnCount, type Grid } from "../sheet/grid";
import { recognizeSheet, type SheetLayout } from "../sheet/recognize";
import { OWN_SHEETS } from "../own/sheets";
import type { NoticeTable } from "./notice";

export interface ImportedTable {
  table: NoticeTable;
  /** The sheet it was written to; undefined when it is no scoring table. */
  sheet?: string;
  /** How the sheet was recognized (on the sheet as written). */
  layout: SheetLayout;
  /** Why the table was left out, in Chinese. */
  reason?: string;
}

export interface ImportResult {
  plan: WorkbookPlan;
  tables: ImportedTable[];
}

const TITLE_STYLE: CellStyle = { bold: true, align: "center", wrap: true };
const HEADER_STYLE: CellStyle = { bold: true, align: "center", wrap: true, fill: "#DDEBF7" };
const BODY_STYLE: CellStyle = { wrap: true };

/** A Word grid width (twentieths of a point) as an Excel column width (characters), a little roomier. */
export function columnWidth(twips: number): number {
  const chars = (twips / 105) * 1.2;
  return Math.max(4, Math.min(100, Math.round(chars * 10) / 10));
}

/** Column widths from the text when the document gives none: about the longest line, within 6–50. */
function widthsFromText(table: NoticeTable): number[] {
  const widths: number[] = [];
  for (let c = 0; c < table.width; c++) {
    let longest = 0;
    for (const row of table.values) {
      const v = row[c];
      if (v === null || v === undefined) continue;
      for (const line of String(v).split("\n")) {
        let w = 0;
        for (const ch of line) w += ch.charCodeAt(0) > 0x2e80 ? 2 : 1.1;
        if (w > longest) longest = w;
      }
    }
    widths.push(Math.max(6, Math.min(50, Math.round(longest / 2))));
  }
  return widths;
}

/** The title lines above the table and the table as one grid, as it will stand on its sheet. */
export function sheetGrid(table: NoticeTable, sheet: string): Grid {
  const top = table.title.length;
  const values = table.title.map((t) => [t] as Grid["values"][number]).concat(table.values.map((r) => r.slice()));
  const merges = table.title
    .map((_, r) => ({ top: r, left: 0, bottom: r, right: Math.max(0, table.width - 1) }))
    .filter((m) => m.right > m.left)
    .concat(table.merges.map((m) => ({ top: m.top + top, left: m.left, bottom: m.bottom + top, right: m.right })));
  return { sheet, values, merges };
}

function sheetName(table: NoticeTable, taken: Set<string>): string {
  const named = table.title.filter((t) => !/^附\s*件/.test(t));
  const name = uniqueSheetName(named.length ? named[named.length - 1] : "表" + table.index, taken);
  taken.add(name.toLowerCase());
  return name;
}

function sheetOps(table: NoticeTable, grid: Grid, layout: SheetLayout): PlanOp[] {
  const sheet = grid.sheet;
  const known = table.widths.length === table.width && table.widths.every((w) => w > 0);
  const ops: PlanOp[] = [
    {
      op: "addSheet",
      sheet,
      columnWidths: known ? table.widths.map(columnWidth) : widthsFromText(table),
    },
  ];
  const top = table.title.length;
  const headerFrom = layout.headerTop >= 0 ? layout.headerTop : top;
  const headerTo = layout.headerRow >= 0 ? layout.headerRow : top - 1;
  const width = Math.max(table.width, columnCount(grid));
  grid.values.forEach((row, r) => {
    const style = r < top ? TITLE_STYLE : r >= headerFrom && r <= headerTo ? HEADER_STYLE : BODY_STYLE;
    for (let c = 0; c < width; c++) {
      const value = row[c];
      if (value === null || value === undefined || typeof value === "object") {
        // A blank cell of the table still wraps and, in the header, shows as header.
        if (r >= top) ops.push({ op: "style", sheet, range: a1(r, c), style });
        continue;
      }
      ops.push({ op: "set", sheet, cell: a1(r, c), value, style });
    }
  });
  for (const m of grid.merges) ops.push({ op: "merge", sheet, range: areaA1(m) });
  if (layout.headerRow >= 0) ops.push({ op: "freeze", sheet, rows: layout.headerRow + 1, columns: 0 });
  return ops;
}

/**
 * Each scoring table as a sheet. A table is a scoring table when recognition finds its header and at
 * least one indicator row on the sheet as it will be written (the same recognition as for sheets).
 */
export function importPlan(tables: readonly NoticeTable[]): ImportResult {
  const taken = new Set<string>(OWN_SHEETS.map((s) => s.toLowerCase()));
  const ops: PlanOp[] = [];
  const summary: string[] = [];
  const result: ImportedTable[] = [];
  for (const table of tables) {
    const probe = sheetGrid(table, "表" + table.index);
    const layout = recognizeSheet(probe);
    const indicators = layout.rows.filter((r) => r.kind === "indicator").length;
    if (layout.kind === "unknown" || indicators === 0) {
      result.push({
        table,
        layout,
        reason:
          layout.kind === "unknown" ? "不是评分表（未找到“二级指标”“评分标准”“分值”等表头）" : "有表头，但没有指标行",
      });
      continue;
    }
    const sheet = sheetName(table, taken);
    const grid = { ...probe, sheet };
    const written = { ...layout, sheet };
    ops.push(...sheetOps(table, grid, written));
    summary.push(
      "第 " +
        table.index +
        " 个表格" +
        (table.parts > 1 ? "（跨页，由 " + table.parts + " 段接续）" : "") +
        " → 工作表“" +
        sheet +
        "”：" +
        indicators +
        " 行指标"
    );
    result.push({ table, sheet, layout: written });
  }
  return { plan: { ops, summary, kept: [] }, tables: result };
}
