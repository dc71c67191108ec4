/**
 * The host for standalone mode: an .xlsx file opened in the browser, read and changed with the
 * exceljs adapter — loaded on demand, so the pane inside Excel never pays for it — and offered
 * back for download. Nothing leaves the browser.
 */
import type { ApplyResult, WorkbookHost, WorkbookSnapshot } from "../model/host";
import type { WorkbookPlan } from "../../plan/plan";

/** A file name for the changed copy: 微山.xlsx → 微山-自评.xlsx. */
export function downloadName(name: string): string {
  const base = name.replace(/\.xlsx$/i, "");
  return (base.endsWith("-自评") ? base : base + "-自评") + ".xlsx";
}

function save(bytes: Uint8Array, name: string): void {
  const blob = new Blob([bytes as BlobPart], {
    type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  });
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = name;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export async function openFileHost(
  name: string,
  data: ArrayBuffer | Uint8Array,
  notes: string[] = []
): Promise<WorkbookHost> {
  const xlsx = await import(/* webpackChunkName: "xlsx" */ "../../adapters/xlsx/index.js");
  const workbook = await xlsx.readWorkbook(data);
  const listeners = new Set<() => void>();
  return {
    kind: "file",
    name,
    notes: ["独立模式：文件只在本浏览器中处理，不会上传；修改后请点击“下载”保存。", ...notes],
    lossyParts: workbook.lossyParts,
    async read(): Promise<WorkbookSnapshot> {
      return { grids: workbook.grids(), mergesKnown: true };
    },
    async apply(plan: WorkbookPlan): Promise<ApplyResult> {
      xlsx.applyPlan(workbook, plan);
      return { skipped: [] };
    },
    async select(): Promise<void> {
      // A file has no selection to move: the pane shows the address itself.
    },
    onChange(listener: () => void) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async download(): Promise<void> {
      save(await xlsx.writeWorkbook(workbook), downloadName(name));
    },
  };
}
