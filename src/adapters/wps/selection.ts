/** Moving the user to a cell (a finding's "go to"): activate its sheet, select the cell. */
import { toWpsError, WpsActionError, NO_WORKBOOK } from "./action";
import type { EtApplication } from "./et";

export function selectCell(app: EtApplication, sheet: string, cell: string): void {
  const workbook = app.ActiveWorkbook;
  if (!workbook) throw new WpsActionError("NoWorkbook", NO_WORKBOOK);
  try {
    const ws = workbook.Worksheets.Item(sheet);
    ws.Activate();
    ws.Range(cell).Select();
  } catch (e) {
    throw toWpsError(e, "选中 " + sheet + "!" + cell);
  }
}
