/**
 * Bounded reading (issue 12): files built to exhaust memory or time end in one Chinese line, or
 * have their monster sheet left out, before anything large is inflated or modelled. The inputs are
 * never written. Peak memory and wall time of the same cases through the real CLI are measured by
 * scripts/hostile-bounds.mjs (quoted in the closing note), not asserted here.
 */
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import JSZip from "jszip";
import { readWorkbook, XlsxReadError } from "../../src/adapters/xlsx/index";
import { LIMITS } from "../../src/adapters/xlsx/limits";
import { ziping } from "../cli/run";

const SAMPLES = join(__dirname, "..", "..", "assets", "samples");
const CAOXIAN = readFileSync(join(SAMPLES, "曹县-评分细则.xlsx"));
const tmp = () => mkdtempSync(join(tmpdir(), "ziping-bounds-"));
const sha = (file: string) => createHash("sha256").update(readFileSync(file)).digest("hex");


/** The sample with its first sheet's XML replaced. */
async function withSheet(xml: string): Promise<Buffer> {
  const zip = await JSZip.loadAsync(CAOXIAN);
  zip.file("xl/worksheets/sheet1.xml", xml);
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}

function sheetXml(rows: string): string {
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>' +
    rows +
    "</sheetData></worksheet>"
  );
}

/** A sample with an extra sheet of `n` rows of numbers (a data dump), added as a second worksheet. */
async function withDataSheet(n: number): Promise<Buffer> {
  const zip = await JSZip.loadAsync(CAOXIAN);
  const rows: string[] = [];
  for (let r = 1; r <= n; r++) rows.push('<row r="' + r + '"><c r="A' + r + '"><v>' + r + "</v></c></row>");
  zip.file("xl/worksheets/dump.xml", sheetXml(rows.join("")));
  const ct = await zip.file("[Content_Types].xml")!.async("string");
  zip.file(
    "[Content_Types].xml",
    ct.replace(
      "</Types>",
      '<Override PartName="/xl/worksheets/dump.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>'
    )
  );
  const rels = await zip.file("xl/_rels/workbook.xml.rels")!.async("string");
  zip.file(
    "xl/_rels/workbook.xml.rels",
    rels.replace(
      "</Relationships>",
      '<Relationship Id="rIdDump" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/dump.xml"/></Relationships>'
    )
  );
  const wb = await zip.file("xl/workbook.xml")!.async("string");
  zip.file("xl/workbook.xml", wb.replace("</sheets>", '<sheet name="明细" sheetId="99" r:id="rIdDump"/></sheets>'));
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}

test("a row number past Excel's last row is refused in Chinese before anything is modelled (an 11 KB file)", async () => {
  const bytes = await withSheet(sheetXml('<row r="99999999"><c r="A99999999"><v>1</v></c></row>'));
  expect(bytes.length).toBeLessThan(20_000);
  const error = await readWorkbook(bytes).catch((e) => e);
  expect(error).toBeInstanceOf(XlsxReadError);
  expect(error.message).toMatch(/第 99999999 行，超出 Excel 的最后一行/);
  const dir = tmp();
  const file = join(dir, "坏.xlsx");
  writeFileSync(file, bytes);
  const before = sha(file);
  const r = await ziping("fill", file, "-o", join(dir, "out.xlsx"));
  expect([r.code, r.err.split("\n").length]).toEqual([2, 2]);
  expect(r.err).toMatch(/超出 Excel 的最后一行/);
  expect(sha(file)).toBe(before);
});

test("a sheet longer than any scoring table is left out, named with why; the scoring sheet is still filled", async () => {
  const rows = LIMITS.sheetRows + 1;
  const bytes = await withDataSheet(rows);
  const book = await readWorkbook(bytes);
  expect(book.skipped.map((s) => s.sheet)).toEqual(["明细"]);
  expect(book.skipped[0].reason).toContain("有 " + rows + " 行");
  // Left out: an empty sheet, never built row by row.
  expect(book.sheet("明细")!.grid.values.length).toBe(0);
  const dir = tmp();
  const file = join(dir, "带明细.xlsx");
  writeFileSync(file, bytes);
  const out = join(dir, "out.xlsx");
  const r = await ziping("fill", file, "-o", out, "--json");
  expect(r.code).toBe(0);
  // The data sheet travels into the output byte for byte.
  const [a, b] = [await JSZip.loadAsync(bytes), await JSZip.loadAsync(readFileSync(out))];
  expect(await b.file("xl/worksheets/dump.xml")!.async("string")).toBe(await a.file("xl/worksheets/dump.xml")!.async("string"));
});

test("a zip that inflates far beyond its size (unreferenced media) is refused from its declared sizes", async () => {
  const zip = await JSZip.loadAsync(CAOXIAN);
  // 210 MB of zeros compresses to a few hundred KB: over the one-part limit and the 100× ratio.
  zip.file("xl/media/image1.png", Buffer.alloc(LIMITS.partBytes + 10 * 1024 * 1024));
  const bytes = await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
  expect(bytes.length).toBeLessThan(2 * 1024 * 1024);
  const error = await readWorkbook(bytes).catch((e) => e);
  expect(error).toBeInstanceOf(XlsxReadError);
  expect(error.message).toMatch(/解压后有 .* MB，超过 200 MB 的上限/);
});

test("many small parts that together inflate over 100× the file's size are refused as a zip bomb", async () => {
  const zip = await JSZip.loadAsync(CAOXIAN);
  for (let i = 0; i < 12; i++) zip.file("xl/media/pad" + i + ".bin", Buffer.alloc(8 * 1024 * 1024));
  const bytes = await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
  const error = await readWorkbook(bytes).catch((e) => e);
  expect(error).toBeInstanceOf(XlsxReadError);
  expect(error.message).toMatch(/可能是恶意构造的压缩包/);
});
