/**
 * The three adapters write the same cells for the same plan (issue 15): 准备工作簿 on the bundled
 * 曹县 sample (assets/samples/曹县-评分细则.xlsx), applied by
 * - the exceljs adapter, written to .xlsx and read back;
 * - the WPS adapter, over the stateful ET fake holding the same workbook;
 * - the Office adapter, over office-addin-mock (what it gives `range.formulas`).
 * Every cell the plan writes has the same content in all three: its formula, or its value (text
 * the Office adapter quotes stays text). The exceljs and WPS workbooks also agree on the sheets
 * added and hidden, the merged areas, the validations and the conditional formats.
 * Then the hidden _ziping sheet carries the preparation across: a workbook prepared by exceljs
 * (the CLI, Excel's file) is recognized as prepared in WPS, and one prepared in WPS reads back
 * as prepared with the same rubric.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import * as ExcelJS from "exceljs";
import { applyPlan as applyOffice } from "../../../src/adapters/office";
import { applyPlan as applyWps, readWorkbook as readWps } from "../../../src/adapters/wps/index";
import { applyPlan as applyXlsx, readWorkbook as readXlsx, writeWorkbook } from "../../../src/adapters/xlsx/index";
import type { PlanValue, WorkbookPlan } from "../../../src/plan/plan";
import { STATE_SHEET } from "../../../src/own/sheets";
import { trustedBuiltinRubrics } from "../../../src/rubric/builtin/data";
import { areaA1, type CellValue, type Grid } from "../../../src/sheet/grid";
import { fillPlan } from "../../../src/taskpane/components/plans";
import { analyzeBuiltin } from "../../../src/taskpane/model/analyzeBuiltin";
import { FakeExcel } from "../office/fakeExcel";
import { FakeEt, type FakeSheetSpec } from "../../support/wps/fakeEt";

const SAMPLE = join(__dirname, "..", "..", "..", "assets", "samples", "曹县-评分细则.xlsx");

function fakeFromGrids(grids: Grid[]): FakeEt {
  const sheets: FakeSheetSpec[] = grids.map((g) => ({
    name: g.sheet,
    values: g.values as unknown[][],
    formulas: g.formulas,
    numberFormats: g.numberFormats,
    merges: g.merges.map((m) => areaA1(m)),
  }));
  return new FakeEt({ sheets });
}

/** The cells a plan writes (value or formula), last write winning: sheet → cell → what it should hold. */
function plannedCells(plan: WorkbookPlan): Map<string, Map<string, { value?: PlanValue; formula?: string }>> {
  const out = new Map<string, Map<string, { value?: PlanValue; formula?: string }>>();
  for (const op of plan.ops) {
    if (op.op !== "set" || (op.value === undefined && op.formula === undefined)) continue;
    let sheet = out.get(op.sheet);
    if (!sheet) out.set(op.sheet, (sheet = new Map()));
    sheet.set(op.cell.trim(), { value: op.value, formula: op.formula });
  }
  return out;
}

type Content = string | number | boolean | null;

/** A cell's content: its formula ("=…") or its value (blank as null). */
function gridContent(grid: Grid | undefined, cell: string): Content {
  if (!grid) return null;
  const m = /^([A-Z]+)(\d+)$/.exec(cell)!;
  let col = 0;
  for (const ch of m[1]) col = col * 26 + ch.charCodeAt(0) - 64;
  const r = Number(m[2]) - 1;
  const c = col - 1;
  const f = grid.formulas?.[r]?.[c];
  if (f) return f;
  const v: CellValue = grid.values[r]?.[c] ?? null;
  return v !== null && typeof v === "object" ? v.error : v;
}

/** What the Office adapter gave `range.formulas`, as the cell Excel keeps. */
function officeContent(given: unknown): Content {
  if (given === undefined || given === "") return null;
  if (typeof given === "string" && given.charAt(0) === "'") return given.slice(1);
  return given as Content;
}

