/**
 * The words 自评依据 and 指标数据 show beside their inputs: each metric's target, what to type for
 * each kind of criterion, the kind's name. (Their layout and how typed inputs are read back:
 * src/own/rows.ts and src/own/read.ts.)
 */
import { byKind, criterionKindNames, type Criterion, type KindFunctions } from "../rubric/criteria/index";
import { describeMapping } from "../rubric/criteria/scaled";
import { NO_OPTION } from "../rubric/criteria/choice";
import { DEFAULT_STEP } from "../rubric/criteria/base";
import { formatBound } from "../rubric/metric";
import { formatPoints } from "../rubric/text";
import { a1 } from "../sheet/grid";
import type { MetricRow } from "../own/rows";
import { METRICS_SHEET } from "../own/sheets";

export function targetText(row: MetricRow): string {
  return row.bounds.map((b) => formatBound(row.metric, b)).join("；");
}

/** What to type, in Chinese, for the 填写说明 column and the cell's input message. */
export function inputHint(criterion: Criterion, itemId?: string): string {
  return byKind(INPUT_HINTS, criterion, itemId);
}

/** The input hints' registry: what to type for each kind (itemId: the row's item of a count). */
export const INPUT_HINTS: KindFunctions<[itemId: string | undefined], string> = {
  flag: () => "填“是”或“否”",
  gate: () => "出现该情形填“是”，本指标不得分；否则填“否”",
  choice: (criterion) =>
    "选择：" +
    criterion.options.map((o) => o.label + "（" + formatPoints(o.points) + "分）").join("、") +
    "；都不是填“" +
    NO_OPTION +
    "”",
  threshold: () => "取自“" + METRICS_SHEET + "”，请在该表填写",
  perItem(criterion, itemId) {
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
  },
  scaled: (criterion) =>
    (criterion.metric ? "取自“" + METRICS_SHEET + "”；" : "填写" + criterion.basis + "（如 80% 填 80 或 0.8）；") +
    describeMapping(criterion),
  judged: (criterion) =>
    "评定分，填 0–" + formatPoints(criterion.points) + "，步长 " + formatPoints(criterion.step ?? DEFAULT_STEP) + " 分",
  deduction: (criterion) =>
    "填写少完成的数量（" + criterion.unit + "），每" + criterion.unit + "扣 " + formatPoints(criterion.per) + " 分",
};

export function kindName(criterion: Criterion): string {
  return criterionKindNames[criterion.kind];
}

export function evidenceCell(row: number, col: number): string {
  return a1(row, col);
}
