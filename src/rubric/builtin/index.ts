/**
 * The built-in rubrics, one data file per source document (listed in data.ts). Every file is
 * checked by the same schema and consistency rules as any other rubric when it is loaded here, so
 * a bad file fails the tests. The CLI and the panes take the data unchecked (builtin/data.ts): the
 * tests prove checking changes nothing, and the CLI starts without loading zod.
 */
import { loadRubric } from "../validate";
import type { Rubric } from "../schema";
import { builtinRubricData } from "./data";

export const builtinRubrics: readonly Rubric[] = builtinRubricData.map(loadRubric);

export function findBuiltinRubric(id: string): Rubric | undefined {
  return builtinRubrics.find((r) => r.id === id);
}
