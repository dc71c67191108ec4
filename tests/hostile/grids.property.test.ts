/**
 * Random and hostile grids through the recognizer, the matcher, the validator and the fill plan
 * (fast-check, fixed seed): huge numbers, NaN, error values, 32 767-character cells, emoji and lone
 * surrogates, empty sheets, every merge shape. Nothing may throw or hang; an unknown sheet says
 * why in Chinese; every finding keeps CONTRACTS.md's shape; every plan op names A1 cells.
 *
 * Each property counts its runs and prints them (with the slowest run) in one console.log line.
 */
import fc from "fast-check";
import { growth, LINEAR_GROWTH_BOUND } from "../support/growth";
import { acceptedNotes } from "../../src/own/read";
import { buildReportPlan } from "../../src/plan/report";
import { validateRecognized } from "../../src/check/validate";
import { rememberedRubric } from "../../src/cli/recognizeFile";
import { buildFillPlan } from "../../src/plan/fill";
import { ConflictError } from "../../src/own/sheets";
import { evidenceRows, metricRows } from "../../src/own/rows";
import { EVIDENCE_SHEET, METRICS_SHEET, STATE_SHEET, SUMMARY_SHEET } from "../../src/own/sheets";
import { builtinRubrics } from "../../src/rubric/builtin/index";
import { parseNumber, parseRate, parseYesNo } from "../../src/rubric/figures";
import { columnCount, type CellValue, type Grid } from "../../src/sheet/grid";
import { recognizeSheet, type SheetLayout } from "../../src/sheet/recognize";
import { primarySheet, recognizeWorkbook, type SheetRecognition } from "../../src/sheet/workbook";
import { caoxianGrid, huiningGrid, sdRubric, weishanGrid } from "../sheet/grids";
import {
  CJK,
  cellCount,
  deepCopy,
  findingProblem,
  gridArb,
  hostileValue,
  mergeArb,
  opProblem,
} from "../support/hostile";

const SEED = 20261124;
const KINDS = ["task-breakdown", "scoring", "assessment", "unknown"];
/** One run (one grid or workbook) must finish within this: a hang is a failure, not a slow test. */
/** Generous (the machine may be busy with the 50 MB test); the dedicated tests below hold the slow cases to 1 s. */
const PER_RUN_MS = 10_000;

interface Tally {
  name: string;
  runs: number;
  slowest: number;
  started: number;
  ms: number;
  extra: Record<string, number>;
}

const tallies: Tally[] = [];

function tally(name: string): Tally {
  const t: Tally = { name, runs: 0, slowest: 0, started: Date.now(), ms: 0, extra: {} };
  tallies.push(t);
  return t;
}

/** Marks the end of a property's runs (its time is from tally() to here). */
function done(t: Tally): void {
  t.ms = Date.now() - t.started;
}

function bump(t: Tally, key: string, by = 1): void {
  t.extra[key] = (t.extra[key] ?? 0) + by;
}

/**
 * Runs f, records its work, and fails when one run takes more than PER_RUN_MS of CPU time (a hang
 * guard; CPU time, not the wall clock, so a busy machine does not trip it).
 */
function timed<T>(t: Tally, f: () => T): T {
  const before = process.cpuUsage();
  const result = f();
  const used = process.cpuUsage(before);
  const ms = (used.user + used.system) / 1000;
  if (ms > t.slowest) t.slowest = ms;
  if (ms > PER_RUN_MS) throw new Error("one run took " + Math.round(ms) + " ms (limit " + PER_RUN_MS + " ms)");
  return result;
}

afterEach(() => {
  const t = tallies[tallies.length - 1];
  if (t && !t.ms) done(t);
});

afterAll(() => {
  const lines = tallies.map(
    (t) =>
      t.name +
      ": " +
      t.runs +
      " runs in " +
      (t.ms / 1000).toFixed(1) +
      " s, slowest " +
      Math.round(t.slowest) +
      " ms" +
      (Object.keys(t.extra).length
        ? " (" +
          Object.entries(t.extra)
            .map(([k, v]) => k + " " + v)
            .join(", ") +
          ")"
        : "")
  );
  const total = tallies.reduce((s, t) => s + t.runs, 0);
  console.log(
    "hostile grids — " +
      total +
      " cases (property runs include fast-check's shrinking runs, if any)\n" +
      lines.join("\n")
  );
});

