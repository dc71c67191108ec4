/**
 * Applying a WorkbookPlan with the Office adapter, over office-addin-mock: the number of syncs is
 * the same for 10 and 1 000 `set` ops and follows bytes beyond ~4 MB; every op kind maps to the
 * Office.js call it should; ops needing a missing requirement set are skipped with counts and
 * Chinese notes; our own writes are fenced (isApplying, enableEvents); failures are Chinese.
 */
import { applyPlan, CHUNK_BYTES, INPUT_FILL, isApplying, OfficeActionError } from "../../../src/adapters/office";
import { CAPABILITY_NOTES } from "../../../src/adapters/office/capabilities";
import { jsonBytes } from "../../../src/adapters/blocks";
import type { PlanOp, WorkbookPlan } from "../../../src/plan/plan";
import { a1 } from "../../../src/sheet/grid";
import { FakeExcel, type FakeOptions, type SheetSpec, usedOf } from "./fakeExcel";

const SHEETS: SheetSpec[] = [
  { name: "评分细则", used: usedOf(0, 0, [["类别", "指标", "分值", "自评得分"]]) },
  { name: "自评依据" },
];

function plan(ops: PlanOp[]): WorkbookPlan {
  return { ops, summary: [], kept: [] };
}

function install(options: FakeOptions = {}, sheets: SheetSpec[] = SHEETS): FakeExcel {
  return new FakeExcel(sheets, options).install();
}

/** `n` rows of an evidence table: id, text, an input cell, a formula. */
function setOps(n: number): PlanOp[] {
  const ops: PlanOp[] = [];
  for (let r = 1; r <= n; r++) {
    ops.push({ op: "set", sheet: "自评依据", cell: "A" + r, value: "1." + r });
    ops.push({ op: "set", sheet: "自评依据", cell: "B" + r, value: "指标" + r, style: { wrap: true } });
    ops.push({ op: "set", sheet: "自评依据", cell: "C" + r, value: null, style: { input: true } });
    ops.push({ op: "set", sheet: "自评依据", cell: "D" + r, formula: `IF(C${r}="是",2,0)`, result: 0 });
  }
  return ops;
}

afterEach(() => FakeExcel.uninstall());

