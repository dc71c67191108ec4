/**
 * The built-in rubrics' data as shipped, taken as it is. index.ts checks every file with the rubric
 * schema and consistency rules (as the CLI loads them, and in the tests, which also prove that
 * checking changes nothing); the panes take the data from here, so that the lite pane (IE11)
 * carries no zod and the full pane loads it only for a rubric derived from a sheet.
 * Adding a rubric: its JSON file, and one line here.
 */
import type { Rubric } from "../schema";
import sd2023 from "./sd-2023.json";
import weishan2023 from "./weishan-2023.json";
import huining2020 from "./huining-2020.json";
import jiangyong2022 from "./jiangyong-2022.json";

export const builtinRubricData: readonly unknown[] = [sd2023, weishan2023, huining2020, jiangyong2022];

/** The built-in rubrics without run-time checks (checked in tests/rubric/validate.test.ts). */
export const trustedBuiltinRubrics = builtinRubricData as readonly Rubric[];
