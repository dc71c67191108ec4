/**
 * A blank, already live workbook for a rubric: the rubric's table written out (序号, 一级指标,
 * 二级指标, 分值, 评分标准 and, where the rubric has them, 检查办法 and the units), then filled
 * exactly as a county's own sheet would be — the same recognition, the same fill plan.
 */
import type { Rubric } from "../rubric/schema";
import type { CellValue, Grid } from "../sheet/grid";
import { matchRubric } from "../sheet/match";
import { recognizeSheet } from "../sheet/recognize";
import { a1 } from "../sheet/grid";
import { buildFillPlan } from "./fill";
import type { CellStyle, PlanOp, WorkbookPlan } from "./plan";

const SHEET_NAMES = {
  "task-breakdown": "任务分解表",
  scoring: "评分细则",
  assessment: "考核表",
  targets: "目标任务",
} as const;

export function templateGrid(rubric: Rubric): Grid {
  const indicators = rubric.categories.flatMap((c) => c.indicators);
  const hasCheck = indicators.some((i) => i.check);
  const hasUnits = indicators.some((i) => i.lead || i.responsible);
  const header = ["序号", "一级指标", "二级指标", "分值", "评分标准"]
    .concat(hasCheck ? ["检查办法"] : [])
    .concat(hasUnits ? ["牵头单位", "责任单位"] : [])
    .concat(["材料提供情况", "自评得分"]);
  const values: CellValue[][] = [[rubric.title], header];
  let n = 0;
  for (const category of rubric.categories) {
    for (const indicator of category.indicators) {
      n++;
      const row: CellValue[] = [
        n,
        category.heading ?? category.title,
        indicator.text,
        indicator.points || indicator.bonus || 0,
        indicator.rule,
      ];
      if (hasCheck) row.push(indicator.check ?? null);
      if (hasUnits) row.push(indicator.lead ?? null, indicator.responsible ?? null);
      row.push(null, null);
      values.push(row);
    }
  }
  return {
    sheet: SHEET_NAMES[rubric.layout],
    values,
    merges: [{ top: 0, left: 0, bottom: 0, right: header.length - 1 }],
  };
}

export function buildTemplatePlan(rubric: Rubric): WorkbookPlan {
  const grid = templateGrid(rubric);
  const layout = recognizeSheet(grid);
  const fill = buildFillPlan([grid], layout, matchRubric(layout, rubric));
  const width = grid.values[1].length;
  const ops: PlanOp[] = [
    { op: "addSheet", sheet: grid.sheet, columnWidths: [6, 16, 40, 8, 50].concat(Array(width - 5).fill(14)) },
  ];
  grid.values.forEach((row, r) =>
    row.forEach((value, c) => {
      if (value === null || typeof value === "object") return;
      const style: CellStyle =
        r === 0
          ? { bold: true, align: "center" }
          : r === 1
            ? { bold: true, fill: "#DDEBF7", align: "center", wrap: true }
            : { wrap: true };
      ops.push({ op: "set", sheet: grid.sheet, cell: a1(r, c), value, style });
    })
  );
  ops.push(
    { op: "merge", sheet: grid.sheet, range: "A1:" + a1(0, width - 1) },
    { op: "freeze", sheet: grid.sheet, rows: 2, columns: 0 }
  );
  return {
    ops: ops.concat(fill.plan.ops),
    summary: ["新建“" + grid.sheet + "”：" + rubric.title + "，共 " + (grid.values.length - 2) + " 项"].concat(
      fill.plan.summary
    ),
    kept: [],
  };
}
