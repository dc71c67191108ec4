/**
 * Change events for the live dashboard: subscribed once for the whole workbook (ExcelApi 1.9) or
 * per sheet (1.7), with the active sheet's change too; without
 * ExcelApi 1.7 there is no subscription (the pane shows 刷新). A small hand-made Excel: events are
 * what office-addin-mock does not model.
 */
import { hasChangeEvents, onWorkbookChanged } from "../../../src/adapters/office/events";

type Handler = () => Promise<void>;

function fakeExcel(version: number, sheets = ["任务分解表", "自评依据"]) {
  const handlers: Record<string, Handler[]> = {};
  const removed: string[] = [];
  const on = (name: string) => ({
    add(h: Handler) {
      (handlers[name] ??= []).push(h);
      return { context: {}, remove: () => removed.push(name) };
    },
  });
  const context = {
    workbook: {
      worksheets: {
        onActivated: on("activated"),
        onChanged: on("changed"),
        items: sheets.map((name) => ({ name, onChanged: on("changed:" + name) })),
        load() {},
      },
    },
    sync: async () => undefined,
  };
  (global as any).Office = { context: { requirements: { isSetSupported: (_: string, v: string) => Number(v.split(".")[1]) <= version } } };
  (global as any).Excel = { run: async (a: unknown, b?: (c: typeof context) => Promise<unknown>) => (typeof a === "function" ? a(context) : b!(context)) };
  return { handlers, removed };
}

afterEach(() => {
  delete (global as any).Office;
  delete (global as any).Excel;
});

test("ExcelApi 1.9: one handler for every sheet's edits and one for the active sheet; unsubscribe removes both", async () => {
  const { handlers, removed } = fakeExcel(9);
  let calls = 0;
  const off = await onWorkbookChanged(() => calls++);
  expect(Object.keys(handlers).sort()).toEqual(["activated", "changed"]);
  await handlers.changed[0]();
  await handlers.activated[0]();
  expect(calls).toBe(2);
  await off!();
  expect(removed.sort()).toEqual(["activated", "changed"]);
});

test("ExcelApi 1.7: a handler per sheet", async () => {
  const { handlers } = fakeExcel(7);
  await onWorkbookChanged(() => undefined);
  expect(Object.keys(handlers).sort()).toEqual(["activated", "changed:任务分解表", "changed:自评依据"]);
});

test("below ExcelApi 1.7: no events, no subscription", async () => {
  fakeExcel(6);
  expect(hasChangeEvents()).toBe(false);
  expect(await onWorkbookChanged(() => undefined)).toBeUndefined();
});
