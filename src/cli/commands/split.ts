import { existsSync, statSync } from "node:fs";
import { join } from "node:path";
import { newWorkbook } from "../../adapters/xlsx/index";
import { rowsByUnit, unitFileName, unitSheet, unitSheetOps } from "../../plan/split";
import { unitKeyedSheetOps, unitStateOps } from "../../plan/unitReturn";
import { EXIT, printJson, UsageError, type Output } from "../io";
import { nothingRecognized, recognizeLoaded } from "../recognizeFile";
import type { CommandArgs } from "../run";
import { usage } from "../commandTable";
import { loadWorkbook, savePlanned } from "../workbookFile";
import { makeFolder, refuseInput } from "../files";

const USAGE = usage("split");

export async function splitCommand(args: CommandArgs, output: Output): Promise<number> {
  const file = args.positionals[0];
  if (!file) throw new UsageError("请指定要拆分的 .xlsx 文件。\n用法：" + USAGE);
  if ((args.values.by ?? "unit") !== "unit")
    throw new UsageError("目前只支持按责任单位拆分（--by unit）。\n用法：" + USAGE);
  const dir = args.values.output as string | undefined;
  if (!dir) throw new UsageError("请用 -o 指定输出文件夹。\n用法：" + USAGE);
  if (existsSync(dir) && !statSync(dir).isDirectory()) throw new UsageError("输出位置不是文件夹：" + dir);
  const workbook = await loadWorkbook(file, (t) => output.err(t + "\n"));
  const { grids, sheets, primary } = recognizeLoaded(workbook, file);
  // The rubric of the split sheet: each unit's file gets its own cut of 自评依据 and 指标数据.
  const sheet = unitSheet(sheets, primary);
  if (!sheet) {
    const recognized = sheets.filter((s) => s.layout.kind !== "unknown");
    output.err(
      recognized.length
        ? "无法拆分：工作表“" + recognized.map((s) => s.layout.sheet).join("”“") + "”没有牵头单位或责任单位列。\n"
        : nothingRecognized(file, sheets)
    );
    return EXIT.findings;
  }
  const grid = grids.find((g) => g.sheet === sheet.layout.sheet)!;
  const units = rowsByUnit(sheet.layout);
  const match = sheet.match;
  const indicatorOf = new Map((match?.matches ?? []).map((m) => [m.row.row, m.indicator.id] as const));
  // Every file's name first: one that is the input, or someone's file, stops the split before any is written.
  const targets: string[] = [];
  const used = new Set<string>();
  for (const unit of units) {
    let name = unitFileName(unit.unit);
    for (let n = 2; used.has(name); n++) name = unitFileName(unit.unit) + "-" + n;
    used.add(name);
    const target = join(dir, name + ".xlsx");
    refuseInput(target, [file]);
    if (existsSync(target) && args.values.force !== true)
      throw new UsageError(
        "文件夹中已有“" + name + ".xlsx”，不会覆盖：" + target + "。确需覆盖请加 --force，或另选输出文件夹"
      );
    targets.push(target);
  }
  makeFolder(dir);
  const written: Array<{ unit: string; file: string; rows: number }> = [];
  for (const [i, unit] of units.entries()) {
    const target = targets[i];
    const indicators = new Set(unit.rows.map((r) => indicatorOf.get(r.row.row)).filter((id): id is string => !!id));
    const ops = [
      { op: "addSheet" as const, sheet: grid.sheet },
      ...unitSheetOps(grid, sheet.layout, unit, grid.sheet),
      ...(match ? unitKeyedSheetOps(grids, match.rubric, indicators) : []),
      ...unitStateOps(unit.unit, grid.sheet, match?.rubric),
    ];
    await savePlanned(newWorkbook(), { ops, summary: [], kept: [] }, target);
    written.push({ unit: unit.unit, file: target, rows: unit.rows.length });
  }
  const noUnit = sheet.layout.rows.filter((r) => r.kind === "indicator" && !r.lead && !r.responsible);
  if (args.values.json)
    printJson(output, { file, sheet: grid.sheet, units: written, rowsWithoutUnit: noUnit.map((r) => r.row + 1) });
  else {
    output.out("已按责任单位拆分“" + grid.sheet + "”，共 " + written.length + " 个单位，写入 " + dir + "：\n");
    for (const w of written) output.out("  · " + w.unit + "：" + w.rows + " 项\n");
    if (noUnit.length)
      output.out("  ! 第 " + noUnit.map((r) => r.row + 1).join("、") + " 行没有填写责任单位，未分到任何单位\n");
  }
  return EXIT.ok;
}
