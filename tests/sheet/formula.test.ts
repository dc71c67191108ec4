/**
 * The formula evaluator against Excel's documented behaviour (each expectation below is what Excel
 * shows for the formula, from Microsoft's function reference), and recalculation of Grids whose
 * cached results are stale. tests/e2e/cache.e2e.test.ts holds it to LibreOffice and Gnumeric on
 * every formula Ziping writes.
 */
import { recalculate, type DefinedName } from "../../src/sheet/recalc";
import { parseFormula, Unsupported } from "../../src/sheet/formula/parse";
import type { CellValue, Grid } from "../../src/sheet/grid";

function grid(sheet: string, rows: Array<Array<CellValue | { f: string; v?: CellValue }>>): Grid {
  const values: CellValue[][] = [];
  const formulas: (string | null)[][] = [];
  rows.forEach((row, r) => {
    values[r] = [];
    formulas[r] = [];
    row.forEach((cell, c) => {
      if (cell !== null && typeof cell === "object" && "f" in cell) {
        values[r][c] = cell.v ?? null;
        formulas[r][c] = cell.f;
      } else {
        values[r][c] = cell;
        formulas[r][c] = null;
      }
    });
  });
  return { sheet, values, formulas, merges: [] };
}

/** The value of `=formula` in a sheet whose A1:E3 hold the data below. */
function calc(formula: string, names: DefinedName[] = []): CellValue {
  const data = grid("数据", [
    [1, 2, "3", "是", null],
    [true, "text", 0.65, "否", ""],
    [10, -4, 2.5, "是", { f: '=""' }],
  ]);
  const other = grid("自评依据", [["编号", 7], ["x", 8]]);
  const host = grid("calc", [[{ f: formula, v: "stale" }]]);
  const result = recalculate([data, other, host], names);
  return result.grids[2].values[0][0];
}

