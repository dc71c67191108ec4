/** @jest-environment jsdom */
/**
 * 合并各单位报送 and 进度 in the pane, against a fake host over the county's workbook: the 微山
 * 任务分解表 filled and split by the CLI, two units' returns edited as another program would
 * (exceljs), one file with its sheet renamed and one that is no workbook — picked as File objects.
 * Nothing is applied before 确定; the plan applied is the core's merge plan for the same files;
 * conflicts and files not merged are listed; the 进度 view gives the CLI's figures for the same
 * files, and gives them again when the merged workbook is opened anew; 覆盖 replaces what the
 * county typed, only when chosen.
 */
import * as React from "react";
import { mkdtempSync, readFileSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as ExcelJS from "exceljs";
import { act, configure, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { applyPlan, readWorkbook, writeWorkbook } from "../../../src/adapters/xlsx/index";
import { buildMergePlan, formatModified, type UnitFile } from "../../../src/plan/merge";
import { unitFigures, unitLastFile } from "../../../src/plan/mergeText";
import { unitSheet } from "../../../src/plan/split";
import { builtinRubrics } from "../../../src/rubric/builtin/index";
import App from "../../../src/taskpane/components/App";
import { analyze } from "../../../src/taskpane/model/analyze";
import { readReturns } from "../../../src/taskpane/model/returns";
import { ziping } from "../../cli/run";
import { fakeHost, type FakeHost } from "./fakeHost";
import { dialogClosed } from "./jsdomShims";
import { edit, keyedRow, rowOf } from "../../support/unitReturns";

configure({ asyncUtilTimeout: 10000 });

const SAMPLES = join(__dirname, "..", "..", "..", "assets", "samples");
const SHEET = "任务分解表";

// Texts the units type (made up for the test), as tests/cli/merge.test.ts.
const MINZHENG_1_1 = "已建立联席会议制度，县长任召集人";
const MINZHENG_1_1_EVIDENCE = "联席会议纪要";
const MINZHENG_1_2 = "已配合县财政局编制养老服务经费预算";
const CAIZHENG_1_2 = "2023年县级财政预算安排养老服务发展资金500万元";
const BUDGET_EVIDENCE = "2023年县级财政预算批复";

let dir: string;
let county: string;
let units: string;
/** The returns picked, in the order the user picked them (not name order). */
const PICKED = ["县财政局.xlsx", "县民政局.xlsx", "县卫生健康局.xlsx", "县应急局.xlsx"];

/** A file as the browser's file picker gives it: name, bytes, modified time. */
function picked(path: string, name: string): File {
  const bytes = readFileSync(path);
  const file = new File([bytes], name, { lastModified: statSync(path).mtime.getTime() });
  // jsdom's Blob has no arrayBuffer(): the bytes as a browser would give them.
  Object.defineProperty(file, "arrayBuffer", {
    value: async () => bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength),
  });
  return file;
}

function pickedReturns(dirOf: string, names: readonly string[]): File[] {
  return names.map((n) => picked(join(dirOf, n), n));
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "ziping-pane-merge-"));
  county = join(dir, "微山-自评.xlsx");
  units = join(dir, "各单位");
  expect((await ziping("fill", join(SAMPLES, "微山县-任务分解表.xlsx"), "-o", county)).code).toBe(0);
  expect((await ziping("split", county, "--by", "unit", "-o", units)).code).toBe(0);
  // 县民政局 (31 rows, sheet rows 2–32; I 完成情况, J 佐证材料): 1.1 完成情况 and 佐证材料; 1.2 完成情况
  // (县财政局 types another: a conflict); 自评依据 1.1.a 是; the 7.1 row deleted.
  await edit(join(units, "县民政局.xlsx"), new Date(2023, 9, 12, 9, 30), (wb) => {
    const ws = wb.getWorksheet(SHEET)!;
    ws.getCell("I" + rowOf(ws, "1．建立党委政府领导")).value = MINZHENG_1_1;
    ws.getCell("J" + rowOf(ws, "1．建立党委政府领导")).value = MINZHENG_1_1_EVIDENCE;
    ws.getCell("I" + rowOf(ws, "2．将养老服务经费")).value = MINZHENG_1_2;
    ws.spliceRows(rowOf(ws, "鼓励各地结合自身实际"), 1);
    const evidence = wb.getWorksheet("自评依据")!;
    evidence.getCell("E" + keyedRow(evidence, "1.1.a")).value = "是";
  });
  // 县财政局 (9 rows): 1.2 完成情况 and 佐证材料.
  await edit(join(units, "县财政局.xlsx"), new Date(2023, 9, 13, 16, 5), (wb) => {
    const ws = wb.getWorksheet(SHEET)!;
    ws.getCell("I" + rowOf(ws, "2．将养老服务经费")).value = CAIZHENG_1_2;
    ws.getCell("J" + rowOf(ws, "2．将养老服务经费")).value = BUDGET_EVIDENCE;
  });
  // 县卫生健康局 renamed its sheet; 县应急局's "workbook" is not one.
  await edit(join(units, "县卫生健康局.xlsx"), new Date(2023, 9, 14, 12, 0), (wb) => {
    wb.getWorksheet(SHEET)!.name = "卫健局报送";
  });
  writeFileSync(join(units, "县应急局.xlsx"), "这不是工作簿");
});

