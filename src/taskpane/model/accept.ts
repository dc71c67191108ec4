/**
 * Accepting a warning with a written explanation (说明): a row "accept" | finding key | note in the
 * hidden _ziping sheet, so the explanation travels with the workbook and the validator marks the
 * warning as explained.
 */
import type { Finding } from "../../check/findings";
import { findingKey } from "../../check/validate";
import { STATE_SHEET } from "../../plan/formulas";
import type { PlanOp, WorkbookPlan } from "../../plan/plan";
import { a1, cellAt, type Grid } from "../../sheet/grid";

export function acceptPlan(grids: readonly Grid[], finding: Finding, note: string): WorkbookPlan {
  if (finding.severity === "error") throw new Error("错误不能以说明放行，请先改正");
  const key = findingKey(finding);
  const state = grids.find((g) => g.sheet === STATE_SHEET);
  const ops: PlanOp[] = [];
  let row = 0;
  if (!state) ops.push({ op: "addSheet", sheet: STATE_SHEET, hidden: true });
  else {
    // The row already holding this key, else the first empty row.
    row = state.values.length;
    for (let r = 0; r < state.values.length; r++) {
      if (cellAt(state, r, 0) === "accept" && cellAt(state, r, 1) === key) {
        row = r;
        break;
      }
    }
  }
  ops.push(
    { op: "set", sheet: STATE_SHEET, cell: a1(row, 0), value: "accept" },
    { op: "set", sheet: STATE_SHEET, cell: a1(row, 1), value: key },
    { op: "set", sheet: STATE_SHEET, cell: a1(row, 2), value: note.trim() }
  );
  return { ops, summary: ["为“" + finding.message + "”记录说明"], kept: [] };
}
