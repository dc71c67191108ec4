/** @jest-environment jsdom */
/**
 * The evidence form's controls against the real workbook: a choice (with 无), a judged number
 * within its range and step, what is typed in the sheet showing in the form, and 新建模板 applied.
 */
import * as React from "react";
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
import { criterionFieldPlan } from "../../../src/taskpane/model/form";
import { fakeHost, type FakeHost } from "./fakeHost";
import "./jsdomShims";

// Fluent keeps the page aria-hidden while a closing dialog animates out; under the load of the
// whole suite on two cores a query can land in that moment. A retry logs the first error.
jest.retryTimes(2, { logErrorsBeforeRetry: true });

const weishan = builtinRubrics.find((r) => r.id === "weishan-2023")!;

async function filledHost(): Promise<FakeHost> {
  const host = await fakeHost();
  const a = analyze(host.workbook.grids(), builtinRubrics);
  applyPlan(host.workbook, buildFillPlan(host.workbook.grids(), a.primary!.layout, a.primary!.match!).plan);
  return host;
}

async function openCategory(host: FakeHost, title: string) {
  render(<App host={host} rubrics={builtinRubrics} />);
  await screen.findByText("已匹配 31 / 31 个二级指标");
  fireEvent.click(screen.getByRole("tab", { name: "自评依据" }));
  fireEvent.click(await screen.findByRole("button", { name: new RegExp("^" + title) }));
}

test("a choice offers its options and 无, and writes the label", async () => {
  const host = await filledHost();
  await openCategory(host, "强化保障机制");
  const combo = screen.getByRole("combobox", { name: /担任组长或召集人的同志/ });
  fireEvent.click(combo);
  const options = within(await screen.findByRole("listbox")).getAllByRole("option");
  expect(options.map((o) => o.textContent)).toEqual([
    "党委政府主要负责同志（1 分）",
    "党委政府负责同志（0.5 分）",
    "无（0 分）",
    "（未填，清空）",
  ]);
  await act(async () => {
    fireEvent.click(options[1]);
  });
  await waitFor(() => expect(host.apply).toHaveBeenCalledTimes(1));
  expect((host.apply as jest.Mock).mock.calls[0][0]).toEqual(
    criterionFieldPlan(weishan, { criterionId: "1.1.b" }, "党委政府负责同志")
  );
  // The rule's own words, the hint and the note are shown with the field.
  expect(
    screen.getByText("细则：由党委政府主要负责同志担任组长或召集人的加1分，由党委政府负责同志担任组长或召集人的加0.5分")
  ).toBeTruthy();
  expect(screen.getByText(/^选择：党委政府主要负责同志（1分）/)).toBeTruthy();
  expect(screen.getByText(/^注：“其中”加分/)).toBeTruthy();
});

test("a judged number keeps to its range and step; typed text is written as typed", async () => {
  const host = await filledHost();
  await openCategory(host, "强化保障机制");
  const spin = screen.getByRole("spinbutton", { name: /一般公共预算收入和养老服务资金投入量/ });
  expect(spin.getAttribute("aria-valuemin")).toBe("0");
  expect(spin.getAttribute("aria-valuemax")).toBe("6");
  fireEvent.change(spin, { target: { value: "4.5" } });
  await act(async () => {
    fireEvent.blur(spin);
  });
  await waitFor(() => expect(host.apply).toHaveBeenCalledTimes(1));
  expect((host.apply as jest.Mock).mock.calls[0][0]).toEqual(
    criterionFieldPlan(weishan, { criterionId: "1.2.b" }, "4.5")
  );
  await waitFor(() => expect(screen.getByText("自评得分 4.5 / 8 分")).toBeTruthy());
});

test("what is typed in the sheet shows in the form after the change event", async () => {
  const host = await filledHost();
  await openCategory(host, "强化保障机制");
  const group = screen.getByRole("radiogroup", { name: /召开年度联席会议/ });
  expect((within(group).getByRole("radio", { name: "未填" }) as HTMLInputElement).checked).toBe(true);
  act(() => host.edit(criterionFieldPlan(weishan, { criterionId: "1.1.c" }, "是")));
  await waitFor(() =>
    expect((within(group).getByRole("radio", { name: "是" }) as HTMLInputElement).checked).toBe(true)
  );
  // Something that is neither 是 nor 否 is said, not hidden.
  act(() =>
    host.edit({
      ops: [{ op: "set", sheet: "自评依据", cell: criterionCell(host, "1.1.c"), value: "已召开" }],
      summary: [],
      kept: [],
    })
  );
  expect(await screen.findByText("表中填写的“已召开”不是“是”或“否”，请重新选择。")).toBeTruthy();
});

function criterionCell(host: FakeHost, key: string): string {
  const grid = host.workbook.grids().find((g) => g.sheet === "自评依据")!;
  const row = grid.values.findIndex((r) => r[0] === key);
  return "E" + (row + 1);
}

test("新建模板 with another rubric adds its sheets after 确定", async () => {
  const host = await fakeHost();
  render(<App host={host} rubrics={builtinRubrics} />);
  await screen.findByText("已匹配 31 / 31 个二级指标");
  fireEvent.click(screen.getByRole("button", { name: "新建模板" }));
  const dialog = await screen.findByRole("dialog", { hidden: true });
  const sd = builtinRubrics.find((r) => r.id === "sd-2023")!;
  fireEvent.change(within(dialog).getByRole("combobox", { hidden: true }), { target: { value: sd.id } });
  expect(await within(dialog).findByText(/^新建“评分细则”/)).toBeTruthy();
  await act(async () => {
    fireEvent.click(within(dialog).getByRole("button", { hidden: true, name: "确定" }));
  });
  await waitFor(() => expect(host.apply).toHaveBeenCalledTimes(1));
  expect(host.workbook.grids().map((g) => g.sheet)).toEqual(
    expect.arrayContaining(["评分细则", "自评依据", "指标数据"])
  );
});

test("another rubric than the one the workbook was prepared with: the form says so and writes nothing", async () => {
  const host = await filledHost();
  render(<App host={host} rubrics={builtinRubrics} />);
  await screen.findByText("已匹配 31 / 31 个二级指标");
  expect(screen.getByText("按准备工作簿时所用的评分细则；如不对，可另选")).toBeTruthy();
  const sd = builtinRubrics.find((r) => r.id === "sd-2023")!;
  fireEvent.change(screen.getByRole("combobox", { name: /使用的评分细则/ }), { target: { value: sd.id } });
  fireEvent.click(screen.getByRole("tab", { name: "自评依据" }));
  expect(await screen.findByText(/工作簿是按“微山县养老服务体系创新示范县创建工作任务分解表”准备的/)).toBeTruthy();
  expect(screen.queryByRole("radiogroup")).toBeNull();
  expect(host.apply).not.toHaveBeenCalled();
});
