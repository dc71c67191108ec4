/**
 * A finding: what a reviewer would catch, as data — a stable code, a severity, where (sheet and
 * cell), the indicator, and the numbers and names in `params`. The Chinese message is rendered
 * from code + params by messages.zh-CN.ts. Codes never change once released (CONTRACTS.md).
 */

export const findingCodes = {
  "score.blank": "error",
  "score.not-number": "error",
  "score.unit-text": "warning",
  "score.over-max": "error",
  "score.negative": "error",
  "score.step": "error",
  "score.column-missing": "error",
  "score.no-evidence": "error",
  "total.mismatch": "error",
  "rubric.points-differ": "warning",
  "rubric.sub-points-exceed": "warning",
  "rubric.category-points-differ": "warning",
  "rubric.total-differs": "warning",
  "rubric.uncapped-bonus": "warning",
  "rubric.indicator-missing": "warning",
  "rubric.unknown-row": "warning",
  "rubric.criterion-unparsed": "info",
  "threshold.unmet": "warning",
  "evidence.unsupported": "error",
  "evidence.missing": "warning",
  "evidence.not-number": "warning",
  "evidence.rate-over-100": "warning",
  "evidence.out-of-range": "warning",
  "evidence.not-an-option": "warning",
  "formula.error": "error",
  "unit.missing": "warning",
} as const;

export type FindingCode = keyof typeof findingCodes;
export type Severity = "error" | "warning" | "info";

export type FindingParams = Record<string, string | number | null>;

export interface Finding {
  code: FindingCode;
  severity: Severity;
  sheet: string;
  /** A1 without "$" and without the sheet; "" when the finding is about the sheet as a whole. */
  cell: string;
  indicator?: string;
  params: FindingParams;
  message: string;
  /** A warning a person explained (说明). */
  accepted?: { note: string };
}

export const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
export const SEVERITY_NAMES: Record<Severity, string> = { error: "错误", warning: "警告", info: "提示" };

export function countBySeverity(findings: readonly Finding[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of findings) if (!f.accepted) counts[f.severity]++;
  return counts;
}
