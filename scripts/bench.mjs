#!/usr/bin/env node
/**
 * Benchmarks of the core and the .xlsx adapter (`npm run bench`, after `npm run build:cli`).
 * Speed is measured here, never asserted in tests. Prints the median of several runs per step.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
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

// --- CLI start-up, side by side with loading exceljs alone (issue 14: goal ≤ 1.3×) ---------------
// Each command line is spawned CLI_RUNS times, the commands interleaved round by round (so a change
// of load on the shared machine weighs on all alike); the median wall time of each is printed.
// `validate` of a missing file loads everything validate needs (exceljs, JSZip, zod, the rubrics)
// and stops at reading the file: the start a real validate pays before any work.
// `node scripts/bench.mjs --cli-start [DIST]` runs this part only (DIST: another build to compare).
const CLI_RUNS = 10;
function cliStart(distDir = join(root, "dist")) {
  const main = join(distDir, "cli", "main.js");
  const missing = join(tmpdir(), "ziping-bench-no-such-file.xlsx");
  const lines = [
    { id: "exceljs", label: "node -e \"require('exceljs')\"", args: ["-e", "require('exceljs')"] },
    { id: "help", label: "ziping --help", args: [main, "--help"] },
    { id: "rubrics", label: "ziping rubrics", args: [main, "rubrics"] },
    { id: "validate", label: "ziping validate (missing file: start only)", args: [main, "validate", missing] },
  ];
  const times = new Map(lines.map((l) => [l.id, []]));
  for (let round = 0; round < CLI_RUNS; round++) {
    for (const l of lines) {
      const t = performance.now();
      spawnSync(process.execPath, l.args, { cwd: root, encoding: "utf8" });
      times.get(l.id).push(performance.now() - t);
    }
  }
  const median = (id) => {
    const list = times.get(id).sort((a, b) => a - b);
    return (list[(list.length - 1) >> 1] + list[list.length >> 1]) / 2;
  };
  const base = median("exceljs");
  console.log("CLI start (median of " + CLI_RUNS + " spawns each, interleaved), " + main + ":");
  for (const l of lines) {
    const ms = median(l.id);
    console.log(
      "  " + l.label.padEnd(44) + fmt(ms).padStart(10) + (l.id === "exceljs" ? "" : ("  " + (ms / base).toFixed(2) + "× exceljs").padStart(16)),
    );
  }
  console.log("  goal: every CLI start ≤ 1.3× loading exceljs alone");
}
if (process.argv[2] === "--cli-start") {
  cliStart(process.argv[3]);
  process.exit(0);
}
cliStart();
console.log("");
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

// Deriving the rubric of a 考核表 no built-in covers (安全生产, 16 items) against loading its file.
{
  const { deriveRubric } = dist("sheet/derive.js");
  const { recognizeSheet } = dist("sheet/recognize.js");
  const bytes = readFileSync(join(root, "assets", "samples", "derived", "安全生产考核表.xlsx"));
  const load = await median(10, () => readWorkbook(bytes));
  const grid = (await readWorkbook(bytes)).grids()[0];
  const derive = await median(50, () => deriveRubric(grid, recognizeSheet(grid), "安全生产考核表.xlsx"));
  console.log("  derive the rubric of a 16-item 考核表: " + fmt(derive) + " (loading the file: " + fmt(load) + ")");
}

// The live dashboard's work after an edit (CONTRACTS.md: "within a second", measured here): the
// pane re-reads the grids (2 syncs in Excel) and re-analyzes them — recognition, evidence, score,
// findings — on a filled 微山 workbook with the sample county's evidence entered.
{
  const { validateRecognized } = dist("check/validate.js");
  const { evidenceEntryPlan } = dist("plan/evidenceEntry.js");
  const wb = await readWorkbook(readFileSync(join(root, "assets", "samples", "微山县-任务分解表.xlsx")));
  const first = primarySheet(recognizeWorkbook(wb.grids(), builtinRubrics));
  applyPlan(wb, buildFillPlan(wb.grids(), first.layout, first.match).plan);
  applyPlan(wb, evidenceEntryPlan(first.match.rubric, evidence));
  const grids = wb.grids();
  const refresh = await median(50, () => {
    const recognized = primarySheet(recognizeWorkbook(grids, builtinRubrics));
    return validateRecognized(grids, recognized);
  });
  console.log("  live dashboard refresh (recognize + evidence + score + findings, filled 微山 workbook): " + fmt(refresh));
}

// --- A city-sized load: 50 sheets × 200 indicator rows, and a 15-county batch -----------------
// The workbooks are made by scripts/bench-workbooks.mjs in a child process (so building them does
// not weigh on the timings here), in a temporary folder removed at the end. Timings: the median of
// several runs in this process after a warm-up round, the scenarios interleaved. "cold": the median
// of single runs, each in a fresh child process, as the CLI runs; their peak RSS (median of
// process.resourceUsage().maxRSS) is the scenario's memory, node and the loaded modules included
// (the "node + modules" row is that floor). The machine is shared: expect ±30% between runs.
const {
  BIG_RUBRIC,
  BATCH_FILES,
  ROWS_PER_SHEET,
  SHEETS,
  bareLoad,
  batchBare,
  batchDir,
  batchRun,
  bigFile,
  fillRun,
  ourLoad,
  validatePieces,
  validateRun,
} = await import("./bench-workbooks.mjs");
const script = join(root, "scripts", "bench-workbooks.mjs");

function child(args) {
  const r = spawnSync(process.execPath, [script, ...args], { encoding: "utf8", maxBuffer: 1 << 24 });
  if (r.status !== 0) throw new Error("bench-workbooks.mjs " + args.join(" ") + " failed:\n" + r.stderr);
  return JSON.parse(r.stdout.trim().split("\n").pop());
}

/** A scenario in COLD_RUNS fresh processes: the median time, start-up and peak RSS of each. */
const COLD_RUNS = 3;
function coldMedian(id) {
  const runs = Array.from({ length: COLD_RUNS }, () => child(["run", id, dir]));
  const mid = (k) => runs.map((r) => r[k]).sort((a, b) => a - b)[Math.floor(runs.length / 2)];
  return { ms: mid("ms"), startupMs: mid("startupMs"), rssMB: mid("rssMB") };
}

