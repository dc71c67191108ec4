/**
 * The 自评依据 sheet: one row per criterion (one per item for a count with several kinds of
 * item) — 编号, 二级指标, 评分项 (the rule's own words), 类型, 输入, 得分, 上限, 填写说明 — and the
 * 指标数据 sheet: one row per metric — 编号, 指标, 分子, 分母, 实际值, 计算值, 单位, 目标, 状态.
 * Both layouts are derived from the rubric alone, so they are the same on every fill, and the
 * inputs a person typed are read back by id, never by position.
 */
import { criterionKindNames, type Criterion } from "../rubric/criteria/index";
import { describeMapping } from "../rubric/criteria/scaled";
import { NO_OPTION } from "../rubric/criteria/choice";
import { DEFAULT_STEP } from "../rubric/criteria/base";
import type { Evidence } from "../rubric/engine";
import { formatBound, type Bound, type Metric } from "../rubric/metric";
import type { Indicator, Rubric } from "../rubric/schema";
import { formatPoints } from "../rubric/text";
import { a1, cellAt, formulaAt, isBlankValue, isErrorValue, rowCount, type Grid } from "../sheet/grid";
import { cleanText } from "../sheet/normalize";
import { EVIDENCE_SHEET, METRICS_SHEET } from "./formulas";

export const EVIDENCE_HEADERS = ["编号", "二级指标", "评分项", "类型", "输入", "得分", "上限", "填写说明"];
export const EVIDENCE_COL = { id: 0, indicator: 1, text: 2, kind: 3, input: 4, score: 5, max: 6, hint: 7 } as const;

/** Shown in 分子/分母 of a metric that is a single figure: not an input. */
export const NOT_APPLICABLE = "—";

export const METRIC_HEADERS = ["编号", "指标", "分子", "分母", "实际值", "计算值", "单位", "目标", "状态"];
export const METRIC_COL = {
  id: 0,
  name: 1,
  numerator: 2,
  denominator: 3,
  value: 4,
  computed: 5,
  unit: 6,
  target: 7,
  status: 8,
} as const;

export interface EvidenceRow {
  /** 0-based row in the 自评依据 sheet. */
  row: number;
  /** "1.1.a", or "7.1.a:national" for one item of a count. */
  key: string;
  criterionId: string;
  itemId?: string;
  /** The first row of its criterion (where the criterion's 得分 stands). */
  first: boolean;
  indicator: Indicator;
  criterion: Criterion;
}

export interface MetricRow {
  row: number;
  metric: Metric;
  bounds: Bound[];
}

export function evidenceRows(rubric: Rubric): EvidenceRow[] {
  const rows: EvidenceRow[] = [];
  let row = 1;
  for (const category of rubric.categories) {
    for (const indicator of category.indicators) {
      for (const criterion of indicator.criteria) {
        const criterionId = indicator.id + "." + criterion.id;
        if (criterion.kind === "perItem" && criterion.items.length > 1) {
          criterion.items.forEach((item, i) => {
            rows.push({
              row: row++,
              key: criterionId + ":" + item.id,
              criterionId,
              itemId: item.id,
              first: i === 0,
              indicator,
              criterion,
            });
          });
        } else {
          rows.push({ row: row++, key: criterionId, criterionId, first: true, indicator, criterion });
        }
      }
    }
  }
  return rows;
}

export function metricRows(rubric: Rubric): MetricRow[] {
  return rubric.metrics.map((metric, i) => {
    const bounds: Bound[] = [];
    const add = (b: Bound) => {
      if (!bounds.some((x) => x.op === b.op && x.value === b.value)) bounds.push(b);
    };
    for (const category of rubric.categories)
      for (const indicator of category.indicators)
        for (const c of indicator.criteria) if (c.kind === "threshold" && c.metric === metric.id) add(c.bound);
    for (const t of rubric.targets) if (t.metric === metric.id) add(t.bound);
    return { row: i + 1, metric, bounds };
  });
}

export function targetText(row: MetricRow): string {
  return row.bounds.map((b) => formatBound(row.metric, b)).join("；");
}

/** Whether a criterion's input is typed on 自评依据 (threshold and metric-based inputs come from 指标数据). */
export function takesInput(criterion: Criterion): boolean {
  return criterion.kind !== "threshold" && !(criterion.kind === "scaled" && criterion.metric);
}

