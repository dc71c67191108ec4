/** @jest-environment jsdom */
/* global document */
/**
 * The pane against a fake host over the real 微山县 sample (exceljs adapter): recognition, the
 * confirmation before a write, the evidence form writing to the workbook, the live dashboard,
 * the findings (go to cell, 说明), and host failures shown rather than thrown.
 */
import * as React from "react";
import { join } from "node:path";
import { webDarkTheme, webLightTheme } from "@fluentui/react-components";
import { act, configure, fireEvent, render, screen, waitFor, within } from "@testing-library/react";

// CI runs the suites in parallel on two cores: give the pane time to re-read and re-render.
configure({ asyncUtilTimeout: 5000 });
// Queries inside a dialog pass hidden: true: under CI load tabster (Fluent's focus manager) can leave a
// freshly opened modal marked aria-hidden in jsdom, as its focus bookkeeping lags; a browser does not.
import { applyPlan } from "../../../src/adapters/xlsx/index";
import { buildFillPlan } from "../../../src/plan/fill";
import { builtinRubrics } from "../../../src/rubric/builtin/index";
import App from "../../../src/taskpane/components/App";
import { analyze } from "../../../src/taskpane/model/analyze";
import { criterionFieldPlan, metricFieldPlan } from "../../../src/taskpane/model/form";
import { fakeHost, type FakeHost, type FakeHostOptions } from "./fakeHost";
import { dialogClosed } from "./jsdomShims";
import { capabilityNotes } from "../../../src/adapters/office/capabilities";

// Fluent keeps the page aria-hidden while a closing dialog animates out; under the load of the
// whole suite on two cores a query can land in that moment. A retry logs the first error.
jest.retryTimes(2, { logErrorsBeforeRetry: true });

afterEach(() => {
  jest.useRealTimers();
});

const weishan = builtinRubrics.find((r) => r.id === "weishan-2023")!;
const CAOXIAN = join(__dirname, "..", "..", "..", "assets", "samples", "曹县-评分细则.xlsx");
const nursingBeds = weishan.metrics.find((m) => m.id === "nursing-bed-share")!;

async function renderApp(host: FakeHost) {
  const view = render(<App host={host} rubrics={builtinRubrics} />);
  await screen.findByText("已匹配 31 / 31 个二级指标");
  return view;
}

/** A host whose workbook is already prepared (准备工作簿 applied directly). */
async function filledHost(options?: FakeHostOptions): Promise<FakeHost> {
  const host = await fakeHost(undefined, options);
  const a = analyze(host.workbook.grids(), builtinRubrics);
  applyPlan(host.workbook, buildFillPlan(host.workbook.grids(), a.primary!.layout, a.primary!.match!).plan);
  return host;
}

function tab(name: string) {
  fireEvent.click(screen.getByRole("tab", { name: new RegExp("^" + name) }));
}

async function openMetrics() {
  tab("自评依据");
  fireEvent.click(await screen.findByRole("button", { name: /^指标数据/ }));
  return screen.findByRole("group", { name: "护理型床位占比" });
}

async function enterValue(input: HTMLElement, value: string) {
  fireEvent.focus(input);
  fireEvent.change(input, { target: { value } });
  await act(async () => {
    fireEvent.blur(input);
  });
}

test("shows the recognized sheet's kind and the rubric it matched", async () => {
  const host = await fakeHost();
  await renderApp(host);
  expect(screen.getByText("任务分解表")).toBeTruthy();
  expect(screen.getByText(/评分细则：微山县养老服务体系创新示范县创建工作任务分解表/)).toBeTruthy();
  expect(screen.getByText("微山县-任务分解表.xlsx")).toBeTruthy();
  // The sheet that is not a table is named, with why.
  expect(screen.getByText(/“说明”：未识别/)).toBeTruthy();
});

