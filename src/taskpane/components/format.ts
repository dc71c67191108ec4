/**
 * Small display helpers shared by the pane's components: names of sheet kinds, points, rates,
 * the values a person typed, and error messages — all in Chinese.
 */
import type { SheetKind } from "../../sheet/recognize";
import type { SheetRecognition } from "../../sheet/workbook";
import { parseRate } from "../../rubric/figures";
import { formatPercent, formatPoints } from "../../rubric/text";
import type { Rubric } from "../../rubric/schema";

export const KIND_NAMES: Record<SheetKind, string> = {
  "task-breakdown": "任务分解表",
  scoring: "评分细则",
  assessment: "考核表",
  unknown: "未识别",
};

/** 100, 2.5, 0.333. */
export function points(n: number): string {
  return formatPoints(n);
}

/** Rubrics that can score a sheet: those with categories (a targets-only document has none). */
export function scoringRubrics(rubrics: readonly Rubric[]): Rubric[] {
  return rubrics.filter((r) => r.categories.length > 0);
}

/** A typed cell value as text, for a text box. */
export function typedText(value: string | number | boolean | undefined): string {
  if (value === undefined) return "";
  if (typeof value === "boolean") return value ? "是" : "否";
  return String(value);
}

/** A typed rate as a person would read it: 0.6 → "60%", 60 → "60%", "６０％" as written. */
export function rateText(value: string | number | boolean | undefined): string {
  if (typeof value !== "number") return typedText(value);
  const parsed = parseRate(value);
  return parsed.value === null ? String(value) : formatPercent(parsed.value);
}

// In a module of its own, so that the pane's first load (App.tsx) takes it without the rest.
export { errorText } from "./errorText";

/** A sheet other than the one scored, in a line: “说明”：未识别（…为什么）. */
export function otherSheetLine(s: SheetRecognition): string {
  return (
    "“" +
    s.layout.sheet +
    "”：" +
    KIND_NAMES[s.layout.kind] +
    (s.layout.kind === "unknown" && s.layout.reason ? "（" + s.layout.reason + "）" : "") +
    (s.layout.kind !== "unknown" && !s.match ? "（没有相符的评分细则）" : "")
  );
}
