import { scoreCellsOf, scoreWorkbook } from "../../check/workbookScore";
import { EXIT, printJson, UsageError, type Output } from "../io";
import { nothingRecognized, recognizeLoaded } from "../recognizeFile";
import { renderScore } from "../render";
import type { CommandArgs } from "../run";
import { usage } from "../commandTable";
import { scoreJson } from "../scoreJson";
import { loadWorkbook } from "../workbookFile";

export async function scoreCommand(args: CommandArgs, output: Output): Promise<number> {
  const file = args.positionals[0];
  if (!file) throw new UsageError("请指定要计分的 .xlsx 文件。\n用法：" + usage("score"));
  const workbook = await loadWorkbook(file, (t) => output.err(t + "\n"));
  const { grids, sheets, primary } = recognizeLoaded(workbook, file, args.values);
  if (!primary) {
    if (args.values.json) printJson(output, { file, error: "nothing-recognized" });
    output.err(nothingRecognized(file, sheets));
    return EXIT.findings;
  }
  const scored = scoreWorkbook(grids, primary);
  const rubric = primary.match!.rubric;
  if (args.values.json) {
    printJson(output, { file, sheet: primary.layout.sheet, ...scoreJson(scored, rubric, scoreCellsOf(primary)) });
  } else {
    output.out(file + " › 工作表“" + primary.layout.sheet + "”\n");
    output.out(renderScore(scored, rubric, { details: args.values.details === true }));
  }
  return EXIT.ok;
}
