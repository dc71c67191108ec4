/**
 * "Fill": the plan that turns a recognized sheet into a live self-scoring workbook — a 自评得分
 * column of formulas over the 自评依据 sheet, the 指标数据 sheet of metrics and targets, a
 * 自评汇总 of category subtotals and the total (bonus apart), validations on every input, and
 * conditional formats on unmet targets and partial scores. What a person typed is kept: inputs on
 * our sheets are carried over by id, and a typed 自评得分 is kept unless `overwrite` is asked for.
 * Built from the rubric and the workbook alone, so filling twice gives what filling once gave.
 */
import { DEFAULT_STEP } from "../rubric/criteria/base";
import { byKind, metricOf, type KindFunctions } from "../rubric/criteria/index";
import { NO_OPTION } from "../rubric/criteria/choice";
import { scoreRubric, type CriterionScore, type IndicatorScore, type RubricScore } from "../rubric/engine";
import { isRate } from "../rubric/metric";
import type { Indicator, Rubric } from "../rubric/schema";
import { formatPoints } from "../rubric/text";
import {
  a1,
  cellAt,
  columnCount,
  columnLetter,
  formulaAt,
  isBlankValue,
  parseA1,
  textAt,
  type Grid,
} from "../sheet/grid";
import type { SheetMatch } from "../sheet/match";
import type { SheetLayout } from "../sheet/recognize";
import { EVIDENCE_COL, EVIDENCE_HEADERS, METRIC_COL, METRIC_HEADERS, NOT_APPLICABLE } from "../own/sheets";
import { evidenceFromWorkbook, typedEvidenceInputs, typedMetricInputs } from "../own/read";
import { evidenceRows, metricRows, takesInput, type EvidenceRow, type MetricRow } from "../own/rows";
import { inputHint, kindName, targetText } from "./evidenceSheet";
import { EVIDENCE_SHEET, METRICS_SHEET, NO, STATE_SHEET, SUMMARY_SHEET, YES, isOurFormula } from "../own/sheets";
import { criterionFormula, indicatorFormula, meets, sheetRef } from "./formulas";
import { checkOwnSheets, ConflictError, ownSheetOps, SUMMARY_HEADERS } from "../own/sheets";
import { rememberedFingerprints, stateOps } from "../own/state";
import { reconcileOwnSheet } from "./ownCells";
import { type Fingerprint } from "../own/state";
import type { CellStyle, PlanOp, WorkbookPlan } from "./plan";

export interface FillOptions {
  /** Replace 自评得分 cells a person typed (asked for explicitly, never by default). */
  overwrite?: boolean;
}

export interface FillResult {
  plan: WorkbookPlan;
  /** The engine's score for the evidence in the workbook: the values the formulas will show. */
  score: RubricScore;
  /** The 自评得分 cell of each indicator on the filled sheet ("1.1" → "G4"). */
  scoreCells: Map<string, string>;
}

const HEADER_STYLE: CellStyle = { bold: true, fill: "#DDEBF7", wrap: true, align: "center" };
const INPUT_STYLE: CellStyle = { input: true };
const UNMET_FILL = "#F8CBAD";
const PARTIAL_FILL = "#FFF2CC";
const BLANK_FILL = "#FCE4D6";

export { isOurFormula };

/** Excel's last column (XFD). */
const LAST_COLUMN = 16383;

/**
 * The first column right of the table with nothing in it, from the header to the last indicator
 * row, and not inside a merged area there (CONTRACTS.md: never insert or shift a user's columns).
 */
