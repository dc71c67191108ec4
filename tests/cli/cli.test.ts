/**
 * The command line on the bundled samples: JSON shapes and exit codes as CONTRACTS.md sets them,
 * Chinese messages, and the input file never written.
 */
import { copyFileSync, existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ziping } from "./run";

const SAMPLES = join(__dirname, "..", "..", "assets", "samples");
const WEISHAN = join(SAMPLES, "微山县-任务分解表.xlsx");
const CAOXIAN = join(SAMPLES, "曹县-评分细则.xlsx");
const HUINING = join(SAMPLES, "会宁县-考核表.xlsx");
const tmp = () => mkdtempSync(join(tmpdir(), "ziping-cli-"));

describe("rubrics", () => {
  test("--json lists the four built-in rubrics with points and bonus", async () => {
    const r = await ziping("rubrics", "--json");
    expect(r.code).toBe(0);
    expect(r.json()).toEqual([
      { id: "sd-2023", title: "县域养老服务体系建设指标与评分细则（2023年修订版）", points: 100, bonus: 0 },
      { id: "weishan-2023", title: "微山县养老服务体系创新示范县创建工作任务分解表", points: 100, bonus: 0 },
      { id: "huining-2020", title: "会宁县居家和社区养老服务改革试点工作要求及考核表", points: 100, bonus: 10 },
      { id: "jiangyong-2022", title: "江永县2022年度养老服务真抓实干督查激励工作实施方案", points: 0, bonus: 0 },
    ]);
  });
});

describe("inspect", () => {
  test("微山: task-breakdown, weishan-2023, header row 2, 31 matched; its 说明 sheet unknown", async () => {
    const r = await ziping("inspect", WEISHAN, "--json");
    expect(r.code).toBe(0);
    const { sheets } = r.json();
    expect(sheets[0]).toMatchObject({
      sheet: "任务分解表",
      kind: "task-breakdown",
      rubric: { id: "weishan-2023", derived: false },
      headerRow: 2,
      columns: { category: "A", indicator: "B", points: "C", rule: "D", check: "E", units: "F" },
      indicators: { matched: 31, unmatchedRows: [], missing: [] },
    });
    expect(sheets[0].match.score).toBeGreaterThan(sheets[0].match.threshold);
    expect(sheets[1]).toMatchObject({ sheet: "说明", kind: "unknown", rubric: null, headerRow: null });
  });
  test("曹县: two-row header ends on row 3; 会宁: assessment", async () => {
    expect((await ziping("inspect", CAOXIAN, "--json")).json().sheets[0]).toMatchObject({ kind: "scoring", headerRow: 3, rubric: { id: "sd-2023" } });
    expect((await ziping("inspect", HUINING, "--json")).json().sheets[0]).toMatchObject({ kind: "assessment", headerRow: 2, rubric: { id: "huining-2020" } });
  });
  test("variants on real files", async () => {
    const v = (f: string) => join(SAMPLES, "variants", f);
    expect((await ziping("inspect", v("columns-reordered.xlsx"), "--json")).json().sheets[0]).toMatchObject({ kind: "task-breakdown", rubric: { id: "weishan-2023" } });
    const numbers = (await ziping("inspect", v("numbers-variants.xlsx"), "--json")).json().sheets[0];
    expect(numbers).toMatchObject({ kind: "scoring", rubric: { id: "sd-2023" }, indicators: { matched: 8, unmatchedRows: [] } });
    const two = (await ziping("inspect", v("two-sheets.xlsx"), "--json")).json().sheets;
    expect(two.map((s: { kind: string }) => s.kind)).toEqual(["unknown", "task-breakdown"]);
  });
  test("a workbook with nothing to score: exit 1, the reason in Chinese", async () => {
    const r = await ziping("inspect", join(SAMPLES, "variants", "not-a-rubric.xlsx"));
    expect(r.code).toBe(1);
    expect(r.err).toContain("未识别");
    expect(r.err).toContain("人员名单");
    expect((await ziping("inspect", join(SAMPLES, "variants", "empty.xlsx"))).code).toBe(1);
  });
  test("unreadable files and wrong arguments: exit 2, Chinese on stderr", async () => {
    const dir = tmp();
    writeFileSync(join(dir, "fake.xlsx"), "序号,工作内容\n1,建立\n");
    const fake = await ziping("inspect", join(dir, "fake.xlsx"));
    expect(fake.code).toBe(2);
    expect(fake.err).toMatch(/无法读取文件/);
    const missing = await ziping("inspect", join(dir, "none.xlsx"));
    expect([missing.code, missing.err.trim()]).toEqual([2, "找不到文件：" + join(dir, "none.xlsx")]);
    expect((await ziping("inspect")).code).toBe(2);
    expect((await ziping("inspect", WEISHAN, "--bogus")).err).toContain("参数有误");
    expect((await ziping("frobnicate")).code).toBe(2);
    expect((await ziping("inspect", WEISHAN, "--rubric", "no-such")).err).toContain("未知的评分细则");
  });
});

