/**
 * `ziping import` on Word notices built from the seed tables (scripts/make-notices.mjs, from the
 * built-in rubrics' data): each scoring table becomes a sheet that `inspect` matches to the same
 * built-in rubric with every indicator and point, `fill` works on it, its merged cells survive, a
 * table split across pages is joined, and the targets the text states are listed.
 */
import { existsSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import * as ExcelJS from "exceljs";
import { readWorkbook } from "../../src/adapters/xlsx/index";
import { builtinRubrics, findBuiltinRubric } from "../../src/rubric/builtin/index";
import { areaA1, cellAt, parseA1, type Grid } from "../../src/sheet/grid";
import { recognizeWorkbook } from "../../src/sheet/workbook";
import { ziping } from "../cli/run";
import { docFromDocx, hasWriter, makeNotices, ROOT } from "../support/notices";


let dir: string;
beforeAll(() => {
  dir = makeNotices();
});
const notice = (name: string) => join(dir, name);

async function sheetOf(file: string): Promise<Grid> {
  return (await readWorkbook(readFileSync(file))).sheets()[0].grid;
}

function at(grid: Grid, cell: string) {
  const { row, col } = parseA1(cell);
  return cellAt(grid, row, col);
}

test("the bundled notices are what scripts/make-notices.mjs builds (the README's example uses them)", () => {
  const bundled = join(ROOT, "assets", "samples", "通知");
  const names = readdirSync(dir).sort();
  expect(names).toEqual(["会宁县-考核表.docx", "微山县-通知.docx", "曹县-通知.docx", "江永县-方案.docx"].sort());
  for (const name of names) expect(readFileSync(join(bundled, name)).equals(readFileSync(join(dir, name)))).toBe(true);
});

/** [document, built-in rubric, indicators in the seed table] — 微山 31, 曹县 31, 会宁 10 + 加分项目. */
const CASES: Array<[string, string, number]> = [
  ["微山县-通知.docx", "weishan-2023", 31],
  ["曹县-通知.docx", "sd-2023", 31],
  ["会宁县-考核表.docx", "huining-2020", 11],
];

describe.each(CASES)("%s", (name, rubricId, indicators) => {
  const out = () => notice(name.replace(".docx", ".xlsx"));

  test("inspect matches the same built-in rubric with every indicator, and every point as the rubric has it", async () => {
    const r = await ziping("import", notice(name), "-o", out(), "--json");
    expect([r.code, r.err]).toEqual([0, ""]);
    expect(r.json().sheets).toHaveLength(1);
    const inspect = await ziping("inspect", out(), "--json");
    expect(inspect.code).toBe(0);
    expect(inspect.json().sheets[0]).toMatchObject({
      rubric: { id: rubricId, derived: false },
      indicators: { matched: indicators, unmatchedRows: [], missing: [] },
    });
    // Points: every row's written points are the rubric's (a 加分项目 writes its bonus).
    const grids = (await readWorkbook(readFileSync(out()))).grids();
    const [recognized] = recognizeWorkbook(grids, builtinRubrics);
    expect(recognized.match!.rubric.id).toBe(rubricId);
    expect(recognized.match!.pointsDiffer).toEqual([]);
    const rubric = findBuiltinRubric(rubricId)!;
    const all = rubric.categories.flatMap((c) => c.indicators);
    expect(recognized.match!.matches.map((m) => m.indicator.id).sort()).toEqual(all.map((i) => i.id).sort());
    for (const m of recognized.match!.matches)
      expect(m.row.points).toBe(m.indicator.points > 0 ? m.indicator.points : m.indicator.bonus);
  });

  test("fill works on the imported workbook", async () => {
    await ziping("import", notice(name), "-o", out());
    const f = await ziping("fill", out(), "-o", notice(name.replace(".docx", "-自评.xlsx")), "--json");
    expect([f.code, f.err]).toEqual([0, ""]);
    expect(f.json()).toMatchObject({ rubric: { id: rubricId }, total: 0, max: 100, kept: [] });
    expect(Object.keys(f.json().cells)).toHaveLength(indicators);
  });
});

describe("layout as the document has it", () => {
  test("微山: four page parts joined into one table of 31 rows; 一级指标 merges and line breaks survive", async () => {
    const out = notice("微山-layout.xlsx");
    const r = await ziping("import", notice("微山县-通知.docx"), "-o", out, "--json");
    // The header row once (its three repeats on later pages dropped) + 31 indicator rows, 6 columns.
    expect(r.json().tables).toEqual([
      {
        table: 1,
        parts: 4,
        rows: 32,
        columns: 6,
        title: ["附件2", "微山县养老服务体系创新示范县创建工作任务分解表"],
        sheet: "微山县养老服务体系创新示范县创建工作任务分解表",
      },
    ]);
    const grid = await sheetOf(out);
    // Rows: 1 附件2, 2 title, 3 header, 4–34 indicators 1.1 … 7.1. 一级指标 is merged down within a page;
    // the seed starts pages at 2.3 (row 10), 3.6 (row 16) and 6.2 (row 31) and writes it again there:
    // 一 4–7; 二 8–9 and 10 alone; 三 11–15 and 16–18; 四 19–23; 五 24–29; 六 30 alone and 31–33; 七 34.
    expect(grid.merges.map(areaA1)).toEqual([
      "A1:F1",
      "A2:F2",
      "A4:A7",
      "A8:A9",
      "A11:A15",
      "A16:A18",
      "A19:A23",
      "A24:A29",
      "A31:A33",
    ]);
    expect(at(grid, "A10")).toBe("二、完善支持政策");
    expect(at(grid, "C4")).toBe(4);
    // 2.2's 检查办法 has a line break (w:br); 责任单位 cells are two paragraphs.
    expect(at(grid, "E9")).toBe("查阅资料\n实地查看");
    expect(at(grid, "F4")).toBe("牵头单位：县民政局\n责任单位：县领导小组各成员单位");
    expect(at(grid, "B34")).toBe(findBuiltinRubric("weishan-2023")!.categories[6].indicators[0].text);
    // Columns sized from the document's grid (1300, 3900, 700, 4300, 1000, 3000 twips ÷ 105 × 1.2).
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(out) as unknown as ExcelJS.Buffer);
    const ws = wb.worksheets[0];
    expect([1, 2, 3, 4, 5, 6].map((c) => ws.getColumn(c).width)).toEqual([14.9, 44.6, 8, 49.1, 11.4, 34.3]);
    expect(ws.getCell("D5").alignment?.wrapText).toBe(true);
    expect(ws.getCell("A3").font?.bold).toBe(true);
  });

  test("曹县: the roster is left out; two-row header, 序号 and 一级指标 merged down, 合计 across three columns", async () => {
    const out = notice("曹县-layout.xlsx");
    const r = await ziping("import", notice("曹县-通知.docx"), "-o", out, "--json");
    const tables = r.json().tables;
    // 附件1: header + 43 members, 4 columns (序号 / 姓名 / 单位职务 / 小组职务): no scoring table.
    expect(tables[0]).toMatchObject({
      table: 1,
      rows: 44,
      columns: 4,
      sheet: null,
      title: ["附件1", "曹县养老服务体系创新示范县创建领导小组成员名单"],
    });
    expect(tables[0].reason).toContain("不是评分表");
    expect(tables[1]).toMatchObject({
      table: 2,
      parts: 1,
      rows: 34,
      columns: 7,
      sheet: "县域养老服务体系建设指标与评分细则（2023年修订版）",
    });
    const grid = await sheetOf(out);
    // Rows: 1 附件2, 2 title, 3–4 header, 5–35 indicators, 36 合计. Categories of 4, 3, 8, 5, 6, 4, 1 rows
    // (the seed's 一 … 七): 5–8, 9–11, 12–19, 20–24, 25–30, 31–34, 35 (one row: no merge).
    expect(grid.merges.map(areaA1)).toEqual([
      "A1:G1",
      "A2:G2",
      "A3:A4",
      "B3:C3",
      "D3:D4",
      "E3:E4",
      "F3:F4",
      "G3:G4",
      "A5:A8",
      "B5:B8",
      "A9:A11",
      "B9:B11",
      "A12:A19",
      "B12:B19",
      "A20:A24",
      "B20:B24",
      "A25:A30",
      "B25:B30",
      "A31:A34",
      "B31:B34",
      "A36:C36",
    ]);
    expect([at(grid, "B4"), at(grid, "C4"), at(grid, "A36"), at(grid, "D36")]).toEqual([
      "一级指标",
      "二级指标",
      "合计",
      100,
    ]);
  });

  test("会宁: the header repeated mid-table stays where the document has it; blank lines inside cells kept", async () => {
    const out = notice("会宁-layout.xlsx");
    const r = await ziping("import", notice("会宁县-考核表.docx"), "-o", out, "--json");
    // Header, items 1–4, the header again, items 5–11: 13 rows, 5 columns, one table.
    expect(r.json().tables[0]).toMatchObject({ parts: 1, rows: 13, columns: 5 });
    const grid = await sheetOf(out);
    expect(grid.merges.map(areaA1)).toEqual(["A1:E1", "A2:E2"]);
    expect(at(grid, "A8")).toBe("序号");
    expect(at(grid, "B4")).toBe("建立政府领导、部门协同的试点工作领导小组\n\n（5分）");
  });
});