describe("applyPlan: syncs", () => {
  it("costs the same syncs for 10 and 1 000 set ops, at most 3", async () => {
    const small = install();
    await applyPlan(plan(setOps(10).slice(0, 10)));
    const large = install();
    const result = await applyPlan(plan(setOps(250)));
    expect(small.syncs).toBe(1);
    expect(large.syncs).toBe(small.syncs);
    expect(result.syncs).toBe(1);
    expect(result.applied).toBe(1000);

    // Adding a sheet looks the sheet names up first: one more sync, still constant.
    const withSheet = install();
    await applyPlan(plan([{ op: "addSheet", sheet: "指标数据" }, ...setOps(250)]));
    expect(withSheet.syncs).toBe(2);
  });

  it("writes the set ops as rectangles, formulas as formulas, text that Excel would parse with a quote", async () => {
    const fake = install();
    await applyPlan(plan(setOps(250)));
    const writes = fake.ranges.filter((r) => Array.isArray(r.range.formulas));
    // One block A1:D250 (four columns in every row).
    expect(writes.map((w) => w.address)).toEqual(["A1:D250"]);
    const cells = fake.written("自评依据");
    expect(cells.get("A1")).toBe("'1.1"); // "1.1" would become a number
    expect(cells.get("B7")).toBe("指标7");
    expect(cells.get("C3")).toBe(""); // null clears the cell
    expect(cells.get("D250")).toBe('=IF(C250="是",2,0)'); // the cached result is Excel's to compute
    // Styles grouped the same way: wrap on B1:B250, the input fill and unlocking on C1:C250.
    const [wrap] = fake.rangesAt("自评依据", "B1:B250");
    expect(wrap.range.format.wrapText).toBe(true);
    const [input] = fake.rangesAt("自评依据", "C1:C250");
    expect(input.range.format.fill.color).toBe(INPUT_FILL);
    expect(input.range.format.protection.locked).toBe(false);
  });

  it("syncs once per ~4 MB chunk: ~10 MB in 3 syncs, whether in many short rows or few long ones", async () => {
    const text = (n: number, i: number) => String(i % 10).repeat(n);
    const bytesOf = (p: WorkbookPlan) => p.ops.reduce((s, op) => s + (op.op === "set" ? jsonBytes(op.value) : 0), 0);

    // 2 500 rows × 4 cells × ~1 000 characters.
    const manyRows = plan(
      Array.from({ length: 2500 * 4 }, (_, i): PlanOp => ({
        op: "set",
        sheet: "自评依据",
        cell: a1(Math.floor(i / 4), i % 4),
        value: "文" + text(1000, i),
      }))
    );
    // 40 rows × 4 cells × ~62 500 characters... over Excel's 32 767: 80 rows × 4 × 31 000.
    const fewRows = plan(
      Array.from({ length: 80 * 4 }, (_, i): PlanOp => ({
        op: "set",
        sheet: "自评依据",
        cell: a1(Math.floor(i / 4), i % 4),
        value: "文" + text(31000, i),
      }))
    );
    for (const p of [manyRows, fewRows]) {
      const size = bytesOf(p);
      expect(size).toBeGreaterThan(9.5e6);
      expect(size).toBeLessThan(10.5e6);
      const fake = install();
      const result = await applyPlan(p);
      expect(fake.syncs).toBe(3);
      expect(result.syncs).toBe(3);
      // Every request stays under the chunk, and every cell was written once.
      const perBatch = new Map<number, number>();
      for (const r of fake.ranges)
        if (Array.isArray(r.range.formulas))
          perBatch.set(r.batch, (perBatch.get(r.batch) || 0) + jsonBytes(r.range.formulas));
      expect(perBatch.size).toBe(3);
      for (const bytes of perBatch.values()) expect(bytes).toBeLessThanOrEqual(CHUNK_BYTES);
      expect(fake.written("自评依据").size).toBe(p.ops.length);
    }

    // Twice the bytes, twice the chunks (and a few cells are the same count of syncs as ever).
    const twice = install();
    await applyPlan(plan([...manyRows.ops, ...manyRows.ops.map((op) => ({ ...op, sheet: "评分细则" }))]));
    expect(twice.syncs).toBe(5);
  });
});

