/**
 * One number everywhere (issue 11): the self-score Ziping prints is what the workbook's own
 * 自评汇总 computes, in every command and whatever the file's saved results say; 按自评依据可得 is a
 * second, named figure beside it; a workbook scored from nothing is not ready; no internal id is
 * shown to a person.
 */
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as ExcelJS from "exceljs";
import { readWorkbook } from "../../src/adapters/xlsx/index";
import { SUMMARY_SHEET } from "../../src/own/sheets";
import { validateRecognized } from "../../src/check/validate";
import { builtinRubrics } from "../../src/rubric/builtin/index";
import { primarySheet, recognizeWorkbook } from "../../src/sheet/workbook";
import { weishanGrid } from "../sheet/grids";
import { withCorruptedCaches } from "../support/corrupt";
import { ziping } from "./run";

const SAMPLES = join(__dirname, "..", "..", "assets", "samples");
const CAOXIAN = join(SAMPLES, "曹县-评分细则.xlsx");
const tmp = () => mkdtempSync(join(tmpdir(), "ziping-one-"));

/** The 曹县 sample filled as `npm run sample` does (typed scores kept, the sample evidence entered). */
let sample: string;
beforeAll(async () => {
  const r = await ziping("sample", "--json");
  expect(r.code).toBe(0);
  sample = join(tmp(), "样例.xlsx");
  copyFileSync(r.json().file, sample);
});

/** The 合计 row of 自评汇总 (column D), as the workbook computes it. */
async function summaryTotal(file: string): Promise<unknown> {
  const grids = (await readWorkbook(readFileSync(file))).grids();
  const summary = grids.find((g) => g.sheet === SUMMARY_SHEET)!;
  const row = summary.values.findIndex((r) => r && r[1] === "合计");
  return summary.values[row][3];
}

test("the printed self-score is the workbook's 自评汇总 合计; 按自评依据可得 is named beside it", async () => {
  const s = (await ziping("score", sample, "--json")).json();
  expect(s.total).toBe(await summaryTotal(sample));
  expect(s.source).toBe("mixed");
  expect(s.supported.total).not.toBe(s.total);
  // The rows that differ are among the ten the county typed (assets/samples/README.md: G4–G7,
  // G9–G13, G15), each with its reason; every other row is Ziping's formula over the evidence.
  const typed = ["G4", "G5", "G6", "G7", "G9", "G10", "G11", "G12", "G13", "G15"];
  const differences = s.supported.differences as Array<{ cell: string; reason: string }>;
  expect(differences.length).toBeGreaterThan(0);
  for (const d of differences) expect(typed).toContain(d.cell);
  expect(differences.find((d) => d.cell === "G9")?.reason).toMatch(/不是数字/);
  const text = (await ziping("score", sample)).out;
  expect(text).toContain("自评得分 " + s.total + "/100 分");
  expect(text).toContain("按自评依据可得 " + s.supported.total + "/100 分");
});

test("saved results deliberately made wrong change nothing that score and validate report", async () => {
  const corrupted = join(tmp(), "坏缓存.xlsx");
  writeFileSync(corrupted, await withCorruptedCaches(readFileSync(sample)));
  // The corruption is real: the file says 999 where its 合计 stands.
  const saved = (await readWorkbook(readFileSync(corrupted))).savedGrids().find((g) => g.sheet === SUMMARY_SHEET)!;
  expect(saved.values.some((row) => row && row[3] === 999)).toBe(true);

  const [a, b] = [(await ziping("score", sample, "--json")).json(), (await ziping("score", corrupted, "--json")).json()];
  expect({ ...b, file: "" }).toEqual({ ...a, file: "" });
  const [v, w] = [(await ziping("validate", sample, "--json")).json(), (await ziping("validate", corrupted, "--json")).json()];
  expect(w.findings).toEqual(v.findings);
  expect(w.score).toEqual(v.score);
});

test("fill, then score: the total fill prints is the one score and the workbook give", async () => {
  const out = join(tmp(), "曹县-自评.xlsx");
  const f = await ziping("fill", CAOXIAN, "-o", out, "--json");
  const s = (await ziping("score", out, "--json")).json();
  // Nothing entered yet: the ten typed scores as the workbook sums them (16 + 5 + 9 = 30, see cli.test.ts).
  expect([f.json().total, s.total, await summaryTotal(out)]).toEqual([30, 30, 30]);
  // The CLI names the option that replaces kept scores.
  expect((await ziping("fill", CAOXIAN, "-o", join(tmp(), "x.xlsx"))).out).toContain("--overwrite");
});

test("a task row with 责任单位 but no 牵头单位 is unit.missing: every task needs a lead", () => {
  const grid = weishanGrid();
  // 微山's 责任单位 cells (column F) read "牵头单位：…\n责任单位：…"; row 5 (一-3) loses its lead.
  const row = grid.values.findIndex((r, i) => i > 1 && typeof r[5] === "string" && /牵头单位/.test(r[5] as string));
  grid.values[row][5] = "责任单位：县财政局";
  const recognition = primarySheet(recognizeWorkbook([grid], builtinRubrics))!;
  const findings = validateRecognized([grid], recognition).findings.filter((f) => f.code === "unit.missing");
  expect(findings.map((f) => f.cell)).toEqual(["F" + (row + 1)]);
});

test("--rubric that does not fit the sheet is refused (exit 1, in Chinese) unless --force", async () => {
  const refused = await ziping("score", CAOXIAN, "--rubric", "huining-2020");
  expect(refused.code).toBe(1);
  expect(refused.err).toMatch(/与评分细则“.*”不相符.*--force/);
  const forced = await ziping("score", CAOXIAN, "--rubric", "huining-2020", "--force", "--json");
  expect(forced.code).toBe(0);
  expect(forced.json().rubric.id).toBe("huining-2020");
  // inspect only looks: it shows the misfit instead of refusing.
  expect((await ziping("inspect", CAOXIAN, "--rubric", "huining-2020")).code).not.toBe(2);
});

test("what a person reads carries no internal id: metric ids, codes and rubric ids stay hidden", async () => {
  const englishId = /\b[a-z]+(?:-[a-z0-9]+)+\b/;
  const text = (await ziping("score", sample)).out.split(sample).join("FILE");
  expect(text).not.toMatch(englishId);
  expect(text).toContain("方案目标：到2023年底，建成家庭养老床位600张");
  const dir = tmp();
  const report = join(dir, "报告.xlsx");
  const validated = await ziping("validate", sample, "--report", report);
  expect(validated.out.split(sample).join("FILE")).not.toMatch(/\b(score|evidence|rubric|threshold|unit|formula|total)\.[a-z-]+\b/);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(report);
  // 指标数据 and 自评依据 keep their ids in column A, hidden; 校验报告 its keys in column I, hidden.
  expect(wb.getWorksheet("指标数据")!.getColumn(1).hidden).toBe(true);
  expect(wb.getWorksheet("自评依据")!.getColumn(1).hidden).toBe(true);
  const sheet = wb.getWorksheet("校验报告")!;
  expect(sheet.getColumn(9).hidden).toBe(true);
  sheet.eachRow((row) => {
    for (let c = 1; c <= 8; c++) expect(String(row.getCell(c).value ?? "")).not.toMatch(/\b[a-z]+\.[a-z-]+\b/);
  });
  const batch = await ziping("batch", sample);
  expect(batch.out.split(sample).join("FILE")).not.toMatch(/sd-2023|derived:/);
  expect(batch.out).toContain("县域养老服务体系建设指标与评分细则（2023年修订版）");
});
