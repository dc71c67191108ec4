/**
 * The words every place uses for a workbook's score (CLI, both panes, 校验报告, batch): the
 * self-score, the second figure 按自评依据可得 beside it, the rows where they differ, and where an
 * unmet threshold comes from — in the rubric's terms, never an internal id alone.
 */
import type { ThresholdStatus } from "../rubric/engine";
import type { Rubric } from "../rubric/schema";
import { formatPoints } from "../rubric/text";
import { SUPPORTED_LABEL, type ScoreDifference, type WorkbookScore } from "./workbookScore";

function points(score: number, max: number): string {
  return formatPoints(score) + "/" + formatPoints(max) + " 分";
}

/** "自评得分 67/100 分，加分 3/10 分". */
export function selfScoreText(ws: WorkbookScore): string {
  const s = ws.score;
  return "自评得分 " + points(s.total, s.max) + (s.bonus.max > 0 ? "，加分 " + points(s.bonus.score, s.bonus.max) : "");
}

/** Where the self-score comes from, in one line. */
export function sourceText(ws: WorkbookScore): string {
  if (ws.source === "typed") return "按“自评得分”列中填写的分数合计";
  if (ws.source === "mixed") return "按“自评得分”列合计：有的按自评依据计算，有的是表中填写的分数";
  return "按“自评得分”列合计，各项按“自评依据”“指标数据”计算";
}

/** "按自评依据可得 70/100 分" — undefined when the workbook has no 自评依据. */
export function supportedText(ws: WorkbookScore): string | undefined {
  const s = ws.supported;
  if (!s) return undefined;
  return (
    SUPPORTED_LABEL +
    " " +
    points(s.total, s.max) +
    (s.bonus.max > 0 ? "，加分 " + points(s.bonus.score, s.bonus.max) : "")
  );
}

function shortName(text: string): string {
  return text.length > 20 ? text.slice(0, 20) + "…" : text;
}

/** "3.2 养老服务…（G9）：自评得分 5 分，按自评依据可得 2 分——自评得分是表中填写的…" */
export function differenceText(d: ScoreDifference): string {
  return (
    d.indicator +
    " " +
    shortName(d.text) +
    (d.cell ? "（" + d.cell + "）" : "") +
    "：自评得分 " +
    formatPoints(d.declared) +
    " 分，" +
    SUPPORTED_LABEL +
    " " +
    formatPoints(d.supported) +
    " 分——" +
    d.reason
  );
}

/** The lines that say the score: self-score and source, the second figure, and each difference. */
export function scoreLines(ws: WorkbookScore): string[] {
  const lines = [selfScoreText(ws) + "（" + sourceText(ws) + "）"];
  const supported = supportedText(ws);
  if (supported) {
    lines.push(
      supported + (ws.differences.length ? "；" + ws.differences.length + " 项与自评得分不同：" : "，与自评得分一致")
    );
    for (const d of ws.differences) lines.push("  " + differenceText(d));
  }
  return lines;
}

/** Where an unmet bound comes from: the indicator it scores, or the plan's target, by name. */
export function thresholdSourceText(rubric: Rubric, t: ThresholdStatus): string {
  if (t.from === "target") {
    const target = rubric.targets.find((x) => x.id === t.ref);
    return "方案目标" + (target?.text ? "：" + target.text : "");
  }
  const [c, i] = t.ref.split(".");
  const indicator = rubric.categories.find((x) => x.id === c)?.indicators.find((x) => x.id === c + "." + i);
  return indicator ? indicator.id + " " + shortName(indicator.text) : t.ref;
}
