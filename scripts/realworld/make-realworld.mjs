// Builds tests/fixtures/realworld/: workbooks made the way county offices' files are made — by
// LibreOffice (through its own UNO bridge, lo_make.py), by Gnumeric (ssconvert), and, for what no
// program here can make (a chart sheet, threaded comments, Excel's SHA-512 protection, x14
// validations, a WPS package, sheets under odd part names), by OOXML parts written by hand into a
// LibreOffice-saved package. Never by exceljs. See tests/fixtures/realworld/README.md for what
// each file holds; tests/preserve/realworld.test.ts and tests/e2e/realworld.e2e.test.ts use them.
//
// Needs LibreOffice (soffice) with Debian's python3-uno for /usr/bin/python3, and Gnumeric.
// Run: node scripts/realworld/make-realworld.mjs
// The files are committed: running the script again gives equivalent files, not identical bytes
// (LibreOffice and Gnumeric stamp the time of saving).
import { execFileSync } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import JSZip from "jszip";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const SAMPLES = join(ROOT, "assets", "samples");
const OUT = join(ROOT, "tests", "fixtures", "realworld");
const PYTHON = "/usr/bin/python3";

const MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const CT = {
  worksheet: "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml",
  chartsheet: "application/vnd.openxmlformats-officedocument.spreadsheetml.chartsheet+xml",
  drawing: "application/vnd.openxmlformats-officedocument.drawing+xml",
  chart: "application/vnd.openxmlformats-officedocument.drawingml.chart+xml",
  threaded: "application/vnd.ms-excel.threadedcomments+xml",
  person: "application/vnd.ms-excel.person+xml",
  custom: "application/vnd.openxmlformats-officedocument.custom-properties+xml",
  cellimage: "application/vnd.wps-officedocument.cellimage+xml",
};

// --- a package edited by hand ------------------------------------------------------------------

class Pkg {
  static async open(file) {
    const p = new Pkg();
    p.zip = await JSZip.loadAsync(readFileSync(file));
    return p;
  }

  async text(path) {
    const f = this.zip.file(path);
    if (!f) throw new Error("no part " + path);
    return f.async("string");
  }

  put(path, content) {
    this.zip.file(path, content, { createFolders: false });
  }

  async edit(path, fn) {
    const before = await this.text(path);
    const after = fn(before);
    if (after === before) throw new Error("edit changed nothing in " + path);
    this.put(path, after);
  }

  async move(from, to) {
    this.put(to, await this.zip.file(from).async("uint8array"));
    this.zip.remove(from);
  }

  async override(part, type) {
    await this.edit("[Content_Types].xml", (x) =>
      x.replace("</Types>", `<Override PartName="/${part}" ContentType="${type}"/></Types>`)
    );
  }

  async relate(relsPath, id, type, target) {
    const rel = `<Relationship Id="${id}" Type="${type}" Target="${target}"/>`;
    if (!this.zip.file(relsPath))
      this.put(
        relsPath,
        `<?xml version="1.0" encoding="UTF-8"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rel}</Relationships>`
      );
    else await this.edit(relsPath, (x) => x.replace("</Relationships>", rel + "</Relationships>"));
  }

  async save(file) {
    writeFileSync(file, await this.zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));
  }
}

/** Inserts `xml` into a worksheet before the first of `before` (child names in schema order) present, else before </worksheet>. */
function insertBefore(sheet, xml, before) {
  for (const name of before) {
    const i = sheet.search(new RegExp("<" + name + "[\\s>/]"));
    if (i >= 0) return sheet.slice(0, i) + xml + sheet.slice(i);
  }
  return sheet.replace("</worksheet>", xml + "</worksheet>");
}

// Children of CT_Worksheet after a given one, in schema order (for insertBefore).
const AFTER_SHEET_DATA = [
  "sheetCalcPr",
  "sheetProtection",
  "protectedRanges",
  "scenarios",
  "autoFilter",
  "sortState",
  "dataConsolidate",
  "customSheetViews",
  "mergeCells",
  "phoneticPr",
  "conditionalFormatting",
  "dataValidations",
  "hyperlinks",
  "printOptions",
  "pageMargins",
  "pageSetup",
  "headerFooter",
  "rowBreaks",
  "colBreaks",
  "customProperties",
  "cellWatches",
  "ignoredErrors",
  "smartTags",
  "drawing",
  "legacyDrawing",
  "legacyDrawingHF",
  "drawingHF",
  "picture",
  "oleObjects",
  "controls",
  "webPublishItems",
  "tableParts",
  "extLst",
];
const from = (name) => AFTER_SHEET_DATA.slice(AFTER_SHEET_DATA.indexOf(name));

