/**
 * A workbook's score, decided once for every place that shows it (CLI text and JSON, both panes,
 * 自评汇总, 校验报告, batch):
 *
 * - **The self-score (自评得分)** is what the 自评得分 column holds as sent, after a spreadsheet has
 *   recomputed it: Ziping's formulas over 自评依据, scores a person typed, both. Its total is the
 *   plain sum of the column — what 自评汇总's 合计 computes — so Ziping never prints one number and
 *   the workbook another. Text and blanks count 0, as SUM counts them; a score over an item's points
 *   is summed as it stands and reported (score.over-max), never silently capped.
 * - **按自评依据可得** is a second, named figure: what the rubric gives for the evidence entered on
 *   自评依据 and 指标数据 (the engine), shown beside the self-score where the workbook has evidence.
 *   Where the two differ, `differences` says which rows and why.
 *
 * The Grids given are the workbook as recomputed (the xlsx adapter's grids(), or Excel's own values).
 */
import { scoreRubric, type IndicatorScore, type RubricScore } from "../rubric/engine";
import { evidenceFromWorkbook, hasEvidenceSheet } from "../own/read";
import { isOurFormula, SUMMARY_SHEET } from "../own/sheets";
import type { Indicator } from "../rubric/schema";
import { formatPoints, sum } from "../rubric/text";
import { a1, cellAt, formulaAt, isBlankValue, isErrorValue, type CellValue, type Grid } from "../sheet/grid";
import type { SheetRecognition } from "../sheet/workbook";

/** Where the 自评得分 column's values come from. */
export type ScoreSource = "evidence" | "typed" | "mixed";

export interface ScoreDifference {
  indicator: string;
  text: string;
  /** The 自评得分 cell ("G14"), "" when the indicator has no row on the sheet. */
  cell: string;
  /** What the column holds (0 for blank or text, as the workbook sums it). */
  declared: number;
  supported: number;
  /** Why they differ, in Chinese. */
  reason: string;
}

export interface WorkbookScore {
  /** The self-score: the 自评得分 column as sent. */
  score: RubricScore;
  source: ScoreSource;
  /** 按自评依据可得: the rubric's score of the evidence entered; absent without 自评依据. */
  supported?: RubricScore;
  differences: ScoreDifference[];
}

/** Label of the second figure, as every place shows it. */
export const SUPPORTED_LABEL = "按自评依据可得";

/** An indicator's row carries its base points, or its bonus for a 加分项目 with no base. */
function bonusOnly(indicator: Indicator): boolean {
  return indicator.points === 0 && (indicator.bonus ?? 0) > 0;
}

/**
 * A cell as SUM counts it. A number no score can be (beyond ±10¹⁵, where sums overflow and Excel
 * shows #NUM!) is left out; score.over-max reports the cell.
 */
function summed(value: CellValue): number {
  return typeof value === "number" && Math.abs(value) <= 1e15 ? value : 0;
}

interface RowReading {
  cell: string;
  value: CellValue;
  ours: boolean;
}

function rowReadings(grids: readonly Grid[], recognition: SheetRecognition): Map<string, RowReading> {
  const readings = new Map<string, RowReading>();
  const col = recognition.layout.columns.selfScore;
  const grid = grids.find((g) => g.sheet === recognition.layout.sheet);
  if (col === undefined || !grid || !recognition.match) return readings;
  for (const m of recognition.match.matches) {
    readings.set(m.indicator.id, {
      cell: a1(m.row.row, col),
      value: cellAt(grid, m.row.row, col),
      ours: isOurFormula(formulaAt(grid, m.row.row, col)),
    });
  }
  return readings;
}

function sourceOf(readings: Map<string, RowReading>, evidence: boolean): ScoreSource {
  const rows = Array.from(readings.values());
  const ours = rows.filter((r) => r.ours).length;
  if (!evidence || ours === 0) return "typed";
  return ours === rows.length ? "evidence" : "mixed";
}

function explainDeclared(reading: RowReading | undefined, value: number): string {
  if (!reading) return "表中没有本项，按“" + SUMMARY_SHEET + "”中的公式计 " + formatPoints(value) + " 分";
  if (isErrorValue(reading.value)) return "自评得分为错误值 " + reading.value.error + "，合计中按 0 分计";
  if (isBlankValue(reading.value)) return "自评得分未填写，按 0 分计";
  if (typeof reading.value !== "number") return "自评得分“" + String(reading.value) + "”不是数字，合计中按 0 分计";
  return "自评得分 " + formatPoints(value) + " 分（" + (reading.ours ? "按自评依据计算的公式" : "表中填写") + "）";
}