describe("formula evaluator, Excel's semantics", () => {
  test.each<[string, CellValue]>([
    // SUM over references ignores text and booleans: 1+2+10-4+0.65+2.5
    ["=SUM(数据!A1:C3)", 12.15],
    // ...but typed values are coerced: "3" is 3, TRUE is 1
    ['=SUM("3",TRUE,1)', 5],
    ["=MIN(数据!A1:B3)", -4],
    ["=MAX(数据!C1:C3)", 2.5],
    // a reference to an empty cell shows 0
    ["=数据!E1", 0],
    // comparison: text equals without regard to case; blank equals ""
    ['=数据!D1="是"', true],
    ['=数据!E1=""', true],
    ["=数据!E1=0", true],
    // numbers sort before text
    ['=1<"a"', true],
    ["=IF(数据!A2,\"y\",\"n\")", "y"],
    // IF evaluates only the branch it takes
    ["=IF(TRUE,1,1/0)", 1],
    ["=IF(FALSE,1)", false],
    ["=1/0", { error: "#DIV/0!" }],
    ["=IFERROR(1/0,9)", 9],
    ['="a"&1.5&TRUE', "a1.5TRUE"],
    ['="3"+1', 4],
    ['="x"+1', { error: "#VALUE!" }],
    // ISBLANK is true only for an empty cell, not for "" from a formula
    ["=ISBLANK(数据!E1)", true],
    ["=ISBLANK(数据!E3)", false],
    ["=ISNUMBER(数据!C1)", false],
    ["=ISNUMBER(数据!C2)", true],
    // AND/OR skip text in references
    ["=AND(数据!A2,数据!B2)", true],
    ["=OR(数据!B2)", { error: "#VALUE!" }],
    // rounding as spreadsheets do it: on 15 significant digits
    ["=ROUND(2.675,2)", 2.68],
    ["=ROUNDDOWN(0.3/0.1,0)", 3],
    ["=ROUNDDOWN(-2.5,0)", -2],
    ["=ROUND(-2.5,0)", -3],
    ["=ROUNDUP(1.21,1)", 1.3],
    // -2^2 is 4 in Excel (negation first)
    ["=-2^2", 4],
    ["=2*3%", 0.06],
    ['=COUNTIF(数据!D1:D3,"是")', 2],
    ['=COUNTIF(数据!A1:C3,">=2")', 3],
    ['=COUNTIF(数据!A1:A3,"<>")', 3],
    ['=SUMIF(数据!D1:D3,"是",数据!A1:A3)', 11],
    // array arithmetic coerces the text "3" in C1 (TRUE*"3" = 3): 3 + 0 + 2.5
    ['=SUMPRODUCT((数据!D1:D3="是")*数据!C1:C3)', 5.5],
    ["=SUMPRODUCT(数据!A1:A3,数据!C1:C3)", 25],
    ['=INDEX(数据!A1:D3,3,4)', "是"],
    ['=MATCH("否",数据!D1:D3,0)', 2],
    ['=VLOOKUP(10,数据!A3:D3,4,FALSE)', "是"],
    ["=自评依据!B2*2", 16],
    ["='自评依据'!B1+SUM('自评依据'!B1:B2)", 22],
    ['=TEXT(0.655,"0.0%")', "65.5%"],
    ["=MOD(-3,2)", 1],
    ["=CHOOSE(2,\"a\",\"b\")", "b"],
  ])("%s → %j", (formula, expected) => {
    const got = calc(formula);
    if (typeof expected === "number") expect(got).toBeCloseTo(expected, 12);
    else expect(got).toEqual(expected);
  });

  test("defined names: workbook and sheet scope, a name made of a formula", () => {
    const names: DefinedName[] = [
      { name: "目标床位", formula: "数据!$A$3" },
      { name: "倍数", formula: "=2*3" },
      { name: "目标床位", sheet: "calc", formula: "数据!$C$3" },
    ];
    expect(calc("=目标床位*倍数", names)).toBe(15);
    expect(calc("=未定义的名称", names)).toEqual({ error: "#NAME?" });
  });

  test("what it does not read keeps the cached result, and says why", () => {
    for (const f of ["=NOW()", "=INDIRECT(\"A1\")", "=[1]Sheet1!A1", "=SUM(数据!A1:A3*2)", "=缺少的表!A1"]) {
      expect(calc(f)).toBe("stale");
    }
    const r = recalculate([grid("s", [[{ f: "=B1", v: 5 }, { f: "=A1", v: 6 }]])]);
    expect(r.grids[0].values[0]).toEqual([5, 6]);
    expect(r.kept.map((k) => k.reason)).toEqual(["circular reference", "circular reference"]);
    expect(r.computed).toBe(0);
  });

  test("parse errors are Unsupported, never crashes", () => {
    for (const f of ["=SUM(", '="abc', "=1+", "=)", "={1,2;3}"]) expect(() => parseFormula(f)).toThrow(Unsupported);
  });
});

describe("recalculate", () => {
  test("stale caches are replaced, chains follow, the input Grids are left alone", () => {
    const g = grid("s", [
      [2, { f: "=A1*10", v: 0 }, { f: "=B1+1", v: 0 }],
      [{ f: "=C1", v: "old" }, null, null],
    ]);
    const r = recalculate([g]);
    expect(r.grids[0].values).toEqual([
      [2, 20, 21],
      [21, null, null],
    ]);
    expect(g.values[0]).toEqual([2, 0, 0]);
    expect(r.computed).toBe(3);
    expect(r.changed.map((c) => c.cell)).toEqual(["B1", "C1", "A2"]);
  });

  test("a long chain of formulas reading the row above does not recurse deeply", () => {
    const rows: Array<Array<CellValue | { f: string }>> = [[1]];
    for (let r = 1; r < 20000; r++) rows.push([{ f: "=A" + r + "+1" }]);
    const r = recalculate([grid("s", rows)]);
    expect(r.grids[0].values[19999][0]).toBe(20000);
    expect(r.kept).toEqual([]);
  });
});

test("rounding of numbers written with an exponent (1E-9, 1E+20)", () => {
  const one = (f: string) => recalculate([grid("s", [[{ f }]])]).grids[0].values[0][0];
  expect(one("=ROUNDDOWN(0/0.5+1E-9,0)")).toBe(0);
  expect(one("=ROUND(1E-9,9)")).toBe(1e-9);
  expect(one("=ROUNDDOWN(1E+20/3,0)")).toBe(33333333333333300000);
  expect(one("=ROUND(-0.00000125,7)")).toBe(-0.0000013);
});
