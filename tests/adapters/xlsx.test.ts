/**
 * The exceljs adapter: a workbook made here with exceljs is read into Grids; a plan with every op
 * kind is applied, written, and read back with exceljs itself (a projection, not bytes); the same
 * plan gives the same bytes; hostile files are refused with a Chinese XlsxReadError.
 */
import * as ExcelJS from "exceljs";
import JSZip from "jszip";
import {
  applyPlan,
  newWorkbook,
  PINNED_DATE,
  readWorkbook,
  writeWorkbook,
  XlsxApplyError,
  XlsxReadError,
} from "../../src/adapters/xlsx";
import type { WorkbookPlan } from "../../src/plan/plan";
import { a1, type Grid } from "../../src/sheet/grid";

const FIXTURE_DATE = new Date(Date.UTC(2023, 5, 1, 8, 0, 0));

/** The fixture: 评分细则 (merged category, numbers, text, boolean, formulas, error, percent), a hidden _ziping. */
async function fixture(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.created = FIXTURE_DATE;
  wb.modified = FIXTURE_DATE;
  const ws = wb.addWorksheet("评分细则");
  ws.getRow(1).values = ["类别", "指标", "分值", "自评得分", "完成率", "是否达标", "备注", "倍数"];
  ws.getCell("A2").value = "一、组织领导";
  ws.mergeCells("A2:A4");
  ws.getCell("B2").value = "建立领导小组";
  ws.getCell("B3").value = "制定实施方案";
  ws.getCell("B4").value = "落实经费";
  ws.getCell("C2").value = 4;
  ws.getCell("C3").value = 3;
  ws.getCell("C4").value = 2;
  ws.getCell("D2").value = 3.5;
  ws.getCell("D3").value = { formula: "MIN(C3,2)", result: 2 };
  ws.getCell("D4").value = { formula: "C4-2", result: 0 };
  ws.getCell("D5").value = { formula: "SUM(D2:D4)", result: 5.5 };
  // One shared style for C2 and D2:D5 (exceljs then shares one style object between them on reading).
  for (const a of ["C2", "D2", "D3", "D4", "D5"]) ws.getCell(a).numFmt = "0.0";
  ws.getCell("E2").value = 0.85;
  ws.getCell("E2").numFmt = "0%";
  ws.getCell("E5").value = { error: "#REF!" };
  ws.getCell("F2").value = true;
  ws.getCell("F3").value = false;
  ws.getCell("F4").value = { formula: "D4>1", result: false };
  ws.getCell("G2").value = { formula: "1/0", result: { error: "#DIV/0!" } };
  ws.getCell("G3").value = { richText: [{ text: "富" }, { text: "文本", font: { bold: true } }] };
  ws.getCell("G4").value = { text: "链接", hyperlink: "https://example.org/" };
  ws.getCell("G5").value = new Date(Date.UTC(2023, 0, 15));
  ws.getCell("G5").numFmt = "yyyy-mm-dd";
  ws.getCell("H2").value = { formula: "C2*2", result: 8 };
  ws.getCell("H3").value = { sharedFormula: "H2", result: 6 };
  ws.getCell("H4").value = { sharedFormula: "H2", result: 4 };
  // A list validation across rows 2..20: exceljs alone writes it back as overlapping ranges.
  (
    ws as unknown as { dataValidations: { add(a: string, v: ExcelJS.DataValidation): void } }
  ).dataValidations.add("J2:J20", {
    type: "list",
    allowBlank: true,
    formulae: ['"甲,乙"'],
  });

  const hidden = wb.addWorksheet("_ziping", { state: "hidden" });
  hidden.getCell("A1").value = "old";
  hidden.getCell("A2").value = "merged";
  hidden.mergeCells("A2:B2");
  hidden.getCell("C3").value = 7;
  hidden.getCell("C3").dataValidation = { type: "whole", operator: "between", formulae: [0, 9] };
  hidden.addConditionalFormatting({
    ref: "C3",
    rules: [{ type: "expression", priority: 1, formulae: ["C3>1"], style: {} }],
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

let FIXTURE: Buffer;
beforeAll(async () => {
  FIXTURE = await fixture();
});

/** A grid as { A1: value } for the cells that hold something (values, formulas, formats). */
function cells(grid: Grid): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  grid.values.forEach((row, r) =>
    row.forEach((v, c) => {
      if (v !== null) out[a1(r, c)] = v;
    })
  );
  return out;
}

function formulas(grid: Grid): Record<string, string> {
  const out: Record<string, string> = {};
  (grid.formulas || []).forEach((row, r) =>
    row.forEach((f, c) => {
      if (f) out[a1(r, c)] = f;
    })
  );
  return out;
}

function formats(grid: Grid): Record<string, string> {
  const out: Record<string, string> = {};
  (grid.numberFormats || []).forEach((row, r) =>
    row.forEach((f, c) => {
      if (f && f !== "General") out[a1(r, c)] = f;
    })
  );
  return out;
}

describe("readWorkbook", () => {
  test("a worksheet becomes a Grid: values, formulas, number formats, merges", async () => {
    const book = await readWorkbook(FIXTURE);
    expect(book.lossyParts).toEqual([]);
    const sheets = book.sheets();
    expect(sheets.map((s) => [s.name, s.hidden, s.state])).toEqual([
      ["评分细则", false, "visible"],
      ["_ziping", true, "hidden"],
    ]);
    expect(book.grids().map((g) => g.sheet)).toEqual(["评分细则", "_ziping"]);

    const grid = sheets[0].grid;
    expect(cells(grid)).toEqual({
      A1: "类别",
      B1: "指标",
      C1: "分值",
      D1: "自评得分",
      E1: "完成率",
      F1: "是否达标",
      G1: "备注",
      H1: "倍数",
      A2: "一、组织领导", // A3, A4: inside the merge, blank
      B2: "建立领导小组",
      B3: "制定实施方案",
      B4: "落实经费",
      C2: 4,
      C3: 3,
      C4: 2,
      D2: 3.5,
      D3: 2,
      D4: 0, // a cached 0 (exceljs drops it from cell.value.result)
      D5: 5.5,
      E2: 0.85,
      E5: { error: "#REF!" },
      F2: true,
      F3: false,
      F4: false, // a cached FALSE
      G2: { error: "#DIV/0!" },
      G3: "富文本",
      G4: "链接",
      G5: 44941, // 2023-01-15 as Excel's serial number
      H2: 8,
      H3: 6,
      H4: 4,
    });
    expect(formulas(grid)).toEqual({
      D3: "=MIN(C3,2)",
      D4: "=C4-2",
      D5: "=SUM(D2:D4)",
      F4: "=D4>1",
      G2: "=1/0",
      H2: "=C2*2",
      H3: "=C3*2", // shared formulas come back translated
      H4: "=C4*2",
    });
    expect(formats(grid)).toEqual({
      C2: "0.0",
      D2: "0.0",
      D3: "0.0",
      D4: "0.0",
      D5: "0.0",
      E2: "0%",
      G5: "yyyy-mm-dd",
    });
    expect(grid.merges).toEqual([{ top: 1, left: 0, bottom: 3, right: 0 }]);
    // The three arrays have the same (ragged) shape.
    expect(grid.formulas!.map((r) => r.length)).toEqual(grid.values.map((r) => r.length));
    expect(grid.numberFormats!.map((r) => r.length)).toEqual(grid.values.map((r) => r.length));

    expect(cells(sheets[1].grid)).toEqual({ A1: "old", A2: "merged", C3: 7 });
    expect(sheets[1].grid.merges).toEqual([{ top: 1, left: 0, bottom: 1, right: 1 }]);
  });

  test("takes a Buffer, an ArrayBuffer or a Uint8Array", async () => {
    const u8 = new Uint8Array(FIXTURE.byteLength);
    u8.set(FIXTURE);
    const fromU8 = await readWorkbook(u8);
    const fromAb = await readWorkbook(u8.buffer);
    expect(fromU8.sheetNames()).toEqual(["评分细则", "_ziping"]);
    expect(fromAb.grids()).toEqual(fromU8.grids());
  });

  test("parts exceljs does not model are kept byte for byte through a plan (nothing to warn about)", async () => {
    const zip = await JSZip.loadAsync(FIXTURE);
    const extra: Record<string, string | Uint8Array> = {
      "customXml/item1.xml": "<ziping/>",
      "xl/webextensions/taskpanes.xml": "<wetp:taskpanes/>",
      "xl/charts/chart1.xml": "<c:chartSpace/>",
      "xl/pivotTables/pivotTable1.xml": "<pivotTableDefinition/>",
      "xl/vbaProject.bin": new Uint8Array([1, 2, 3]),
    };
    for (const [name, content] of Object.entries(extra)) zip.file(name, content);
    const sheetPath = "xl/worksheets/sheet1.xml";
    const sheet = await zip.file(sheetPath)!.async("string");
    const ext =
      '<extLst><ext uri="{CCE6A557-97BC-4b89-ADB6-D9C93CAAB3DF}" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main">' +
      '<x14:dataValidations count="1" xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main"><x14:dataValidation type="list" allowBlank="1">' +
      "<x14:formula1><xm:f>_ziping!$A$1:$A$2</xm:f></x14:formula1><xm:sqref>K2</xm:sqref></x14:dataValidation></x14:dataValidations></ext></extLst>";
    zip.file(sheetPath, sheet.replace("</worksheet>", ext + "</worksheet>"));
    const book = await readWorkbook(await zip.generateAsync({ type: "nodebuffer" }));
    expect(book.lossyParts).toEqual([]);
    expect(book.sheetNames()).toEqual(["评分细则", "_ziping"]);
    applyPlan(book, { summary: [], kept: [], ops: [{ op: "set", sheet: "评分细则", cell: "D2", value: 3 }] });
    const out = await JSZip.loadAsync(await writeWorkbook(book));
    for (const [name, content] of Object.entries(extra)) {
      const got = await out.file(name)!.async("uint8array");
      expect(Buffer.from(got).equals(Buffer.from(typeof content === "string" ? Buffer.from(content) : content))).toBe(true);
    }
    // The sheet the plan wrote keeps its x14 validation (an extension exceljs drops on load).
    expect(await out.file(sheetPath)!.async("string")).toContain("<xm:sqref>K2</xm:sqref>");
  });

  describe("refuses what is not a readable .xlsx, with a Chinese XlsxReadError and nothing else", () => {
    function seededBytes(n: number, seed: number): Buffer {
      const out = Buffer.alloc(n);
      let x = seed;
      for (let i = 0; i < n; i++) {
        x = (x * 1103515245 + 12345) >>> 0;
        out[i] = x >>> 24;
      }
      out[0] = 0x13; // neither "PK" nor an OLE header
      return out;
    }
    function ole(extra?: string): Buffer {
      const b = Buffer.alloc(1536);
      Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(b, 0);
      if (extra) Buffer.from(extra, "utf16le").copy(b, 1024);
      return b;
    }
    async function zipOf(files: Record<string, string>): Promise<Buffer> {
      const z = new JSZip();
      for (const [name, text] of Object.entries(files)) z.file(name, text);
      return z.generateAsync({ type: "nodebuffer" });
    }

    const cases: Array<[string, () => Promise<unknown> | unknown, string, RegExp]> = [
      ["an empty buffer", () => Buffer.alloc(0), "empty", /文件是空的/],
      [
        "random bytes",
        () => seededBytes(4096, 7),
        "not-xlsx",
        /不是有效的 \.xlsx 工作簿（可能是 \.xls 或 \.csv 改了扩展名）/,
      ],
      [
        "a CSV file",
        () => Buffer.from("类别,指标,分值\n一、组织领导,建立领导小组,4\n", "utf8"),
        "not-xlsx",
        /不是有效的 \.xlsx/,
      ],
      [
        "a zip with one unrelated file",
        () => zipOf({ "readme.txt": "你好" }),
        "no-workbook",
        /没有 Excel 工作簿/,
      ],
      [
        "a Word document",
        () => zipOf({ "word/document.xml": "<w:document/>", "[Content_Types].xml": "<Types/>" }),
        "other-format",
        /Word/,
      ],
      [
        "the first 60% of a valid xlsx",
        () => FIXTURE.subarray(0, Math.floor(FIXTURE.length * 0.6)),
        "corrupt-zip",
        /不完整或已损坏/,
      ],
      [
        "an OLE header and zeros",
        () => ole(),
        "ole",
        /可能是加密的工作簿或旧版 \.xls 文件，请在 Excel 中另存为不加密的 \.xlsx/,
      ],
      [
        "an encrypted workbook (OLE with EncryptedPackage)",
        () => ole("EncryptedPackage"),
        "encrypted",
        /工作簿已加密，请先在 Excel 中取消密码再检查/,
      ],
      ["a .xls (OLE with a Workbook stream)", () => ole("Workbook"), "xls", /旧版 Excel（\.xls）/],
      [
        "a zip whose workbook.xml is garbage",
        () => zipOf({ "xl/workbook.xml": "这不是 XML <<<" }),
        "corrupt-workbook",
        /损坏/,
      ],
      ["not bytes at all", () => "评分细则.xlsx", "not-xlsx", /不是有效的 \.xlsx/],
    ];

    test.each(cases)("%s", async (_name, make, reason, message) => {
      const input = await make();
      const error = await readWorkbook(input as Buffer).then(
        () => undefined,
        (e: unknown) => e
      );
      expect(error).toBeInstanceOf(XlsxReadError);
      const e = error as XlsxReadError;
      expect(e.reason).toBe(reason);
      expect(e.message).toMatch(message);
      expect(e.message).toMatch(/^[^a-zA-Z]*[\u4e00-\u9fff]/);
    });
  });
});

// --- applying a plan ----------------------------------------------------------------------------

const PLAN: WorkbookPlan = {
  summary: ["测试"],
  kept: [],
  ops: [
    { op: "addSheet", sheet: "_ziping", hidden: true },
    { op: "addSheet", sheet: "汇总", columnWidths: [12, 30] },
    { op: "clearSheet", sheet: "_ziping" },
    { op: "set", sheet: "_ziping", cell: "A1", value: "sd-2023" },
    { op: "set", sheet: "汇总", cell: "A1", value: "总分", style: { bold: true } },
    { op: "set", sheet: "汇总", cell: "B1", formula: "=SUM('评分细则'!D2:D4)", result: 5.5 },
    { op: "set", sheet: "汇总", cell: "B2", formula: "=B1>100", result: false },
    { op: "set", sheet: "汇总", cell: "B3", formula: "=B1-B1", result: 0 },
    { op: "set", sheet: "汇总", cell: "B4", formula: '=IF(B1>5,"达标","未达标")', result: "达标" },
    { op: "set", sheet: "汇总", cell: "A3", value: null },
    {
      op: "style",
      sheet: "评分细则",
      range: "D2:D4",
      style: { input: true, numberFormat: "0.00" },
    },
    {
      op: "style",
      sheet: "评分细则",
      range: "C3",
      style: { fill: "#DDEBF7", fontColor: "#1F4E78", wrap: true, align: "center" },
    },
    {
      op: "validation",
      sheet: "评分细则",
      range: "D2:D4",
      rule: { type: "decimal", min: 0, max: 4 },
      prompt: { title: "自评得分", message: "请填写 0～4 之间的分数" },
      error: { title: "分数超出范围", message: "自评得分应在 0～4 分之间" },
    },
    {
      op: "validation",
      sheet: "评分细则",
      range: "F2:F4",
      rule: { type: "list", values: ["是", "否"] },
      prompt: { title: "是否达标", message: "请选择是或否" },
    },
    { op: "validation", sheet: "汇总", range: "C1:C3", rule: { type: "whole", min: 0 } },
    {
      op: "conditionalFormat",
      sheet: "评分细则",
      range: "D2:D4",
      formula: "=D2>C2",
      style: { fill: "#FFC7CE", fontColor: "#9C0006" },
    },
    {
      op: "conditionalFormat",
      sheet: "评分细则",
      range: "D2:D4",
      formula: "=ISBLANK(D2)",
      style: { fill: "#FFEB9C", bold: true },
    },
    { op: "merge", sheet: "汇总", range: "A5:B5" },
    { op: "freeze", sheet: "评分细则", rows: 1, columns: 2 },
    { op: "set", sheet: "评分细则", cell: "H2", value: 100 }, // the master of H3:H4's shared formula
  ],
};

type Projection = Record<string, unknown>;

/** What a person would see of a workbook, read with exceljs itself. */
async function project(bytes: Buffer): Promise<Projection> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as Parameters<ExcelJS.Xlsx["load"]>[0]);
  const out: Projection = {};
  for (const ws of wb.worksheets) {
    const cellsOut: Record<string, unknown> = {};
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        if (cell.type === ExcelJS.ValueType.Merge) return;
        const entry: Record<string, unknown> =
          cell.type === ExcelJS.ValueType.Formula
            ? { formula: cell.formula, result: cell.result }
            : { value: cell.value };
        if (cell.numFmt) entry.numFmt = cell.numFmt;
        if (cell.fill && cell.fill.type === "pattern" && cell.fill.fgColor)
          entry.fill = cell.fill.fgColor.argb;
        if (cell.font && cell.font.bold) entry.bold = true;
        if (cell.font && cell.font.color && cell.font.color.argb)
          entry.fontColor = cell.font.color.argb;
        if (cell.protection && cell.protection.locked === false) entry.unlocked = true;
        if (cell.alignment && cell.alignment.wrapText) entry.wrap = true;
        if (cell.alignment && cell.alignment.horizontal) entry.align = cell.alignment.horizontal;
        cellsOut[cell.address] = entry;
      })
    );
    const dvModel = (
      ws as unknown as { dataValidations: { model: Record<string, ExcelJS.DataValidation> } }
    ).dataValidations.model;
    const validations: Record<string, unknown> = {};
    for (const address of Object.keys(dvModel).sort())
      if (dvModel[address]) validations[address] = dvModel[address];
    const cfs =
      (ws as unknown as { conditionalFormattings: ExcelJS.ConditionalFormattingOptions[] })
        .conditionalFormattings || [];
    out[ws.name] = {
      state: ws.state,
      cells: cellsOut,
      merges: [...(ws.model.merges || [])].sort(),
      validations,
      conditionalFormats: cfs.map((cf) => ({
        ref: cf.ref,
        rules: cf.rules.map((r) => {
          const rule = r as ExcelJS.ExpressionRuleType;
          return {
            type: rule.type,
            formulae: rule.formulae,
            priority: rule.priority,
            fill: rule.style && rule.style.fill && (rule.style.fill as ExcelJS.FillPattern).bgColor,
            font: rule.style && rule.style.font,
          };
        }),
      })),
      views: (ws.views || []).map((v) => ({
        state: v.state,
        xSplit: (v as ExcelJS.WorksheetViewFrozen).xSplit,
        ySplit: (v as ExcelJS.WorksheetViewFrozen).ySplit,
      })),
      widths: [1, 2].map((i) => ws.getColumn(i).width),
    };
  }
  return out;
}

