/**
 * A refill keeps what a person typed on Ziping's own sheets (issue 12): a note beside 自评依据, a
 * changed label, an 审核意见 under 自评汇总, a 情况说明 in 校验报告 — never touched, listed where the
 * new plan wanted the cell — while what Ziping wrote and nobody changed is rewritten, and cleared
 * where the new layout has nothing.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { applyPlan, readWorkbook, writeWorkbook } from "../../src/adapters/xlsx/index";
import { EVIDENCE_SHEET, METRICS_SHEET, SUMMARY_SHEET } from "../../src/own/sheets";
import { reconcileOwnSheet } from "../../src/plan/ownCells";
import type { PlanOp } from "../../src/plan/plan";
import { parseA1, type Grid } from "../../src/sheet/grid";
import { ziping } from "../cli/run";

const SAMPLES = join(__dirname, "..", "..", "assets", "samples");
const tmp = () => mkdtempSync(join(tmpdir(), "ziping-own-"));

function at(grids: Grid[], sheet: string, cell: string): unknown {
  const { row, col } = parseA1(cell);
  return grids.find((g) => g.sheet === sheet)!.values[row]?.[col] ?? null;
}

/** A person's edits, applied to a file as typing in Excel would. */
async function typeInto(file: string, ops: PlanOp[]): Promise<void> {
  const book = await readWorkbook(readFileSync(file));
  applyPlan(book, { ops, summary: [], kept: [] });
  writeFileSync(file, await writeWorkbook(book));
}

test("a refill keeps notes, changed labels and 审核意见 on our sheets, and lists the cells it wanted", async () => {
  const dir = tmp();
  const first = join(dir, "一.xlsx");
  expect((await ziping("fill", join(SAMPLES, "微山县-任务分解表.xlsx"), "-o", first)).code).toBe(0);
  const before = (await readWorkbook(readFileSync(first))).grids();
  // Where the first fill put things (自评依据: 8 columns A–H; 自评汇总: 7 categories, 合计 in row 9, a note in row 11).
  expect(at(before, EVIDENCE_SHEET, "C2")).toBeTruthy();
  expect(at(before, SUMMARY_SHEET, "B9")).toBe("合计");
  await typeInto(first, [
    { op: "set", sheet: EVIDENCE_SHEET, cell: "I2", value: "备注：材料在档案室" },
    { op: "set", sheet: EVIDENCE_SHEET, cell: "C3", value: "（改写）召开联席会议" },
    { op: "set", sheet: EVIDENCE_SHEET, cell: "E2", value: "是" },
    { op: "set", sheet: METRICS_SHEET, cell: "E2", value: 88 },
    { op: "set", sheet: SUMMARY_SHEET, cell: "A14", value: "审核意见：同意上报" },
  ]);
  const second = join(dir, "二.xlsx");
  const r = await ziping("fill", first, "-o", second, "--json");
  expect(r.code).toBe(0);
  const after = (await readWorkbook(readFileSync(second))).grids();
  // Never written by Ziping: untouched, not listed.
  expect(at(after, EVIDENCE_SHEET, "I2")).toBe("备注：材料在档案室");
  expect(at(after, SUMMARY_SHEET, "A14")).toBe("审核意见：同意上报");
  // Written by Ziping and changed by a person: kept, and listed (the new plan wanted the cell).
  expect(at(after, EVIDENCE_SHEET, "C3")).toBe("（改写）召开联席会议");
  const kept = r.json().kept as Array<{ sheet: string; cell: string }>;
  expect(kept.filter((k) => k.sheet !== "任务分解表").map((k) => k.sheet + "!" + k.cell)).toEqual([EVIDENCE_SHEET + "!C3"]);
  // Inputs are carried as before; Ziping's own cells rewritten as they were.
  expect(at(after, EVIDENCE_SHEET, "E2")).toBe("是");
  expect(at(after, METRICS_SHEET, "E2")).toBe(88);
  expect(at(after, EVIDENCE_SHEET, "C2")).toBe(at(before, EVIDENCE_SHEET, "C2"));
  expect(at(after, SUMMARY_SHEET, "B9")).toBe("合计");
});

