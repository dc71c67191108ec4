/**
 * The evidence form: the rubric's criteria grouped by category and indicator, each with its
 * current value read from 自评依据 / 指标数据 (one source of truth: the workbook), and the plan that
 * writes one changed field back.
 */
import { DEFAULT_STEP } from "../../rubric/criteria/base";
import { NO_OPTION } from "../../rubric/criteria/choice";
import type { Criterion } from "../../rubric/criteria/index";
import { describeMapping } from "../../rubric/criteria/scaled";
import { formatBound, isRate, type Metric } from "../../rubric/metric";
import type { Rubric } from "../../rubric/schema";
import { evidenceEntryPlan } from "../../plan/evidenceEntry";
import { evidenceRows, metricRows, takesInput } from "../../own/rows";
import { inputHint } from "../../plan/evidenceSheet";
import { typedEvidenceInputs, typedMetricInputs, type TypedValue } from "../../own/read";
import type { WorkbookPlan } from "../../plan/plan";
import { a1, type Grid } from "../../sheet/grid";
import { EVIDENCE_COL, EVIDENCE_SHEET, METRIC_COL, METRICS_SHEET } from "../../own/sheets";

export type FieldControl =
  | { type: "yesno" }
  | { type: "choice"; options: Array<{ label: string; points: number }>; none: string }
  | { type: "number"; min: number; max?: number; step: number; unit?: string }
  | { type: "rate" };

export interface CriterionField {
  /** "1.1.a" or "7.1.a:national" */
  key: string;
  criterionId: string;
  itemId?: string;
  label: string;
  /** The rule's own words. */
  text: string;
  control: FieldControl;
  hint: string;
  value?: TypedValue;
  /** Ziping's note on how the rule was encoded (a default mapping, a judged range). */
  note?: string;
}

export interface IndicatorSection {
  id: string;
  text: string;
  rule: string;
  points: number;
  bonus: number;
  fields: CriterionField[];
}

export interface CategorySection {
  id: string;
  title: string;
  indicators: IndicatorSection[];
}

export interface MetricField {
  id: string;
  name: string;
  unit: string;
  rate: boolean;
  numerator?: string;
  denominator?: string;
  bounds: string;
  values: { numerator?: TypedValue; denominator?: TypedValue; value?: TypedValue };
}

export interface EvidenceForm {
  categories: CategorySection[];
  metrics: MetricField[];
}

function controlOf(c: Criterion): FieldControl {
  switch (c.kind) {
    case "flag":
    case "gate":
      return { type: "yesno" };
    case "choice":
      return { type: "choice", options: c.options, none: NO_OPTION };
    case "judged":
      return { type: "number", min: 0, max: c.points, step: c.step ?? DEFAULT_STEP, unit: "分" };
    case "perItem":
      return { type: "number", min: 0, step: 1, unit: c.unit };
    case "deduction":
      return { type: "number", min: 0, step: 1, unit: c.unit };
    case "scaled":
    case "threshold":
      return { type: "rate" };
  }
}

export function evidenceForm(rubric: Rubric, grids: readonly Grid[]): EvidenceForm {
  const typed = typedEvidenceInputs(grids);
  const rows = evidenceRows(rubric).filter((r) => takesInput(r.criterion));
  const categories: CategorySection[] = rubric.categories.map((category) => ({
    id: category.id,
    title: category.title,
    indicators: category.indicators.map((indicator) => ({
      id: indicator.id,
      text: indicator.text,
      rule: indicator.rule,
      points: indicator.points,
      bonus: indicator.bonus ?? 0,
      fields: rows
        .filter((r) => r.indicator === indicator)
        .map((r) => {
          const c = r.criterion;
          const item = c.kind === "perItem" && r.itemId ? c.items.find((i) => i.id === r.itemId) : undefined;
          return {
            key: r.key,
            criterionId: r.criterionId,
            itemId: r.itemId,
            label: item ? item.label : (c.label ?? c.text),
            text: c.text,
            control: controlOf(c),
            hint: inputHint(c, r.itemId),
            value: typed.get(r.key),
            note: c.kind === "scaled" ? describeMapping(c) + (c.note ? "。" + c.note : "") : c.note,
          };
        }),
    })),
  }));
  const metricsTyped = typedMetricInputs(grids);
  const metrics: MetricField[] = metricRows(rubric).map((r) => ({
    id: r.metric.id,
    name: r.metric.name,
    unit: r.metric.unit,
    rate: isRate(r.metric),
    numerator: r.metric.numerator,
    denominator: r.metric.denominator,
    bounds: r.bounds.map((b) => formatBound(r.metric, b)).join("；"),
    values: metricsTyped.get(r.metric.id) ?? {},
  }));
  return { categories, metrics };
}

/** The plan that writes one criterion field, as a person typing it into 自评依据 would. */
export function criterionFieldPlan(
  rubric: Rubric,
  field: Pick<CriterionField, "criterionId" | "itemId">,
  value: unknown
): WorkbookPlan {
  if (value === null || value === "" || value === undefined) return clearing(rubric, field);
  const entered = field.itemId !== undefined ? { [field.itemId]: value } : value;
  return evidenceEntryPlan(rubric, { values: { [field.criterionId]: entered } });
}

function clearing(rubric: Rubric, field: Pick<CriterionField, "criterionId" | "itemId">): WorkbookPlan {
  const row = evidenceRows(rubric).find((r) => r.criterionId === field.criterionId && r.itemId === field.itemId);
  if (!row) return { ops: [], summary: [], kept: [] };
  return {
    ops: [{ op: "set", sheet: EVIDENCE_SHEET, cell: a1(row.row, EVIDENCE_COL.input), value: null }],
    summary: [],
    kept: [],
  };
}

/** The plan that writes one metric part (分子, 分母 or 实际值). */
export function metricFieldPlan(
  rubric: Rubric,
  metric: Metric,
  part: "numerator" | "denominator" | "value",
  value: unknown
): WorkbookPlan {
  const row = metricRows(rubric).find((r) => r.metric.id === metric.id);
  if (!row) return { ops: [], summary: [], kept: [] };
  if (value === null || value === "" || value === undefined) {
    return {
      ops: [{ op: "set", sheet: METRICS_SHEET, cell: a1(row.row, METRIC_COL[part]), value: null }],
      summary: [],
      kept: [],
    };
  }
  return evidenceEntryPlan(rubric, { metrics: { [metric.id]: { [part]: value } } });
}
