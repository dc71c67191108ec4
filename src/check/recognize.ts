/**
 * Rubrics derived from a table's own text, for chooseRubric (check/chooseRubric.ts): the derived
 * rubric a fill stored in _ziping, checked by the rubric schema, and the derivation of a new one
 * from a table's scoring sentences. Needs the grammar and zod: the lite pane never loads this.
 */
import { isDerivedId, rememberedDerivedRubric, rememberedRubricId } from "../own/state";
import type { Rubric } from "../rubric/schema";
import { checkRubric } from "../rubric/validate";
import { deriveRubric, MAX_DERIVED_ROWS } from "../sheet/derive";
import type { Grid } from "../sheet/grid";
import type { Derivation } from "./chooseRubric";

/** The stored derived rubric, checked; undefined when there is none or it no longer passes the check. */
function storedDerivedRubric(grids: readonly Grid[]): Rubric | undefined {
  const checked = checkRubric(rememberedDerivedRubric(grids));
  return checked.ok ? checked.rubric : undefined;
}

/** The rubric a previous fill recorded in the hidden _ziping sheet. */
export function rememberedRubric(grids: readonly Grid[], rubrics: readonly Rubric[]): Rubric | undefined {
  const id = rememberedRubricId(grids);
  if (id === undefined) return undefined;
  if (!isDerivedId(id)) return rubrics.find((r) => r.id === id);
  return storedDerivedRubric(grids);
}

/** The derivation the CLI and the full pane pass to chooseRubric. */
export const derivation: Derivation = {
  stored: storedDerivedRubric,
  derive: (grid, layout, file) => deriveRubric(grid, layout, file).rubric,
  maxItems: MAX_DERIVED_ROWS,
};