/** Excel's SHA-512 password hash (ECMA-376 part 1, §18.2.28 / MS-OFFCRYPTO 2.3.7.1). */
function excelHash(password, spinCount = 100000) {
  const salt = randomBytes(16);
  let h = createHash("sha512")
    .update(Buffer.concat([salt, Buffer.from(password, "utf16le")]))
    .digest();
  for (let i = 0; i < spinCount; i++) {
    const n = Buffer.alloc(4);
    n.writeUInt32LE(i);
    h = createHash("sha512")
      .update(Buffer.concat([h, n]))
      .digest();
  }
  return { hash: h.toString("base64"), salt: salt.toString("base64"), spinCount };
}

/** Excel's legacy 16-bit sheet password hash (the `password` attribute), as hex. */
function legacyHash(password) {
  let h = 0;
  const chars = Array.from(password).map((c) => c.charCodeAt(0) & 0x7fff);
  for (let i = chars.length - 1; i >= 0; i--) {
    h = ((h >> 14) & 1) | ((h << 1) & 0x7fff);
    h ^= chars[i];
  }
  h = ((h >> 14) & 1) | ((h << 1) & 0x7fff);
  h ^= chars.length;
  h ^= 0xce4b;
  return h.toString(16).toUpperCase().padStart(4, "0");
}

// --- the hand-made files -------------------------------------------------------------------------

/** 会宁 with its sheets stored as xl/ws/first.xml and xl/worksheets/data_1.xml (an absolute target). */
async function oddParts(work) {
  const p = await Pkg.open(join(work, "base-huining.xlsx"));
  await p.move("xl/worksheets/sheet1.xml", "xl/ws/first.xml");
  await p.move("xl/worksheets/sheet2.xml", "xl/worksheets/data_1.xml");
  await p.edit("xl/_rels/workbook.xml.rels", (x) =>
    x
      .replace('Target="worksheets/sheet1.xml"', 'Target="ws/first.xml"')
      .replace('Target="worksheets/sheet2.xml"', 'Target="/xl/worksheets/data_1.xml"')
  );
  await p.edit("[Content_Types].xml", (x) =>
    x
      .replace('PartName="/xl/worksheets/sheet1.xml"', 'PartName="/xl/ws/first.xml"')
      .replace('PartName="/xl/worksheets/sheet2.xml"', 'PartName="/xl/worksheets/data_1.xml"')
  );
  await p.save(join(OUT, "hand-huining-odd-parts.xlsx"));
}