describe("applyPlan: every op kind", () => {
  const full = plan([
    { op: "addSheet", sheet: "指标数据", columnWidths: [6, 16] },
    { op: "addSheet", sheet: "_ziping", hidden: true },
    { op: "addSheet", sheet: "自评依据", columnWidths: [10] },
    { op: "clearSheet", sheet: "自评依据" },
    {
      op: "set",
      sheet: "自评依据",
      cell: "A1",
      value: "项目",
      style: { bold: true, fill: "#DDEBF7", align: "center" },
    },
    { op: "set", sheet: "自评依据", cell: "B1", value: 0.65, style: { numberFormat: "0%" } },
    { op: "set", sheet: "自评依据", cell: "C1", value: "是", style: { input: true, fill: "#FFFFFF" } },
    { op: "set", sheet: "评分细则", cell: "E2", value: "1.1", link: { sheet: "自评依据", cell: "A1" } },
    { op: "style", sheet: "自评依据", range: "A2:B3", style: { fontColor: "#808080", numberFormat: "0.0" } },
    {
      op: "validation",
      sheet: "自评依据",
      range: "C1:C9",
      rule: { type: "list", values: ["是", "否"] },
      prompt: { title: "1.1.a", message: "填写“是”或“否”" },
      error: { title: "请选择", message: "只能填写“是”或“否”" },
    },
    { op: "validation", sheet: "指标数据", range: "D2", rule: { type: "decimal", min: 0, max: 1e12 } },
    { op: "validation", sheet: "指标数据", range: "E2", rule: { type: "whole", min: 0 } },
    {
      op: "conditionalFormat",
      sheet: "评分细则",
      range: "D2",
      formula: "AND(ISNUMBER(D2),D2<4)",
      style: { fill: "#FCE4D6" },
    },
    {
      op: "conditionalFormat",
      sheet: "评分细则",
      range: "D2",
      formula: "=ISBLANK(D2)",
      style: { fill: "#FFC7CE", fontColor: "#9C0006", bold: true },
    },
    { op: "merge", sheet: "自评依据", range: "A5:C5" },
    { op: "merge", sheet: "自评依据", range: "A6" },
    { op: "freeze", sheet: "自评依据", rows: 1, columns: 1 },
    { op: "freeze", sheet: "指标数据", rows: 1, columns: 0 },
  ]);

  it("maps each op to its Office.js call", async () => {
    const fake = install();
    const result = await applyPlan(full);
    expect(result.skipped).toEqual({});
    expect(result.notes).toEqual([]);
    expect(result.applied).toBe(full.ops.length);
    expect(fake.syncs).toBe(2);

    // addSheet: new sheets added, an existing one reused; hidden; column widths in points.
    expect(fake.log.filter((l) => l.startsWith("add "))).toEqual(["add 指标数据", "add _ziping"]);
    const items = fake.context.workbook.worksheets.items;
    expect(items.find((w: { _name: string }) => w._name === "_ziping").visibility).toBe("Hidden");
    expect(fake.rangesAt("指标数据", "B:B")[0].range.format.columnWidth).toBe(87.75);
    expect(fake.rangesAt("自评依据", "A:A")[0].range.format.columnWidth).toBe(56.25);

    // clearSheet: the used range emptied in place, merges, conditional formats and validations too.
    expect(fake.log).toEqual(
      expect.arrayContaining([
        "getUsedRange() 自评依据",
        "unmerge 自评依据!used",
        "conditionalFormats.clearAll 自评依据!used",
        "dataValidation.clear 自评依据!used",
        "clear 自评依据!used",
      ])
    );

    // set with styles.
    const [a] = fake.rangesAt("自评依据", "A1");
    expect([a.range.format.font.bold, a.range.format.fill.color, a.range.format.horizontalAlignment]).toEqual([
      true,
      "#DDEBF7",
      "Center",
    ]);
    expect(fake.rangesAt("自评依据", "B1")[0].range.numberFormat).toEqual([["0%"]]);
    // input then fill in one style: the fill wins (as in the exceljs adapter), the cell is unlocked.
    const [c] = fake.rangesAt("自评依据", "C1");
    expect([c.range.format.fill.color, c.range.format.protection.locked]).toEqual(["#FFFFFF", false]);
    expect(fake.written("自评依据").get("B1")).toBe(0.65);

    // link.
    const link = fake.rangesAt("评分细则", "E2").find((r) => r.range.hyperlink);
    expect(link!.range.hyperlink).toEqual({ documentReference: "'自评依据'!A1", textToDisplay: "1.1" });

    // style op: a 2-D number format for the whole range.
    const [style] = fake.rangesAt("自评依据", "A2:B3");
    expect(style.range.numberFormat).toEqual([
      ["0.0", "0.0"],
      ["0.0", "0.0"],
    ]);
    expect(style.range.format.font.color).toBe("#808080");

    // validations: cleared first, then rule, prompt, a Stop alert.
    const [list] = fake.rangesAt("自评依据", "C1:C9");
    expect(fake.log).toContain("dataValidation.clear 自评依据!C1:C9");
    expect(list.range.dataValidation.rule).toEqual({ list: { inCellDropDown: true, source: "是,否" } });
    expect(list.range.dataValidation.ignoreBlanks).toBe(true);
    expect(list.range.dataValidation.prompt).toEqual({ showPrompt: true, title: "1.1.a", message: "填写“是”或“否”" });
    expect(list.range.dataValidation.errorAlert).toEqual({
      showAlert: true,
      style: "Stop",
      title: "请选择",
      message: "只能填写“是”或“否”",
    });
    expect(fake.rangesAt("指标数据", "D2")[0].range.dataValidation.rule).toEqual({
      decimal: { formula1: 0, formula2: 1e12, operator: "Between" },
    });
    expect(fake.rangesAt("指标数据", "E2")[0].range.dataValidation.rule).toEqual({
      wholeNumber: { formula1: 0, operator: "GreaterThanOrEqualTo" },
    });

    // conditional formats: the range's rules cleared once, then the plan's, last first (add puts a
    // rule on top, so the first op keeps the top priority).
    expect(fake.log.filter((l) => l === "conditionalFormats.clearAll 评分细则!D2")).toHaveLength(1);
    expect(fake.conditionalFormats.map((c) => [c.address, c.type, c.cf.custom.rule.formula])).toEqual([
      ["D2", "Custom", "=ISBLANK(D2)"],
      ["D2", "Custom", "=AND(ISNUMBER(D2),D2<4)"],
    ]);
    const blank = fake.conditionalFormats[0].cf.custom.format;
    expect([blank.fill.color, blank.font.color, blank.font.bold]).toEqual(["#FFC7CE", "#9C0006", true]);

    // merge (a single cell is left alone), freeze.
    expect(fake.log.filter((l) => /^(un)?merge /.test(l))).toEqual([
      "unmerge 自评依据!used", // clearSheet
      "unmerge 自评依据!A5:C5",
      "merge 自评依据!A5:C5 false",
    ]);
    expect(fake.log.filter((l) => /^(freeze|unfreeze)/.test(l))).toEqual([
      "unfreeze 自评依据",
      "freezeAt 自评依据 A1",
      "unfreeze 指标数据",
      "freezeRows 指标数据 1",
    ]);
  });

  it("turns events off for our writes (ExcelApi 1.8) and isApplying() is true meanwhile", async () => {
    const seen: boolean[] = [];
    const fake = install({ onSync: () => seen.push(isApplying()) });
    expect(isApplying()).toBe(false);
    await applyPlan(full);
    expect(seen).toEqual([true, true]);
    expect(isApplying()).toBe(false);
    expect(isApplying(60_000)).toBe(true); // within the grace period after
    expect(fake.enableEvents).toEqual([false, true]);
    expect(fake.log).toContain("suspendCalculation");
  });

  it("skips what needs ExcelApi 1.6/1.7/1.8/1.13 with counts and Chinese notes, and still writes values and formulas", async () => {
    const fake = install({ missing: ["1.6", "1.7", "1.8", "1.13"] });
    const result = await applyPlan(
      plan([
        ...full.ops,
        { op: "set", sheet: "评分细则", cell: "D2", formula: "=MIN(C2,4)", result: 4 },
        { op: "set", sheet: "评分细则", cell: "E3", value: "1.2", link: { sheet: "自评依据", cell: "A2" } },
      ])
    );
    expect(result.skipped).toEqual({ validation: 3, conditionalFormat: 2, link: 2, freeze: 2 });
    expect(result.notes).toEqual([
      CAPABILITY_NOTES.dataValidation,
      CAPABILITY_NOTES.conditionalFormats,
      CAPABILITY_NOTES.hyperlinks,
      CAPABILITY_NOTES.freezePanes,
    ]);
    expect(result.notes[0]).toBe("当前 Excel 版本不支持数据验证（需要 ExcelApi 1.8），已跳过下拉列表和数值范围");
    // Values and formulas are written all the same.
    expect(fake.written("评分细则").get("D2")).toBe("=MIN(C2,4)");
    expect(fake.written("评分细则").get("E2")).toBe("'1.1");
    expect(fake.written("自评依据").get("A1")).toBe("项目");
    // Nothing of a missing set was called: no validation, conditional format, hyperlink, freeze,
    // calculation suspension or enableEvents.
    expect(
      fake.log.some((l) => /^(dataValidation|conditionalFormats|freeze|unfreeze|suspendCalculation)/.test(l))
    ).toBe(false);
    expect(fake.conditionalFormats).toEqual([]);
    expect(fake.ranges.some((r) => r.range.hyperlink)).toBe(false);
    expect(fake.enableEvents).toEqual([]);
    // 1.2 is there: merges and unlocking still happen.
    expect(fake.log).toContain("merge 自评依据!A5:C5 false");
    expect(result.syncs).toBe(2);
  });

  it("on ExcelApi 1.1 only: no hiding, merging, unlocking or column widths either", async () => {
    const fake = install({ maxVersion: "1.1" });
    const result = await applyPlan(full);
    expect(result.skipped).toEqual({
      columnWidth: 2,
      hideSheet: 1,
      unlock: 1,
      validation: 3,
      conditionalFormat: 2,
      link: 1,
      merge: 2,
      freeze: 2,
    });
    expect(result.notes).toContain(CAPABILITY_NOTES.sheetVisibility);
    expect(fake.log.filter((l) => /^(unmerge|merge)/.test(l))).toEqual([]);
    expect(fake.written("自评依据").get("C1")).toBe("是");
  });

  it("an existing sheet named in addSheet is reused, not added", async () => {
    const fake = install();
    await applyPlan(plan([{ op: "addSheet", sheet: "自评依据", hidden: false }]));
    expect(fake.log.filter((l) => l.startsWith("add "))).toEqual([]);
    expect(fake.context.workbook.worksheets.items[1].visibility).toBe("Visible");
  });
});

