/**
 * parseRule on anything (fast-check, fixed seed): random strings, full Unicode (lone surrogates
 * included), mixes of the grammar's own words and figures, up to 2 000 characters, and hostile
 * 32 767-character cells. It never throws, its work grows with the text no faster than the text
 * (a cell 8 times longer costs at most a bounded multiple of 8 times as much — no wall-clock limit:
 * speed belongs in the benchmark), and what it returns holds together: spans inside the text and
 * equal to each criterion's text, letters a, b, c …, every criterion valid by the rubric schema,
 * every threshold's metric listed.
 */
import fc from "fast-check";
import { parseRule, type ParsedRule } from "../../../src/rubric/derive/grammar";
import { metricSchema } from "../../../src/rubric/metricSchema";
import { criterionSchema } from "../../../src/rubric/schema";
import { cpuMs } from "../../support/growth";

const SEED = 20260611;
/**
 * Growth, not time: parsing a cell 8 times longer may cost at most GROWTH × 8 times as much (linear
 * work with room for noise; a quadratic reader costs 64 times as much). Times below FLOOR_MS are too
 * small to compare and count as FLOOR_MS.
 */
const GROWTH = 4;
const FLOOR_MS = 5;

const WORDS = [
  "得",
  "加",
  "扣",
  "奖励",
  "分",
  "%",
  "％",
  "的",
  "每",
  "每少",
  "每缺",
  "每多",
  "每下降",
  "最高",
  "最高得",
  "最高扣",
  "最高奖励",
  "其余",
  "剩余",
  "其中",
  "各",
  "各扣",
  "根据",
  "进行",
  "打分",
  "评分",
  "分档打分",
  "三档",
  "档",
  "达到",
  "以上",
  "以下",
  "不低于",
  "不少于",
  "至少",
  "不得分",
  "不扣分",
  "扣完为止",
  "酌情扣分",
  "酌情",
  "未",
  "达不到",
  "均",
  "本项",
  "超额",
  "完成",
  "一个",
  "一项",
  "一次",
  "两分",
  "十项",
  "两",
  "十",
  "百分之",
  "建立制度",
  "覆盖率",
  "完成进度",
  "情况",
  "含金量",
  "出现安全事故",
  "（",
  "）",
  "(",
  ")",
  "，",
  "、",
  "；",
  "。",
  ",",
  ";",
  ".",
  "：",
  "\n",
  "\r\n",
  " ",
  "　",
  "1.",
  "2.",
  "（1）",
  "一、",
  "0.5",
  "０．５",
  "1",
  "2",
  "3",
  "10",
  "65",
  "100",
  "2020年",
  "“",
  "”",
  "《",
  "》",
  "\u0000",
  "\ud800",
  "😀",
];

/** Short mixes (fast-check's usual sizes) and long ones (up to 2 000 characters). */
const wordSoup = fc.array(fc.constantFrom(...WORDS), { maxLength: 400 }).map((parts) => parts.join("").slice(0, 2000));
const longSoup = fc
  .array(fc.constantFrom(...WORDS), { minLength: 200, maxLength: 1000, size: "max" })
  .map((parts) => parts.join("").slice(0, 2000));
const anyString = fc.oneof(
  fc.string({ maxLength: 2000 }),
  fc.string({ maxLength: 2000, size: "max" }),
  fc.string({ unit: "binary", maxLength: 2000 }),
  fc.string({ unit: "binary", maxLength: 2000, size: "max" }),
  fc.string({ unit: "grapheme", maxLength: 500, size: "max" }),
  wordSoup,
  wordSoup,
  longSoup,
  longSoup
);
const anyPoints = fc.oneof(
  fc.integer({ min: 0, max: 30 }),
  fc.constantFrom(0.5, 1.5, 100, 0),
  fc.double(),
  fc.constantFrom(NaN, -1, Infinity, -Infinity, 1e308)
);
const anyOptions = fc.record(
  {
    points: anyPoints,
    bonus: fc.option(anyPoints, { nil: undefined }),
    idPrefix: fc.option(fc.oneof(fc.constantFrom("1.2", "bonus.1", "", "—"), fc.string({ maxLength: 20 })), {
      nil: undefined,
    }),
  },
  { requiredKeys: ["points"] }
);

function letters(n: number): string[] {
  const a = "abcdefghijklmnopqrstuvwxyz";
  const out: string[] = [];
  for (let i = 0; i < n; i++) out.push(i < 26 ? a.charAt(i) : a.charAt(Math.floor(i / 26) - 1) + a.charAt(i % 26));
  return out;
}

