/**
 * Applying a WorkbookPlan with the WPS adapter over the stateful ET fake: contents in whole blocks
 * (one Value2 write per rectangle, however many rows), text kept as text, styles as VBA colours,
 * validations and conditional formats that can be applied twice, rules relative to their range's
 * top-left cell, hidden sheets, the user's sheet and selection given back, members a build lacks
 * skipped with a Chinese note, events of our own writes not reported, failures in Chinese.
 */
import {
  applyPlan,
  bgr,
  isApplying,
  onWorkbookChanged,
  WPS_SKIP_NOTES,
  WpsActionError,
} from "../../../src/adapters/wps/index";
import type { PlanOp, WorkbookPlan } from "../../../src/plan/plan";
import { FakeEt, type FakeOptions } from "../../support/wps/fakeEt";

function plan(ops: PlanOp[]): WorkbookPlan {
  return { ops, summary: [], kept: [] };
}

function fakeBook(options: FakeOptions = {}): FakeEt {
  return new FakeEt(
    {
      sheets: [
        { name: "评分细则", values: [["类别", "指标", "分值", "自评得分"]] },
        { name: "自评依据", values: [["编号"]] },
      ],
    },
    options
  );
}

/** `n` rows of an evidence table: id, text, an input cell, a formula (as the Office adapter's test). */
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

describe("applyPlan (WPS): contents and styles", () => {
  it("writes 1 000 set ops as one Value2 block; text stays text, formulas are formulas, the result is WPS's", () => {
    const fake = fakeBook();
    const result = applyPlan(fake.app, plan(setOps(250)));
    expect(result.applied).toBe(1000);
    // One rectangle A1:D250, whatever the number of rows.
    expect(result.blockWrites).toBe(1);
    expect(fake.log.filter((l) => l.startsWith("Range.Value2="))).toEqual(["Range.Value2= 自评依据!A1:D250"]);
    // "1.1" would become the number 1.1 as typed: written with the quote prefix, it is text.
    expect(fake.cell("自评依据", "A1")).toMatchObject({ value: "1.1", quoted: true });
    expect(fake.cell("自评依据", "B7").value).toBe("指标7");
    expect(fake.cell("自评依据", "C3").value).toBeUndefined();
    expect(fake.cell("自评依据", "D250")).toMatchObject({ formula: '=IF(C250="是",2,0)' });
    expect(fake.cell("自评依据", "D250").value).toBeUndefined(); // no cached result: WPS computes it
    // Styles: wrap on B, the input fill #FFF2CC as VBA's BGR number (0xFF + 0xF2·256 + 0xCC·65536
    // = 13431551) and unlocked on C.
    expect(fake.cell("自评依据", "B250").wrap).toBe(true);
    expect(fake.cell("自评依据", "C17")).toMatchObject({ fill: 13431551, locked: false });
  });

  it("converts #RRGGBB to VBA's colour numbers", () => {
    // #F8CBAD: 0xF8 + 0xCB·256 + 0xAD·65536 = 248 + 51968 + 11337728.
    expect(bgr("#F8CBAD")).toBe(11389944);
    expect(bgr("FF0000")).toBe(255);
    expect(bgr("#0000FF")).toBe(16711680);
  });

  it("styles, number formats, alignment, links", () => {
    const fake = fakeBook();
    applyPlan(
      fake.app,
      plan([
        { op: "set", sheet: "自评依据", cell: "B2", value: 0.65, style: { numberFormat: "0.0%", align: "center" } },
        {
          op: "style",
          sheet: "评分细则",
          range: "A1:D1",
          style: { bold: true, fill: "#DDEBF7", fontColor: "#595959" },
        },
        { op: "set", sheet: "评分细则", cell: "E3", value: "去填写", link: { sheet: "自评依据", cell: "B3" } },
      ])
    );
    expect(fake.cell("自评依据", "B2")).toMatchObject({ value: 0.65, numberFormat: "0.0%", align: -4108 });
    // #DDEBF7 → 0xDD + 0xEB·256 + 0xF7·65536 = 221 + 60160 + 16187392; #595959 → 0x59·(1 + 256 + 65536).
    expect(fake.cell("评分细则", "C1")).toMatchObject({ bold: true, fill: 16247773, fontColor: 5855577 });
    expect(fake.hyperlinks("评分细则")).toEqual([
      { cell: "E3", address: "", subAddress: "'自评依据'!B3", text: "去填写" },
    ]);
    expect(fake.cell("评分细则", "E3").value).toBe("去填写");
  });
});

