/**
 * `ziping validate` and `ziping batch` on the bundled samples: JSON shapes and exit codes as
 * CONTRACTS.md sets them, the 校验报告 sheet with links to the cells, and the ranking.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as ExcelJS from "exceljs";
import JSZip from "jszip";
import { ziping } from "./run";
import { applyPlan, readWorkbook, writeWorkbook } from "../../src/adapters/xlsx/index";
import { evidenceEntryPlan } from "../../src/plan/evidenceEntry";
import { evidenceRows, takesInput } from "../../src/own/rows";
import { builtinRubrics } from "../../src/rubric/builtin/index";

/** The XML of a sheet of an .xlsx file, found through workbook.xml and its relationships. */
async function sheetXml(file: string, sheet: string): Promise<string> {
  const zip = await JSZip.loadAsync(readFileSync(file));
  const workbook = await zip.file("xl/workbook.xml")!.async("string");
  const id = new RegExp('<sheet [^>]*name="' + sheet + '"[^>]*r:id="([^"]+)"').exec(workbook)![1];
  const rels = await zip.file("xl/_rels/workbook.xml.rels")!.async("string");
  const target = new RegExp('Id="' + id + '"[^>]*Target="([^"]+)"|Target="([^"]+)"[^>]*Id="' + id + '"').exec(rels)!;
  return zip.file("xl/" + (target[1] ?? target[2]))!.async("string");
}

/** A valid answer of each kind of criterion. */
function inputFor(kind: string, itemId?: string): unknown {
  if (kind === "flag" || kind === "gate") return kind === "gate" ? "否" : "是";
  if (kind === "judged") return 1;
  if (kind === "perItem") return itemId ? { [itemId]: 1 } : 1;
  return 1;
}

const SAMPLES = join(__dirname, "..", "..", "assets", "samples");
const CAOXIAN = join(SAMPLES, "曹县-评分细则.xlsx");
const HUINING = join(SAMPLES, "会宁县-考核表.xlsx");
const tmp = () => mkdtempSync(join(tmpdir(), "ziping-validate-"));

describe("validate", () => {
  test("曹县's sample: the deliberate mistakes and the blanks, as errors; exit 1", async () => {
    const r = await ziping("validate", CAOXIAN, "--json");
    expect(r.code).toBe(1);
    const { rubric, findings, score } = r.json();
    expect(rubric).toEqual({ id: "sd-2023", title: "县域养老服务体系建设指标与评分细则（2023年修订版）", derived: false });
    // assets/samples/README.md: G9 holds "2分", G10 holds 5 in the 4-point 2.3; 21 rows are blank.
    const pick = (code: string) => findings.filter((f: { code: string }) => f.code === code).map((f: { cell: string }) => f.cell);
    expect(pick("score.unit-text")).toEqual(["G9"]);
    expect(pick("score.over-max")).toEqual(["G10"]);
    expect(pick("score.blank")).toHaveLength(21);
    expect(findings[0]).toEqual(expect.objectContaining({ severity: "error", sheet: "评分细则", params: expect.any(Object), message: expect.stringMatching(/[\u4e00-\u9fff]/) }));
    // The typed scores as the workbook sums them: 16 + 5 + 9 (see tests/cli/cli.test.ts)
    expect(score).toEqual({ total: 30, max: 100, bonus: { score: 0, max: 0 } });
  });

  test("a blank template is not ready to send: one score.no-evidence error per indicator, exit 1", async () => {
    const dir = tmp();
    const blank = join(dir, "会宁.xlsx");
    await ziping("template", "--rubric", "huining-2020", "-o", blank);
    const r = await ziping("validate", blank, "--json");
    expect(r.code).toBe(1);
    const findings = r.json().findings as Array<{ code: string; indicator: string }>;
    // 会宁's table: ten items and the bonus item (src/rubric/builtin/huining-2020.json), none answered.
    expect(findings.filter((f) => f.code === "score.no-evidence").map((f) => f.indicator)).toEqual([
      "1.1", "1.2", "1.3", "1.4", "1.5", "1.6", "1.7", "1.8", "1.9", "1.10", "bonus.1",
    ]);
  });

  test("a workbook with evidence for every item and warnings only exits 0; the terminal table is Chinese", async () => {
    const dir = tmp();
    const filled = join(dir, "会宁.xlsx");
    await ziping("template", "--rubric", "huining-2020", "-o", filled);
    const workbook = await readWorkbook(readFileSync(filled));
    const rubric = builtinRubrics.find((x) => x.id === "huining-2020")!;
    // One answer for every criterion that takes one (是 / a count / a mark), the metrics left blank.
    const values: Record<string, unknown> = {};
    for (const row of evidenceRows(rubric))
      if (takesInput(row.criterion)) values[row.criterionId] = inputFor(row.criterion.kind, row.itemId);
    applyPlan(workbook, evidenceEntryPlan(rubric, { values }));
    writeFileSync(filled, await writeWorkbook(workbook));
    const r = await ziping("validate", filled);
    // No errors; the rubric's own notes (item 3's parts, item 7's uncapped surplus) stay warnings.
    expect(r.code).toBe(0);
    expect(r.out).toContain("警告");
    expect(r.out).toContain("各项要求合计 8 分，超过本项 5 分");
    expect(r.out).toMatch(/错误 0 项，警告 \d+ 项/);
  });

  test("--report writes a copy with a 校验报告 sheet linking each cell, and marks the cells", async () => {
    const dir = tmp();
    const input = join(dir, "曹县.xlsx");
    copyFileSync(CAOXIAN, input);
    const before = readFileSync(input);
    const report = join(dir, "曹县-校验.xlsx");
    const r = await ziping("validate", input, "--report", report);
    expect(r.code).toBe(1);
    expect(readFileSync(input).equals(before)).toBe(true);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(report);
    const sheet = wb.getWorksheet("校验报告")!;
    expect(sheet.getRow(1).values).toEqual([undefined, "序号", "级别", "问题", "工作表", "单元格", "指标", "说明", "情况说明", "键"]);
    // The finding's key (code|sheet|cell|indicator) is kept in the hidden column I.
    expect(sheet.getColumn(9).hidden).toBe(true);
    const overMax = sheet.getRows(2, sheet.rowCount - 1)!.find((row) => String(row.getCell(9).value).startsWith("score.over-max|"))!;
    expect(overMax.getCell(3).value).toBe("自评得分超过分值");
    expect(overMax.getCell(6).value).toMatch(/^2\.3 /);
    expect(overMax.getCell(5).value).toBe("G10");
    // The cell is a link to the finding's cell (an internal hyperlink: its location, no relationship).
    const reportXml = await sheetXml(report, "校验报告");
    expect(reportXml).toContain('<hyperlink ref="E' + overMax.number + '" location="\'评分细则\'!G10" display="G10"/>');
    expect(overMax.getCell(7).value).toBe("G10 自评得分 5 超过本项分值 4");
    const marked = wb.getWorksheet("评分细则")!.getCell("G10");
    expect(marked.value).toBe(5);
    expect((marked.fill as ExcelJS.FillPattern).fgColor?.argb).toBe("FFF8CBAD");
  });

  test("exit 2 for an unreadable file; exit 1 and a reason when nothing is recognized", async () => {
    const dir = tmp();
    writeFileSync(join(dir, "x.xlsx"), "not a workbook");
    expect((await ziping("validate", join(dir, "x.xlsx"))).code).toBe(2);
    const unknown = await ziping("validate", join(SAMPLES, "variants", "not-a-rubric.xlsx"), "--json");
    expect(unknown.code).toBe(1);
    expect(unknown.json()).toMatchObject({ rubric: null, findings: [] });
    expect((await ziping("validate", CAOXIAN, "--report", CAOXIAN)).code).toBe(2);
  });
});

