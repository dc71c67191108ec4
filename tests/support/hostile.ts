/**
 * Hostile inputs for the recognizer, the validator and the command line: fast-check arbitraries
 * of cell values, grids and merges, and the checks every finding and plan op must pass.
 */
import { readFileSync } from "node:fs";
import fc from "fast-check";
import { readWorkbook } from "../../src/adapters/xlsx/index";
import { findingCodes, type Finding } from "../../src/check/findings";
import { builtinRubrics } from "../../src/rubric/builtin/index";
import { a1, CELL_ERRORS, type Area, type CellValue, type Grid } from "../../src/sheet/grid";
import type { PlanOp } from "../../src/plan/plan";

/** Any CJK ideograph: every Chinese message has at least one. */
export const CJK = /[\u4e00-\u9fff]/;

export function hasCjk(text: string): boolean {
  return CJK.test(text);
}

/** The last cell Excel has: XFD1048576. */
export const MAX_COL = 16384;
export const MAX_ROW = 1048576;

function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** An A1 address Excel accepts: no "$", no sheet, A1 … XFD1048576. */
export function isA1(address: string): boolean {
  const m = /^([A-Z]{1,3})([1-9]\d{0,6})$/.exec(address);
  return m !== null && columnNumber(m[1]) <= MAX_COL && Number(m[2]) <= MAX_ROW;
}

/** "A1" or "A1:C3" (each end a valid A1 address). */
export function isA1Range(range: string): boolean {
  const parts = range.split(":");
  return parts.length >= 1 && parts.length <= 2 && parts.every(isA1);
}

/** Why a finding breaks CONTRACTS.md ("Findings"), or undefined when it does not. */
export function findingProblem(f: Finding, sheets: readonly string[]): string | undefined {
  const codes = findingCodes as Record<string, string>;
  if (!(f.code in codes)) return "unknown code " + f.code;
  if (codes[f.code] !== f.severity) return f.code + " has severity " + f.severity + ", not " + codes[f.code];
  if (typeof f.sheet !== "string" || sheets.indexOf(f.sheet) < 0)
    return f.code + " names sheet " + JSON.stringify(f.sheet) + ", not in the workbook";
  if (typeof f.cell !== "string" || (f.cell !== "" && !isA1(f.cell)))
    return f.code + " has cell " + JSON.stringify(f.cell);
  if (typeof f.message !== "string" || !hasCjk(f.message)) return f.code + " has message " + JSON.stringify(f.message);
  return undefined;
}

/** Why a plan op references something that is not an A1 cell or range, or undefined. */
export function opProblem(op: PlanOp): string | undefined {
  if (op.op === "set") {
    if (!isA1(op.cell)) return "set at " + JSON.stringify(op.cell);
    if (op.link && !isA1(op.link.cell)) return "link to " + JSON.stringify(op.link.cell);
  }
  if (
    (op.op === "style" || op.op === "validation" || op.op === "conditionalFormat" || op.op === "merge") &&
    !isA1Range(op.range)
  )
    return op.op + " on " + JSON.stringify(op.range);
  if ("sheet" in op && (typeof op.sheet !== "string" || op.sheet === ""))
    return op.op + " on sheet " + JSON.stringify(op.sheet);
  return undefined;
}

// --- arbitraries ---------------------------------------------------------------------------------

export const HEADER_WORDS = [
  "二级指标",
  "一级指标",
  "指标体系",
  "评分标准",
  "评分细则",
  "得分",
  "自评得分",
  "自评分",
  "分值",
  "标准分",
  "责任单位",
  "牵头单位",
  "检查办法",
  "序号",
  "工作内容",
  "工作要求",
  "2020年具体要求",
  "两年工作目标",
  "材料提供情况",
  "备注",
  "合计",
  "小计",
  "注：",
  "说明",
];

export const POINT_FRAGMENTS = [
  "（5分）",
  "(共18分)",
  "（共 18 分）",
  "（加分项目，10分）",
  "（0.5分）",
  "（-3分）",
  "（1e308分）",
  "（99999999999999999999分）",
  "（分）",
  "得2分",
  "2分",
  "两分",
  "65%",
  "６５％",
  "1,000",
  "一、",
  "（1）",
  "３．",
  "第十二、",
  "加分项目",
];