describe("applyPlan (WPS): sheets", () => {
  it("adds a sheet after the last, hidden, with column widths; reuses an existing one; gives the user's sheet back", () => {
    const fake = fakeBook();
    fake.app.ActiveWorkbook!.Worksheets.Item("评分细则").Activate();
    fake.app.ActiveWorkbook!.Worksheets.Item("评分细则").Range("B2").Select();
    applyPlan(
      fake.app,
      plan([
        { op: "addSheet", sheet: "_ziping", hidden: true },
        { op: "set", sheet: "_ziping", cell: "A1", value: "rubric" },
        { op: "set", sheet: "_ziping", cell: "B1", value: "sd-2023" },
        { op: "addSheet", sheet: "自评依据", columnWidths: [10, 40] },
      ])
    );
    expect(fake.sheets()).toEqual(["评分细则", "自评依据", "_ziping"]);
    expect(fake.visibility("_ziping")).toBe(0); // xlSheetHidden: Excel's "Hidden"
    expect(fake.contents("_ziping")).toEqual(
      new Map([
        ["A1", "rubric"],
        ["B1", "sd-2023"],
      ])
    );
    expect(fake.columnWidth("自评依据", 0)).toBe(10);
    expect(fake.columnWidth("自评依据", 1)).toBe(40);
    // Adding a sheet activated it; the user is back where they were.
    expect(fake.selection()).toEqual({ sheet: "评分细则", address: "B2" });
  });

  it("gives the selection back in a build where Range.Address is a property, not a method", () => {
    const fake = fakeBook({ addressProperty: true });
    fake.app.ActiveWorkbook!.Worksheets.Item("评分细则").Range("C5:D6").Select();
    applyPlan(
      fake.app,
      plan([{ op: "conditionalFormat", sheet: "自评依据", range: "B2:B9", formula: "B2<1", style: { bold: true } }])
    );
    expect(fake.rules("自评依据")[0].anchor).toEqual({ sheet: "自评依据", cell: "B2" });
    expect(fake.selection()).toEqual({ sheet: "评分细则", address: "C5:D6" });
  });

  it("clears a sheet in place: contents, formats, merges, validations and rules go, the sheet stays", () => {
    const fake = fakeBook();
    applyPlan(
      fake.app,
      plan([
        { op: "set", sheet: "自评依据", cell: "A2", value: "1.1.a", style: { bold: true } },
        { op: "merge", sheet: "自评依据", range: "B2:C2" },
        { op: "validation", sheet: "自评依据", range: "D2:D9", rule: { type: "list", values: ["是", "否"] } },
        { op: "conditionalFormat", sheet: "自评依据", range: "D2:D9", formula: 'D2="否"', style: { fill: "#F8CBAD" } },
      ])
    );
    applyPlan(fake.app, plan([{ op: "clearSheet", sheet: "自评依据" }]));
    expect(fake.contents("自评依据").size).toBe(0);
    expect(fake.cell("自评依据", "A2")).toEqual({});
    expect(fake.merges("自评依据")).toEqual([]);
    expect(fake.validations("自评依据")).toEqual([]);
    expect(fake.rules("自评依据")).toEqual([]);
    expect(fake.sheets()).toEqual(["评分细则", "自评依据"]);
  });

  it("merges and freezes", () => {
    const fake = fakeBook();
    applyPlan(
      fake.app,
      plan([
        { op: "merge", sheet: "自评依据", range: "A1:C1" },
        { op: "merge", sheet: "自评依据", range: "A1:D1" },
        { op: "freeze", sheet: "自评依据", rows: 1, columns: 0 },
      ])
    );
    // The second merge replaces the first (unmerge what overlaps, then merge).
    expect(fake.merges("自评依据")).toEqual(["A1:D1"]);
    expect(fake.freeze("自评依据")).toEqual({ rows: 1, columns: 0, frozen: true });
  });
});

