#!/usr/bin/env node
// Checks the built panes (run after `npm run build`):
// - es-check es5 on every script the lite path runs: the loader inlined in taskpane.html and the
//   lite bundle (IE11); in the WPS add-in (dist/wps/), its loader, its lite bundle and the ribbon's
//   classic script; and the install page publish.html (it may open in an old browser);
// - es-check es2017 on every script of the full pane and the standalone page, lazy chunks included
//   (EdgeHTML 18 is the oldest webview they are built for), and of the WPS full pane;
// - checks that code meant to load on demand is not in a first load (the full pane's, the standalone
//   page's, the WPS full pane's): the workspace and the built-in rubrics (screen.ts), the rubric
//   schema (zod), the merge (合并各单位报送, 进度) and the .xlsx reader (exceljs), each found by a
//   sentence only it contains;
// - prints the sizes, raw and gzip: the lite path, the full pane's first load (what loads before
//   the pane draws: the loader inlined in taskpane.html and the scripts it adds), with the older
//   webviews' polyfills when a webview needs them (EdgeHTML 18: loader.js, src/taskpane/polyfills.ts),
//   the on-demand chunks, and the WPS add-in's;
// - holds the full pane's first load, in Excel and in WPS, to 150 KB gzip (170 KB with the older
//   webviews' polyfills; BUDGETS below);
// - prints what the full pane's first load is made of: its largest parts, each package or source
//   file, minified and gzip (dist/bundle-report.json, written by the production build:
//   scripts/bundle-report.js).
//
//   node scripts/check-bundles.mjs [--json] [--top N]
//
// Exit 0 when every check passes and every first load is within its budget, 1 otherwise.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const dist = join(root, "dist");
const require = createRequire(import.meta.url);
// The package exports only its API; its CLI sits beside the main entry (lib/index.js).
const esCheck = join(dirname(require.resolve("es-check")), "cli/index.js");
const json = process.argv.includes("--json");
const topIndex = process.argv.indexOf("--top");
const TOP = topIndex > 0 ? Number(process.argv[topIndex + 1]) || 20 : 20;
const KB = 1024;

/**
 * The first loads' budgets: issue 14's figure for the full pane (Microsoft's React task-pane
 * template loads 167 KB gzip), the loader inlined in the page included.
 */
const BUDGETS = [
  { name: "完整界面首次加载", size: "modern", gzip: 150 * KB },
  { name: "WPS 完整界面首次加载", size: "wpsModern", gzip: 150 * KB },
  // EdgeHTML 18 and other older webviews: the same, and the polyfills they lack (loader.js).
  { name: "完整界面首次加载（旧内核，含补丁）", size: "modernOlder", gzip: 170 * KB },
  { name: "WPS 完整界面首次加载（旧内核，含补丁）", size: "wpsModernOlder", gzip: 170 * KB },
];

function read(file) {
  return readFileSync(join(dist, file));
}

/** The scripts of an HTML page: inline bodies and the src of the others. */
function scriptsOf(html) {
  const inline = [];
  const src = [];
  for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)) {
    const attr = /\bsrc=("?)([^"\s>]+)\1/.exec(m[1]);
    if (attr) {
      if (!/^https?:/.test(attr[2])) src.push(attr[2]);
    } else if (m[2].trim()) inline.push(m[2]);
  }
  return { inline, src };
}

function sizes(buffers) {
  const raw = buffers.reduce((n, b) => n + b.length, 0);
  const gzip = buffers.reduce((n, b) => n + gzipSync(b, { level: 9 }).length, 0);
  return { raw, gzip };
}

/** A part of the first load as printed: "(webpack)" is what has no source of its own. */
function partLabel(name) {
  return name === "(webpack)" ? "（webpack 运行时与模块包装、JSON 等）" : name;
}

/** Text padded to a width in columns, a Chinese character taking two. */
function pad(text, width) {
  const columns = [...text].reduce((n, c) => n + (/[\u2e80-\uffef]/.test(c) ? 2 : 1), 0);
  return text + " ".repeat(Math.max(0, width - columns));
}

function kb(n) {
  return (n / 1024).toFixed(1) + " KB";
}

function runEsCheck(version, files) {
  try {
    execFileSync(process.execPath, [esCheck, version, ...files], { stdio: "pipe" });
    return { version, files: files.length, ok: true };
  } catch (e) {
    return { version, files: files.length, ok: false, output: String(e.stdout) + String(e.stderr) };
  }
}

