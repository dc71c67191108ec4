/**
 * The Office adapter against a stateful Excel that offers ExcelApi 1.1 only (Excel 2016 MSI, the
 * oldest host the manifest admits), tests/e2e/support/fakeExcel11.js: reading gives back the
 * workbook that was installed, a fill of the 曹县 sample applies with what 1.1 lacks skipped and
 * named, a finding's cell gets selected, and the fake holds to Office.js's proxy rules (no read
 * before load and sync, writes applied at the sync, later requirement sets absent).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import {
  applyPlan,
  capabilities,
  CAPABILITY_NOTES,
  OfficeActionError,
  readSelection,
  readWorkbook,
  selectCell,
} from "../../../src/adapters/office";
import { applyPlan as applyXlsx, readWorkbook as readXlsx } from "../../../src/adapters/xlsx/index";
import { buildFillPlan } from "../../../src/plan/fill";
import { EVIDENCE_SHEET, METRICS_SHEET, STATE_SHEET, SUMMARY_SHEET } from "../../../src/own/sheets";
import type { WorkbookPlan } from "../../../src/plan/plan";
import { builtinRubrics } from "../../../src/rubric/builtin/index";
import { a1, type CellValue, type Grid } from "../../../src/sheet/grid";
import { primarySheet, recognizeWorkbook } from "../../../src/sheet/workbook";

// --- the fake's API (a plain script, shared with the browser tests) ----------------------------------

interface FakeSheetSpec {
  name: string;
  visibility?: "Visible" | "Hidden" | "VeryHidden";
  cells?: Record<string, unknown>;
  values?: CellValue[][];
  formulas?: (string | null)[][];
  numberFormats?: (string | null)[][];
}

interface FakeWorkbook {
  sheets: FakeSheetSpec[];
  activeSheet?: string;
}

interface FakeCell {
  value: unknown;
  type: string;
  formula?: string;
  numberFormat?: string;
  format?: Record<string, unknown>;
}

interface FakeExcel11 {
  syncs(): number;
  calls(): string[];
  absent(): string[];
  selection(): { sheet: string; address: string };
  active(): string;
  sheets(): string[];
  sheet(
    name: string
  ): { name: string; visibility: string; position: number; cells: Record<string, FakeCell> } | undefined;
  toGrids(): Grid[];
  setValue(sheet: string, address: string, value: unknown): void;
  setResult(sheet: string, address: string, value: unknown): void;
  failNextSync(code: string, message?: string): void;
  uninstall(): void;
}

const fakeExcel11 = require("../../e2e/support/fakeExcel11.js") as {
  install(target: object, workbook: FakeWorkbook, options?: { responseCellLimit?: number }): FakeExcel11;
};

const SAMPLES = join(__dirname, "..", "..", "..", "assets", "samples");

let fake: FakeExcel11 | undefined;

function install(workbook: FakeWorkbook, options?: { responseCellLimit?: number }): FakeExcel11 {
  fake = fakeExcel11.install(global, workbook, options);
  return fake;
}

afterEach(() => {
  fake?.uninstall();
  fake = undefined;
});

/** The sample's sheets as the xlsx adapter reads them, and as the fake's workbook. */
async function sample(file: string) {
  const xlsx = await readXlsx(readFileSync(join(SAMPLES, file)));
  const workbook: FakeWorkbook = {
    sheets: xlsx.sheets().map((s) => ({
      name: s.name,
      visibility: s.state === "veryHidden" ? "VeryHidden" : s.state === "hidden" ? "Hidden" : "Visible",
      values: s.grid.values,
      formulas: s.grid.formulas,
      numberFormats: s.grid.numberFormats,
    })),
  };
  return { xlsx, workbook };
}

/** Rows without their trailing blanks, and no trailing blank rows: what both adapters agree on. */
function trimmed<T>(rows: readonly (readonly T[])[] | undefined, blank: (v: T) => boolean): T[][] {
  const out = (rows || []).map((row) => {
    const r = row.slice();
    while (r.length && blank(r[r.length - 1])) r.pop();
    return r;
  });
  while (out.length && !out[out.length - 1].length) out.pop();
  return out;
}

