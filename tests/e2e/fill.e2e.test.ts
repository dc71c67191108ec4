/**
 * End to end, with a real spreadsheet engine: fill each bundled sample, enter a county's evidence
 * into 自评依据 and 指标数据 (through the exceljs adapter, as a person typing would), let LibreOffice
 * recalculate every formula, and hold the recalculated 自评得分, subtotals and total to the engine's
 * scores for the same evidence. Every saved result is made wrong before LibreOffice opens the file,
 * so every value read back was computed by LibreOffice, not saved by us.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { applyPlan, readWorkbook, writeWorkbook } from "../../src/adapters/xlsx/index";
import { buildFillPlan } from "../../src/plan/fill";
import { evidenceEntryPlan } from "../../src/plan/evidenceEntry";
import { METRIC_COL } from "../../src/own/sheets";
import { metricRows } from "../../src/own/rows";
import { METRICS_SHEET, SUMMARY_SHEET } from "../../src/own/sheets";
import { builtinRubrics } from "../../src/rubric/builtin/index";
import { scoreRubric, type Evidence } from "../../src/rubric/engine";
import { a1, cellAt, parseA1, type Grid } from "../../src/sheet/grid";
import { primarySheet, recognizeWorkbook } from "../../src/sheet/workbook";
import { withCorruptedCaches } from "../support/corrupt";
import { hasLibreOffice, recalculate as recalculateFile, removeRecalculated } from "../support/libreoffice";

/** Recalculates with LibreOffice and reads the result back, leaving no temporary files behind. */
async function recalculate(file: string): Promise<Grid[]> {
  const out = await recalculateFile(file);
  try {
    return (await readWorkbook(readFileSync(out))).savedGrids();
  } finally {
    removeRecalculated(out);
  }
}

const SAMPLES = join(__dirname, "..", "..", "assets", "samples");
const sampleEvidence = JSON.parse(readFileSync(join(SAMPLES, "曹县-自评依据样例.json"), "utf8")) as Evidence;

/** 微山: the 曹县 sample county's evidence, with 微山's own 2.1 split and the plan's targets; 集中供养率 55%. */
const weishanEvidence: Evidence = {
  values: { ...sampleEvidence.values, "2.1.a": "是", "2.1.b": "是", "2.1.c": "否", "3.8.b": "是", "7.1.a": { national: 6, "provincial-media": 1 } },
  metrics: { ...sampleEvidence.metrics, "centralized-support-rate": { numerator: 55, denominator: 100 }, "home-adaptation-households": 200, "family-care-beds": 60 },
};

/** 会宁: a mix with deductions, a surplus, unmet rates and the bonus item. */
const huiningEvidence: Evidence = {
  values: {
    "1.1.a": "是", "1.1.b": "是", "1.1.c": "否", "1.1.d": "是",
    "1.2.a": "是",
    "1.3.a": "是", "1.3.c": "是", "1.3.d": "是",
    "1.4.a": "是",
    "1.5.a": "是",
    "1.6.a": "是", "1.6.b": "否", "1.6.c": "是",
    "1.7.a": "是", "1.7.b": 1, "1.7.c": 2, "1.7.d": { surplus: 3 },
    "1.8.a": "是", "1.8.b": "是", "1.8.c": "否", "1.8.d": "是", "1.8.e": "是",
    "1.9.a": "是",
    "1.10.a": "是", "1.10.b": "是",
    "bonus.1.a": 3.5, "bonus.1.b": 5,
  },
  metrics: {
    "central-fund-execution-progress": 45,
    "lottery-fund-elderly-care-share": "72%",
    "supervision-rounds-per-year": 3,
    "brand-providers-fostered": 1,
    "active-station-share": { numerator: 13, denominator: 20 },
    "four-batches-rate": 0.58,
    "three-ones-visit-rate": 0.9,
  },
};

const CASES: Array<[string, string, Evidence]> = [
  ["微山县-任务分解表.xlsx", "weishan-2023", weishanEvidence],
  ["曹县-评分细则.xlsx", "sd-2023", sampleEvidence],
  ["会宁县-考核表.xlsx", "huining-2020", huiningEvidence],
];

const describeLO = hasLibreOffice() ? describe : describe.skip;

function valueAt(grid: Grid, cell: string): unknown {
  const { row, col } = parseA1(cell);
  return cellAt(grid, row, col);
}

function sheet(grids: Grid[], name: string): Grid {
  const g = grids.find((x) => x.sheet === name);
  if (!g) throw new Error("no sheet " + name);
  return g;
}

