/**
 * runAction: one Excel.run, retried while the user edits a cell; every failure an OfficeActionError
 * with a Chinese message. Also the capability probe, and the two selection helpers.
 */
import {
  capabilities,
  capabilityNotes,
  OfficeActionError,
  readSelection,
  runAction,
  selectCell,
  selectionOf,
  tryAction,
} from "../../../src/adapters/office";
import { FakeExcel } from "./fakeExcel";

afterEach(() => FakeExcel.uninstall());

/** The rejection of an action that must fail. */
function failure(p: Promise<unknown>): Promise<OfficeActionError> {
  return p.then(
    () => {
      throw new Error("expected a failure");
    },
    (e: OfficeActionError) => e
  );
}

const CELL_EDIT = { code: "InvalidOperationInCellEditMode", message: "The user is editing a cell." };

describe("runAction", () => {
  it("retries while Excel answers InvalidOperationInCellEditMode, then succeeds", async () => {
    const fake = new FakeExcel([{ name: "S" }]).install();
    fake.failures.push(CELL_EDIT, CELL_EDIT);
    const waits: number[] = [];
    let runs = 0;
    const value = await runAction(
      async (context) => {
        runs++;
        await context.sync();
        return "done";
      },
      { sleep: async (ms) => void waits.push(ms) }
    );
    expect(value).toBe("done");
    expect(runs).toBe(3);
    expect(fake.syncs).toBe(3);
    expect(waits).toEqual([400, 800]); // short and growing
  });

  it("gives up after 3 retries with a Chinese message", async () => {
    const fake = new FakeExcel([{ name: "S" }]).install();
    fake.failures.push(CELL_EDIT, CELL_EDIT, CELL_EDIT, CELL_EDIT, CELL_EDIT);
    const error = await failure(runAction((context) => context.sync(), { sleep: async () => undefined }));
    expect(error).toBeInstanceOf(OfficeActionError);
    expect(error.code).toBe("InvalidOperationInCellEditMode");
    expect(error.message).toBe("Excel 正在编辑单元格，无法写入。请先按 Enter 或 Esc 结束编辑，再重试。");
    expect(fake.syncs).toBe(4);
  });

  it("turns any other Office error into a Chinese message, without retrying", async () => {
    const fake = new FakeExcel([{ name: "S" }]).install();
    fake.failures.push({ code: "ItemNotFound", message: "The requested resource doesn't exist." });
    const error = await failure(runAction((context) => context.sync()));
    expect(error).toBeInstanceOf(OfficeActionError);
    expect(error.code).toBe("ItemNotFound");
    expect(error.message).toMatch(/^找不到要操作的工作表或单元格/);
    expect(error.detail).toBe("The requested resource doesn't exist.");
    expect(fake.syncs).toBe(1);

    fake.failures.push({ code: "SomethingNew", message: "?" });
    const unknown = await failure(runAction((context) => context.sync()));
    expect(unknown.message).toBe("Excel 未能完成操作（错误代码 SomethingNew），请稍后再试。");
  });

  it("turns a bug in the batch into a Chinese message too", async () => {
    new FakeExcel([{ name: "S" }]).install();
    const error = await failure(
      runAction(async () => {
        throw new TypeError("x is undefined");
      })
    );
    expect(error).toBeInstanceOf(OfficeActionError);
    expect(error.code).toBe("Unknown");
    expect(error.message).toMatch(/[\u4e00-\u9fff]/);
    expect(error.detail).toBe("x is undefined");
  });

  it("outside Excel: a Chinese message, not a ReferenceError", async () => {
    const error = await failure(runAction(async () => 1));
    expect(error).toBeInstanceOf(OfficeActionError);
    expect(error.code).toBe("NotInExcel");
  });

  it("tryAction returns the failure as data", async () => {
    const fake = new FakeExcel([{ name: "S" }]).install();
    fake.failures.push({ code: "AccessDenied", message: "protected" });
    const result = await tryAction((context) => context.sync());
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toContain("受保护");
    expect(await tryAction(async () => 7)).toEqual({ ok: true, value: 7 });
  });
});

describe("capabilities", () => {
  it("asks isSetSupported for each set", () => {
    new FakeExcel([], { missing: ["1.6", "1.7", "1.8", "1.13"] }).install();
    expect(capabilities()).toMatchObject({
      conditionalFormats: false,
      dataValidation: false,
      events: false,
      merges: false,
      usedRangeOrNull: true,
      mergeCells: true,
    });
    expect(capabilityNotes()).toEqual([
      "当前 Excel 版本不支持数据验证（需要 ExcelApi 1.8），已跳过下拉列表和数值范围",
      "当前 Excel 版本不支持条件格式（需要 ExcelApi 1.6），已跳过按条件标色（如未达标、未填写）",
      "当前 Excel 版本不支持单元格超链接（需要 ExcelApi 1.7），已跳过跳转链接，文字照常写入",
      "当前 Excel 版本不支持冻结窗格（需要 ExcelApi 1.7），已跳过冻结表头",
      "当前 Excel 版本无法读取合并单元格（需要 ExcelApi 1.13），未读取合并区域",
      "当前 Excel 版本不支持工作表更改事件（需要 ExcelApi 1.7），修改单元格后请手动重新检查",
    ]);
  });

  it("current Excel: everything, no notes; no Office at all: nothing beyond 1.1", () => {
    new FakeExcel([]).install();
    expect(Object.values(capabilities()).every(Boolean)).toBe(true);
    expect(capabilityNotes()).toEqual([]);
    FakeExcel.uninstall();
    expect(Object.values(capabilities()).some(Boolean)).toBe(false);
  });
});

describe("selection", () => {
  it("selectCell activates the sheet and selects the cell in one sync", async () => {
    const fake = new FakeExcel([{ name: "评分细则" }, { name: "自评依据" }]).install();
    await selectCell("自评依据", "C5");
    expect(fake.log).toEqual(["activate 自评依据", "select 自评依据!C5"]);
    expect(fake.syncs).toBe(1);
  });

  it("selectCell on a sheet that is gone: a Chinese message", async () => {
    new FakeExcel([{ name: "评分细则" }]).install();
    const error = await failure(selectCell("已删除", "A1"));
    expect(error.code).toBe("ItemNotFound");
  });

  it("readSelection gives the sheet, the range and its top-left cell", async () => {
    const fake = new FakeExcel([{ name: "自评 表" }]).install();
    expect(await readSelection()).toEqual({ sheet: "自评 表", range: "B3:C4", cell: "B3" });
    expect(fake.syncs).toBe(1);
    expect(selectionOf("S", "S!$D$7")).toEqual({ sheet: "S", range: "D7", cell: "D7" });
    expect(selectionOf("它's", "'它''s'!A1:B2")).toEqual({ sheet: "它's", range: "A1:B2", cell: "A1" });
  });
});
