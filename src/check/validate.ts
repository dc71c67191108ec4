/**
 * The validator: everything a reviewer would catch in a recognized workbook before it is sent,
 * as findings with their cells. Pure: Grids and a recognition in, findings out; it never throws
 * on what a sheet holds (every value is read through the figure parsers).
 */
import { isMultipleOf, type EvidenceProblem } from "../rubric/criteria/base";
import { maxPointsOf, metricOf } from "../rubric/criteria/index";
import type { EvidenceIssue, RubricScore } from "../rubric/engine";
import { parseNumber } from "../rubric/figures";
import { formatMetricValue } from "../rubric/metric";
import type { Indicator, Rubric } from "../rubric/schema";
import { formatPercent, formatPoints } from "../rubric/text";
import { evidenceRows, metricRows } from "../own/rows";
import { EVIDENCE_COL, EVIDENCE_SHEET, METRIC_COL, METRICS_SHEET, SUMMARY_SHEET, isOurFormula } from "../own/sheets";
import { typedEvidenceInputs, typedMetricInputs } from "../own/read";
import { a1, cellAt, formulaAt, isBlankValue, isErrorValue, parseA1, textAt, type Grid } from "../sheet/grid";
import type { RowMatch } from "../sheet/match";
import type { SheetRecognition } from "../sheet/workbook";
import { findingCodes, SEVERITY_ORDER, type Finding, type FindingCode, type FindingParams } from "./findings";
import { renderMessage } from "./messages.zh-CN";
import { scoreWorkbook, type WorkbookScore } from "./workbookScore";

export interface Validation extends WorkbookScore {
  findings: Finding[];
}

export interface ValidateOptions {
  /** Explanations (说明) of warnings, by finding key (see findingKey). */
  accepted?: ReadonlyMap<string, string>;
}

/** The key a 说明 is stored under: stable across runs for the same finding. */
export function findingKey(f: Pick<Finding, "code" | "sheet" | "cell" | "indicator">): string {
  return [f.code, f.sheet, f.cell, f.indicator ?? ""].join("|");
}

export function makeFinding(
  code: FindingCode,
  sheet: string,
  cell: string,
  params: FindingParams,
  indicator?: string
): Finding {
  const finding: Finding = {
    code,
    severity: findingCodes[code],
    sheet,
    cell,
    params,
    message: renderMessage(code, params, cell),
  };
  if (indicator !== undefined) finding.indicator = indicator;
  return finding;
}

const EPS = 1e-9;

function short(text: string, n = 30): string {
  return text.length > n ? text.slice(0, n) + "…" : text;
}

/** The points an indicator's row carries in a sheet: its base, or its bonus for a 加分项目. */
function rowMax(indicator: Indicator): number {
  return indicator.points > 0 ? indicator.points : (indicator.bonus ?? 0);
}

/** A cell's value for a message: its text, cut short (a cell may hold 32 767 characters). */
function shownValue(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "object") return (value as { error?: string }).error ?? "";
  return short(String(value), 40);
}

class Collector {
  readonly findings: Finding[] = [];
  private readonly seen = new Set<string>();
  add(code: FindingCode, sheet: string, cell: string, params: FindingParams, indicator?: string): void {
    const f = makeFinding(code, sheet, cell, params, indicator);
    const key = findingKey(f);
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.findings.push(f);
  }
}

function checkScoreCell(out: Collector, grid: Grid, m: RowMatch, col: number, rubric: Rubric): number | null {
  const cell = a1(m.row.row, col);
  const id = m.indicator.id;
  const value = cellAt(grid, m.row.row, col);
  const max = rowMax(m.indicator);
  if (isErrorValue(value)) {
    out.add("formula.error", grid.sheet, cell, { what: "自评得分", error: value.error }, id);
    return null;
  }
  if (isBlankValue(value)) {
    out.add("score.blank", grid.sheet, cell, { indicator: id + " " + short(m.indicator.text, 20), max }, id);
    return null;
  }
  const parsed = parseNumber(value);
  if (parsed.value === null) {
    out.add("score.not-number", grid.sheet, cell, { value: shownValue(value) }, id);
    return null;
  }
  const n = parsed.value;
  if (parsed.problems.indexOf("number-as-text") >= 0)
    out.add("score.unit-text", grid.sheet, cell, { value: shownValue(value), read: formatPoints(n) }, id);
  if (n < 0) out.add("score.negative", grid.sheet, cell, { value: formatPoints(n) }, id);
  else if (n > max + EPS) out.add("score.over-max", grid.sheet, cell, { value: formatPoints(n), max }, id);
  if (!isMultipleOf(n, rubric.step)) out.add("score.step", grid.sheet, cell, { value: n, step: rubric.step }, id);
  return n;
}