async function renderApp(host: FakeHost) {
  const view = render(<App host={host} rubrics={builtinRubrics} />);
  await screen.findByText("已匹配 31 / 31 个二级指标");
  return view;
}

function pick(files: File[]) {
  fireEvent.change(screen.getByLabelText("选择各单位报送的文件（.xlsx，可多选）"), { target: { files } });
}

/** The core's merge of the same files, read as `ziping merge` reads them (name order, modified time). */
async function coreMerge(host: FakeHost, dirOf: string, names: readonly string[], overwrite = false) {
  const grids = host.workbook.grids();
  const a = analyze(grids, builtinRubrics);
  const target = unitSheet(a.sheets, a.primary)!;
  const files: UnitFile[] = [];
  for (const name of names.slice().sort()) {
    try {
      const wb = await readWorkbook(readFileSync(join(dirOf, name)));
      files.push({ file: name, modified: formatModified(statSync(join(dirOf, name)).mtime), grids: wb.grids() });
    } catch {
      // Unreadable: listed by the pane, not part of the plan.
    }
  }
  return buildMergePlan(grids, target.layout, target.match, files, { overwrite });
}

function unitItem(unit: string): HTMLElement {
  const list = screen.getByRole("list", { name: "各单位报送进度" });
  return within(list)
    .getAllByRole("listitem")
    .find((li) => li.querySelector("strong")?.textContent === unit)!;
}

describe("the returns as picked", () => {
  test("read in name order with their modified time; a lock file, the open workbook and a non-workbook set aside", async () => {
    const files = pickedReturns(units, ["县民政局.xlsx", "县财政局.xlsx"]).concat(
      picked(join(units, "县民政局.xlsx"), "~$县民政局.xlsx"),
      picked(county, "微山-自评.xlsx"),
      picked(join(units, "县应急局.xlsx"), "县应急局.xlsx")
    );
    const read = await readReturns(files, "微山-自评.xlsx");
    // "县民政局" < "县财政局" in code-unit order (民 U+6C11, 财 U+8D22), as `ziping merge` sorts a folder.
    expect(read.files.map((f) => [f.file, f.modified])).toEqual([
      ["县民政局.xlsx", "2023-10-12 09:30"],
      ["县财政局.xlsx", "2023-10-13 16:05"],
    ]);
    expect(read.unreadable.map((u) => u.file)).toEqual(["~$县民政局.xlsx", "县应急局.xlsx", "微山-自评.xlsx"].sort());
    expect(read.unreadable.find((u) => u.file === "微山-自评.xlsx")!.reason).toBe(
      "这是县里的工作簿本身，不是单位报送的文件，未合并"
    );
    expect(read.unreadable.find((u) => u.file === "~$县民政局.xlsx")!.reason).toContain("临时文件");
    expect(read.unreadable.find((u) => u.file === "县应急局.xlsx")!.reason).toMatch(/^无法读取文件：.*，未合并$/);
  });
});