/** A loader page's inline scripts and its bundle lists (JSON written by webpack.config.js, minified). */
function loaderPage(file) {
  const html = read(file).toString("utf8");
  const { inline } = scriptsOf(html);
  const match = /var bundles\s*=\s*(\{[^;]*?\})[,;]/.exec(html);
  if (!match) {
    console.error("dist/" + file + " has no loader (var bundles = …): run `npm run build` first.");
    process.exit(1);
  }
  return { inline, bundles: Function('"use strict"; return (' + match[1] + ");")() };
}

const { inline, bundles } = loaderPage("taskpane.html");
const wpsPage = loaderPage("wps/taskpane.html");
const wpsBundles = {
  modern: wpsPage.bundles.modern.map((f) => "wps/" + f),
  polyfills: (wpsPage.bundles.polyfills || []).map((f) => "wps/" + f),
  lite: wpsPage.bundles.lite.map((f) => "wps/" + f),
};
const polyfills = bundles.polyfills || [];
const wpsAddin = scriptsOf(read("wps/index.html").toString("utf8")).src.map((f) => "wps/" + f);
const wpsChunks = readdirSync(join(dist, "wps"))
  .filter((f) => f.endsWith(".chunk.js"))
  .map((f) => "wps/" + f);
const publish = scriptsOf(read("publish.html").toString("utf8")).inline;
const standalone = scriptsOf(read("standalone.html").toString("utf8")).src;
const chunks = readdirSync(dist).filter((f) => f.endsWith(".chunk.js"));

const work = mkdtempSync(join(tmpdir(), "ziping-bundles-"));
const inlineFiles = (name, bodies) =>
  bodies.map((body, i) => {
    const file = join(work, name + "-inline-" + i + ".js");
    writeFileSync(file, body);
    return file;
  });
const loaderFiles = inlineFiles("taskpane", inline);

const results = [
  runEsCheck("es5", [...loaderFiles, ...bundles.lite.map((f) => join(dist, f))]),
  runEsCheck(
    "es2017",
    [...new Set([...polyfills, ...bundles.modern, ...standalone, ...chunks])].map((f) => join(dist, f))
  ),
  runEsCheck("es5", [
    ...inlineFiles("wps-taskpane", wpsPage.inline),
    ...inlineFiles("publish", publish),
    ...[...wpsBundles.lite, ...wpsAddin].map((f) => join(dist, f)),
  ]),
  runEsCheck(
    "es2017",
    [...wpsBundles.polyfills, ...wpsBundles.modern, ...wpsChunks].map((f) => join(dist, f))
  ),
];
rmSync(work, { recursive: true, force: true });

// On-demand code kept out of the first loads: a sentence only that code contains.
const ON_DEMAND = [
  // What App.tsx shows once the workbook has been read (src/taskpane/screen.ts).
  { name: "工作区（Workspace.tsx）", text: "未在工作簿中识别出有相符评分细则的任务分解表" },
  { name: "内置评分细则（src/rubric/builtin）", text: "江永县2022年度养老服务真抓实干督查激励工作实施方案" },
  { name: "评分细则的校验（zod）", text: "$ZodError" },
  { name: "合并各单位报送（src/plan/merge.ts）", text: "同一指标在文件中出现两次" },
  { name: "读取 .xlsx（src/adapters/xlsx）", text: "压缩包里没有 Excel 工作簿" },
];
const firstLoads = [...new Set([...bundles.modern, ...standalone, ...wpsBundles.modern])];
const leaks = [];
for (const code of ON_DEMAND)
  for (const file of firstLoads)
    if (read(file).toString("utf8").includes(code.text)) leaks.push(code.name + "：" + file);
results.push({
  version: "on-demand",
  files: firstLoads.length,
  ok: leaks.length === 0,
  output: leaks.length ? "按需加载的代码出现在首次加载中：\n" + leaks.join("\n") + "\n" : "",
});