describe("applyPlan (WPS): validations and conditional formats", () => {
  const ops: PlanOp[] = [
    {
      op: "validation",
      sheet: "自评依据",
      range: "C2:C40",
      rule: { type: "list", values: ["是", "否"] },
      prompt: { title: "是否建立", message: "请选择“是”或“否”" },
      error: { title: "输入有误", message: "只能填“是”或“否”" },
    },
    { op: "validation", sheet: "自评依据", range: "D2:D40", rule: { type: "decimal", min: 0, max: 2 } },
    { op: "validation", sheet: "自评依据", range: "E2:E40", rule: { type: "whole", min: 0 } },
    { op: "conditionalFormat", sheet: "自评依据", range: "F2:F40", formula: "F2<1", style: { fill: "#F8CBAD" } },
    {
      op: "conditionalFormat",
      sheet: "自评依据",
      range: "F2:F40",
      formula: '=F2=""',
      style: { fill: "#FCE4D6", fontColor: "#C00000", bold: true },
    },
  ];

  it("adds validations as Validation.Add gives them, and again without error (deleted first)", () => {
    const fake = fakeBook();
    applyPlan(fake.app, plan(ops));
    applyPlan(fake.app, plan(ops));
    const list = fake.validationAt("自评依据", "C2")!;
    // xlValidateList 3, xlValidAlertStop 1, xlBetween 1.
    expect(list).toMatchObject({ type: 3, alertStyle: 1, operator: 1, formula1: "是,否", ignoreBlank: true });
    expect(list).toMatchObject({ inCellDropdown: true, showInput: true, inputTitle: "是否建立", showError: true });
    expect(list.errorMessage).toBe("只能填“是”或“否”");
    // xlValidateDecimal 2 between 0 and 2; xlValidateWholeNumber 1, xlGreaterEqual 7.
    expect(fake.validationAt("自评依据", "D40")).toMatchObject({ type: 2, operator: 1, formula1: "0", formula2: "2" });
    expect(fake.validationAt("自评依据", "E9")).toMatchObject({ type: 1, operator: 7, formula1: "0" });
    // One rule per range, twice applied or not.
    expect(fake.validations("自评依据").map((v) => v.cells.length)).toEqual([39, 39, 39]);
  });

  it("adds rules in plan order of priority, relative to the range's top-left cell, without duplicates", () => {
    const fake = fakeBook();
    fake.app.ActiveWorkbook!.Worksheets.Item("评分细则").Range("C3").Select();
    applyPlan(fake.app, plan(ops));
    applyPlan(fake.app, plan(ops));
    const rules = fake.rules("自评依据");
    expect(rules.map((r) => [r.range, r.formula])).toEqual([
      ["F2:F40", "=F2<1"],
      ["F2:F40", '=F2=""'],
    ]);
    // xlExpression 2; relative references counted from F2, the range's top-left cell.
    expect(rules.every((r) => r.type === 2 && r.anchor.sheet === "自评依据" && r.anchor.cell === "F2")).toBe(true);
    expect(rules[0].fill).toBe(bgr("#F8CBAD"));
    expect(rules[1]).toMatchObject({ fill: bgr("#FCE4D6"), fontColor: bgr("#C00000"), bold: true });
    // The user's sheet and selection come back.
    expect(fake.selection()).toEqual({ sheet: "评分细则", address: "C3" });
  });

  it("skips what a build lacks, with one Chinese line each, and writes the rest", () => {
    const fake = fakeBook({ without: ["Validation", "FormatConditions", "Hyperlinks", "Locked"] });
    const result = applyPlan(
      fake.app,
      plan([
        ...ops,
        { op: "set", sheet: "自评依据", cell: "A2", value: "1.1.a", style: { input: true } },
        { op: "set", sheet: "评分细则", cell: "E3", value: "去填写", link: { sheet: "自评依据", cell: "B3" } },
      ])
    );
    expect(result.skipped).toEqual({ validation: 3, conditionalFormat: 2, link: 1, unlock: 1 });
    expect(result.notes).toEqual([
      WPS_SKIP_NOTES.validation,
      WPS_SKIP_NOTES.conditionalFormat,
      WPS_SKIP_NOTES.link,
      WPS_SKIP_NOTES.unlock,
    ]);
    expect(fake.cell("自评依据", "A2")).toMatchObject({ value: "1.1.a", fill: 13431551 });
    expect(fake.cell("评分细则", "E3").value).toBe("去填写");
  });
});

