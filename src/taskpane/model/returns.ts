/**
 * The units' returned files, as the user picked them (合并各单位报送): read in the browser with the
 * exceljs adapter (its own chunk, loaded when files are picked — in Excel and WPS too, where the
 * returns are files beside the open workbook), in name order as `ziping merge` reads a folder, with
 * each file's modified time as the CLI shows it. A file that cannot be read is said, not thrown:
 * the others are merged. Nothing is written.
 */
import { formatModified, type UnitFile } from "../../plan/merge";
import { loadXlsx } from "../onDemand";
import { errorText } from "../components/format";

/** What the pane needs of a picked file: a browser File has all of it. */
export interface PickedFile {
  name: string;
  /** Milliseconds since 1970, as File.lastModified. */
  lastModified?: number;
  arrayBuffer(): Promise<ArrayBuffer>;
}

export interface ReadReturns {
  files: UnitFile[];
  /** Files not read, each with why (shown with the files the merge rejects). */
  unreadable: Array<{ file: string; reason: string }>;
}

/**
 * Reads the picked returns. `county` is the open workbook's file name where it is a file
 * (standalone mode): picked again among the returns, it is set aside as the CLI does.
 */
export async function readReturns(picked: readonly PickedFile[], county?: string): Promise<ReadReturns> {
  const files: UnitFile[] = [];
  const unreadable: ReadReturns["unreadable"] = [];
  const sorted = picked.slice().sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  let xlsx: Awaited<ReturnType<typeof loadXlsx>> | undefined;
  for (const file of sorted) {
    if (!/\.xlsx$/i.test(file.name)) {
      unreadable.push({ file: file.name, reason: "不是 .xlsx 工作簿（WPS 或旧版 .xls 文件请先另存为 .xlsx），未合并" });
      continue;
    }
    if (file.name.indexOf("~$") === 0) {
      unreadable.push({
        file: file.name,
        reason: "这是 Excel 或 WPS 打开文件时生成的临时文件，不是单位报送的文件，未合并",
      });
      continue;
    }
    if (county !== undefined && file.name === county) {
      unreadable.push({ file: file.name, reason: "这是县里的工作簿本身，不是单位报送的文件，未合并" });
      continue;
    }
    if (!xlsx) xlsx = await loadXlsx();
    try {
      const workbook = await xlsx.readWorkbook(await file.arrayBuffer());
      files.push({
        file: file.name,
        modified: file.lastModified ? formatModified(new Date(file.lastModified)) : undefined,
        grids: workbook.grids(),
      });
    } catch (e) {
      unreadable.push({
        file: file.name,
        reason: e instanceof xlsx.XlsxReadError ? e.message + "，未合并" : "无法读取（" + errorText(e) + "），未合并",
      });
    }
  }
  return { files, unreadable };
}
