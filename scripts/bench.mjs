#!/usr/bin/env node
/**
 * Benchmarks of the core and the .xlsx adapter (`npm run bench`, after `npm run build:cli`).
 * Speed is measured here, never asserted in tests. Prints the median of several runs per step.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { performance } from "node:perf_hooks";

const require = createRequire(import.meta.url);
const root = join(import.meta.dirname ?? new URL(".", import.meta.url).pathname, "..");
const dist = (p) => require(join(root, "dist", p));
const { readWorkbook, applyPlan, writeWorkbook } = dist("adapters/xlsx/index.js");
const { builtinRubrics } = dist("rubric/builtin/index.js");
const { scoreRubric } = dist("rubric/engine.js");
const { recognizeWorkbook, primarySheet } = dist("sheet/workbook.js");
const { buildFillPlan } = dist("plan/fill.js");

async function median(runs, fn) {
  const times = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

const fmt = (ms) => (ms < 1 ? ms.toFixed(3) : ms.toFixed(1)) + " ms";
const samples = ["微山县-任务分解表.xlsx", "曹县-评分细则.xlsx", "会宁县-考核表.xlsx"];
const evidence = JSON.parse(readFileSync(join(root, "assets", "samples", "曹县-自评依据样例.json"), "utf8"));

console.log("Ziping benchmarks (median of runs), node " + process.version);
const sd = builtinRubrics.find((r) => r.id === "sd-2023");
console.log("  engine: score sd-2023 with the sample evidence      " + fmt(await median(200, () => scoreRubric(sd, evidence))));

for (const file of samples) {
  const bytes = readFileSync(join(root, "assets", "samples", file));
  const read = await median(10, () => readWorkbook(bytes));
  const workbook = await readWorkbook(bytes);
  const grids = workbook.grids();
  const recognize = await median(20, () => recognizeWorkbook(grids, builtinRubrics));
  const primary = primarySheet(recognizeWorkbook(grids, builtinRubrics));
  const plan = await median(20, () => buildFillPlan(grids, primary.layout, primary.match));
  const { plan: built } = buildFillPlan(grids, primary.layout, primary.match);
  const apply = await median(5, async () => applyPlan(await readWorkbook(bytes), built));
  applyPlan(workbook, built);
  const write = await median(5, () => writeWorkbook(workbook));
  console.log(
    "  " + file + ": read " + fmt(read) + ", recognize " + fmt(recognize) + ", plan " + fmt(plan) + " (" + built.ops.length +
      " ops), read+apply " + fmt(apply) + ", write " + fmt(write),
  );
}

// A large task-breakdown: 微山's 31 rows repeated to about 1 000 rows, to see how recognition scales.
const big = (await readWorkbook(readFileSync(join(root, "assets", "samples", "微山县-任务分解表.xlsx")))).grids()[0];
const rows = big.values.slice(2);
const values = big.values.slice(0, 2);
while (values.length < 1002) values.push(...rows);
const grid = { ...big, values: values.slice(0, 1002), merges: big.merges };
const t = await median(5, () => recognizeWorkbook([grid], builtinRubrics));
console.log("  recognize + match a 1 000-row task-breakdown sheet against 4 rubrics: " + fmt(t));