test("the rubric picker lists the three scoring rubrics", async () => {
  const host = await fakeHost();
  await renderApp(host);
  const picker = screen.getByRole("combobox", { name: /使用的评分细则/ });
  const options = within(picker).getAllByRole("option").filter((o) => (o as HTMLOptionElement).value !== "");
  expect(options.map((o) => o.textContent)).toEqual(
    builtinRubrics.filter((r) => r.categories.length > 0).map((r) => expect.stringContaining(r.title))
  );
  expect(options).toHaveLength(3);
  // Choosing another rubric re-matches the sheet against it.
  const sd = builtinRubrics.find((r) => r.id === "sd-2023")!;
  fireEvent.change(picker, { target: { value: sd.id } });
  expect(await screen.findByText(new RegExp("评分细则：" + sd.title.replace(/[()（）]/g, ".")))).toBeTruthy();
  fireEvent.click(screen.getByRole("button", { name: "恢复自动匹配" }));
  expect(await screen.findByText(/评分细则：微山县养老服务体系创新示范县创建工作任务分解表/)).toBeTruthy();
});

test("准备工作簿 says what it will change, then applies the fill plan once on 确定", async () => {
  const host = await fakeHost();
  await renderApp(host);
  const a = analyze(host.workbook.grids(), builtinRubrics);
  const expected = buildFillPlan(host.workbook.grids(), a.primary!.layout, a.primary!.match!).plan;

  fireEvent.click(screen.getByRole("button", { name: "准备工作簿" }));
  const dialog = await screen.findByRole("dialog", { hidden: true });
  for (const line of expected.summary) expect(within(dialog).getByText(line)).toBeTruthy();
  expect(host.apply).not.toHaveBeenCalled();

  await act(async () => {
    fireEvent.click(within(dialog).getByRole("button", { hidden: true, name: "确定" }));
  });
  await dialogClosed();
  expect(host.apply).toHaveBeenCalledTimes(1);
  expect((host.apply as jest.Mock).mock.calls[0][0]).toEqual(expected);
  // The workbook is now prepared: the form is offered instead of the prompt.
  tab("自评依据");
  expect(await screen.findByRole("button", { name: /^强化保障机制/ })).toBeTruthy();
});

test("取消 leaves the workbook as it is", async () => {
  const host = await fakeHost();
  await renderApp(host);
  fireEvent.click(screen.getByRole("button", { name: "准备工作簿" }));
  const dialog = await screen.findByRole("dialog", { hidden: true });
  fireEvent.click(within(dialog).getByRole("button", { hidden: true, name: "取消" }));
  await dialogClosed();
  expect(host.apply).not.toHaveBeenCalled();
});

test("an unprepared workbook: the form says so and offers 准备工作簿", async () => {
  const host = await fakeHost();
  await renderApp(host);
  tab("自评依据");
  expect(screen.getByText(/工作簿还没有“自评依据”和“指标数据”工作表/)).toBeTruthy();
  fireEvent.click(screen.getAllByRole("button", { name: "准备工作簿" })[1]);
  expect(await screen.findByRole("dialog", { hidden: true })).toBeTruthy();
});

test("护理型床位占比 60% entered in the form is written and shows as unmet", async () => {
  const host = await filledHost();
  await renderApp(host);
  const group = await openMetrics();
  expect(within(group).getByText("目标 ≥65%")).toBeTruthy();
  await enterValue(within(group).getByLabelText(/实际值/), "60%");
  await waitFor(() => expect(host.apply).toHaveBeenCalledTimes(1));
  expect((host.apply as jest.Mock).mock.calls[0][0]).toEqual(metricFieldPlan(weishan, nursingBeds, "value", "60%"));
  // The form shows what the workbook now holds.
  await waitFor(() => expect(within(group).getByText("未达标")).toBeTruthy());

  tab("概览");
  const unmet = await screen.findByRole("list", { name: /未达标/ });
  expect(within(unmet).getByText(/护理型床位占比/).textContent).toBe("护理型床位占比：60%，目标 ≥65%");
});

