/**
 * Formula builders: each criterion kind's score as an Excel formula over its input cell. Only
 * functions Excel 2010+, WPS and LibreOffice all compute (docs/FACTS.md): IF, AND, OR, MIN, MAX, SUM,
 * ROUNDDOWN, ISNUMBER, ABS. Each formula computes what the engine computes for the same input, so
 * the workbook stays right where Ziping is not installed; the e2e test holds them to that.
 */
import { DEFAULT_STEP } from "../rubric/criteria/base";
import { byKind, type Criterion, type KindFunctions } from "../rubric/criteria/index";
import type { Bound } from "../rubric/metric";
import { formatPoints } from "../rubric/text";
import { YES } from "../own/sheets";

/** 'Sheet'!A1 — always quoted: the sheets have Chinese names. */
export function sheetRef(sheet: string, cell: string): string {
  return "'" + sheet.replace(/'/g, "''") + "'!" + cell;
}

function n(value: number): string {
  return formatPoints(value);
}

function quote(text: string): string {
  return '"' + text.replace(/"/g, '""') + '"';
}

/** True when a yes/no cell says yes: "是", TRUE or 1 (the engine reads the same). */
export function isYes(cell: string): string {
  return "OR(" + cell + "=" + quote(YES) + "," + cell + "=TRUE," + cell + "=1)";
}

/** A rate cell as a fraction: a number ≤ 1 is a fraction, above 1 a percentage (CONTRACTS.md). */
export function asFraction(cell: string): string {
  return "IF(" + cell + ">1," + cell + "/100," + cell + ")";
}

/** A bound test on a value expression; a small tolerance like the engine's, so 13/20 meets 65%. */
export function meets(value: string, bound: Bound): string {
  const eps = 1e-9;
  switch (bound.op) {
    case ">=":
      return value + ">=" + n(bound.value) + "-" + eps;
    case ">":
      return value + ">" + n(bound.value) + "+" + eps;
    case "<=":
      return value + "<=" + n(bound.value) + "+" + eps;
    case "<":
      return value + "<" + n(bound.value) + "-" + eps;
    case "=":
      return "ABS(" + value + "-" + n(bound.value) + ")<=" + eps;
  }
}

function floorToStep(expr: string, step: number): string {
  return "ROUNDDOWN(" + expr + "/" + n(step) + "+1E-9,0)*" + n(step);
}

export interface CriterionCells {
  /** The input cell, or the first of several (perItem with several items: one row each). */
  input: string;
  /** One input cell per perItem item, in the criterion's item order. */
  items?: string[];
  /** For threshold criteria and metric-based scaled: the cell holding the metric's value (a fraction for rates). */
  metricValue?: string;
  /** For a criterion that requires another: that one's input cell. */
  requires?: string;
}

/** The score formula of one criterion (without "="). */
/** The score formula of one criterion (without "="). */
export function criterionFormula(c: Criterion, cells: CriterionCells): string {
  const inner = byKind(FORMULAS, c, cells);
  return cells.requires ? "IF(" + isYes(cells.requires) + "," + inner + ",0)" : inner;
}

/** The formulas layer's registry: each kind's score as an Excel expression over its cells. */
export const FORMULAS: KindFunctions<[cells: CriterionCells], string> = {
  flag: (c, { input }) => "IF(" + isYes(input) + "," + n(c.points) + ",0)",
  // A gate gives no points; the indicator's formula reads its input.
  gate: () => "0",
  choice: (c, { input }) =>
    c.options.reduceRight(
      (rest, o) => "IF(" + input + "=" + quote(o.label) + "," + n(o.points) + "," + rest + ")",
      "0"
    ),
  threshold(c, cells) {
    const v = cells.metricValue!;
    return "IF(ISNUMBER(" + v + "),IF(" + meets(v, c.bound) + "," + n(c.points) + ",0),0)";
  },
  perItem(c, cells) {
    const inputs = cells.items ?? [cells.input];
    const count = (cell: string) => "IF(ISNUMBER(" + cell + "),MAX(0,ROUNDDOWN(" + cell + ",0)),0)";
    const sum = c.items.map((item, i) => count(inputs[i]) + "*" + n(item.each)).join("+");
    return c.cap === undefined ? sum : "MIN(" + n(c.cap) + "," + sum + ")";
  },
  scaled(c, cells) {
    const v = cells.metricValue ?? cells.input;
    const rate = cells.metricValue ? v : asFraction(v);
    const bounded = "MIN(1,MAX(0," + rate + "))";
    const mapped =
      c.mapping.type === "linear"
        ? floorToStep(n(c.points) + "*" + bounded, c.step ?? DEFAULT_STEP)
        : c.mapping.bands
            .slice()
            .sort((a, b) => b.points - a.points)
            .reduceRight(
              (rest, band) =>
                "IF(" +
                bounded +
                ">=" +
                n(band.atLeast) +
                "-1E-9," +
                n(Math.min(band.points, c.points)) +
                "," +
                rest +
                ")",
              "0"
            );
    return "IF(ISNUMBER(" + v + ")," + mapped + ",0)";
  },
  judged(c, { input }) {
    const step = c.step ?? DEFAULT_STEP;
    return "IF(ISNUMBER(" + input + ")," + floorToStep("MIN(" + n(c.points) + ",MAX(0," + input + "))", step) + ",0)";
  },
  deduction(c, { input }) {
    const limit = Math.min(c.maxDeduction ?? c.points, c.points);
    return (
      "IF(ISNUMBER(" +
      input +
      ")," +
      n(c.points) +
      "-MIN(" +
      n(limit) +
      ",MAX(0,ROUNDDOWN(" +
      input +
      ",0))*" +
      n(c.per) +
      "),0)"
    );
  },
};

/**
 * An indicator's score: the sum of its criteria's scores, clamped to [0, max], and zero when a
 * gate's fact is "是".
 */
export function indicatorFormula(scoreRange: string, max: number, gateInputs: string[]): string {
  const clamped = "MIN(" + n(max) + ",MAX(0,SUM(" + scoreRange + ")))";
  return gateInputs.length ? "IF(OR(" + gateInputs.map(isYes).join(",") + "),0," + clamped + ")" : clamped;
}