const report = {
  checks: results.map(({ version, files, ok }) => ({ version, files, ok })),
  sizes: {
    lite: sizes([...inline.map((s) => Buffer.from(s)), ...bundles.lite.map(read)]),
    modern: sizes([...inline.map((s) => Buffer.from(s)), ...bundles.modern.map(read)]),
    modernOlder: sizes([...inline.map((s) => Buffer.from(s)), ...polyfills.map(read), ...bundles.modern.map(read)]),
    onDemand: Object.fromEntries(chunks.map((f) => [f, sizes([read(f)])])),
    wpsLite: sizes([...wpsPage.inline.map((s) => Buffer.from(s)), ...wpsBundles.lite.map(read)]),
    wpsModern: sizes([...wpsPage.inline.map((s) => Buffer.from(s)), ...wpsBundles.modern.map(read)]),
    wpsModernOlder: sizes([
      ...wpsPage.inline.map((s) => Buffer.from(s)),
      ...wpsBundles.polyfills.map(read),
      ...wpsBundles.modern.map(read),
    ]),
    wpsRibbon: sizes(wpsAddin.map(read)),
  },
};

report.budgets = BUDGETS.map((b) => {
  const actual = report.sizes[b.size];
  return { ...b, actual, ok: actual.gzip <= b.gzip };
});
report.firstLoad = firstLoadParts();

/**
 * The parts of the full pane's first load (dist/bundle-report.json), checked against the files the
 * loader adds: a report from another build is not shown.
 */
function firstLoadParts() {
  let built;
  try {
    built = JSON.parse(read("bundle-report.json").toString("utf8"));
  } catch {
    return { note: "dist/bundle-report.json 不存在（只有 npm run build 的生产构建才生成）" };
  }
  const entry = built.entries && built.entries.taskpane;
  if (!entry || entry.files.join() !== bundles.modern.join())
    return { note: "dist/bundle-report.json 与 taskpane.html 加载的文件不符，请重新 npm run build" };
  return entry;
}

if (json) {
  console.log(JSON.stringify(report, null, 2));
} else {
  const names = ["Excel 精简界面", "Excel 完整界面与独立模式", "WPS 精简界面、功能区与安装页", "WPS 完整界面"];
  results.forEach((r, i) =>
    console.log(
      (r.ok ? "✓" : "✗") +
        (r.version === "on-demand"
          ? " 按需加载的代码（" + ON_DEMAND.map((c) => c.name).join("、") + "）不在首次加载中："
          : " es-check " + r.version + "（" + names[i] + "）：") +
        r.files +
        " 个文件"
    )
  );
  const line = (name, s) =>
    console.log("  " + pad(name, 36) + kb(s.raw).padStart(10) + kb(s.gzip).padStart(10) + " gzip");
  console.log("大小（原始 / gzip）：");
  line("精简界面（加载器 + lite）", report.sizes.lite);
  line("完整界面首次加载", report.sizes.modern);
  line("  加旧内核补丁（EdgeHTML 18 等）", report.sizes.modernOlder);
  for (const [file, s] of Object.entries(report.sizes.onDemand)) line("按需加载 " + file, s);
  line("WPS 精简界面", report.sizes.wpsLite);
  line("WPS 完整界面首次加载", report.sizes.wpsModern);
  line("  加旧内核补丁", report.sizes.wpsModernOlder);
  line("WPS 功能区脚本（index.html）", report.sizes.wpsRibbon);

  const first = report.firstLoad;
  if (first.note) console.log("完整界面首次加载的内容：" + first.note);
  else {
    console.log("完整界面首次加载的内容（" + first.files.join("、") + "；压缩后 / gzip，前 " + TOP + " 项）：");
    for (const part of first.parts.slice(0, TOP))
      console.log("  " + pad(partLabel(part.name), 52) + kb(part.raw).padStart(10) + kb(part.gzip).padStart(10));
    const rest = first.parts.slice(TOP);
    if (rest.length)
      console.log(
        "  " +
          pad("其余 " + rest.length + " 项", 52) +
          kb(rest.reduce((n, p) => n + p.raw, 0)).padStart(10) +
          kb(rest.reduce((n, p) => n + p.gzip, 0)).padStart(10)
      );
  }

  console.log("预算：");
  for (const b of report.budgets)
    console.log(
      (b.ok ? "✓ " : "✗ ") +
        b.name +
        "：" +
        kb(b.actual.gzip) +
        " gzip，预算 " +
        kb(b.gzip) +
        " gzip" +
        (b.ok ? "" : "，超出预算")
    );
}
for (const r of results) if (!r.ok) console.error(r.output);
for (const b of report.budgets)
  if (!b.ok) console.error(b.name + "超出预算：" + kb(b.actual.gzip) + " gzip，预算 " + kb(b.gzip) + " gzip");
process.exit(results.every((r) => r.ok) && report.budgets.every((b) => b.ok) ? 0 : 1);