test("numerator and denominator give the rate", async () => {
  const host = await filledHost();
  await renderApp(host);
  const group = await openMetrics();
  await enterValue(within(group).getByLabelText(/分子/), "60");
  await enterValue(within(group).getByLabelText(/分母/), "100");
  await waitFor(() => expect(host.apply).toHaveBeenCalledTimes(2));
  tab("概览");
  const unmet = await screen.findByRole("list", { name: /未达标/ });
  expect(within(unmet).getByText(/护理型床位占比/).textContent).toBe("护理型床位占比：60%，目标 ≥65%");
});

test("a 是/否 criterion is written at once and the score follows", async () => {
  const host = await filledHost();
  await renderApp(host);
  tab("自评依据");
  fireEvent.click(await screen.findByRole("button", { name: /^强化保障机制/ }));
  const group = await screen.findByRole("radiogroup", { name: /建立联席会议或议事协调机构/ });
  expect((within(group).getByRole("radio", { name: "未填" }) as HTMLInputElement).checked).toBe(true);
  await act(async () => {
    fireEvent.click(within(group).getByRole("radio", { name: "是" }));
  });
  await waitFor(() => expect(host.apply).toHaveBeenCalledTimes(1));
  expect((host.apply as jest.Mock).mock.calls[0][0]).toEqual(
    criterionFieldPlan(weishan, { criterionId: "1.1.a" }, "是")
  );
  await waitFor(() => expect(screen.getByText("自评得分 2 / 4 分")).toBeTruthy());
  expect((within(group).getByRole("radio", { name: "是" }) as HTMLInputElement).checked).toBe(true);
});

test("an edit made in the sheet updates the total without remounting", async () => {
  const host = await filledHost();
  await renderApp(host);
  const total = screen.getByTestId("total");
  expect(total.textContent).toBe("0 / 100 分");
  const reads = (host.read as jest.Mock).mock.calls.length;
  act(() => host.edit(criterionFieldPlan(weishan, { criterionId: "1.1.a" }, "是")));
  await waitFor(() => expect(screen.getByTestId("total").textContent).toBe("2 / 100 分"), { timeout: 2000 });
  // Same element: updated in place, not a new pane.
  expect(screen.getByTestId("total")).toBe(total);
  expect((host.read as jest.Mock).mock.calls.length).toBe(reads + 1);
  expect(host.apply).not.toHaveBeenCalled();
});

test("several quick edits are read once (debounced)", async () => {
  const host = await filledHost();
  jest.useFakeTimers();
  try {
    render(<App host={host} rubrics={builtinRubrics} />);
    await act(async () => {
      await jest.advanceTimersByTimeAsync(0);
    });
    expect(screen.getByTestId("total").textContent).toBe("0 / 100 分");
    const reads = (host.read as jest.Mock).mock.calls.length;
    act(() => {
      host.edit(criterionFieldPlan(weishan, { criterionId: "1.1.a" }, "是"));
      jest.advanceTimersByTime(100);
      host.edit(criterionFieldPlan(weishan, { criterionId: "1.1.c" }, "是"));
      jest.advanceTimersByTime(100);
    });
    expect((host.read as jest.Mock).mock.calls.length).toBe(reads);
    await act(async () => {
      await jest.advanceTimersByTimeAsync(300);
    });
    expect((host.read as jest.Mock).mock.calls.length).toBe(reads + 1);
    expect(screen.getByTestId("total").textContent).toBe("3 / 100 分");
  } finally {
    jest.useRealTimers();
  }
});