/** Every indicator text and a few rules of the built-in rubrics: random grids sometimes match one. */
export const RUBRIC_TEXTS: string[] = builtinRubrics.flatMap((r) =>
  r.categories.flatMap((c) => [
    c.title,
    ...c.indicators.flatMap((i) => [i.text, i.number ? i.number + "．" + i.text : i.text]),
  ])
);

export const HOSTILE_NUMBERS = [
  1e308,
  -1e308,
  Number.MAX_VALUE,
  -Number.MAX_VALUE,
  Number.MIN_VALUE,
  Number.EPSILON,
  Number.MAX_SAFE_INTEGER + 2,
  NaN,
  Infinity,
  -Infinity,
  -0,
  0,
  0.1 + 0.2,
  0.5,
  4,
  4.5,
  100,
  -1,
  1e-300,
  2 ** 31,
  -(2 ** 53),
];

const char = (from: number, to: number) => fc.integer({ min: from, max: to }).map((c) => String.fromCharCode(c));

export const cjkString = fc.string({ unit: char(0x4e00, 0x9fff), maxLength: 20 });
export const fullWidthString = fc.string({
  unit: fc.constantFrom(..."０１２３４５６７８９％．（）　，、：Ａｚ".split("")),
  maxLength: 12,
});
export const breaksString = fc.string({
  unit: fc.constantFrom("\n", "\r", "\r\n", "\t", "\u00a0", "\u3000", " ", "\u2028", "\u200b", "\ufeff", "\u0000"),
  maxLength: 8,
});
export const emojiString = fc.oneof(
  fc.string({ unit: "grapheme", maxLength: 10 }),
  fc.constantFrom("😀", "👨‍👩‍👧‍👦", "🇨🇳", "\ud83d", "\ude00", "\udfff\ud800", "𠮷野家", "e\u0301", "\u202e倒序"),
  fc.string({ unit: char(0xd800, 0xdfff), maxLength: 4 }) // lone surrogates
);

/** Strings of exactly 32 767 characters (Excel's limit), of one repeated unit; the slice may split a surrogate pair. */
export const LONG_UNITS = [
  "评",
  "😀",
  "1",
  "１",
  " ",
  "\n",
  "a",
  "二级指标",
  "（5分）",
  "得分",
  "、",
  "（1",
  "1.",
  "注",
];
export const longString = fc
  .constantFrom(...LONG_UNITS)
  .map((u) => u.repeat(Math.ceil(32767 / u.length)).slice(0, 32767));

/** Short strings built of header words, points fragments, CJK, full-width digits, breaks and emoji. */
export const composedString = fc
  .array(
    fc.oneof(
      fc.constantFrom(...HEADER_WORDS),
      fc.constantFrom(...POINT_FRAGMENTS),
      cjkString,
      fullWidthString,
      breaksString,
      emojiString,
      fc.string({ maxLength: 8 }),
      fc.integer().map(String),
      fc.constantFrom(...RUBRIC_TEXTS)
    ),
    { minLength: 1, maxLength: 4 }
  )
  .map((parts) => parts.join(""));

export const errorValue: fc.Arbitrary<CellValue> = fc.constantFrom(...CELL_ERRORS).map((error) => ({ error }));

export const hostileNumber = fc.oneof(
  fc.integer(),
  fc.double(), // NaN, ±Infinity and -0 included
  fc.constantFrom(...HOSTILE_NUMBERS)
);

/** One cell: blanks, numbers, booleans, errors and all kinds of text. */
export const cellValue: fc.Arbitrary<CellValue> = fc.oneof(
  { arbitrary: fc.constant(null), weight: 6 },
  { arbitrary: fc.constantFrom("", " ", "\n", "\u3000"), weight: 1 },
  { arbitrary: hostileNumber, weight: 3 },
  { arbitrary: fc.boolean(), weight: 1 },
  { arbitrary: errorValue, weight: 1 },
  { arbitrary: fc.constantFrom(...HEADER_WORDS), weight: 3 },
  { arbitrary: fc.constantFrom(...RUBRIC_TEXTS), weight: 2 },
  { arbitrary: composedString, weight: 4 },
  { arbitrary: cjkString, weight: 1 },
  { arbitrary: emojiString, weight: 1 },
  { arbitrary: fc.string({ unit: "binary", maxLength: 30 }), weight: 1 },
  { arbitrary: longString, weight: 1 }
);