/** 曹县 with a threaded comment and its reply (Excel 365), custom views, and shared formulas. */
async function threaded(work) {
  const p = await Pkg.open(join(work, "base-caoxian.xlsx"));
  const person = "{6A3F1C2B-7E44-4C1A-9D55-2B7E0F1A9C01}";
  const topic = "{1E2D3C4B-5A69-4788-8A9B-0C1D2E3F4A5B}";
  const reply = "{2F3E4D5C-6B7A-4899-9BAC-1D2E3F405B6C}";
  p.put(
    "xl/persons/person.xml",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<personList xmlns="http://schemas.microsoft.com/office/spreadsheetml/2018/threadedcomments" xmlns:x="${MAIN_NS}">` +
      `<person displayName="县民政局 王科长" id="${person}" userId="王科长" providerId="None"/></personList>`
  );
  p.put(
    "xl/threadedComments/threadedComment1.xml",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<ThreadedComments xmlns="http://schemas.microsoft.com/office/spreadsheetml/2018/threadedcomments" xmlns:x="${MAIN_NS}">` +
      `<threadedComment ref="G5" dT="2023-10-12T09:30:00.00" personId="${person}" id="${topic}"><text>按2023年预算执行情况自评</text></threadedComment>` +
      `<threadedComment ref="G5" dT="2023-10-12T10:05:00.00" personId="${person}" id="${reply}" parentId="${topic}"><text>预算执行率92%，扣2分</text></threadedComment>` +
      `</ThreadedComments>`
  );
  await p.override("xl/persons/person.xml", CT.person);
  await p.override("xl/threadedComments/threadedComment1.xml", CT.threaded);
  await p.relate(
    "xl/_rels/workbook.xml.rels",
    "rId90",
    "http://schemas.microsoft.com/office/2017/10/relationships/person",
    "persons/person.xml"
  );
  await p.relate(
    "xl/worksheets/_rels/sheet1.xml.rels",
    "rId90",
    "http://schemas.microsoft.com/office/2017/10/relationships/threadedComment",
    "../threadedComments/threadedComment1.xml"
  );
  // The legacy comment Excel keeps beside a threaded one, for older versions.
  await p.edit("xl/comments1.xml", (x) =>
    x
      .replace(/<authors>.*<\/authors>/, `<authors><author>tc=${topic}</author></authors>`)
      .replace(/<comment ref="G5" authorId="0">/, `<comment ref="G5" authorId="0" shapeId="0" xr:uid="${topic}">`)
      .replace("<comments ", '<comments xmlns:xr="http://schemas.microsoft.com/office/spreadsheetml/2014/revision" ')
  );
  // Custom views: one for the workbook, one on each sheet.
  const view = "{B1C2D3E4-F5A6-4B7C-8D9E-0F1A2B3C4D5E}";
  await p.edit("xl/workbook.xml", (x) =>
    x.replace(
      /(<calcPr[^>]*\/>)/,
      `$1<customWorkbookViews><customWorkbookView name="审核视图" guid="${view}" maximized="1" xWindow="-8" yWindow="-8" windowWidth="1936" windowHeight="1048" activeSheetId="1"/></customWorkbookViews>`
    )
  );
  const sheetView = `<customSheetViews><customSheetView guid="${view}" scale="85" showGridLines="0" fitToPage="1"><selection activeCell="G5" sqref="G5"/><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/><pageSetup paperSize="9" orientation="landscape"/></customSheetView></customSheetViews>`;
  await p.edit("xl/worksheets/sheet1.xml", (x) => insertBefore(x, sheetView, from("mergeCells")));
  // Shared formulas, as Excel writes a formula filled down: 测算!D2:D6 =C2/B2, E2:E6 =B2*2.
  await p.edit("xl/worksheets/sheet2.xml", (x) => {
    const beds = { 2: [320, 220], 3: [180, 110], 4: [150, 100], 5: [90, 60], 6: [60, 35] };
    for (const [r, [b, c]] of Object.entries(beds)) {
      const first = r === "2";
      const d = first ? `<f t="shared" ref="D2:D6" si="0">C2/B2</f>` : `<f t="shared" si="0"/>`;
      const e = first ? `<f t="shared" ref="E2:E6" si="1">B2*2</f>` : `<f t="shared" si="1"/>`;
      x = x.replace(
        new RegExp(`(<c r="C${r}"[^>]*><v>${c}</v></c>)`),
        `$1<c r="D${r}" s="0">${d}<v>${c / b}</v></c><c r="E${r}" s="0">${e}<v>${b * 2}</v></c>`
      );
    }
    return x.replace(/<dimension ref="[^"]*"\/>/, '<dimension ref="A1:E6"/>');
  });
  await p.edit("xl/worksheets/sheet2.xml", (x) => insertBefore(x, sheetView, from("mergeCells")));
  await p.save(join(OUT, "hand-caoxian-threaded.xlsx"));
}

