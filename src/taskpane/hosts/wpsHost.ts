/**
 * The host inside WPS 表格: the open workbook through the WPS adapter (src/adapters/wps). The ET
 * API is synchronous; each call is wrapped in a promise so the pane treats every host alike.
 * The ribbon's 准备工作簿 and 发送前校验 reach the pane as commands (adapters/wps/commands.ts).
 */
import {
  applyPlan,
  hasChangeEvents,
  onPaneCommand,
  onWorkbookChanged,
  readWorkbook,
  selectCell,
  type EtApplication,
} from "../../adapters/wps/index";
import type { WorkbookPlan } from "../../plan/plan";
import type { ApplyResult, WorkbookHost, WorkbookSnapshot } from "../model/host";

/** A call to the synchronous API as a promise: a throw becomes a rejection. */
function later<T>(f: () => T): Promise<T> {
  return new Promise<T>((resolve) => resolve(f()));
}

export function createWpsHost(app: EtApplication): WorkbookHost {
  const host: WorkbookHost = {
    kind: "wps",
    name: "当前工作簿",
    notes: [],
    read(): Promise<WorkbookSnapshot> {
      return later(() => {
        const workbook = readWorkbook(app);
        return { grids: workbook.grids, mergesKnown: true };
      });
    },
    apply(plan: WorkbookPlan): Promise<ApplyResult> {
      return later(() => ({ skipped: applyPlan(app, plan).notes }));
    },
    select(sheet: string, cell: string): Promise<void> {
      return later(() => selectCell(app, sheet, cell));
    },
    onCommand(listener) {
      return onPaneCommand(app, listener);
    },
  };
  if (hasChangeEvents(app)) host.onChange = (listener) => onWorkbookChanged(app, listener);
  else host.notes = ["当前 WPS 版本不向加载项报告单元格的修改，修改后请点击“刷新”重新检查。"];
  return host;
}
