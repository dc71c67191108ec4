/** Plain-text rendering of scores for the terminal, in Chinese. */
import type { RubricScore } from "../rubric/engine";
import { formatPoints } from "../rubric/text";

const BAR_WIDTH = 20;

function bar(score: number, max: number): string {
  const filled = max > 0 ? Math.round((score / max) * BAR_WIDTH) : 0;
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

export function renderScore(score: RubricScore, options: { details?: boolean } = {}): string {
  const lines: string[] = [];
  lines.push(score.rubric.title + "（" + score.rubric.id + "）");
  const titleWidth = Math.max(...score.categories.map((c) => width(c.id + " " + c.title)), 8);
  for (const category of score.categories) {
    const isBonus = category.max === 0 && category.bonus.max > 0;
    const got = isBonus ? category.bonus : { score: category.score, max: category.max };
    lines.push(
      "  " +
        pad(category.id + " " + category.title, titleWidth) +
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
        lines.push("      " + indicator.id + "  " + indicator.explain);
        for (const c of indicator.criteria) lines.push("          " + c.id + "  " + c.explain);
      }
    }
  }
  lines.push(
    "  合计 " +
      formatPoints(score.total) +
      "/" +
      formatPoints(score.max) +
      " 分" +
      (score.bonus.max > 0
        ? "，加分 " + formatPoints(score.bonus.score) + "/" + formatPoints(score.bonus.max) + " 分"
        : "")
  );
  const unmet = score.thresholds.filter((t) => t.met === false);
  const unknown = score.thresholds.filter((t) => t.met === null);
  if (unmet.length) {
    lines.push("未达标（" + unmet.length + " 项）：");
    for (const t of unmet) lines.push("  ✗ " + t.explain + "（" + t.ref + "）");
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
