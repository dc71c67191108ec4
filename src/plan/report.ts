/**
 * The 校验报告 sheet: one row per finding — 序号, 级别, 问题 (the kind, in words), 工作表, 单元格 (a
 * link to the cell), 指标 (number and name), 说明, 情况说明 (for a person to write) and, hidden, the
 * finding's key — then the score, as every place says it; the offending cells are marked (errors
 * red, warnings amber), their values untouched. A 情况说明 typed under a previous report is carried
 * to the same finding, by key.
 */
import { SEVERITY_NAMES, type Finding } from "../check/findings";
import { CODE_TITLES } from "../check/messages.zh-CN";
import { scoreLines } from "../check/scoreText";
import { findingKey } from "../check/validate";
import type { WorkbookScore } from "../check/workbookScore";
import { reportNotes } from "../own/read";
import { checkOwnSheets, ownSheetOps, REPORT_COL, REPORT_HEADERS, REPORT_SHEET, STATE_SHEET } from "../own/sheets";
import { rememberedFingerprints, stateOps } from "../own/state";
import type { Rubric } from "../rubric/schema";
import { cellAt, parseA1, type Grid } from "../sheet/grid";
import { reconcileOwnSheet } from "./ownCells";
import type { PlanOp, WorkbookPlan } from "./plan";

const MARK = { error: "#F8CBAD", warning: "#FFE699", info: "#DDEBF7" } as const;
const HEADER = { bold: true, fill: "#DDEBF7", align: "center" as const };

function indicatorName(rubric: Rubric | undefined, id: string | undefined): string {
  if (!id) return "";
  const indicator = rubric?.categories.flatMap((c) => c.indicators).find((i) => i.id === id);
  if (!indicator) return id;
  return id + " " + (indicator.text.length > 16 ? indicator.text.slice(0, 16) + "…" : indicator.text);
}

export function buildReportPlan(
  grids: readonly Grid[],
  findings: readonly Finding[],
  scored?: WorkbookScore,
  rubric?: Rubric
): WorkbookPlan {
  checkOwnSheets(grids, [REPORT_SHEET, STATE_SHEET]);
  const typed = reportNotes(grids);
  const ops: PlanOp[] = ownSheetOps(grids, REPORT_SHEET, {
    columnWidths: [6, 8, 16, 12, 10, 24, 70, 24, 10],
    hiddenColumns: [REPORT_COL.key],
  });
  const keys = new Set(findings.map(findingKey));
  REPORT_HEADERS.forEach((h, col) =>
    ops.push({ op: "set", sheet: REPORT_SHEET, cell: String.fromCharCode(65 + col) + "1", value: h, style: HEADER })
  );
  findings.forEach((f, i) => {
    const row = i + 2;
    const set = (col: string, value: string | number, extra: Partial<Extract<PlanOp, { op: "set" }>> = {}) =>
      ops.push({ op: "set", sheet: REPORT_SHEET, cell: col + row, value, ...extra });
    const key = findingKey(f);
    set("A", i + 1);
    set("B", f.accepted ? "已说明" : SEVERITY_NAMES[f.severity], { style: { fill: MARK[f.severity] } });
    set("C", CODE_TITLES[f.code]);
    set("D", f.sheet === STATE_SHEET ? "（隐藏的设置表）" : f.sheet);
    if (f.cell) set("E", f.cell, { link: { sheet: f.sheet, cell: f.cell }, style: { fontColor: "#0563C1" } });
    set("F", indicatorName(rubric, f.indicator), { style: { wrap: true } });
    set("G", f.message.slice(0, 2000), { style: { wrap: true } });
    // 情况说明 is for a person to write: an input cell, carrying what was written for this finding.
    const note = f.accepted?.note ?? typed.get(key) ?? null;
    ops.push({
      op: "set",
      sheet: REPORT_SHEET,
      cell: "H" + row,
      value: note === null ? null : note.slice(0, 2000),
      style: { wrap: true, input: true },
    });
    set("I", key);
  });
  let next = findings.length + 2;
  if (!findings.length) ops.push({ op: "set", sheet: REPORT_SHEET, cell: "G" + next++, value: "未发现问题" });
  if (scored) {
    next++;
    for (const line of scoreLines(scored))
      ops.push({ op: "set", sheet: REPORT_SHEET, cell: "G" + next++, value: line.trim(), style: { wrap: true } });
  }
  ops.push({ op: "freeze", sheet: REPORT_SHEET, rows: 1, columns: 0 });
  // Mark the cells themselves, worst finding first; our own hidden sheet is never styled.
  const marked = new Set<string>();
  for (const f of findings) {
    const key = f.sheet + "!" + f.cell;
    if (!f.cell || f.accepted || f.sheet === STATE_SHEET || f.sheet === REPORT_SHEET || marked.has(key)) continue;
    marked.add(key);
    ops.push({ op: "style", sheet: f.sheet, range: f.cell, style: { fill: MARK[f.severity] } });
  }
  // What a person added to an earlier report (a note beside it, an 审核意见 below) stays.
  const report = grids.find((g) => g.sheet === REPORT_SHEET);
  const reconciled = reconcileOwnSheet(REPORT_SHEET, ops, {
    grid: report,
    previous: rememberedFingerprints(grids).get(REPORT_SHEET),
    carried: (cell) => {
      const key = report ? cellAt(report, parseA1(cell).row, REPORT_COL.key) : null;
      return typeof key === "string" && keys.has(key);
    },
    lostReason: "对应的问题本次已不存在",
  });
  const summary = [
    (report ? "更新" : "新建") + "“" + REPORT_SHEET + "”：" + findings.length + " 条校验结果，并在原单元格上标色",
  ];
  if (reconciled.kept.length)
    summary.push("“" + REPORT_SHEET + "”中有 " + reconciled.kept.length + " 处填写的内容，保留未改");
  // The record of what was written goes where Ziping keeps its records: a workbook not prepared by
  // Ziping gets only its 校验报告 (and the next report takes the cells it writes as its own).
  const record = grids.some((g) => g.sheet === STATE_SHEET)
    ? stateOps(grids, { written: new Map([[REPORT_SHEET, reconciled.written]]) })
    : [];
  return {
    ops: reconciled.ops.concat(record),
    summary,
    kept: reconciled.kept,
  };
}