/** 微山 with a chart sheet as its first tab, and names scoped to a sheet after it. */
async function chartsheet(work) {
  const p = await Pkg.open(join(work, "lo-weishan-chart.xlsx"));
  const chart = Object.keys(p.zip.files).find((n) => /^xl\/charts\/chart\d+\.xml$/.test(n));
  p.put("xl/charts/chart90.xml", await p.text(chart));
  p.put(
    "xl/chartsheets/sheet1.xml",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<chartsheet xmlns="${MAIN_NS}" xmlns:r="${REL}"><sheetPr/><sheetViews><sheetView zoomScale="100" workbookViewId="0" zoomToFit="1"/></sheetViews>` +
      `<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/><drawing r:id="rId1"/></chartsheet>`
  );
  await p.relate("xl/chartsheets/_rels/sheet1.xml.rels", "rId1", REL + "/drawing", "../drawings/drawing90.xml");
  p.put(
    "xl/drawings/drawing90.xml",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">` +
      `<xdr:absoluteAnchor><xdr:pos x="0" y="0"/><xdr:ext cx="8666667" cy="6293556"/><xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="图表 1"/><xdr:cNvGraphicFramePr><a:graphicFrameLocks noGrp="1"/></xdr:cNvGraphicFramePr></xdr:nvGraphicFramePr>` +
      `<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:r="${REL}" r:id="rId1"/></a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:absoluteAnchor></xdr:wsDr>`
  );
  await p.relate("xl/drawings/_rels/drawing90.xml.rels", "rId1", REL + "/chart", "../charts/chart90.xml");
  await p.override("xl/chartsheets/sheet1.xml", CT.chartsheet);
  await p.override("xl/drawings/drawing90.xml", CT.drawing);
  await p.override("xl/charts/chart90.xml", CT.chart);
  await p.relate("xl/_rels/workbook.xml.rels", "rId90", REL + "/chartsheet", "chartsheets/sheet1.xml");
  await p.edit("xl/workbook.xml", (x) =>
    x
      .replace("<sheets>", '<sheets><sheet name="完成情况图" sheetId="9" state="visible" r:id="rId90"/>')
      // Every sheet moved one place right: names scoped to a sheet follow it.
      .replace(/localSheetId="(\d+)"/g, (_, n) => `localSheetId="${Number(n) + 1}"`)
      .replace(/activeTab="0"/, 'activeTab="1"')
      .replace(
        "</definedNames>",
        '<definedName name="完成合计" localSheetId="3">统计!$C$2:$C$7</definedName><definedName name="总分值">统计!$B$2:$B$7</definedName></definedNames>'
      )
  );
  // 统计 (the third worksheet) uses both: =SUM(完成合计) is 62, =SUM(总分值) is 90.
  await p.edit("xl/worksheets/sheet3.xml", (x) =>
    x
      .replace(
        /(<c r="C2"[^>]*>(?:(?!<\/c>).)*<\/c>)/,
        '$1<c r="E2" s="0" t="n"><f>SUM(完成合计)</f><v>62</v></c><c r="F2" s="0" t="n"><f>SUM(总分值)</f><v>90</v></c>'
      )
      .replace(/<dimension ref="[^"]*"\/>/, '<dimension ref="A1:F7"/>')
  );
  await p.save(join(OUT, "hand-weishan-chartsheet.xlsx"));
}

/** 微山 dressed as WPS 表格 writes a workbook: its namespaces, its cell-image part, its document properties. */
async function wps(work, image) {
  const p = await Pkg.open(join(work, "base-weishan.xlsx"));
  const wpsRoot =
    `<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL}" xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" ` +
    `xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" ` +
    `xmlns:etc="http://www.wps.cn/officeDocument/2017/etCustomData">`;
  for (const n of [1, 2, 3])
    await p.edit(`xl/worksheets/sheet${n}.xml`, (x) =>
      x
        .replace(/<worksheet [^>]*>/, wpsRoot)
        .replace(
          /<sheetFormatPr [^>]*>(<\/sheetFormatPr>)?/,
          '<sheetFormatPr defaultColWidth="9" defaultRowHeight="13.5"/>'
        )
    );
  p.put("xl/media/image_wps1.png", readFileSync(image));
  p.put(
    "xl/cellimages.xml",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<etc:cellImages xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:r="${REL}" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:etc="http://www.wps.cn/officeDocument/2017/etCustomData">` +
      `<etc:cellImage><xdr:pic><xdr:nvPicPr><xdr:cNvPr id="2" name="ID_5B8E0C1A2F3D4E5F60718293A4B5C6D7" descr="公章"/><xdr:cNvPicPr/></xdr:nvPicPr><xdr:blipFill><a:blip r:embed="rId1"/><a:stretch><a:fillRect/></a:stretch></xdr:blipFill>` +
      `<xdr:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="228600" cy="228600"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></xdr:spPr></xdr:pic></etc:cellImage></etc:cellImages>`
  );
  await p.relate("xl/_rels/cellimages.xml.rels", "rId1", REL + "/image", "media/image_wps1.png");
  await p.relate(
    "xl/_rels/workbook.xml.rels",
    "rId90",
    "http://www.wps.cn/officeDocument/2020/cellImage",
    "cellimages.xml"
  );
  await p.override("xl/cellimages.xml", CT.cellimage);
  if (!/Extension="png"/.test(await p.text("[Content_Types].xml")))
    await p.edit("[Content_Types].xml", (x) =>
      x.replace("<Override", '<Default Extension="png" ContentType="image/png"/><Override')
    );
  p.put(
    "docProps/custom.xml",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">` +
      `<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="ICV"><vt:lpwstr>6E1B4C0A9D8F4E2B8C7A5D3F1E0B9C8A</vt:lpwstr></property>` +
      `<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="3" name="KSOProductBuildVer"><vt:lpwstr>2052-12.1.0.16120</vt:lpwstr></property></Properties>`
  );
  await p.edit("docProps/app.xml", (x) =>
    x.replace(/<Application>[^<]*<\/Application>/, "<Application>WPS 表格</Application>")
  );
  await p.save(join(OUT, "hand-weishan-wps.xlsx"));
}