function checkRows(
  out: Collector,
  grids: readonly Grid[],
  grid: Grid,
  recognition: SheetRecognition,
  scored: WorkbookScore
): void {
  const { layout } = recognition;
  const match = recognition.match!;
  const rubric = match.rubric;
  const scoreCol = layout.columns.selfScore;
  const supported = new Map(
    (scored.supported?.categories ?? []).flatMap((c) => c.indicators).map((i) => [i.id, i] as const)
  );
  const unanswered = scored.supported ? indicatorsWithoutEvidence(grids, rubric) : new Set<string>();
  const namesLeads = layout.columns.lead !== undefined || match.matches.some((m) => m.row.lead);
  if (scoreCol === undefined) out.add("score.column-missing", grid.sheet, "", { sheet: grid.sheet });
  const evidenceHeader =
    layout.columns.evidence !== undefined
      ? textAt(grid, layout.headerRow, layout.columns.evidence) || "材料提供情况"
      : "";
  for (const m of match.matches) {
    const id = m.indicator.id;
    const n = scoreCol === undefined ? null : checkScoreCell(out, grid, m, scoreCol, rubric);
    const scoreCell = scoreCol === undefined ? "" : a1(m.row.row, scoreCol);
    if (
      n !== null &&
      n > 0 &&
      layout.columns.evidence !== undefined &&
      isBlankValue(cellAt(grid, m.row.row, layout.columns.evidence))
    ) {
      out.add(
        "evidence.missing",
        grid.sheet,
        a1(m.row.row, layout.columns.evidence),
        { value: formatPoints(n), column: evidenceHeader },
        id
      );
    }
    const s = supported.get(id);
    if (n !== null && s) {
      const most = m.indicator.points > 0 ? s.score : s.bonus.score;
      if (n > most + EPS)
        out.add(
          "evidence.unsupported",
          grid.sheet,
          scoreCell,
          { value: formatPoints(n), supported: formatPoints(most), indicator: id },
          id
        );
    }
    // A score computed from nothing: the formula shows 0 (or a gate's full points), nobody answered.
    if (scoreCol !== undefined && unanswered.has(id) && isOurFormula(formulaAt(grid, m.row.row, scoreCol))) {
      out.add("score.no-evidence", grid.sheet, scoreCell, { indicator: id + " " + short(m.indicator.text, 20) }, id);
    }
    // Every task needs a lead: where the sheet has a 牵头单位 (or a 责任单位 cell holding "牵头单位：…"),
    // a row without one is reported even when 责任单位 is filled.
    const hasUnitColumn = layout.columns.units !== undefined || layout.columns.lead !== undefined;
    const unitMissing = namesLeads ? !m.row.lead : !m.row.lead && !m.row.responsible;
    if (layout.kind === "task-breakdown" && hasUnitColumn && unitMissing) {
      out.add(
        "unit.missing",
        grid.sheet,
        a1(m.row.row, layout.columns.units ?? layout.columns.lead!),
        { row: m.row.row + 1 },
        id
      );
    }
  }
  for (const d of match.pointsDiffer) {
    const col = layout.columns.points ?? layout.columns.indicator ?? 0;
    out.add(
      "rubric.points-differ",
      grid.sheet,
      a1(d.row.row, col),
      { sheet: d.sheet, rubric: d.rubric, indicator: d.indicator.id },
      d.indicator.id
    );
  }
  for (const r of match.unmatchedRows) {
    out.add("rubric.unknown-row", grid.sheet, a1(r.row, layout.columns.indicator ?? 0), {
      row: r.row + 1,
      text: short(r.text),
    });
  }
  for (const missing of match.missing)
    out.add(
      "rubric.indicator-missing",
      grid.sheet,
      "",
      { indicator: missing.id, text: short(missing.text) },
      missing.id
    );
}

