/**
 * Recognition of the seeds' three layouts and their ordinary variants. Expected rows, columns
 * and matches are read off the seed tables (via tests/sheet/grids.ts), not off the code.
 */
import { findBuiltinRubric, builtinRubrics } from "../../src/rubric/builtin/index";
import { columnLetters, recognizeSheet, splitUnits } from "../../src/sheet/recognize";
import { recognizeWorkbook, primarySheet } from "../../src/sheet/workbook";
import type { CellValue, Grid } from "../../src/sheet/grid";
import { caoxianGrid, huiningGrid, weishanGrid } from "./grids";

const indicatorRows = (grid: Grid) => recognizeSheet(grid).rows.filter((r) => r.kind === "indicator");

describe("微山-style 任务分解表", () => {
  const layout = recognizeSheet(weishanGrid());
  test("header, kind and columns", () => {
    expect(layout.kind).toBe("task-breakdown");
    expect(layout.headerRow).toBe(1);
    expect(columnLetters(layout)).toEqual({ category: "A", indicator: "B", points: "C", rule: "D", check: "E", units: "F" });
  });
  test("31 indicator rows; categories carried down blank cells; units split", () => {
    const rows = layout.rows.filter((r) => r.kind === "indicator");
    expect(rows).toHaveLength(31);
    expect(rows[1]).toMatchObject({ number: 2, points: 8, lead: "县财政局", responsible: "县民政局，各乡镇（街道）", category: { number: 1, title: "强化保障机制" } });
    expect(rows[30].category).toMatchObject({ number: 7, title: "加强特色创新" });
  });
  test("matches weishan-2023 better than sd-2023, every row matched", () => {
    const [best] = recognizeWorkbook([weishanGrid()], builtinRubrics);
    expect(best.match!.rubric.id).toBe("weishan-2023");
    expect(best.match!.matches).toHaveLength(31);
    expect(best.match!.unmatchedRows).toEqual([]);
    expect(best.match!.missing).toEqual([]);
    expect(best.match!.pointsDiffer).toEqual([]);
    expect(best.match!.matches.map((m) => m.indicator.id).slice(0, 5)).toEqual(["1.1", "1.2", "1.3", "1.4", "2.1"]);
  });
});

describe("曹县-style 评分细则 with a two-row header", () => {
  const grid = caoxianGrid({ "1.1": 3 });
  const layout = recognizeSheet(grid);
  test("header spans two rows; 一级指标/二级指标 from the second", () => {
    expect(layout.kind).toBe("scoring");
    expect(layout.headerTop).toBe(1);
    expect(layout.headerRow).toBe(2);
    expect(columnLetters(layout)).toEqual({ number: "A", category: "B", indicator: "C", points: "D", rule: "E", evidence: "F", selfScore: "G" });
  });
  test("category points from '(共18分)', merged category cells", () => {
    const rows = layout.rows.filter((r) => r.kind === "indicator");
    expect(rows).toHaveLength(31);
    expect(rows[0].category).toMatchObject({ number: 1, title: "强化保障机制", points: 18 });
    expect(rows[3].category).toMatchObject({ number: 1, points: 18 });
    expect(rows[4].category).toMatchObject({ number: 2, title: "完善支持政策", points: 11 });
    expect(rows[0].selfScore).toBe(3);
  });
  test("matches sd-2023 (二-1 is 2+3 there, 1+2+2 in 微山)", () => {
    const [best] = recognizeWorkbook([grid], builtinRubrics);
    expect(best.match!.rubric.id).toBe("sd-2023");
    expect(best.match!.matches).toHaveLength(31);
    const weishan = recognizeWorkbook([grid], [findBuiltinRubric("weishan-2023")!])[0].best!;
    expect(weishan.score).toBeLessThan(best.match!.score);
  });
  test("points that differ from the rubric are reported, not taken", () => {
    const edited = caoxianGrid();
    edited.values[3][3] = 5; // 1.1 is 4 points in the rubric
    const [r] = recognizeWorkbook([edited], [findBuiltinRubric("sd-2023")!]);
    expect(r.match!.pointsDiffer.map((d) => [d.indicator.id, d.sheet, d.rubric])).toEqual([["1.1", 5, 4]]);
  });
});

describe("会宁-style 考核表", () => {
  const layout = recognizeSheet(huiningGrid());
  test("kind, columns, repeated header skipped, points from the text", () => {
    expect(layout.kind).toBe("assessment");
    expect(columnLetters(layout)).toEqual({ number: "A", indicator: "B", requirement: "C", rule: "D", goal: "E" });
    const rows = layout.rows.filter((r) => r.kind === "indicator");
    expect(rows).toHaveLength(11);
    expect(rows.map((r) => r.points)).toEqual([5, 10, 5, 8, 8, 10, 30, 8, 10, 6, 10]);
    expect(rows[2].text).toBe("建立试点工作督导机制");
    expect(rows[10].category).toMatchObject({ bonus: true });
  });
  test("matches huining-2020 with the bonus item in its category", () => {
    const [r] = recognizeWorkbook([huiningGrid()], builtinRubrics);
    expect(r.match!.rubric.id).toBe("huining-2020");
    expect(r.match!.matches.map((m) => m.indicator.id)).toEqual(["1.1", "1.2", "1.3", "1.4", "1.5", "1.6", "1.7", "1.8", "1.9", "1.10", "bonus.1"]);
  });
});

