/**
 * `ziping merge 任务分解表.xlsx 各单位/*.xlsx -o 汇总.xlsx`: split's inverse — each unit's returned
 * file merged into the county's workbook by indicator (src/plan/merge.ts), conflicts and files that
 * are no split output listed, the 进度 sheet written. No input is ever written.
 */
import { existsSync, realpathSync, statSync } from "node:fs";
import { basename, resolve } from "node:path";
import { buildMergePlan, canonical, type MergeResult, type UnitFile } from "../../plan/merge";
import { hasUnitColumn } from "../../plan/split";
import { EXIT, printJson, UsageError, type Output } from "../io";
import { nothingRecognized, recognizeLoaded } from "../recognizeFile";
import type { CommandArgs } from "../run";
import { checkOutput, loadWorkbook, savePlanned } from "../workbookFile";
import { collectFiles } from "./batch";

const USAGE = "ziping merge 任务分解表.xlsx 各单位文件或文件夹... -o 汇总.xlsx [--overwrite] [--json]";

function shown(value: unknown): string {
  const text = canonical(value as never);
  return text.length > 40 ? text.slice(0, 40) + "…" : text;
}

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
  for (const r of result.rejected) output.out("  ! 未合并 " + r.file + "：" + r.reason + "\n");
  if (result.conflicts.length) {
    output.out("冲突：以下单元格有两个以上单位填写不同，未写入，请核对后在工作簿中填写：\n");
    for (const c of result.conflicts)
      output.out(
        "  · " +
          c.sheet +
          "!" +
          c.cell +
          (c.indicator ? " " + c.indicator : "") +
          " " +
          c.column +
          "：" +
          c.values.map((v) => v.unit + "“" + shown(v.value) + "”").join("；") +
          "\n"
      );
  }
  if (result.kept.length) {
    output.out(
      "县里已填写的内容保留未改" + (overwrite ? "" : "（如需改为单位报送的内容，请加 --overwrite 重新运行）") + "：\n"
    );
    for (const k of result.kept)
      output.out(
        "  · " +
          k.sheet +
          "!" +
          k.cell +
          (k.indicator ? " " + k.indicator : "") +
          " " +
          k.column +
          "：县里“" +
          shown(k.county) +
          "”，" +
          k.unit +
          "报送“" +
          shown(k.value) +
          "”\n"
      );
  }
  if (result.ignored.length) {
    output.out("未采用：\n");
    for (const i of result.ignored)
      output.out(
        "  · " +
          i.unit +
          "（" +
          i.file +
          "）" +
          i.sheet +
          "!" +
          i.cell +
          (i.indicator ? " " + i.indicator : "") +
          "：" +
          i.reason +
          "\n"
      );
  }
  output.out("进度（工作表“进度”）：\n");
  for (const u of result.progress.units) {
    output.out(
      "  · " +
        u.unit +
        "：分到 " +
        u.assigned +
        " 行，报送 " +
        u.returned +
        " 行，已填完成情况 " +
        u.answered +
        " 行，有佐证材料 " +
        u.evidence +
        " 行，尚未填报 " +
        u.owing +
        " 行" +
        (u.file ? "；最后合并：" + u.file + (u.modified ? "（" + u.modified + "）" : "") : "；未报送") +
        "\n"
    );
    const missing = result.merged.find((m) => m.unit === u.unit)?.missing ?? [];
    if (missing.length)
      output.out(
        "      文件中缺少分给本单位的 " +
          missing.length +
          " 行：" +
          missing.map((x) => "第 " + x.row + " 行" + (x.indicator ? "（" + x.indicator + "）" : "")).join("、") +
          "\n"
      );
  }
  const owing = result.progress.indicators.filter((i) => i.owing.length).length;
  output.out("  " + (owing ? owing + " 项指标尚有单位未填报，见“进度”工作表" : "各项指标均已填报") + "\n");
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
  const sheet = sheets.find((s) => s.layout.kind !== "unknown" && hasUnitColumn(s.layout));
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
  const match = primary && primary.layout.sheet === sheet.layout.sheet ? primary.match : sheet.match;
  const files: UnitFile[] = [];
  const unreadable: Array<{ file: string; reason: string }> = [];
  for (const path of unitPaths) {
    if (checkSame(path, countyFile)) {
      unreadable.push({ file: basename(path), reason: "这是县里的工作簿本身，不是单位报送的文件，未合并" });
      continue;
    }
    try {
      const unit = await loadWorkbook(path, (t) => output.err(t + "\n"));
      files.push({ file: basename(path), modified: formatDate(statSync(path).mtime), grids: unit.grids() });
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

/** A file's modified time as a person reads it, in local time: "2023-10-12 09:30". */
export function formatDate(date: Date): string {
  const two = (n: number) => (n < 10 ? "0" : "") + n;
  return (
    date.getFullYear() +
    "-" +
    two(date.getMonth() + 1) +
    "-" +
    two(date.getDate()) +
    " " +
    two(date.getHours()) +
    ":" +
    two(date.getMinutes())
  );
}
