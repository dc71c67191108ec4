/**
 * Which rubric scores a workbook, decided in one place for the CLI, the full pane and the lite pane.
 * The stages, in order:
 *
 * 1. asked:      the rubric the user chose (--rubric, --rubric-file, the pane's picker);
 * 2. remembered: the rubric a fill recorded in _ziping — a built-in by its id, or a derived one
 *                stored as reviewed (read only with a derivation: checking it needs the rubric schema);
 * 3. best:       the best-fitting built-in, where it fits (FIT_THRESHOLD);
 * 4. derived:    where none fits a recognized table, a rubric derived from the table's own scoring
 *                sentences (only with a derivation).
 *
 * The derivation (grammar and zod) is passed in, so that this module and the lite pane (IE11) stay
 * free of both: the lite pane passes none and is told when a workbook needs one (`derivationNeeded`).
 */
import { isDerivedId, rememberedRubricId } from "../own/state";
import type { Rubric } from "../rubric/schema";
import type { Grid } from "../sheet/grid";
import { matchRubric } from "../sheet/match";
import type { SheetLayout } from "../sheet/recognize";
import { primarySheet, recognizeWorkbook, type SheetRecognition } from "../sheet/workbook";

/** Reading rubrics derived from a table's sentences: check/recognize.ts's `derivation`. */
export interface Derivation {
  /** The derived rubric a fill stored in _ziping, checked; undefined when absent or invalid. */
  stored(grids: readonly Grid[]): Rubric | undefined;
  /** A rubric derived from a recognized table's own scoring sentences. */
  derive(grid: Grid, layout: SheetLayout, file: string): Rubric;
  /** A table with more items than this is a data sheet that merely looks like a 考核表: never derived from. */
  maxItems: number;
}

export type RubricStage = "asked" | "remembered" | "best" | "derived";

export interface RubricChoice {
  sheets: SheetRecognition[];
  primary?: SheetRecognition;
  /** The stage the rubric came from; undefined when no rubric scores the workbook. */
  stage?: RubricStage;
  /** The primary sheet is scored by a rubric derived from text (stored in _ziping or derived now). */
  derived: boolean;
  /**
   * Without a derivation: why the built-in rubrics cannot score a workbook that holds a table — it
   * remembers a rubric derived from its own text, or no built-in fits its table.
   */
  derivationNeeded?: "remembered" | "unmatched";
}

export interface ChooseOptions {
  /** The rubric asked for. */
  chosen?: Rubric;
  /** The file's name, for the title of a derived rubric. */
  file?: string;
  derivation?: Derivation;
}

export function chooseRubric(
  grids: readonly Grid[],
  rubrics: readonly Rubric[],
  options: ChooseOptions = {}
): RubricChoice {
  const { chosen, derivation } = options;
  let rubric = chosen;
  let stage: RubricStage | undefined = chosen ? "asked" : undefined;
  if (!rubric) {
    const id = rememberedRubricId(grids);
    if (id !== undefined && !isDerivedId(id)) rubric = rubrics.find((r) => r.id === id);
    else if (id !== undefined && derivation) rubric = derivation.stored(grids);
    else if (id !== undefined)
      return { sheets: recognizeWorkbook(grids, rubrics), derived: false, derivationNeeded: "remembered" };
    if (rubric) stage = "remembered";
  }
  const sheets = recognizeWorkbook(grids, rubrics, rubric);
  const primary = primarySheet(sheets);
  if (primary || rubric) {
    const derived = primary?.match?.rubric.derived !== undefined;
    return { sheets, primary, stage: primary ? (stage ?? "best") : undefined, derived };
  }
  if (!derivation) {
    const table = sheets.some((s) => s.layout.kind !== "unknown");
    return table ? { sheets, derived: false, derivationNeeded: "unmatched" } : { sheets, derived: false };
  }
  const candidate = sheets.find((s) => {
    const items = s.layout.rows.filter((r) => r.kind === "indicator").length;
    return s.layout.kind !== "unknown" && items > 0 && items <= derivation.maxItems;
  });
  if (!candidate) return { sheets, derived: false };
  const grid = grids.find((g) => g.sheet === candidate.layout.sheet)!;
  candidate.match = matchRubric(candidate.layout, derivation.derive(grid, candidate.layout, options.file ?? ""));
  return { sheets, primary: candidate, stage: "derived", derived: true };
}
