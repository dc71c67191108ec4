/**
 * The plans the pane builds itself: unit sheets named validly for Excel and uniquely, split twice
 * = split once, and a template refused where its sheets exist.
 */
import { applyPlan } from "../../../src/adapters/xlsx/index";
import { builtinRubrics } from "../../../src/rubric/builtin/index";
import { splitPlan, templateProposal, uniqueSheetName, validSheetName } from "../../../src/taskpane/components/plans";
import { analyze } from "../../../src/taskpane/model/analyze";
import { fakeHost } from "./fakeHost";

test("a unit's name becomes a valid Excel sheet name", () => {
  expect(validSheetName("县民政局")).toBe("县民政局");
  expect(validSheetName("县卫健局/县医保局[牵头]:*?\\")).toBe("县卫健局_县医保局_牵头_____");
  expect(validSheetName("'引号'")).toBe("引号");
  expect(Array.from(validSheetName("县".repeat(40)))).toHaveLength(31);
  expect(validSheetName("  ")).toBe("未命名单位");
  expect(validSheetName("History")).toBe("未命名单位");
});

test("names are unique, ignoring case, and stay within 31 characters", () => {
  const taken = new Set(["县民政局", "abc"]);
  expect(uniqueSheetName("县民政局", taken)).toBe("县民政局 (2)");
  expect(uniqueSheetName("ABC", taken)).toBe("ABC (2)");
  const long = "县".repeat(31);
  const name = uniqueSheetName(long, new Set([long]));
  expect(Array.from(name)).toHaveLength(31);
  expect(name.endsWith(" (2)")).toBe(true);
});

test("splitting twice gives the same sheets as splitting once", async () => {
  const host = await fakeHost();
  const first = analyze(host.workbook.grids(), builtinRubrics).primary!;
  const plan = splitPlan(host.workbook.grids(), first.layout);
  expect(plan.summary[0]).toMatch(/^新建 \d+ 个工作表/);
  applyPlan(host.workbook, plan);
  const once = host.workbook.grids().map((g) => g.sheet);
  const again = splitPlan(host.workbook.grids(), first.layout);
  expect(again.summary[0]).toMatch(/^清空并重写已有的 \d+ 个同名工作表/);
  applyPlan(host.workbook, again);
  expect(host.workbook.grids().map((g) => g.sheet)).toEqual(once);
  // Never onto the source sheet or Ziping's own sheets.
  expect(plan.ops.filter((op) => op.op === "addSheet").map((op) => op.sheet)).not.toContain("任务分解表");
});

test("a template is refused where its sheets exist", async () => {
  const host = await fakeHost();
  const weishan = builtinRubrics.find((r) => r.id === "weishan-2023")!;
  expect(templateProposal(host.workbook.grids(), weishan).conflicts).toEqual(["任务分解表"]);
  const sd = builtinRubrics.find((r) => r.id === "sd-2023")!;
  const { plan, conflicts } = templateProposal(host.workbook.grids(), sd);
  expect(conflicts).toEqual([]);
  expect(plan.summary[0]).toMatch(/^新建“评分细则”/);
});
