#!/usr/bin/env node
/**
 * Synthetic workbooks and the measured scenarios for `npm run bench` (needs `npm run build:cli`).
 *
 *   node scripts/bench-workbooks.mjs make DIR            writes DIR/big.xlsx and DIR/batch/*.xlsx
 *   node scripts/bench-workbooks.mjs run SCENARIO DIR    runs one scenario once in this (fresh)
 *                                                        process and prints {ms, rssMB} as JSON
 *
 * big.xlsx: 50 sheets "任务分解表01"…"任务分解表50" in the 微山 layout (title row merged A–G;
 * header 一级指标 | 二级指标 | 得分 | 评分标准 | 检查办法 | 责任单位 | 自评得分), 200 indicator
 * rows each = 10 000 rows: weishan-2023's 31 indicators repeated with small wording variations,
 * typed 自评得分 (mostly valid, some blank, "2分" as text, over the maximum). batch/: 15 county
 * workbooks from the three samples, each filled (fill → type evidence → fill again) with its own
 * evidence, so totals differ. Everything comes from a seeded generator: same content every run
 * (the zip entries' dates are exceljs's write time).
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { performance } from "node:perf_hooks";

const require = createRequire(import.meta.url);
const root = join(import.meta.dirname ?? new URL(".", import.meta.url).pathname, "..");
const dist = (p) => require(join(root, "dist", p));
const ExcelJS = require("exceljs");
const JSZip = require("jszip");
const { readWorkbook, applyPlan, writeWorkbook } = dist("adapters/xlsx/index.js");
const { gridFromWorksheet } = dist("adapters/xlsx/read.js");
const { builtinRubrics } = dist("rubric/builtin/index.js");
const { recognizeWorkbook, primarySheet } = dist("sheet/workbook.js");
const { recognizeSheet } = dist("sheet/recognize.js");
const { matchRubric, rankRubrics } = dist("sheet/match.js");
const { recognizeLoaded } = dist("cli/recognizeFile.js");
const { validateRecognized } = dist("check/validate.js");
const { acceptedNotes } = dist("own/read.js");
const { checkFile, collectFiles } = dist("cli/commands/batch.js");
const { rankRows } = dist("check/batch.js");
const { buildFillPlan } = dist("plan/fill.js");
const { evidenceRows, metricRows } = dist("own/rows.js");
const { EVIDENCE_COL, METRIC_COL, EVIDENCE_SHEET, METRICS_SHEET } = dist("own/sheets.js");
const { a1 } = dist("sheet/grid.js");

export const SHEETS = 50;
export const ROWS_PER_SHEET = 200;
export const BATCH_FILES = 15;
/** The rubric the big workbook is validated against (as `ziping validate --rubric weishan-2023`). */
export const BIG_RUBRIC = "weishan-2023";
const PINNED = new Date(Date.UTC(2023, 9, 10, 0, 0, 0));
const SAMPLES = [
  { file: "微山县-任务分解表.xlsx", county: "微山式" },
  { file: "曹县-评分细则.xlsx", county: "曹县式" },
  { file: "会宁县-考核表.xlsx", county: "会宁式" },
];

/** mulberry32: a small seeded generator, so every run builds the same workbooks. */
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// --- the big workbook --------------------------------------------------------------------------

/** Small wording changes a county makes when it copies the table (punctuation, a word added…). */
const TEXT_VARIANTS = [
  (t) => t,
  (t) => t.replace(/。$/, ""),
  (t) => t.replace(/，/g, "；"),
  (t) => "进一步" + t,
  (t) => t.replace("养老服务", "养老服务工作"),
  (t) => t.replace(/。?$/, "（县级）。"),
  (t) => t.replace(/、/g, "，"),
];
const RULE_VARIANTS = [(t) => t, (t) => t.replace(/得(\d+(?:\.\d+)?)分/g, "得 $1 分"), (t) => t.replace(/。$/, "")];

const HEADER = ["一级指标", "二级指标", "得分", "评分标准", "检查办法", "责任单位", "自评得分"];
const WIDTHS = [14, 44, 7, 48, 11, 32, 9];
const BORDER = { top: { style: "thin" }, left: { style: "thin" }, bottom: { style: "thin" }, right: { style: "thin" } };
const BODY = { border: BORDER, alignment: { vertical: "middle", wrapText: true }, font: { name: "宋体", size: 10 } };
const HEAD = {
  border: BORDER,
  alignment: { horizontal: "center", vertical: "middle", wrapText: true },
  font: { name: "黑体", size: 11, bold: true },
};