const isBlank = (v: CellValue | string | null | undefined) => v === null || v === undefined || v === "";

/** Every sheet's cells as a person sees them in the formula bar: the formula, else the value. */
function projection(grids: readonly Grid[]): Record<string, Record<string, unknown>> {
  const out: Record<string, Record<string, unknown>> = {};
  for (const g of grids) {
    const cells: Record<string, unknown> = {};
    g.values.forEach((row, r) =>
      row.forEach((v, c) => {
        const f = g.formulas?.[r]?.[c];
        if (f) cells[a1(r, c)] = f;
        else if (v !== null && v !== "") cells[a1(r, c)] = v;
      })
    );
    out[g.sheet] = cells;
  }
  return out;
}

function fillPlan(grids: Grid[]): WorkbookPlan {
  const recognized = primarySheet(recognizeWorkbook(grids, builtinRubrics));
  expect(recognized?.match).toBeDefined();
  return buildFillPlan(grids, recognized!.layout, recognized!.match!).plan;
}

// --- tests -------------------------------------------------------------------------------------------

describe("the host: ExcelApi 1.1 only", () => {
  it("says 1.1 and nothing later, so every capability is off", () => {
    install({ sheets: [{ name: "Sheet1" }] });
    expect(Office.context.requirements.isSetSupported("ExcelApi", "1.1")).toBe(true);
    expect(Office.context.requirements.isSetSupported("ExcelApi", "1.2")).toBe(false);
    expect(Office.context.requirements.isSetSupported("ExcelApi", "1.13")).toBe(false);
    expect(Office.context.displayLanguage).toBe("zh-CN");
    expect(Object.values(capabilities()).some(Boolean)).toBe(false);
  });

  it("Office.onReady resolves Excel on PC and calls back", async () => {
    install({ sheets: [{ name: "Sheet1" }] });
    const seen: unknown[] = [];
    const info = await Office.onReady((i) => seen.push(i));
    expect(info).toEqual({ host: Office.HostType.Excel, platform: Office.PlatformType.PC });
    expect(seen).toEqual([info]);
  });
});

describe("readWorkbook", () => {
  it("gives back the grids that were installed (values, formulas); merges unknown", async () => {
    const { xlsx, workbook } = await sample("曹县-评分细则.xlsx");
    const fake = install(workbook);
    const read = await readWorkbook();

    expect(read.sheets.map((s) => s.name)).toEqual(xlsx.sheetNames());
    expect(read.mergesKnown).toBe(false);
    expect(read.notes).toEqual([CAPABILITY_NOTES.merges]);
    expect(read.syncs).toBe(2);
    expect(fake.syncs()).toBe(2);
    for (const original of xlsx.grids()) {
      const got = read.grids.find((g) => g.sheet === original.sheet)!;
      expect(trimmed(got.values, isBlank)).toEqual(trimmed(original.values, isBlank));
      expect(trimmed(got.formulas, isBlank)).toEqual(trimmed(original.formulas, isBlank));
      expect(got.merges).toEqual([]);
    }
    // getUsedRange() without valuesOnly (1.2), and nothing of a later set touched.
    expect(fake.calls()).toContain("Worksheet.getUsedRange 评分细则");
    expect(fake.absent()).toEqual([]);
  });

  it("reads a sheet whose used range starts away from A1, errors, booleans and a hidden sheet", async () => {
    install({
      sheets: [
        {
          name: "数据",
          cells: {
            C3: "名称",
            D3: 0.65,
            C4: true,
            D4: { error: "#DIV/0!" },
            E5: { value: 3, formula: "=1+2", numberFormat: "0.00" },
            F6: { format: { fill: "#FFF2CC" } },
          },
        },
        { name: "_ziping", visibility: "VeryHidden", cells: { A1: "rubric", B1: "sd-2023" } },
      ],
    });
    const read = await readWorkbook();
    const [data, state] = read.sheets;
    expect(data.grid.values).toEqual([
      [],
      [],
      [null, null, "名称", 0.65],
      [null, null, true, { error: "#DIV/0!" }],
      [null, null, null, null, 3],
    ]);
    expect(data.grid.formulas![4]).toEqual([null, null, null, null, "=1+2"]);
    expect(data.grid.numberFormats![4][4]).toBe("0.00");
    expect(state).toMatchObject({ name: "_ziping", hidden: true, state: "veryHidden" });
    expect(state.grid.values).toEqual([["rubric", "sd-2023"]]);
  });

  it("a blank sheet reads as an empty grid (getUsedRange gives A1)", async () => {
    install({ sheets: [{ name: "Sheet1" }] });
    const read = await readWorkbook();
    expect(read.grids[0].values).toEqual([]);
  });

  it("slices a read that Excel refuses for its size", async () => {
    const cells: Record<string, unknown> = {};
    for (let r = 1; r <= 40; r++) for (const c of ["A", "B", "C"]) cells[c + r] = c + r;
    const fake = install({ sheets: [{ name: "大表", cells }] }, { responseCellLimit: 50 });
    const read = await readWorkbook({ chunkBytes: 40 * 64 });
    expect(read.grids[0].values[39]).toEqual(["A40", "B40", "C40"]);
    expect(fake.calls().filter((c) => c.startsWith("Worksheet.getRange 大表!A"))).not.toEqual([]);
  });
});

