/**
 * Issue 14: the matcher's set index (src/sheet/match.ts: the indicators of all rubrics in one index, a
 * row's keys computed once, scores kept for keys seen before) returns exactly what the matcher before it
 * did (tests/sheet/matchReference.ts, the code at 8a1793c) — the same rows to the same indicators, the
 * same similarities and scores to the last bit, the same ranking — on every sheet of the samples
 * (assets/samples), of the real-world files (tests/fixtures/realworld), of the corpus tables (merged and
 * flat, tests/corpus) and the seed grids, against the built-in rubrics and the rubrics derived from the
 * corpus tables; and on sheets edited at random.
 */
import fc from "fast-check";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { readWorkbook } from "../../src/adapters/xlsx/index";
import { chooseRubric } from "../../src/check/chooseRubric";
import { derivation } from "../../src/check/recognize";
import { builtinRubrics } from "../../src/rubric/builtin/index";
import type { Rubric } from "../../src/rubric/schema";
import type { CellValue, Grid } from "../../src/sheet/grid";
import { matchRubric, rankRubrics, type SheetMatch } from "../../src/sheet/match";
import { recognizeSheet, type SheetLayout } from "../../src/sheet/recognize";
import { OWN_SHEETS } from "../../src/own/sheets";
import { corpusTables, flatGrid, mergedGrid } from "../corpus/corpus";
import { caoxianGrid, huiningGrid, weishanGrid } from "./grids";
import * as reference from "./matchReference";

const ROOT = join(__dirname, "..", "..");

function xlsxFiles(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return xlsxFiles(path);
      return name.endsWith(".xlsx") ? [path] : [];
    });
}

/** What a match says, with rows by number and indicators by id (the objects compared by identity below). */
function view(m: SheetMatch | reference.SheetMatch) {
  return {
    rubric: m.rubric.id,
    score: m.score,
    matches: m.matches.map((x) => [x.row.row, x.indicator.id, x.categoryId, x.similarity]),
    unmatched: m.unmatchedRows.map((r) => r.row),
    missing: m.missing,
    pointsDiffer: m.pointsDiffer.map((p) => [p.row.row, p.indicator.id, p.sheet, p.rubric]),
  };
}

function expectSame(layout: SheetLayout, rubrics: readonly Rubric[]): void {
  const now = rankRubrics(layout, rubrics);
  const before = reference.rankRubrics(layout, rubrics);
  expect(now.map(view)).toEqual(before.map(view));
  // The very objects: the rows of the layout and the indicators of the rubric.
  now.forEach((m, i) =>
    m.matches.forEach((x, j) => {
      expect(x.row).toBe(before[i].matches[j].row);
      expect(x.indicator).toBe(before[i].matches[j].indicator);
    })
  );
  for (const rubric of rubrics)
    expect(view(matchRubric(layout, rubric))).toEqual(view(reference.matchRubric(layout, rubric)));
}

describe("the set index matches exactly as the matcher before it", () => {
  const files = [
    ...xlsxFiles(join(ROOT, "assets", "samples")),
    ...xlsxFiles(join(ROOT, "tests", "fixtures", "realworld")),
  ];

  test("the sample and real-world files are there (3 samples, 3 derived, 5 variants, 18 real-world)", () => {
    // Counted from assets/samples (and its derived/, variants/) and tests/fixtures/realworld/README.md.
    expect(files.length).toBe(29);
  });

  test.each(files.map((f) => [f.slice(ROOT.length + 1), f]))("%s", async (_, file) => {
    const grids = (await readWorkbook(readFileSync(file))).grids();
    let compared = 0;
    for (const grid of grids) {
      if (OWN_SHEETS.indexOf(grid.sheet) >= 0) continue;
      const layout = recognizeSheet(grid);
      if (layout.kind === "unknown") continue;
      expectSame(layout, builtinRubrics);
      compared++;
    }
    // A sheet of every file but the three variants made to hold none (empty, not-a-rubric, and the
    // numbers' variants' own recognized sheet is counted) is recognized and compared.
    if (!/empty|not-a-rubric/.test(file)) expect(compared).toBeGreaterThan(0);
  });

  test.each(corpusTables().map((t) => [t.id, t]))(
    "corpus table %s, merged and flat, and its derived rubric",
    (_, table) => {
      for (const grid of [mergedGrid(table), flatGrid(table)]) {
        const layout = recognizeSheet(grid);
        expectSame(layout, builtinRubrics);
        const derived = chooseRubric([grid], builtinRubrics, { file: table.id + ".xlsx", derivation }).primary?.match
          ?.rubric;
        if (derived) expectSame(layout, [derived, ...builtinRubrics]);
      }
    }
  );

  test("the seed grids, and one sheet matched twice (the second time from the kept scores)", () => {
    for (const grid of [weishanGrid(), caoxianGrid(), huiningGrid()]) {
      expectSame(recognizeSheet(grid), builtinRubrics);
      expectSame(recognizeSheet(grid), builtinRubrics);
    }
  });

  test("sheets edited at random: rows dropped, characters deleted, texts swapped between rows", () => {
    const base = weishanGrid();
    const rows = base.values.length;
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 2, max: rows - 1 }), fc.integer({ min: 0, max: 5 }), fc.nat(60)), {
          maxLength: 12,
        }),
        fc.subarray(Array.from({ length: rows - 2 }, (_, i) => i + 2)),
        (edits, dropped) => {
          const values: CellValue[][] = base.values.map((r) => r.slice());
          for (const [row, col, at] of edits) {
            const v = values[row][col];
            if (typeof v === "string" && v.length > 1)
              values[row][col] = v.slice(0, at % v.length) + v.slice((at % v.length) + 1);
            const other = values[2 + (at % (rows - 2))][col];
            if (at % 7 === 0) [values[row][col], values[2 + (at % (rows - 2))][col]] = [other, values[row][col]];
          }
          const kept = values.filter((_, r) => dropped.indexOf(r) < 0);
          const grid: Grid = {
            ...base,
            values: kept,
            formulas: kept.map(() => []),
            numberFormats: kept.map(() => []),
            merges: [],
          };
          const layout = recognizeSheet(grid);
          if (layout.kind !== "unknown") expectSame(layout, builtinRubrics);
        }
      ),
      { numRuns: 60, seed: 14 }
    );
  });
});
