/**
 * The real-world corpus (tests/fixtures/realworld/, made by scripts/realworld/make-realworld.mjs)
 * and the round trip every file goes through: `fill IN -o OUT`, `fill OUT -o OUT2` (a refill), and
 * `validate OUT --report REPORT`, each run in-process as the command line runs it, with the plan the
 * command applied (recorded by the test file's mock of applyPlan, see `recordPlans`).
 */
import { createHash } from "node:crypto";
import { copyFileSync, existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { readWorkbook } from "../../src/adapters/xlsx/index";
import type { WorkbookPlan } from "../../src/plan/plan";
import { parseA1 } from "../../src/sheet/grid";
import { ziping, type Ran } from "../cli/run";
import {
  changedOutsidePlan,
  entries,
  excelProblems,
  listLosses,
  packageMap,
  planParts,
  relsOf,
  sheetLosses,
  stylesLosses,
  workbookLosses,
} from "./packageDiff";

export const REALWORLD = join(__dirname, "..", "fixtures", "realworld");

export const CORPUS = readdirSync(REALWORLD)
  .filter((f) => f.endsWith(".xlsx"))
  .sort();

export const sha256 = (file: string) => createHash("sha256").update(readFileSync(file)).digest("hex");

const KEY = "__zipingAppliedPlans";

/** Where the test file's applyPlan mock puts each plan it applies (with its computed results). */
export function recordedPlans(): WorkbookPlan[] {
  const g = globalThis as unknown as Record<string, WorkbookPlan[]>;
  if (!g[KEY]) g[KEY] = [];
  return g[KEY];
}

export interface Step {
  /** "fill", "refill", "validate --report" … */
  name: string;
  input: string;
  output: string;
  ran: Ran;
  /** The input's SHA-256 before and after the command ran. */
  inputHash: { before: string; after: string };
  /** The plan the command applied, with the cached results applyPlan adds (`cache` ops). */
  plan?: WorkbookPlan;
}

/** Runs one command and takes the plan it applied. */
export async function runStep(name: string, input: string, output: string, argv: string[]): Promise<Step> {
  const plans = recordedPlans();
  plans.length = 0;
  const before = sha256(input);
  const ran = await ziping(...argv);
  const after = sha256(input);
  const plan = plans.length === 1 ? plans[0] : undefined;
  if (plans.length > 1) throw new Error(name + " applied " + plans.length + " plans");
  plans.length = 0;
  return { name, input, output, ran, plan, inputHash: { before, after } };
}

/**
 * The round trip of one corpus file, in `dir`: the file is copied there first (the committed one is
 * never an argument), then filled, refilled, and validated with a report.
 */
export async function roundTrip(file: string, dir: string): Promise<{ input: string; steps: Step[] }> {
  const input = join(dir, file);
  copyFileSync(join(REALWORLD, file), input);
  const out = join(dir, file.replace(/\.xlsx$/, "-填充.xlsx"));
  const again = join(dir, file.replace(/\.xlsx$/, "-再次填充.xlsx"));
  const report = join(dir, file.replace(/\.xlsx$/, "-校验报告.xlsx"));
  const steps = [await runStep("fill", input, out, ["fill", input, "-o", out])];
  // Without a filled file there is nothing to refill or validate: the fill step's failure says why.
  if (!existsSync(out)) return { input, steps };
  steps.push(await runStep("refill", out, again, ["fill", out, "-o", again]));
  steps.push(await runStep("validate --report", out, report, ["validate", out, "--report", report]));
  return { input, steps };
}

/** Every way `step` changed its input beyond what its plan names, as readable lines. */
export async function stepProblems(step: Step): Promise<{ problems: string[]; entries: number }> {
  const before = await entries(readFileSync(step.input));
  const after = await entries(readFileSync(step.output));
  const plan = step.plan!;
  const mapBefore = packageMap(before);
  const mapAfter = packageMap(after);
  const parts = planParts(plan, mapBefore, mapAfter);
  const problems = changedOutsidePlan(before, after, parts);
  // No sheet moved to another part.
  for (const [name, path] of mapBefore.sheets)
    if (mapAfter.sheets.get(name) !== path)
      problems.push("sheet " + name + " moved from " + path + " to " + mapAfter.sheets.get(name));
  // Inside the parts the plan touched.
  const book = await readWorkbook(readFileSync(step.input));
  for (const [sheet, path] of parts.sheets) {
    if (!before.has(path)) continue; // a sheet the plan added
    const grid = book.sheet(sheet)?.grid;
    const formulaAt = (cell: string) => {
      const { row, col } = parseA1(cell);
      return grid?.formulas?.[row]?.[col] ?? null;
    };
    problems.push(
      ...sheetLosses(before.get(path)!, after.get(path)!, plan.ops, sheet, formulaAt).map((p) => sheet + ": " + p)
    );
  }
  const wb = mapBefore.workbook;
  problems.push(...workbookLosses(before.get(wb)!, after.get(wb)!, plan.ops));
  problems.push(...listLosses(before.get(relsOf(wb))!, after.get(relsOf(wb))!, "Relationship", parts.calcChain));
  problems.push(...listLosses(before.get("[Content_Types].xml")!, after.get("[Content_Types].xml")!, "Default"));
  problems.push(
    ...listLosses(before.get("[Content_Types].xml")!, after.get("[Content_Types].xml")!, "Override", parts.calcChain)
  );
  // What Excel would repair in the parts the plan wrote (LibreOffice forgives it).
  for (const part of [...parts.workbookLevel, ...parts.sheets.values()])
    if (after.has(part) && /\.xml$/.test(part) && part !== "[Content_Types].xml" && !/_rels/.test(part))
      problems.push(...excelProblems(part, after.get(part)!));
  const styles = mapBefore.workbookParts.get("styles");
  if (styles && before.has(styles)) problems.push(...stylesLosses(before.get(styles)!, after.get(styles)!));
  return { problems, entries: before.size };
}
