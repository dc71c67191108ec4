/**
 * The built-in rubrics, one data file per source document. Adding a province's or a year's
 * rubric is adding its JSON file and one line here; every file is checked by the same schema
 * and consistency rules as any other rubric (a bad file fails the tests and the build).
 */
import { loadRubric } from "../validate";
import type { Rubric } from "../schema";
import sd2023 from "./sd-2023.json";
import weishan2023 from "./weishan-2023.json";
import huining2020 from "./huining-2020.json";
import jiangyong2022 from "./jiangyong-2022.json";

export const builtinRubrics: readonly Rubric[] = [sd2023, weishan2023, huining2020, jiangyong2022].map(loadRubric);

export function findBuiltinRubric(id: string): Rubric | undefined {
  return builtinRubrics.find((r) => r.id === id);
}