export function firstEmptyColumn(grid: Grid, layout: SheetLayout): number {
  let last = -1;
  const width = columnCount(grid);
  const indicators = layout.rows.filter((r) => r.kind === "indicator");
  const bottom = indicators.length ? indicators[indicators.length - 1].row : layout.headerRow;
  const top = Math.max(0, layout.headerTop);
  for (let row = top; row <= bottom; row++) {
    for (let col = width - 1; col > last; col--) {
      if (!isBlankValue(cellAt(grid, row, col))) {
        last = col;
        break;
      }
    }
  }
  let column = last + 1;
  for (let moved = true; moved;) {
    moved = false;
    for (const m of grid.merges) {
      if (m.bottom >= top && m.top <= bottom && m.left <= column && m.right >= column) {
        column = m.right + 1;
        moved = true;
      }
    }
  }
  if (column > LAST_COLUMN) {
    throw new ConflictError(
      "工作表“" +
        grid.sheet +
        "”右侧没有可用的空列（合并单元格延伸到最后一列），无法新增“自评得分”列；请先取消该合并后重试"
    );
  }
  return column;
}

function rangeOf(sheet: string, col: number, first: number, last: number): string {
  const start = a1(first, col);
  return sheetRef(sheet, first === last ? start : start + ":" + a1(last, col));
}

/** The score cells of an indicator's criteria on 自评依据, base or bonus, as a SUM argument list. */
function criterionCells(rows: EvidenceRow[], bonus: boolean): string {
  const cells = rows.filter((r) => r.first && (r.criterion.bonus === true) === bonus).map((r) => r.row);
  if (!cells.length) return "0";
  const contiguous = cells.every((r, i) => i === 0 || r === cells[i - 1] + 1);
  if (contiguous) return rangeOf(EVIDENCE_SHEET, EVIDENCE_COL.score, cells[0], cells[cells.length - 1]);
  return cells.map((r) => sheetRef(EVIDENCE_SHEET, a1(r, EVIDENCE_COL.score))).join(",");
}

function gateInputs(rows: EvidenceRow[]): string[] {
  return rows
    .filter((r) => r.criterion.kind === "gate")
    .map((r) => sheetRef(EVIDENCE_SHEET, a1(r.row, EVIDENCE_COL.input)));
}

/** The formula of an indicator's self-score: its base, or its bonus for a 加分项目 with no base. */
export function indicatorScoreFormula(
  indicator: Indicator,
  rows: EvidenceRow[]
): { formula: string; bonusOnly: boolean } {
  const mine = rows.filter((r) => r.indicator === indicator);
  const bonusOnly = indicator.points === 0 && (indicator.bonus ?? 0) > 0;
  const max = bonusOnly ? indicator.bonus! : indicator.points;
  return { formula: "=" + indicatorFormula(criterionCells(mine, bonusOnly), max, gateInputs(mine)), bonusOnly };
}

function indicatorResult(scored: IndicatorScore, bonusOnly: boolean): number {
  return bonusOnly ? scored.bonus.score : scored.score;
}

function scoredIndicators(score: RubricScore): Map<string, IndicatorScore> {
  const map = new Map<string, IndicatorScore>();
  for (const c of score.categories) for (const i of c.indicators) map.set(i.id, i);
  return map;
}

function scoredCriteria(score: RubricScore): Map<string, CriterionScore> {
  const map = new Map<string, CriterionScore>();
  for (const c of score.categories) for (const i of c.indicators) for (const k of i.criteria) map.set(k.id, k);
  return map;
}

// --- 指标数据 -----------------------------------------------------------------------------------

function metricValueFormula(r: MetricRow): string {
  const row = r.row;
  const c = (col: number) => a1(row, col);
  const parts =
    "AND(ISNUMBER(" +
    c(METRIC_COL.numerator) +
    "),ISNUMBER(" +
    c(METRIC_COL.denominator) +
    ")," +
    c(METRIC_COL.denominator) +
    "<>0)";
  const typed = isRate(r.metric)
    ? "IF(" + c(METRIC_COL.value) + ">1," + c(METRIC_COL.value) + "/100," + c(METRIC_COL.value) + ")"
    : c(METRIC_COL.value);
  return (
    "=IF(ISNUMBER(" +
    c(METRIC_COL.value) +
    ")," +
    typed +
    ",IF(" +
    parts +
    "," +
    c(METRIC_COL.numerator) +
    "/" +
    c(METRIC_COL.denominator) +
    ',""))'
  );
}