/** A value that replaces a cell of a real table: no blanks-only, hostile all the way. */
export const hostileValue: fc.Arbitrary<CellValue> = fc.oneof(
  fc.constant(null),
  hostileNumber,
  fc.boolean(),
  errorValue,
  fc.constantFrom(...HEADER_WORDS),
  fc.constantFrom(...POINT_FRAGMENTS),
  composedString,
  emojiString,
  longString
);

/**
 * Any merge: single cells, overlapping, out of the grid, inverted (top > bottom), negative; with
 * `extreme`, also areas reaching Excel's last column and row (and one past them), and whole rows
 * merged across every column (Excel allows A1:XFD1).
 */
export function mergeArb(rows = 45, cols = 15, extreme = true): fc.Arbitrary<Area> {
  const coord = (max: number, edge: number) =>
    extreme
      ? fc.oneof(
          { arbitrary: fc.integer({ min: -2, max }), weight: 10 },
          { arbitrary: fc.constantFrom(0, edge - 1, edge), weight: 1 }
        )
      : fc.integer({ min: -2, max });
  const shapes = [
    {
      arbitrary: fc.record({
        top: coord(rows, MAX_ROW),
        left: coord(cols, MAX_COL),
        bottom: coord(rows, MAX_ROW),
        right: coord(cols, MAX_COL),
      }),
      weight: 5,
    },
    // well-formed areas anchored inside the grid
    {
      arbitrary: fc
        .tuple(fc.nat(rows), fc.nat(cols), fc.nat(4), fc.nat(4))
        .map(([top, left, h, w]) => ({ top, left, bottom: top + h, right: left + w })),
      weight: 5,
    },
  ];
  if (extreme)
    shapes.push({
      arbitrary: fc.nat(rows).map((top) => ({ top, left: 0, bottom: top, right: MAX_COL - 1 })),
      weight: 1,
    });
  return fc.oneof(...shapes);
}

export const SHEET_NAMES = [
  "Sheet1",
  "评分细则",
  "任务分解表",
  "考核表",
  "自评依据",
  "指标数据",
  "自评汇总",
  "校验报告",
  "_ziping",
  "😀表",
  "'单引号'",
  "a".repeat(31),
  " ",
];

/** A name Excel accepts for a sheet: 1–31 characters, none of : \\ / ? * [ ]. */
export function isSheetName(name: string): boolean {
  return name.length >= 1 && name.length <= 31 && !/[:\\/?*[\]]/.test(name);
}

export const sheetName = fc
  .oneof(fc.constantFrom(...SHEET_NAMES), cjkString, fc.string({ minLength: 1, maxLength: 31 }))
  .filter(isSheetName);

/** A random grid: 0–40 rows of 0–12 cells (ragged), any merges, sometimes a header row placed at random. */
export const gridArb: fc.Arbitrary<Grid> = fc
  .record({
    sheet: sheetName,
    values: fc.array(fc.array(cellValue, { maxLength: 12 }), { maxLength: 40 }),
    merges: fc.array(mergeArb(), { maxLength: 12 }),
    header: fc.option(
      fc.record({
        row: fc.nat(35),
        col: fc.nat(6),
        words: fc.shuffledSubarray(HEADER_WORDS, { minLength: 3, maxLength: 7 }),
      }),
      { freq: 2 }
    ),
  })
  .map(({ sheet, values, merges, header }) => {
    if (header) {
      while (values.length <= header.row) values.push([]);
      const row = values[header.row];
      header.words.forEach((w, i) => {
        while (row.length <= header.col + i) row.push(null);
        row[header.col + i] = w;
      });
    }
    return { sheet, values, merges };
  });

