/**
 * `ziping merge 任务分解表.xlsx 各单位/*.xlsx -o 汇总.xlsx`: split's inverse — each unit's returned
 * file merged into the county's workbook by indicator (src/plan/merge.ts), conflicts and files that
 * are no split output listed, the 进度 sheet written. No input is ever written.
 */
import { existsSync, realpathSync, statSync } from "node:fs";
import { basename, resolve } from "node:path";
import { buildMergePlan, formatModified, type MergeResult, type UnitFile } from "../../plan/merge";
import {
  CONFLICTS_HEADING,
  conflictText,
  IGNORED_HEADING,
  ignoredText,
  keptHeading,
  keptText,
  missingText,
  owingText,
  rejectedText,
  unitProgressText,
} from "../../plan/mergeText";
import { unitSheet } from "../../plan/split";
import { EXIT, printJson, UsageError, type Output } from "../io";
import { nothingRecognized, recognizeLoaded } from "../recognizeFile";
import type { CommandArgs } from "../run";
import { usage } from "../commandTable";
import { checkOutput, loadWorkbook, savePlanned } from "../workbookFile";
import { collectFiles } from "./batch";

const USAGE = usage("merge");

function printText(output: Output, out: string, result: MergeResult, overwrite: boolean): void {
  output.out(
    "已合并 " +
      result.merged.length +
      " 个单位的报送 → " +
      out +
      "（原文件均未改动），写入 " +
      result.written.length +
      " 个单元格\n"
  );
  for (const line of result.plan.summary) output.out("  · " + line + "\n");
  for (const r of result.rejected) output.out("  ! " + rejectedText(r) + "\n");
  if (result.conflicts.length) {
    output.out(CONFLICTS_HEADING + "\n");
    for (const c of result.conflicts) output.out("  · " + conflictText(c) + "\n");
  }
  if (result.kept.length) {
    output.out(keptHeading(overwrite ? undefined : "如需改为单位报送的内容，请加 --overwrite 重新运行") + "\n");
    for (const k of result.kept) output.out("  · " + keptText(k) + "\n");
  }
  if (result.ignored.length) {
    output.out(IGNORED_HEADING + "\n");
    for (const i of result.ignored) output.out("  · " + ignoredText(i) + "\n");
  }
  output.out("进度（工作表“进度”）：\n");
  for (const u of result.progress.units) {
    output.out("  · " + unitProgressText(u) + "\n");
    const missing = missingText(result.merged.find((m) => m.unit === u.unit)?.missing ?? []);
    if (missing) output.out("      " + missing + "\n");
  }
  output.out("  " + owingText(result.progress.indicators) + "\n");
}

export async function mergeCommand(args: CommandArgs, output: Output): Promise<number> {
  const [countyFile, ...rest] = args.positionals;
  if (!countyFile) throw new UsageError("请指定县里的工作簿（拆分前的任务分解表）和各单位报送的文件。\n用法：" + USAGE);
  if (!rest.length) throw new UsageError("请指定各单位报送的文件或所在文件夹。\n用法：" + USAGE);
  const unitPaths = collectFiles(rest);
  const out = await checkOutput([countyFile, ...unitPaths], args.values.output as string | undefined, USAGE, {
    force: args.values.force === true,
    replaceOurs: true,
  });
  const workbook = await loadWorkbook(countyFile, (t) => output.err(t + "\n"));
  const { grids, sheets, primary } = recognizeLoaded(workbook, countyFile);
  const sheet = unitSheet(sheets, primary);
  if (!sheet) {
    const recognized = sheets.filter((s) => s.layout.kind !== "unknown");
    output.err(
      recognized.length
        ? "无法合并：工作表“" +
            recognized.map((s) => s.layout.sheet).join("”“") +
            "”没有牵头单位或责任单位列，不是拆分过的任务分解表。\n"
        : nothingRecognized(countyFile, sheets)
    );
    return EXIT.findings;
  }
  const match = sheet.match;
  const files: UnitFile[] = [];
  const unreadable: Array<{ file: string; reason: string }> = [];
  for (const path of unitPaths) {
    if (checkSame(path, countyFile)) {
      unreadable.push({ file: basename(path), reason: "这是县里的工作簿本身，不是单位报送的文件，未合并" });
      continue;
    }
    try {
      const unit = await loadWorkbook(path, (t) => output.err(t + "\n"));
      files.push({ file: basename(path), modified: formatModified(statSync(path).mtime), grids: unit.grids() });
    } catch (error) {
      if (!(error instanceof UsageError)) throw error;
      unreadable.push({ file: basename(path), reason: error.message });
    }
  }
  const overwrite = args.values.overwrite === true;
  const result = buildMergePlan(grids, sheet.layout, match, files, { overwrite });
  result.rejected.unshift(...unreadable);
  await savePlanned(workbook, result.plan, out);
  if (args.values.json) {
    printJson(output, {
      file: countyFile,
      output: out,
      sheet: sheet.layout.sheet,
      rubric: match
        ? { id: match.rubric.id, title: match.rubric.title, derived: match.rubric.derived !== undefined }
        : null,
      merged: result.merged,
      rejected: result.rejected,
      written: result.written,
      kept: result.kept,
      conflicts: result.conflicts,
      ignored: result.ignored,
      progress: result.progress,
    });
  } else printText(output, out, result, overwrite);
  return result.conflicts.length || result.rejected.length ? EXIT.findings : EXIT.ok;
}

function checkSame(a: string, b: string): boolean {
  const real = (p: string) => (existsSync(p) ? realpathSync(p) : resolve(p));
  return real(a) === real(b);
}
