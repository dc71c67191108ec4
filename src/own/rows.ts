/**
 * The rows of 自评依据 and 指标数据, derived from the rubric alone: one row of 自评依据 per criterion
 * (one per item for a count with several kinds of item), one row of 指标数据 per metric. The same on
 * every fill, so what a person typed is read back by key, never by position.
 */
import { byKind, metricOf, type Criterion, type KindFunctions } from "../rubric/criteria/index";
import type { Bound, Metric } from "../rubric/metric";
import type { Indicator, Rubric } from "../rubric/schema";

export interface EvidenceRow {
  /** 0-based row in the 自评依据 sheet. */
  row: number;
  /** "1.1.a", or "7.1.a:national" for one item of a count. */
  key: string;
  criterionId: string;
  itemId?: string;
  /** That item's name (计数项), for the row's text and the form's label. */
  itemLabel?: string;
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

interface RowItem {
  id: string;
  label: string;
}

const oneRow = (): RowItem[] => [];

/**
 * The own-workbook layer's registry: the items of a criterion that get a 自评依据 row each (a count
 * of several kinds of item: 国家级 / 省级 …); none when the criterion has one row.
 */
export const EVIDENCE_ROW_ITEMS: KindFunctions<[], RowItem[]> = {
  flag: oneRow,
  choice: oneRow,
  threshold: oneRow,
  perItem: (c) => (c.items.length > 1 ? c.items : []),
  scaled: oneRow,
  judged: oneRow,
  deduction: oneRow,
  gate: oneRow,
};

export function evidenceRows(rubric: Rubric): EvidenceRow[] {
  const rows: EvidenceRow[] = [];
  let row = 1;
  for (const category of rubric.categories) {
    for (const indicator of category.indicators) {
      for (const criterion of indicator.criteria) {
        const criterionId = indicator.id + "." + criterion.id;
        const items = byKind(EVIDENCE_ROW_ITEMS, criterion);
        if (items.length) {
          items.forEach((item, i) => {
            rows.push({
              row: row++,
              key: criterionId + ":" + item.id,
              criterionId,
              itemId: item.id,
              itemLabel: item.label,
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

/** Whether a criterion's input is typed on 自评依据 (threshold and metric-based inputs come from 指标数据). */
export function takesInput(criterion: Criterion): boolean {
  return metricOf(criterion) === undefined;
}