describe("targets in the text", () => {
  test("江永: no table — nothing written, exit 1, the targets the text states listed in order", async () => {
    const out = notice("江永.xlsx");
    const r = await ziping("import", notice("江永县-方案.docx"), "-o", out, "--json");
    expect(r.code).toBe(1);
    expect(existsSync(out)).toBe(false);
    // By hand from 004_61472d67f48f5709.txt lines 43, 79, 88, 98 (paragraphs 2–5 after the title):
    // each clause with a figure and its unit and a bound, a rate or a thing to build; a short clause
    // with the clause before it when that one states no figure (集中供养率达50%以上).
    expect(r.json()).toMatchObject({ output: null, tables: [], sheets: [] });
    expect(r.json().targets).toEqual([
      { text: "2022 年拟新增四方井社区、凤凰社区、允山社区、桃花源小区、同创世纪新城 5 个养老服务中心", paragraph: 2 },
      { text: "养老服务设施全县城市社区覆盖率达到 100%", paragraph: 2 },
      { text: "全县失能、半失能特困老人愿意集中供养的全部集中供养，集中供养率达50%以上", paragraph: 3 },
      { text: "新增床位30%以上", paragraph: 3 },
      { text: "床位利用率达80%以上", paragraph: 3 },
      { text: "落实养老服务机构在职和新入职人员岗前培训率100%", paragraph: 4 },
      { text: "确保养老机构消防审验率达100%", paragraph: 5 },
    ]);
    const text = await ziping("import", notice("江永县-方案.docx"), "-o", out);
    expect(text.out).toContain("通知正文中写明的目标（供核对，未写入评分细则）");
    expect(text.err).toContain("没有评分表");
  });

  test("微山: the plan's targets are listed, not put into the rubric", async () => {
    const r = await ziping("import", notice("微山县-通知.docx"), "-o", notice("微山-targets.xlsx"), "--json");
    const texts = r.json().targets.map((t: { text: string }) => t.text);
    // 000_6bbbfbb2ef37f628.txt lines 34–36, as weishan-2023's targets quote them.
    for (const expected of [
      "确保新建小区养老服务设施配建率达到100%",
      "保障失能特困人员进行集中供养，集中供养率保持60%以上",
      "年内完成适老化改造190户",
      "建设家庭养老床位80张",
    ])
      expect(texts.some((t: string) => t.indexOf(expected) >= 0)).toBe(true);
    // "全面落实80岁以上老人高龄津贴制度": an age, not a target.
    expect(texts.some((t: string) => t.indexOf("80岁") >= 0)).toBe(false);
  });
});