describe("variants", () => {
  test("title rows, reordered columns, synonyms, lead and responsible in two columns", () => {
    const src = weishanGrid();
    const rows: CellValue[][] = [["某某县"], ["任务分解表（2023）"], [null], ["备注", "分数", "二级指标", "评分办法", "牵头单位", "责任单位", "一级指标"]];
    for (const r of src.values.slice(2, 10)) {
      const [lead, resp] = String(r[5]).split("\n");
      rows.push([null, r[2], r[1], r[3], lead.replace("牵头单位：", ""), resp.replace("责任单位：", ""), r[0]]);
    }
    const layout = recognizeSheet({ sheet: "Sheet1", values: rows, merges: [] });
    expect(layout.headerRow).toBe(3);
    expect(columnLetters(layout)).toMatchObject({ note: "A", points: "B", indicator: "C", rule: "D", lead: "E", units: "F", category: "G" });
    const ind = layout.rows.filter((r) => r.kind === "indicator");
    expect(ind).toHaveLength(8);
    expect(ind[0]).toMatchObject({ lead: "县民政局", responsible: "县领导小组各成员单位" });
    const [r] = recognizeWorkbook([{ sheet: "Sheet1", values: rows, merges: [] }], builtinRubrics);
    expect(r.match!.rubric.id).toBe("weishan-2023");
    expect(r.match!.missing).toHaveLength(23);
  });

  test("numbers as （1）, 2、, ３．, none; category repeated on every row; blank and note rows; 标准分/评分标准/自评分", () => {
    const cat = "三、健全服务制度（19分）";
    const category3 = findBuiltinRubric("sd-2023")!.categories[2];
    const numbered = ["（1）", "2、", "３．", "", "5.", "(6)", "七、", "8．"];
    const rows: CellValue[][] = [["一级指标", "二级指标", "标准分", "评分标准", "自评分"]];
    category3.indicators.forEach((i, n) => {
      rows.push([cat, numbered[n] + i.text, i.points, i.rule, null]);
      if (n === 3) rows.push([null, null, null, null, null]);
    });
    rows.push(["注：本表由县民政局负责解释", null, null, null, null]);
    const layout = recognizeSheet({ sheet: "三", values: rows, merges: [] });
    const ind = layout.rows.filter((r) => r.kind === "indicator");
    expect(ind.map((r) => r.number)).toEqual([1, 2, 3, undefined, 5, 6, 7, 8]);
    expect(ind[3].text).toBe(category3.indicators[3].text.replace(/\s/g, ""));
    expect(layout.rows.filter((r) => r.kind === "note")).toHaveLength(1);
    expect(columnLetters(layout)).toMatchObject({ points: "C", rule: "D", selfScore: "E" });
    const [r] = recognizeWorkbook([{ sheet: "三", values: rows, merges: [] }], [findBuiltinRubric("sd-2023")!]);
    expect(r.match!.matches.map((m) => m.indicator.id)).toEqual(["3.1", "3.2", "3.3", "3.4", "3.5", "3.6", "3.7", "3.8"]);
  });

  test("several sheets: a cover and the table; the table is the primary sheet", () => {
    const cover: Grid = { sheet: "封面", values: [["微山县养老服务体系创新示范县创建"], ["2023年6月"]], merges: [] };
    const all = recognizeWorkbook([cover, weishanGrid()], builtinRubrics);
    expect(all[0].layout.kind).toBe("unknown");
    expect(all[0].layout.reason).toContain("封面");
    expect(primarySheet(all)!.layout.sheet).toBe("任务分解表");
  });

  test("a foreign sheet is unknown, said plainly", () => {
    const names: Grid = { sheet: "人员名单", values: [["姓名", "职务"], ["孟令选", "县委副书记、县长"]], merges: [] };
    const layout = recognizeSheet(names);
    expect(layout.kind).toBe("unknown");
    expect(layout.reason).toBe("工作表“人员名单”未找到表头（如“二级指标”“评分标准”“分值”），不是任务分解表、评分细则或考核表");
  });

  test("得分 is the self-score when the sheet has 分值 and the points stand elsewhere", () => {
    const rows: CellValue[][] = [["二级指标", "分值", "评分标准", "得分"], ["建立联席会议制度", 4, "建立联席会议的得2分", 3]];
    expect(columnLetters(recognizeSheet({ sheet: "s", values: rows, merges: [] }))).toMatchObject({ points: "B", selfScore: "D" });
    const blank: CellValue[][] = [["二级指标", "评分标准", "检查办法", "得分"], ["建立联席会议制度", "建立联席会议的得2分", "查阅资料", null]];
    expect(columnLetters(recognizeSheet({ sheet: "s", values: blank, merges: [] }))).toMatchObject({ selfScore: "D" });
  });
});

test("splitUnits", () => {
  expect(splitUnits("牵头单位：县民政局\n责任单位：县财政局，各乡镇（街道）")).toEqual({ lead: "县民政局", responsible: "县财政局，各乡镇（街道）" });
  expect(splitUnits("县民政局、县卫健局")).toEqual({ responsible: "县民政局、县卫健局" });
  expect(splitUnits("")).toEqual({});
});

test("indicatorRows helper agrees with the layouts", () => {
  expect(indicatorRows(weishanGrid())).toHaveLength(31);
});