async function applied(input: Buffer, plan: WorkbookPlan = PLAN): Promise<Buffer> {
  const book = await readWorkbook(input);
  applyPlan(book, plan);
  return writeWorkbook(book);
}

describe("applyPlan + writeWorkbook", () => {
  test("every op kind lands in the file", async () => {
    const p = (await project(await applied(FIXTURE))) as Record<string, Record<string, any>>;
    expect(Object.keys(p)).toEqual(["评分细则", "_ziping", "汇总"]);

    // addSheet: existing hidden sheet reused, new sheet visible with its widths.
    expect(p["_ziping"].state).toBe("hidden");
    expect(p["汇总"].state).toBe("visible");
    expect(p["汇总"].widths).toEqual([12, 30]);

    // clearSheet: values, merges, validations and conditional formats gone; then the new value.
    expect(p["_ziping"].cells).toEqual({ A1: { value: "sd-2023" } });
    expect(p["_ziping"].merges).toEqual([]);
    expect(p["_ziping"].validations).toEqual({});
    expect(p["_ziping"].conditionalFormats).toEqual([]);

    // set: values and formulas with their cached results (0 and FALSE included).
    const sum = p["汇总"].cells;
    expect(sum.A1).toEqual({ value: "总分", bold: true });
    expect(sum.B1).toEqual({ formula: "SUM('评分细则'!D2:D4)", result: 5.5 });
    expect(sum.B2).toEqual({ formula: "B1>100", result: false });
    expect(sum.B3).toEqual({ formula: "B1-B1", result: 0 });
    expect(sum.B4).toEqual({ formula: 'IF(B1>5,"达标","未达标")', result: "达标" });

    // style: input cells shaded and unlocked, number format; neighbours that shared the style untouched.
    const rules = p["评分细则"].cells;
    for (const a of ["D2", "D3", "D4"]) {
      expect(rules[a]).toMatchObject({ fill: "FFFFF2CC", unlocked: true, numFmt: "0.00" });
    }
    expect(rules.C2).toEqual({ value: 4, numFmt: "0.0" });
    expect(rules.D5).toEqual({ formula: "SUM(D2:D4)", result: 5.5, numFmt: "0.0" });
    expect(rules.C3).toEqual({
      value: 3,
      fill: "FFDDEBF7",
      fontColor: "FF1F4E78",
      wrap: true,
      align: "center",
    });

    // validation: decimal with prompt and error, list 是/否, whole ≥ 0.
    const dv = p["评分细则"].validations;
    expect(dv.D2).toEqual({
      type: "decimal",
      operator: "between",
      allowBlank: true,
      formulae: [0, 4],
      showInputMessage: true,
      promptTitle: "自评得分",
      prompt: "请填写 0～4 之间的分数",
      showErrorMessage: true,
      errorStyle: "stop",
      errorTitle: "分数超出范围",
      error: "自评得分应在 0～4 分之间",
    });
    expect(dv.D4).toEqual(dv.D2);
    expect(dv.F3).toEqual({
      type: "list",
      allowBlank: true,
      formulae: ['"是,否"'],
      showInputMessage: true,
      promptTitle: "是否达标",
      prompt: "请选择是或否",
      showErrorMessage: true,
      errorStyle: "stop",
    });
    expect(p["汇总"].validations.C2).toMatchObject({
      type: "whole",
      operator: "greaterThanOrEqual",
      formulae: [0],
    });
    // The fixture's J2:J20 list survives as it was.
    expect(Object.keys(dv).filter((a) => a.startsWith("J"))).toHaveLength(19);

    // conditionalFormat: expression rules, formula without "=", unique priorities, dxf styles.
    const cf = p["评分细则"].conditionalFormats as Array<{
      ref: string;
      rules: Array<Record<string, unknown>>;
    }>;
    expect(
      cf.map((c) => [c.ref, c.rules.map((r) => [r.type, (r.formulae as string[])[0]])])
    ).toEqual([
      ["D2:D4", [["expression", "D2>C2"]]],
      ["D2:D4", [["expression", "ISBLANK(D2)"]]],
    ]);
    const priorities = cf.flatMap((c) => c.rules.map((r) => r.priority));
    expect(new Set(priorities).size).toBe(priorities.length);
    expect(cf[0].rules[0].fill).toEqual({ argb: "FFFFC7CE" });
    expect(cf[0].rules[0].font).toMatchObject({ color: { argb: "FF9C0006" } });
    expect(cf[1].rules[0].font).toMatchObject({ bold: true });

    // merge, freeze.
    expect(p["汇总"].merges).toEqual(["A5:B5"]);
    expect(p["评分细则"].merges).toEqual(["A2:A4"]);
    expect(p["评分细则"].views).toEqual([{ state: "frozen", xSplit: 2, ySplit: 1 }]);

    // Overwriting a shared formula's master keeps the cells that shared it.
    expect(rules.H2).toEqual({ value: 100 });
    expect(rules.H3).toEqual({ formula: "C3*2", result: 6 });
    expect(rules.H4).toEqual({ formula: "C4*2", result: 4 });
  });

  test("validations are written as disjoint ranges (exceljs alone writes overlapping ones)", async () => {
    const zip = await JSZip.loadAsync(await applied(FIXTURE));
    const xml = await zip.file("xl/worksheets/sheet1.xml")!.async("string");
    const sqrefs = Array.from(
      xml.matchAll(/<dataValidation [^>]*sqref="([^"]+)"/g),
      (m) => m[1]
    ).sort();
    expect(sqrefs).toEqual(["D2:D4", "F2:F4", "J2:J20"]);
  });

  test("the same plan on fresh copies gives the same bytes, with pinned dates", async () => {
    const first = await applied(FIXTURE);
    await new Promise((r) => setTimeout(r, 20));
    const second = await applied(FIXTURE);
    expect(Buffer.compare(first, second)).toBe(0);

    // Entries the file had keep their own dates; entries the plan added carry the pinned date;
    // nothing carries the clock's. docProps is not touched at all.
    const [zip, source] = [await JSZip.loadAsync(first), await JSZip.loadAsync(FIXTURE)];
    for (const [name, entry] of Object.entries(zip.files)) {
      const own = source.files[name];
      expect([name, entry.date.getTime()]).toEqual([name, own ? own.date.getTime() : PINNED_DATE.getTime()]);
    }
    const core = await zip.file("docProps/core.xml")!.async("string");
    expect(core).toBe(await source.file("docProps/core.xml")!.async("string"));
  });

  test("running the plan twice equals running it once", async () => {
    const once = await applied(FIXTURE);
    const twice = await applied(once);
    expect(await project(twice)).toEqual(await project(once));
  });

  test("a new workbook: sheets, values and formulas, dates pinned", async () => {
    const book = newWorkbook();
    applyPlan(book, {
      summary: [],
      kept: [],
      ops: [
        { op: "addSheet", sheet: "自评依据" },
        { op: "set", sheet: "自评依据", cell: "B2", value: 2 },
        { op: "set", sheet: "自评依据", cell: "B3", value: 3 },
        { op: "set", sheet: "自评依据", cell: "B4", formula: "=MIN(4,SUM(B2:B3))", result: 4 },
      ],
    });
    const bytes = await writeWorkbook(book);
    const again = await readWorkbook(bytes);
    expect(cells(again.grids()[0])).toEqual({ B2: 2, B3: 3, B4: 4 });
    expect(formulas(again.grids()[0])).toEqual({ B4: "=MIN(4,SUM(B2:B3))" });
    const zip = await JSZip.loadAsync(bytes);
    expect(Object.values(zip.files).every((f) => f.date.getTime() === PINNED_DATE.getTime())).toBe(true);
  });

  test("hiding the active sheet moves the active tab to a visible one", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("甲");
    wb.addWorksheet("乙");
    wb.views = [
      {
        x: 0,
        y: 0,
        width: 10000,
        height: 20000,
        firstSheet: 0,
        activeTab: 1,
        visibility: "visible",
      },
    ];
    const book = await readWorkbook(Buffer.from(await wb.xlsx.writeBuffer()));
    applyPlan(book, {
      summary: [],
      kept: [],
      ops: [{ op: "addSheet", sheet: "乙", hidden: true }],
    });
    const back = new ExcelJS.Workbook();
    await back.xlsx.load(
      (await writeWorkbook(book)) as unknown as Parameters<ExcelJS.Xlsx["load"]>[0]
    );
    expect(back.worksheets.map((w) => w.state)).toEqual(["visible", "hidden"]);
    expect(back.views[0].activeTab).toBe(0);
  });

  test("a plan the adapter cannot apply fails with XlsxApplyError naming the op", async () => {
    const book = await readWorkbook(FIXTURE);
    const bad = (ops: WorkbookPlan["ops"]) => () => applyPlan(book, { summary: [], kept: [], ops });
    expect(bad([{ op: "set", sheet: "没有这张表", cell: "A1", value: 1 }])).toThrow(XlsxApplyError);
    expect(bad([{ op: "set", sheet: "没有这张表", cell: "A1", value: 1 }])).toThrow(/第 1 步/);
    expect(
      bad([
        {
          op: "validation",
          sheet: "评分细则",
          range: "D2",
          rule: { type: "list", values: ["a,b"] },
        },
      ])
    ).toThrow(/逗号/);
    expect(
      bad([
        {
          op: "validation",
          sheet: "评分细则",
          range: "D2",
          rule: { type: "list", values: ["长".repeat(300)] },
        },
      ])
    ).toThrow(/255/);
    expect(bad([{ op: "style", sheet: "评分细则", range: "D2", style: { fill: "red" } }])).toThrow(
      /#RRGGBB/
    );
    expect(bad([{ op: "addSheet", sheet: "评分细则", hidden: true }])).toThrow(/隐藏所有工作表/);
  });
});
