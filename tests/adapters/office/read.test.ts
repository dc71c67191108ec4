/**
 * Reading the open workbook with the Office adapter, over office-addin-mock: the same number of
 * syncs for 10 and 1 000 rows, the Grid the core reads (values with an error and blanks, formulas,
 * number formats, merges), and the fallbacks for older Excel and for Excel's limits.
 */
import { readWorkbook } from "../../../src/adapters/office";
import { CAPABILITY_NOTES } from "../../../src/adapters/office/capabilities";
import { FakeExcel, type FakeOptions, type SheetSpec, usedOf } from "./fakeExcel";

/** 评分细则 with `extra` indicator rows after the five fixed ones; a blank sheet; a hidden _ziping at B3. */
function workbook(extra: number): SheetSpec[] {
  const rows: unknown[][] = [
    ["类别", "指标", "分值", "自评得分", "完成率"],
    ["一、组织领导", "建立领导小组", 4, 3.5, { v: 0.65, fmt: "0%" }],
    ["", "制定实施方案", 3, { v: 2, f: "=MIN(C3,2)" }, { v: "#DIV/0!", f: "=1/0", type: "Error" }],
    ["", "落实经费", 2, { v: "", f: '=IF(C4>5,1,"")', type: "String" }, ""],
    ["", "#N/A", true, { v: "=文字", type: "String" }, { v: "#BLOCKED!", f: "=X()", type: "Error" }],
  ];
  for (let i = 0; i < extra; i++) rows.push(["", "指标" + (i + 1), 1, { v: 1, f: `=MIN(C${rows.length + 1},1)` }, ""]);
  return [
    { name: "评分细则", used: usedOf(0, 0, rows), merges: "评分细则!A2:A4, 评分细则!F1:G1" },
    { name: "空表" },
    { name: "_ziping", visibility: "Hidden", used: usedOf(2, 1, [["rubric", "sd-2023"]]) },
  ];
}

function install(sheets: SheetSpec[], options: FakeOptions = {}): FakeExcel {
  return new FakeExcel(sheets, options).install();
}

afterEach(() => FakeExcel.uninstall());

