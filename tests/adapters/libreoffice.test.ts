/**
 * LibreOffice as the formula oracle: the exceljs adapter saves the results the formulas compute
 * (whatever a plan guessed), and formulas whose saved results are then made wrong come back from
 * LibreOffice with the true ones, so its recalculation is real (docs/FACTS.md).
 * Skipped, with a note, where soffice is not installed; CI installs it.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as ExcelJS from "exceljs";
import { applyPlan, newWorkbook, readWorkbook, writeWorkbook } from "../../src/adapters/xlsx";
import type { PlanOp, PlanValue } from "../../src/plan/plan";
import { withCorruptedCaches } from "../support/corrupt";
import { hasLibreOffice, recalculate, removeRecalculated } from "../support/libreoffice";

const available = hasLibreOffice();
if (!available) {
  // eslint-disable-next-line no-console
  console.warn(
    "LibreOffice (soffice) is not on PATH: the formula-recalculation tests are skipped. Install libreoffice-calc-nogui to run them."
  );
}
const describeLO = available ? describe : describe.skip;

/** Formula on 评分细则, the wrong cached result written, the true value LibreOffice must find. */
const FORMULAS: Array<[string, string, PlanValue, PlanValue | { error: string }]> = [
  ["B2", "=MIN(4,SUM('自评依据'!B2:B3))", 99, 4],
  ["B3", "=IF(AND('自评依据'!B2>1,'自评依据'!B3>1),\"达标\",\"未达标\")", "错", "达标"],
  ["B4", "=COUNTIF('自评依据'!B2:B3,\">2\")", 99, 1],
  ["B5", "=SUMPRODUCT(('自评依据'!B2:B3>2)*'自评依据'!B2:B3)", 0, 3],
  ["B6", '=IFERROR(1/0,"除零")', 5, "除零"],
  ["B7", "=ROUND(2/3,2)", 1, 0.67],
  ["B8", "='自评依据'!B2*10", 0, 20],
  ["B9", "=IF('自评依据'!B4=\"是\",1,0)", 0, 1],
  ["B10", "=B2+B8", 0, 24],
  ["B11", "=ROUNDDOWN(7.89,1)", 0, 7.8],
  ["B12", "=OR('自评依据'!B2>5,'自评依据'!B3>5)", true, false],
  ["B13", "=1/0", 1, { error: "#DIV/0!" }],
];

function plan(): PlanOp[] {
  return [
    { op: "addSheet", sheet: "自评依据" },
    { op: "set", sheet: "自评依据", cell: "B2", value: 2 },
    { op: "set", sheet: "自评依据", cell: "B3", value: 3 },
    { op: "set", sheet: "自评依据", cell: "B4", value: "是" },
    { op: "addSheet", sheet: "评分细则" },
    ...FORMULAS.map(([cell, formula, wrong]): PlanOp => ({
      op: "set",
      sheet: "评分细则",
      cell,
      formula,
      result: wrong,
    })),
    {
      op: "validation",
      sheet: "评分细则",
      range: "C2:C13",
      rule: { type: "list", values: ["是", "否"] },
      prompt: { title: "是否", message: "请选择" },
    },
    {
      op: "conditionalFormat",
      sheet: "评分细则",
      range: "B2:B13",
      formula: "=ISERROR(B2)",
      style: { fill: "#FFC7CE" },
    },
  ];
}

describeLO("LibreOffice recalculates what the adapter writes", () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "ziping-lo-test-"));
  });
  afterAll(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test("wrong cached results come back true", async () => {
    const book = newWorkbook();
    applyPlan(book, { summary: [], kept: [], ops: plan() });
    const written = await writeWorkbook(book);
    // The adapter saves what the formulas compute, whatever result the plan guessed.
    const saved = (await readWorkbook(written)).sheet("评分细则")!.grid;
    expect(FORMULAS.map(([cell]) => saved.values[Number(cell.slice(1)) - 1][1])).toEqual(
      FORMULAS.map(([, , , truth]) => (typeof truth === "number" ? truth : truth))
    );
    const input = path.join(dir, "错误缓存.xlsx");
    fs.writeFileSync(input, await withCorruptedCaches(written));

    // The file really carries wrong values before LibreOffice sees it.
    const before = (await readWorkbook(fs.readFileSync(input))).sheet("评分细则")!.grid;
    expect(before.values[1][1]).toBe(999);

    const started = Date.now();
    const output = await recalculate(input);
    const seconds = (Date.now() - started) / 1000;
    // eslint-disable-next-line no-console
    console.log(`LibreOffice recalculation of one small workbook: ${seconds.toFixed(2)} s`);

    try {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(fs.readFileSync(output) as unknown as Parameters<ExcelJS.Xlsx["load"]>[0]);
      const ws = wb.getWorksheet("评分细则")!;
      const got: Record<string, unknown> = {};
      const want: Record<string, unknown> = {};
      for (const [cell, , , truth] of FORMULAS) {
        const c = ws.getCell(cell);
        expect(c.type).toBe(ExcelJS.ValueType.Formula);
        got[cell] = typeof c.result === "number" ? Math.round(c.result * 1e9) / 1e9 : c.result;
        want[cell] = truth;
      }
      expect(got).toEqual(want);

      // The same through the adapter's own reader.
      const grid = (await readWorkbook(fs.readFileSync(output))).sheet("评分细则")!.grid;
      expect(grid.values[1][1]).toBe(4);
      expect(grid.values[12][1]).toEqual({ error: "#DIV/0!" });

      // Validations and conditional formats survive LibreOffice's round trip.
      const dv = (
        ws as unknown as { dataValidations: { model: Record<string, ExcelJS.DataValidation> } }
      ).dataValidations.model;
      expect(dv.C5).toMatchObject({ type: "list", promptTitle: "是否" });
      expect(dv.C5.formulae[0]).toBe('"是,否"'); // LibreOffice adds an empty formula2 ("0")
      const cf = (
        ws as unknown as { conditionalFormattings: ExcelJS.ConditionalFormattingOptions[] }
      ).conditionalFormattings;
      expect(cf.map((c) => (c.rules[0] as ExcelJS.ExpressionRuleType).formulae)).toEqual([
        ["ISERROR(B2)"],
      ]);
    } finally {
      removeRecalculated(output);
    }
  });

  test("a file soffice cannot load is an error, not a silent success", async () => {
    const input = path.join(dir, "坏文件.xlsx");
    fs.writeFileSync(input, "not a workbook");
    await expect(recalculate(input)).rejects.toThrow();
  });
});
