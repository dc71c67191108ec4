/**
 * Recognizing a whole workbook: every sheet's layout and, for each recognized sheet, the
 * best-fitting rubric (or the one the user chose). Ziping's own sheets are not candidates.
 */
import type { Rubric } from "../rubric/schema";
import type { Grid } from "./grid";
import { FIT_THRESHOLD, matchRubric, rankRubrics, type SheetMatch } from "./match";
import { recognizeSheet, type SheetLayout } from "./recognize";

import { OWN_SHEETS } from "../own/sheets";

export { OWN_SHEETS };

export interface SheetRecognition {
  layout: SheetLayout;
  /** The chosen rubric's match; undefined when no rubric fits (or the sheet is unknown). */
  match?: SheetMatch;
  /** The best match even when it does not fit, to say how far off it was. */
  best?: SheetMatch;
}

export function recognizeWorkbook(
  grids: readonly Grid[],
  rubrics: readonly Rubric[],
  chosen?: Rubric
): SheetRecognition[] {
  return grids
    .filter((g) => OWN_SHEETS.indexOf(g.sheet) < 0)
    .map((grid) => {
      const layout = recognizeSheet(grid);
      if (layout.kind === "unknown") return { layout };
      if (chosen) {
        const match = matchRubric(layout, chosen);
        return { layout, match, best: match };
      }
      const [best] = rankRubrics(layout, rubrics);
      return { layout, best, match: best && best.score >= FIT_THRESHOLD ? best : undefined };
    });
}

/** The sheet to fill or score: the recognized sheet whose rubric fits best. */
export function primarySheet(recognitions: readonly SheetRecognition[]): SheetRecognition | undefined {
  let best: SheetRecognition | undefined;
  for (const r of recognitions) if (r.match && (!best || r.match.score > best.match!.score)) best = r;
  return best;
}