test("校验报告: a 情况说明 follows its finding, an 审核意见 below the report stays", async () => {
  const dir = tmp();
  const filled = join(dir, "填好.xlsx");
  await ziping("fill", join(SAMPLES, "曹县-评分细则.xlsx"), "-o", filled);
  const report = join(dir, "报告.xlsx");
  await ziping("validate", filled, "--report", report);
  const grids = (await readWorkbook(readFileSync(report))).grids();
  const sheet = grids.find((g) => g.sheet === "校验报告")!;
  const row = sheet.values.findIndex((r) => typeof r?.[8] === "string" && (r[8] as string).startsWith("score.over-max|"));
  const below = sheet.values.length + 3;
  await typeInto(report, [
    { op: "set", sheet: "校验报告", cell: "H" + (row + 1), value: "原件如此，已与材料核对" },
    { op: "set", sheet: "校验报告", cell: "G" + below, value: "审核意见：请补充佐证材料" },
  ]);
  const again = join(dir, "报告二.xlsx");
  const r = await ziping("validate", report, "--report", again, "--json");
  expect([r.code, r.err]).toEqual([1, ""]);
  const out = (await readWorkbook(readFileSync(again))).grids().find((g) => g.sheet === "校验报告")!;
  const same = out.values.findIndex((x) => typeof x?.[8] === "string" && (x[8] as string).startsWith("score.over-max|"));
  expect(out.values[same][7]).toBe("原件如此，已与材料核对");
  expect(out.values[below - 1][6]).toBe("审核意见：请补充佐证材料");
  // The note typed in the report explains nothing away: over-max is an error, and errors need fixing.
  expect(r.json().findings.find((f: { code: string }) => f.code === "score.over-max").accepted).toBeUndefined();
});

test("reconcileOwnSheet: ours rewritten or cleared, a person's kept, inputs by key", () => {
  const grid: Grid = {
    sheet: "自评依据",
    values: [
      ["编号", "说明"],
      ["1.1.a", "旧的说明", "是"],
      ["9.9.z", "已删除的项", "否"],
    ],
    formulas: [[], [], []],
    merges: [],
  };
  const first = reconcileOwnSheet("自评依据", [
    { op: "set", sheet: "自评依据", cell: "A1", value: "编号" },
    { op: "set", sheet: "自评依据", cell: "B2", value: "旧的说明" },
    { op: "set", sheet: "自评依据", cell: "B3", value: "已删除的项" },
    { op: "set", sheet: "自评依据", cell: "C2", value: null, style: { input: true } },
    { op: "set", sheet: "自评依据", cell: "C3", value: null, style: { input: true } },
  ], {});
  const previous = first.written;
  // The new layout: B2 written anew, row 3's criterion gone (its key 9.9.z has no place), B1 typed by a person.
  grid.values[0][1] = "说明（我的）";
  const second = reconcileOwnSheet(
    "自评依据",
    [
      { op: "set", sheet: "自评依据", cell: "A1", value: "编号" },
      { op: "set", sheet: "自评依据", cell: "B1", value: "说明" },
      { op: "set", sheet: "自评依据", cell: "B2", value: "新的说明" },
      { op: "set", sheet: "自评依据", cell: "C2", value: "是", style: { input: true } },
    ],
    { grid, previous, carried: (cell) => cell === "C2", lostReason: "该项已不在评分细则中" }
  );
  const sets = second.ops.filter((op) => op.op === "set").map((op) => (op as { cell: string; value: unknown }).cell + "=" + String((op as { value: unknown }).value));
  // B1 was "说明" when Ziping wrote it; a person changed it: kept. B3 is Ziping's and unchanged: cleared.
  expect(sets).toEqual(["A1=编号", "B2=新的说明", "C2=是", "B3=null"]);
  expect(second.kept.map((k) => k.cell + " " + k.reason)).toEqual([
    "B1 已填写“说明（我的）”，保留未改",
    "C3 已填写“否”（该项已不在评分细则中），保留未改",
  ]);
});