describe("合并各单位报送", () => {
  test("says what it will write, lists the conflict and the files not merged; applies the core's plan on 确定 only", async () => {
    const host = await fakeHost(county);
    await renderApp(host);
    const expected = await coreMerge(host, units, PICKED);
    pick(pickedReturns(units, PICKED));

    const dialog = await screen.findByRole("dialog", { hidden: true });
    // 2 units merged (县民政局, 县财政局); written: H3, I3 (1.1), I4 (1.2's 佐证材料, 县财政局), 自评依据!E2 (1.1.a).
    expect(
      await within(dialog).findByText("将合并 2 个单位的报送，写入 4 个单元格（所选文件均不改动）。")
    ).toBeTruthy();
    expect(expected.written.map((w) => w.sheet + "!" + w.cell).sort()).toEqual(
      ["任务分解表!H3", "任务分解表!I3", "任务分解表!I4", "自评依据!E2"].sort()
    );
    for (const line of expected.plan.summary) expect(within(dialog).getByText(line)).toBeTruthy();
    // The conflict: 1.2's 完成情况 (H4), the two units' texts, in the CLI's words.
    const conflicts = within(dialog).getByRole("region", { hidden: true, name: "冲突" });
    expect(
      within(conflicts).getByText(
        "任务分解表!H4 1.2 完成情况：县民政局“" + MINZHENG_1_2 + "”；县财政局“" + CAIZHENG_1_2 + "”"
      )
    ).toBeTruthy();
    const rejected = within(dialog).getByRole("region", { hidden: true, name: "未合并的文件" });
    expect(within(rejected).getByText(/^未合并 县卫生健康局.xlsx：没有名为“任务分解表”的工作表/)).toBeTruthy();
    expect(within(rejected).getByText(/^未合并 县应急局.xlsx：.*未合并$/)).toBeTruthy();
    // 县民政局 deleted its 7.1 row (the county's row 33).
    expect(
      within(dialog).getByText(
        "县民政局：县民政局.xlsx（2023-10-12 09:30），报送 30 行；文件中缺少分给本单位的 1 行：第 33 行（7.1）"
      )
    ).toBeTruthy();
    expect(within(dialog).queryByRole("button", { hidden: true, name: "覆盖县里已填写的内容" })).toBeNull();
    expect(host.apply).not.toHaveBeenCalled();

    await act(async () => {
      fireEvent.click(within(dialog).getByRole("button", { hidden: true, name: "确定" }));
    });
    await dialogClosed();
    expect(host.apply).toHaveBeenCalledTimes(1);
    expect((host.apply as jest.Mock).mock.calls[0][0]).toEqual(expected.plan);
    // The workbook now holds the units' values; the conflict's cell is left blank.
    const after = host.workbook.grids().find((g) => g.sheet === SHEET)!;
    expect([after.values[2][7], after.values[2][8], after.values[3][7], after.values[3][8]]).toEqual([
      MINZHENG_1_1,
      MINZHENG_1_1_EVIDENCE,
      null,
      BUDGET_EVIDENCE,
    ]);

    // 进度 is shown, with the merge's conflict, a click away from its cell.
    expect(screen.getByRole("tab", { name: "进度" }).getAttribute("aria-selected")).toBe("true");
    const last = await screen.findByRole("region", { name: "本次合并" });
    expect(within(last).getByText(/已合并 2 个单位的报送，写入 4 个单元格；冲突 1 处；未合并的文件 2 个/)).toBeTruthy();
    fireEvent.click(within(last).getByRole("button", { name: "任务分解表!H4" }));
    await waitFor(() => expect(host.selected).toEqual([[SHEET, "H4"]]));
  });

  test("取消 applies nothing", async () => {
    const host = await fakeHost(county);
    await renderApp(host);
    pick(pickedReturns(units, ["县财政局.xlsx"]));
    const dialog = await screen.findByRole("dialog", { hidden: true });
    // 县财政局 alone: 1.2's 完成情况 (H4) and 佐证材料 (I4), no conflict without 县民政局.
    await within(dialog).findByText("将合并 1 个单位的报送，写入 2 个单元格（所选文件均不改动）。");
    fireEvent.click(within(dialog).getByRole("button", { hidden: true, name: "取消" }));
    await dialogClosed();
    expect(host.apply).not.toHaveBeenCalled();
  });

  test("files none of which can be merged: said, 确定 disabled, nothing written", async () => {
    const host = await fakeHost(county);
    await renderApp(host);
    pick(pickedReturns(units, ["县卫生健康局.xlsx"]).concat(picked(join(SAMPLES, "曹县-评分细则.xlsx"), "曹县.docx")));
    const dialog = await screen.findByRole("dialog", { hidden: true });
    expect(await within(dialog).findByText("所选的 2 个文件都不能合并。")).toBeTruthy();
    expect(within(dialog).getByText(/^未合并 曹县.docx：不是 .xlsx 工作簿/)).toBeTruthy();
    expect(within(dialog).getByText(/没有可以合并的单位报送/)).toBeTruthy();
    expect((within(dialog).getByRole("button", { hidden: true, name: "确定" }) as HTMLButtonElement).disabled).toBe(
      true
    );
    fireEvent.click(within(dialog).getByRole("button", { hidden: true, name: "取消" }));
    await dialogClosed();
    expect(host.apply).not.toHaveBeenCalled();
  });

  test("a table without 牵头单位/责任单位: the action is off, with why; no 进度 tab", async () => {
    const host = await fakeHost(join(SAMPLES, "曹县-评分细则.xlsx"));
    render(<App host={host} rubrics={builtinRubrics} />);
    await screen.findByText(/已匹配 31 \/ 31 个/);
    const button = screen.getByRole("button", { name: "合并各单位报送" });
    expect(button.getAttribute("aria-disabled")).toBe("true");
    expect(document.getElementById(button.getAttribute("aria-describedby")!)!.textContent).toBe(
      "“评分细则”没有牵头单位或责任单位列，无法按责任单位拆分，也无法合并各单位报送。"
    );
    expect(screen.queryByRole("tab", { name: "进度" })).toBeNull();
  });
});

