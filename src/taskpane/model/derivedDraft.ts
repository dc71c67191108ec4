/**
 * The state of a derived rubric's review that the pane keeps across tabs: the corrections not yet
 * saved, and how many criteria are still 待确认. Apart from the review (DerivedRubric.tsx, loaded
 * on demand) so the pane's first load needs neither it nor the rubric schema.
 */
import type { Rubric } from "../../rubric/schema";

/** Corrections made in the pane and not yet saved in the workbook. */
export interface DerivedDraft {
  /** The rubric with every correction so far. */
  rubric: Rubric;
  /** The corrected criteria, by id ("1.2.b"), each once. */
  changed: string[];
  /** The rubric the corrections started from (JSON), to tell when the sheet changed underneath. */
  base: string;
}

/** The draft, when it belongs to the rubric shown (the same derived sheet). */
export function activeDraft(rubric: Rubric | undefined, draft: DerivedDraft | undefined): DerivedDraft | undefined {
  return rubric?.derived && draft && draft.rubric.id === rubric.id ? draft : undefined;
}

/** How many criteria are still 待确认. */
export function pendingCount(rubric: Rubric): number {
  let n = 0;
  for (const category of rubric.categories)
    for (const indicator of category.indicators) for (const c of indicator.criteria) if (c.pending) n++;
  return n;
}
