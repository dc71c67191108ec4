import { newWorkbook } from "../../adapters/xlsx/index";
import { buildTemplatePlan } from "../../plan/template";
import { EXIT, printJson, UsageError, type Output } from "../io";
import { rubricFile, rubricOption } from "../recognizeFile";
import type { CommandArgs } from "../run";
import { usage } from "../commandTable";
import { checkOutput, savePlanned } from "../workbookFile";

const USAGE = usage("template");

export async function templateCommand(args: CommandArgs, output: Output): Promise<number> {
  const rubric = rubricFile(args.values["rubric-file"]) ?? rubricOption(args.values.rubric);
  if (!rubric) throw new UsageError("请用 --rubric 指定评分细则（可用 ziping rubrics 查看）。\n用法：" + USAGE);
  const out = await checkOutput([], args.values.output as string | undefined, USAGE, {
    force: args.values.force === true,
  });
  const plan = buildTemplatePlan(rubric);
  await savePlanned(newWorkbook(), plan, out);
  if (args.values.json)
    printJson(output, {
      rubric: { id: rubric.id, title: rubric.title, derived: false },
      output: out,
      changes: plan.summary,
    });
  else {
    output.out("已写出空白自评工作簿：" + out + "\n");
    for (const line of plan.summary) output.out("  · " + line + "\n");
  }
  return EXIT.ok;
}
