/** @jest-environment jsdom */
/**
 * The pane's first load is its header and a spinner (App.tsx); the workspace, the built-in rubrics
 * and their analysis come in one chunk fetched beside the first read (src/taskpane/screen.ts,
 * onDemand.ts: loadScreen). Here: what shows before that chunk is there, the built-in rubrics it
 * brings when the entry gives none (as index.tsx, wps/index.tsx and standalone/index.tsx do), and
 * a chunk that cannot be fetched — said in Chinese, fetched again on 重新读取.
 */
import * as React from "react";
import { act, configure, fireEvent, render, screen, waitFor } from "@testing-library/react";
import App from "../../../src/taskpane/components/App";
// What jest maps src/taskpane/onDemand.ts to (jest.config.js): the same module App calls.
import * as onDemand from "../../support/onDemand";
import { fakeHost } from "./fakeHost";
import "./jsdomShims";

configure({ asyncUtilTimeout: 5000 });

afterEach(() => {
  jest.restoreAllMocks();
});

// onDemand.ts's own sentence for a chunk that cannot be fetched (said()).
const UNREACHABLE = "无法加载自评助手的部分界面，请检查能否访问加载项的网址后重新打开";

test("before the workspace's chunk arrives: the header and 正在读取工作簿…, nothing of the workspace", async () => {
  const host = await fakeHost();
  jest.spyOn(onDemand, "loadScreen").mockReturnValue(new Promise(() => undefined));
  render(<App host={host} />);
  expect(screen.getByText("自评助手")).toBeTruthy();
  expect(screen.getByText("微山县-任务分解表.xlsx")).toBeTruthy();
  // The first read is asked for beside the chunk, not after it.
  await waitFor(() => expect(host.read).toHaveBeenCalledTimes(1));
  // Let the read come back: still no analysis without the chunk, still the spinner.
  await act(async () => {
    await (host.read as jest.Mock).mock.results[0].value;
  });
  expect(screen.getByText("正在读取工作簿…")).toBeTruthy();
  expect(screen.queryByRole("tab")).toBeNull();
  expect(screen.queryByText(/已匹配/)).toBeNull();
});

test("without rubrics from the entry, the chunk's built-in rubrics recognize the workbook", async () => {
  const host = await fakeHost();
  render(<App host={host} />);
  // 微山县's 任务分解表 against the built-in weishan-2023 rubric: 31 second-level indicators
  // (tests/taskpane/components/App.test.tsx, where the test passes the rubrics itself).
  await screen.findByText("已匹配 31 / 31 个二级指标");
  expect(screen.getByText(/评分细则：微山县养老服务体系创新示范县创建工作任务分解表/)).toBeTruthy();
});

test("a chunk that cannot be fetched is said in Chinese; 重新读取 fetches it again", async () => {
  const host = await fakeHost();
  const load = jest.spyOn(onDemand, "loadScreen").mockRejectedValueOnce(new Error(UNREACHABLE));
  render(<App host={host} />);
  await screen.findByText(UNREACHABLE);
  expect(screen.queryByText("正在读取工作簿…")).toBeNull();
  fireEvent.click(screen.getByRole("button", { name: "重新读取" }));
  await screen.findByText("已匹配 31 / 31 个二级指标");
  expect(load).toHaveBeenCalledTimes(2);
  // The message went with the fetch that failed.
  expect(screen.queryByText(UNREACHABLE)).toBeNull();
});
