/**
 * Change events for the live dashboard: one listener for edits anywhere in the workbook and for
 * the active sheet changing (WorksheetCollection.onActivated, ExcelApi 1.7), never
 * for our own writes (they happen while `isApplying` is true, or within a short grace after, and
 * with `enableEvents` off where ExcelApi 1.8 allows). Collection-level events need ExcelApi 1.9;
 * below that each sheet gets its own handler (1.7); below 1.7 there are no events at all and the
 * pane shows a 刷新 button instead.
 */
import { isApplying } from "./apply";
import { runAction } from "./action";
import { supports } from "./capabilities";

/** Events arriving this long after our own write are its echo (Excel delivers them late). */
const OWN_WRITE_GRACE_MS = 800;

export function hasChangeEvents(): boolean {
  return supports("1.7");
}

/** Subscribes `listener` to edits of any sheet; resolves to an unsubscribe, or undefined without events. */
export async function onWorkbookChanged(listener: () => void): Promise<(() => Promise<void>) | undefined> {
  if (!hasChangeEvents()) return undefined;
  const handler = async () => {
    if (!isApplying(OWN_WRITE_GRACE_MS)) listener();
  };
  return runAction(async (context) => {
    const results: Array<
      OfficeExtension.EventHandlerResult<Excel.WorksheetChangedEventArgs | Excel.WorksheetActivatedEventArgs>
    > = [];
    // The active sheet changing is a reason to look again too (the pane recognizes what is shown).
    results.push(context.workbook.worksheets.onActivated.add(handler));
    if (Office.context.requirements.isSetSupported("ExcelApi", "1.9")) {
      results.push(context.workbook.worksheets.onChanged.add(handler));
    } else {
      const sheets = context.workbook.worksheets;
      sheets.load("items/name");
      await context.sync();
      for (const sheet of sheets.items) results.push(sheet.onChanged.add(handler));
    }
    await context.sync();
    // Handlers are removed in the context that added them (Microsoft's pattern for events).
    return async () => {
      if (!results.length) return;
      await Excel.run(results[0].context, async (ctx) => {
        results.forEach((r) => r.remove());
        await ctx.sync();
      }).catch(() => undefined);
    };
  });
}