describe("applyPlan: failures", () => {
  it("rejects a plan it cannot apply before writing anything, in Chinese", async () => {
    const fake = install();
    const error = await applyPlan(
      plan([
        { op: "set", sheet: "自评依据", cell: "A1", value: 1 },
        { op: "set", sheet: "自评依据", cell: "A2", value: 1, style: { fill: "yellow" } },
      ])
    ).catch((e) => e);
    expect(error).toBeInstanceOf(OfficeActionError);
    expect(error.code).toBe("InvalidPlan");
    expect(error.message).toBe("计划第 2 步（set 自评依据）无法应用：颜色应为 #RRGGBB：yellow");
    expect(fake.syncs).toBe(0);
  });

  it("names a missing sheet when the sheet names were looked up", async () => {
    install();
    const error = await applyPlan(
      plan([
        { op: "addSheet", sheet: "指标数据" },
        { op: "set", sheet: "不存在", cell: "A1", value: 1 },
      ])
    ).catch((e) => e);
    expect(error.code).toBe("ItemNotFound");
    expect(error.message).toContain("没有名为“不存在”的工作表");
  });

  it("a protected sheet: a Chinese message, and events are turned back on", async () => {
    const fake = install();
    fake.failures.push({ code: "AccessDenied", message: "The operation is not permitted." });
    const error = await applyPlan(plan(setOps(3))).catch((e) => e);
    expect(error).toBeInstanceOf(OfficeActionError);
    expect(error.code).toBe("AccessDenied");
    expect(error.message).toContain("受保护");
    expect(error.detail).toBe("The operation is not permitted.");
    // The refused request carried enableEvents = true too; it is sent again on its own.
    expect(fake.enableEvents).toEqual([false, true, true]);
    expect(fake.syncs).toBe(2);
    expect(isApplying()).toBe(false);
  });

  it("retries while the user edits a cell, then applies", async () => {
    const fake = install();
    fake.failures.push({ code: "InvalidOperationInCellEditMode", message: "edit mode" });
    const result = await applyPlan(plan(setOps(3)), { delayMs: 0 });
    expect(result.applied).toBe(12);
    expect(fake.syncs).toBe(3); // the refused sync, events back on, then the plan's sync
    expect(fake.enableEvents).toEqual([false, true, true, false, true]);
    expect(fake.written("自评依据").get("D3")).toBe('=IF(C3="是",2,0)');
  });
});