describe("batch", () => {
  test("ranks by total within each rubric; an unreadable file has its row and no rank; exit 1", async () => {
    const dir = tmp();
    const counties = join(dir, "各县");
    mkdirSync(counties);
    // Two 曹县-style counties (the sample as typed: 30, see tests/cli/cli.test.ts; a blank template: 0) and 会宁's sample.
    copyFileSync(CAOXIAN, join(counties, "甲县.xlsx"));
    await ziping("template", "--rubric", "sd-2023", "-o", join(counties, "乙县.xlsx"));
    copyFileSync(HUINING, join(counties, "丙县.xlsx"));
    writeFileSync(join(counties, "丁县.xlsx"), "损坏的文件");
    writeFileSync(join(counties, "~$甲县.xlsx"), "Excel's lock file: skipped");
    const summary = join(dir, "汇总.xlsx");
    const r = await ziping("batch", counties, "--json", "-o", summary);
    expect(r.code).toBe(1);
    const rows = r.json().rows as Array<{ file: string; rubric: { id: string } | null; total: number | null; rank: number | null; error?: string }>;
    const view = rows.map((row) => [row.file.split("/").pop(), row.rubric?.id ?? null, row.total, row.rank]);
    // Rubrics in order of their first file (丙 sorts before 甲 by code point), ranks within each.
    expect(view).toEqual([
      ["丙县.xlsx", "huining-2020", 0, 1],
      ["甲县.xlsx", "sd-2023", 30, 1],
      ["乙县.xlsx", "sd-2023", 0, 2],
      ["丁县.xlsx", null, null, null],
    ]);
    expect(rows[3].error).toMatch(/无法读取文件/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(summary);
    const sheet = wb.getWorksheet("汇总")!;
    // 排名, 文件, 评分细则, 自评得分, 满分, 加分 (none), 按自评依据可得 (no 自评依据), 错误, 警告, 未达标
    expect(sheet.getRow(3).values).toEqual([undefined, 1, "甲县.xlsx", "县域养老服务体系建设指标与评分细则（2023年修订版）", 30, 100, undefined, undefined, 22, 1, 0]);
  });

  test("wrong arguments: exit 2", async () => {
    expect((await ziping("batch")).code).toBe(2);
    expect((await ziping("batch", tmp())).err).toContain("没有找到工作簿");
  });
});
