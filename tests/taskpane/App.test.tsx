import * as React from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import App, { type RubricSummary } from "../../src/taskpane/components/App";

function render(rubrics: RubricSummary[], notice?: string): string {
  return renderToStaticMarkup(
    <FluentProvider theme={webLightTheme}>
      <App rubrics={rubrics} notice={notice} />
    </FluentProvider>
  );
}

const rubrics: RubricSummary[] = [
  { id: "with-bonus", title: "带加分项的细则", points: 100, bonus: 10 },
  { id: "no-bonus", title: "没有加分项的细则", points: 100, bonus: 0 },
];

test("shows the add-in's name and every rubric with its points", () => {
  const html = render(rubrics);
  expect(html).toContain("自评助手");
  expect(html).toContain("内置评分细则（2 套）");
  for (const r of rubrics) {
    expect(html).toContain(r.title);
    expect(html).toContain(r.id);
  }
  expect(html.match(/满分 100 分/g)).toHaveLength(2);
});

test("shows 加分 only for a rubric that has bonus points", () => {
  const html = render(rubrics);
  expect(html.match(/加分 \d+(\.\d+)? 分/g)).toEqual(["加分 10 分"]);
});

test("shows a notice when one is given, and says so when there is no rubric", () => {
  const html = render([], "当前页面不在 Excel 中运行");
  expect(html).toContain("当前页面不在 Excel 中运行");
  expect(html).toContain("暂无内置评分细则");
});
