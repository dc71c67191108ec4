/**
 * The pane's model on a real filled workbook (through the exceljs adapter, as the standalone pane
 * does): the evidence form reads the workbook, a form edit becomes one cell write, and a 说明 is
 * stored in _ziping, marks the warning as explained, and survives a refill.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { applyPlan, readWorkbook, writeWorkbook } from "../../src/adapters/xlsx/index";
import { buildFillPlan } from "../../src/plan/fill";
import { builtinRubrics } from "../../src/rubric/builtin/index";
import { acceptPlan } from "../../src/taskpane/model/accept";
import { analyze } from "../../src/taskpane/model/analyze";
import { criterionFieldPlan, evidenceForm, metricFieldPlan } from "../../src/taskpane/model/form";

const SAMPLE = join(__dirname, "..", "..", "assets", "samples", "微山县-任务分解表.xlsx");

async function filledWorkbook() {
  const workbook = await readWorkbook(readFileSync(SAMPLE));
  const a = analyze(workbook.grids(), builtinRubrics);
  applyPlan(workbook, buildFillPlan(workbook.grids(), a.primary!.layout, a.primary!.match!).plan);
  return workbook;
}

test("the form lists every input of the rubric, grouped, with the workbook's values", async () => {
  const workbook = await filledWorkbook();
  const a = analyze(workbook.grids(), builtinRubrics);
  expect(a.rubric!.id).toBe("weishan-2023");
  const form = evidenceForm(a.rubric!, workbook.grids());
  expect(form.categories.map((c) => c.indicators.length)).toEqual([4, 3, 8, 5, 6, 4, 1]);
  const first = form.categories[0].indicators[0];
  expect(first.fields.map((f) => [f.key, f.control.type])).toEqual([
    ["1.1.a", "yesno"],
    ["1.1.b", "choice"],
    ["1.1.c", "yesno"],
  ]);
  // 7.1 counts two kinds of item under one cap: one field each.
  expect(form.categories[6].indicators[0].fields.map((f) => f.key)).toEqual([
    "7.1.a:national",
    "7.1.a:provincial-media",
  ]);
  expect(form.metrics.find((m) => m.id === "nursing-bed-share")).toMatchObject({
    name: "护理型床位占比",
    rate: true,
    bounds: "≥65%",
  });
});

test("a form edit is one cell write; the score and the unmet threshold follow", async () => {
  const workbook = await filledWorkbook();
  const rubric = builtinRubrics.find((r) => r.id === "weishan-2023")!;
  applyPlan(workbook, criterionFieldPlan(rubric, { criterionId: "1.1.a" }, true));
  const metric = rubric.metrics.find((m) => m.id === "nursing-bed-share")!;
  applyPlan(workbook, metricFieldPlan(rubric, metric, "value", "60%"));
  const grids = (await readWorkbook(await writeWorkbook(workbook))).grids();
  const form = evidenceForm(rubric, grids);
  expect(form.categories[0].indicators[0].fields[0].value).toBe("是");
  expect(form.metrics.find((m) => m.id === "nursing-bed-share")!.values.value).toBe(0.6);
  const a = analyze(grids, builtinRubrics);
  // 1.1.a 是 → 2 points; everything else empty.
  expect(a.score!.total).toBe(2);
  expect(a.findings.filter((f) => f.code === "threshold.unmet").map((f) => f.message)).toContain(
    "I4 护理型床位占比 60%，未达到≥65%"
  );
  // Clearing a field removes the value.
  applyPlan(workbook, criterionFieldPlan(rubric, { criterionId: "1.1.a" }, ""));
  expect(analyze(workbook.grids(), builtinRubrics).score!.total).toBe(0);
});

test("a 说明 marks the warning as explained and survives a refill", async () => {
  const workbook = await filledWorkbook();
  const rubric = builtinRubrics.find((r) => r.id === "weishan-2023")!;
  applyPlan(
    workbook,
    metricFieldPlan(
      rubric,
      rubric.metrics.find((m) => m.id === "nursing-bed-share")!,
      "value",
      0.6
    )
  );
  const unmet = analyze(workbook.grids(), builtinRubrics).findings.find((f) => f.code === "threshold.unmet")!;
  applyPlan(workbook, acceptPlan(workbook.grids(), unmet, "新建护理院年底投用，届时达标"));
  const after = analyze(workbook.grids(), builtinRubrics).findings.find((f) => f.code === "threshold.unmet")!;
  expect(after.accepted).toEqual({ note: "新建护理院年底投用，届时达标" });
  const a = analyze(workbook.grids(), builtinRubrics);
  applyPlan(workbook, buildFillPlan(workbook.grids(), a.primary!.layout, a.primary!.match!).plan);
  expect(
    analyze(workbook.grids(), builtinRubrics).findings.find((f) => f.code === "threshold.unmet")!.accepted
  ).toEqual({ note: "新建护理院年底投用，届时达标" });
  expect(() => acceptPlan(workbook.grids(), { ...unmet, severity: "error" }, "x")).toThrow();
});
