/**
 * The evidence form: the rubric's criteria grouped by category and indicator, each with its
 * current value read from 自评依据 / 指标数据 (one source of truth: the workbook), and the plan that
 * writes one changed field back.
 */
import { DEFAULT_STEP } from "../../rubric/criteria/base";
import { NO_OPTION } from "../../rubric/criteria/choice";
import type { Criterion, CriterionOf } from "../../rubric/criteria/index";
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

const yesNo = (): FieldControl => ({ type: "yesno" });
const plainNote = (c: Criterion): string | undefined => c.note;

interface FormKind<C> {
  control: (c: C) => FieldControl;
  /** The note under the field: Ziping's note on how the rule was encoded (a scaled criterion's mapping first). */
  note: (c: C) => string | undefined;
}

/** The form layer's registry: each kind's control in the pane's 自评依据 form, and its note. */
export const FORM_KINDS: { [K in Criterion["kind"]]: FormKind<CriterionOf<K>> } = {
  flag: { control: yesNo, note: plainNote },
  gate: { control: yesNo, note: plainNote },
  choice: { control: (c) => ({ type: "choice", options: c.options, none: NO_OPTION }), note: plainNote },
  judged: {
    control: (c) => ({ type: "number", min: 0, max: c.points, step: c.step ?? DEFAULT_STEP, unit: "分" }),
    note: plainNote,
  },
  perItem: { control: (c) => ({ type: "number", min: 0, step: 1, unit: c.unit }), note: plainNote },
  deduction: { control: (c) => ({ type: "number", min: 0, step: 1, unit: c.unit }), note: plainNote },
  scaled: { control: () => ({ type: "rate" }), note: (c) => describeMapping(c) + (c.note ? "。" + c.note : "") },
  threshold: { control: () => ({ type: "rate" }), note: plainNote },
};

/** The criterion's entry in the form registry (the mapped type pairs each kind with its own entry). */
function formKind(c: Criterion): FormKind<Criterion> {
  return FORM_KINDS[c.kind] as FormKind<Criterion>;
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
          return {
            key: r.key,
            criterionId: r.criterionId,
            itemId: r.itemId,
            label: r.itemLabel ?? c.label ?? c.text,
            text: c.text,
            control: formKind(c).control(c),
            hint: inputHint(c, r.itemId),
            value: typed.get(r.key),
            note: formKind(c).note(c),
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