function weishanRubric() {
  return JSON.parse(readFileSync(join(root, "src", "rubric", "builtin", "weishan-2023.json"), "utf8"));
}

/** A typed 自评得分: mostly a valid score, sometimes blank, text with a unit, or over the maximum. */
function typedScore(rng, max) {
  const x = rng();
  if (x < 0.05) return null;
  if (x < 0.09) return Math.min(2, max) + "分";
  if (x < 0.12) return max + 1;
  return Math.round(rng() * max * 2) / 2;
}

/** Writes the 50-sheet, 10 000-row task-breakdown workbook. Returns its size in bytes. */
export async function makeBigWorkbook(file) {
  const rubric = weishanRubric();
  const base = [];
  for (const cat of rubric.categories) cat.indicators.forEach((ind, i) => base.push({ cat, ind, first: i === 0 }));
  const rng = random(20231010);
  const wb = new ExcelJS.Workbook();
  wb.creator = "ziping bench";
  wb.created = PINNED;
  wb.modified = PINNED;
  for (let s = 0; s < SHEETS; s++) {
    const ws = wb.addWorksheet("任务分解表" + String(s + 1).padStart(2, "0"));
    WIDTHS.forEach((w, c) => (ws.getColumn(c + 1).width = w));
    ws.getCell(1, 1).value = rubric.title;
    ws.getCell(1, 1).style = { font: { name: "方正小标宋简体", size: 16 }, alignment: { horizontal: "center" } };
    ws.mergeCells(1, 1, 1, HEADER.length);
    const header = ws.getRow(2);
    HEADER.forEach((h, c) => {
      header.getCell(c + 1).value = h;
      header.getCell(c + 1).style = HEAD;
    });
    for (let i = 0; i < ROWS_PER_SHEET; i++) {
      const { cat, ind, first } = base[i % base.length];
      const repeat = Math.floor(i / base.length);
      const text = TEXT_VARIANTS[(repeat + s) % TEXT_VARIANTS.length](ind.text);
      const rule = RULE_VARIANTS[(repeat + i + s) % RULE_VARIANTS.length](ind.rule);
      const max = ind.points > 0 ? ind.points : (ind.bonus ?? 0);
      const units = (i + s) % 37 === 5 ? "" : "牵头单位：" + ind.lead + "\n责任单位：" + ind.responsible;
      const row = ws.getRow(3 + i);
      const values = [
        first ? cat.heading : "",
        ind.number ? ind.number + "．" + text : text,
        max,
        rule,
        ind.check,
        units,
        typedScore(rng, max),
      ];
      values.forEach((v, c) => {
        const cell = row.getCell(c + 1);
        if (v !== "" && v !== null) cell.value = v;
        cell.style = BODY;
      });
    }
  }
  const bytes = await wb.xlsx.writeBuffer();
  writeFileSync(file, Buffer.from(bytes));
  return bytes.byteLength;
}

// --- the batch -------------------------------------------------------------------------------

/** Evidence a county typed on 自评依据 and 指标数据: how good it is varies with `quality`. */
function evidenceOps(rubric, rng, quality) {
  const ops = [];
  const set = (sheet, cell, value) => ops.push({ op: "set", sheet, cell, value });
  const stepDown = (x, step) => Math.floor(x / step + 1e-9) * step;
  for (const r of evidenceRows(rubric)) {
    const c = r.criterion;
    const cell = a1(r.row, EVIDENCE_COL.input);
    const yes = rng() < quality;
    switch (c.kind) {
      case "flag":
        set(EVIDENCE_SHEET, cell, yes ? "是" : "否");
        break;
      case "gate":
        set(EVIDENCE_SHEET, cell, rng() < 0.04 ? "是" : "否");
        break;
      case "choice":
        set(EVIDENCE_SHEET, cell, yes ? c.options[Math.floor(rng() * c.options.length)].label : "无");
        break;
      case "judged": {
        const share = Math.max(0, Math.min(1, quality + (rng() - 0.5) * 0.4));
        set(EVIDENCE_SHEET, cell, stepDown(c.points * share, c.step ?? rubric.step ?? 0.5));
        break;
      }
      case "perItem":
        set(EVIDENCE_SHEET, cell, Math.floor(rng() * 4 * quality));
        break;
      case "deduction":
        set(EVIDENCE_SHEET, cell, Math.floor(rng() * 3 * (1 - quality)));
        break;
      case "scaled":
        if (!c.metric) set(EVIDENCE_SHEET, cell, Math.round(Math.min(1, quality + rng() * 0.2) * 100) + "%");
        break;
      default: // threshold: read from 指标数据
        break;
    }
  }
  for (const m of metricRows(rubric)) {
    const cell = a1(m.row, METRIC_COL.value);
    if (m.metric.unit === "%") set(METRICS_SHEET, cell, Math.round(Math.min(1, quality + rng() * 0.25) * 100) + "%");
    else set(METRICS_SHEET, cell, Math.round(1 + rng() * 40 * quality));
  }
  return { ops, summary: [], kept: [] };
}

