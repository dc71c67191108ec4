/**
 * Entering evidence into a filled workbook: the values of an evidence set written into the input
 * cells of 自评依据 and 指标数据, as Excel stores what a person types: "65%" becomes the number 0.65
 * shown as a percentage, "是"/true becomes "是", "3项" becomes 3. Text nobody could read is
 * written as it is, for the validator to report.
 */
import type { CriterionKindName } from "../rubric/criteria/index";
import type { Evidence } from "../rubric/engine";
import { parseNumber, parseRate, parseYesNo } from "../rubric/figures";
import { isRate, type Metric } from "../rubric/metric";
import type { Rubric } from "../rubric/schema";
import { a1 } from "../sheet/grid";
import { EVIDENCE_COL, METRIC_COL } from "../own/sheets";
import { evidenceRows, metricRows, takesInput } from "../own/rows";
import { EVIDENCE_SHEET, METRICS_SHEET } from "../own/sheets";
import { NO, YES } from "../own/sheets";
import type { CellStyle, PlanOp, PlanValue, WorkbookPlan } from "./plan";

function raw(value: unknown): PlanValue {
  if (value === null || typeof value === "string" || typeof value === "number" || typeof value === "boolean")
    return value;
  return JSON.stringify(value);
}

type InputType = "yesno" | "number" | "rate" | "text";

const PERCENT: CellStyle = { numberFormat: "0.0%" };

/** A value as Excel would store it once typed into a cell of this kind. */
function asTyped(kind: InputType, value: unknown): { value: PlanValue; style?: CellStyle } {
  if (kind === "yesno") {
    const yes = parseYesNo(value);
    return { value: yes === null ? raw(value) : yes ? YES : NO };
  }
  if (kind === "number" || kind === "rate") {
    const parsed = kind === "rate" ? parseRate(value) : parseNumber(value);
    if (parsed.value === null) return { value: raw(value) };
    return kind === "rate" && typeof value === "string"
      ? { value: parsed.value, style: PERCENT }
      : { value: typeof value === "number" ? value : parsed.value };
  }
  return { value: raw(value) };
}

/**
 * The entry layer's registry: how a value typed for each kind is stored (a threshold's input is
 * its metric's, on 指标数据; a metric-based scaled likewise).
 */
export const INPUT_TYPES: Record<CriterionKindName, InputType> = {
  flag: "yesno",
  gate: "yesno",
  choice: "text",
  scaled: "rate",
  threshold: "number",
  perItem: "number",
  judged: "number",
  deduction: "number",
};

function metricKind(metric: Metric): "number" | "rate" {
  return isRate(metric) ? "rate" : "number";
}

export function evidenceEntryPlan(rubric: Rubric, evidence: Evidence): WorkbookPlan {
  const ops: PlanOp[] = [];
  const values = evidence.values ?? {};
  for (const row of evidenceRows(rubric)) {
    if (!takesInput(row.criterion)) continue;
    const entered = values[row.criterionId];
    if (entered === undefined) continue;
    const value =
      row.itemId !== undefined
        ? (entered as Record<string, unknown>)[row.itemId]
        : typeof entered === "object" && entered !== null && row.criterion.kind === "perItem"
          ? (entered as Record<string, unknown>)[row.criterion.items[0].id]
          : entered;
    if (value === undefined) continue;
    ops.push({
      op: "set",
      sheet: EVIDENCE_SHEET,
      cell: a1(row.row, EVIDENCE_COL.input),
      ...asTyped(INPUT_TYPES[row.criterion.kind], value),
    });
  }
  const metrics = evidence.metrics ?? {};
  for (const row of metricRows(rubric)) {
    const entered = metrics[row.metric.id];
    if (entered === undefined) continue;
    const parts =
      typeof entered === "object" && entered !== null
        ? (entered as { numerator?: unknown; denominator?: unknown; value?: unknown })
        : { value: entered };
    const cells: Array<[number, unknown, "number" | "rate"]> = [
      [METRIC_COL.numerator, parts.numerator, "number"],
      [METRIC_COL.denominator, parts.denominator, "number"],
      [METRIC_COL.value, parts.value, metricKind(row.metric)],
    ];
    for (const [col, v, kind] of cells) {
      if (v !== undefined) ops.push({ op: "set", sheet: METRICS_SHEET, cell: a1(row.row, col), ...asTyped(kind, v) });
    }
  }
  return {
    ops,
    summary: ["在“" + EVIDENCE_SHEET + "”与“" + METRICS_SHEET + "”中填入 " + ops.length + " 项自评依据"],
    kept: [],
  };
}