describe("the same plan, three adapters, the same cells", () => {
  let grids: Grid[];
  let plan: WorkbookPlan;
  let xlsxBytes: Buffer;
  let xlsxGrids: Grid[];
  let wps: FakeEt;
  let wpsGrids: Grid[];
  let office: FakeExcel;

  beforeAll(async () => {
    const input = readFileSync(SAMPLE);
    grids = (await readXlsx(input)).grids();
    const analysis = analyzeBuiltin(grids, trustedBuiltinRubrics);
    plan = fillPlan(grids, analysis.primary!);

    const workbook = await readXlsx(input);
    applyXlsx(workbook, plan);
    xlsxBytes = await writeWorkbook(workbook);
    xlsxGrids = (await readXlsx(xlsxBytes)).grids();

    wps = fakeFromGrids(grids);
    applyWps(wps.app, plan);
    wpsGrids = readWps(wps.app).grids;

    office = new FakeExcel(grids.map((g) => ({ name: g.sheet }))).install();
    await applyOffice(plan);
  });

  afterAll(() => FakeExcel.uninstall());

  it("the plan is 曹县's preparation: hundreds of cells on the sheet, three added sheets and _ziping", () => {
    const cells = plannedCells(plan);
    // 评分细则 (the 31 自评得分 formulas), 自评依据, 指标数据, 自评汇总 and _ziping.
    expect(Array.from(cells.keys()).sort()).toEqual(
      [grids[0].sheet, "自评依据", "指标数据", "自评汇总", STATE_SHEET].sort()
    );
    let n = 0;
    cells.forEach((m) => (n += m.size));
    expect(n).toBeGreaterThan(300);
  });

  it("every cell the plan writes holds the same formula or value in the exceljs, WPS and Office workbooks", () => {
    const differences: string[] = [];
    let compared = 0;
    plannedCells(plan).forEach((cells, sheet) => {
      const x = xlsxGrids.find((g) => g.sheet === sheet);
      const w = wpsGrids.find((g) => g.sheet === sheet);
      const o = office.written(sheet);
      cells.forEach((_planned, cell) => {
        const fromXlsx = gridContent(x, cell);
        const fromWps = gridContent(w, cell);
        const fromOffice = officeContent(o.get(cell));
        compared++;
        if (fromXlsx !== fromWps || fromXlsx !== fromOffice)
          differences.push(
            `${sheet}!${cell}: exceljs ${JSON.stringify(fromXlsx)} · WPS ${JSON.stringify(fromWps)} · Office ${JSON.stringify(fromOffice)}`
          );
      });
    });
    expect(differences).toEqual([]);
    expect(compared).toBeGreaterThan(300);
  });

  it("the formulas read back from WPS are those the exceljs file holds: one per indicator, or the score kept", () => {
    const sheet = grids[0].sheet;
    const x = xlsxGrids.find((g) => g.sheet === sheet)!;
    const w = wpsGrids.find((g) => g.sheet === sheet)!;
    const formulasOf = (g: Grid) => (g.formulas || []).flat().filter((f): f is string => !!f);
    expect(formulasOf(w)).toEqual(formulasOf(x));
    // sd-2023 has 31 indicators: each 自评得分 cell gets a formula over 自评依据, or keeps the score a
    // person typed (the sample has some), said in the plan's `kept`.
    const ours = formulasOf(w).filter((f) => f.indexOf("自评依据") >= 0).length;
    const kept = plan.kept.filter((k) => k.sheet === sheet).length;
    expect(ours).toBeGreaterThan(0);
    expect(ours + kept).toBe(31);
  });

  it("the same sheets, in the same order, _ziping hidden in both", async () => {
    expect(wps.sheets()).toEqual(xlsxGrids.map((g) => g.sheet));
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsxBytes as unknown as ArrayBuffer);
    expect(book.getWorksheet(STATE_SHEET)!.state).toBe("hidden");
    expect(wps.visibility(STATE_SHEET)).toBe(0);
  });

  it("the same merged areas, validations and conditional formats", async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsxBytes as unknown as ArrayBuffer);
    for (const sheet of ["自评依据", "指标数据", "自评汇总"]) {
      const ws = book.getWorksheet(sheet)! as ExcelJS.Worksheet & {
        dataValidations: { model: Record<string, ExcelJS.DataValidation> };
        conditionalFormattings: Array<{ ref: string; rules: Array<{ formulae?: string[] }> }>;
      };
      // Merges: exceljs's model lists them as "A1:B2".
      expect(wps.merges(sheet).sort()).toEqual(((ws.model as { merges?: string[] }).merges || []).slice().sort());

      // Validations, cell by cell: the rule's kind and its bounds or list.
      const xlsxRules = new Map<string, string>();
      for (const [ref, dv] of Object.entries(ws.dataValidations.model)) {
        const [a, b] = ref.split(":");
        const from = /^([A-Z]+)(\d+)$/.exec(a)!;
        const to = /^([A-Z]+)(\d+)$/.exec(b || a)!;
        for (let r = Number(from[2]); r <= Number(to[2]); r++)
          for (let c = from[1].charCodeAt(0); c <= to[1].charCodeAt(0); c++)
            xlsxRules.set(
              String.fromCharCode(c) + r,
              dv.type + " " + (dv.formulae || []).map((f) => String(f).replace(/^"|"$/g, "")).join(" ")
            );
      }
      const TYPES: Record<number, string> = { 1: "whole", 2: "decimal", 3: "list" };
      const wpsRules = new Map<string, string>();
      for (const { cells, rule } of wps.validations(sheet))
        for (const cell of cells)
          wpsRules.set(
            cell,
            TYPES[rule.type] + " " + [rule.formula1, rule.formula2].filter((f) => f !== undefined).join(" ")
          );
      expect(new Map([...wpsRules].sort())).toEqual(new Map([...xlsxRules].sort()));
      if (sheet !== "自评汇总") expect(wpsRules.size).toBeGreaterThan(0);

      // Conditional formats: range and formula ("=" + exceljs's formula).
      const xlsxCf = ws.conditionalFormattings
        .flatMap((cf) => cf.rules.map((rule) => cf.ref + " =" + (rule.formulae || [])[0]))
        .sort();
      const wpsCf = wps
        .rules(sheet)
        .map((r) => r.range + " " + r.formula)
        .sort();
      expect(wpsCf).toEqual(xlsxCf);
      if (sheet === "指标数据") expect(wpsCf.length).toBeGreaterThan(0);
    }
  });

  it("a workbook prepared by exceljs (Excel's file) is prepared in WPS, and a refill there writes the same cells", () => {
    const again = fakeFromGrids(xlsxGrids);
    const fromWps = readWps(again.app).grids;
    const analysis = analyzeBuiltin(fromWps, trustedBuiltinRubrics);
    expect(analysis.filled).toBe(true);
    expect(analysis.rubric?.id).toBe("sd-2023");
    const refill = fillPlan(fromWps, analysis.primary!);
    applyWps(again.app, refill);
    const after = readWps(again.app).grids;
    const differences: string[] = [];
    plannedCells(refill).forEach((cells, sheet) => {
      cells.forEach((_p, cell) => {
        const a = gridContent(
          after.find((g) => g.sheet === sheet),
          cell
        );
        const b = gridContent(
          xlsxGrids.find((g) => g.sheet === sheet),
          cell
        );
        if (a !== b) differences.push(`${sheet}!${cell}: ${JSON.stringify(a)} ≠ ${JSON.stringify(b)}`);
      });
    });
    expect(differences).toEqual([]);
  });

  it("a workbook prepared in WPS reads back as prepared with sd-2023 from its _ziping sheet", () => {
    const state = wpsGrids.find((g) => g.sheet === STATE_SHEET)!;
    expect(state.values[0]).toEqual(["rubric", "sd-2023"]);
    const analysis = analyzeBuiltin(wpsGrids, trustedBuiltinRubrics);
    expect(analysis.filled).toBe(true);
    expect(analysis.rubric?.id).toBe("sd-2023");
  });
});