/** 微山 protected the way Excel protects: SHA-512 and legacy sheet passwords, workbook windows locked, protected ranges, hidden and sheet-scoped names. */
async function excelProtection(work) {
  const p = await Pkg.open(join(work, "base-weishan.xlsx"));
  const ledger = excelHash("weishan");
  const book = excelHash("weishan");
  const range = excelHash("defen");
  // 台账 (sheet3): Excel 2013+ SHA-512; 说明 (sheet2): the legacy 16-bit hash of older Excel.
  await p.edit("xl/worksheets/sheet3.xml", (x) =>
    insertBefore(
      x,
      `<sheetProtection algorithmName="SHA-512" hashValue="${ledger.hash}" saltValue="${ledger.salt}" spinCount="${ledger.spinCount}" sheet="1" objects="1" scenarios="1"/>`,
      from("sheetProtection").slice(1)
    )
  );
  await p.edit("xl/worksheets/sheet2.xml", (x) =>
    insertBefore(
      x,
      `<sheetProtection password="${legacyHash("weishan")}" sheet="1" objects="1" scenarios="1" formatColumns="0"/>`,
      from("sheetProtection").slice(1)
    )
  );
  // On the sheet Ziping fills: ranges others may edit once it is protected ("允许用户编辑区域").
  await p.edit("xl/worksheets/sheet1.xml", (x) =>
    insertBefore(
      x,
      `<protectedRanges><protectedRange name="责任单位填写区" sqref="F3:F33"/><protectedRange algorithmName="SHA-512" hashValue="${range.hash}" saltValue="${range.salt}" spinCount="${range.spinCount}" name="分值" sqref="C3:C33"/></protectedRanges>`,
      from("protectedRanges").slice(1)
    )
  );
  await p.edit("xl/workbook.xml", (x) =>
    x
      .replace(
        "<workbookProtection/>",
        `<workbookProtection workbookAlgorithmName="SHA-512" workbookHashValue="${book.hash}" workbookSaltValue="${book.salt}" workbookSpinCount="${book.spinCount}" lockWindows="1"/>`
      )
      .replace(
        "</definedNames>",
        '<definedName name="_历年人次" hidden="1">台账!$B$2:$B$3</definedName><definedName name="台账合计" localSheetId="2">台账!$B$4</definedName></definedNames>'
      )
  );
  // 台账 uses the hidden name and the sheet's own: =SUM(_历年人次) is 4660, =台账合计/2 is 2330.
  await p.edit("xl/worksheets/sheet3.xml", (x) =>
    x
      .replace(
        /(<c r="B2"[^>]*>(?:(?!<\/c>).)*<\/c>)/,
        '$1<c r="C2" s="0" t="n"><f>SUM(_历年人次)</f><v>4660</v></c><c r="D2" s="0" t="n"><f>台账合计/2</f><v>2330</v></c>'
      )
      .replace(/<dimension ref="[^"]*"\/>/, '<dimension ref="A1:D4"/>')
  );
  await p.save(join(OUT, "hand-weishan-excel-protection.xlsx"));
}