/** Object.is on every value: the recognizer and validator are pure and must not touch a grid. */
function sameGrid(a: Grid, b: Grid): boolean {
  if (a.sheet !== b.sheet || a.values.length !== b.values.length || a.merges.length !== b.merges.length) return false;
  for (let r = 0; r < a.values.length; r++) {
    const x = a.values[r];
    const y = b.values[r];
    if (x.length !== y.length) return false;
    for (let c = 0; c < x.length; c++) {
      const u = x[c];
      const v = y[c];
      if (typeof u === "object" && u !== null && typeof v === "object" && v !== null) {
        if (u.error !== v.error) return false;
      } else if (!Object.is(u, v)) return false;
    }
  }
  return a.merges.every(
    (m, i) =>
      m.top === b.merges[i].top &&
      m.left === b.merges[i].left &&
      m.bottom === b.merges[i].bottom &&
      m.right === b.merges[i].right
  );
}

/** What every layout must say about any grid. */
function checkLayout(layout: SheetLayout, grid: Grid): void {
  expect(KINDS).toContain(layout.kind);
  expect(layout.sheet).toBe(grid.sheet);
  if (layout.kind === "unknown") {
    expect(typeof layout.reason).toBe("string");
    expect(layout.reason).toMatch(CJK);
    expect(layout.rows).toEqual([]);
  } else {
    expect(layout.headerRow).toBeGreaterThanOrEqual(0);
    expect(layout.headerRow).toBeLessThan(grid.values.length);
    expect(layout.headerTop).toBeLessThanOrEqual(layout.headerRow);
  }
  const width = columnCount(grid);
  for (const col of Object.values(layout.columns)) {
    expect(Number.isInteger(col)).toBe(true);
    expect(col).toBeGreaterThanOrEqual(0);
    expect(col).toBeLessThan(width);
  }
  for (const row of layout.rows) {
    expect(row.row).toBeGreaterThan(layout.headerRow);
    expect(row.row).toBeLessThan(grid.values.length);
    expect(typeof row.text).toBe("string");
  }
}

/** Validates and fills every recognized sheet with a match; checks findings and ops. */
function planOrConflict<T>(t: Tally, build: () => T): T | undefined {
  try {
    return build();
  } catch (error) {
    if (!(error instanceof ConflictError) || !/[\u4e00-\u9fff]/.test(error.message)) throw error;
    bump(t, "conflicts (foreign sheet of our name)");
    return undefined;
  }
}

function validateAndFill(t: Tally, grids: Grid[], recognitions: SheetRecognition[], overwrite: boolean): void {
  const names = grids.map((g) => g.sheet);
  for (const rec of recognitions) {
    if (!rec.match) continue;
    bump(t, "matched sheets");
    const { findings, score } = validateRecognized(grids, rec, { accepted: acceptedNotes(grids) });
    bump(t, "findings", findings.length);
    for (const f of findings) {
      const problem = findingProblem(f, names);
      if (problem) throw new Error("finding: " + problem);
    }
    expect(Number.isFinite(score.total)).toBe(true);
    // A county's own sheet named like one of ours (自评汇总, 校验报告 …) stops the action with a
    // Chinese ConflictError and nothing written: a clear error, not a crash.
    const report = planOrConflict(t, () => buildReportPlan(grids, findings));
    for (const op of report?.ops ?? []) {
      const problem = opProblem(op);
      if (problem) throw new Error("report op: " + problem);
    }
    const fill = planOrConflict(t, () => buildFillPlan(grids, rec.layout, rec.match!, { overwrite }));
    if (!fill) continue;
    bump(t, "fill ops", fill.plan.ops.length);
    for (const op of fill.plan.ops) {
      const problem = opProblem(op);
      if (problem) throw new Error("fill op: " + problem);
    }
    for (const cell of fill.scoreCells.values())
      if (opProblem({ op: "set", sheet: "x", cell }) !== undefined) throw new Error("score cell " + cell);
  }
}

// --- a. arbitrary grids --------------------------------------------------------------------------

