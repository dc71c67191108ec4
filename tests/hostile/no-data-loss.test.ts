/**
 * Nothing a person typed is lost, and the input is never written: for every sample workbook,
 * `fill IN -o OUT` and `validate IN --report OUT2` leave IN's bytes as they were, and every
 * non-empty cell of every sheet of IN has the same value (and formula, and merges) in OUT and OUT2.
 * A write that fails leaves nothing behind (no output, no temporary file); an output that is the
 * input, under any name (relative path, "..", a symlink), is refused before anything is written.
 */
import { createHash } from "node:crypto";
import {
  copyFileSync,
  existsSync,
  linkSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { basename, join, relative } from "node:path";
import { readWorkbook } from "../../src/adapters/xlsx/index";
import { ziping } from "../cli/run";
import { cleanFailureProblem, hasCjk, lostCells, runCli, STACK } from "../support/hostile";

const SAMPLES = join(__dirname, "..", "..", "assets", "samples");
const WORKBOOKS = [
  "微山县-任务分解表.xlsx",
  "曹县-评分细则.xlsx",
  "会宁县-考核表.xlsx",
  ...readdirSync(join(SAMPLES, "variants"))
    .filter((f) => f.endsWith(".xlsx"))
    .sort()
    .map((f) => join("variants", f)),
];

const root = mkdtempSync(join(tmpdir(), "ziping-no-loss-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const sha = (file: string) => createHash("sha256").update(readFileSync(file)).digest("hex");

let compared = 0;
let runs = 0;
afterAll(() => {
  console.log(
    "no data loss — " +
      WORKBOOKS.length +
      " workbooks, " +
      runs +
      " command runs, " +
      compared +
      " non-empty input cells compared"
  );
});

/** Files in a folder other than the ones expected: leftovers of a failed write. */
function leftovers(dir: string, expected: string[]): string[] {
  return readdirSync(dir).filter((f) => expected.indexOf(f) < 0);
}

describe.each(WORKBOOKS.map((w) => [w]))("%s", (workbook) => {
  const dir = join(root, basename(workbook, ".xlsx"));
  const input = join(dir, "原表.xlsx");
  let hash = "";

  beforeAll(() => {
    mkdirSync(dir, { recursive: true });
    copyFileSync(join(SAMPLES, workbook), input);
    hash = sha(input);
  });

  test("fill IN -o OUT: IN unchanged; every typed cell of IN is in OUT", async () => {
    const out = join(dir, "填充.xlsx");
    runs++;
    const r = await runCli(ziping, "fill", input, "-o", out);
    expect(r.crash).toBeUndefined();
    expect(sha(input)).toBe(hash);
    if (r.code === 1) {
      // Nothing to fill (not a rubric, an empty sheet): said in Chinese, nothing written.
      expect(hasCjk(r.err)).toBe(true);
      expect(existsSync(out)).toBe(false);
      return;
    }
    expect(r.code).toBe(0);
    const { lost, cells } = await lostCells(input, out);
    compared += cells;
    expect(cells).toBeGreaterThan(0);
    expect(lost).toEqual([]);
    expect(leftovers(dir, ["原表.xlsx", "填充.xlsx"])).toEqual([]);
  });

  test("validate IN --report OUT2: IN unchanged; every typed cell of IN is in OUT2", async () => {
    const out = join(dir, "校验.xlsx");
    runs++;
    const r = await runCli(ziping, "validate", input, "--report", out);
    expect(r.crash).toBeUndefined();
    expect(sha(input)).toBe(hash);
    expect([0, 1]).toContain(r.code);
    if (!existsSync(out)) {
      // Nothing recognized: no report to write.
      expect(r.err).toContain("未识别");
      return;
    }
    const { lost, cells } = await lostCells(input, out);
    compared += cells;
    expect(lost).toEqual([]);
    // Only a sheet is added (and cells coloured): the input's sheets, in order, then 校验报告.
    const names = (await readWorkbook(readFileSync(out))).sheetNames();
    const inputNames = (await readWorkbook(readFileSync(input))).sheetNames();
    expect(names).toEqual([...inputNames, "校验报告"]);
  });

  test("fill OUT -o OUT3 (a second fill of the filled file): every cell of OUT is in OUT3", async () => {
    const out = join(dir, "填充.xlsx");
    if (!existsSync(out)) return;
    const again = join(dir, "再次填充.xlsx");
    runs++;
    const r = await runCli(ziping, "fill", out, "-o", again);
    expect(r.crash).toBeUndefined();
    expect(r.code).toBe(0);
    const { lost, cells } = await lostCells(out, again);
    compared += cells;
    expect(lost).toEqual([]);
  });
});

describe("a write that fails leaves nothing behind", () => {
  const CAOXIAN = join(SAMPLES, "曹县-评分细则.xlsx");

  test.each([
    ["the parent of -o is a regular file", (dir: string) => join(dir, "file.txt", "out.xlsx")],
    ["-o is an existing folder", (dir: string) => join(dir, "folder.xlsx")],
    ["the folder of -o does not exist", (dir: string) => join(dir, "no-such-dir", "out.xlsx")],
  ])("%s: exit 2, Chinese message naming OUT, no output or temporary file", async (_, target) => {
    const dir = mkdtempSync(join(root, "fail-"));
    const input = join(dir, "in.xlsx");
    copyFileSync(CAOXIAN, input);
    writeFileSync(join(dir, "file.txt"), "一个普通文件");
    mkdirSync(join(dir, "folder.xlsx"));
    const hash = sha(input);
    const out = target(dir);
    for (const argv of [
      ["fill", input, "-o", out],
      ["validate", input, "--report", out],
    ]) {
      runs++;
      const r = await runCli(ziping, ...argv);
      expect(cleanFailureProblem(r, out)).toBeUndefined();
      expect(sha(input)).toBe(hash);
      expect(leftovers(dir, ["in.xlsx", "file.txt", "folder.xlsx"])).toEqual([]);
      expect(readdirSync(join(dir, "folder.xlsx"))).toEqual([]);
      expect(readFileSync(join(dir, "file.txt"), "utf8")).toBe("一个普通文件");
    }
  });
});

describe("the output is the input under another name: refused, input unchanged", () => {
  const WEISHAN = join(SAMPLES, "微山县-任务分解表.xlsx");

  function setup() {
    const dir = mkdtempSync(join(root, "same-"));
    const input = join(dir, "in.xlsx");
    copyFileSync(WEISHAN, input);
    mkdirSync(join(dir, "sub"));
    symlinkSync(input, join(dir, "link.xlsx"));
    return { dir, input, hash: sha(input) };
  }

  test.each([
    ["the same path", (_d: string, i: string) => i],
    ["a relative path", (_d: string, i: string) => relative(process.cwd(), i)],
    ["a path through sub/..", (d: string, _i: string) => join(d, "sub") + "/../in.xlsx"],
    ["a path with ./", (d: string, _i: string) => d + "/./in.xlsx"],
    ["a symlink to the input", (d: string) => join(d, "link.xlsx")],
  ])("%s: fill -o and validate --report exit 2 with a Chinese message", async (_, other) => {
    const { dir, input, hash } = setup();
    const out = other(dir, input);
    for (const argv of [
      ["fill", input, "-o", out],
      ["validate", input, "--report", out],
      // And the other way round: the input named through the link or relative path, -o the file itself.
      ["fill", out, "-o", input],
    ]) {
      runs++;
      const r = await runCli(ziping, ...argv);
      expect(r.crash).toBeUndefined();
      expect(r.code).toBe(2);
      expect(hasCjk(r.err)).toBe(true);
      expect(r.err).not.toMatch(STACK);
      expect(sha(input)).toBe(hash);
      expect(leftovers(dir, ["in.xlsx", "sub", "link.xlsx"])).toEqual([]);
    }
  });

  test("a hard link to the input as -o: the input's bytes are unchanged (the write replaces the name, not the file)", async () => {
    const { dir, input, hash } = setup();
    const hard = join(dir, "hard.xlsx");
    linkSync(input, hard);
    runs++;
    const r = await runCli(ziping, "fill", input, "-o", hard);
    expect(r.crash).toBeUndefined();
    expect(sha(input)).toBe(hash);
    expect(leftovers(dir, ["in.xlsx", "sub", "link.xlsx", "hard.xlsx"])).toEqual([]);
  });
});
