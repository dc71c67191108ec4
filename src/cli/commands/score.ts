import { parseNumber } from "../../rubric/figures";
import { scoreRubric, type RubricScore } from "../../rubric/engine";
import { evidenceFromWorkbook, hasEvidenceSheet } from "../../plan/evidenceSheet";
import type { SheetMatch } from "../../sheet/match";
import { a1 } from "../../sheet/grid";
import type { SheetRecognition } from "../../sheet/workbook";
import { EXIT, printJson, UsageError, type Output } from "../io";
import { nothingRecognized, recognizeLoaded } from "../recognizeFile";
import { renderScore } from "../render";
import type { CommandArgs } from "../run";
import { scoreJson } from "../scoreJson";
import { loadWorkbook } from "../workbookFile";
import type { Grid } from "../../sheet/grid";

/** The 自评得分 cell of each matched indicator. */
export function scoreCellsOf(recognition: SheetRecognition): Map<string, string> {
  const cells = new Map<string, string>();
  const col = recognition.layout.columns.selfScore;
  if (col === undefined || !recognition.match) return cells;
  for (const m of recognition.match.matches) cells.set(m.indicator.id, a1(m.row.row, col));
  return cells;
}

/**
 * A score from the typed 自评得分 column alone (a workbook never filled by Ziping): each
 * indicator as typed (text like "2分" read as 2), clamped to its points, categories summed.
 */
export function scoreFromTyped(match: SheetMatch): RubricScore {
  const typed = new Map<string, number>();
  for (const m of match.matches) {
    const v = parseNumber(m.row.selfScore).value;
    if (v !== null) typed.set(m.indicator.id, v);
  }
  const base = scoreRubric(match.rubric, {});
  for (const category of base.categories) {
    for (const indicator of category.indicators) {
      const v = typed.get(indicator.id) ?? 0;
      const bonusOnly = indicator.max === 0 && indicator.bonus.max > 0;
      if (bonusOnly) indicator.bonus.score = Math.max(0, Math.min(indicator.bonus.max, v));
      else indicator.score = Math.max(0, Math.min(indicator.max, v));
      indicator.raw = v;
      indicator.explain = typed.has(indicator.id) ? "自评得分（表中填写）" + v + " 分" : "自评得分未填写";
    }
    category.score = category.indicators.reduce((s, i) => s + i.score, 0);
    category.bonus.score = category.indicators.reduce((s, i) => s + i.bonus.score, 0);
  }
  base.total = base.categories.reduce((s, c) => s + c.score, 0);
  base.bonus.score = base.categories.reduce((s, c) => s + c.bonus.score, 0);
  base.thresholds = [];
  return base;
}

export function scoreWorkbook(
  grids: Grid[],
  recognition: SheetRecognition
): { score: RubricScore; source: "evidence" | "typed" } {
  const match = recognition.match!;
  if (hasEvidenceSheet(grids))
    return { score: scoreRubric(match.rubric, evidenceFromWorkbook(grids, match.rubric)), source: "evidence" };
  return { score: scoreFromTyped(match), source: "typed" };
}

export async function scoreCommand(args: CommandArgs, output: Output): Promise<number> {
  const file = args.positionals[0];
  if (!file) throw new UsageError("请指定要计分的 .xlsx 文件。\n用法：ziping score FILE [--json] [--rubric ID]");
  const workbook = await loadWorkbook(file);
  const { grids, sheets, primary } = recognizeLoaded(workbook, args.values.rubric);
  if (!primary) {
    if (args.values.json) printJson(output, { file, error: "nothing-recognized" });
    output.err(nothingRecognized(file, sheets));
    return EXIT.findings;
  }
  const { score, source } = scoreWorkbook(grids, primary);
  const rubric = primary.match!.rubric;
  if (args.values.json) {
    printJson(output, {
      file,
      sheet: primary.layout.sheet,
      source,
      ...scoreJson(score, rubric, scoreCellsOf(primary)),
    });
  } else {
    output.out(
      file +
        " › 工作表“" +
        primary.layout.sheet +
        "”（" +
        (source === "evidence" ? "按自评依据计算" : "按表中填写的自评得分汇总") +
        "）\n"
    );
    output.out(renderScore(score, { details: args.values.details === true }));
  }
  return EXIT.ok;
}