/**
 * Warm medians, the scenarios interleaved round by round (after one warm-up round) so that a load
 * change on the machine during the run weighs on all of them alike rather than on one.
 */
async function interleavedMedians(scenarios) {
  const times = new Map(scenarios.map((s) => [s.id, []]));
  for (const s of scenarios) await s.fn();
  const rounds = Math.max(...scenarios.map((s) => s.runs));
  for (let round = 0; round < rounds; round++) {
    for (const s of scenarios) {
      if (round >= s.runs) continue;
      const t = performance.now();
      await s.fn();
      times.get(s.id).push(performance.now() - t);
    }
  }
  const out = {};
  for (const [id, list] of times) out[id] = list.sort((a, b) => a - b)[Math.floor(list.length / 2)];
  return out;
}

const mb = (x) => x.toFixed(0) + " MB";
const secs = (ms) => (ms >= 1000 ? (ms / 1000).toFixed(2) + " s" : fmt(ms));
const dir = mkdtempSync(join(tmpdir(), "ziping-bench-"));
try {
  const made = child(["make", dir]);
  const bytes = readFileSync(bigFile(dir));
  console.log(
    "\nLarge workbook: " + SHEETS + " sheets × " + ROWS_PER_SHEET + " indicator rows = " + (SHEETS * ROWS_PER_SHEET).toLocaleString("en-US").replace(/,/g, " ") +
      " rows (微山 layout + 自评得分, " + (made.bytes / 1024).toFixed(0) + " KB); batch: " + made.batch +
      " filled county workbooks (built in " + secs(made.bigMs) + " + " + secs(made.batchMs) + ")",
  );

  const probe = await validateRun(bytes);
  const scenarios = [
    { id: "bare", label: "bare load: exceljs xlsx.load(bytes)", runs: 7, fn: () => bareLoad(bytes) },
    { id: "load", label: "our load: readWorkbook + grids()", runs: 7, fn: () => ourLoad(bytes) },
    {
      id: "validate",
      label: "validate --rubric " + BIG_RUBRIC + " (primary sheet)",
      runs: 3,
      fn: () => validateRun(bytes, { rubricId: BIG_RUBRIC }),
    },
    {
      id: "validate-all",
      label: "validate --rubric " + BIG_RUBRIC + ", all " + SHEETS + " sheets",
      runs: 3,
      fn: () => validateRun(bytes, { rubricId: BIG_RUBRIC, all: true }),
    },
    {
      id: "validate-auto",
      label:
        "validate, rubric auto-detected (" + probe.recognized + "/" + SHEETS + " sheets fit; best " +
        Math.round(probe.best * 100) + "%)",
      runs: 3,
      fn: () => validateRun(bytes),
    },
    { id: "batch-bare", label: "batch's files, bare exceljs load each", runs: 3, fn: () => batchBare(batchDir(dir)) },
    { id: "batch", label: "batch: " + BATCH_FILES + " files, checkFile + rankRows", runs: 3, fn: () => batchRun(batchDir(dir)) },
  ];
  const width = 58;
  console.log(
    "  " + "scenario".padEnd(width) + "median (n)".padStart(16) + ("cold (" + COLD_RUNS + ")").padStart(11) +
      "peak RSS".padStart(10),
  );
  const warm = await interleavedMedians(scenarios);
  const cold = {};
  for (const s of scenarios) {
    cold[s.id] = coldMedian(s.id);
    console.log(
      "  " + s.label.padEnd(width) + (secs(warm[s.id]) + " (" + s.runs + ")").padStart(16) +
        secs(cold[s.id].ms).padStart(11) + mb(cold[s.id].rssMB).padStart(10),
    );
  }
  const floor = coldMedian("baseline");
  console.log(
    "  " + ("node + modules loaded, nothing run (startup " + secs(floor.startupMs) + ")").padEnd(width) +
      "".padStart(27) + mb(floor.rssMB).padStart(10),
  );
  console.log("  batch per file: " + secs(warm.batch / BATCH_FILES) + " (cold " + secs(cold.batch.ms / BATCH_FILES) + ")");
  const ratio = (id) => (warm[id] / warm.bare).toFixed(2) + "× (cold " + (cold[id].ms / cold.bare.ms).toFixed(2) + "×)";
  console.log(
    "  validate / bare load: " + ratio("validate") + " — goal ≤ 1.3×, auto-detected included; all sheets " +
      ratio("validate-all") + "; auto-detected " + ratio("validate-auto") + "; our load / bare " + ratio("load"),
  );
  console.log(
    "  batch / bare loads of its files: " + (warm.batch / warm["batch-bare"]).toFixed(2) + "× (cold " +
      (cold.batch.ms / cold["batch-bare"].ms).toFixed(2) + "×) — goal ≤ 1.2×",
  );

  // fill on the big workbook's first sheet: the writer patches the package (issue 12), so its cost
  // follows the parts it touches, not the size of the workbook.
  const fills = [];
  for (let i = 0; i < 3; i++) fills.push(await fillRun(bytes));
  const fmed = (k) => fills.map((f) => f[k]).sort((a, b) => a - b)[1];
  console.log(
    "  fill (median of 3): read + recognize + plan " + secs(fmed("prepare")) + ", apply the plan " + secs(fmed("apply")) +
      ", write the file " + secs(fmed("write")) + " (" + (fmed("bytes") / 1024).toFixed(0) + " KB)",
  );

  // Where a validate run's time goes, piece by piece (the same steps composed by hand).
  const pieces = [];
  for (let i = 0; i < 3; i++) pieces.push(await validatePieces(bytes, BIG_RUBRIC));
  const med = (k) => pieces.map((p) => p[k]).sort((a, b) => a - b)[1];
  const part = (k, label) => label + " " + fmt(med(k));
  console.log(
    "  pieces (median of 3): " +
      [
        part("jszip", "JSZip.loadAsync"),
        part("exceljs", "exceljs load"),
        part("grids", "grids ×1"),
      ].join(", ") +
      "\n    " +
      [
        part("recognizeSheet", "recognizeSheet ×" + SHEETS),
        part("matchChosen", "matchRubric ×" + SHEETS + " (" + BIG_RUBRIC + ")"),
        part("matchAll4", "matchRubric ×" + SHEETS + " × all rubrics"),
        part("rankAll", "rankRubrics ×" + SHEETS + " (all rubrics, one index)"),
        part("recognizeWorkbook", "recognizeWorkbook (chosen)"),
      ].join(", ") +
      "\n    " +
      [part("validatePrimary", "validateRecognized ×1"), part("validateAll", "validateRecognized ×" + SHEETS)].join(", "),
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