function whyDifferent(reading: RowReading | undefined, supported: IndicatorScore): string {
  if (!reading) return "表中没有本项";
  if (isBlankValue(reading.value)) return "自评得分未填写";
  if (typeof reading.value !== "number") return "自评得分不是数字，表中合计按 0 分计";
  if (!reading.ours) return "自评得分是表中填写的，不是按自评依据计算的公式";
  const unreadable = supported.criteria.some((c) => c.problems.some((p) => p.code === "number-as-text"));
  if (unreadable) return "自评依据中有以文字填写的数字（如“65%”），表中公式不能计算，请改为数字";
  return "表中的公式与自评依据的计算结果不一致（公式可能被改动）";
}

export function scoreWorkbook(grids: readonly Grid[], recognition: SheetRecognition): WorkbookScore {
  const rubric = recognition.match!.rubric;
  const hasEvidence = hasEvidenceSheet(grids);
  const supported = hasEvidence ? scoreRubric(rubric, evidenceFromWorkbook(grids, rubric)) : undefined;
  // 自评汇总 carries indicators missing from the sheet as formulas of their own (see plan/fill.ts).
  const summaryCountsMissing = hasEvidence && grids.some((g) => g.sheet === SUMMARY_SHEET);
  const readings = rowReadings(grids, recognition);
  const score = scoreRubric(rubric, {});
  const supportedOf = new Map(
    (supported?.categories ?? []).flatMap((c) => c.indicators).map((i) => [i.id, i] as const)
  );
  const differences: ScoreDifference[] = [];
  for (const category of score.categories) {
    const indicators = rubric.categories.find((c) => c.id === category.id)!.indicators;
    category.indicators.forEach((scored, k) => {
      const indicator = indicators[k];
      const reading = readings.get(indicator.id);
      const fromEvidence = supportedOf.get(indicator.id);
      const onRow = bonusOnly(indicator) ? "bonus" : "base";
      // What the sheet's row gives; the other part (a mixed item's bonus) only 自评汇总's formulas give.
      const rowValue = reading
        ? summed(reading.value)
        : summaryCountsMissing && fromEvidence
          ? rowOf(fromEvidence, onRow)
          : 0;
      const otherValue =
        summaryCountsMissing && fromEvidence ? rowOf(fromEvidence, onRow === "base" ? "bonus" : "base") : 0;
      scored.score = onRow === "base" ? rowValue : otherValue;
      scored.bonus.score = onRow === "bonus" ? rowValue : scored.bonus.max > 0 ? otherValue : 0;
      scored.raw = scored.score;
      scored.explain = explainDeclared(reading, rowValue);
      if (fromEvidence) {
        const want = rowOf(fromEvidence, onRow);
        if (Math.abs(want - rowValue) > 1e-9)
          differences.push({
            indicator: indicator.id,
            text: indicator.text,
            cell: reading?.cell ?? "",
            declared: rowValue,
            supported: want,
            reason: whyDifferent(reading, fromEvidence),
          });
      }
    });
    category.score = sum(category.indicators.map((i) => i.score));
    category.bonus.score = sum(category.indicators.map((i) => i.bonus.score));
  }
  score.total = sum(score.categories.map((c) => c.score));
  score.bonus.score = sum(score.categories.map((c) => c.bonus.score));
  score.thresholds = supported?.thresholds ?? [];
  score.problems = supported?.problems ?? [];
  return { score, source: sourceOf(readings, hasEvidence), supported, differences };
}

function rowOf(scored: IndicatorScore, part: "base" | "bonus"): number {
  return part === "base" ? scored.score : scored.bonus.score;
}

/** The 自评得分 cell of each matched indicator. */
export function scoreCellsOf(recognition: SheetRecognition): Map<string, string> {
  const cells = new Map<string, string>();
  const col = recognition.layout.columns.selfScore;
  if (col === undefined || !recognition.match) return cells;
  for (const m of recognition.match.matches) cells.set(m.indicator.id, a1(m.row.row, col));
  return cells;
}