function checkRubricNotes(out: Collector, grid: Grid, recognition: SheetRecognition): void {
  const { layout } = recognition;
  const match = recognition.match!;
  const rubric = match.rubric;
  const cellOf = (indicator: string) => {
    const m = match.matches.find((x) => x.indicator.id === indicator);
    const col = layout.columns.points ?? layout.columns.selfScore ?? layout.columns.indicator;
    return m && col !== undefined ? a1(m.row.row, col) : "";
  };
  const indicatorOf = (id: string) => rubric.categories.flatMap((c) => c.indicators).find((i) => i.id === id);
  for (const d of rubric.discrepancies) {
    const indicator = d.indicator ? indicatorOf(d.indicator) : undefined;
    if (d.kind === "sub-points-exceed" && indicator) {
      const parts = indicator.criteria.filter((c) => !c.bonus).reduce((s, c) => s + maxPointsOf(c), 0);
      out.add(
        "rubric.sub-points-exceed",
        grid.sheet,
        cellOf(indicator.id),
        { indicator: indicator.id, parts, points: indicator.points, quote: d.quote },
        indicator.id
      );
    } else if (d.kind === "uncapped-bonus" && indicator) {
      out.add(
        "rubric.uncapped-bonus",
        grid.sheet,
        cellOf(indicator.id),
        { indicator: indicator.id, points: indicator.points, quote: d.quote },
        indicator.id
      );
    } else if (d.kind === "category-points-differ") {
      const category = rubric.categories.find((c) => c.id === d.category);
      // A derived rubric scores the items' sum; its header's number is checked at the category cell below.
      if (category && !rubric.derived)
        out.add("rubric.category-points-differ", grid.sheet, "", {
          category: category.title,
          stated: category.points,
          sum: category.indicators.reduce((s, i) => s + i.points, 0),
        });
    } else if (d.kind === "total-differs") {
      out.add("rubric.total-differs", grid.sheet, "", {
        stated: rubric.points,
        sum: rubric.categories.reduce((s, c) => s + c.points, 0),
      });
    }
  }
  // A derived rubric's criteria the grammar could not read: 待确认, one info each.
  if (rubric.derived) {
    for (const category of rubric.categories) {
      for (const indicator of category.indicators) {
        for (const c of indicator.criteria) {
          if (c.pending)
            out.add(
              "rubric.criterion-unparsed",
              grid.sheet,
              cellOf(indicator.id),
              { text: short(c.text, 40) },
              indicator.id
            );
        }
      }
    }
  }
  // A category cell's "(共18分)" against the rubric's points for the indicators under it.
  const checked = new Set<number>();
  for (const m of match.matches) {
    const stated = m.row.category;
    if (!stated || stated.points === undefined || stated.bonus || checked.has(stated.row)) continue;
    checked.add(stated.row);
    const category = rubric.categories.find((c) => c.id === m.categoryId)!;
    const sum = category.indicators.reduce((s, i) => s + i.points, 0);
    if (Math.abs(sum - stated.points) > EPS) {
      // A heading row ("安全部分（50分）" across the table) stands in its first column.
      out.add("rubric.category-points-differ", grid.sheet, a1(stated.row, layout.columns.category ?? 0), {
        category: stated.title,
        stated: stated.points,
        sum,
      });
    }
  }
}

function checkEvidence(
  out: Collector,
  grids: readonly Grid[],
  rubric: Rubric,
  supported: RubricScore | undefined
): void {
  if (!supported) return;
  const evidence = grids.find((g) => g.sheet === EVIDENCE_SHEET);
  const metrics = grids.find((g) => g.sheet === METRICS_SHEET);
  const evidenceRow = new Map(
    evidenceRows(rubric)
      .filter((r) => r.first)
      .map((r) => [r.criterionId, r.row] as const)
  );
  const metricRow = new Map(metricRows(rubric).map((r) => [r.metric.id, r] as const));
  const cellOfIssue = (issue: EvidenceIssue): { sheet: string; cell: string; value: string } | undefined => {
    const m = metricRow.get(issue.ref);
    if (m && metrics) {
      const typedCol =
        [METRIC_COL.value, METRIC_COL.numerator, METRIC_COL.denominator].find(
          (c) => !isBlankValue(cellAt(metrics, m.row, c))
        ) ?? METRIC_COL.value;
      return { sheet: METRICS_SHEET, cell: a1(m.row, typedCol), value: shownValue(cellAt(metrics, m.row, typedCol)) };
    }
    const row = evidenceRow.get(issue.ref);
    if (row !== undefined && evidence)
      return {
        sheet: EVIDENCE_SHEET,
        cell: a1(row, EVIDENCE_COL.input),
        value: shownValue(cellAt(evidence, row, EVIDENCE_COL.input)),
      };
    return undefined;
  };
  const indicatorOf = (ref: string) => (metricRow.has(ref) ? undefined : ref.split(".").slice(0, 2).join("."));
  for (const issue of supported.problems) {
    // A threshold criterion reports its metric's problems too; the metric's own row says it once.
    if (
      !metricRow.has(issue.ref) &&
      (issue.code === "number-as-text" || issue.code === "rate-over-100" || issue.code === "not-number") &&
      isThresholdRef(rubric, issue.ref)
    )
      continue;
    const where = cellOfIssue(issue);
    if (!where) continue;
    const params = problemParams(issue, where.value, rubric, issue.ref);
    if (params) out.add(params.code, where.sheet, where.cell, params.params, indicatorOf(issue.ref));
  }
  for (const t of supported.thresholds) {
    if (t.met !== false) continue;
    const m = metricRow.get(t.metric);
    const cell = m && metrics ? a1(m.row, METRIC_COL.status) : "";
    const grid = m && metrics ? METRICS_SHEET : EVIDENCE_SHEET;
    const metric = rubric.metrics.find((x) => x.id === t.metric)!;
    const shown = t.value === null ? "" : formatMetricValue(metric, t.value);
    out.add(
      "threshold.unmet",
      grid,
      cell,
      { metric: t.name, value: shown, bound: t.boundText, ref: t.ref },
      t.from === "criterion" ? indicatorOf(t.ref) : undefined
    );
  }
}

