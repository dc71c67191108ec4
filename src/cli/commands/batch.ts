import { readdirSync, readFileSync, realpathSync, statSync } from "node:fs";
import { basename, join } from "node:path";
import JSZip from "jszip";
import { newWorkbook } from "../../adapters/xlsx/index";
import { acceptedNotes } from "../../own/read";
import { rankRows, type BatchRow } from "../../check/batch";
import { countBySeverity } from "../../check/findings";
import { SUPPORTED_LABEL } from "../../check/workbookScore";
import { validateRecognized } from "../../check/validate";
import type { PlanOp } from "../../plan/plan";
import { formatPoints } from "../../rubric/text";
import { a1 } from "../../sheet/grid";
import { EXIT, printJson, Refusal, UsageError, type Output } from "../io";
import { recognizeLoaded, type RubricOptions } from "../recognizeFile";
import type { CommandArgs } from "../run";
import { usage } from "../commandTable";
import { BATCH_SHEET, checkOutput, isZipingOutput, loadWorkbook, savePlanned } from "../workbookFile";

const USAGE = usage("batch");

/**
 * Every spreadsheet-like file: .xlsx and .xlsm read as they are; .xls, .et and .ods converted with
 * LibreOffice where it is installed, else listed in their row with the reason — no county dropped.
 */
const SPREADSHEET = /\.(xlsx|xlsm|xls|et|ods)$/i;

/** The workbooks named, and those in the folders named (with their subfolders), in a stable order. */
export function collectFiles(paths: string[]): string[] {
  const files: string[] = [];
  const seen = new Set<string>();
  const walk = (dir: string) => {
    let real: string;
    try {
      real = realpathSync(dir);
    } catch {
      return;
    }
    if (seen.has(real)) return; // a folder reached twice through a link
    seen.add(real);
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      let isDir = false;
      try {
        isDir = statSync(path).isDirectory();
      } catch {
        // A broken link: listed if it names a workbook, and reported in its row as unreadable.
      }
      if (isDir) walk(path);
      else if (SPREADSHEET.test(name) && !name.startsWith("~$") && !name.startsWith(".")) files.push(path);
    }
  };
  for (const p of paths) {
    let isDir = false;
    try {
      isDir = statSync(p).isDirectory();
    } catch {
      files.push(p); // reported in its row as unreadable
      continue;
    }
    if (isDir) walk(p);
    else files.push(p);
  }
  return files;
}

export async function checkFile(file: string, options: RubricOptions = {}): Promise<BatchRow> {
  const empty = {
    rubric: null,
    total: null,
    max: null,
    bonus: null,
    supported: null,
    errors: 0,
    warnings: 0,
    unmet: 0,
    rank: null,
  };
  let workbook;
  let converted = false;
  try {
    workbook = await loadWorkbook(file, () => (converted = true));
  } catch (error) {
    if (error instanceof UsageError) return { file, ...empty, error: error.message };
    throw error;
  }
  let recognized;
  try {
    recognized = recognizeLoaded(workbook, file, options);
  } catch (error) {
    if (error instanceof Refusal) return { file, ...empty, error: error.message };
    throw error;
  }
  const { grids, primary } = recognized;
  if (!primary) return { file, ...empty, error: "未识别到可评分的任务分解表、评分细则或考核表" };
  const rubric = primary.match!.rubric;
  const { findings, score, supported } = validateRecognized(grids, primary, { accepted: acceptedNotes(grids) });
  const counts = countBySeverity(findings);
  return {
    file,
    rubric: { id: rubric.id, title: rubric.title, derived: rubric.derived !== undefined },
    total: score.total,
    max: score.max,
    bonus: score.bonus.max > 0 ? score.bonus.score : null,
    supported: supported ? supported.total : null,
    ...(converted ? { note: "已用 LibreOffice 转换为 .xlsx 后检查" } : {}),
    errors: counts.error,
    warnings: counts.warning,
    unmet: findings.filter((f) => f.code === "threshold.unmet" && !f.accepted).length,
    rank: null,
  };
}

const HEADERS = [
  "排名",
  "文件",
  "评分细则",
  "自评得分",
  "满分",
  "加分",
  SUPPORTED_LABEL,
  "错误",
  "警告",
  "未达标",
  "说明",
];