describe("a. arbitrary grids", () => {
  test("recognizeSheet: never throws, finishes, one of the four kinds; unknown says why in Chinese; the grid is untouched", () => {
    const t = tally("a1 recognizeSheet(random grid)");
    fc.assert(
      fc.property(gridArb, (grid) => {
        t.runs++;
        bump(t, "cells", cellCount(grid));
        const before = deepCopy(grid);
        const layout = timed(t, () => recognizeSheet(grid));
        checkLayout(layout, grid);
        bump(t, layout.kind);
        expect(sameGrid(grid, before)).toBe(true);
      }),
      { seed: SEED, numRuns: 400, interruptAfterTimeLimit: 25_000 }
    );
  });

  test("an empty sheet, a sheet of empty rows, a sheet of one 32 767-character cell: unknown, with a Chinese reason", () => {
    const t = tally("a2 empty and one-cell sheets");
    const cases: Grid[] = [
      { sheet: "Sheet1", values: [], merges: [] },
      { sheet: "Sheet1", values: [[], [], []], merges: [] },
      { sheet: "", values: [[null, null], [null]], merges: [{ top: 0, left: 0, bottom: 1e6, right: 16383 }] },
      { sheet: "Sheet1", values: [["评".repeat(32767)]], merges: [] },
      {
        sheet: "Sheet1",
        values: [[{ error: "#REF!" }, NaN, Infinity, -0, 1e308]],
        merges: [{ top: 5, left: 5, bottom: 0, right: 0 }],
      },
    ];
    for (const grid of cases) {
      t.runs++;
      const layout = timed(t, () => recognizeSheet(grid));
      checkLayout(layout, grid);
      expect(layout.kind).toBe("unknown");
      const recs = recognizeWorkbook([grid], builtinRubrics);
      expect(recs.length).toBe(1);
      expect(primarySheet(recs)).toBeUndefined();
    }
  });

  test("recognizeWorkbook(grids, builtinRubrics): never throws, finishes; matched sheets validate and fill cleanly", () => {
    const t = tally("a3 recognizeWorkbook(1–3 random grids)");
    fc.assert(
      fc.property(
        fc.array(gridArb, { minLength: 0, maxLength: 3 }),
        fc.option(fc.constantFrom(...builtinRubrics.filter((r) => r.categories.length > 0)), { freq: 3 }),
        fc.boolean(),
        (grids, chosen, overwrite) => {
          t.runs++;
          // Excel sheet names are unique in a workbook.
          const unique = grids.filter((g, i) => grids.findIndex((h) => h.sheet === g.sheet) === i);
          const recs = timed(t, () => recognizeWorkbook(unique, builtinRubrics, chosen ?? undefined));
          for (const rec of recs) {
            const grid = unique.find((g) => g.sheet === rec.layout.sheet)!;
            checkLayout(rec.layout, grid);
            if (rec.match) expect(rec.layout.kind).not.toBe("unknown");
          }
          const primary = primarySheet(recs);
          if (primary) expect(primary.match).toBeDefined();
          timed(t, () => validateAndFill(t, unique, recs, overwrite));
        }
      ),
      { seed: SEED + 1, numRuns: 300, interruptAfterTimeLimit: 20_000 }
    );
  });

  /**
   * A 32 767-character cell of "（" and digits (a pasted list of numbers after a bracket) takes
   * pointsInText / withoutPoints (src/sheet/normalize.ts) quadratic time: their regex
   * /[(（][^()（）]*?(\d+(?:\.\d+)?)\s*分…/ backtracks over every split of the digit run. One such cell
   * costs about 2 s, a header-sized sheet of them minutes: a hang. A sheet must be read in well under a second.
   */
  test("a cell of '（' followed by digits: work grows linearly with its length (regex backtracking)", () => {
    const t = tally("a4 '（' + up to 32 766 digits");
    const ratios: Record<string, number> = {};
    for (const [name, gridOf] of [
      ["one cell", (cell: string) => ({ sheet: "Sheet1", values: [[cell]], merges: [] })],
      [
        "微山, one 二级指标 cell",
        (cell: string) => {
          const weishan = weishanGrid();
          weishan.values[5][1] = cell;
          return weishan;
        },
      ],
    ] as Array<[string, (cell: string) => Grid]>) {
      t.runs++;
      ratios[name] = Math.round(growth((n) => recognizeWorkbook([gridOf("（" + "1".repeat(n - 1))], builtinRubrics), 4096));
      t.slowest = Math.max(t.slowest, ratios[name]);
    }
    expect(Object.values(ratios).every((r) => r <= LINEAR_GROWTH_BOUND) ? "linear" : ratios).toBe("linear");
  });

  /**
   * The header scan reads, for every cell a merged area covers, the text of the area's top-left
   * cell and normalizes it again (findHeader → headerRolesOf → roleOfHeader → matchKey(withoutPoints),
   * twice per row, for up to 30 rows × every column). A long text merged over a block (a notice
   * pasted into a merged A1:L30) is normalized hundreds of times before roleOfHeader drops it for
   * being longer than 12 characters: 32 767 full-width digits merged over A1:L30 take about 9 s,
   * over A1:AN30 about 30 s — and it grows with the sheet's width.
   */
  test("a text merged over A1:L30: work grows linearly with its length, up to 32 767 characters", () => {
    const t = tally("a5 long text merged over a block");
    const ratios: Record<string, number> = {};
    for (const char of ["１", "评"]) {
      const sheetOf = (n: number) => {
        const values: CellValue[][] = Array.from({ length: 30 }, () => Array<CellValue>(12).fill(null));
        values[0][0] = char.repeat(n);
        return { sheet: "Sheet1", values, merges: [{ top: 0, left: 0, bottom: 29, right: 11 }] };
      };
      t.runs++;
      expect(recognizeSheet(sheetOf(32767)).kind).toBe("unknown");
      ratios[char] = Math.round(growth((n) => recognizeSheet(sheetOf(n)), 4095));
      t.slowest = Math.max(t.slowest, ratios[char]);
    }
    expect(Object.values(ratios).every((r) => r <= LINEAR_GROWTH_BOUND) ? "linear" : ratios).toBe("linear");
  });
});

