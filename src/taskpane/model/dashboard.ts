/**
 * What the dashboards of both panes (React, and the lite pane for IE11) say about a score, as text:
 * each 一级指标's score against its points, and the unmet thresholds. Pure.
 */
import type { CategoryScore, ThresholdStatus } from "../../rubric/engine";
import { formatMetricValue } from "../../rubric/metric";
import type { Rubric } from "../../rubric/schema";
import { formatPoints } from "../../rubric/text";
import { differenceText, sourceText, supportedText } from "../../check/scoreText";
import type { WorkbookScore } from "../../check/workbookScore";

/** Unmet thresholds, one per metric and bound (a criterion and a target may state the same one). */
export function unmetThresholds(thresholds: readonly ThresholdStatus[]): ThresholdStatus[] {
  const seen = new Set<string>();
  return thresholds.filter((t) => {
    const key = t.metric + "|" + t.boundText;
    if (t.met !== false || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** How many metrics with a bound have no value yet. */
export function blankMetricCount(thresholds: readonly ThresholdStatus[]): number {
  const blank: string[] = [];
  for (const t of thresholds) if (t.met === null && blank.indexOf(t.metric) < 0) blank.push(t.metric);
  return blank.length;
}

/** A threshold's value in its metric's unit, or 未填写. */
export function thresholdValueText(rubric: Rubric, t: ThresholdStatus): string {
  if (t.value === null) return "未填写";
  const metric = rubric.metrics.find((m) => m.id === t.metric);
  return metric ? formatMetricValue(metric, t.value) : formatPoints(t.value);
}

export interface CategoryBar {
  title: string;
  /** "12 / 18 分（加分 1 / 2）", or "加分 3 / 5 分" for a bonus-only category. */
  text: string;
  /** The bar's fill, 0 … 1. */
  fraction: number;
}

export function categoryBar(c: CategoryScore): CategoryBar {
  const base = c.max > 0;
  const shown = base ? c.score : c.bonus.score;
  const max = base ? c.max : c.bonus.max;
  const text =
    (base ? "" : "加分 ") +
    formatPoints(shown) +
    " / " +
    formatPoints(max) +
    " 分" +
    (base && c.bonus.max > 0 ? "（加分 " + formatPoints(c.bonus.score) + " / " + formatPoints(c.bonus.max) + "）" : "");
  return { title: c.title, text, fraction: max > 0 ? Math.min(shown / max, 1) : 0 };
}

/**
 * The lines under the total, in the words the CLI and 校验报告 use too: where the self-score comes
 * from, then 按自评依据可得 beside it and each row where the two differ.
 */
export function scoreNotes(scored: WorkbookScore | undefined): {
  source: string;
  supported?: string;
  differences: string[];
} {
  if (!scored) return { source: "", differences: [] };
  const supported = supportedText(scored);
  return {
    source: sourceText(scored) + (scored.source === "typed" ? "；准备工作簿后可按自评依据计算。" : "。"),
    supported:
      supported &&
      supported + (scored.differences.length ? "；" + scored.differences.length + " 项不同：" : "，与自评得分一致。"),
    differences: scored.differences.map(differenceText),
  };
}