function metricStatusFormula(r: MetricRow): string {
  if (!r.bounds.length) return '=""';
  const v = a1(r.row, METRIC_COL.computed);
  const tests = r.bounds.map((b) => meets(v, b));
  const all = tests.length === 1 ? tests[0] : "AND(" + tests.join(",") + ")";
  return "=IF(ISNUMBER(" + v + "),IF(" + all + ',"达标","未达标"),"未填写")';
}

function metricsSheetOps(
  rubric: Rubric,
  grids: readonly Grid[],
  score: RubricScore,
  metricReadings: Map<string, number | null>
): PlanOp[] {
  const ops: PlanOp[] = [];
  const typed = typedMetricInputs(grids);
  // The metric ids (column A) are how typed figures are read back: kept, but hidden.
  ops.push(
    ...ownSheetOps(grids, METRICS_SHEET, {
      columnWidths: [12, 34, 10, 10, 10, 10, 12, 22, 10],
      hiddenColumns: [METRIC_COL.id],
    })
  );
  METRIC_HEADERS.forEach((h, col) =>
    ops.push({ op: "set", sheet: METRICS_SHEET, cell: a1(0, col), value: h, style: HEADER_STYLE })
  );
  for (const r of metricRows(rubric)) {
    const cell = (col: number) => a1(r.row, col);
    const m = r.metric;
    const carried = typed.get(m.id) ?? {};
    ops.push({ op: "set", sheet: METRICS_SHEET, cell: cell(METRIC_COL.id), value: m.id });
    ops.push({ op: "set", sheet: METRICS_SHEET, cell: cell(METRIC_COL.name), value: m.name, style: { wrap: true } });
    const ratio = m.numerator !== undefined || m.denominator !== undefined;
    for (const [col, value, label] of [
      [METRIC_COL.numerator, carried.numerator, m.numerator],
      [METRIC_COL.denominator, carried.denominator, m.denominator],
    ] as const) {
      if (ratio) {
        ops.push({ op: "set", sheet: METRICS_SHEET, cell: cell(col), value: value ?? null, style: INPUT_STYLE });
        ops.push({
          op: "validation",
          sheet: METRICS_SHEET,
          range: cell(col),
          rule: { type: "decimal", min: 0, max: 1e12 },
          prompt: { title: m.name, message: "填写" + (label ?? "数量") },
          error: { title: "请填写数字", message: "请填写不小于 0 的数字" },
        });
      } else {
        ops.push({
          op: "set",
          sheet: METRICS_SHEET,
          cell: cell(col),
          value: NOT_APPLICABLE,
          style: { fontColor: "#808080", align: "center" },
        });
      }
    }
    ops.push({
      op: "set",
      sheet: METRICS_SHEET,
      cell: cell(METRIC_COL.value),
      value: carried.value ?? null,
      style: INPUT_STYLE,
    });
    const hint = isRate(m)
      ? (ratio ? "已填分子、分母的可不填；" : "") + "如 65% 填 65 或 0.65"
      : "填写" + m.name + "（" + m.unit + "）";
    ops.push({
      op: "validation",
      sheet: METRICS_SHEET,
      range: cell(METRIC_COL.value),
      rule: { type: "decimal", min: 0, max: 1e12 },
      prompt: { title: m.name, message: hint },
      error: { title: "请填写数字", message: "请填写不小于 0 的数字" },
    });
    ops.push({
      op: "set",
      sheet: METRICS_SHEET,
      cell: cell(METRIC_COL.computed),
      formula: metricValueFormula(r),
      result: metricReadings.get(m.id) ?? "",
      style: { numberFormat: isRate(m) ? "0.0%" : "0.##" },
    });
    ops.push({ op: "set", sheet: METRICS_SHEET, cell: cell(METRIC_COL.unit), value: m.unit });
    ops.push({ op: "set", sheet: METRICS_SHEET, cell: cell(METRIC_COL.target), value: targetText(r) || "—" });
    const reading = metricReadings.get(m.id);
    const met =
      reading === null || reading === undefined
        ? null
        : score.thresholds.filter((t) => t.metric === m.id).every((t) => t.met !== false);
    ops.push({
      op: "set",
      sheet: METRICS_SHEET,
      cell: cell(METRIC_COL.status),
      formula: metricStatusFormula(r),
      result: !r.bounds.length ? "" : met === null ? "未填写" : met ? "达标" : "未达标",
    });
  }
  const last = rubric.metrics.length;
  if (last > 0) {
    const statusCol = columnLetter(METRIC_COL.status);
    ops.push({
      op: "conditionalFormat",
      sheet: METRICS_SHEET,
      range: "A2:" + a1(last, METRIC_COL.status),
      formula: "$" + statusCol + '2="未达标"',
      style: { fill: UNMET_FILL },
    });
  }
  ops.push({ op: "freeze", sheet: METRICS_SHEET, rows: 1, columns: 2 });
  return ops;
}