// --- b. mutations of the real seed grids ---------------------------------------------------------

type Mutation =
  | { kind: "set"; row: number; col: number; value: CellValue }
  | { kind: "drop"; row: number }
  | { kind: "duplicate"; row: number }
  | { kind: "swap"; a: number; b: number }
  | { kind: "clear"; row: number }
  | { kind: "merge"; area: { top: number; left: number; bottom: number; right: number } }
  | { kind: "formula"; row: number; col: number; formula: string };

const FORMULAS = [
  "=SUM(G4:G34)",
  "='自评依据'!F2",
  "=1/0",
  "=A1",
  "=自评依据!F2+1",
  "=#REF!",
  "=" + "A1+".repeat(200) + "1",
];

const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  {
    arbitrary: fc.record({ kind: fc.constant("set" as const), row: fc.nat(40), col: fc.nat(9), value: hostileValue }),
    weight: 6,
  },
  { arbitrary: fc.record({ kind: fc.constant("drop" as const), row: fc.nat(40) }), weight: 2 },
  { arbitrary: fc.record({ kind: fc.constant("duplicate" as const), row: fc.nat(40) }), weight: 2 },
  { arbitrary: fc.record({ kind: fc.constant("swap" as const), a: fc.nat(40), b: fc.nat(40) }), weight: 2 },
  { arbitrary: fc.record({ kind: fc.constant("clear" as const), row: fc.nat(40) }), weight: 1 },
  { arbitrary: fc.record({ kind: fc.constant("merge" as const), area: mergeArb(40, 9, false) }), weight: 2 },
  {
    arbitrary: fc.record({
      kind: fc.constant("formula" as const),
      row: fc.nat(40),
      col: fc.nat(9),
      formula: fc.constantFrom(...FORMULAS),
    }),
    weight: 1,
  }
);

function mutate(grid: Grid, mutations: Mutation[]): Grid {
  const g = deepCopy(grid);
  const rows = g.values;
  for (const m of mutations) {
    switch (m.kind) {
      case "set": {
        while (rows.length <= m.row) rows.push([]);
        const row = rows[m.row];
        while (row.length < m.col) row.push(null);
        row[m.col] = m.value;
        break;
      }
      case "drop":
        if (m.row < rows.length) rows.splice(m.row, 1);
        break;
      case "duplicate":
        if (m.row < rows.length) rows.splice(m.row, 0, rows[m.row].slice());
        break;
      case "swap":
        if (m.a < rows.length && m.b < rows.length) [rows[m.a], rows[m.b]] = [rows[m.b], rows[m.a]];
        break;
      case "clear":
        if (m.row < rows.length) rows[m.row] = rows[m.row].map(() => null);
        break;
      case "merge":
        g.merges.push(m.area);
        break;
      case "formula": {
        if (!g.formulas) g.formulas = rows.map((r) => r.map(() => null));
        while (g.formulas.length <= m.row) g.formulas.push([]);
        g.formulas[m.row][m.col] = m.formula;
        break;
      }
    }
  }
  // Formulas keep the values' shape, as the adapters give them.
  if (g.formulas) g.formulas = rows.map((r, i) => r.map((_, c) => g.formulas![i]?.[c] ?? null));
  return g;
}

const evidenceKeys = Array.from(new Set(builtinRubrics.flatMap((r) => evidenceRows(r).map((row) => row.key))));
const metricIds = Array.from(new Set(builtinRubrics.flatMap((r) => metricRows(r).map((row) => row.metric.id))));

