import { existsSync, readFileSync } from "node:fs";
import { refuseInput, writeWhole } from "../files";
import { basename } from "node:path";
import { deriveRubric } from "../../sheet/derive";
import { recognizeSheet } from "../../sheet/recognize";
import { OWN_SHEETS } from "../../own/sheets";
import { formatPoints } from "../../rubric/text";
import { EXIT, printJson, UsageError, type Output } from "../io";
import type { CommandArgs } from "../run";
import { usage } from "../commandTable";
import { loadWorkbook } from "../workbookFile";

const USAGE = usage("derive");

/** A rubric file this command wrote before (its `derived` field says so): replaced without asking. */
function isDerivedRubricFile(file: string): boolean {
  try {
    const data = JSON.parse(readFileSync(file, "utf8").replace(/^\uFEFF/, "")) as { derived?: unknown };
    return typeof data === "object" && data !== null && data.derived !== undefined;
  } catch {
    return false;
  }
}

/** Derives the rubric of a sheet from its own scoring sentences and writes it as a rubric data file. */
export async function deriveCommand(args: CommandArgs, output: Output): Promise<number> {
  const file = args.positionals[0];
  if (!file) throw new UsageError("请指定工作簿。\n用法：" + USAGE);
  const out = args.values.output as string | undefined;
  if (!out) throw new UsageError("请用 -o 指定输出的评分细则文件（.json）。\n用法：" + USAGE);
  if (!/\.json$/i.test(out)) throw new UsageError("输出文件应以 .json 结尾：" + out);
  refuseInput(out, [file]);
  if (existsSync(out) && args.values.force !== true && !isDerivedRubricFile(out))
    throw new UsageError("文件已存在，不会覆盖：" + out + "。确需覆盖请加 --force，或另选输出文件名");
  const workbook = await loadWorkbook(file, (t) => output.err(t + "\n"));
  const wanted = args.values.sheet as string | undefined;
  const grids = workbook.grids().filter((g) => OWN_SHEETS.indexOf(g.sheet) < 0);
  const candidates = wanted === undefined ? grids : grids.filter((g) => g.sheet === wanted);
  if (wanted !== undefined && !candidates.length) throw new UsageError("工作簿中没有工作表“" + wanted + "”：" + file);
  for (const grid of candidates) {
    const layout = recognizeSheet(grid);
    if (layout.kind === "unknown" || !layout.rows.some((r) => r.kind === "indicator")) continue;
    const { rubric, pending } = deriveRubric(grid, layout, basename(file));
    writeWhole(out, JSON.stringify(rubric, null, 2) + "\n");
    if (args.values.json) {
      printJson(output, {
        file,
        sheet: grid.sheet,
        output: out,
        rubric: { id: rubric.id, title: rubric.title, derived: true },
        points: rubric.points,
        bonus: rubric.bonus,
        indicators: rubric.categories.reduce((s, c) => s + c.indicators.length, 0),
        pending,
        discrepancies: rubric.discrepancies,
      });
    } else {
      output.out("已由工作表“" + grid.sheet + "”的评分语句生成评分细则：" + out + "\n");
      output.out(
        "  " +
          rubric.title +
          "：" +
          rubric.categories.length +
          " 个一级指标，" +
          rubric.categories.reduce((s, c) => s + c.indicators.length, 0) +
          " 项，满分 " +
          formatPoints(rubric.points) +
          " 分" +
          (rubric.bonus ? "，加分 " + formatPoints(rubric.bonus) + " 分" : "") +
          "\n"
      );
      for (const d of rubric.discrepancies) output.out("  ! " + d.note + "（原文：" + d.quote.slice(0, 40) + "）\n");
      if (pending.length)
        output.out(
          "  待确认的评分项 " +
            pending.length +
            " 个：" +
            pending.join("、") +
            "，请核对后使用（--rubric-file " +
            out +
            "）\n"
        );
    }
    return EXIT.ok;
  }
  output.err("未找到可生成评分细则的表格（需要有“评分标准”“考核内容”等表头和分值）：" + file + "\n");
  return EXIT.findings;
}
