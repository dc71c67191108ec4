/**
 * `ziping import NOTICE.docx -o 工作簿.xlsx`: the rubric as it arrives — a Word notice with its
 * 附件 评分细则 / 任务分解表 — made a workbook: each scoring table a sheet laid out as the document
 * has it, recognized as `inspect` recognizes sheets and ready for `fill`; the targets the notice's
 * text states are listed for a person, not put into any rubric. A .doc is converted with LibreOffice
 * where it is installed. The input is never written.
 */
import { readFileSync } from "node:fs";
import { basename } from "node:path";
import { newWorkbook } from "../../adapters/xlsx/index";
import { chooseRubric } from "../../check/chooseRubric";
import { derivation } from "../../check/recognize";
import { DocxReadError, isOleFile, readDocx } from "../../import/docx";
import { noticeTables, noticeTargets, type NoticeTarget } from "../../import/notice";
import { importPlan, type ImportedTable } from "../../import/plan";
import { builtinRubrics } from "../builtinRubrics";
import { FIT_THRESHOLD } from "../../sheet/match";
import type { SheetRecognition } from "../../sheet/workbook";
import { convertDocToDocx } from "../convert";
import { fsErrorText } from "../files";
import { EXIT, printJson, UsageError, type Output } from "../io";
import type { CommandArgs } from "../run";
import { usage } from "../commandTable";
import { checkOutput, savePlanned } from "../workbookFile";
import { inspectJson } from "./inspect";

const USAGE = usage("import");

const KIND_NAMES: Record<string, string> = {
  "task-breakdown": "任务分解表",
  scoring: "评分细则",
  assessment: "考核表",
  unknown: "未识别",
};

function readInput(file: string): Buffer {
  try {
    return readFileSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(
      code === "ENOENT"
        ? "找不到文件：" + file
        : code === "EISDIR"
          ? "这是一个文件夹，不是 Word 文档：" + file
          : "无法读取文件：" + file + "（" + fsErrorText(error) + "）"
    );
  }
}

/** The .docx bytes of the notice: a .doc (or .rtf) converted with LibreOffice first. */
async function noticeBytes(file: string): Promise<Buffer> {
  const bytes = readInput(file);
  if (bytes.length === 0) throw new UsageError("无法读取文件：文件是空的（0 字节）：" + file);
  const rtf = bytes.subarray(0, 5).toString("latin1") === "{\\rtf";
  if (isOleFile(bytes) || rtf) return convertDocToDocx(file);
  if (/\.xlsx?$/i.test(file))
    throw new UsageError("这是 Excel 工作簿，不是 Word 文档；工作簿请直接用 ziping inspect 或 ziping fill：" + file);
  return bytes;
}

function tableJson(t: ImportedTable) {
  return {
    table: t.table.index,
    parts: t.table.parts,
    rows: t.table.values.length,
    columns: t.table.width,
    title: t.table.title,
    sheet: t.sheet ?? null,
    ...(t.reason ? { reason: t.reason } : {}),
  };
}

function tableLine(t: ImportedTable): string {
  const where =
    "第 " + t.table.index + " 个表格" + (t.table.parts > 1 ? "（跨页，由 " + t.table.parts + " 段接续）" : "");
  const title = t.table.title.length ? "“" + t.table.title.join(" ") + "”" : "";
  if (!t.sheet) return "  · " + where + title + "：" + t.reason + "，未导入\n";
  const indicators = t.layout.rows.filter((r) => r.kind === "indicator").length;
  return (
    "  · " +
    where +
    title +
    " → 工作表“" +
    t.sheet +
    "”：" +
    KIND_NAMES[t.layout.kind] +
    "，" +
    indicators +
    " 行指标\n"
  );
}

function recognitionLine({ layout, match, best }: SheetRecognition): string {
  const head = "工作表“" + layout.sheet + "”：";
  if (!match) {
    return (
      head +
      "未匹配到内置评分细则" +
      (best ? "（最接近：" + best.rubric.title + "，吻合度 " + Math.round(Math.min(1, best.score) * 100) + "%）" : "") +
      "\n"
    );
  }
  const derived = match.rubric.derived;
  return (
    head +
    (derived
      ? "没有相符的内置评分细则（吻合度低于 " +
        FIT_THRESHOLD * 100 +
        "%），已由本表的评分语句生成评分细则，待确认 " +
        derived.unparsed +
        " 项；请用 ziping derive 导出核对\n"
      : "评分细则：" +
        match.rubric.title +
        "（" +
        match.rubric.id +
        "），吻合度 " +
        Math.round(Math.min(1, match.score) * 100) +
        "%，匹配 " +
        match.matches.length +
        " 项" +
        (match.missing.length ? "，缺少 " + match.missing.length + " 项" : "") +
        (match.pointsDiffer.length ? "，" + match.pointsDiffer.length + " 项分值与细则不同" : "") +
        "\n")
  );
}

function targetLines(targets: NoticeTarget[]): string {
  if (!targets.length) return "";
  return (
    "通知正文中写明的目标（供核对，未写入评分细则）：\n" +
    targets.map((t) => "  · " + t.text + "（第 " + t.paragraph + " 段）\n").join("")
  );
}

export async function importCommand(args: CommandArgs, output: Output): Promise<number> {
  const file = args.positionals[0];
  if (!file) throw new UsageError("请指定要导入的 Word 文档（.docx 或 .doc）。\n用法：" + USAGE);
  const out = await checkOutput([file], args.values.output as string | undefined, USAGE, {
    force: args.values.force === true,
    replaceOurs: true,
  });
  let blocks;
  try {
    blocks = await readDocx(await noticeBytes(file));
  } catch (error) {
    if (error instanceof DocxReadError) throw new UsageError(error.message + "：" + file);
    throw error;
  }
  const targets = noticeTargets(blocks);
  const { plan, tables } = importPlan(noticeTables(blocks));
  const imported = tables.filter((t) => t.sheet);
  if (!imported.length) {
    if (args.values.json) printJson(output, { file, output: null, tables: tables.map(tableJson), sheets: [], targets });
    else {
      output.out(targetLines(targets));
      output.err(
        "未导入：" +
          file +
          " 中没有评分表（任务分解表、评分细则或考核表）" +
          (tables.length ? "：\n" + tables.map(tableLine).join("") : "，文档中没有表格。\n")
      );
    }
    return EXIT.findings;
  }
  const workbook = newWorkbook();
  await savePlanned(workbook, plan, out);
  const { sheets } = chooseRubric(workbook.grids(), builtinRubrics, { file: basename(out), derivation });
  if (args.values.json) {
    printJson(output, {
      file,
      output: out,
      tables: tables.map(tableJson),
      sheets: inspectJson(out, sheets).sheets,
      targets,
    });
  } else {
    output.out("已导入：" + file + " → " + out + "（原文件未改动）\n");
    for (const t of tables) output.out(tableLine(t));
    for (const s of sheets) output.out(recognitionLine(s));
    output.out(targetLines(targets));
    output.out("下一步：ziping fill " + out + " -o 自评工作簿.xlsx\n");
  }
  return EXIT.ok;
}