describe("applyPlan: the 曹县 fill with ExcelApi 1.1 only", () => {
  it("applies without a TypeError, names what it skipped, and the new sheets read back", async () => {
    const { xlsx, workbook } = await sample("曹县-评分细则.xlsx");
    const fake = install(workbook);
    const before = await readWorkbook();
    const plan = fillPlan(before.grids);
    const syncsBefore = fake.syncs();

    const result = await applyPlan(plan);

    expect(fake.absent()).toEqual([]);
    expect(fake.syncs() - syncsBefore).toBe(result.syncs);
    // What 1.1 cannot do is skipped, counted and said in Chinese: one note per kind, in a fixed order.
    expect(result.notes).toEqual([
      CAPABILITY_NOTES.dataValidation,
      CAPABILITY_NOTES.conditionalFormats,
      CAPABILITY_NOTES.freezePanes,
      CAPABILITY_NOTES.sheetVisibility,
      CAPABILITY_NOTES.columnWidth,
      CAPABILITY_NOTES.cellProtection,
    ]);
    const count = (kind: string) => plan.ops.filter((op) => op.op === kind).length;
    expect(count("validation")).toBeGreaterThan(0);
    expect(count("conditionalFormat")).toBeGreaterThan(0);
    expect(result.skipped).toMatchObject({
      validation: count("validation"),
      conditionalFormat: count("conditionalFormat"),
      freeze: count("freeze"),
      hideSheet: 1,
    });
    expect(result.applied + count("validation") + count("conditionalFormat") + count("freeze")).toBe(plan.ops.length);

    const after = await readWorkbook();
    const names = after.sheets.map((s) => s.name);
    for (const own of [EVIDENCE_SHEET, METRICS_SHEET, SUMMARY_SHEET]) expect(names).toContain(own);
    // Hiding needs 1.2: _ziping stays visible.
    const state = after.sheets.find((s) => s.name === STATE_SHEET);
    if (state) expect(state.state).toBe("visible");

    // The cells the exceljs adapter writes for the same plan, formula for formula, text for text.
    applyXlsx(xlsx, plan);
    expect(projection(after.grids)).toEqual(projection(xlsx.grids()));

    // Input cells are shaded; formulas are kept, with no value (there is no calc engine here).
    const evidence = fake.sheet(EVIDENCE_SHEET)!;
    expect(Object.values(evidence.cells).some((c) => c.format?.fill === "#FFF2CC")).toBe(true);
    const formulaCell = Object.values(evidence.cells).find((c) => c.formula);
    expect(formulaCell).toMatchObject({ value: "", type: "Empty" });
  });

  it("a second fill over the first changes nothing a person sees", async () => {
    const { workbook } = await sample("曹县-评分细则.xlsx");
    install(workbook);
    await applyPlan(fillPlan((await readWorkbook()).grids));
    const once = await readWorkbook();
    await applyPlan(fillPlan(once.grids));
    const twice = await readWorkbook();
    expect(projection(twice.grids)).toEqual(projection(once.grids));
  });

  it("keeps what a person typed into 自评依据 and reads the results Excel would show", async () => {
    const { workbook } = await sample("曹县-评分细则.xlsx");
    const fake = install(workbook);
    await applyPlan(fillPlan((await readWorkbook()).grids));
    const evidence = fake.sheet(EVIDENCE_SHEET)!;
    const [inputCell] = Object.entries(evidence.cells).find(([, c]) => c.format?.fill === "#FFF2CC" && !c.formula)!;
    fake.setValue(EVIDENCE_SHEET, inputCell, "是");
    const [formulaCell] = Object.entries(evidence.cells).find(([, c]) => c.formula)!;
    fake.setResult(EVIDENCE_SHEET, formulaCell, 2);

    await applyPlan(fillPlan((await readWorkbook()).grids));
    const again = fake.sheet(EVIDENCE_SHEET)!;
    expect(again.cells[inputCell].value).toBe("是");
    const grid = (await readWorkbook()).grids.find((g) => g.sheet === EVIDENCE_SHEET)!;
    expect(grid.values.flat()).toContain("是");
  });
});