// --- 自评依据 -----------------------------------------------------------------------------------

type Validation = Pick<Extract<PlanOp, { op: "validation" }>, "rule" | "error">;

// Fresh objects for every cell, as before: a plan's operations share nothing.
const yesNo = (): Validation => ({
  rule: { type: "list", values: [YES, NO] },
  error: { title: "请选择", message: "请填“是”或“否”" },
});
const count = (): Validation => ({
  rule: { type: "whole", min: 0 },
  error: { title: "请填写数量", message: "请填写不小于 0 的整数" },
});

/** The validations' registry: each kind's rule for its input cell on 自评依据 (none: the cell is a formula). */
export const VALIDATIONS: KindFunctions<[], Validation | undefined> = {
  flag: yesNo,
  gate: yesNo,
  choice: (c) => ({
    rule: { type: "list", values: c.options.map((o) => o.label).concat(NO_OPTION) },
    error: { title: "请选择", message: "请从下拉列表中选择" },
  }),
  perItem: count,
  deduction: count,
  judged: (c) => ({
    rule: { type: "decimal", min: 0, max: c.points },
    error: {
      title: "超出范围",
      message: "评定分应在 0–" + formatPoints(c.points) + " 之间，步长 " + formatPoints(c.step ?? DEFAULT_STEP) + " 分",
    },
  }),
  scaled: (c) =>
    c.metric
      ? undefined
      : {
          rule: { type: "decimal", min: 0, max: 100 },
          error: { title: "请填写比率", message: "请填写 0–100 之间的数字（如 80% 填 80）" },
        },
  threshold: () => undefined,
};

function evidenceValidation(row: EvidenceRow, cell: string): PlanOp | undefined {
  const validation = byKind(VALIDATIONS, row.criterion);
  if (!validation) return undefined;
  const prompt = { title: row.criterionId, message: inputHint(row.criterion, row.itemId).slice(0, 250) };
  return { op: "validation", sheet: EVIDENCE_SHEET, range: cell, prompt, ...validation };
}

