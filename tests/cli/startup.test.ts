/**
 * What a CLI start loads (issue 14), read from the sources' static imports — what node loads when a
 * module is required — not timed: `ziping --help` loads no command's code and none of exceljs,
 * JSZip, xmldom, zod or the checked built-in rubrics; each command loads its own code when it runs,
 * so `validate` pays for exceljs but not for import, merge or split code, nor for zod (loaded by
 * src/rubric/validate.ts on the first rubric check).
 */
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";

const ROOT = join(__dirname, "..", "..");

/** The modules a source file loads when required: value imports and re-exports, not `import type`. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, "utf8");
  const found: string[] = [];
  const statement = /^import\s+"([^"]+)"|^(?:import|export)\s+([^;"]*?)\s*from\s+"([^"]+)"/gm;
  for (const m of text.matchAll(statement)) {
    if (m[1]) {
      found.push(m[1]); // import "…": for its effects
      continue;
    }
    const clause = m[2];
    if (/^type\b/.test(clause)) continue; // import type { … } / export type { … }
    const names = /^\{([\s\S]*)\}$/.exec(clause.trim());
    // `import { type A, type B } from …` is elided as well.
    if (names && names[1].split(",").every((n) => !n.trim() || /^type\s/.test(n.trim()))) continue;
    found.push(m[3]);
  }
  return found;
}

/** Source files and packages reached from `start` by static value imports. */
function reached(start: string): Set<string> {
  const seen = new Set<string>();
  const queue = [resolve(ROOT, start)];
  while (queue.length) {
    const file = queue.pop()!;
    for (const spec of importsOf(file)) {
      if (!spec.startsWith(".")) {
        seen.add(
          spec.startsWith("node:")
            ? spec
            : spec
                .split("/")
                .slice(0, spec.startsWith("@") ? 2 : 1)
                .join("/")
        );
        continue;
      }
      const base = resolve(dirname(file), spec.replace(/\.js$/, ""));
      const target = [base + ".ts", base + ".tsx", join(base, "index.ts"), base].find(
        (p) => existsSync(p) && !p.endsWith("/")
      );
      if (!target || /\.json$/.test(target)) {
        if (target) seen.add(relative(ROOT, target));
        continue;
      }
      const name = relative(ROOT, target);
      if (seen.has(name)) continue;
      seen.add(name);
      queue.push(target);
    }
  }
  return seen;
}

const HEAVY = ["exceljs", "jszip", "@xmldom/xmldom", "zod", "src/rubric/builtin/index.ts"];

test("the walker sees what a command loads (validate: exceljs, JSZip, the reader)", () => {
  const validate = reached("src/cli/commands/validate.ts");
  expect(validate.has("exceljs")).toBe(true);
  expect(validate.has("jszip")).toBe(true);
  expect(validate.has("src/adapters/xlsx/read.ts")).toBe(true);
  expect(validate.has("src/check/validate.ts")).toBe(true);
});

test("`ziping --help` (main.ts) loads no command's code and nothing heavy", () => {
  const main = Array.from(reached("src/cli/main.ts"));
  expect(main.filter((m) => HEAVY.indexOf(m) >= 0 || m.startsWith("src/cli/commands/"))).toEqual([]);
  // The table, the dispatcher, io and the own-sheet names for ConflictError: nothing else of ours.
  expect(main.filter((m) => m.startsWith("src/")).sort()).toEqual([
    "src/cli/commandTable.ts",
    "src/cli/io.ts",
    "src/cli/run.ts",
    "src/own/sheets.ts",
    "src/sheet/grid.ts",
  ]);
});

test("validate loads neither zod nor the checked built-in rubrics, nor import, merge or split code", () => {
  const validate = Array.from(reached("src/cli/commands/validate.ts"));
  expect(validate.filter((m) => m === "zod" || m === "src/rubric/builtin/index.ts")).toEqual([]);
  expect(
    validate.filter(
      (m) =>
        m.startsWith("src/import/") ||
        /^src\/plan\/(merge|mergeText|split|unitReturn)\.ts$/.test(m) ||
        (m.startsWith("src/cli/commands/") && m !== "src/cli/commands/validate.ts")
    )
  ).toEqual([]);
});

test("rubrics loads no .xlsx code and no zod", () => {
  const rubrics = Array.from(reached("src/cli/commands/rubrics.ts"));
  expect(rubrics.filter((m) => HEAVY.indexOf(m) >= 0)).toEqual([]);
});
