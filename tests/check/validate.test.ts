/**
 * The validator on workbooks built to contain each finding code. Tests assert code, cell and
 * params (and the message where its wording is the point), never a count taken from a run.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { applyPlan, readWorkbook, writeWorkbook } from "../../src/adapters/xlsx/index";
import { findingCodes, type Finding, type FindingCode } from "../../src/check/findings";
import { renderMessage } from "../../src/check/messages.zh-CN";
import { findingKey, validateRecognized } from "../../src/check/validate";
import { buildFillPlan } from "../../src/plan/fill";
import { evidenceEntryPlan } from "../../src/plan/evidenceEntry";
import { templateGrid } from "../../src/plan/template";
import type { PlanOp } from "../../src/plan/plan";
import type { Evidence } from "../../src/rubric/engine";
import { builtinRubrics } from "../../src/rubric/builtin/index";
import type { Rubric } from "../../src/rubric/schema";
import type { CellValue, Grid } from "../../src/sheet/grid";
import { primarySheet, recognizeWorkbook } from "../../src/sheet/workbook";
import { caoxianGrid, huiningGrid, weishanGrid } from "../sheet/grids";
import { tinyRubric } from "../rubric/fixtures/tiny-rubric";

function validate(grids: Grid[], rubrics: readonly Rubric[] = builtinRubrics, accepted?: Map<string, string>) {
  const recognized = primarySheet(recognizeWorkbook(grids, rubrics))!;
  return validateRecognized(grids, recognized, { accepted });
}

const codes = (findings: Finding[], code: FindingCode) => findings.filter((f) => f.code === code);
const pick = (f: Finding) => ({ cell: f.cell, indicator: f.indicator, params: f.params });

/** 曹县's table with the self-scores given by indicator id, every other score cell filled with its full points. */
function caoxian(scores: Record<string, CellValue>, edit?: (g: Grid) => void): Grid {
  const all: Record<string, CellValue> = {};
  for (const c of builtinRubrics[0].categories) for (const i of c.indicators) all[i.id] = i.points;
  const grid = caoxianGrid({ ...all, ...scores });
  // Every row has its 材料 (column F) unless a test blanks it.
  for (let r = 3; r < grid.values.length; r++) grid.values[r][5] = "县政府文件";
  edit?.(grid);
  return grid;
}

describe("the self-score column (曹县 layout: 1.1 is row 4, 4 points)", () => {
  test("a clean sheet has no findings", () => {
    expect(validate([caoxian({})]).findings).toEqual([]);
  });
  test.each<[CellValue, FindingCode, Record<string, unknown>]>([
    [null, "score.blank", { indicator: "1.1 建立党委政府领导、民政牵头、部门参与的养…", max: 4 }],
    ["两分", "score.not-number", { value: "两分" }],
    ["2分", "score.unit-text", { value: "2分", read: "2" }],
    [5, "score.over-max", { value: "5", max: 4 }],
    [-1, "score.negative", { value: "-1" }],
    [1.2, "score.step", { value: 1.2, step: 0.5 }],
    [{ error: "#REF!" }, "formula.error", { what: "自评得分", error: "#REF!" }],
  ])("%p → %s at G4", (value, code, params) => {
    const findings = validate([caoxian({ "1.1": value })]).findings;
    expect(codes(findings, code).map(pick)).toEqual([{ cell: "G4", indicator: "1.1", params }]);
    expect(findings.every((f) => f.cell === "G4")).toBe(true);
  });
  test("the message is precise: 'G4 自评得分 5 超过本项分值 4'", () => {
    expect(validate([caoxian({ "1.1": 5 })]).findings[0]).toMatchObject({ severity: "error", sheet: "评分细则", message: "G4 自评得分 5 超过本项分值 4" });
  });
  test("a scored row with nothing in 材料提供情况: evidence.missing", () => {
    const grid = caoxian({}, (g) => (g.values[4][5] = null));
    expect(codes(validate([grid]).findings, "evidence.missing").map(pick)).toEqual([{ cell: "F5", indicator: "1.2", params: { value: "8", column: "材料提供情况" } }]);
  });
  test("no 自评得分 column at all (微山's task-breakdown)", () => {
    expect(codes(validate([weishanGrid()]).findings, "score.column-missing").map((f) => [f.cell, f.params.sheet])).toEqual([["", "任务分解表"]]);
  });
});

