/**
 * Inputs are sacred and every error is one Chinese line (issue 12): an output that is an input is
 * refused whatever the command, batch leaves its own earlier summary out, someone's existing file
 * is replaced only with --force, a folder that cannot be written is said in Chinese, a protected
 * sheet is never unprotected, and rubric files saved by Notepad (BOM) or in GBK are read right.
 */
import { createHash } from "node:crypto";
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import JSZip from "jszip";
import { ziping } from "./run";

const SAMPLES = join(__dirname, "..", "..", "assets", "samples");
const WEISHAN = join(SAMPLES, "微山县-任务分解表.xlsx");
const CAOXIAN = join(SAMPLES, "曹县-评分细则.xlsx");
const DERIVED = join(SAMPLES, "derived", "安全生产考核表.xlsx");
const tmp = () => mkdtempSync(join(tmpdir(), "ziping-sacred-"));
const sha = (file: string) => createHash("sha256").update(readFileSync(file)).digest("hex");

/** stderr is one line of Chinese (and the usage line where arguments are wrong). */
function chineseLine(err: string): void {
  const first = err.split("\n")[0];
  expect(first).toMatch(/[\u4e00-\u9fff]/);
  expect(err).not.toMatch(/\n\s+at |Error:|ENOENT|EACCES|EPERM/);
}

test("batch: -o onto one of the inputs is refused; a second run leaves its own earlier summary out", async () => {
  const dir = tmp();
  copyFileSync(CAOXIAN, join(dir, "a.xlsx"));
  copyFileSync(WEISHAN, join(dir, "b.xlsx"));
  const before = sha(join(dir, "a.xlsx"));
  const onto = await ziping("batch", dir, "-o", join(dir, "a.xlsx"));
  expect(onto.code).toBe(2);
  chineseLine(onto.err);
  expect(sha(join(dir, "a.xlsx"))).toBe(before);

  const first = await ziping("batch", dir, "-o", join(dir, "汇总.xlsx"));
  expect([first.code, first.err]).toEqual([1, ""]);
  const again = await ziping("batch", dir, "-o", join(dir, "汇总.xlsx"), "--json");
  expect(again.code).not.toBe(2);
  expect((again.json().rows as Array<{ file: string }>).map((r) => r.file.split("/").pop())).toEqual(["a.xlsx", "b.xlsx"]);
});

test("split into the input's own folder, where a unit bears the input's name: refused, nothing written", async () => {
  const dir = tmp();
  // 县民政局 is a unit of 微山's table (牵头单位 of most rows).
  const input = join(dir, "县民政局.xlsx");
  copyFileSync(WEISHAN, input);
  const before = sha(input);
  const r = await ziping("split", input, "--by", "unit", "-o", dir);
  expect(r.code).toBe(2);
  expect(r.err).toMatch(/^输出文件就是输入文件/);
  expect(sha(input)).toBe(before);
});

test("fill -o onto someone's existing file asks for --force; onto an earlier fill output it just writes", async () => {
  const dir = tmp();
  const theirs = join(dir, "别人的.xlsx");
  copyFileSync(CAOXIAN, theirs);
  const before = sha(theirs);
  const r = await ziping("fill", WEISHAN, "-o", theirs);
  expect(r.code).toBe(2);
  expect(r.err).toMatch(/^文件已存在，不会覆盖.*--force/);
  expect(sha(theirs)).toBe(before);
  expect((await ziping("fill", WEISHAN, "-o", theirs, "--force")).code).toBe(0);
  // Now it is a file Ziping wrote: a refill to it needs no --force.
  expect((await ziping("fill", WEISHAN, "-o", theirs)).code).toBe(0);
});

test("folders that cannot be written: one Chinese line, exit 2, for split, derive and fill", async () => {
  const notAFolder = join(tmp(), "文件.txt");
  writeFileSync(notAFolder, "x");
  const split = await ziping("split", WEISHAN, "--by", "unit", "-o", join(notAFolder, "单位"));
  expect(split.code).toBe(2);
  chineseLine(split.err);
  // /sys refuses new entries even to root (EPERM/EACCES).
  const denied = await ziping("split", WEISHAN, "--by", "unit", "-o", "/sys/ziping-units");
  expect(denied.code).toBe(2);
  chineseLine(denied.err);
  const derive = await ziping("derive", DERIVED, "-o", "/sys/ziping.json");
  expect(derive.code).toBe(2);
  expect(derive.err).toMatch(/^无法写入文件：\/sys\/ziping\.json（没有权限/);
  const fill = await ziping("fill", WEISHAN, "-o", join(notAFolder, "x.xlsx"));
  expect(fill.code).toBe(2);
  expect(fill.err).toMatch(/^无法写入文件：.*（路径中的某一级不是文件夹）/);
});

test("a protected sheet is never unprotected: fill is refused before anything is written, exit 1", async () => {
  const dir = tmp();
  const zip = await JSZip.loadAsync(readFileSync(CAOXIAN));
  const sheet = await zip.file("xl/worksheets/sheet1.xml")!.async("string");
  // Excel's way: a password hash and the sheet locked (what 审阅 › 保护工作表 writes).
  const protection =
    '<sheetProtection algorithmName="SHA-512" hashValue="x" saltValue="y" spinCount="100000" sheet="1" objects="1" scenarios="1"/>';
  zip.file("xl/worksheets/sheet1.xml", sheet.replace("</sheetData>", "</sheetData>" + protection));
  const input = join(dir, "受保护.xlsx");
  writeFileSync(input, await zip.generateAsync({ type: "nodebuffer" }));
  const out = join(dir, "out.xlsx");
  const r = await ziping("fill", input, "-o", out);
  expect(r.code).toBe(1);
  expect(r.err).toMatch(/^工作表“评分细则”设有保护，自评助手不会撤销保护，未作任何改动/);
  expect(() => readFileSync(out)).toThrow();
});