function isThresholdRef(rubric: Rubric, ref: string): boolean {
  const [c, i, k] = ref.split(".");
  const indicator = rubric.categories.find((x) => x.id === c)?.indicators.find((x) => x.id === c + "." + i);
  const criterion = indicator?.criteria.find((x) => x.id === k);
  return criterion !== undefined && metricOf(criterion) !== undefined;
}

function problemParams(
  issue: EvidenceProblem & { ref: string },
  value: string,
  rubric: Rubric,
  ref: string
): { code: FindingCode; params: FindingParams } | undefined {
  switch (issue.code) {
    case "number-as-text": {
      const read = parseNumber(value).value;
      const percent = /[%％]/.test(value);
      return {
        code: "evidence.not-number",
        params: { value, read: read === null ? null : percent ? formatPercent(read) : formatPoints(read) },
      };
    }
    case "not-number":
      return { code: "evidence.not-number", params: { value, read: null } };
    case "rate-over-100": {
      const metric = rubric.metrics.find((m) => m.id === ref);
      return { code: "evidence.rate-over-100", params: { name: metric?.name ?? ref } };
    }
    case "out-of-range":
    case "step":
    case "negative":
      return {
        code: "evidence.out-of-range",
        params: {
          value,
          min: issue.params?.min ?? 0,
          max: issue.params?.max ?? "",
          step: issue.params?.step ?? rubric.step,
        },
      };
    case "unknown-option":
      return { code: "evidence.not-an-option", params: { value, options: String(issue.params?.options ?? "") } };
    case "not-yes-no":
      return { code: "evidence.not-an-option", params: { value, options: null } };
  }
}

/**
 * Indicators whose every input on 自评依据 and 指标数据 is blank: their formulas score nothing that
 * anyone entered, so the workbook is not ready to send.
 */
function indicatorsWithoutEvidence(grids: readonly Grid[], rubric: Rubric): Set<string> {
  const typed = typedEvidenceInputs(grids);
  const metrics = typedMetricInputs(grids);
  const answered = new Set<string>();
  for (const row of evidenceRows(rubric)) {
    const metric = metricOf(row.criterion);
    if (metric !== undefined ? metrics.has(metric) : typed.has(row.key)) answered.add(row.indicator.id);
  }
  const blank = new Set<string>();
  for (const category of rubric.categories)
    for (const indicator of category.indicators) if (!answered.has(indicator.id)) blank.add(indicator.id);
  return blank;
}

/** A cell as SUM sees it: its number, or nothing (text and blanks count 0). */
function numericAt(grid: Grid, row: number, col: number): number {
  const v = cellAt(grid, row, col);
  return typeof v === "number" ? v : 0;
}

