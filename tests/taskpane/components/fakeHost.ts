/**
 * An in-memory WorkbookHost over the real exceljs adapter: read() gives the workbook's Grids,
 * apply(plan) applies the plan as the standalone pane would, and `edit` simulates a person typing
 * in the sheet (a plan applied behind the pane's back, then the change event).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { applyPlan, readWorkbook, type XlsxWorkbook } from "../../../src/adapters/xlsx/index";
import type { WorkbookPlan } from "../../../src/plan/plan";
import type { WorkbookHost } from "../../../src/taskpane/model/host";

export const SAMPLE = join(__dirname, "..", "..", "..", "assets", "samples", "微山县-任务分解表.xlsx");

export interface FakeHost extends WorkbookHost {
  workbook: XlsxWorkbook;
  applied: WorkbookPlan[];
  selected: Array<[string, string]>;
  /** Changes the workbook as a person would, then fires the change event. */
  edit(plan: WorkbookPlan): void;
  listeners: Set<() => void>;
}

export interface FakeHostOptions {
  /** Leave out onChange, as in an Excel without change events. */
  noEvents?: boolean;
  notes?: string[];
  lossyParts?: string[];
  /** Make apply reject with this message. */
  failApply?: string;
}

export async function fakeHost(file: string = SAMPLE, options: FakeHostOptions = {}): Promise<FakeHost> {
  const workbook = await readWorkbook(readFileSync(file));
  const listeners = new Set<() => void>();
  const host: FakeHost = {
    kind: "file",
    name: "微山县-任务分解表.xlsx",
    workbook,
    applied: [],
    selected: [],
    listeners,
    notes: options.notes ?? [],
    lossyParts: options.lossyParts,
    read: jest.fn(async () => ({ grids: workbook.grids(), mergesKnown: true })),
    apply: jest.fn(async (plan: WorkbookPlan) => {
      if (options.failApply) throw new Error(options.failApply);
      host.applied.push(plan);
      applyPlan(workbook, plan);
      return { skipped: [] };
    }),
    select: jest.fn(async (sheet: string, cell: string) => {
      host.selected.push([sheet, cell]);
    }),
    edit(plan: WorkbookPlan) {
      applyPlan(workbook, plan);
      for (const l of listeners) l();
    },
  };
  if (!options.noEvents)
    host.onChange = jest.fn((listener: () => void) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    });
  return host;
}