/** 会宁 with Excel 2010's x14 validations in extLst: lists pointing at the sheet 选项. */
async function x14(work) {
  const p = await Pkg.open(join(work, "lo-huining-validations.xlsx"));
  const ext = (sqref) =>
    `<extLst><ext uri="{CCE6A557-97BC-4b89-ADB6-D9C93CAAB3DF}" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main">` +
    `<x14:dataValidations count="1" xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main"><x14:dataValidation type="list" allowBlank="1" showInputMessage="1" showErrorMessage="1">` +
    `<x14:formula1><xm:f>选项!$A$1:$A$3</xm:f></x14:formula1><xm:sqref>${sqref}</xm:sqref></x14:dataValidation></x14:dataValidations></ext></extLst>`;
  // On the sheet Ziping fills (考核表) and on 台账, whose LibreOffice validation gives way to the x14 one.
  for (const n of [1, 3])
    if (/<extLst>/.test(await p.text(`xl/worksheets/sheet${n}.xml`)))
      throw new Error("sheet" + n + " has an extLst already");
  await p.edit("xl/worksheets/sheet1.xml", (x) => x.replace("</worksheet>", ext("E3:E6 E8:E14") + "</worksheet>"));
  await p.edit("xl/worksheets/sheet3.xml", (x) =>
    x.replace(/<dataValidations .*<\/dataValidations>/, "").replace("</worksheet>", ext("A2:A4") + "</worksheet>")
  );
  await p.save(join(OUT, "hand-huining-x14.xlsx"));
}

/**
 * 曹县 dressed as Excel 2016+ writes a workbook: its namespaces and mc:Ignorable, x14ac row
 * attributes, the revision pointer and absPath in workbook.xml, a calculation chain, shared formulas
 * (the 合计 row filled right from D35), the county's own validation and conditional formats on the
 * score column (a data bar with its x14 extension), and a sheet whose name needs quotes.
 */
