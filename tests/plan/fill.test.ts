/**
 * The fill plan on the bundled samples, through the exceljs adapter: filling twice gives the
 * workbook filling once gave, typed inputs and typed scores survive a refill, every formula uses
 * only functions Excel 2010+, WPS and LibreOffice compute, and every input cell is validated.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { applyPlan, readWorkbook, writeWorkbook } from "../../src/adapters/xlsx/index";
import { buildFillPlan } from "../../src/plan/fill";
import { evidenceEntryPlan } from "../../src/plan/evidenceEntry";
import { EVIDENCE_COL } from "../../src/own/sheets";
import { evidenceRows, takesInput } from "../../src/own/rows";
import { EVIDENCE_SHEET } from "../../src/own/sheets";
import type { PlanOp } from "../../src/plan/plan";
import { builtinRubrics } from "../../src/rubric/builtin/index";
import { a1, type Grid } from "../../src/sheet/grid";
import { primarySheet, recognizeWorkbook } from "../../src/sheet/workbook";

const SAMPLES = join(__dirname, "..", "..", "assets", "samples");

async function load(bytes: Buffer) {
  return readWorkbook(bytes);
}

async function fillOnce(bytes: Buffer, extra: PlanOp[] = [], overwrite = false): Promise<Buffer> {
  const workbook = await load(bytes);
  const recognized = primarySheet(recognizeWorkbook(workbook.grids(), builtinRubrics))!;
  applyPlan(workbook, buildFillPlan(workbook.grids(), recognized.layout, recognized.match!, { overwrite }).plan);
  if (extra.length) applyPlan(workbook, { ops: extra, summary: [], kept: [] });
  return writeWorkbook(workbook);
}

/** Every sheet's cells as value or formula: what a person sees, for comparison. */
function projection(grids: Grid[]): Record<string, Record<string, unknown>> {
  const out: Record<string, Record<string, unknown>> = {};
  for (const g of grids) {
    const cells: Record<string, unknown> = {};
    g.values.forEach((row, r) =>
      row.forEach((v, c) => {
        const f = g.formulas?.[r]?.[c];
        if (f) cells[a1(r, c)] = f;
        else if (v !== null) cells[a1(r, c)] = v;
      }),
    );
    out[g.sheet] = cells;
  }
  return out;
}

const FILES = ["微山县-任务分解表.xlsx", "曹县-评分细则.xlsx", "会宁县-考核表.xlsx"];

describe.each(FILES)("%s", (file) => {
  const original = readFileSync(join(SAMPLES, file));

  test("filling twice gives the same workbook as filling once", async () => {
    const once = await fillOnce(original);
    const twice = await fillOnce(once);
    expect(projection((await load(twice)).grids())).toEqual(projection((await load(once)).grids()));
    // Byte for byte, once exceljs has read its own output back (it adds default view and page
    // attributes to sheets it created on the first read): the third fill changes nothing at all.
    expect((await fillOnce(twice)).equals(twice)).toBe(true);
  });

  test("inputs typed into 自评依据 survive a refill", async () => {
    const first = await load(await fillOnce(original));
    const rubric = primarySheet(recognizeWorkbook(first.grids(), builtinRubrics))!.match!.rubric;
    const input = evidenceRows(rubric).find((r) => r.criterion.kind === "flag")!;
    const typed = await fillOnce(await writeWorkbook(first), [{ op: "set", sheet: EVIDENCE_SHEET, cell: a1(input.row, EVIDENCE_COL.input), value: "是" }]);
    const refilled = await load(await fillOnce(typed));
    const sheet = refilled.grids().find((g) => g.sheet === EVIDENCE_SHEET)!;
    expect(sheet.values[input.row][EVIDENCE_COL.input]).toBe("是");
    expect(projection(refilled.grids())).toEqual(projection((await load(typed)).grids()));
  });

  test("only functions every engine computes; every input cell validated", async () => {
    const workbook = await load(original);
    const recognized = primarySheet(recognizeWorkbook(workbook.grids(), builtinRubrics))!;
    const { plan } = buildFillPlan(workbook.grids(), recognized.layout, recognized.match!);
    const allowed = new Set(["IF", "AND", "OR", "NOT", "SUM", "MIN", "MAX", "ROUND", "ROUNDDOWN", "COUNTIF", "SUMPRODUCT", "IFERROR", "ISNUMBER", "ISBLANK", "ABS"]);
    const used = new Set<string>();
    for (const op of plan.ops) {
      const formula = op.op === "set" ? op.formula : op.op === "conditionalFormat" ? op.formula : undefined;
      if (!formula) continue;
      const stripped = formula.replace(/"[^"]*"/g, '""').replace(/'[^']*'!/g, "");
      for (const m of stripped.matchAll(/([A-Z][A-Z0-9.]*)\(/g)) used.add(m[1]);
    }
    expect([...used].filter((f) => !allowed.has(f))).toEqual([]);
    const validated = new Set(plan.ops.filter((o) => o.op === "validation" && o.sheet === EVIDENCE_SHEET).map((o) => (o as { range: string }).range));
    const inputs = evidenceRows(recognized.match!.rubric).filter((r) => takesInput(r.criterion) && r.criterion.kind !== "scaled").map((r) => a1(r.row, EVIDENCE_COL.input));
    expect(inputs.filter((cell) => !validated.has(cell))).toEqual([]);
  });
});

test("曹县: typed self-scores are kept on a refill, and a person's own formula too", async () => {
  const original = readFileSync(join(SAMPLES, "曹县-评分细则.xlsx"));
  const withFormula = await load(original);
  applyPlan(withFormula, { ops: [{ op: "set", sheet: "评分细则", cell: "G8", formula: "=1+1", result: 2 }], summary: [], kept: [] });
  const workbook = await load(await writeWorkbook(withFormula));
  const recognized = primarySheet(recognizeWorkbook(workbook.grids(), builtinRubrics))!;
  const { plan } = buildFillPlan(workbook.grids(), recognized.layout, recognized.match!);
  expect(plan.kept.map((k) => k.cell)).toEqual(["G4", "G5", "G6", "G7", "G8", "G9", "G10", "G11", "G12", "G13", "G15"]);
  expect(plan.kept[4].reason).toContain("=1+1");
  const written = plan.ops.filter((o) => o.op === "set" && o.sheet === "评分细则").map((o) => (o as { cell: string }).cell);
  expect(written).not.toContain("G4");
  expect(written).toContain("G14");
  // The 合计 row (35) gets the sum of the 31 self-score cells.
  const total = plan.ops.find((o) => o.op === "set" && o.sheet === "评分细则" && o.cell === "G35") as { formula: string };
  expect(total.formula).toMatch(/^=SUM\(G4,G5,.*,G34\)$/);
});

test("entering evidence writes what Excel stores for typed input", () => {
  const rubric = builtinRubrics.find((r) => r.id === "sd-2023")!;
  const plan = evidenceEntryPlan(rubric, { values: { "1.1.a": true, "3.7.b": "60%", "2.3.a": "5项" }, metrics: { "nursing-bed-share": "65%" } });
  const values = plan.ops.map((o) => (o.op === "set" ? [o.sheet, o.value] : null));
  expect(values).toEqual([
    ["自评依据", "是"],
    ["自评依据", 5],
    ["自评依据", 0.6],
    ["指标数据", 0.65],
  ]);
});