/** What to type, in Chinese, for the 填写说明 column and the cell's input message. */
export function inputHint(criterion: Criterion, itemId?: string): string {
  const step = formatPoints(criterion.step ?? DEFAULT_STEP);
  switch (criterion.kind) {
    case "flag":
      return "填“是”或“否”";
    case "gate":
      return "出现该情形填“是”，本指标不得分；否则填“否”";
    case "choice":
      return (
        "选择：" +
        criterion.options.map((o) => o.label + "（" + formatPoints(o.points) + "分）").join("、") +
        "；都不是填“" +
        NO_OPTION +
        "”"
      );
    case "threshold":
      return "取自“" + METRICS_SHEET + "”，请在该表填写";
    case "perItem": {
      const item = criterion.items.find((i) => i.id === itemId) ?? criterion.items[0];
      const cap = criterion.cap === undefined ? "不设上限" : "最高 " + formatPoints(criterion.cap) + " 分";
      return (
        "填写" +
        item.label +
        "的数量（" +
        criterion.unit +
        "），每" +
        criterion.unit +
        " " +
        formatPoints(item.each) +
        " 分，" +
        cap
      );
    }
    case "scaled":
      return (
        (criterion.metric ? "取自“" + METRICS_SHEET + "”；" : "填写" + criterion.basis + "（如 80% 填 80 或 0.8）；") +
        describeMapping(criterion)
      );
    case "judged":
      return "评定分，填 0–" + formatPoints(criterion.points) + "，步长 " + step + " 分";
    case "deduction":
      return (
        "填写少完成的数量（" + criterion.unit + "），每" + criterion.unit + "扣 " + formatPoints(criterion.per) + " 分"
      );
  }
}

export function kindName(criterion: Criterion): string {
  return criterionKindNames[criterion.kind];
}

// --- Reading back what was typed --------------------------------------------------------------

function findSheet(grids: readonly Grid[], name: string): Grid | undefined {
  return grids.find((g) => g.sheet === name);
}

/** What a person typed into an input cell. */
export type TypedValue = string | number | boolean;

/** A typed value: the cell's value unless it holds a formula (ours) or an error. */
function typed(grid: Grid, row: number, col: number): TypedValue | undefined {
  if (formulaAt(grid, row, col)) return undefined;
  const v = cellAt(grid, row, col);
  if (v === null || isBlankValue(v) || isErrorValue(v) || v === NOT_APPLICABLE) return undefined;
  return typeof v === "string" ? cleanText(v) : v;
}

/**
 * A typed figure as the person sees it: a cell formatted as a percentage holds a fraction, so
 * 1.3 shown as 130% is read as 130% (130 → 1.3), not as 1.3% by the "≤ 1 is a fraction" rule.
 */
function asShown(grid: Grid, row: number, col: number): TypedValue | undefined {
  const v = typed(grid, row, col);
  const format = grid.numberFormats?.[row]?.[col] ?? "";
  return typeof v === "number" && v > 1 && format.indexOf("%") >= 0 ? v * 100 : v;
}

/** The inputs typed on 自评依据, by row key ("1.1.a", "7.1.a:national"). */
export function typedEvidenceInputs(grids: readonly Grid[]): Map<string, TypedValue> {
  const inputs = new Map<string, TypedValue>();
  const grid = findSheet(grids, EVIDENCE_SHEET);
  if (!grid) return inputs;
  for (let row = 1; row < rowCount(grid); row++) {
    const key = cellAt(grid, row, EVIDENCE_COL.id);
    const value = typed(grid, row, EVIDENCE_COL.input);
    if (typeof key === "string" && value !== undefined) inputs.set(key.trim(), value);
  }
  return inputs;
}

export interface TypedMetric {
  numerator?: TypedValue;
  denominator?: TypedValue;
  value?: TypedValue;
}

/** The figures typed on 指标数据, by metric id. */
export function typedMetricInputs(grids: readonly Grid[]): Map<string, TypedMetric> {
  const inputs = new Map<string, TypedMetric>();
  const grid = findSheet(grids, METRICS_SHEET);
  if (!grid) return inputs;
  for (let row = 1; row < rowCount(grid); row++) {
    const id = cellAt(grid, row, METRIC_COL.id);
    if (typeof id !== "string") continue;
    const entry: TypedMetric = {
      numerator: typed(grid, row, METRIC_COL.numerator),
      denominator: typed(grid, row, METRIC_COL.denominator),
      value: asShown(grid, row, METRIC_COL.value),
    };
    if (entry.numerator !== undefined || entry.denominator !== undefined || entry.value !== undefined)
      inputs.set(id.trim(), entry);
  }
  return inputs;
}

/** The workbook's evidence in the engine's terms: what the engine scores is what the formulas score. */
export function evidenceFromWorkbook(grids: readonly Grid[], rubric: Rubric): Evidence {
  const inputs = typedEvidenceInputs(grids);
  const values: Record<string, unknown> = {};
  for (const row of evidenceRows(rubric)) {
    const v = inputs.get(row.key);
    if (v === undefined) continue;
    if (row.itemId !== undefined) {
      const counts = (values[row.criterionId] as Record<string, unknown> | undefined) ?? {};
      counts[row.itemId] = v;
      values[row.criterionId] = counts;
    } else {
      values[row.criterionId] = v;
    }
  }
  const metrics: Record<string, unknown> = {};
  for (const [id, m] of typedMetricInputs(grids)) metrics[id] = m;
  return { values, metrics };
}

export function hasEvidenceSheet(grids: readonly Grid[]): boolean {
  return findSheet(grids, EVIDENCE_SHEET) !== undefined;
}

export function evidenceCell(row: number, col: number): string {
  return a1(row, col);
}
