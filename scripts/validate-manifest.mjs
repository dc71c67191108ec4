// npm run validate — checks manifest.xml.
//
//   node scripts/validate-manifest.mjs [--offline-only] [--assets DIR] [MANIFEST]
//
// First the offline check (scripts/manifest-check.mjs: Microsoft's converter and schema plus the
// project's own assertions), then Microsoft's online validation service (what the template's
// `office-addin-manifest validate` does) when it can be reached within 30 seconds. An unreachable
// service is reported and skipped, never a failure. Exit code 1 only when an offline check fails
// or the online service answers with errors.
import { createRequire } from "node:module";
import { resolve } from "node:path";
import { checkManifestOffline, projectRoot } from "./manifest-check.mjs";

const ONLINE_TIMEOUT_MS = 30_000;

function parseArgs(argv) {
  const args = { offlineOnly: false, assetsDir: undefined, file: undefined };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--offline-only") args.offlineOnly = true;
    else if (a === "--assets") args.assetsDir = resolve(argv[++i] || "");
    else if (a === "-h" || a === "--help") args.help = true;
    else if (a.startsWith("-")) throw new Error(`未知选项：${a}`);
    else args.file = resolve(a);
  }
  args.file = args.file || resolve(projectRoot, "manifest.xml");
  return args;
}

/**
 * Asks Microsoft's validation service. Returns { status: "passed" | "failed" | "skipped", lines }.
 */
async function checkOnline(file) {
  const require = createRequire(import.meta.url);
  const { validateManifest } = require("office-addin-manifest");
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`${ONLINE_TIMEOUT_MS / 1000} 秒内没有响应`)),
      ONLINE_TIMEOUT_MS
    );
  });
  let validation;
  try {
    validation = await Promise.race([validateManifest(file), timeout]);
  } catch (err) {
    const reason = String(err && err.message ? err.message : err)
      .split("\n")
      .pop();
    return {
      status: "skipped",
      lines: [`无法连接微软在线校验服务（${reason}），已跳过在线校验。`],
    };
  } finally {
    clearTimeout(timer);
  }
  const report = validation.report;
  if (!report) {
    return {
      status: "skipped",
      lines: [
        `微软在线校验服务没有给出结论（HTTP ${validation.status ?? "?"} ${validation.statusText ?? ""}），已跳过在线校验。`,
      ],
    };
  }
  const issue = (i) =>
    `${i.title || ""}${i.line ? `（第 ${i.line} 行）` : ""}：${i.content || ""}`.trim();
  const lines = [];
  for (const e of report.errors || []) lines.push(`  ✗ 错误 ${issue(e)}`);
  for (const w of report.warnings || []) lines.push(`  ! 警告 ${issue(w)}`);
  if (validation.isValid) {
    return { status: "passed", lines: ["微软在线校验服务：通过。", ...lines] };
  }
  return {
    status: "failed",
    lines: [`微软在线校验服务：未通过（${report.status || "未知状态"}）。`, ...lines],
  };
}

async function main() {
  let args;
  try {
    args = parseArgs(process.argv.slice(2));
  } catch (err) {
    console.error(err.message);
    return 2;
  }
  if (args.help) {
    console.log(
      "用法：node scripts/validate-manifest.mjs [--offline-only] [--assets 目录] [清单文件]"
    );
    return 0;
  }

  console.log(`校验加载项清单：${args.file}`);
  console.log("一、离线校验（微软转换工具与架构，以及本项目的要求）");
  const offline = await checkManifestOffline(args.file, { assetsDir: args.assetsDir });
  for (const c of offline.checks) console.log(`  ${c.ok ? "✓" : "✗"} ${c.message}`);
  const failed = offline.checks.filter((c) => !c.ok).length;
  console.log(offline.ok ? "离线校验通过。" : `离线校验未通过：${failed} 项不符合要求。`);

  let onlineFailed = false;
  if (args.offlineOnly) {
    console.log("二、在线校验：按 --offline-only 的要求未进行。");
  } else {
    console.log("二、在线校验（微软 Office 加载项校验服务）");
    const online = await checkOnline(args.file);
    for (const line of online.lines) console.log(line);
    onlineFailed = online.status === "failed";
  }
  return offline.ok && !onlineFailed ? 0 : 1;
}

// Exit explicitly: a request to the online service that timed out may still hold the event loop.
main().then(
  (code) => process.exit(code),
  (err) => {
    console.error("校验过程出错：", err);
    process.exit(1);
  }
);
