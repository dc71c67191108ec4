/**
 * Explanations (说明) of warnings: those written in the pane, kept in the hidden _ziping sheet as
 * rows "accept" | finding key | note (so they travel with the workbook, never in customXml), and
 * those a person typed into 校验报告's 情况说明 column (the pane's wins where both exist).
 */
import { STATE_SHEET } from "../plan/formulas";
import { cellAt, type Grid } from "../sheet/grid";
import { reportNotes } from "./report";

export function acceptedNotes(grids: readonly Grid[]): Map<string, string> {
  const notes = reportNotes(grids);
  const state = grids.find((g) => g.sheet === STATE_SHEET);
  if (!state) return notes;
  for (let row = 0; row < state.values.length; row++) {
    const key = cellAt(state, row, 1);
    const note = cellAt(state, row, 2);
    if (cellAt(state, row, 0) === "accept" && typeof key === "string" && typeof note === "string" && note.trim())
      notes.set(key, note.trim());
  }
  return notes;
}