describe("applyPlan (WPS): refusals and events", () => {
  it("rejects a plan it cannot apply before writing anything, in Chinese", () => {
    const fake = fakeBook();
    const bad = plan([
      { op: "set", sheet: "自评依据", cell: "A1", value: "x" },
      { op: "validation", sheet: "自评依据", range: "C2:C9", rule: { type: "list", values: ["是,否"] } },
    ]);
    expect(() => applyPlan(fake.app, bad)).toThrow(WpsActionError);
    expect(() => applyPlan(fake.app, bad)).toThrow(/^计划第 2 步（validation 自评依据）无法应用：下拉列表的选项/);
    expect(() => applyPlan(fake.app, plan([{ op: "set", sheet: "没有", cell: "A1", value: 1 }]))).toThrow(
      /没有名为“没有”的工作表/
    );
    expect(fake.log.filter((l) => l.startsWith("Range.Value2="))).toEqual([]);
  });

  it("turns a refusal by WPS into a Chinese message and gives back events and screen updating", () => {
    const fake = fakeBook();
    // Freezing panes needs the sheet active; a hidden sheet cannot be activated: WPS refuses.
    fake.app.ActiveWorkbook!.Worksheets.Item("自评依据").Visible = 0;
    let caught: unknown;
    try {
      applyPlan(fake.app, plan([{ op: "freeze", sheet: "自评依据", rows: 1, columns: 0 }]));
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(WpsActionError);
    expect((caught as WpsActionError).message).toMatch(/^写入工作簿时 WPS 拒绝了操作/);
    expect((caught as WpsActionError).detail).toMatch(/Activate/);
    expect(fake.enableEvents).toBe(true);
    expect(fake.screenUpdating).toBe(true);
    expect(isApplying()).toBe(false);
  });

  describe("events", () => {
    beforeEach(() => jest.useFakeTimers({ now: new Date("2024-03-01T09:00:00Z") }));
    afterEach(() => jest.useRealTimers());

    it("does not report our own writes as edits; a person's edit is reported", () => {
      const fake = fakeBook();
      const heard: string[] = [];
      const off = onWorkbookChanged(fake.app, () => heard.push("change"));
      applyPlan(fake.app, plan(setOps(3)));
      // The fake fires SheetChange for API writes while EnableEvents is on: the adapter turned it off.
      expect(heard).toEqual([]);
      expect(fake.enableEvents).toBe(true);
      // An echo delivered just after our write (within the grace) is ours too.
      fake.type("自评依据", "C1", "是");
      expect(heard).toEqual([]);
      // A second later, a person's edit.
      jest.setSystemTime(new Date("2024-03-01T09:00:01Z"));
      fake.type("自评依据", "C1", "否");
      expect(heard).toEqual(["change"]);
      off();
      fake.type("自评依据", "C2", "是");
      expect(heard).toEqual(["change"]);
    });

    it("fences the events of a build without EnableEvents with its own flag", () => {
      const bare = fakeBook({ without: ["EnableEvents"] });
      const heard: string[] = [];
      onWorkbookChanged(bare.app, () => heard.push("change"));
      applyPlan(bare.app, plan(setOps(3)));
      expect(heard).toEqual([]);
    });
  });
});