/** Everything a ParsedRule promises; returns the first problem, or undefined. */
function problemOf(parsed: ParsedRule): string | undefined {
  if (typeof parsed.text !== "string") return "text is not a string";
  if (!parsed.criteria.length) return "no criteria";
  const expected = letters(parsed.criteria.length);
  const metricIds = new Set(parsed.metrics.map((m) => m.id));
  for (let i = 0; i < parsed.criteria.length; i++) {
    const c = parsed.criteria[i];
    if (c.id !== expected[i]) return "letter " + c.id + " at " + i;
    const check = criterionSchema.safeParse(c);
    if (!check.success)
      return "schema: " + JSON.stringify(check.error.issues).slice(0, 300) + " in " + JSON.stringify(c).slice(0, 300);
    if (!c.span) return "no span";
    const [s, e] = c.span;
    if (!(s >= 0 && e <= parsed.text.length && s < e)) return "span " + s + "–" + e + " outside " + parsed.text.length;
    if (parsed.text.slice(s, e) !== c.text) return "span text differs";
    if (c.requires !== undefined && (c.requires === c.id || !parsed.criteria.some((x) => x.id === c.requires)))
      return "requires " + c.requires;
    if (c.kind === "threshold" && !metricIds.has(c.metric)) return "metric " + c.metric + " not listed";
    if (c.pending && !c.note) return "pending without a note";
  }
  for (const m of parsed.metrics) if (!metricSchema.safeParse(m).success) return "metric " + JSON.stringify(m);
  if (metricIds.size !== parsed.metrics.length) return "duplicate metric ids";
  if (!(isFinite(parsed.total) && parsed.total >= 0)) return "total " + parsed.total;
  if (parsed.unparsed !== parsed.criteria.filter((c) => c.pending).length) return "unparsed count";
  return undefined;
}

interface Tally {
  runs: number;
  slowest: number;
  slowestLength: number;
  longest: number;
}

/**
 * The work of one parse, as CPU time (the wall clock counts other processes on a busy machine):
 * the least of two runs (a garbage collection in the middle of one is the machine's).
 */
function timed(rule: string, options: Parameters<typeof parseRule>[1], tally: Tally): ParsedRule {
  const parsed = parseRule(rule, options);
  const ms = cpuMs(() => parseRule(rule, options), 2);
  tally.runs++;
  tally.longest = Math.max(tally.longest, rule.length);
  if (ms > tally.slowest) {
    tally.slowest = ms;
    tally.slowestLength = rule.length;
  }
  return parsed;
}

const report: string[] = [];

afterAll(() => {
  console.log("grammar properties:\n" + report.join("\n"));
});

beforeAll(() => {
  // Warm the JIT so the first timed run measures the parser, not the compiler.
  for (let i = 0; i < 20; i++)
    parseRule("建立制度得2分，其余1分根据覆盖率进行打分；每少一个扣1分，最高扣3分。", { points: 5 });
});

test("any string: never throws, and the result holds together", () => {
  const tally: Tally = { runs: 0, slowest: 0, slowestLength: 0, longest: 0 };
  fc.assert(
    fc.property(anyString, anyOptions, (rule, options) => {
      const parsed = timed(rule, options, tally);
      const problem = problemOf(parsed);
      if (problem) throw new Error(problem);
    }),
    { seed: SEED, numRuns: 1000 }
  );
  report.push(
    `  random strings: ${tally.runs} runs, longest ${tally.longest} chars, slowest ${tally.slowest.toFixed(1)} ms (${tally.slowestLength} chars)`
  );
});

test("not a string at all: still a ParsedRule", () => {
  for (const rule of [undefined, null, 42, {}, [], Symbol.iterator] as unknown[]) {
    const parsed = parseRule(rule as string, { points: 3 });
    expect(problemOf(parsed)).toBeUndefined();
    expect(parsed.criteria[0]).toMatchObject({ kind: "judged", pending: true });
  }
  expect(problemOf(parseRule("得2分", undefined as unknown as { points: number }))).toBeUndefined();
});

const LONG = 32767;

function repeat(unit: string, length = LONG): string {
  let s = "";
  while (s.length < length) s += unit;
  return s.slice(0, length);
}