function evidenceSheetOps(rubric: Rubric, grids: readonly Grid[], score: RubricScore): PlanOp[] {
  // The criterion keys (column A) are how typed inputs are read back: kept, but hidden.
  const ops: PlanOp[] = ownSheetOps(grids, EVIDENCE_SHEET, {
    columnWidths: [10, 30, 46, 8, 14, 8, 8, 40],
    hiddenColumns: [EVIDENCE_COL.id],
  });
  EVIDENCE_HEADERS.forEach((h, col) =>
    ops.push({ op: "set", sheet: EVIDENCE_SHEET, cell: a1(0, col), value: h, style: HEADER_STYLE })
  );
  const rows = evidenceRows(rubric);
  const typed = typedEvidenceInputs(grids);
  const criteria = scoredCriteria(score);
  const metricRowOf = new Map(metricRows(rubric).map((r) => [r.metric.id, r.row]));
  const set = (row: number, col: number, value: string | number | boolean | null, style?: CellStyle): PlanOp => ({
    op: "set",
    sheet: EVIDENCE_SHEET,
    cell: a1(row, col),
    value,
    style,
  });
  let lastIndicator: Indicator | undefined;
  for (const r of rows) {
    const c = r.criterion;
    const input = a1(r.row, EVIDENCE_COL.input);
    ops.push(set(r.row, EVIDENCE_COL.id, r.key));
    ops.push(
      set(
        r.row,
        EVIDENCE_COL.indicator,
        r.indicator === lastIndicator ? null : r.indicator.id + " " + r.indicator.text,
        { wrap: true }
      )
    );
    lastIndicator = r.indicator;
    const itemLabel = r.itemLabel !== undefined ? "（" + r.itemLabel + "）" : "";
    ops.push(set(r.row, EVIDENCE_COL.text, c.text + itemLabel, { wrap: true }));
    ops.push(set(r.row, EVIDENCE_COL.kind, kindName(c)));
    const scored = criteria.get(r.criterionId)!;
    if (takesInput(c)) {
      ops.push(set(r.row, EVIDENCE_COL.input, typed.get(r.key) ?? null, INPUT_STYLE));
      const validation = evidenceValidation(r, input);
      if (validation) ops.push(validation);
    } else {
      const metricRow = metricRowOf.get(metricOf(c)!)!;
      const reading = scored.threshold?.value ?? null;
      ops.push({
        op: "set",
        sheet: EVIDENCE_SHEET,
        cell: input,
        formula: "=" + sheetRef(METRICS_SHEET, a1(metricRow, METRIC_COL.computed)),
        result: reading ?? "",
        style: { numberFormat: "0.0%", fontColor: "#595959" },
      });
    }
    if (r.first) {
      // A count of several kinds of item: its rows' inputs, in item order (evidenceRows).
      const items =
        r.itemId !== undefined
          ? rows.filter((x) => x.criterionId === r.criterionId).map((x) => a1(x.row, EVIDENCE_COL.input))
          : undefined;
      const requires = c.requires ? rows.find((x) => x.criterionId === r.indicator.id + "." + c.requires)! : undefined;
      const formula = criterionFormula(c, {
        input,
        items,
        metricValue: takesInput(c) ? undefined : input,
        requires: requires ? a1(requires.row, EVIDENCE_COL.input) : undefined,
      });
      ops.push({
        op: "set",
        sheet: EVIDENCE_SHEET,
        cell: a1(r.row, EVIDENCE_COL.score),
        formula: "=" + formula,
        result: scored.points,
      });
      ops.push(set(r.row, EVIDENCE_COL.max, scored.max === Infinity ? "不设上限" : scored.max));
    }
    ops.push(
      set(r.row, EVIDENCE_COL.hint, inputHint(c, r.itemId) + (c.note ? "。" + c.note : ""), {
        wrap: true,
        fontColor: "#595959",
      })
    );
  }
  ops.push({ op: "freeze", sheet: EVIDENCE_SHEET, rows: 1, columns: 1 });
  return ops;
}

// --- the recognized sheet and the summary -------------------------------------------------------

/**
 * 自评汇总: category subtotals over the sheet's 自评得分 cells (typed or formula: the sheet as it
 * stands), bonus apart, and the total.
 */