describe("selectCell", () => {
  it("activates the sheet and selects the cell", async () => {
    const fake = install({ sheets: [{ name: "Sheet1" }, { name: "评分细则", cells: { G14: 3 } }] });
    expect(fake.selection()).toEqual({ sheet: "Sheet1", address: "A1" });
    await selectCell("评分细则", "G14");
    expect(fake.selection()).toEqual({ sheet: "评分细则", address: "G14" });
    expect(fake.calls()).toEqual(
      expect.arrayContaining(["Worksheet.activate 评分细则", "Range.select 评分细则!G14", "RequestContext.sync"])
    );
    expect(await readSelection()).toEqual({ sheet: "评分细则", range: "G14", cell: "G14" });
    await selectCell("Sheet1", "B2:C3");
    expect(fake.selection()).toEqual({ sheet: "Sheet1", address: "B2:C3" });
  });

  it("rejects in Chinese when the sheet is gone (ItemNotFound at the sync)", async () => {
    install({ sheets: [{ name: "Sheet1" }] });
    const failure = await selectCell("改名了", "A1").catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(OfficeActionError);
    expect((failure as OfficeActionError).code).toBe("ItemNotFound");
  });

  it("retries while the user is editing a cell", async () => {
    const fake = install({ sheets: [{ name: "Sheet1" }] });
    fake.failNextSync("InvalidOperationInCellEditMode");
    await selectCell("Sheet1", "C3", { sleep: async () => undefined });
    expect(fake.selection()).toEqual({ sheet: "Sheet1", address: "C3" });
  });
});