describeLO.each(CASES)("%s, recalculated by LibreOffice", (file, rubricId, evidence) => {
  let before: Grid[];
  let after: Grid[];
  let expected: ReturnType<typeof scoreRubric>;
  let cells: Map<string, string>;
  let sheetName: string;

  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), "ziping-e2e-"));
    const workbook = await readWorkbook(readFileSync(join(SAMPLES, file)));
    const recognized = primarySheet(recognizeWorkbook(workbook.grids(), builtinRubrics))!;
    expect(recognized.match!.rubric.id).toBe(rubricId);
    sheetName = recognized.layout.sheet;
    // --overwrite: the 曹县 sample's typed scores become formulas, so every cell is comparable.
    const fill = buildFillPlan(workbook.grids(), recognized.layout, recognized.match!, { overwrite: true });
    cells = fill.scoreCells;
    applyPlan(workbook, fill.plan);
    applyPlan(workbook, evidenceEntryPlan(recognized.match!.rubric, evidence));
    // Every saved result made wrong (999), so every value read back was computed by LibreOffice.
    const filled = join(dir, "filled.xlsx");
    writeFileSync(filled, await withCorruptedCaches(await writeWorkbook(workbook)));
    before = (await readWorkbook(readFileSync(filled))).savedGrids();
    after = await recalculate(filled);
    expected = scoreRubric(recognized.match!.rubric, evidence);
  });

  test("the saved results were wrong (999), so the engine really recalculated", () => {
    const totalCell = a1(expected.categories.length + 1, 3);
    expect(valueAt(sheet(before, SUMMARY_SHEET), totalCell)).toBe(999);
    expect(expected.total).toBeGreaterThan(0);
  });

  test("every 自评得分 equals the engine's indicator score", () => {
    const grid = sheet(after, sheetName);
    const mismatches: string[] = [];
    for (const category of expected.categories) {
      for (const indicator of category.indicators) {
        const cell = cells.get(indicator.id)!;
        const want = indicator.max === 0 ? indicator.bonus.score : indicator.score;
        const got = valueAt(grid, cell);
        if (typeof got !== "number" || Math.abs(got - want) > 1e-9) mismatches.push(indicator.id + " " + cell + ": " + String(got) + " ≠ " + want);
      }
    }
    expect(mismatches).toEqual([]);
  });

  test("自评汇总: category subtotals, the total and the bonus equal the engine's", () => {
    const grid = sheet(after, SUMMARY_SHEET);
    expected.categories.forEach((category, i) => {
      expect([category.id, valueAt(grid, a1(i + 1, 3)), valueAt(grid, a1(i + 1, 5))]).toEqual([category.id, category.score, category.bonus.score]);
    });
    const total = expected.categories.length + 1;
    expect(valueAt(grid, a1(total, 3))).toBe(expected.total);
    expect(valueAt(grid, a1(total, 5))).toBe(expected.bonus.score);
  });

  test("指标数据 状态 says 未达标 exactly where the engine finds a bound unmet", () => {
    const grid = sheet(after, METRICS_SHEET);
    const rubric = builtinRubrics.find((r) => r.id === rubricId)!;
    for (const row of metricRows(rubric)) {
      const statuses = expected.thresholds.filter((t) => t.metric === row.metric.id);
      if (!row.bounds.length) continue;
      const want = statuses.some((t) => t.met === false) ? "未达标" : statuses.some((t) => t.met === null) ? "未填写" : "达标";
      expect([row.metric.id, valueAt(grid, a1(row.row, METRIC_COL.status))]).toEqual([row.metric.id, want]);
    }
  });
});

describeLO("the thresholds the issue names", () => {
  test("护理型床位占比 60% and 集中供养率 55% show 未达标 in 微山's 指标数据 after recalculation", async () => {
    const dir = mkdtempSync(join(tmpdir(), "ziping-e2e-"));
    const workbook = await readWorkbook(readFileSync(join(SAMPLES, "微山县-任务分解表.xlsx")));
    const recognized = primarySheet(recognizeWorkbook(workbook.grids(), builtinRubrics))!;
    const rubric = recognized.match!.rubric;
    applyPlan(workbook, buildFillPlan(workbook.grids(), recognized.layout, recognized.match!).plan);
    applyPlan(workbook, evidenceEntryPlan(rubric, { metrics: { "nursing-bed-share": { numerator: 60, denominator: 100 }, "centralized-support-rate": 55 } }));
    const filled = join(dir, "filled.xlsx");
    writeFileSync(filled, await writeWorkbook(workbook));
    const grid = sheet(await recalculate(filled), METRICS_SHEET);
    const rowOf = (id: string) => metricRows(rubric).find((r) => r.metric.id === id)!.row;
    expect(valueAt(grid, a1(rowOf("nursing-bed-share"), METRIC_COL.computed))).toBeCloseTo(0.6, 10);
    expect(valueAt(grid, a1(rowOf("nursing-bed-share"), METRIC_COL.status))).toBe("未达标");
    expect(valueAt(grid, a1(rowOf("centralized-support-rate"), METRIC_COL.computed))).toBeCloseTo(0.55, 10);
    expect(valueAt(grid, a1(rowOf("centralized-support-rate"), METRIC_COL.status))).toBe("未达标");
  });
});