describe("fill and score", () => {
  test("fill writes OUT, never FILE; score reads the evidence sheet", async () => {
    const dir = tmp();
    const input = join(dir, "微山.xlsx");
    copyFileSync(WEISHAN, input);
    const before = readFileSync(input);
    const mtime = statSync(input).mtimeMs;
    const out = join(dir, "微山-自评.xlsx");
    const r = await ziping("fill", input, "-o", out, "--json");
    expect(r.code).toBe(0);
    expect(r.json()).toMatchObject({ sheet: "任务分解表", rubric: { id: "weishan-2023" }, total: 0, max: 100, kept: [] });
    expect(r.json().cells["1.1"]).toBe("G3");
    expect(readFileSync(input).equals(before)).toBe(true);
    expect(statSync(input).mtimeMs).toBe(mtime);
    const s = await ziping("score", out, "--json");
    expect(s.json()).toMatchObject({ sheet: "任务分解表", source: "evidence", rubric: { id: "weishan-2023" }, total: 0, max: 100, bonus: { score: 0, max: 0 } });
    expect(s.json().indicators[0]).toEqual({ id: "1.1", score: 0, max: 4, bonus: { score: 0, max: 0 }, cell: "G3" });
    expect(s.json().categories.map((c: { max: number }) => c.max)).toEqual([18, 11, 19, 14, 14, 14, 10]);
  });
  test("fill refuses to write over its input, or without -o", async () => {
    const dir = tmp();
    const input = join(dir, "a.xlsx");
    copyFileSync(WEISHAN, input);
    const same = await ziping("fill", input, "-o", input);
    expect([same.code, same.err]).toEqual([2, "输出文件就是输入文件：" + input + "。自评助手从不改写输入文件，请另选输出位置\n"]);
    expect((await ziping("fill", input)).code).toBe(2);
  });
  test("曹县's typed scores are kept and reported; --overwrite replaces them", async () => {
    const dir = tmp();
    const kept = await ziping("fill", CAOXIAN, "-o", join(dir, "kept.xlsx"), "--json");
    expect(kept.json().kept.map((k: { cell: string }) => k.cell)).toEqual(["G4", "G5", "G6", "G7", "G9", "G10", "G11", "G12", "G13", "G15"]);
    const over = await ziping("fill", CAOXIAN, "-o", join(dir, "over.xlsx"), "--overwrite", "--json");
    expect(over.json().kept).toEqual([]);
  });
  test("score of a never-filled workbook is the plain sum of its 自评得分 column, as the workbook sums it", async () => {
    const s = (await ziping("score", CAOXIAN, "--json")).json();
    expect(s.source).toBe("typed");
    expect(s.supported).toBeNull();
    // Typed in the sample (assets/samples/README.md): G4 4, G5 6, G6 3, G7 3 → category 1 = 16;
    // G9 "2分" is text, which SUM counts 0; G10 5 in a 4-point item is summed as it stands (and
    // reported as score.over-max) → category 2 = 5; G11 2.5, G12 3, G13 2, G15 1.5 → category 3 = 9.
    expect(s.categories.map((c: { score: number }) => c.score)).toEqual([16, 5, 9, 0, 0, 0, 0]);
    expect(s.total).toBe(30);
  });
});

describe("template and split", () => {
  test("template writes a live blank workbook that is recognized as its rubric", async () => {
    const dir = tmp();
    const out = join(dir, "t.xlsx");
    expect((await ziping("template", "--rubric", "huining-2020", "-o", out)).code).toBe(0);
    const s = (await ziping("score", out, "--json")).json();
    expect(s).toMatchObject({ rubric: { id: "huining-2020" }, source: "evidence", total: 0, max: 100, bonus: { score: 0, max: 10 } });
    expect((await ziping("template", "--rubric", "huining-2020", "-o", out)).err).toContain("文件已存在");
    expect((await ziping("template", "-o", join(dir, "x.xlsx"))).code).toBe(2);
    expect((await ziping("template", "--rubric", "jiangyong-2022", "-o", join(dir, "y.xlsx"))).err).toContain("只含目标");
  });
  test("split: one file per unit, named as written; a sheet without units is reported", async () => {
    const dir = tmp();
    const r = await ziping("split", WEISHAN, "--by", "unit", "-o", join(dir, "units"), "--json");
    expect(r.code).toBe(0);
    const units = r.json().units as Array<{ unit: string; rows: number; file: string }>;
    // 县民政局 leads or shares every one of the 31 rows of 微山's table.
    expect(units.find((u) => u.unit === "县民政局")!.rows).toBe(31);
    expect(units.find((u) => u.unit === "各乡镇（街道）")).toBeDefined();
    expect(existsSync(join(dir, "units", "各乡镇（街道）.xlsx"))).toBe(true);
    const inspect = (await ziping("inspect", join(dir, "units", "县财政局.xlsx"), "--json")).json();
    expect(inspect.sheets[0]).toMatchObject({ kind: "task-breakdown", indicators: { matched: units.find((u) => u.unit === "县财政局")!.rows } });
    const none = await ziping("split", CAOXIAN, "-o", join(dir, "x"));
    expect([none.code, none.err]).toEqual([1, "无法拆分：工作表“评分细则”没有牵头单位或责任单位列。\n"]);
  });
});