/** Recognizes, fills and returns the workbook (the rubric a fill recorded is honoured, as in the CLI). */
function fill(workbook) {
  const { grids, primary } = recognizeLoaded(workbook, "bench.xlsx");
  if (!primary) throw new Error("sample not recognized");
  const { plan } = buildFillPlan(grids, primary.layout, primary.match);
  applyPlan(workbook, plan);
  return primary.match.rubric;
}

/** Writes BATCH_FILES filled county workbooks into `dir`. Returns their paths. */
export async function makeBatch(dir) {
  mkdirSync(dir, { recursive: true });
  const files = [];
  for (let k = 0; k < BATCH_FILES; k++) {
    const sample = SAMPLES[k % SAMPLES.length];
    const rng = random(1000 + k);
    const quality = 0.45 + 0.5 * rng();
    const first = await readWorkbook(readFileSync(join(root, "assets", "samples", sample.file)));
    const rubric = fill(first);
    applyPlan(first, evidenceOps(rubric, rng, quality));
    // Filled again after typing, as a county does: the formulas' cached results follow the evidence.
    const second = await readWorkbook(await writeWorkbook(first));
    fill(second);
    const file = join(dir, "县" + String(k + 1).padStart(2, "0") + "-" + sample.county + ".xlsx");
    writeFileSync(file, await writeWorkbook(second));
    files.push(file);
  }
  return files;
}

// --- scenarios -------------------------------------------------------------------------------

/** exceljs alone: what any reader of the file pays. */
export async function bareLoad(bytes) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes);
  return wb.worksheets.length;
}

/** Our load: readWorkbook (format checks, lossy parts, exceljs, a first grids pass) + grids(). */
export async function ourLoad(bytes) {
  const workbook = await readWorkbook(bytes);
  return workbook.grids().length;
}

/**
 * `ziping validate FILE [--rubric ID]`: loadWorkbook → recognizeLoaded → validateRecognized of the
 * primary sheet (validate.ts). `all`: every recognized sheet validated, as a city checking all.
 */
export async function validateRun(bytes, { rubricId, all = false } = {}) {
  const workbook = await readWorkbook(bytes);
  const { grids, sheets, primary } = recognizeLoaded(workbook, "bench.xlsx", { rubric: rubricId });
  const recognized = sheets.filter((s) => s.match).length;
  const best = Math.max(...sheets.map((s) => s.best?.score ?? 0));
  if (!primary) return { recognized, validated: 0, findings: 0, best };
  const accepted = acceptedNotes(grids);
  const targets = all ? sheets.filter((s) => s.match) : [primary];
  let findings = 0;
  let total = 0;
  for (const s of targets) {
    const v = validateRecognized(grids, s, { accepted });
    findings += v.findings.length;
    if (s === primary) total = v.score.total;
  }
  return { recognized, validated: targets.length, findings, total, best };
}

/**
 * `ziping fill`, on the primary sheet of the big workbook: read, recognize, plan, then apply the plan
 * and write the file — the last two timed apart (the writer's own cost).
 */
export async function fillRun(bytes) {
  const t = {};
  let s = performance.now();
  const workbook = await readWorkbook(bytes);
  const grids = workbook.grids();
  const primary = primarySheet(recognizeWorkbook(grids, builtinRubrics, builtinRubrics.find((r) => r.id === BIG_RUBRIC)));
  const { plan } = buildFillPlan(grids, primary.layout, primary.match);
  t.prepare = performance.now() - s;
  s = performance.now();
  applyPlan(workbook, plan);
  t.apply = performance.now() - s;
  s = performance.now();
  const out = await writeWorkbook(workbook);
  t.write = performance.now() - s;
  t.bytes = out.length;
  return t;
}

/** The bare exceljs load of each file of the batch, one at a time: what batchRun is compared with. */
export async function batchBare(dir) {
  let sheets = 0;
  for (const file of collectFiles([dir])) sheets += await bareLoad(readFileSync(file));
  return sheets;
}