/** Sizes for the log: how many cells a grid holds. */
export function cellCount(grid: Grid): number {
  return grid.values.reduce((n, r) => n + r.length, 0);
}

export function deepCopy(grid: Grid): Grid {
  return {
    ...grid,
    values: grid.values.map((r) => r.slice()),
    formulas: grid.formulas?.map((r) => r.slice()),
    numberFormats: grid.numberFormats?.map((r) => r.slice()),
    merges: grid.merges.map((m) => ({ ...m })),
  };
}

// --- the command line ---------------------------------------------------------------------------

export interface CliResult {
  code: number;
  out: string;
  err: string;
  /** What run() threw instead of returning an exit code: a crash (main.ts would print a stack). */
  crash?: unknown;
}

/** A trace of a JavaScript error where a person should read Chinese. */
export const STACK = /(\n\s+at [^\n]*:\d+:\d+\)?)|((Type|Range|Reference|Syntax)?Error: )|(node:internal)/;

/** A crash is a failed test: ziping() from tests/cli/run.ts, with run()'s exceptions caught and kept. */
export async function runCli(
  ziping: (...argv: string[]) => Promise<{ code: number; out: string; err: string }>,
  ...argv: string[]
): Promise<CliResult> {
  try {
    return await ziping(...argv);
  } catch (crash) {
    return { code: -1, out: "", err: "", crash };
  }
}

/** Why a result is not "exit 2, a Chinese message naming the file, no stack trace", or undefined. */
export function cleanFailureProblem(r: CliResult, file: string): string | undefined {
  if (r.crash !== undefined) return "crashed: " + (r.crash instanceof Error ? r.crash.stack : String(r.crash));
  if (r.code !== 2) return "exit " + r.code + " (stderr: " + r.err.slice(0, 300) + ")";
  if (!hasCjk(r.err)) return "stderr has no Chinese: " + r.err.slice(0, 300);
  if (r.err.indexOf(file) < 0) return "stderr does not name " + file + ": " + r.err.slice(0, 300);
  if (STACK.test(r.err)) return "stderr has a stack trace: " + r.err.slice(0, 500);
  return undefined;
}

// --- nothing lost ---------------------------------------------------------------------------------

function isEmpty(v: CellValue): boolean {
  return v === null || v === "";
}

function same(a: CellValue, b: CellValue): boolean {
  if (typeof a === "object" && a !== null) return typeof b === "object" && b !== null && a.error === b.error;
  return Object.is(a, b);
}

/** Every non-empty cell of every input sheet, as "sheet!A1: input → output" where the output differs. */
export async function lostCells(input: string, output: string): Promise<{ lost: string[]; cells: number }> {
  const before = (await readWorkbook(readFileSync(input))).sheets();
  const after = new Map((await readWorkbook(readFileSync(output))).sheets().map((s) => [s.name, s] as const));
  const lost: string[] = [];
  let cells = 0;
  for (const sheet of before) {
    const out = after.get(sheet.name);
    if (!out) {
      lost.push(sheet.name + ": the sheet is gone");
      continue;
    }
    if (out.state !== sheet.state) lost.push(sheet.name + ": " + sheet.state + " → " + out.state);
    const g: Grid = sheet.grid;
    const h: Grid = out.grid;
    g.values.forEach((row, r) =>
      row.forEach((v, c) => {
        const f = g.formulas?.[r]?.[c] ?? null;
        if (isEmpty(v) && f === null) return;
        cells++;
        const w = h.values[r]?.[c] ?? null;
        const k = h.formulas?.[r]?.[c] ?? null;
        if (!same(v, w) || f !== k)
          lost.push(sheet.name + "!" + a1(r, c) + ": " + JSON.stringify([v, f]) + " → " + JSON.stringify([w, k]));
      })
    );
    for (const m of g.merges) {
      if (!h.merges.some((n) => n.top === m.top && n.left === m.left && n.bottom === m.bottom && n.right === m.right))
        lost.push(sheet.name + ": merge " + a1(m.top, m.left) + ":" + a1(m.bottom, m.right) + " is gone");
    }
  }
  return { lost, cells };
}
