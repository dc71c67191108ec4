/**
 * The round trip a county office makes before its deadline: fill the 微山 任务分解表, split it by
 * unit, let the units edit their files (scripted with exceljs, as another program would: type 完成情况,
 * add evidence, answer criteria and give figures, sort rows, delete a row, two units editing one
 * shared row), merge — and find every typed value in place, the conflicts listed, files that are no
 * split output named, the 进度 sheet right, the inputs unwritten, and every saved formula result what
 * LibreOffice and Gnumeric compute. A second round adds up, keeps what the county typed, and asks
 * for --overwrite.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as ExcelJS from "exceljs";
import { applyPlan, readWorkbook, writeWorkbook } from "../../src/adapters/xlsx/index";
import { readProgress } from "../../src/plan/merge";
import { unitSheet } from "../../src/plan/split";
import { builtinRubrics } from "../../src/rubric/builtin/index";
import { cellAt, parseA1, type Grid } from "../../src/sheet/grid";
import { recognizeWorkbook } from "../../src/sheet/workbook";
import { hasEngines, staleResults } from "../support/engines";
import { ziping } from "./run";
import { edit, keyedRow, rowOf } from "../support/unitReturns";


const SAMPLES = join(__dirname, "..", "..", "assets", "samples");
const SHEET = "任务分解表";

let dir: string;
let county: string;
let units: string;

async function grids(file: string): Promise<Grid[]> {
  return (await readWorkbook(readFileSync(file))).grids();
}

function at(all: Grid[], sheet: string, cell: string) {
  const { row, col } = parseA1(cell);
  return cellAt(
    all.find((g) => g.sheet === sheet)!,
    row,
    col
  );
}

// Texts the units type (made up for the test).
const MINZHENG_1_1 = "已建立联席会议制度，县长任召集人，2023年5月召开年度联席会议";
const MINZHENG_1_1_EVIDENCE = "微政办字〔2023〕XX号；联席会议纪要";
const MINZHENG_1_2 = "已配合县财政局编制养老服务经费预算";
const CAIZHENG_1_2 = "2023年县级财政预算安排养老服务发展资金500万元";
const BUDGET_EVIDENCE = "2023年县级财政预算批复";

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "ziping-merge-"));
  county = join(dir, "微山-自评.xlsx");
  units = join(dir, "各单位");
  expect((await ziping("fill", join(SAMPLES, "微山县-任务分解表.xlsx"), "-o", county)).code).toBe(0);
  expect((await ziping("split", county, "--by", "unit", "-o", units)).code).toBe(0);

  // 县民政局 (all 31 rows; sheet rows 2–32 = 1.1 … 7.1; H 本单位职责, I 完成情况, J 佐证材料):
  // 1.1 完成情况 and 佐证材料; 1.2 完成情况 (县财政局 types another: a conflict); 1.3 自评得分 typed over
  // Ziping's formula's value; 自评依据 1.1.a, 1.1.c and 3.3.a answered 是; the 7.1 row deleted.
  await edit(join(units, "县民政局.xlsx"), new Date(2023, 9, 12, 9, 30), (wb) => {
    const ws = wb.getWorksheet(SHEET)!;
    ws.getCell("I" + rowOf(ws, "1．建立党委政府领导")).value = MINZHENG_1_1;
    ws.getCell("J" + rowOf(ws, "1．建立党委政府领导")).value = MINZHENG_1_1_EVIDENCE;
    ws.getCell("I" + rowOf(ws, "2．将养老服务经费")).value = MINZHENG_1_2;
    ws.getCell("G" + rowOf(ws, "3．将养老服务内容")).value = 3;
    ws.spliceRows(rowOf(ws, "鼓励各地结合自身实际"), 1);
    const evidence = wb.getWorksheet("自评依据")!;
    for (const id of ["1.1.a", "1.1.c", "3.3.a"]) evidence.getCell("E" + keyedRow(evidence, id)).value = "是";
  });
  // 县财政局 (9 rows): 1.2 完成情况 and 佐证材料; its rows sorted from last to first.
  await edit(join(units, "县财政局.xlsx"), new Date(2023, 9, 13, 16, 5), (wb) => {
    const ws = wb.getWorksheet(SHEET)!;
    ws.getCell("I" + rowOf(ws, "2．将养老服务经费")).value = CAIZHENG_1_2;
    ws.getCell("J" + rowOf(ws, "2．将养老服务经费")).value = BUDGET_EVIDENCE;
    // Sorting moves whole rows: every cell of A–J, blanks included.
    const body: unknown[][] = [];
    for (let r = 2; r <= ws.rowCount; r++) body.push((ws.getRow(r).values as unknown[]).slice(1));
    body.reverse().forEach((values, i) => {
      const row = ws.getRow(i + 2);
      for (let c = 0; c < 10; c++) row.getCell(c + 1).value = (values[c] ?? null) as ExcelJS.CellValue;
    });
  });
  // 各乡镇（街道） (23 rows): the same 佐证材料 for 1.2 as 县财政局 (no conflict); 月探访率 100 of 100.
  await edit(join(units, "各乡镇（街道）.xlsx"), new Date(2023, 9, 14, 11, 0), (wb) => {
    const ws = wb.getWorksheet(SHEET)!;
    ws.getCell("J" + rowOf(ws, "2．将养老服务经费")).value = BUDGET_EVIDENCE;
    const metrics = wb.getWorksheet("指标数据")!;
    const r = keyedRow(metrics, "monthly-visit-rate");
    metrics.getCell("C" + r).value = 100;
    metrics.getCell("D" + r).value = 100;
  });
  // 县卫生健康局 renamed its sheet; 县医保局's file is 会宁's 考核表 with its sheet named 任务分解表.
  await edit(join(units, "县卫生健康局.xlsx"), new Date(2023, 9, 14, 12, 0), (wb) => {
    wb.getWorksheet(SHEET)!.name = "卫健局报送";
  });
  copyFileSync(join(SAMPLES, "会宁县-考核表.xlsx"), join(units, "县医保局.xlsx"));
  await edit(join(units, "县医保局.xlsx"), new Date(2023, 9, 14, 12, 0), (wb) => {
    wb.getWorksheet("考核表")!.name = SHEET;
  });
});

describe("merge: split → units edit → merge", () => {
  let r: Awaited<ReturnType<typeof ziping>>;
  let out: string;
  let before: Map<string, Buffer>;

  beforeAll(async () => {
    out = join(dir, "汇总.xlsx");
    before = new Map([county, join(units, "县民政局.xlsx")].map((f) => [f, readFileSync(f)]));
    r = await ziping("merge", county, units, "-o", out, "--json");
  });

  test("exit 1: a conflict and two files not merged; the inputs unwritten", () => {
    expect(r.err).toBe("");
    expect(r.code).toBe(1);
    before.forEach((bytes, f) => expect(readFileSync(f).equals(bytes)).toBe(true));
  });

  test("files that are no split output are named, the rest merged", () => {
    const json = r.json();
    expect(json.rejected.map((x: { file: string }) => x.file).sort()).toEqual(["县医保局.xlsx", "县卫生健康局.xlsx"]);
    expect(json.rejected.find((x: { file: string }) => x.file === "县卫生健康局.xlsx").reason).toContain(
      "没有名为“任务分解表”的工作表"
    );
    expect(json.rejected.find((x: { file: string }) => x.file === "县医保局.xlsx").reason).toContain("对不上");
    // 微山's table names 21 units (牵头 and 责任); 2 files rejected, 19 merged.
    expect(json.merged).toHaveLength(19);
    const minzheng = json.merged.find((m: { unit: string }) => m.unit === "县民政局");
    expect(minzheng).toMatchObject({ file: "县民政局.xlsx", modified: "2023-10-12 09:30", rows: 30 });
    expect(minzheng.missing).toEqual([
      { indicator: "7.1", row: 33, text: expect.stringContaining("鼓励各地结合自身实际") },
    ]);
  });

  test("every typed value in place, by indicator; the shared row's different 完成情况 a conflict", () => {
    const json = r.json();
    // The county's table had no 完成情况/佐证材料: added right of 自评得分 (G) as H and I; 1.1 is row 3.
    const cells = json.written.map((w: { sheet: string; cell: string; units: string[]; value: unknown }) => [
      w.sheet + "!" + w.cell,
      w.units.sort().join("、"),
      w.value,
    ]);
    expect(cells.sort()).toEqual(
      [
        ["任务分解表!H3", "县民政局", MINZHENG_1_1],
        ["任务分解表!I3", "县民政局", MINZHENG_1_1_EVIDENCE],
        ["任务分解表!I4", ["县财政局", "各乡镇（街道）"].sort().join("、"), BUDGET_EVIDENCE],
        // 自评依据 rows: 1.1.a row 2, 1.1.c row 4, 3.3.a row 24; 指标数据 monthly-visit-rate row 3.
        ["自评依据!E2", "县民政局", "是"],
        ["自评依据!E4", "县民政局", "是"],
        ["自评依据!E24", "县民政局", "是"],
        ["指标数据!C3", "各乡镇（街道）", 100],
        ["指标数据!D3", "各乡镇（街道）", 100],
      ].sort()
    );
    expect(json.conflicts).toEqual([
      {
        sheet: SHEET,
        cell: "H4",
        indicator: "1.2",
        column: "完成情况",
        county: "",
        values: expect.arrayContaining([
          { unit: "县民政局", file: "县民政局.xlsx", value: MINZHENG_1_2 },
          { unit: "县财政局", file: "县财政局.xlsx", value: CAIZHENG_1_2 },
        ]),
      },
    ]);
    expect(json.conflicts[0].values).toHaveLength(2);
    expect(json.kept).toEqual([]);
    // 1.3's 自评得分 (G5) is Ziping's formula: 县民政局's typed 3 is listed, not written.
    expect(json.ignored).toEqual([
      expect.objectContaining({
        unit: "县民政局",
        sheet: SHEET,
        cell: "G5",
        indicator: "1.3",
        reason: expect.stringContaining("由公式计算"),
      }),
    ]);
  });

  test("the county's workbook: values in place, formulas computing from the units' answers", async () => {
    const all = await grids(out);
    expect([at(all, SHEET, "H2"), at(all, SHEET, "I2")]).toEqual(["完成情况", "佐证材料"]);
    expect([at(all, SHEET, "H3"), at(all, SHEET, "I3"), at(all, SHEET, "H4"), at(all, SHEET, "I4")]).toEqual([
      MINZHENG_1_1,
      MINZHENG_1_1_EVIDENCE,
      null,
      BUDGET_EVIDENCE,
    ]);
    // 1.1: 1.1.a 2 + 1.1.c 1 = 3 (1.1.b unanswered); 3.3 (row 12): 3.3.a 1 + 月探访率 100/100 ≥ 100% 1 = 2.
    expect([at(all, SHEET, "G3"), at(all, SHEET, "G12"), at(all, SHEET, "G5")]).toEqual([3, 2, 0]);
    const s = await ziping("score", out, "--json");
    expect(s.json()).toMatchObject({ rubric: { id: "weishan-2023" }, total: 5, max: 100 });
  });

  test("the 进度 sheet and JSON: per unit, and the units still owing each indicator", async () => {
    const { units: perUnit, indicators } = r.json().progress;
    const row = (unit: string) => perUnit.find((u: { unit: string }) => u.unit === unit);
    // Assigned rows from 微山's 责任单位 column (牵头 or 责任): 县民政局 31, 县财政局 9, 各乡镇（街道） 23, 县卫生健康局 7.
    expect(row("县民政局")).toEqual({
      unit: "县民政局",
      assigned: 31,
      returned: 30,
      answered: 2,
      evidence: 1,
      owing: 29,
      file: "县民政局.xlsx",
      modified: "2023-10-12 09:30",
    });
    expect(row("县财政局")).toEqual({
      unit: "县财政局",
      assigned: 9,
      returned: 9,
      answered: 1,
      evidence: 1,
      owing: 8,
      file: "县财政局.xlsx",
      modified: "2023-10-13 16:05",
    });
    expect(row("各乡镇（街道）")).toEqual({
      unit: "各乡镇（街道）",
      assigned: 23,
      returned: 23,
      answered: 0,
      evidence: 1,
      owing: 23,
      file: "各乡镇（街道）.xlsx",
      modified: "2023-10-14 11:00",
    });
    expect(row("县卫生健康局")).toEqual({
      unit: "县卫生健康局",
      assigned: 7,
      returned: 0,
      answered: 0,
      evidence: 0,
      owing: 7,
      file: null,
      modified: null,
    });
    const owing = (id: string) => indicators.find((i: { indicator: string }) => i.indicator === id).owing;
    // 1.1: 牵头 县民政局 (answered), 责任 县领导小组各成员单位; 1.2: 牵头 县财政局, 责任 县民政局、各乡镇（街道）;
    // 7.1: 县民政局 deleted the row, 各乡镇（街道） and 县领导小组成员单位 typed nothing.
    expect(owing("1.1")).toEqual(["县领导小组各成员单位"]);
    expect(owing("1.2")).toEqual(["各乡镇（街道）"]);
    expect(owing("7.1")).toEqual(["县民政局", "各乡镇（街道）", "县领导小组成员单位"]);
    const all = await grids(out);
    expect([at(all, "进度", "A1"), at(all, "进度", "F1")]).toEqual(["单位", "尚未填报"]);
    // 进度 lists the units in order of first appearance: 县民政局 first, 县领导小组各成员单位 second.
    expect([
      at(all, "进度", "A2"),
      at(all, "进度", "B2"),
      at(all, "进度", "D2"),
      at(all, "进度", "F2"),
      at(all, "进度", "G2"),
      at(all, "进度", "H2"),
    ]).toEqual(["县民政局", 31, 2, 29, "县民政局.xlsx", "2023-10-12 09:30"]);
    const progress = all.find((g) => g.sheet === "进度")!;
    const owingRow = progress.values.findIndex((v) => v[0] === "1.2");
    expect(progress.values[owingRow][4]).toBe("各乡镇（街道）");
    // What the workbook records gives the same progress when read back (the pane's 进度 view).
    const target = unitSheet(recognizeWorkbook(all, builtinRubrics), undefined)!;
    expect(readProgress(all, target.layout, target.match)).toEqual({ ...r.json().progress, merged: true });
  });

  (hasEngines() ? test : test.skip)(
    "LibreOffice and Gnumeric recompute every formula of the merged workbook to its saved value",
    async () => {
      const { formulas, differences } = await staleResults(out);
      expect(formulas).toBeGreaterThan(100);
      expect(differences).toEqual([]);
    }
  );

  test("a second round adds up: a unit's newer file updates its cells; the county's typed value is kept, --overwrite replaces it", async () => {
    // The county types 1.3's 完成情况 (H5) in the merged workbook.
    const typed = join(dir, "汇总-县里填写.xlsx");
    const wb = await readWorkbook(readFileSync(out));
    applyPlan(wb, {
      ops: [{ op: "set", sheet: SHEET, cell: "H5", value: "县里填写：已列入县委县政府综合考核" }],
      summary: [],
      kept: [],
    });
    writeFileSync(typed, await writeWorkbook(wb));
    // 县民政局 sends a newer file under another name: 1.1 updated, 1.3 完成情况 typed.
    const round2 = join(dir, "第二轮");
    mkdirSync(round2);
    const newer = join(round2, "县民政局-更新.xlsx");
    copyFileSync(join(units, "县民政局.xlsx"), newer);
    await edit(newer, new Date(2023, 9, 20, 10, 0), (w) => {
      const ws = w.getWorksheet(SHEET)!;
      ws.getCell("I" + rowOf(ws, "1．建立党委政府领导")).value = MINZHENG_1_1 + "（已更新）";
      ws.getCell("I" + rowOf(ws, "3．将养老服务内容")).value = "民政局填写：已列入考核";
    });
    const second = await ziping("merge", typed, newer, "-o", join(dir, "汇总2.xlsx"), "--json");
    const json = second.json();
    expect(json.written.map((w: { cell: string; value: string }) => [w.cell, w.value])).toEqual([
      ["H3", MINZHENG_1_1 + "（已更新）"],
    ]);
    expect(json.kept).toEqual([
      expect.objectContaining({
        sheet: SHEET,
        cell: "H5",
        indicator: "1.3",
        unit: "县民政局",
        value: "民政局填写：已列入考核",
        county: "县里填写：已列入县委县政府综合考核",
      }),
    ]);
    // The first round's conflict stands: 县财政局's 1.2 is remembered, not forgotten because its file is absent.
    expect(json.conflicts.map((c: { cell: string }) => c.cell)).toEqual(["H4"]);
    const progress = (unit: string) => json.progress.units.find((u: { unit: string }) => u.unit === unit);
    expect(progress("县民政局")).toMatchObject({
      answered: 3,
      file: "县民政局-更新.xlsx",
      modified: "2023-10-20 10:00",
    });
    expect(progress("县财政局")).toMatchObject({ answered: 1, evidence: 1, file: "县财政局.xlsx" });
    const over = await ziping("merge", typed, newer, "-o", join(dir, "汇总3.xlsx"), "--overwrite", "--json");
    expect(over.json().kept).toEqual([]);
    expect(at(await grids(join(dir, "汇总3.xlsx")), SHEET, "H5")).toBe("民政局填写：已列入考核");
    // Merging the same files again writes nothing new.
    const again = await ziping("merge", join(dir, "汇总3.xlsx"), newer, "-o", join(dir, "汇总4.xlsx"), "--json");
    expect(again.json().written).toEqual([]);
    expect(again.json().kept).toEqual([]);
  });

  test("a fill after the merge keeps what the merge recorded: a unit's update is still the unit's, not the county's", async () => {
    const refilled = join(dir, "汇总-重新填充.xlsx");
    expect((await ziping("fill", out, "-o", refilled)).code).toBe(0);
    const same = await ziping("merge", refilled, units, "-o", join(dir, "汇总5.xlsx"), "--json");
    expect([same.json().written, same.json().kept]).toEqual([[], []]);
    // 县民政局's newer file (the second round's) changes 1.1 (H3), which the first merge wrote: written, not
    // kept as the county's; and types 1.3 (H5), blank here: written.
    const newer = join(dir, "第二轮", "县民政局-更新.xlsx");
    const update = await ziping("merge", refilled, newer, "-o", join(dir, "汇总6.xlsx"), "--json");
    expect(
      update
        .json()
        .written.map((w: { cell: string }) => w.cell)
        .sort()
    ).toEqual(["H3", "H5"]);
    expect(update.json().kept.map((k: { cell: string }) => k.cell)).toEqual([]);
  });

  test("the output is never an input; wrong arguments: exit 2", async () => {
    const same = await ziping("merge", county, units, "-o", join(units, "县财政局.xlsx"));
    expect([same.code, same.err]).toEqual([
      2,
      "输出文件就是输入文件：" + join(units, "县财政局.xlsx") + "。自评助手从不改写输入文件，请另选输出位置\n",
    ]);
    expect((await ziping("merge", county, units, "-o", county)).code).toBe(2);
    expect((await ziping("merge", county, "-o", join(dir, "x.xlsx"))).err).toContain("各单位报送的文件");
    const noUnits = await ziping("merge", join(SAMPLES, "曹县-评分细则.xlsx"), units, "-o", join(dir, "y.xlsx"));
    expect([noUnits.code, noUnits.err]).toEqual([
      1,
      "无法合并：工作表“评分细则”没有牵头单位或责任单位列，不是拆分过的任务分解表。\n",
    ]);
  });
});

describe("merge on a table never filled", () => {
  test("微山's own 任务分解表: a unit's 完成情况 lands in a new column; no 自评依据 to carry", async () => {
    const plain = join(dir, "plain");
    mkdirSync(plain);
    expect((await ziping("split", join(SAMPLES, "微山县-任务分解表.xlsx"), "-o", plain)).code).toBe(0);
    // The unit file: A–F as the county's table, G 本单位职责, H 完成情况, I 佐证材料; 县委宣传部 has 4.4 only.
    await edit(join(plain, "县委宣传部.xlsx"), new Date(2023, 9, 15, 8, 0), (wb) => {
      wb.getWorksheet(SHEET)!.getCell("H2").value = "已在县融媒体开设助老食堂宣传专栏";
    });
    const r = await ziping(
      "merge",
      join(SAMPLES, "微山县-任务分解表.xlsx"),
      plain,
      "-o",
      join(dir, "plain.xlsx"),
      "--json"
    );
    expect(r.code).toBe(0);
    // 4.4 is the county's row 21 (1.1 on row 3); the table ends at F, so 完成情况 is G.
    expect(r.json().written.map((w: { cell: string; units: string[] }) => [w.cell, w.units])).toEqual([
      ["G21", ["县委宣传部"]],
    ]);
    const all = await grids(join(dir, "plain.xlsx"));
    expect([at(all, SHEET, "G2"), at(all, SHEET, "G21")]).toEqual(["完成情况", "已在县融媒体开设助老食堂宣传专栏"]);
  });
});
