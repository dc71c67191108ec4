/**
 * The built-in rubrics as the CLI uses them: the shipped data taken as it is, as the panes take it.
 * tests/rubric/validate.test.ts proves every file passes the schema and consistency rules unchanged;
 * checking them again at every start would load zod and cost a good part of the CLI's start-up
 * (issue 14). A rubric from elsewhere (--rubric-file, one derived from a sheet) is still checked.
 */
import type { Rubric } from "../rubric/schema";
import { trustedBuiltinRubrics } from "../rubric/builtin/data";

export const builtinRubrics: readonly Rubric[] = trustedBuiltinRubrics;

export function findBuiltinRubric(id: string): Rubric | undefined {
  return builtinRubrics.find((r) => r.id === id);
}
