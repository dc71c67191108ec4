import { FIT_THRESHOLD } from "../../sheet/match";
import { columnLetters } from "../../sheet/recognize";
import type { SheetRecognition } from "../../sheet/workbook";
import { EXIT, printJson, UsageError, type Output } from "../io";
import { nothingRecognized, recognizeLoaded } from "../recognizeFile";
import type { CommandArgs } from "../run";
import { usage } from "../commandTable";
import { loadWorkbook } from "../workbookFile";

const KIND_NAMES = {
  "task-breakdown": "任务分解表",
  scoring: "评分细则",
  assessment: "考核表",
  unknown: "未识别",
} as const;

export function inspectJson(file: string, sheets: SheetRecognition[]) {
  return {
    file,
    sheets: sheets.map(({ layout, match, best }) => {
      const m = match ?? best;
      return {
        sheet: layout.sheet,
        kind: layout.kind,
        rubric: match
          ? { id: match.rubric.id, title: match.rubric.title, derived: match.rubric.derived !== undefined }
          : null,
        match: { score: m ? Math.round(Math.min(1, m.score) * 1000) / 1000 : 0, threshold: FIT_THRESHOLD },
        // A derived rubric: why no built-in fitted (the closest one's match and the threshold).
        ...(match?.rubric.derived && best && best !== match
          ? {
              builtin: {
                id: best.rubric.id,
                title: best.rubric.title,
                score: Math.round(Math.min(1, best.score) * 1000) / 1000,
                threshold: FIT_THRESHOLD,
              },
            }
          : {}),
        headerRow: layout.headerRow >= 0 ? layout.headerRow + 1 : null,
        columns: columnLetters(layout),
        indicators: {
          matched: match ? match.matches.length : 0,
          unmatchedRows: match ? match.unmatchedRows.map((r) => ({ row: r.row + 1, text: r.text })) : [],
          missing: match ? match.missing : [],
        },
      };
    }),
  };
}

export async function inspectCommand(args: CommandArgs, output: Output): Promise<number> {
  const file = args.positionals[0];
  if (!file) throw new UsageError("请指定要识别的 .xlsx 文件。\n用法：" + usage("inspect"));
  const workbook = await loadWorkbook(file, (t) => output.err(t + "\n"));
  // Inspecting shows how well a rubric fits; it never refuses one that does not.
  const { sheets, primary } = recognizeLoaded(workbook, file, { ...args.values, force: true });
  if (args.values.json) printJson(output, inspectJson(file, sheets));
  else {
    for (const { layout, match, best } of sheets) {
      output.out(
        "工作表“" +
          layout.sheet +
          "”：" +
          KIND_NAMES[layout.kind] +
          (layout.reason ? "（" + layout.reason + "）" : "") +
          "\n"
      );
      if (layout.kind === "unknown") continue;
      const cols = columnLetters(layout);
      output.out(
        "  表头在第 " +
          (layout.headerRow + 1) +
          " 行；列：" +
          Object.entries(cols)
            .map(([role, col]) => ROLE_NAMES[role] + "=" + col)
            .join("，") +
          "\n"
      );
      if (!match) {
        output.out("  未匹配到内置评分细则\n");
        continue;
      }
      if (match.rubric.derived && best && best !== match) {
        output.out(
          "  没有相符的内置评分细则（最接近：" +
            best.rubric.title +
            "，吻合度 " +
            Math.round(Math.min(1, best.score) * 100) +
            "%，低于 " +
            FIT_THRESHOLD * 100 +
            "%），已由本表的评分语句生成评分细则（待确认 " +
            match.rubric.derived.unparsed +
            " 项）\n"
        );
      }
      output.out(
        "  评分细则：" +
          match.rubric.title +
          "（" +
          match.rubric.id +
          "），吻合度 " +
          Math.round(Math.min(1, match.score) * 100) +
          "%，匹配 " +
          match.matches.length +
          " 项\n"
      );
      for (const r of match.unmatchedRows)
        output.out("  · 第 " + (r.row + 1) + " 行不是该细则的指标：" + r.text.slice(0, 40) + "\n");
      for (const m of match.missing) output.out("  · 表中缺少指标 " + m.id + "：" + m.text.slice(0, 40) + "\n");
      for (const d of match.pointsDiffer)
        output.out(
          "  · 第 " +
            (d.row.row + 1) +
            " 行分值 " +
            d.sheet +
            " 与细则 " +
            d.indicator.id +
            " 的 " +
            d.rubric +
            " 分不同\n"
        );
    }
  }
  if (!primary) {
    if (!args.values.json) output.err(nothingRecognized(file, sheets));
    return EXIT.findings;
  }
  return EXIT.ok;
}

const ROLE_NAMES: Record<string, string> = {
  number: "序号",
  category: "一级指标",
  indicator: "二级指标",
  points: "分值",
  rule: "评分标准",
  check: "检查办法",
  units: "责任单位",
  lead: "牵头单位",
  evidence: "材料",
  selfScore: "自评得分",
  requirement: "工作要求",
  goal: "工作目标",
  progress: "进展情况",
  note: "备注",
};