function checkTotals(
  out: Collector,
  grids: readonly Grid[],
  grid: Grid,
  recognition: SheetRecognition,
  score: RubricScore
): void {
  const { layout } = recognition;
  const match = recognition.match!;
  const col = layout.columns.selfScore;
  const base = match.matches.filter((m) => m.indicator.points > 0);
  if (col !== undefined) {
    for (const total of layout.rows.filter((r) => r.kind === "total")) {
      const value = parseNumber(cellAt(grid, total.row, col)).value;
      if (value === null) continue;
      const sum = base.reduce((s, m) => s + numericAt(grid, m.row.row, col), 0);
      if (Math.abs(value - sum) > 1e-6)
        out.add("total.mismatch", grid.sheet, a1(total.row, col), {
          what: "合计",
          value: formatPoints(value),
          sum: formatPoints(sum),
        });
    }
  }
  const summary = grids.find((g) => g.sheet === SUMMARY_SHEET);
  if (!summary) return;
  const scored = new Map(score.categories.flatMap((c) => c.indicators).map((i) => [i.id, i] as const));
  const value = (id: string, bonus: boolean): number => {
    const m = match.matches.find((x) => x.indicator.id === id);
    const bonusOnly = m ? m.indicator.points === 0 : false;
    if (m && col !== undefined && bonus === bonusOnly) return numericAt(grid, m.row.row, col);
    const s = scored.get(id)!;
    return bonus ? s.bonus.score : s.score;
  };
  let total = 0;
  match.rubric.categories.forEach((category, i) => {
    const row = i + 1;
    const stated = parseNumber(cellAt(summary, row, 3)).value;
    const sum = category.indicators.reduce((s, ind) => s + (ind.points > 0 ? value(ind.id, false) : 0), 0);
    total += stated ?? 0;
    if (stated !== null && Math.abs(stated - sum) > 1e-6)
      out.add("total.mismatch", SUMMARY_SHEET, a1(row, 3), {
        what: category.title + "小计",
        value: formatPoints(stated),
        sum: formatPoints(sum),
      });
  });
  const totalRow = match.rubric.categories.length + 1;
  const stated = parseNumber(cellAt(summary, totalRow, 3)).value;
  if (stated !== null && Math.abs(stated - total) > 1e-6)
    out.add("total.mismatch", SUMMARY_SHEET, a1(totalRow, 3), {
      what: "合计",
      value: formatPoints(stated),
      sum: formatPoints(total),
    });
}

/** Error values (#REF! …) in the cells the workbook's scores depend on. */
function checkFormulaErrors(out: Collector, grids: readonly Grid[], grid: Grid, recognition: SheetRecognition): void {
  const scan = (g: Grid, what: string, cols?: number[]) => {
    g.values.forEach((row, r) =>
      row.forEach((v, c) => {
        if ((cols === undefined || cols.indexOf(c) >= 0) && isErrorValue(v))
          out.add("formula.error", g.sheet, a1(r, c), { what, error: v.error });
      })
    );
  };
  // The 自评得分 column's errors are reported by the row checks, with their indicator.
  if (recognition.layout.columns.points !== undefined) scan(grid, "分值", [recognition.layout.columns.points]);
  const evidence = grids.find((g) => g.sheet === EVIDENCE_SHEET);
  if (evidence) scan(evidence, EVIDENCE_SHEET, [EVIDENCE_COL.input, EVIDENCE_COL.score]);
  const metrics = grids.find((g) => g.sheet === METRICS_SHEET);
  if (metrics) scan(metrics, METRICS_SHEET, [METRIC_COL.computed, METRIC_COL.status]);
  const summary = grids.find((g) => g.sheet === SUMMARY_SHEET);
  if (summary) scan(summary, SUMMARY_SHEET);
}

function cellOrder(sheetOrder: Map<string, number>) {
  return (a: Finding, b: Finding): number => {
    const s = SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity];
    if (s) return s;
    const sheet = (sheetOrder.get(a.sheet) ?? 99) - (sheetOrder.get(b.sheet) ?? 99);
    if (sheet) return sheet;
    if (!a.cell || !b.cell) return a.cell ? 1 : b.cell ? -1 : 0;
    const x = parseA1(a.cell);
    const y = parseA1(b.cell);
    return x.row - y.row || x.col - y.col;
  };
}

/** Validates the recognized sheet of a workbook and its evidence, totals and formulas. */
export function validateRecognized(
  grids: readonly Grid[],
  recognition: SheetRecognition,
  options: ValidateOptions = {}
): Validation {
  const grid = grids.find((g) => g.sheet === recognition.layout.sheet)!;
  const out = new Collector();
  const scored = scoreWorkbook(grids, recognition);
  checkRows(out, grids, grid, recognition, scored);
  checkRubricNotes(out, grid, recognition);
  checkEvidence(out, grids, recognition.match!.rubric, scored.supported);
  checkTotals(out, grids, grid, recognition, scored.supported ?? scored.score);
  checkFormulaErrors(out, grids, grid, recognition);
  const findings = out.findings.map((f) => {
    const note = f.severity !== "error" ? options.accepted?.get(findingKey(f)) : undefined;
    return note ? { ...f, accepted: { note } } : f;
  });
  const order = new Map(grids.map((g, i) => [g.sheet, i] as const));
  findings.sort(cellOrder(order));
  return { ...scored, findings };
}
