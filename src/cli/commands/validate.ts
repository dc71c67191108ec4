import { countBySeverity, SEVERITY_NAMES, type Finding } from "../../check/findings";
import { validateRecognized } from "../../check/validate";
import { buildReportPlan } from "../../plan/report";
import { acceptedNotes } from "../../own/read";
import { scoreLines } from "../../check/scoreText";
import { EXIT, printJson, UsageError, type Output } from "../io";
import { nothingRecognized, recognizeLoaded } from "../recognizeFile";
import type { CommandArgs } from "../run";
import { usage } from "../commandTable";
import { checkOutput, loadWorkbook, savePlanned } from "../workbookFile";

const USAGE = usage("validate");

export function renderFindings(findings: readonly Finding[]): string {
  if (!findings.length) return "未发现问题。\n";
  return (
    findings
      .map(
        (f) =>
          (f.accepted ? "已说明" : SEVERITY_NAMES[f.severity]) +
          "  " +
          (f.sheet + (f.cell ? "!" + f.cell : "")).padEnd(12) +
          "  " +
          f.message +
          (f.accepted ? "（说明：" + f.accepted.note + "）" : "")
      )
      .join("\n") + "\n"
  );
}

export async function validateCommand(args: CommandArgs, output: Output): Promise<number> {
  const file = args.positionals[0];
  if (!file) throw new UsageError("请指定要校验的 .xlsx 文件。\n用法：" + USAGE);
  const report =
    args.values.report === undefined
      ? undefined
      : await checkOutput([file], args.values.report as string, USAGE, {
          force: args.values.force === true,
          replaceOurs: true,
        });
  const workbook = await loadWorkbook(file, (t) => output.err(t + "\n"));
  const { grids, sheets, primary } = recognizeLoaded(workbook, file, args.values);
  if (!primary) {
    if (args.values.json)
      printJson(output, { file, rubric: null, findings: [], score: null, error: "nothing-recognized" });
    output.err(nothingRecognized(file, sheets));
    return EXIT.findings;
  }
  const rubric = primary.match!.rubric;
  const validation = validateRecognized(grids, primary, { accepted: acceptedNotes(grids) });
  const { findings, score } = validation;
  if (report) {
    await savePlanned(workbook, buildReportPlan(grids, findings, validation, rubric), report);
  }
  const counts = countBySeverity(findings);
  if (args.values.json) {
    printJson(output, {
      file,
      rubric: { id: rubric.id, title: rubric.title, derived: rubric.derived !== undefined },
      findings,
      score: { total: score.total, max: score.max, bonus: score.bonus },
      supported: validation.supported
        ? { total: validation.supported.total, bonus: validation.supported.bonus, differences: validation.differences }
        : null,
    });
  } else {
    output.out(file + " › 工作表“" + primary.layout.sheet + "”，评分细则：" + rubric.title + "\n");
    output.out(renderFindings(findings));
    output.out("错误 " + counts.error + " 项，警告 " + counts.warning + " 项，提示 " + counts.info + " 项\n");
    for (const line of scoreLines(validation)) output.out(line + "\n");
    if (report) output.out("校验报告已写入：" + report + "（原文件未改动）\n");
  }
  return counts.error > 0 ? EXIT.findings : EXIT.ok;
}
