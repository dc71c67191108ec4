/**
 * One number everywhere: every file a command writes carries, in every formula cell, the result a
 * spreadsheet engine computes for the workbook as written. Each file is recalculated by LibreOffice
 * (forced: docs/FACTS.md) and by Gnumeric, and every formula cell's saved result is compared with both.
 * WPS and LibreOffice with default settings show saved results, so this is what the city sees.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readWorkbook } from "../../src/adapters/xlsx/index";
import { SAMPLE_OUTPUT } from "../../src/cli/commands/sample";
import { SUMMARY_SHEET } from "../../src/own/sheets";
import { ziping } from "../cli/run";
import { hasEngines, staleResults } from "../support/engines";
import { recalculate, removeRecalculated } from "../support/libreoffice";

const SAMPLES = join(__dirname, "..", "..", "assets", "samples");
const describeEngines = hasEngines() ? describe : describe.skip;
jest.setTimeout(600_000);

describeEngines("every formula's saved result is what LibreOffice and Gnumeric compute", () => {
  const dir = mkdtempSync(join(tmpdir(), "ziping-cache-"));
  const files: string[] = [];
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  beforeAll(async () => {
    const run = async (...argv: string[]) => {
      const r = await ziping(...argv);
      if (r.code === 2) throw new Error(argv.join(" ") + ": " + r.err);
    };
    await run("sample");
    files.push(SAMPLE_OUTPUT);
    for (const sample of ["微山县-任务分解表", "曹县-评分细则", "会宁县-考核表"]) {
      const filled = join(dir, sample + "-filled.xlsx");
      await run("fill", join(SAMPLES, sample + ".xlsx"), "-o", filled);
      const refilled = join(dir, sample + "-refilled.xlsx");
      await run("fill", filled, "-o", refilled);
      files.push(filled, refilled);
    }
    for (const rubric of ["sd-2023", "weishan-2023", "huining-2020"]) {
      const out = join(dir, "template-" + rubric + ".xlsx");
      await run("template", "--rubric", rubric, "-o", out);
      files.push(out);
    }
    const report = join(dir, "report.xlsx");
    await run("validate", SAMPLE_OUTPUT, "--report", report);
    files.push(report);
    const split = join(dir, "split");
    mkdirSync(split);
    await run("split", join(dir, "微山县-任务分解表-filled.xlsx"), "--by", "unit", "-o", split);
    for (const name of readdirSync(split).slice(0, 4)) files.push(join(split, name));
    const summary = join(dir, "summary.xlsx");
    await run("batch", join(dir, "曹县-评分细则-filled.xlsx"), join(dir, "会宁县-考核表-filled.xlsx"), SAMPLE_OUTPUT, "-o", summary);
    files.push(summary);
  });

  test("no differences in any written file", async () => {
    const report: string[] = [];
    const differences: string[] = [];
    for (const file of files) {
      const r = await staleResults(file);
      report.push(file.replace(dir, "…") + ": " + r.formulas + " formula cells, " + r.differences.length + " differences");
      differences.push(...r.differences.map((d) => file.replace(dir, "…") + " " + d));
    }
    console.log(report.join("\n"));
    expect(differences).toEqual([]);
  });

  test("npm run sample's printed total is the workbook's own 合计, recalculated", async () => {
    const r = await ziping("sample", "--json");
    const printed = r.json<{ total: number; bonus: { score: number } }>().total;
    const recalculated = await recalculate(SAMPLE_OUTPUT);
    try {
      const summary = (await readWorkbook(readFileSync(recalculated))).savedGrids().find((g) => g.sheet === SUMMARY_SHEET)!;
      const totalRow = summary.values.findIndex((row) => row && row[1] === "合计");
      expect(summary.values[totalRow][3]).toBe(printed);
      console.log("sample: printed " + printed + ", recalculated 合计 " + String(summary.values[totalRow][3]));
    } finally {
      removeRecalculated(recalculated);
    }
  });
});