test("clicking a finding selects its cell; a warning can be explained", async () => {
  const host = await filledHost();
  applyPlan(host.workbook, metricFieldPlan(weishan, nursingBeds, "value", "60%"));
  const unmet = analyze(host.workbook.grids(), builtinRubrics).findings.find((f) => f.code === "threshold.unmet")!;
  await renderApp(host);
  tab("校验");
  const link = screen.getByRole("button", { name: unmet.message });
  await act(async () => {
    fireEvent.click(link);
  });
  expect(host.select).toHaveBeenCalledWith(unmet.sheet, unmet.cell);
  // The rubric's own rule is shown beside it.
  const item = link.closest("li")!;
  expect(within(item as HTMLElement).getByText(/细则：/).textContent).toContain("护理型床位占比");
  expect(screen.getByText("警告 1")).toBeTruthy();

  fireEvent.click(within(item as HTMLElement).getByRole("button", { name: "填写说明" }));
  const dialog = await screen.findByRole("dialog", { hidden: true });
  fireEvent.change(within(dialog).getByRole("textbox", { hidden: true }), {
    target: { value: "新建护理院年底投用，届时达标" },
  });
  await act(async () => {
    fireEvent.click(within(dialog).getByRole("button", { hidden: true, name: "确定" }));
  });
  await waitFor(() => expect(host.apply).toHaveBeenCalledTimes(1));
  const plan = (host.apply as jest.Mock).mock.calls[0][0];
  expect(plan.ops).toContainEqual(
    expect.objectContaining({ op: "set", sheet: "_ziping", value: "新建护理院年底投用，届时达标" })
  );
  // Explained: shown with its note, and no longer counted.
  expect(await screen.findByText("已说明")).toBeTruthy();
  expect(screen.getByText("新建护理院年底投用，届时达标")).toBeTruthy();
  expect(screen.getByText("警告 0")).toBeTruthy();
});

test("按责任单位拆分 lists the units' sheets and adds them on 确定", async () => {
  const host = await fakeHost();
  await renderApp(host);
  fireEvent.click(screen.getByRole("button", { name: "按责任单位拆分" }));
  const dialog = await screen.findByRole("dialog", { hidden: true });
  expect(within(dialog).getByText(/^新建 \d+ 个工作表，每个责任单位一个：县民政局、/)).toBeTruthy();
  await act(async () => {
    fireEvent.click(within(dialog).getByRole("button", { hidden: true, name: "确定" }));
  });
  await waitFor(() => expect(host.apply).toHaveBeenCalledTimes(1));
  const sheets = host.workbook.grids().map((g) => g.sheet);
  expect(sheets).toContain("县民政局");
  expect(sheets).toContain("各乡镇（街道）");
});

test("新建模板 says so and does nothing when the sheets already exist", async () => {
  const host = await fakeHost();
  await renderApp(host);
  fireEvent.click(screen.getByRole("button", { name: "新建模板" }));
  const dialog = await screen.findByRole("dialog", { hidden: true });
  expect(within(dialog).getByText(/工作簿中已有工作表“任务分解表”/)).toBeTruthy();
  expect((within(dialog).getByRole("button", { hidden: true, name: "确定" }) as HTMLButtonElement).disabled).toBe(true);
  fireEvent.click(within(dialog).getByRole("button", { hidden: true, name: "取消" }));
  expect(host.apply).not.toHaveBeenCalled();
});

test("a rejected host call is shown as an error, and the pane goes on", async () => {
  const host = await fakeHost(undefined, { failApply: "工作簿处于编辑模式，无法写入" });
  await renderApp(host);
  fireEvent.click(screen.getByRole("button", { name: "准备工作簿" }));
  const dialog = await screen.findByRole("dialog", { hidden: true });
  await act(async () => {
    fireEvent.click(within(dialog).getByRole("button", { hidden: true, name: "确定" }));
  });
  expect(await screen.findByText("准备工作簿失败：工作簿处于编辑模式，无法写入")).toBeTruthy();
  expect(screen.getByText("已匹配 31 / 31 个二级指标")).toBeTruthy();
});

test("an Excel with ExcelApi 1.1 only: its ten missing features fold into one line that opens the list", async () => {
  const notes = capabilityNotes({
    conditionalFormats: false,
    dataValidation: false,
    events: false,
    merges: false,
    usedRangeOrNull: false,
    enableEvents: false,
    suspendCalculation: false,
    hyperlinks: false,
    freezePanes: false,
    mergeCells: false,
    sheetVisibility: false,
    cellProtection: false,
    columnWidth: false,
    valuesOnlyUsedRange: false,
  });
  expect(notes).toHaveLength(10);
  await renderApp(await fakeHost(undefined, { noEvents: true, notes }));
  expect(screen.getByText(/当前 Excel 版本较旧，有 10 项功能不可用/)).toBeTruthy();
  expect(screen.queryByText(notes[0])).toBeNull();
  fireEvent.click(screen.getByRole("button", { name: "查看" }));
  for (const note of notes) expect(screen.getByText(note)).toBeTruthy();
  fireEvent.click(screen.getByRole("button", { name: "收起" }));
  expect(screen.queryByText(notes[0])).toBeNull();
});