describe("the fake keeps Office.js's rules", () => {
  it("a property read before load and sync throws PropertyNotLoaded", async () => {
    install({ sheets: [{ name: "Sheet1", cells: { A1: 7 } }] });
    await Excel.run(async (context) => {
      const worksheets = context.workbook.worksheets;
      expect(() => worksheets.items).toThrow(/property 'items' is not available/);
      const range = worksheets.getItem("Sheet1").getRange("A1");
      expect(() => range.values).toThrow(/property 'values' is not available/);
      range.load("values");
      let error: unknown;
      try {
        void range.address;
      } catch (e) {
        error = e;
      }
      expect(error).toMatchObject({ code: "PropertyNotLoaded" });
      expect(() => range.values).toThrow(/not available/); // loaded, but not yet synced
      await context.sync();
      expect(range.values).toEqual([[7]]);
      expect(() => range.address).toThrow(/property 'address' is not available/); // not asked for
    });
  });

  it("writes are queued and applied at the sync, in order", async () => {
    const fake = install({ sheets: [{ name: "Sheet1", cells: { A1: "old" } }] });
    await Excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("Sheet1");
      const before = ws.getRange("A1");
      before.load("values");
      ws.getRange("A1").values = [["new"]];
      ws.getRange("B1:C1").formulas = [["=A1", "'007"]];
      ws.getRange("A1").format.font.bold = true;
      const after = ws.getRange("A1:C1");
      after.load("values,formulas,valueTypes");
      expect(fake.sheet("Sheet1")!.cells.A1.value).toBe("old");
      await context.sync();
      expect(before.values).toEqual([["old"]]);
      expect(after.values).toEqual([["new", "", "007"]]);
      expect(after.formulas).toEqual([["new", "=A1", "007"]]);
      expect(after.valueTypes).toEqual([["String", "Empty", "String"]]);
    });
    expect(fake.sheet("Sheet1")!.cells.A1).toEqual({ value: "new", type: "String", format: { bold: true } });
  });

  it("members of later requirement sets are absent: calling them throws a TypeError", async () => {
    const fake = install({ sheets: [{ name: "Sheet1" }] });
    await Excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("Sheet1");
      const range = ws.getRange("A1:B2") as unknown as Record<string, unknown>;
      expect(range.dataValidation).toBeUndefined();
      expect(range.conditionalFormats).toBeUndefined();
      expect(() => ws.getUsedRangeOrNullObject()).toThrow(TypeError);
      expect(() => ws.getRange("A1:B2").merge()).toThrow(TypeError);
      expect(() => ws.getRange("A1").getMergedAreasOrNullObject()).toThrow(TypeError);
      expect(() => (ws.freezePanes as unknown as { freezeRows(n: number): void }).freezeRows(1)).toThrow(TypeError);
      expect(() => {
        ws.getRange("A:A").format.columnWidth = 50;
      }).toThrow(TypeError);
      expect(() => {
        ws.getRange("A1").format.protection.locked = false;
      }).toThrow(TypeError);
      expect(() => {
        ws.getRange("A1").hyperlink = { address: "x" };
      }).toThrow(TypeError);
      expect(() => {
        ws.visibility = "Hidden";
      }).toThrow(/read-only in ExcelApi 1.1/);
      expect(() => {
        context.runtime.enableEvents = false;
      }).toThrow(TypeError);
      expect(() => context.workbook.application.suspendApiCalculationUntilNextSync()).toThrow(TypeError);
      expect(() => context.workbook.worksheets.onChanged.add(async () => undefined)).toThrow(TypeError);
      await context.sync();
    });
    expect(fake.absent()).toEqual(
      expect.arrayContaining([
        "Range.dataValidation (ExcelApi 1.8)",
        "Worksheet.getUsedRangeOrNullObject (ExcelApi 1.4)",
        "RequestContext.runtime (ExcelApi 1.5)",
      ])
    );
  });

  it("adding a sheet that exists fails with ItemAlreadyExists; usedRange starts at the first used cell", async () => {
    install({ sheets: [{ name: "Sheet1", cells: { C3: 1, D5: "x" } }] });
    await Excel.run(async (context) => {
      const used = context.workbook.worksheets.getItem("Sheet1").getUsedRange();
      used.load("address,rowIndex,columnIndex,rowCount,columnCount");
      await context.sync();
      expect([used.address, used.rowIndex, used.columnIndex, used.rowCount, used.columnCount]).toEqual([
        "Sheet1!C3:D5",
        2,
        2,
        3,
        2,
      ]);
      context.workbook.worksheets.add("sheet1");
      await expect(context.sync()).rejects.toMatchObject({ code: "ItemAlreadyExists" });
    });
  });
});
