/** Plain-text rendering of scores for the terminal, in Chinese. */
import { scoreLines, thresholdSourceText } from "../check/scoreText";
import type { WorkbookScore } from "../check/workbookScore";
import type { Rubric } from "../rubric/schema";
import { formatPoints } from "../rubric/text";

const BAR_WIDTH = 20;

function bar(score: number, max: number): string {
  const filled = max > 0 ? Math.max(0, Math.min(BAR_WIDTH, Math.round((score / max) * BAR_WIDTH))) : 0;
  return "█".repeat(filled) + "░".repeat(BAR_WIDTH - filled);
}

/** Display width: CJK characters take two columns. */
function width(text: string): number {
  let w = 0;
  for (const ch of text) w += /[\u1100-\uffff]/.test(ch) ? 2 : 1;
  return w;
}

function pad(text: string, columns: number): string {
  return text + " ".repeat(Math.max(0, columns - width(text)));
}

/** A category as people number it: "1 强化保障机制"; a 加分项目 category by its title alone. */
function categoryName(id: string, title: string): string {
  return /^\d+$/.test(id) ? id + " " + title : title;
}

function short(text: string, n = 24): string {
  return text.length > n ? text.slice(0, n) + "…" : text;
}

export function renderScore(ws: WorkbookScore, rubric: Rubric, options: { details?: boolean } = {}): string {
  const score = ws.score;
  const lines: string[] = [];
  lines.push(rubric.title);
  const titleWidth = Math.max(...score.categories.map((c) => width(categoryName(c.id, c.title))), 8);
  const indicators = new Map(rubric.categories.flatMap((c) => c.indicators).map((i) => [i.id, i] as const));
  const supported = new Map(
    (ws.supported?.categories ?? []).flatMap((c) => c.indicators).map((i) => [i.id, i] as const)
  );
  for (const category of score.categories) {
    const isBonus = category.max === 0 && category.bonus.max > 0;
    const got = isBonus ? category.bonus : { score: category.score, max: category.max };
    lines.push(
      "  " +
        pad(categoryName(category.id, category.title), titleWidth) +
        "  " +
        bar(got.score, got.max) +
        "  " +
        formatPoints(got.score) +
        "/" +
        formatPoints(got.max) +
        " 分" +
        (isBonus ? "（加分）" : "")
    );
    if (options.details) {
      for (const indicator of category.indicators) {
        lines.push(
          "      " + indicator.id + " " + short(indicators.get(indicator.id)?.text ?? "") + "：" + indicator.explain
        );
        for (const c of supported.get(indicator.id)?.criteria ?? []) lines.push("          " + c.explain);
      }
    }
  }
  for (const line of scoreLines(ws)) lines.push("  " + line);
  const unmet = score.thresholds.filter((t) => t.met === false);
  const unknown = score.thresholds.filter((t) => t.met === null);
  if (unmet.length) {
    lines.push("未达标（" + unmet.length + " 项）：");
    for (const t of unmet) lines.push("  ✗ " + t.explain + "（" + thresholdSourceText(rubric, t) + "）");
  }
  if (unknown.length) {
    const names = unknown
      .slice(0, 4)
      .map((t) => t.name)
      .join("；");
    lines.push("未填写的指标数据 " + unknown.length + " 项：" + names + (unknown.length > 4 ? " 等" : ""));
  }
  return lines.join("\n") + "\n";
}
