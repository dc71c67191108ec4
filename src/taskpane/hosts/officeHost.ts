/**
 * The host inside Excel: the open workbook through the Office.js adapter. Every call is one
 * adapter action (a constant number of syncs); what this Excel cannot do is said in `notes`.
 */
import { applyPlan, capabilityNotes, readWorkbook, selectCell } from "../../adapters/office/index";
import { hasChangeEvents, onWorkbookChanged } from "../../adapters/office/events";
import type { WorkbookPlan } from "../../plan/plan";
import type { ApplyResult, WorkbookHost, WorkbookSnapshot } from "../model/host";

export function createOfficeHost(): WorkbookHost {
  const host: WorkbookHost = {
    kind: "office",
    name: "当前工作簿",
    notes: capabilityNotes(),
    async read(): Promise<WorkbookSnapshot> {
      const workbook = await readWorkbook();
      return { grids: workbook.grids, mergesKnown: workbook.mergesKnown };
    },
    async apply(plan: WorkbookPlan): Promise<ApplyResult> {
      const result = await applyPlan(plan);
      return { skipped: result.notes };
    },
    select: selectCell,
  };
  if (hasChangeEvents()) {
    host.onChange = (listener) => {
      let unsubscribe: (() => Promise<void>) | undefined;
      let closed = false;
      void onWorkbookChanged(listener).then((off) => {
        if (closed) void off?.();
        else unsubscribe = off;
      });
      return () => {
        closed = true;
        void unsubscribe?.();
      };
    };
  }
  return host;
}