/** Ziping's own sheets, as a person may have left them: real keys and ids, hostile inputs. */
const ownSheetsArb: fc.Arbitrary<Grid[]> = fc
  .record({
    evidence: fc.option(
      fc.array(fc.tuple(fc.constantFrom(...evidenceKeys), hostileValue, hostileValue), { maxLength: 40 }),
      { freq: 2 }
    ),
    metrics: fc.option(
      fc.array(fc.tuple(fc.constantFrom(...metricIds), hostileValue, hostileValue, hostileValue, hostileValue), {
        maxLength: 15,
      }),
      { freq: 2 }
    ),
    summary: fc.option(fc.array(fc.array(hostileValue, { maxLength: 5 }), { maxLength: 12 }), { freq: 2 }),
    state: fc.option(
      fc.array(
        fc.oneof(
          fc.tuple(
            fc.constant("rubric"),
            fc.constantFrom("sd-2023", "weishan-2023", "huining-2020", "jiangyong-2022", "no-such", "")
          ),
          fc.tuple(
            fc.constant("accept"),
            fc.string({ maxLength: 40 }),
            fc.oneof(fc.constant("已说明"), fc.string({ maxLength: 10 }))
          )
        ),
        { maxLength: 4 }
      ),
      { freq: 3 }
    ),
  })
  .map(({ evidence, metrics, summary, state }) => {
    const grids: Grid[] = [];
    if (evidence)
      grids.push({
        sheet: EVIDENCE_SHEET,
        values: [["编号"], ...evidence.map(([k, input, score]) => [k, null, null, null, input, score] as CellValue[])],
        merges: [],
      });
    if (metrics)
      grids.push({
        sheet: METRICS_SHEET,
        values: [["编号"], ...metrics.map(([id, a, b, c, d]) => [id, null, a, b, c, d, null, null, d] as CellValue[])],
        merges: [],
      });
    if (summary) grids.push({ sheet: SUMMARY_SHEET, values: summary, merges: [] });
    if (state) grids.push({ sheet: STATE_SHEET, values: state.map((r) => r.slice() as CellValue[]), merges: [] });
    return grids;
  });

const SD_IDS = sdRubric.categories.flatMap((c) => c.indicators.map((i) => i.id));

const seedArb: fc.Arbitrary<Grid> = fc.oneof(
  fc.constant(null).map(() => weishanGrid()),
  fc.dictionary(fc.constantFrom(...SD_IDS), hostileValue, { maxKeys: 12 }).map((scores) => caoxianGrid(scores)),
  fc.constant(null).map(() => huiningGrid())
);

describe("b. mutated seed grids (微山, 曹县, 会宁)", () => {
  test("recognition never throws; every match validates (findings per CONTRACTS.md) and fills (ops on A1 cells)", () => {
    const t = tally("b1 mutated seeds → recognize, validate, report, fill");
    fc.assert(
      fc.property(
        seedArb,
        fc.array(mutationArb, { maxLength: 12 }),
        ownSheetsArb,
        fc.boolean(),
        (seed, mutations, own, overwrite) => {
          t.runs++;
          const grid = mutate(seed, mutations);
          const grids = [grid, ...own];
          const before = grids.map(deepCopy);
          // As the command line does: a rubric the workbook remembers is the chosen one.
          const chosen = rememberedRubric(grids);
          const recs = timed(t, () => recognizeWorkbook(grids, builtinRubrics, chosen));
          expect(recs.length).toBe(1);
          checkLayout(recs[0].layout, grid);
          bump(t, recs[0].layout.kind);
          timed(t, () => validateAndFill(t, grids, recs, overwrite));
          grids.forEach((g, i) => expect(sameGrid(g, before[i])).toBe(true));
        }
      ),
      { seed: SEED + 2, numRuns: 400, interruptAfterTimeLimit: 25_000 }
    );
  });

  test("unmutated seeds with hostile own sheets: each still matches its rubric", () => {
    const t = tally("b2 seeds + hostile 自评依据/指标数据/自评汇总/_ziping");
    fc.assert(
      fc.property(fc.constantFrom(0, 1, 2), ownSheetsArb, (which, own) => {
        t.runs++;
        const grid = [weishanGrid, () => caoxianGrid(), huiningGrid][which]();
        // A remembered rubric that is not the sheet's own is honoured, as the CLI does; leave it out here.
        const grids = [grid, ...own.filter((g) => g.sheet !== STATE_SHEET)];
        const recs = timed(t, () => recognizeWorkbook(grids, builtinRubrics));
        expect(recs[0].match?.rubric.id).toBe(["weishan-2023", "sd-2023", "huining-2020"][which]);
        timed(t, () => validateAndFill(t, grids, recs, false));
      }),
      { seed: SEED + 3, numRuns: 300, interruptAfterTimeLimit: 15_000 }
    );
  });

  /**
   * A whole row merged A:XFD (Excel allows it) inside the table (here the 注 row): fill adds the 自评得分 column
   * "in the first empty column right of the table", which is past XFD, so its ops name cells like
   * "XFE3" that no spreadsheet has (src/plan/fill.ts firstEmptyColumn). The property above leaves
   * such merges out (mergeArb(…, false)) so that it can go on finding other things.
   */
  test("微山 with a note row under the table merged across every column (A:XFD): fill's ops still name real cells", () => {
    const grid = weishanGrid();
    grid.values.push(["注：本表由县民政局负责解释"]);
    const last = grid.values.length - 1;
    grid.merges.push({ top: last, left: 0, bottom: last, right: 16383 });
    const recs = recognizeWorkbook([grid], builtinRubrics);
    expect(recs[0].match?.rubric.id).toBe("weishan-2023");
    const fill = buildFillPlan([grid], recs[0].layout, recs[0].match!);
    const bad = fill.plan.ops.map(opProblem).filter((p) => p !== undefined);
    expect({ count: bad.length, first: bad.slice(0, 3) }).toEqual({ count: 0, first: [] });
  });
});