/**
 * A plan none of the three can apply is refused by all three before anything is written, in the
 * same Chinese sentence (issue 14: one plan check, adapters/planCheck.ts, called by every adapter).
 * Each plan's second op is the bad one, so every sentence names step 2.
 */
describe("the three adapters refuse the same bad plans in the same words", () => {
  const good: WorkbookPlan["ops"][number] = { op: "set", sheet: "评分细则", cell: "A1", value: "ok" };
  const badOps: Array<[string, WorkbookPlan["ops"][number], RegExp]> = [
    ["a colour that is not #RRGGBB", { op: "style", sheet: "评分细则", range: "D2", style: { fill: "red" } }, /#RRGGBB：red$/],
    [
      "a list option with a comma",
      { op: "validation", sheet: "评分细则", range: "D2", rule: { type: "list", values: ["是", "a,b"] } },
      /逗号/,
    ],
    [
      "a list longer than Excel keeps (300 characters > 255)",
      { op: "validation", sheet: "评分细则", range: "D2", rule: { type: "list", values: ["长".repeat(300)] } },
      /合计 300 字符，超过 Excel 的 255 字符上限$/,
    ],
    ["a cell address that is none", { op: "set", sheet: "评分细则", cell: "第一格", value: 1 }, /单元格地址无效：第一格$/],
    ["an empty formula", { op: "set", sheet: "评分细则", cell: "B2", formula: "=" }, /B2 的公式为空$/],
    ["a text over 32767 characters", { op: "set", sheet: "评分细则", cell: "B2", value: "字".repeat(32768) }, /32767/],
  ];

  let grids: Grid[];
  beforeAll(async () => {
    grids = (await readXlsx(readFileSync(SAMPLE))).grids();
  });
  afterEach(() => FakeExcel.uninstall());

  it.each(badOps)("%s", async (_what, bad, reason) => {
    const plan: WorkbookPlan = { summary: [], kept: [], ops: [good, bad] };
    const xlsxBook = await readXlsx(readFileSync(SAMPLE));
    const before = JSON.stringify(xlsxBook.grids());
    let xlsxMessage = "";
    try {
      applyXlsx(xlsxBook, plan);
    } catch (e) {
      xlsxMessage = (e as Error).message;
    }
    const wps = fakeFromGrids(grids);
    let wpsMessage = "";
    try {
      applyWps(wps.app, plan);
    } catch (e) {
      wpsMessage = (e as Error).message;
    }
    new FakeExcel(grids.map((g) => ({ name: g.sheet }))).install();
    const officeMessage = await applyOffice(plan).then(
      () => "",
      (e: Error) => e.message
    );

    expect(xlsxMessage).toMatch(new RegExp("^计划第 2 步（" + bad.op + " 评分细则）无法应用："));
    expect(xlsxMessage).toMatch(reason);
    expect(wpsMessage).toBe(xlsxMessage);
    expect(officeMessage).toBe(xlsxMessage);
    // Nothing written: not even the good first op.
    expect(JSON.stringify(xlsxBook.grids())).toBe(before);
    expect(readWps(wps.app).grids[0].values[0][0]).toBe(grids[0].values[0][0]);
  });
});