describe("the table against the rubric", () => {
  test("points differ, an unknown row, a missing indicator, a category header that does not add up", () => {
    const grid = caoxian({}, (g) => {
      g.values[3][3] = 5; // 1.1: 4 in the rubric
      g.values[3][1] = "一、强化保障机制 (共19分)"; // the rubric's category 1 adds up to 18
      g.values[8][2] = "2. 建立养老服务业统计监测制度，按季度报送数据。"; // 2.2 (row 9) replaced by a row of no rubric
      g.values[8][4] = "按时报送得4分。";
    });
    const findings = validate([grid]).findings;
    expect(codes(findings, "rubric.points-differ").map(pick)).toEqual([{ cell: "D4", indicator: "1.1", params: { sheet: 5, rubric: 4, indicator: "1.1" } }]);
    expect(codes(findings, "rubric.category-points-differ").map(pick)).toEqual([{ cell: "B4", indicator: undefined, params: { category: "强化保障机制", stated: 19, sum: 18 } }]);
    expect(codes(findings, "rubric.unknown-row").map((f) => [f.cell, f.params.row])).toEqual([["C9", 9]]);
    expect(codes(findings, "rubric.indicator-missing").map((f) => f.indicator)).toEqual(["2.2"]);
  });
  test("会宁: item 3's parts exceed it (8 > 5), item 7's surplus bonus is uncapped", () => {
    const grid = huiningGrid();
    const findings = validate([grid]).findings;
    expect(codes(findings, "rubric.sub-points-exceed").map(pick)).toEqual([
      // 会宁's table has no points or score column: the finding points at the item's 工作内容 cell.
      { cell: "B5", indicator: "1.3", params: expect.objectContaining({ indicator: "1.3", parts: 8, points: 5 }) },
    ]);
    expect(codes(findings, "rubric.sub-points-exceed")[0].message).toContain("按 5 分封顶");
    expect(codes(findings, "rubric.uncapped-bonus").map((f) => f.indicator)).toEqual(["1.7"]);
  });
  test("a rubric whose stated total differs from its parts (recorded discrepancy)", () => {
    const rubric = tinyRubric();
    rubric.points = 25;
    rubric.discrepancies.push({ kind: "total-differs", quote: "本表满分25分", note: "各项合计24分" });
    const findings = validate([templateGrid(rubric)], [rubric]).findings;
    expect(codes(findings, "rubric.total-differs").map((f) => f.params)).toEqual([{ stated: 25, sum: 24 }]);
  });
  test("a 合计 row that is not the sum of its parts", () => {
    const grid = caoxian({}, (g) => g.values.push([null, "合计", null, 100, null, null, 99]));
    expect(codes(validate([grid]).findings, "total.mismatch").map(pick)).toEqual([
      { cell: "G35", indicator: undefined, params: { what: "合计", value: "99", sum: "100" } },
    ]);
  });
  test("a task-breakdown row without units", () => {
    const grid = weishanGrid();
    grid.values[4][5] = null; // 1.3's 牵头单位/责任单位 cell
    expect(codes(validate([grid]).findings, "unit.missing").map(pick)).toEqual([{ cell: "F5", indicator: "1.3", params: { row: 5 } }]);
  });
});