/** A summary this command wrote earlier (one sheet, 汇总, headed 排名): told from the package alone. */
async function isBatchSummary(file: string): Promise<boolean> {
  if (!(await isZipingOutput(file))) return false;
  try {
    const zip = await JSZip.loadAsync(readFileSync(file));
    const sheet = Object.keys(zip.files).find((n) => /^xl\/worksheets\/[^/]+\.xml$/.test(n));
    const xml = sheet ? await zip.file(sheet)!.async("string") : "";
    return new RegExp('<c r="A1"[^>]*><is><t[^>]*>' + HEADERS[0] + "</t>").test(xml);
  } catch {
    return false;
  }
}

function summaryOps(rows: BatchRow[]): PlanOp[] {
  const sheet = BATCH_SHEET;
  const ops: PlanOp[] = [{ op: "addSheet", sheet, columnWidths: [6, 36, 40, 10, 8, 8, 16, 8, 8, 8, 40] }];
  HEADERS.forEach((h, c) =>
    ops.push({ op: "set", sheet, cell: a1(0, c), value: h, style: { bold: true, fill: "#DDEBF7", align: "center" } })
  );
  rows.forEach((row, i) => {
    const values = [
      row.rank,
      basename(row.file),
      row.rubric?.title ?? null,
      row.total,
      row.max,
      row.bonus,
      row.supported,
      row.errors,
      row.warnings,
      row.unmet,
      row.error ?? row.note ?? null,
    ];
    values.forEach((v, c) =>
      ops.push({
        op: "set",
        sheet,
        cell: a1(i + 1, c),
        value: v,
        style: c === HEADERS.length - 1 && row.error ? { fontColor: "#C00000", wrap: true } : undefined,
      })
    );
  });
  ops.push({ op: "freeze", sheet, rows: 1, columns: 0 });
  return ops;
}

export async function batchCommand(args: CommandArgs, output: Output): Promise<number> {
  if (!args.positionals.length) throw new UsageError("请指定要检查的工作簿或文件夹。\n用法：" + USAGE);
  // Its own earlier summaries are not counties: left out, whatever folder they are in.
  const found = collectFiles(args.positionals);
  const files: string[] = [];
  for (const file of found) if (!(await isBatchSummary(file))) files.push(file);
  const out =
    args.values.output === undefined
      ? undefined
      : await checkOutput(files, args.values.output as string, USAGE, {
          force: args.values.force === true,
          replaceOurs: true,
        });
  if (!files.length) throw new UsageError("没有找到工作簿（.xlsx、.xls、.et、.ods）：" + args.positionals.join("、"));
  const rows: BatchRow[] = [];
  // One file at a time: a city's fifteen workbooks need not all be in memory at once.
  for (const file of files) rows.push(await checkFile(file, args.values));
  const ranked = rankRows(rows);
  if (out) await savePlanned(newWorkbook(), { ops: summaryOps(ranked), summary: [], kept: [] }, out);
  if (args.values.json) printJson(output, { rows: ranked });
  else {
    output.out("排名  自评得分  " + SUPPORTED_LABEL + "  错误  警告  未达标  文件\n");
    for (const r of ranked) {
      if (r.error) {
        output.out("  —        —               —     —     —       —  " + r.file + "：" + r.error + "\n");
        continue;
      }
      const total = formatPoints(r.total!) + "/" + formatPoints(r.max!);
      output.out(
        String(r.rank).padStart(4) +
          "  " +
          total.padStart(8) +
          "  " +
          (r.supported === null ? "—" : formatPoints(r.supported)).padStart(14) +
          "  " +
          String(r.errors).padStart(4) +
          "  " +
          String(r.warnings).padStart(4) +
          "  " +
          String(r.unmet).padStart(6) +
          "  " +
          r.file +
          "（" +
          r.rubric!.title +
          "）" +
          (r.note ? "——" + r.note : "") +
          "\n"
      );
    }
    if (out) output.out("汇总表已写入：" + out + "\n");
  }
  return rows.some((r) => r.error || r.errors > 0) ? EXIT.findings : EXIT.ok;
}
