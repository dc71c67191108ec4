/**
 * Reading a WPS workbook into Grids over the stateful ET fake: the same Grid the other adapters
 * give (from A1, ragged rows, formulas, number formats of numbers, merged areas, hidden sheets),
 * whole blocks (two reads per sheet), and formats and merges asked for in halves, not per cell.
 */
import { readWorkbook, WpsActionError } from "../../../src/adapters/wps/index";
import { FakeEt, type FakeSheetSpec } from "../../support/wps/fakeEt";

const SCORING: FakeSheetSpec = {
  name: "评分细则",
  values: [[], [null, "类别", "分值", "自评得分"], [null, "一、保障", 2, 0.65], [null, null, 3, null]],
  formulas: [[], [], [], [null, null, null, "=SUM(C3:C4)"]],
  numberFormats: [[], [], [null, null, "0.0", "0%"]],
  merges: ["B3:B4"],
};

describe("readWorkbook", () => {
  it("gives the Grid the other adapters give: from A1, formulas, formats of numbers, merges, hidden sheets", () => {
    const fake = new FakeEt({
      sheets: [SCORING, { name: "_ziping", visible: 0, values: [["rubric", "sd-2023"]] }, { name: "说明", visible: 2 }],
    });
    fake.setResult("评分细则", "D4", 5);
    fake.type("说明", "A1", "'=不是公式");
    const wb = readWorkbook(fake.app);

    expect(wb.sheets.map((s) => [s.name, s.state, s.hidden])).toEqual([
      ["评分细则", "visible", false],
      ["_ziping", "hidden", true],
      ["说明", "veryHidden", true],
    ]);
    const g = wb.grids[0];
    // Used range B2:D4; rows and columns still count from A1.
    expect(g.values).toEqual([[], [null, "类别", "分值", "自评得分"], [null, "一、保障", 2, 0.65], [null, null, 3, 5]]);
    expect(g.formulas).toEqual([
      [],
      [null, null, null, null],
      [null, null, null, null],
      [null, null, null, "=SUM(C3:C4)"],
    ]);
    // Formats matter for numbers: C3 "0.0", D3 "0%"; the rest General.
    expect(g.numberFormats![2]).toEqual(["General", "General", "0.0", "0%"]);
    expect(g.numberFormats![3]).toEqual(["General", "General", "General", "General"]);
    expect(g.merges).toEqual([{ top: 2, left: 1, bottom: 3, right: 1 }]);
    expect(wb.grids[1].values).toEqual([["rubric", "sd-2023"]]);
    // Text typed with a quote prefix that looks like a formula is text.
    expect(wb.grids[2].values).toEqual([["=不是公式"]]);
    expect(wb.grids[2].formulas).toEqual([[null]]);
  });

  it("reads errors given as text (in formula cells) or as VBA's COM codes", () => {
    const spec = {
      sheets: [{ name: "S", values: [["#N/A", null, null, null]], formulas: [[null, null, null, "=1/0"]] }],
    };
    const text = new FakeEt(spec);
    text.type("S", "A1", "#N/A");
    text.setResult("S", "D1", { error: "#DIV/0!" });
    // "#N/A" typed is an error constant; WPS gives its text, which cannot be told from typed text
    // without a formula: text. The formula's error is an error.
    expect(readWorkbook(text.app).grids[0].values).toEqual([["#N/A", null, null, { error: "#DIV/0!" }]]);

    const com = new FakeEt(spec, { errors: "com" });
    com.type("S", "A1", "#N/A");
    com.setResult("S", "D1", { error: "#DIV/0!" });
    expect(readWorkbook(com.app).grids[0].values).toEqual([[{ error: "#N/A" }, null, null, { error: "#DIV/0!" }]]);
  });

  it("reads a blank sheet as an empty grid and a one-cell sheet from its single value", () => {
    const fake = new FakeEt({
      sheets: [
        { name: "空" },
        {
          name: "一格",
          values: [
            [null, null],
            [null, 7],
          ],
        },
      ],
    });
    const wb = readWorkbook(fake.app);
    expect(wb.grids[0].values).toEqual([]);
    expect(wb.grids[1].values).toEqual([[], [null, 7]]);
  });

  it("costs two block reads per sheet however many rows, and one format and one merge read when uniform", () => {
    const rows: unknown[][] = [];
    for (let r = 0; r < 2000; r++) rows.push(["1." + r, "指标" + r, r % 3, r / 10]);
    const fake = new FakeEt({ sheets: [{ name: "大表", values: rows }] });
    const wb = readWorkbook(fake.app);
    expect(wb.grids[0].values.length).toBe(2000);
    expect(fake.reads).toEqual({ Value2: 1, Formula: 1, NumberFormat: 1, MergeCells: 1 });
  });

  it("finds merged areas by halves: one merge in 2 000 rows costs a few dozen reads, k merges about 2k", () => {
    const table = (n: number, merges: string[]) => {
      const rows: unknown[][] = [];
      for (let r = 0; r < n; r++) rows.push(["类别", "指标" + r, 1, 2]);
      return new FakeEt({ sheets: [{ name: "表", values: rows, merges }] });
    };
    const cost = (f: FakeEt) => (f.reads.MergeCells || 0) + (f.reads.MergeArea || 0);
    const one = table(2000, ["A5:A6"]);
    expect(readWorkbook(one.app).grids[0].merges).toEqual([{ top: 4, left: 0, bottom: 5, right: 0 }]);
    // Halving A1:D2000 down to A5:A6: ceil(log2 4) = 2 levels by columns, then ceil(log2 2000) = 11
    // by rows, two halves asked per level (26), plus the merged area and what it leaves: under 40.
    expect(cost(one)).toBeLessThan(40);

    const every = (n: number) => {
      const merges: string[] = [];
      for (let r = 1; r <= n; r += 2) merges.push(`A${r}:A${r + 1}`);
      return table(n, merges);
    };
    const small = every(500);
    const large = every(1000);
    expect(readWorkbook(small.app).grids[0].merges).toHaveLength(250);
    expect(readWorkbook(large.app).grids[0].merges).toHaveLength(500);
    // Column A is wholly merged: each area costs its MergeArea and one MergeCells of what lies below
    // it (2 per area), plus the split of A:D into columns (a handful): never one read per cell.
    expect(cost(small)).toBeLessThanOrEqual(2 * 250 + 10);
    expect(cost(large)).toBeLessThanOrEqual(2 * 500 + 10);
  });

  it("a build without MergeCells or NumberFormat is read without them, in the same number of block reads", () => {
    const fake = new FakeEt({ sheets: [SCORING] }, { without: ["MergeCells", "NumberFormat"] });
    const g = readWorkbook(fake.app).grids[0];
    expect(g.merges).toEqual([]);
    expect(g.numberFormats![2]).toEqual(["General", "General", "General", "General"]);
    expect(fake.reads).toEqual({ Value2: 1, Formula: 1 });
  });

  it("says in Chinese when no workbook is open", () => {
    const fake = new FakeEt({ sheets: [] });
    fake.open = false;
    expect(() => readWorkbook(fake.app)).toThrow(WpsActionError);
    expect(() => readWorkbook(fake.app)).toThrow(/没有打开的工作簿/);
  });
});