/** `ziping batch DIR`: checkFile for each file, one at a time, then rankRows. */
export async function batchRun(dir) {
  const rows = [];
  for (const file of collectFiles([dir])) rows.push(await checkFile(file));
  return rankRows(rows);
}

/** The pieces of a validate run, each timed once (ms): where the time goes. */
export async function validatePieces(bytes, rubricId) {
  const t = {};
  const time = async (name, fn) => {
    const s = performance.now();
    const r = await fn();
    t[name] = (t[name] ?? 0) + performance.now() - s;
    return r;
  };
  await time("jszip", () => JSZip.loadAsync(bytes));
  const wb = new ExcelJS.Workbook();
  await time("exceljs", () => wb.xlsx.load(bytes));
  const grids = await time("grids", () => wb.worksheets.map((ws) => gridFromWorksheet(ws, false)));
  const rubric = builtinRubrics.find((r) => r.id === rubricId);
  const layouts = await time("recognizeSheet", () => grids.map((g) => recognizeSheet(g)));
  const matches = await time("matchChosen", () => layouts.map((l) => matchRubric(l, rubric)));
  await time("matchAll4", () =>
    layouts.map((l) => builtinRubrics.filter((r) => r.categories.length).map((r) => matchRubric(l, r)))
  );
  // As recognition does it: all rubrics at once, from one index (the row's keys computed once).
  await time("rankAll", () => layouts.map((l) => rankRubrics(l, builtinRubrics)));
  const sheets = layouts.map((layout, i) => ({ layout, match: matches[i], best: matches[i] }));
  const primary = primarySheet(sheets);
  const accepted = acceptedNotes(grids);
  await time("validatePrimary", () => validateRecognized(grids, primary, { accepted }));
  await time("validateAll", () => {
    for (const s of sheets) validateRecognized(grids, s, { accepted });
  });
  // recognizeWorkbook as the CLI calls it, for comparison with the sum of the two pieces above.
  await time("recognizeWorkbook", () => recognizeWorkbook(grids, builtinRubrics, rubric));
  return t;
}

export function bigFile(dir) {
  return join(dir, "big.xlsx");
}
export function batchDir(dir) {
  return join(dir, "batch");
}

/** One scenario, run once: {result, ms}. */
export async function runScenario(name, dir) {
  const bytes = name === "batch" || name === "batch-bare" || name === "baseline" ? undefined : readFileSync(bigFile(dir));
  const start = performance.now();
  let result;
  switch (name) {
    case "baseline":
      result = null;
      break;
    case "bare":
      result = await bareLoad(bytes);
      break;
    case "load":
      result = await ourLoad(bytes);
      break;
    case "validate-auto":
      result = await validateRun(bytes);
      break;
    case "validate":
      result = await validateRun(bytes, { rubricId: BIG_RUBRIC });
      break;
    case "validate-all":
      result = await validateRun(bytes, { rubricId: BIG_RUBRIC, all: true });
      break;
    case "batch":
      result = (await batchRun(batchDir(dir))).length;
      break;
    case "batch-bare":
      result = await batchBare(batchDir(dir));
      break;
    case "fill":
      result = await fillRun(bytes);
      break;
    default:
      throw new Error("unknown scenario: " + name);
  }
  return { result, ms: performance.now() - start };
}

// --- command line ----------------------------------------------------------------------------

const isMain = process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href;
if (isMain) {
  const [command, a, b] = process.argv.slice(2);
  if (command === "make") {
    mkdirSync(a, { recursive: true });
    const start = performance.now();
    const bytes = await makeBigWorkbook(bigFile(a));
    const big = performance.now() - start;
    const files = await makeBatch(batchDir(a));
    console.log(
      JSON.stringify({
        big: bigFile(a),
        bytes,
        bigMs: big,
        batch: files.length,
        batchMs: performance.now() - start - big,
      })
    );
  } else if (command === "run") {
    // Since the process started: node's own start and loading exceljs, zod and the built-in rubrics.
    const startupMs = performance.now();
    const { result, ms } = await runScenario(a, b);
    // maxRSS is in kilobytes: the peak resident set of this whole process, node itself included.
    const rssMB = process.resourceUsage().maxRSS / 1024;
    console.log(JSON.stringify({ scenario: a, result, ms, startupMs, rssMB }));
  } else {
    console.error("usage: node scripts/bench-workbooks.mjs make DIR | run SCENARIO DIR");
    process.exit(2);
  }
}