describe("a filled workbook's evidence (real .xlsx through the adapter)", () => {
  async function filled(file: string, evidence: Evidence, extra: PlanOp[] = []): Promise<Grid[]> {
    const workbook = await readWorkbook(readFileSync(join(__dirname, "..", "..", "assets", "samples", file)));
    const recognized = primarySheet(recognizeWorkbook(workbook.grids(), builtinRubrics))!;
    applyPlan(workbook, buildFillPlan(workbook.grids(), recognized.layout, recognized.match!).plan);
    applyPlan(workbook, { ops: evidenceEntryPlan(recognized.match!.rubric, evidence).ops.concat(extra), summary: [], kept: [] });
    return (await readWorkbook(await writeWorkbook(workbook))).grids();
  }

  test("threshold.unmet names the metric, the value and the bound; evidence problems point at their input", async () => {
    const grids = await filled("微山县-任务分解表.xlsx", {
      values: { "1.2.b": 7, "1.1.a": "也许", "1.1.b": "副县长" },
      metrics: { "nursing-bed-share": { numerator: 60, denominator: 100 }, "monthly-visit-rate": { numerator: 130, denominator: 100 } },
    }, [{ op: "set", sheet: "指标数据", cell: "E14", value: "55%" }]);
    const findings = validate(grids).findings;
    const unmet = codes(findings, "threshold.unmet");
    expect(unmet.find((f) => f.params.ref === "4.1.b")).toMatchObject({ sheet: "指标数据", cell: "I4", indicator: "4.1", message: "I4 护理型床位占比 60%，未达到≥65%" });
    expect(unmet.find((f) => f.params.metric === "失能特困人员集中供养率")).toMatchObject({ cell: "I14", params: { value: "55%", bound: "≥60%" } });
    expect(codes(findings, "evidence.not-number").map(pick)).toEqual([{ cell: "E14", indicator: undefined, params: { value: "55%", read: "55%" } }]);
    expect(codes(findings, "evidence.rate-over-100").map((f) => [f.cell, f.params.name])).toEqual([["C3", "特殊困难老年人月探访率"]]);
    expect(codes(findings, "evidence.out-of-range").map(pick)).toEqual([{ cell: "E6", indicator: "1.2", params: { value: "7", min: 0, max: 6, step: 0.5 } }]); // rows 2–4 are 1.1.a–c, 5 is 1.2.a
    expect(codes(findings, "evidence.not-an-option").map((f) => [f.cell, f.params.value])).toEqual([["E2", "也许"], ["E3", "副县长"]]);
  });

  test("a typed self-score above what the evidence supports", async () => {
    // 1.1 in 微山: 建立联席会议 是 (2) + 负责同志 (0.5) + no annual meeting = 2.5 supported; 4 typed.
    const grids = await filled("微山县-任务分解表.xlsx", { values: { "1.1.a": "是", "1.1.b": "党委政府负责同志", "1.1.c": "否" } }, [
      { op: "set", sheet: "任务分解表", cell: "G3", value: 4 },
    ]);
    expect(codes(validate(grids).findings, "evidence.unsupported").map(pick)).toEqual([
      { cell: "G3", indicator: "1.1", params: { value: "4", supported: "2.5", indicator: "1.1" } },
    ]);
  });

  test("a 自评汇总 subtotal typed over, and an error value in 自评依据", async () => {
    const grids = await filled("会宁县-考核表.xlsx", {}, [
      { op: "set", sheet: "自评汇总", cell: "D2", value: 50 },
      { op: "set", sheet: "自评依据", cell: "F2", value: "#REF!" },
    ]);
    const e = grids.find((g) => g.sheet === "自评依据")!;
    e.values[1][5] = { error: "#REF!" };
    const findings = validate(grids).findings;
    // The typed 50 is what the workbook shows; its 合计 (D4 = SUM(D2:D3)) recomputes to 50 as well,
    // so the one cell that does not add up is D2.
    expect(codes(findings, "total.mismatch").map((f) => [f.sheet, f.cell, f.params.value, f.params.sum])).toEqual([
      ["自评汇总", "D2", "50", "0"],
    ]);
    expect(codes(findings, "formula.error").map((f) => [f.sheet, f.cell, f.params.error])).toEqual([["自评依据", "F2", "#REF!"]]);
  });
});

test("a warning explained (说明) is marked accepted and no longer counts", () => {
  const grid = caoxian({ "1.1": "2分" });
  const first = validate([grid]).findings[0];
  const accepted = new Map([[findingKey(first), "原件如此，已核对"]]);
  expect(validate([grid], builtinRubrics, accepted).findings[0]).toMatchObject({ code: "score.unit-text", accepted: { note: "原件如此，已核对" } });
  // Errors cannot be explained away.
  const over = caoxian({ "1.1": 5 });
  const error = validate([over]).findings[0];
  expect(validate([over], builtinRubrics, new Map([[findingKey(error), "x"]])).findings[0].accepted).toBeUndefined();
});

test("every code has a Chinese message and a severity", () => {
  for (const code of Object.keys(findingCodes) as FindingCode[]) {
    const message = renderMessage(code, {}, "A1");
    expect(message.length).toBeGreaterThan(2);
    expect(/[\u4e00-\u9fff]/.test(message)).toBe(true);
  }
});
