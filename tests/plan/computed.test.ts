/**
 * Saved results computed, not guessed: a plan's formulas get the values the recalculated workbook
 * gives them, formulas outside the plan whose value changes get theirs refreshed, and what the
 * evaluator does not read is left as the file has it. And the formulas Ziping writes compute what
 * the scoring engine computes, for any evidence (the workbook mirrors the rubric).
 */
import fc from "fast-check";
import { withComputedResults, gridsAfter } from "../../src/plan/computed";
import { buildFillPlan } from "../../src/plan/fill";
import { evidenceEntryPlan } from "../../src/plan/evidenceEntry";
import { evidenceRows, takesInput } from "../../src/own/rows";
import type { PlanOp } from "../../src/plan/plan";
import { builtinRubrics } from "../../src/rubric/builtin/index";
import { scoreRubric, type Evidence } from "../../src/rubric/engine";
import type { Rubric } from "../../src/rubric/schema";
import { parseA1, type Grid } from "../../src/sheet/grid";
import { recalculate } from "../../src/sheet/recalc";
import { primarySheet, recognizeWorkbook } from "../../src/sheet/workbook";
import { caoxianGrid, huiningGrid, weishanGrid } from "../sheet/grids";

test("formulas written get computed results; stale ones outside the plan are refreshed; unread ones are left", () => {
  const grid: Grid = {
    sheet: "表",
    values: [[2, 0, null, 5]],
    formulas: [[null, "=A1*10", null, "=NOW()"]],
    merges: [],
  };
  const plan = withComputedResults([grid], {
    ops: [
      { op: "set", sheet: "表", cell: "A1", value: 3 },
      { op: "set", sheet: "表", cell: "C1", formula: "=A1+B1", result: 0 },
    ],
    summary: [],
    kept: [],
  });
  // By hand: A1 becomes 3, so B1 = 3*10 = 30 and C1 = 3 + 30 = 33; NOW() is not evaluated.
  expect(plan.ops).toEqual([
    { op: "set", sheet: "表", cell: "A1", value: 3 },
    { op: "set", sheet: "表", cell: "C1", formula: "=A1+B1", result: 33 },
    { op: "cache", sheet: "表", cell: "B1", result: 30 },
  ]);
  // Applying the result to the Grids leaves nothing stale.
  expect(recalculate(gridsAfter([grid], plan.ops)).changed).toEqual([]);
});

/** Random evidence for a rubric: an answer (or none) for every criterion and metric. */
function evidenceArb(rubric: Rubric): fc.Arbitrary<Evidence> {
  const values: Record<string, fc.Arbitrary<unknown>> = {};
  for (const row of evidenceRows(rubric)) {
    const c = row.criterion;
    if (!takesInput(c) || values[row.criterionId]) continue;
    const answer: fc.Arbitrary<unknown> =
      c.kind === "flag" || c.kind === "gate"
        ? fc.constantFrom("是", "否")
        : c.kind === "choice"
          ? fc.constantFrom(...c.options.map((o) => o.label))
          : c.kind === "perItem"
            ? fc.record(Object.fromEntries(c.items.map((i) => [i.id, fc.integer({ min: 0, max: 12 })])))
            : c.kind === "judged"
              ? fc.integer({ min: 0, max: c.points * 2 }).map((n) => n / 2)
              : c.kind === "scaled"
                ? fc.integer({ min: 0, max: 100 })
                : fc.integer({ min: 0, max: 8 });
    values[row.criterionId] = fc.option(answer, { nil: undefined });
  }
  const metrics: Record<string, fc.Arbitrary<unknown>> = {};
  for (const m of rubric.metrics) {
    const figure: fc.Arbitrary<unknown> =
      m.numerator !== undefined
        ? fc.record({ numerator: fc.integer({ min: 0, max: 120 }), denominator: fc.integer({ min: 1, max: 120 }) })
        : fc.integer({ min: 0, max: 2000 });
    metrics[m.id] = fc.option(figure, { nil: undefined });
  }
  return fc.record({ values: fc.record(values), metrics: fc.record(metrics) }) as fc.Arbitrary<Evidence>;
}

describe.each([
  ["微山", weishanGrid, "weishan-2023"],
  ["曹县", caoxianGrid, "sd-2023"],
  ["会宁", huiningGrid, "huining-2020"],
] as const)("%s: the workbook's formulas compute the engine's scores", (_name, makeGrid, rubricId) => {
  test("for random evidence, every 自评得分 cell equals the engine's indicator score", () => {
    const grid = makeGrid();
    const recognition = primarySheet(recognizeWorkbook([grid], builtinRubrics))!;
    const rubric = recognition.match!.rubric;
    expect(rubric.id).toBe(rubricId);
    const fill = buildFillPlan([grid], recognition.layout, recognition.match!, { overwrite: true });
    const filled = gridsAfter([grid], fill.plan.ops);
    fc.assert(
      fc.property(evidenceArb(rubric), (evidence) => {
        const ops: PlanOp[] = evidenceEntryPlan(rubric, evidence).ops;
        const computed = recalculate(gridsAfter(filled, ops));
        expect(computed.kept).toEqual([]);
        const sheet = computed.grids.find((g) => g.sheet === grid.sheet)!;
        const engine = scoreRubric(rubric, evidence);
        for (const category of engine.categories) {
          for (const indicator of category.indicators) {
            const { row, col } = parseA1(fill.scoreCells.get(indicator.id)!);
            const want = indicator.max === 0 ? indicator.bonus.score : indicator.score;
            const got = sheet.values[row][col];
            if (typeof got !== "number" || Math.abs(got - want) > 1e-9)
              throw new Error(indicator.id + ": workbook " + String(got) + ", engine " + want);
          }
        }
      }),
      { numRuns: 40, seed: 20261203 }
    );
  });
});
