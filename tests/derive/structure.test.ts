/**
 * Structure of real tables that the corpus scoreboard (tests/corpus) measures, pinned on small grids
 * written for each case: columns read by what they hold, and a derived rubric that never throws.
 */
import { deriveRubric } from "../../src/sheet/derive";
import { columnLetters, recognizeSheet } from "../../src/sheet/recognize";
import type { Grid } from "../../src/sheet/grid";
import { maxPointsOf } from "../../src/rubric/criteria/index";

const derive = (grid: Grid) => deriveRubric(grid, recognizeSheet(grid), "t.xlsx").rubric;

test("the column headed 标准要求 holds the options and the one headed 评分标准 the requirement: read by content (issue 13)", () => {
  const grid: Grid = {
    sheet: "s",
    values: [
      ["序号", "标准要求", "分值", "评分标准", "得分"],
      [1, "□符合（6分）□基本符合（3分）□不符合（0分）", 6, "建立安全管理制度并落实", null],
      [2, "□符合（4分）□不符合（0分）", 4, "定期开展消防演练", null],
    ],
    merges: [],
  };
  expect(columnLetters(recognizeSheet(grid))).toMatchObject({ indicator: "D", rule: "B", points: "C", selfScore: "E" });
  const items = derive(grid).categories[0].indicators;
  expect(items.map((i) => [i.text, i.points, i.criteria.map((c) => c.kind + ":" + maxPointsOf(c))])).toEqual([
    ["建立安全管理制度并落实", 6, ["choice:6"]],
    ["定期开展消防演练", 4, ["choice:4"]],
  ]);
});

test("a bonus category headed +10 whose items give 7 is a reported inconsistency, not an error (issue 13's crash)", () => {
  const grid: Grid = {
    sheet: "s",
    values: [
      ["工作内容", "工作要求", "评分标准", "得分"],
      ["信息报告（6分+10分）", "按要求上报月报表。（6分）", "每迟报一次扣0.5分，扣完为止。", null],
      [null, "报告协管信息线索。（0分，7分奖分）", "每报告一条线索奖励1分，最高奖励7分。", null],
    ],
    merges: [{ top: 1, left: 0, bottom: 2, right: 0 }],
  };
  const rubric = derive(grid);
  expect([rubric.points, rubric.bonus]).toEqual([6, 7]);
  expect(rubric.discrepancies.map((d) => d.kind + "@" + d.category)).toEqual(["category-points-differ@1"]);
});
