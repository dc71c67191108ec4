import { buildFillPlan } from "../../plan/fill";
import { formatPoints } from "../../rubric/text";
import { EXIT, printJson, UsageError, type Output } from "../io";
import { nothingRecognized, recognizeLoaded } from "../recognizeFile";
import type { CommandArgs } from "../run";
import { checkOutput, loadWorkbook, savePlanned, warnLossyParts } from "../workbookFile";

const USAGE = "ziping fill FILE -o OUT [--rubric ID] [--overwrite] [--json]";

export async function fillCommand(args: CommandArgs, output: Output): Promise<number> {
  const file = args.positionals[0];
  if (!file) throw new UsageError("请指定要填充的 .xlsx 文件。\n用法：" + USAGE);
  const out = checkOutput(file, args.values.output as string | undefined, USAGE);
  const workbook = await loadWorkbook(file);
  const { grids, sheets, primary } = recognizeLoaded(workbook, file, args.values);
  if (!primary) {
    output.err(nothingRecognized(file, sheets));
    return EXIT.findings;
  }
  const { plan, score, scoreCells } = buildFillPlan(grids, primary.layout, primary.match!, {
    overwrite: args.values.overwrite === true,
  });
  warnLossyParts(workbook, output);
  await savePlanned(workbook, plan, out);
  if (args.values.json) {
    printJson(output, {
      file,
      output: out,
      sheet: primary.layout.sheet,
      rubric: { id: score.rubric.id, title: score.rubric.title, derived: primary.match!.rubric.derived !== undefined },
      changes: plan.summary,
      kept: plan.kept,
      cells: Object.fromEntries(scoreCells),
      total: score.total,
      max: score.max,
      bonus: score.bonus,
    });
  } else {
    output.out("已写出：" + out + "（原文件未改动）\n评分细则：" + score.rubric.title + "\n");
    for (const line of plan.summary) output.out("  · " + line + "\n");
    for (const k of plan.kept) output.out("  ! " + k.sheet + "!" + k.cell + " " + k.reason + "\n");
    output.out("当前按自评依据计算：" + formatPoints(score.total) + "/" + formatPoints(score.max) + " 分\n");
  }
  return EXIT.ok;
}