function summaryOps(
  rubric: Rubric,
  grids: readonly Grid[],
  score: RubricScore,
  scoreCells: Map<string, string>,
  sheet: string,
  evidence: EvidenceRow[],
  shown: Map<string, number>
): PlanOp[] {
  const ops: PlanOp[] = ownSheetOps(grids, SUMMARY_SHEET, { columnWidths: [10, 24, 10, 10, 10, 10] });
  SUMMARY_HEADERS.forEach((h, col) =>
    ops.push({ op: "set", sheet: SUMMARY_SHEET, cell: a1(0, col), value: h, style: HEADER_STYLE })
  );
  // An indicator absent from the sheet is still counted: its formula stands in the summary itself.
  const termOf = (indicator: Indicator, bonus: boolean): string => {
    const cell = scoreCells.get(indicator.id);
    const bonusOnly = indicator.points === 0 && (indicator.bonus ?? 0) > 0;
    if (cell && bonus === bonusOnly) return sheetRef(sheet, cell);
    const mine = evidence.filter((r) => r.indicator === indicator);
    if (bonus && !(indicator.bonus ?? 0)) return "";
    if (!bonus && !indicator.points) return "";
    return indicatorFormula(criterionCells(mine, bonus), bonus ? indicator.bonus! : indicator.points, gateInputs(mine));
  };
  // What each term will show: the sheet's cell as it will stand (a kept typed number, or our
  // formula's score), else the engine's score of the inline formula. SUM ignores text, so do we.
  const valueOf = (indicator: Indicator, bonus: boolean): number => {
    const bonusOnly = indicator.points === 0 && (indicator.bonus ?? 0) > 0;
    if (scoreCells.has(indicator.id) && bonus === bonusOnly) return shown.get(indicator.id) ?? 0;
    const scored = score.categories.flatMap((c) => c.indicators).find((x) => x.id === indicator.id)!;
    return bonus ? scored.bonus.score : scored.score;
  };
  let totalShown = 0;
  let bonusShown = 0;
  rubric.categories.forEach((category, i) => {
    const row = i + 1;
    const baseShown = category.indicators
      .filter((ind) => ind.points > 0)
      .reduce((sum, ind) => sum + valueOf(ind, false), 0);
    const bonusOfCategory = category.indicators
      .filter((ind) => (ind.bonus ?? 0) > 0)
      .reduce((sum, ind) => sum + valueOf(ind, true), 0);
    totalShown += baseShown;
    bonusShown += bonusOfCategory;
    ops.push({ op: "set", sheet: SUMMARY_SHEET, cell: a1(row, 0), value: category.id });
    ops.push({ op: "set", sheet: SUMMARY_SHEET, cell: a1(row, 1), value: category.title });
    ops.push({ op: "set", sheet: SUMMARY_SHEET, cell: a1(row, 2), value: category.points });
    const base = category.indicators.map((ind) => termOf(ind, false)).filter(Boolean);
    const bonus = category.indicators.map((ind) => termOf(ind, true)).filter(Boolean);
    ops.push({
      op: "set",
      sheet: SUMMARY_SHEET,
      cell: a1(row, 3),
      formula: "=" + (base.length ? "SUM(" + base.join(",") + ")" : "0"),
      result: baseShown,
    });
    ops.push({ op: "set", sheet: SUMMARY_SHEET, cell: a1(row, 4), value: category.bonus ?? 0 });
    ops.push({
      op: "set",
      sheet: SUMMARY_SHEET,
      cell: a1(row, 5),
      formula: "=" + (bonus.length ? "SUM(" + bonus.join(",") + ")" : "0"),
      result: bonusOfCategory,
    });
  });
  const n = rubric.categories.length;
  const total = n + 1;
  ops.push({ op: "set", sheet: SUMMARY_SHEET, cell: a1(total, 1), value: "合计", style: { bold: true } });
  // The 合计 row: each column the sum of the categories above it (分值, 自评得分, 加分分值, 加分得分).
  const totals = [
    rubric.categories.reduce((sum, c) => sum + c.points, 0),
    totalShown,
    rubric.categories.reduce((sum, c) => sum + (c.bonus ?? 0), 0),
    bonusShown,
  ];
  totals.forEach((result, k) => {
    const col = a1(0, 2 + k).replace(/\d+$/, "");
    ops.push({
      op: "set",
      sheet: SUMMARY_SHEET,
      cell: a1(total, 2 + k),
      formula: n ? "=SUM(" + col + "2:" + col + (n + 1) + ")" : "=0",
      result,
      style: { bold: true },
    });
  });
  ops.push({
    op: "set",
    sheet: SUMMARY_SHEET,
    cell: a1(total + 2, 0),
    value:
      "说明：基础分合计不含加分；加分另计。各项得分由“" + EVIDENCE_SHEET + "”与“" + METRICS_SHEET + "”的填写自动计算。",
  });
  return ops;
}