describe("readWorkbook", () => {
  it("costs the same syncs for 10 and 1 000 rows, at most 3", async () => {
    const small = install(workbook(10));
    const a = await readWorkbook();
    const large = install(workbook(1000));
    const b = await readWorkbook();
    expect(small.syncs).toBe(2);
    expect(large.syncs).toBe(small.syncs);
    expect(a.syncs).toBe(small.syncs);
    expect(b.syncs).toBe(large.syncs);
    expect(b.grids[0].values.length).toBe(1005);
    expect(b.grids[0].formulas![1004][3]).toBe("=MIN(C1005,1)");
  });

  it("gives the Grid: values, errors, blanks, formulas, number formats, merges", async () => {
    install(workbook(0));
    const wb = await readWorkbook();
    expect(wb.sheets.map((s) => [s.name, s.state, s.hidden])).toEqual([
      ["评分细则", "visible", false],
      ["空表", "visible", false],
      ["_ziping", "hidden", true],
    ]);
    const g = wb.grids[0];
    expect(g.sheet).toBe("评分细则");
    expect(g.values).toEqual([
      ["类别", "指标", "分值", "自评得分", "完成率"],
      ["一、组织领导", "建立领导小组", 4, 3.5, 0.65],
      [null, "制定实施方案", 3, 2, { error: "#DIV/0!" }],
      // A formula whose result is "" reads as blank; trailing blanks are left out.
      [null, "落实经费", 2, null],
      // "#N/A" typed as text stays text; "=文字" typed with a quote prefix is text, not a formula;
      // an error outside grid.ts's list reads as #VALUE! (as in the exceljs adapter).
      [null, "#N/A", true, "=文字", { error: "#VALUE!" }],
    ]);
    expect(g.formulas).toEqual([
      [null, null, null, null, null],
      [null, null, null, null, null],
      [null, null, null, "=MIN(C3,2)", "=1/0"],
      [null, null, null, '=IF(C4>5,1,"")'],
      [null, null, null, null, "=X()"],
    ]);
    expect(g.numberFormats![1][4]).toBe("0%");
    expect(g.numberFormats![2][4]).toBe("General");
    expect(g.merges).toEqual([
      { top: 0, left: 5, bottom: 0, right: 6 },
      { top: 1, left: 0, bottom: 3, right: 0 },
    ]);
    expect(wb.sheets[0].mergesKnown).toBe(true);
    expect(wb.mergesKnown).toBe(true);
    expect(wb.notes).toEqual([]);

    expect(wb.grids[1]).toEqual({ sheet: "空表", values: [], formulas: [], numberFormats: [], merges: [] });
    // A used range that starts at B3 is placed at B3: rows and columns count from A1.
    expect(wb.grids[2].values).toEqual([[], [], [null, "rubric", "sd-2023"]]);
    expect(wb.grids[2].numberFormats).toEqual([[], [], ["General", "General", "General"]]);
  });

  it("asks for the used range with values only and for merged areas when 1.13 is supported", async () => {
    const fake = install(workbook(0));
    await readWorkbook();
    expect(fake.log.filter((l) => l.startsWith("getUsedRange"))).toEqual([
      "getUsedRangeOrNullObject(true) 评分细则",
      "getUsedRange() 评分细则",
      "getUsedRangeOrNullObject(true) 空表",
      "getUsedRange() 空表",
      "getUsedRangeOrNullObject(true) _ziping",
      "getUsedRange() _ziping",
    ]);
  });

  it("without ExcelApi 1.13: merges [] and mergesKnown false, still 2 syncs", async () => {
    const fake = install(workbook(10), { missing: ["1.13"] });
    const wb = await readWorkbook();
    expect(fake.syncs).toBe(2);
    expect(wb.mergesKnown).toBe(false);
    expect(wb.sheets.every((s) => !s.mergesKnown && s.grid.merges.length === 0)).toBe(true);
    expect(wb.notes).toEqual([CAPABILITY_NOTES.merges]);
    expect(wb.grids[0].values[2][4]).toEqual({ error: "#DIV/0!" });
    // Merged areas are never asked for.
    expect(fake.log.filter((l) => l.startsWith("getUsedRange()"))).toEqual([]);
  });

  it("on Excel 2016 (ExcelApi 1.1 only): getUsedRange(), a blank sheet read as A1, no error", async () => {
    const fake = install(workbook(10), { maxVersion: "1.1" });
    const wb = await readWorkbook();
    expect(fake.syncs).toBe(2);
    expect(fake.log.filter((l) => l.startsWith("getUsedRange"))).toEqual([
      "getUsedRange() 评分细则",
      "getUsedRange() 空表",
      "getUsedRange() _ziping",
    ]);
    expect(wb.grids[1].values).toEqual([]);
    expect(wb.grids[0].values[1]).toEqual(["一、组织领导", "建立领导小组", 4, 3.5, 0.65]);
    expect(wb.mergesKnown).toBe(false);
  });

  it("with ExcelApi 1.2 but not 1.4: getUsedRange(true)", async () => {
    const fake = install(workbook(0), { maxVersion: "1.3" });
    await readWorkbook();
    expect(fake.log.filter((l) => l.startsWith("getUsedRange"))[0]).toBe("getUsedRange(true) 评分细则");
  });

  it("when Excel cannot list the merged areas (over 512): one more sync, values kept, mergesKnown false", async () => {
    const fake = install(workbook(10), { mergesFail: true });
    const wb = await readWorkbook();
    expect(fake.syncs).toBe(3);
    expect(wb.mergesKnown).toBe(false);
    expect(wb.grids[0].merges).toEqual([]);
    expect(wb.grids[0].values[2][4]).toEqual({ error: "#DIV/0!" });
    expect(wb.notes).toHaveLength(1);
  });

  it("reads a workbook too large for one response in slices: syncs follow cells, the Grid is the same", async () => {
    const whole = install(workbook(1000));
    const expected = await readWorkbook();
    expect(whole.syncs).toBe(2);

    // At a guessed 64 bytes a cell, 64 000 bytes a request is 1 000 cells; Excel refuses 1 500.
    const sliced = install(workbook(1000), { responseCellLimit: 1500 });
    const got = await readWorkbook({ chunkBytes: 64_000 });
    expect(got.grids).toEqual(expected.grids);
    expect(got.mergesKnown).toBe(true);
    // list, the refused batch, the used ranges' size, then 5 027 cells in requests of ≤ 1 000.
    expect(sliced.syncs).toBe(3 + Math.ceil((1005 * 5 + 2) / 1000));

    const twice = install(workbook(2000), { responseCellLimit: 1500 });
    await readWorkbook({ chunkBytes: 64_000 });
    expect(twice.syncs).toBe(3 + Math.ceil((2005 * 5 + 2) / 1000));
  });

  it("slices again, smaller, when Excel still refuses a slice", async () => {
    const fake = install(workbook(100), { responseCellLimit: 300 });
    const wb = await readWorkbook({ chunkBytes: 64_000 });
    expect(wb.grids[0].values.length).toBe(105);
    expect(wb.grids[0].values[104][1]).toBe("指标100");
    expect(fake.syncs).toBeGreaterThan(3);
  });
});
