/** Reading typed figures back from 指标数据 as a person sees them. */
import { evidenceFromWorkbook } from "../../src/own/read";
import { metricRows } from "../../src/own/rows";
import { METRIC_COL, METRIC_HEADERS } from "../../src/own/sheets";
import { METRICS_SHEET } from "../../src/own/sheets";
import { builtinRubrics } from "../../src/rubric/builtin/index";
import { scoreRubric } from "../../src/rubric/engine";
import type { CellValue, Grid } from "../../src/sheet/grid";

const rubric = builtinRubrics.find((r) => r.id === "sd-2023")!;
const row = metricRows(rubric).find((r) => r.metric.id === "nursing-bed-share")!.row;

function metricsGrid(value: CellValue, format: string): Grid {
  const values: CellValue[][] = [METRIC_HEADERS.slice()];
  const formats: (string | null)[][] = [[]];
  values[row] = [];
  formats[row] = [];
  values[row][METRIC_COL.id] = "nursing-bed-share";
  values[row][METRIC_COL.value] = value;
  formats[row][METRIC_COL.value] = format;
  for (let r = 0; r < values.length; r++) values[r] = values[r] ?? [];
  return { sheet: METRICS_SHEET, values, numberFormats: formats, merges: [] };
}

test.each<[CellValue, string, number]>([
  // A cell showing 65% holds 0.65; one holding 65 with no format means 65% too.
  [0.65, "0%", 0.65],
  [65, "General", 0.65],
  // Shown as 130%: read as 130%, not as 1.3% (and reported as above 100%).
  [1.3, "0%", 1.3],
  // 1.3 with no percent format: by the contract, above 1 is a percentage: 1.3%.
  [1.3, "General", 0.013],
])("%p formatted %p reads as %p", (value, format, fraction) => {
  const evidence = evidenceFromWorkbook([metricsGrid(value, format)], rubric);
  const score = scoreRubric(rubric, evidence);
  expect(score.thresholds.find((t) => t.metric === "nursing-bed-share")!.value).toBeCloseTo(fraction, 10);
});
