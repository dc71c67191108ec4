/**
 * 打开通知文件 in the standalone page: a Word notice (.docx) read in the browser, its scoring tables
 * made a workbook (the same import as `ziping import`), which the page then opens as if it were the
 * file chosen. The targets the notice's text states are shown as a note, not put into any rubric.
 * Loaded on demand (its own chunk): the page's first screen does not pay for it.
 */
import { newWorkbook, applyPlan, writeWorkbook } from "../../adapters/xlsx/index";
import { DocxReadError, readDocx } from "../../import/docx";
import { noticeTables, noticeTargets } from "../../import/notice";
import { importPlan } from "../../import/plan";

export interface NoticeWorkbook {
  /** The workbook's name: the notice's, as .xlsx. */
  name: string;
  bytes: Uint8Array;
  /** What was imported and the targets the text states, in Chinese, for the page to show. */
  note: string;
}

/** How many targets the note lists before "等 N 条". */
const TARGETS_SHOWN = 12;

export async function noticeWorkbook(name: string, data: ArrayBuffer | Uint8Array): Promise<NoticeWorkbook> {
  let blocks;
  try {
    blocks = await readDocx(data);
  } catch (e) {
    if (e instanceof DocxReadError) throw new Error(e.message + "：" + name);
    throw e;
  }
  const targets = noticeTargets(blocks);
  const { plan, tables } = importPlan(noticeTables(blocks));
  const sheets = tables.filter((t) => t.sheet);
  const targetText = targets.length
    ? "通知正文中写明的目标（供核对，未写入评分细则）：" +
      targets
        .slice(0, TARGETS_SHOWN)
        .map((t) => t.text)
        .join("；") +
      (targets.length > TARGETS_SHOWN ? " 等 " + targets.length + " 条" : "")
    : "";
  if (!sheets.length)
    throw new Error("“" + name + "”中没有评分表（任务分解表、评分细则或考核表）。" + (targetText ? targetText : ""));
  const workbook = newWorkbook();
  applyPlan(workbook, plan);
  const bytes = await writeWorkbook(workbook);
  const note =
    "已由通知“" +
    name +
    "”导入 " +
    sheets.length +
    " 个评分表（" +
    sheets.map((t) => "“" + t.sheet + "”").join("、") +
    "）。" +
    targetText;
  return { name: name.replace(/\.docx$/i, "") + ".xlsx", bytes: new Uint8Array(bytes), note };
}
