import { scoreLines } from "../../check/scoreText";
import { scoreWorkbook } from "../../check/workbookScore";
import { buildFillPlan } from "../../plan/fill";
import { EXIT, printJson, UsageError, type Output } from "../io";
import { nothingRecognized, recognizeLoaded, recognizeWritten } from "../recognizeFile";
import type { CommandArgs } from "../run";
import { usage } from "../commandTable";
import { checkOutput, loadWorkbook, savePlanned } from "../workbookFile";

const USAGE = usage("fill");

export async function fillCommand(args: CommandArgs, output: Output): Promise<number> {
  const file = args.positionals[0];
  if (!file) throw new UsageError("请指定要填充的 .xlsx 文件。\n用法：" + USAGE);
  const out = await checkOutput([file], args.values.output as string | undefined, USAGE, {
    force: args.values.force === true,
    replaceOurs: true,
  });
  const workbook = await loadWorkbook(file, (t) => output.err(t + "\n"));
  const { grids, sheets, primary } = recognizeLoaded(workbook, file, args.values);
  if (!primary) {
    output.err(nothingRecognized(file, sheets));
    return EXIT.findings;
  }
  const rubric = primary.match!.rubric;
  const { plan, scoreCells } = buildFillPlan(grids, primary.layout, primary.match!, {
    overwrite: args.values.overwrite === true,
  });
  await savePlanned(workbook, plan, out);
  // The score of the workbook as written: what its 自评得分 column and 自评汇总 show.
  const written = recognizeWritten(workbook, out, rubric);
  const scored = scoreWorkbook(written.grids, written.primary!);
  if (args.values.json) {
    printJson(output, {
      file,
      output: out,
      sheet: primary.layout.sheet,
      rubric: { id: rubric.id, title: rubric.title, derived: rubric.derived !== undefined },
      changes: plan.summary,
      kept: plan.kept,
      cells: Object.fromEntries(scoreCells),
      total: scored.score.total,
      max: scored.score.max,
      bonus: scored.score.bonus,
      supported: scored.supported ? { total: scored.supported.total, bonus: scored.supported.bonus } : null,
    });
  } else {
    output.out("已写出：" + out + "（原文件未改动）\n评分细则：" + rubric.title + "\n");
    for (const line of plan.summary) output.out("  · " + line + "\n");
    for (const k of plan.kept) output.out("  ! " + k.sheet + "!" + k.cell + " " + k.reason + "\n");
    if (plan.kept.length && args.values.overwrite !== true)
      output.out("  如需把这些单元格改为按自评依据计算的公式，请加 --overwrite 重新运行\n");
    for (const line of scoreLines(scored)) output.out(line + "\n");
  }
  return EXIT.ok;
}
