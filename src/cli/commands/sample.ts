/**
 * The main job on a bundled sample: fill 曹县's 评分细则 (assets/samples), enter a sample county's
 * evidence into 自评依据 and 指标数据 as a person would, write the live workbook, read it back and
 * score it. `ziping sample` is what the README's first command runs.
 */
import { mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { buildFillPlan } from "../../plan/fill";
import { evidenceEntryPlan } from "../../plan/evidenceEntry";
import { evidenceFileSchema, toEvidence } from "../../rubric/evidenceFile";
import { EXIT, printJson, UsageError, type Output } from "../io";
import { recognizeLoaded } from "../recognizeFile";
import { renderScore } from "../render";
import type { CommandArgs } from "../run";
import { scoreJson } from "../scoreJson";
import { loadWorkbook, savePlanned } from "../workbookFile";
import { scoreCellsOf, scoreWorkbook } from "../../check/workbookScore";

const ROOT = join(__dirname, "..", "..", "..");
export const SAMPLE_WORKBOOK = join(ROOT, "assets", "samples", "曹县-评分细则.xlsx");
export const SAMPLE_EVIDENCE = join(ROOT, "assets", "samples", "曹县-自评依据样例.json");
export const SAMPLE_OUTPUT = join(ROOT, "out", "曹县-评分细则-自评样例.xlsx");

export async function sampleCommand(args: CommandArgs, output: Output): Promise<number> {
  const parsed = evidenceFileSchema.safeParse(JSON.parse(readFileSync(SAMPLE_EVIDENCE, "utf8")));
  if (!parsed.success) throw new UsageError("样例自评依据格式有误：" + parsed.error.message);

  const workbook = await loadWorkbook(SAMPLE_WORKBOOK);
  const { grids, primary } = recognizeLoaded(workbook, SAMPLE_WORKBOOK, { rubric: parsed.data.rubric });
  if (!primary) throw new UsageError("样例工作簿未能识别：" + SAMPLE_WORKBOOK);
  const fill = buildFillPlan(grids, primary.layout, primary.match!);
  const entry = evidenceEntryPlan(primary.match!.rubric, toEvidence(parsed.data));
  mkdirSync(join(ROOT, "out"), { recursive: true });
  await savePlanned(workbook, { ops: fill.plan.ops.concat(entry.ops), summary: [], kept: [] }, SAMPLE_OUTPUT);

  // Read what was written, as any user of the file would.
  const written = await loadWorkbook(SAMPLE_OUTPUT);
  const again = recognizeLoaded(written, SAMPLE_OUTPUT);
  const scored = scoreWorkbook(again.grids, again.primary!);
  const rubric = again.primary!.match!.rubric;
  if (args.values.json) {
    printJson(output, {
      file: SAMPLE_OUTPUT,
      sheet: again.primary!.layout.sheet,
      ...scoreJson(scored, rubric, scoreCellsOf(again.primary!)),
    });
    return EXIT.ok;
  }
  output.out("样例：" + SAMPLE_WORKBOOK + "\n");
  for (const line of fill.plan.summary.concat(entry.summary)) output.out("  · " + line + "\n");
  if (fill.plan.kept.length)
    output.out(
      "  · 表中已填写的 " +
        fill.plan.kept.length +
        " 个自评得分保留未改（" +
        fill.plan.kept.map((k) => k.cell).join("、") +
        "）\n"
    );
  output.out("已写出：" + SAMPLE_OUTPUT + "\n\n");
  output.out(renderScore(scored, rubric, { details: args.values.details === true }));
  return EXIT.ok;
}