test("without change events: a 刷新 button and why; host notes one line each; lossy parts before a write", async () => {
  const host = await fakeHost(undefined, {
    noEvents: true,
    notes: ["当前 Excel 版本不支持数据验证，是/否等输入不会受限制。"],
    lossyParts: ["图表"],
  });
  await renderApp(host);
  expect(screen.getByText(/当前 Excel 版本不会通知工作表的修改/)).toBeTruthy();
  expect(screen.getByText("当前 Excel 版本不支持数据验证，是/否等输入不会受限制。")).toBeTruthy();
  const reads = (host.read as jest.Mock).mock.calls.length;
  await act(async () => {
    fireEvent.click(screen.getByRole("button", { name: "刷新" }));
  });
  expect((host.read as jest.Mock).mock.calls.length).toBe(reads + 1);
  fireEvent.click(screen.getByRole("button", { name: "准备工作簿" }));
  const dialog = await screen.findByRole("dialog", { hidden: true });
  expect(within(dialog).getByText("图表")).toBeTruthy();
});

/** All CSS the page holds: style tags' text and the rules inserted into their sheets. */
function pageCss(): string {
  return Array.from(document.querySelectorAll("style"))
    .map((style) => {
      const rules = style.sheet ? Array.from(style.sheet.cssRules).map((r) => r.cssText) : [];
      return (style.textContent ?? "") + rules.join("\n");
    })
    .join("\n");
}

test("follows the Office theme", async () => {
  const host = await fakeHost();
  const { rerender } = render(<App host={host} rubrics={builtinRubrics} theme="dark" />);
  await screen.findByText("已匹配 31 / 31 个二级指标");
  const background = (hex: string) => new RegExp("--colorNeutralBackground1:\\s*" + hex, "i");
  expect(pageCss()).toMatch(background(webDarkTheme.colorNeutralBackground1));
  rerender(<App host={host} rubrics={builtinRubrics} theme="light" />);
  expect(pageCss()).toMatch(background(webLightTheme.colorNeutralBackground1));
  expect(pageCss()).not.toMatch(background(webDarkTheme.colorNeutralBackground1));
});

test("准备工作簿 on 曹县's typed scores: the dialog keeps them and offers 覆盖, which writes formulas there", async () => {
  const host = await fakeHost(CAOXIAN);
  render(<App host={host} rubrics={builtinRubrics} />);
  await screen.findByText("已匹配 31 / 31 个二级指标");
  // The self-score is the column as typed (assets/samples/README.md): 16 + 5 + 9 = 30.
  expect(screen.getByTestId("total").textContent).toBe("30 / 100 分");
  fireEvent.click(screen.getByRole("button", { name: "准备工作簿" }));
  const dialog = await screen.findByRole("dialog", { hidden: true });
  // The sample's ten typed scores (G4–G7, G9–G13, G15) are kept unless 覆盖 is chosen.
  expect(within(dialog).getByText("保留不改（10 处）")).toBeTruthy();
  expect(within(dialog).getByText(/选择“覆盖已填写的得分”，这 10 处改为按自评依据计算的公式/)).toBeTruthy();
  await act(async () => {
    fireEvent.click(within(dialog).getByRole("button", { hidden: true, name: "覆盖已填写的得分" }));
  });
  await dialogClosed();
  expect(host.apply).toHaveBeenCalledTimes(1);
  const plan = (host.apply as jest.Mock).mock.calls[0][0];
  expect(plan.kept).toEqual([]);
  expect(plan.ops.find((op: { cell?: string; sheet: string }) => op.sheet === "评分细则" && op.cell === "G4").formula).toMatch(/自评依据/);
});
