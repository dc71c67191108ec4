/**
 * The 校验报告 sheet: one row per finding — 序号, 级别, 代码, 工作表, 单元格 (a link to the cell),
 * 指标, 说明 — and the offending cells marked (errors red, warnings amber), their values untouched.
 */
import { STATE_SHEET } from "../plan/formulas";
import { checkOwnSheets, REPORT_HEADERS, REPORT_SHEET } from "../plan/ownSheets";
import type { PlanOp, WorkbookPlan } from "../plan/plan";

export { REPORT_SHEET };
import type { Grid } from "../sheet/grid";
import { SEVERITY_NAMES, type Finding } from "./findings";

const MARK = { error: "#F8CBAD", warning: "#FFE699", info: "#DDEBF7" } as const;
const HEADER = { bold: true, fill: "#DDEBF7", align: "center" as const };

export function buildReportPlan(grids: readonly Grid[], findings: readonly Finding[]): WorkbookPlan {
  checkOwnSheets(grids, [REPORT_SHEET]);
  const exists = grids.some((g) => g.sheet === REPORT_SHEET);
  const ops: PlanOp[] = [
    exists
      ? { op: "clearSheet", sheet: REPORT_SHEET }
      : { op: "addSheet", sheet: REPORT_SHEET, columnWidths: [6, 8, 26, 12, 10, 8, 70, 24] },
  ];
  REPORT_HEADERS.forEach((h, col) =>
    ops.push({ op: "set", sheet: REPORT_SHEET, cell: String.fromCharCode(65 + col) + "1", value: h, style: HEADER })
  );
  findings.forEach((f, i) => {
    const row = i + 2;
    const set = (col: string, value: string | number, extra: Partial<Extract<PlanOp, { op: "set" }>> = {}) =>
      ops.push({ op: "set", sheet: REPORT_SHEET, cell: col + row, value, ...extra });
    set("A", i + 1);
    set("B", f.accepted ? "已说明" : SEVERITY_NAMES[f.severity], { style: { fill: MARK[f.severity] } });
    set("C", f.code);
    set("D", f.sheet);
    if (f.cell) set("E", f.cell, { link: { sheet: f.sheet, cell: f.cell }, style: { fontColor: "#0563C1" } });
    set("F", f.indicator ?? "");
    set("G", f.message.slice(0, 2000), { style: { wrap: true } });
    if (f.accepted) set("H", f.accepted.note.slice(0, 2000), { style: { wrap: true } });
  });
  if (!findings.length) ops.push({ op: "set", sheet: REPORT_SHEET, cell: "G2", value: "未发现问题" });
  ops.push({ op: "freeze", sheet: REPORT_SHEET, rows: 1, columns: 0 });
  // Mark the cells themselves, worst finding first; our own hidden sheet is never styled.
  const marked = new Set<string>();
  for (const f of findings) {
    const key = f.sheet + "!" + f.cell;
    if (!f.cell || f.accepted || f.sheet === STATE_SHEET || f.sheet === REPORT_SHEET || marked.has(key)) continue;
    marked.add(key);
    ops.push({ op: "style", sheet: f.sheet, range: f.cell, style: { fill: MARK[f.severity] } });
  }
  return {
    ops,
    summary: ["新建“" + REPORT_SHEET + "”：" + findings.length + " 条校验结果，并在原单元格上标色"],
    kept: [],
  };
}
