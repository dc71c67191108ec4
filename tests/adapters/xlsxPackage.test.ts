/**
 * Reading and writing packages as LibreOffice, Gnumeric, Excel and WPS store them (issue 12), on
 * files of the real-world corpus (tests/fixtures/realworld/README.md): what exceljs alone would
 * misread is read as the package says.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import JSZip from "jszip";
import { applyPlan, readWorkbook, writeWorkbook } from "../../src/adapters/xlsx/index";
import { cellAt } from "../../src/sheet/grid";

const REALWORLD = join(__dirname, "..", "fixtures", "realworld");
const load = (file: string) => readWorkbook(readFileSync(join(REALWORLD, file)));

describe("a sheet stored under a part name other than xl/worksheets/sheetN.xml", () => {
  // hand-huining-odd-parts.xlsx: 考核表 is xl/ws/first.xml, 说明 is xl/worksheets/data_1.xml
  // (through the absolute target /xl/worksheets/data_1.xml), 附表 is xl/worksheets/sheet3.xml.
  test("is read, in tab order, with its cells", async () => {
    const book = await load("hand-huining-odd-parts.xlsx");
    expect(book.sheetNames()).toEqual(["考核表", "说明", "附表"]);
    // 会宁's header row (assets/samples/README.md): 序号 in A2; 说明 starts "填表说明" (lo_make.py).
    expect(cellAt(book.sheet("考核表")!.grid, 1, 0)).toBe("序号");
    expect(cellAt(book.sheet("说明")!.grid, 0, 0)).toBe("填表说明");
    expect(cellAt(book.sheet("附表")!.grid, 1, 1)).toBe(12);
  });

  test("is written where it is stored, under its own name", async () => {
    const book = await load("hand-huining-odd-parts.xlsx");
    applyPlan(book, { summary: [], kept: [], ops: [{ op: "set", sheet: "考核表", cell: "F3", value: 5 }] });
    const zip = await JSZip.loadAsync(await writeWorkbook(book));
    expect(await zip.file("xl/ws/first.xml")!.async("string")).toContain('<c r="F3"><v>5</v></c>');
    expect(zip.file("xl/worksheets/sheet1.xml")).toBeNull();
    expect(zip.file("xl/worksheets/data_1.xml")).not.toBeNull();
  });
});

describe("names scoped to a sheet, in a workbook whose first tab is a chart sheet", () => {
  // hand-weishan-chartsheet.xlsx: tabs 完成情况图 (a chart sheet), 任务分解表, 说明, 统计. localSheetId
  // counts every tab: 微山's print titles have 1 (任务分解表), 完成合计 has 3 (统计). 统计!C2:C7 holds
  // 12, 8, 15, 18, 6, 3 (scripts/realworld/lo_make.py), so =SUM(完成合计) in 统计!E2 is 62.
  test("belong to the sheet workbook.xml counts to, chart sheets included", async () => {
    const names = (await load("hand-weishan-chartsheet.xlsx")).definedNames();
    expect(names).toContainEqual({ name: "完成合计", sheet: "统计", formula: "统计!$C$2:$C$7" });
    expect(names).toContainEqual({ name: "_xlnm.Print_Titles", sheet: "任务分解表", formula: "任务分解表!$2:$2" });
  });

  test("formulas using them compute: =SUM(完成合计) is 62, not #NAME?", async () => {
    const book = await load("hand-weishan-chartsheet.xlsx");
    const stats = book.grids().find((g) => g.sheet === "统计")!;
    expect(cellAt(stats, 1, 4)).toBe(62);
  });
});