describe("bad input and .doc", () => {
  test("unreadable or wrong files: exit 2, Chinese on stderr; the input is never the output", async () => {
    const fake = notice("fake.docx");
    writeFileSync(fake, "序号,工作内容\n");
    const r = await ziping("import", fake, "-o", notice("x.xlsx"));
    expect([r.code, r.err]).toEqual([2, "无法读取文件：不是有效的 Word 文档（.docx）：" + fake + "\n"]);
    const empty = notice("empty.docx");
    writeFileSync(empty, "");
    expect((await ziping("import", empty, "-o", notice("x.xlsx"))).err).toContain("文件是空的");
    const xlsx = join(ROOT, "assets", "samples", "微山县-任务分解表.xlsx");
    expect((await ziping("import", xlsx, "-o", notice("x.xlsx"))).err).toContain("这是 Excel 工作簿");
    expect((await ziping("import", notice("none.docx"), "-o", notice("x.xlsx"))).err.trim()).toBe(
      "找不到文件：" + notice("none.docx")
    );
    expect((await ziping("import", notice("微山县-通知.docx"))).code).toBe(2);
    expect((await ziping("import", notice("微山县-通知.docx"), "-o", notice("x.docx"))).err).toContain(
      "应以 .xlsx 结尾"
    );
  });

  test("a .doc without LibreOffice: exit 2 and how to convert it by hand", async () => {
    const doc = notice("旧版.doc");
    // An OLE2 compound file's signature: what every .doc starts with.
    writeFileSync(doc, Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]));
    const saved = process.env.ZIPING_SOFFICE;
    process.env.ZIPING_SOFFICE = "";
    try {
      const r = await ziping("import", doc, "-o", notice("x.xlsx"));
      expect(r.code).toBe(2);
      expect(r.err).toContain("本机没有安装 LibreOffice");
      expect(r.err).toContain("另存为 .docx");
    } finally {
      if (saved === undefined) delete process.env.ZIPING_SOFFICE;
      else process.env.ZIPING_SOFFICE = saved;
    }
  });

  (hasWriter() ? test : test.skip)(
    "a .doc made by LibreOffice from the 曹县 notice converts and imports as the .docx does",
    async () => {
      const doc = await docFromDocx(notice("曹县-通知.docx"));
      expect(readFileSync(doc).subarray(0, 4).toString("hex")).toBe("d0cf11e0");
      const out = notice("曹县-doc.xlsx");
      const r = await ziping("import", doc, "-o", out, "--json");
      expect([r.code, r.err]).toEqual([0, ""]);
      expect(r.json().sheets[0]).toMatchObject({ rubric: { id: "sd-2023" }, indicators: { matched: 31, missing: [] } });
      const grid = await sheetOf(out);
      expect(grid.merges.map(areaA1)).toContain("B3:C3");
      expect(grid.merges.map(areaA1)).toContain("A12:A19");
    }
  );
});