test.each([
  ["得1分，", "many scored clauses (more than the 702 letters)"],
  ["建立制度的得1分；", "many sentences"],
  ["每", "one keyword"],
  ["一", "one Chinese numeral"],
  ["十四五", "numeral runs that are not numbers"],
  ["9", "one endless figure"],
  ["0.5", "decimals run together"],
  ["（", "unclosed brackets"],
  ["（1分）", "requirement brackets"],
  ["1.建立（1分）\n", "numbered lines"],
  ["、", "enumeration commas"],
  ["的", "particles"],
  ["其中，加1分，", "其中 alternatives"],
  ["根据覆盖率进行打分，", "bases without points"],
  ["未建立、", "negations"],
  ["每少一个扣1分，最高扣", "deductions"],
  ["达到65%以上", "bounds"],
  ["\n", "line breaks only"],
  [" ", "spaces only"],
  ["😀\ud800", "astral and lone surrogates"],
  [
    "建立联席会议或议事协调机构的得2分，其中，由党委政府主要负责同志担任组长或召集人的加1分，",
    "a real sentence repeated",
  ],
])("a %#: 32 767 characters of %p (%s)", (unit) => {
  const options = { points: 10, bonus: 5, idPrefix: "1.1" };
  // Three lengths, each 8 times the last: below and above the 702-criteria cut.
  const tallies = [LONG / 64, LONG / 8].map((n) => {
    const tally: Tally = { runs: 0, slowest: 0, slowestLength: 0, longest: 0 };
    timed(repeat(unit, Math.floor(n)), options, tally);
    return tally;
  });
  const long: Tally = { runs: 0, slowest: 0, slowestLength: 0, longest: 0 };
  const parsed = timed(repeat(unit), options, long);
  expect(problemOf(parsed)).toBeUndefined();
  expect(parsed.criteria.length).toBeLessThanOrEqual(26 + 26 * 26);
  const growth = Math.max(
    tallies[1].slowest / Math.max(tallies[0].slowest, FLOOR_MS),
    long.slowest / Math.max(tallies[1].slowest, FLOOR_MS)
  );
  report.push(
    `  ${JSON.stringify(unit.slice(0, 12))} × ${LONG}: ${long.slowest.toFixed(1)} ms (× ${growth.toFixed(1)} at most, from a cell 8 times shorter), ${parsed.criteria.length} criteria`
  );
  expect(growth).toBeLessThanOrEqual(8 * GROWTH);
});

test("the same rule gives the same result (no hidden state between calls)", () => {
  fc.assert(
    fc.property(wordSoup, (rule) => {
      const a = parseRule(rule, { points: 5 });
      const b = parseRule(rule, { points: 5 });
      expect(b).toEqual(a);
    }),
    { seed: SEED, numRuns: 100 }
  );
});

const SUBJECTS = ["建立工作机制", "出台实施方案", "开展专项督查", "编制发展规划", "设立服务专栏", "召开推进会议"];
const FIGURES: [string, number][] = [
  ["0.5", 0.5],
  ["1", 1],
  ["1.5", 1.5],
  ["2", 2],
  ["两", 2],
  ["三", 3],
  ["０．５", 0.5],
  ["十", 10],
];

test("sentences built from the grammar read back as written: flags with their points, the remainder judged", () => {
  const award = fc.record({
    subject: fc.constantFrom(...SUBJECTS),
    de: fc.boolean(),
    figure: fc.constantFrom(...FIGURES),
    sep: fc.constantFrom("，", "；", "。", ",", ";"),
  });
  fc.assert(
    fc.property(
      fc.array(award, { minLength: 1, maxLength: 8 }),
      fc.option(fc.constantFrom(...FIGURES), { nil: undefined }),
      (awards, rest) => {
        let rule = awards
          .map((a, i) => (i ? awards[i - 1].sep : "") + a.subject + (a.de ? "的" : "") + "得" + a.figure[0] + "分")
          .join("");
        if (rest) rule += "，其余" + rest[0] + "分根据工作开展情况进行打分";
        const stated = awards.reduce((s, a) => s + a.figure[1], 0) + (rest ? rest[1] : 0);
        const parsed = parseRule(rule, { points: stated });
        expect(problemOf(parsed)).toBeUndefined();
        expect(parsed.criteria.map((c) => c.kind)).toEqual(awards.map(() => "flag").concat(rest ? ["judged"] : []));
        expect(parsed.criteria.map((c) => (c as { points: number }).points)).toEqual(
          awards.map((a) => a.figure[1]).concat(rest ? [rest[1]] : [])
        );
        expect(parsed.criteria.map((c) => c.label)).toEqual(
          awards.map((a) => a.subject).concat(rest ? ["工作开展情况"] : [])
        );
        expect(parsed.total).toBeCloseTo(stated, 9);
        expect(parsed.unparsed).toBe(0);
      }
    ),
    { seed: SEED, numRuns: 300 }
  );
});