test("rubric files as Notepad (UTF-8 with BOM) and Chinese Windows (GBK) save them are read right", async () => {
  const dir = tmp();
  const utf8 = join(dir, "细则.json");
  expect((await ziping("derive", DERIVED, "-o", utf8)).code).toBe(0);
  const text = readFileSync(utf8, "utf8");
  const title = JSON.parse(text).title as string;
  const bom = join(dir, "细则-bom.json");
  writeFileSync(bom, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, "utf8")]));
  const withBom = await ziping("score", DERIVED, "--rubric-file", bom, "--json");
  expect([withBom.code, withBom.json().rubric.title]).toEqual([0, title]);
  // GBK: the title and names are all in GBK (Chinese and ASCII); encoded by hand.
  const gbk = join(dir, "细则-gbk.json");
  writeFileSync(gbk, encodeGbk(text));
  const withGbk = await ziping("score", DERIVED, "--rubric-file", gbk, "--json");
  expect([withGbk.code, withGbk.json().rubric.title]).toEqual([0, title]);
  const broken = join(dir, "坏.json");
  writeFileSync(broken, text.replace('"title"', "title"));
  const bad = await ziping("score", DERIVED, "--rubric-file", broken);
  expect(bad.code).toBe(2);
  expect(bad.err).toMatch(/^评分细则文件不是有效的 JSON（第 \d+ 行第 \d+ 列附近）/);
});

test("a rubric whose choice option holds a comma is refused by the schema, in Chinese", async () => {
  const dir = tmp();
  const file = join(dir, "细则.json");
  await ziping("derive", DERIVED, "-o", file);
  const rubric = JSON.parse(readFileSync(file, "utf8"));
  const indicator = rubric.categories[0].indicators[0];
  indicator.criteria = [{ id: "a", kind: "choice", text: "分档", options: [{ label: "好,很好", points: indicator.points }] }];
  writeFileSync(file, JSON.stringify(rubric));
  const r = await ziping("score", DERIVED, "--rubric-file", file);
  expect(r.code).toBe(2);
  expect(r.err).toContain("选项不能含英文逗号或英文双引号");
});

/** GBK bytes of a text, through the decoder's own table (Node has no GBK encoder). */
function encodeGbk(text: string): Buffer {
  const decoder = new TextDecoder("gbk");
  const table = new Map<string, number[]>();
  for (let hi = 0x81; hi <= 0xfe; hi++) {
    for (let lo = 0x40; lo <= 0xfe; lo++) {
      if (lo === 0x7f) continue;
      const ch = decoder.decode(new Uint8Array([hi, lo]));
      if (ch.length === 1 && ch !== "\ufffd" && !table.has(ch)) table.set(ch, [hi, lo]);
    }
  }
  const bytes: number[] = [];
  for (const ch of text) {
    if (ch.charCodeAt(0) < 0x80) bytes.push(ch.charCodeAt(0));
    else {
      const code = table.get(ch);
      // A few signs of the rubric's notes (›) are not in GBK: a GBK editor would have lost them too.
      bytes.push(...(code ?? [0x3f]));
    }
  }
  return Buffer.from(bytes);
}

test("unknown options and missing values are said in Chinese", async () => {
  const r = await ziping("score", CAOXIAN, "--bogus");
  expect(r.code).toBe(2);
  expect(r.err).toMatch(/^参数有误：没有“--bogus”这个选项/);
});

test("a macro-enabled workbook (.xlsm) is written as .xlsm, its macros kept; an .xlsx name is refused in Chinese", async () => {
  const dir = tmp();
  const zip = await JSZip.loadAsync(readFileSync(CAOXIAN));
  const types = await zip.file("[Content_Types].xml")!.async("string");
  zip.file(
    "[Content_Types].xml",
    types.replace("spreadsheetml.sheet.main+xml", "sheet.macroEnabled.main+xml").replace("</Types>", '<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/></Types>')
  );
  zip.file("xl/vbaProject.bin", Buffer.from([1, 2, 3, 4]));
  const input = join(dir, "带宏.xlsm");
  writeFileSync(input, await zip.generateAsync({ type: "nodebuffer" }));
  const refused = await ziping("fill", input, "-o", join(dir, "out.xlsx"));
  expect([refused.code, refused.err]).toEqual([2, "输入是启用宏的工作簿（.xlsm），宏会原样保留，输出文件应以 .xlsm 结尾：" + join(dir, "out.xlsx") + "\n"]);
  const out = join(dir, "out.xlsm");
  expect((await ziping("fill", input, "-o", out)).code).toBe(0);
  const written = await JSZip.loadAsync(readFileSync(out));
  expect(Array.from(await written.file("xl/vbaProject.bin")!.async("uint8array"))).toEqual([1, 2, 3, 4]);
  expect(await written.file("[Content_Types].xml")!.async("string")).toContain("sheet.macroEnabled.main+xml");
});