// --- c. the figure parsers -----------------------------------------------------------------------

describe("c. figure parsers", () => {
  const anything = fc.oneof(
    fc.anything({
      withBigInt: true,
      withBoxedValues: true,
      withDate: true,
      withMap: true,
      withSet: true,
      withNullPrototype: true,
      withObjectString: true,
      withSparseArray: true,
      withTypedArray: true,
      withUnicodeString: true,
    }),
    hostileValue,
    fc.string({ unit: "binary" }),
    fc.constantFrom(
      Symbol("x"),
      () => 1,
      {
        toString: () => {
          throw new Error("toString");
        },
        valueOf: () => {
          throw new Error("valueOf");
        },
      },
      Object.create(null),
      new Proxy(
        {},
        {
          get: () => {
            throw new Error("get");
          },
        }
      ),
      "1".repeat(400),
      "-" + "9".repeat(400) + "%",
      "１２３４５６７８９０".repeat(40) + "分",
      "1e5",
      "0x10",
      "+.5%",
      "٣",
      "1,,,,2"
    )
  );

  test("parseNumber, parseRate and parseYesNo never throw on anything, and keep their shapes", () => {
    const t = tally("c1 parseNumber/parseRate/parseYesNo(fc.anything)");
    fc.assert(
      fc.property(anything, (input) => {
        t.runs++;
        for (const parse of [parseNumber, parseRate]) {
          const r = parse(input);
          expect(r.value === null || typeof r.value === "number").toBe(true);
          expect(typeof r.blank).toBe("boolean");
          expect(Array.isArray(r.problems)).toBe(true);
        }
        const yn = parseYesNo(input);
        expect(yn === null || typeof yn === "boolean").toBe(true);
      }),
      { seed: SEED + 4, numRuns: 1000, interruptAfterTimeLimit: 10_000 }
    );
  });

  /**
   * parseNumber(Infinity) is "not-number", but the text of a number too large for a double
   * ("1" × 400, as a pasted ID or account number might be) reads as Infinity, which then reaches
   * the findings as "自评得分 Infinity 超过本项分值 4" (src/rubric/figures.ts, NUMBER_TEXT → Number()).
   */
  test("a figure read from text is finite, as a number cell must be", () => {
    const t = tally("c2 parseNumber/parseRate(text) finite");
    fc.assert(
      fc.property(
        fc.oneof(
          fc.stringMatching(/^[+-]?\d{1,400}(\.\d{0,5})?(%|分)?$/),
          fc.constantFrom("1".repeat(309), "9".repeat(400) + "%", "-" + "9".repeat(400) + "分")
        ),
        (text) => {
          t.runs++;
          for (const parse of [parseNumber, parseRate]) {
            const { value } = parse(text);
            if (value !== null && !Number.isFinite(value))
              throw new Error(parse.name + "(" + JSON.stringify(text.slice(0, 20) + "…") + ") = " + value);
          }
        }
      ),
      { seed: SEED + 5, numRuns: 300 }
    );
  });
});