export function buildFillPlan(
  grids: readonly Grid[],
  layout: SheetLayout,
  match: SheetMatch,
  options: FillOptions = {}
): FillResult {
  const rubric = match.rubric;
  const grid = grids.find((g) => g.sheet === layout.sheet);
  if (!grid) throw new Error("工作簿中没有工作表“" + layout.sheet + "”");
  checkOwnSheets(grids, [EVIDENCE_SHEET, METRICS_SHEET, SUMMARY_SHEET, STATE_SHEET]);
  const evidence = evidenceFromWorkbook(grids, rubric);
  const score = scoreRubric(rubric, evidence);
  const rows = evidenceRows(rubric);
  const indicators = scoredIndicators(score);
  const metricReadings = new Map<string, number | null>();
  for (const t of score.thresholds) metricReadings.set(t.metric, t.value);
  // Metrics read only by scaled criteria or unbounded: read them the engine's way too.
  for (const c of score.categories)
    for (const i of c.indicators)
      for (const k of i.criteria) if (k.threshold) metricReadings.set(k.threshold.metric, k.threshold.value);

  const plan: WorkbookPlan = { ops: [], summary: [], kept: [] };
  const added = layout.columns.selfScore === undefined;
  const scoreCol = added ? firstEmptyColumn(grid, layout) : layout.columns.selfScore!;
  const sheetOps: PlanOp[] = [];
  if (added) {
    sheetOps.push({
      op: "set",
      sheet: grid.sheet,
      cell: a1(layout.headerRow, scoreCol),
      value: "自评得分",
      style: HEADER_STYLE,
    });
    plan.summary.push(
      "在“" + grid.sheet + "”第 " + columnLetter(scoreCol) + " 列（表格右侧第一个空列）新增“自评得分”列"
    );
  }
  const scoreCells = new Map<string, string>();
  /** What each 自评得分 cell will show after the fill: our formula's score, or a kept typed number. */
  const shown = new Map<string, number>();
  let written = 0;
  for (const m of match.matches) {
    const cell = a1(m.row.row, scoreCol);
    scoreCells.set(m.indicator.id, cell);
    const existing = cellAt(grid, m.row.row, scoreCol);
    const formula = formulaAt(grid, m.row.row, scoreCol);
    const typedByPerson = formula !== null ? !isOurFormula(formula) : !isBlankValue(existing);
    if (typedByPerson && !options.overwrite) {
      plan.kept.push({
        sheet: grid.sheet,
        cell,
        reason: "已填写“" + (formula ?? textAt(grid, m.row.row, scoreCol)) + "”，保留未改",
      });
      shown.set(m.indicator.id, typeof existing === "number" ? existing : 0);
      continue;
    }
    const { formula: f, bonusOnly } = indicatorScoreFormula(m.indicator, rows);
    const result = indicatorResult(indicators.get(m.indicator.id)!, bonusOnly);
    shown.set(m.indicator.id, result);
    sheetOps.push({ op: "set", sheet: grid.sheet, cell, formula: f, result, style: { numberFormat: "0.##" } });
    // Blank, or below the indicator's points: marked so a reviewer sees what is missing.
    const max = bonusOnly ? m.indicator.bonus! : m.indicator.points;
    sheetOps.push({
      op: "conditionalFormat",
      sheet: grid.sheet,
      range: cell,
      formula: "AND(ISNUMBER(" + cell + ")," + cell + "<" + formatPoints(max) + ")",
      style: { fill: PARTIAL_FILL },
    });
    sheetOps.push({
      op: "conditionalFormat",
      sheet: grid.sheet,
      range: cell,
      formula: "ISBLANK(" + cell + ")",
      style: { fill: BLANK_FILL },
    });
    written++;
  }
  // A 合计 row in the table: the sum of the indicators' self-scores, where nobody typed one.
  const baseCells = match.matches.filter((m) => m.indicator.points > 0).map((m) => scoreCells.get(m.indicator.id)!);
  for (const total of layout.rows.filter((r) => r.kind === "total")) {
    const cell = a1(total.row, scoreCol);
    const formula = formulaAt(grid, total.row, scoreCol);
    const personTyped = !isBlankValue(cellAt(grid, total.row, scoreCol)) && !(formula && /^=?SUM\(/i.test(formula));
    if ((personTyped && !options.overwrite) || !baseCells.length) continue;
    sheetOps.push({
      op: "set",
      sheet: grid.sheet,
      cell,
      formula: "=SUM(" + baseCells.join(",") + ")",
      result: match.matches
        .filter((m) => m.indicator.points > 0)
        .reduce((s, m) => s + (shown.get(m.indicator.id) ?? 0), 0),
      style: { bold: true, numberFormat: "0.##" },
    });
  }
  plan.summary.push(
    "“" + grid.sheet + "”的 " + written + " 个自评得分单元格写入公式（按“" + EVIDENCE_SHEET + "”计算，不超过各项分值）"
  );
  if (plan.kept.length) plan.summary.push(plan.kept.length + " 个已填写的自评得分保留未改");
  plan.summary.push(
    (grids.some((g) => g.sheet === EVIDENCE_SHEET) ? "更新" : "新建") +
      "“" +
      EVIDENCE_SHEET +
      "”：" +
      rows.length +
      " 个评分项，已填内容保留"
  );
  plan.summary.push(
    (grids.some((g) => g.sheet === METRICS_SHEET) ? "更新" : "新建") +
      "“" +
      METRICS_SHEET +
      "”：" +
      rubric.metrics.length +
      " 项指标数据与目标"
  );
  plan.summary.push(
    (grids.some((g) => g.sheet === SUMMARY_SHEET) ? "更新" : "新建") +
      "“" +
      SUMMARY_SHEET +
      "”：各一级指标小计与合计（加分另计）"
  );

  // Our own sheets are rewritten cell by cell: what a person typed there stays (ownCells.ts).
  const previous = rememberedFingerprints(grids);
  const fingerprints = new Map<string, Fingerprint>();
  const keyAt = (sheet: string, col: number) => (cell: string) => {
    const g = grids.find((x) => x.sheet === sheet);
    const key = g ? cellAt(g, parseA1(cell).row, col) : null;
    return typeof key === "string" ? key.trim() : "";
  };
  const evidenceKeys = new Set(rows.map((r) => r.key));
  const metricIds = new Set(rubric.metrics.map((m) => m.id));
  const own: Array<[string, PlanOp[], ((cell: string) => boolean) | undefined]> = [
    [
      EVIDENCE_SHEET,
      evidenceSheetOps(rubric, grids, score),
      (cell) => evidenceKeys.has(keyAt(EVIDENCE_SHEET, EVIDENCE_COL.id)(cell)),
    ],
    [
      METRICS_SHEET,
      metricsSheetOps(rubric, grids, score, metricReadings),
      (cell) => metricIds.has(keyAt(METRICS_SHEET, METRIC_COL.id)(cell)),
    ],
    [SUMMARY_SHEET, summaryOps(rubric, grids, score, scoreCells, grid.sheet, rows, shown), undefined],
  ];
  const ownKept: WorkbookPlan["kept"] = [];
  own.forEach(([sheet, ops, carried], i) => {
    const r = reconcileOwnSheet(sheet, ops, {
      grid: grids.find((g) => g.sheet === sheet),
      previous: previous.get(sheet),
      carried,
      lostReason: "该项已不在评分细则中",
    });
    plan.ops.push(...r.ops);
    // The recognized sheet's 自评得分 column goes between 指标数据 and 自评汇总, as before.
    if (i === 1) plan.ops.push(...sheetOps);
    ownKept.push(...r.kept);
    fingerprints.set(sheet, r.written);
  });
  if (ownKept.length) {
    plan.kept.push(...ownKept);
    plan.summary.push("自评助手工作表中有 " + ownKept.length + " 处是填写或改动过的内容，保留未改");
  }
  plan.ops.push(...stateOps(grids, { rubric, sheet: grid.sheet, written: fingerprints }));
  return { plan, score, scoreCells };
}
