/**
 * Which rubric scores a workbook, decided once for the CLI and the pane: the rubric asked for,
 * else the one a fill remembered (a built-in, or the derived one stored in _ziping as reviewed),
 * else the best-fitting built-in; where none fits a recognized table, a rubric derived from the
 * table's own scoring sentences.
 */
import { isDerivedId, rememberedDerivedRubric, rememberedRubricId } from "../own/state";
import type { Rubric } from "../rubric/schema";
import { checkRubric } from "../rubric/validate";
import { deriveRubric, MAX_DERIVED_ROWS } from "../sheet/derive";
import type { Grid } from "../sheet/grid";
import { matchRubric } from "../sheet/match";
import { primarySheet, recognizeWorkbook, type SheetRecognition } from "../sheet/workbook";

export interface Recognition {
  sheets: SheetRecognition[];
  primary?: SheetRecognition;
  /** The primary sheet is scored by a rubric derived from its own text. */
  derived: boolean;
}

/** The rubric a previous fill recorded in the hidden _ziping sheet. */
export function rememberedRubric(grids: readonly Grid[], rubrics: readonly Rubric[]): Rubric | undefined {
  const id = rememberedRubricId(grids);
  if (id === undefined) return undefined;
  if (!isDerivedId(id)) return rubrics.find((r) => r.id === id);
  const checked = checkRubric(rememberedDerivedRubric(grids));
  return checked.ok ? checked.rubric : undefined;
}

export function recognizeForScoring(
  grids: readonly Grid[],
  rubrics: readonly Rubric[],
  options: { chosen?: Rubric; file: string }
): Recognition {
  const chosen = options.chosen ?? rememberedRubric(grids, rubrics);
  const sheets = recognizeWorkbook(grids, rubrics, chosen);
  const primary = primarySheet(sheets);
  if (primary || chosen) return { sheets, primary, derived: primary?.match?.rubric.derived !== undefined };
  // A 考核表 has tens of items; thousands of "items" are a data sheet that merely looks like one.
  const candidate = sheets.find((s) => {
    const items = s.layout.rows.filter((r) => r.kind === "indicator").length;
    return s.layout.kind !== "unknown" && items > 0 && items <= MAX_DERIVED_ROWS;
  });
  if (!candidate) return { sheets, derived: false };
  const grid = grids.find((g) => g.sheet === candidate.layout.sheet)!;
  candidate.match = matchRubric(candidate.layout, deriveRubric(grid, candidate.layout, options.file).rubric);
  return { sheets, primary: candidate, derived: true };
}