async function excel(work) {
  const p = await Pkg.open(join(work, "base-caoxian-excel.xlsx"));
  const NS = {
    mc: "http://schemas.openxmlformats.org/markup-compatibility/2006",
    x14ac: "http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac",
    xr: "http://schemas.microsoft.com/office/spreadsheetml/2014/revision",
    xr2: "http://schemas.microsoft.com/office/spreadsheetml/2015/revision2",
    xr3: "http://schemas.microsoft.com/office/spreadsheetml/2016/revision3",
    x14: "http://schemas.microsoft.com/office/spreadsheetml/2009/9/main",
    xm: "http://schemas.microsoft.com/office/excel/2006/main",
  };
  const uids = [
    "{8A1F0C3E-2B4D-4E6F-9A1B-3C5D7E9F1A2B}",
    "{9B2E1D4F-3C5E-4F70-8B2C-4D6E8F0A2B3C}",
    "{AC3F2E50-4D6F-4081-9C3D-5E7F9A1B3C4D}",
  ];
  for (const n of [1, 2, 3])
    await p.edit(`xl/worksheets/sheet${n}.xml`, (x) => {
      if (/xdr:|x14:|<extLst/.test(x)) throw new Error("sheet" + n + " uses a prefix this edit drops");
      return x
        .replace(
          /<worksheet [^>]*>/,
          `<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL}" xmlns:mc="${NS.mc}" mc:Ignorable="x14ac xr xr2 xr3" xmlns:x14ac="${NS.x14ac}" xmlns:xr="${NS.xr}" xmlns:xr2="${NS.xr2}" xmlns:xr3="${NS.xr3}" xr:uid="${uids[n - 1]}">`
        )
        .replace(/<row ([^>]*?)(\/?)>/g, '<row $1 x14ac:dyDescent="0.2"$2>')
        .replace(/<sheetFormatPr ([^>]*?)(\/?)>/, '<sheetFormatPr $1 x14ac:dyDescent="0.2"$2>');
    });
  // 评分细则: the 合计 row summed and filled right (shared), the county's rules on 自评得分 and 分值.
  await p.edit("xl/worksheets/sheet1.xml", (x) => {
    x = x
      .replace(
        /<c r="D35" s="3" t="n"><v>100<\/v><\/c>/,
        '<c r="D35" s="3"><f t="shared" ref="D35:G35" si="0">SUM(D4:D34)</f><v>100</v></c>'
      )
      .replace(/<c r="E35" s="5"\/>/, '<c r="E35" s="5"><f t="shared" si="0"/><v>0</v></c>')
      .replace(/<c r="F35" s="5"\/>/, '<c r="F35" s="5"><f t="shared" si="0"/><v>0</v></c>')
      // 4+6+3+3+5+2.5+3+2+1.5 typed in G4:G34 ("2分" in G9 is text): 30.
      .replace(/<c r="G35" s="3"\/>/, '<c r="G35" s="3"><f t="shared" si="0"/><v>30</v></c>');
    const dataBar = "{C1D2E3F4-A5B6-4C7D-8E9F-0A1B2C3D4E5F}";
    x = insertBefore(
      x,
      `<conditionalFormatting sqref="G4:G34"><cfRule type="expression" dxfId="0" priority="2"><formula>AND(ISNUMBER(G4),G4&gt;D4)</formula></cfRule></conditionalFormatting>` +
        `<conditionalFormatting sqref="D4:D34"><cfRule type="dataBar" priority="1"><dataBar><cfvo type="min"/><cfvo type="max"/><color rgb="FF638EC6"/></dataBar>` +
        `<extLst><ext uri="{B025F937-C7B1-47D3-B67F-A62EFF666E3E}" xmlns:x14="${NS.x14}"><x14:id>${dataBar}</x14:id></ext></extLst></cfRule></conditionalFormatting>` +
        `<dataValidations count="1"><dataValidation type="decimal" allowBlank="1" showInputMessage="1" showErrorMessage="1" errorTitle="自评得分" error="请填写0到20之间的分数" sqref="G4:G34"><formula1>0</formula1><formula2>20</formula2></dataValidation></dataValidations>`,
      from("hyperlinks")
    );
    return x.replace(
      "</worksheet>",
      `<extLst><ext uri="{78C0D931-6437-407d-A8EE-F0AAD7539E65}" xmlns:x14="${NS.x14}"><x14:conditionalFormattings><x14:conditionalFormatting xmlns:xm="${NS.xm}">` +
        `<x14:cfRule type="dataBar" id="${dataBar}"><x14:dataBar minLength="0" maxLength="100" gradient="0"><x14:cfvo type="autoMin"/><x14:cfvo type="autoMax"/>` +
        `<x14:negativeFillColor rgb="FFFF0000"/><x14:axisColor rgb="FF000000"/></x14:dataBar></x14:cfRule><xm:sqref>D4:D34</xm:sqref></x14:conditionalFormatting></x14:conditionalFormattings></ext></extLst></worksheet>`
    );
  });
  await p.edit("xl/styles.xml", (x) =>
    x.replace(
      "</cellStyles>",
      '</cellStyles><dxfs count="1"><dxf><font><color rgb="FF9C0006"/></font><fill><patternFill><bgColor rgb="FFFFC7CE"/></patternFill></fill></dxf></dxfs>'
    )
  );
  await p.edit("xl/workbook.xml", (x) =>
    x
      .replace(
        /<workbook [^>]*>/,
        `<workbook xmlns="${MAIN_NS}" xmlns:r="${REL}" xmlns:mc="${NS.mc}" mc:Ignorable="x15 xr xr6 xr10 xr2" xmlns:x15="http://schemas.microsoft.com/office/spreadsheetml/2010/11/main" ` +
          `xmlns:xr="${NS.xr}" xmlns:xr6="http://schemas.microsoft.com/office/spreadsheetml/2016/revision6" xmlns:xr10="http://schemas.microsoft.com/office/spreadsheetml/2016/revision10" xmlns:xr2="${NS.xr2}">`
      )
      .replace(/<fileVersion [^>]*\/>/, '<fileVersion appName="xl" lastEdited="7" lowestEdited="7" rupBuild="27425"/>')
      .replace(/<workbookPr [^>]*\/>/, '<workbookPr defaultThemeVersion="166925"/>')
      .replace(
        "<workbookProtection/>",
        `<mc:AlternateContent xmlns:mc="${NS.mc}"><mc:Choice Requires="x15"><x15ac:absPath url="D:\\县民政局\\2023年自评\\" xmlns:x15ac="http://schemas.microsoft.com/office/spreadsheetml/2010/11/ac"/></mc:Choice></mc:AlternateContent>` +
          '<xr:revisionPtr revIDLastSave="0" documentId="8_{4F1C2D3E-5A6B-4C7D-8E9F-A0B1C2D3E4F5}" xr6:coauthVersionLast="47" xr6:coauthVersionMax="47" xr10:uidLastSave="{00000000-0000-0000-0000-000000000000}"/>'
      )
      .replace(/<calcPr [^>]*\/>/, '<calcPr calcId="191029"/>')
      .replace(
        /<extLst>.*<\/extLst>/,
        `<extLst><ext uri="{140A7094-0E35-4892-8432-C4D2E57EDEB5}" xmlns:x15="http://schemas.microsoft.com/office/spreadsheetml/2010/11/main"><x15:workbookPr chartTrackingRefBase="1"/></ext></extLst>`
      )
  );
  // The calculation chain: 评分细则 (sheetId 1) D35:G35, 测算 (sheetId 3) B2:B3.
  p.put(
    "xl/calcChain.xml",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<calcChain xmlns="${MAIN_NS}"><c r="D35" i="1"/><c r="E35"/><c r="F35"/><c r="G35"/><c r="B2" i="3"/><c r="B3"/></calcChain>`
  );
  await p.relate("xl/_rels/workbook.xml.rels", "rId90", REL + "/calcChain", "calcChain.xml");
  await p.override("xl/calcChain.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.calcChain+xml");
  await p.edit("docProps/app.xml", (x) =>
    x
      .replace(/<Application>[^<]*<\/Application>/, "<Application>Microsoft Excel</Application>")
      .replace(/<AppVersion>[^<]*<\/AppVersion>/, "<AppVersion>16.0300</AppVersion>")
  );
  await p.save(join(OUT, "hand-caoxian-excel.xlsx"));
}

/**
 * lo-caoxian-names.xlsx links to the city's file, which LibreOffice recorded at its temporary path:
 * the link is pointed where a county's would point (the file is not there, as on any other machine).
 */
async function cityLink(file) {
  const p = await Pkg.open(file);
  const rels = Object.keys(p.zip.files).find((n) => /^xl\/externalLinks\/_rels\/externalLink\d+\.xml\.rels$/.test(n));
  await p.edit(rels, (x) =>
    x.replace(/Target="[^"]*"/, 'Target="file:///D:/%E5%B8%82%E7%BA%A7/%E5%B8%82%E7%BA%A7%E7%9B%AE%E6%A0%87.xlsx"')
  );
  await p.save(file);
}

// --- main ----------------------------------------------------------------------------------------

async function main() {
  mkdirSync(OUT, { recursive: true });
  const work = mkdtempSync(join(tmpdir(), "ziping-realworld-"));
  try {
    const samples = join(work, "samples");
    mkdirSync(samples);
    // Copies: LibreOffice leaves a lock file beside what it opens, and the samples are never written.
    for (const f of ["曹县-评分细则.xlsx", "微山县-任务分解表.xlsx", "会宁县-考核表.xlsx"])
      copyFileSync(join(SAMPLES, f), join(samples, f));
    execFileSync(PYTHON, [join(ROOT, "scripts", "realworld", "lo_make.py"), samples, work], {
      stdio: "inherit",
      timeout: 600000,
    });
    for (const f of [
      "lo-caoxian-resaved",
      "lo-caoxian-issue",
      "lo-caoxian-names",
      "lo-weishan-protected",
      "lo-huining-validations",
      "lo-huining-links",
      "lo-weishan-chart",
      "lo-weishan-table",
    ])
      copyFileSync(join(work, f + ".xlsx"), join(OUT, f + ".xlsx"));
    await cityLink(join(OUT, "lo-caoxian-names.xlsx"));
    const ssconvert = (input, output) =>
      execFileSync("ssconvert", [input, join(OUT, output)], { stdio: "pipe", timeout: 120000 });
    ssconvert(join(samples, "曹县-评分细则.xlsx"), "gnumeric-caoxian.xlsx");
    ssconvert(join(samples, "微山县-任务分解表.xlsx"), "gnumeric-weishan.xlsx");
    ssconvert(join(work, "gnumeric-huining.ods"), "gnumeric-huining.xlsx");
    await oddParts(work);
    await threaded(work);
    await chartsheet(work);
    await wps(work, join(work, "seal.png"));
    await excelProtection(work);
    await x14(work);
    await excel(work);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  console.log("realworld workbooks written to " + OUT);
}

await main();
