/**
 * The pane renders on the server too (no DOM, no effects): its name, the page's notice and each
 * host note as one line, and a waiting state until the first read. The interaction tests are in
 * tests/taskpane/components/.
 */
import * as React from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { builtinRubrics } from "../../src/rubric/builtin/index";
import App from "../../src/taskpane/components/App";
import type { WorkbookHost } from "../../src/taskpane/model/host";

const host: WorkbookHost = {
  kind: "office",
  name: "当前工作簿",
  notes: ["当前 Excel 版本不支持数据验证，是/否等输入不会受限制。", "当前 Excel 版本不支持条件格式。"],
  read: () => new Promise(() => undefined),
  apply: async () => ({ skipped: [] }),
  select: async () => undefined,
};

test("shows the add-in's name, the notice and one line per host note before the first read", () => {
  const html = renderToStaticMarkup(<App host={host} rubrics={builtinRubrics} notice="当前页面不在 Excel 中运行" />);
  expect(html).toContain("自评助手");
  expect(html).toContain("当前工作簿");
  expect(html).toContain("当前页面不在 Excel 中运行");
  for (const note of host.notes) expect(html.split(note)).toHaveLength(2);
  expect(html).toContain("正在读取工作簿…");
  // Without change events: the 刷新 button and why.
  expect(html).toContain("刷新");
  expect(html).toContain('lang="zh-CN"');
});
