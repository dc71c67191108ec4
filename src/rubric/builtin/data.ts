/**
 * The built-in rubrics' data as shipped, taken as it is. index.ts checks every file with the rubric
 * schema and consistency rules (as the CLI and the pane load them, and in the tests, which also
 * prove that checking changes nothing); the lite pane for IE11 takes the data from here so that it
 * carries no zod. Adding a rubric: its JSON file, and one line here.
 */
import type { Rubric } from "../schema";
import sd2023 from "./sd-2023.json";
import weishan2023 from "./weishan-2023.json";
import huining2020 from "./huining-2020.json";
import jiangyong2022 from "./jiangyong-2022.json";

export const builtinRubricData: readonly unknown[] = [sd2023, weishan2023, huining2020, jiangyong2022];

/** The built-in rubrics without run-time checks: only where zod cannot go (the lite pane). */
export const trustedBuiltinRubrics = builtinRubricData as readonly Rubric[];