describe("进度", () => {
  let merged: Buffer;

  test("per unit and per indicator, the CLI's figures for the same files (hand-checked for two units)", async () => {
    const host = await fakeHost(county);
    await renderApp(host);
    pick(pickedReturns(units, PICKED));
    const dialog = await screen.findByRole("dialog", { hidden: true });
    await within(dialog).findByText(/将合并 2 个单位的报送/);
    await act(async () => {
      fireEvent.click(within(dialog).getByRole("button", { hidden: true, name: "确定" }));
    });
    await dialogClosed();
    await screen.findByRole("list", { name: "各单位报送进度" });

    // By hand (tests/cli/merge.test.ts: 微山's 责任单位 column gives 县民政局 31 rows, 县财政局 9):
    // 县民政局 returned 30 (7.1 deleted), 完成情况 on 1.1 and 1.2, 佐证材料 on 1.1 → owes 29;
    // 县财政局 returned 9, 完成情况 and 佐证材料 on 1.2 → owes 8; 县卫生健康局's file was not merged.
    expect(unitItem("县民政局").textContent).toBe(
      "县民政局分到 31 行，报送 30 行，已填完成情况 2 行，有佐证材料 1 行，尚未填报 29 行最后合并：县民政局.xlsx（2023-10-12 09:30）"
    );
    expect(unitItem("县财政局").textContent).toBe(
      "县财政局分到 9 行，报送 9 行，已填完成情况 1 行，有佐证材料 1 行，尚未填报 8 行最后合并：县财政局.xlsx（2023-10-13 16:05）"
    );
    expect(unitItem("县卫生健康局").textContent).toBe(
      "县卫生健康局分到 7 行，报送 0 行，已填完成情况 0 行，有佐证材料 0 行，尚未填报 7 行未报送"
    );
    // 21 units in 微山's table; 2 have reported.
    expect(screen.getByText("“任务分解表”分到 21 个单位，已报送 2 个，尚未报送 19 个。")).toBeTruthy();
    // 1.2: 牵头 县财政局, 责任 县民政局、各乡镇（街道）: only 各乡镇（街道） still owes it.
    const owing = screen.getByRole("list", { name: "尚未填报的指标" });
    expect(within(owing).getByText(/1\.2$/).closest("li")!.textContent).toMatch(/：各乡镇（街道）$/);
    expect(within(owing).getByText(/1\.1$/).closest("li")!.textContent).toMatch(/：县领导小组各成员单位$/);

    // The CLI on the same files: every unit's line as the pane shows it.
    const cli = await ziping(
      "merge",
      county,
      ...PICKED.slice()
        .sort()
        .map((n) => join(units, n)),
      "-o",
      join(dir, "汇总.xlsx"),
      "--json"
    );
    const json = cli.json();
    expect(json.progress.units).toHaveLength(21);
    for (const u of json.progress.units)
      expect(unitItem(u.unit).textContent).toBe(u.unit + unitFigures(u) + unitLastFile(u));
    const owingIds = json.progress.indicators
      .filter((i: { owing: string[] }) => i.owing.length)
      .map((i: { indicator: string }) => i.indicator);
    expect(within(owing).getAllByRole("listitem")).toHaveLength(owingIds.length);
    merged = Buffer.from(await writeWorkbook(host.workbook));
  });

  test("read from the workbook: the merged file opened anew shows the same progress", async () => {
    const file = join(dir, "合并后.xlsx");
    writeFileSync(file, merged);
    const host = await fakeHost(file);
    await renderApp(host);
    fireEvent.click(screen.getByRole("tab", { name: "进度" }));
    await screen.findByRole("list", { name: "各单位报送进度" });
    expect(unitItem("县民政局").textContent).toBe(
      "县民政局分到 31 行，报送 30 行，已填完成情况 2 行，有佐证材料 1 行，尚未填报 29 行最后合并：县民政局.xlsx（2023-10-12 09:30）"
    );
    expect(screen.getByText("“任务分解表”分到 21 个单位，已报送 2 个，尚未报送 19 个。")).toBeTruthy();
    // This pane merged nothing: no 本次合并, and the workbook's 进度 sheet is there.
    expect(screen.queryByRole("region", { name: "本次合并" })).toBeNull();
    expect(host.workbook.grids().some((g) => g.sheet === "进度")).toBe(true);
  });

  test("before any merge: every unit still owes its rows, and how to merge is said", async () => {
    const host = await fakeHost(county);
    await renderApp(host);
    fireEvent.click(screen.getByRole("tab", { name: "进度" }));
    expect(await screen.findByText(/还没有合并过各单位报送/)).toBeTruthy();
    expect(unitItem("县财政局").textContent).toBe(
      "县财政局分到 9 行，报送 0 行，已填完成情况 0 行，有佐证材料 0 行，尚未填报 9 行未报送"
    );
    // Every one of the 31 rows has units: all 31 owed.
    expect(screen.getByText("31 项指标尚有单位未填报")).toBeTruthy();
  });

  test("a second round: the county's typed 完成情况 is kept; 覆盖 replaces it with the unit's", async () => {
    // The merged workbook, in which the county typed 1.3's 完成情况 (H5).
    const wb = await readWorkbook(merged);
    applyPlan(wb, {
      ops: [{ op: "set", sheet: SHEET, cell: "H5", value: "县里填写：已列入综合考核" }],
      summary: [],
      kept: [],
    });
    const file = join(dir, "县里填写.xlsx");
    writeFileSync(file, await writeWorkbook(wb));
    // 县民政局's newer file types 1.3's 完成情况.
    const round2 = mkdtempSync(join(dir, "第二轮-"));
    const newer = join(round2, "县民政局-更新.xlsx");
    writeFileSync(newer, readFileSync(join(units, "县民政局.xlsx")));
    await edit(newer, new Date(2023, 9, 20, 10, 0), (w) => {
      const ws = w.getWorksheet(SHEET)!;
      ws.getCell("I" + rowOf(ws, "3．将养老服务内容")).value = "民政局填写：已列入考核";
    });
    const host = await fakeHost(file);
    await renderApp(host);
    const keep = await coreMerge(host, round2, ["县民政局-更新.xlsx"]);
    const over = await coreMerge(host, round2, ["县民政局-更新.xlsx"], true);
    pick(pickedReturns(round2, ["县民政局-更新.xlsx"]));
    const dialog = await screen.findByRole("dialog", { hidden: true });
    const kept = await within(dialog).findByRole("region", { hidden: true, name: "保留不改" });
    expect(
      within(kept).getByText(
        "任务分解表!H5：县里已填写“县里填写：已列入综合考核”，保留未改（县民政局报送“民政局填写：已列入考核”）"
      )
    ).toBeTruthy();
    expect(
      within(kept).getByText("选择“覆盖县里已填写的内容”，这 1 处改为单位报送的内容（县里原填写的内容不再保留）。")
    ).toBeTruthy();
    expect(host.apply).not.toHaveBeenCalled();
    await act(async () => {
      fireEvent.click(within(dialog).getByRole("button", { hidden: true, name: "覆盖县里已填写的内容" }));
    });
    await dialogClosed();
    expect(host.apply).toHaveBeenCalledTimes(1);
    expect((host.apply as jest.Mock).mock.calls[0][0]).toEqual(over.plan);
    expect(over.plan).not.toEqual(keep.plan);
    expect(host.workbook.grids().find((g) => g.sheet === SHEET)!.values[4][7]).toBe("民政局填写：已列入考核");
    // 县民政局 now: 1.1, 1.2 and 1.3 answered, its newer file the last merged.
    expect(unitItem("县民政局").textContent).toBe(
      "县民政局分到 31 行，报送 30 行，已填完成情况 3 行，有佐证材料 1 行，尚未填报 28 行最后合并：县民政局-更新.xlsx（2023-10-20 10:00）"
    );
  });
});
