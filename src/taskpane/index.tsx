import * as React from "react";
import { createRoot } from "react-dom/client";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import App, { type RubricSummary } from "./components/App";
import { builtinRubrics } from "../rubric/builtin";

/* global document, Office */

const rubrics: RubricSummary[] = builtinRubrics.map((r) => ({
  id: r.id,
  title: r.title,
  points: r.points,
  bonus: r.bonus,
}));

// Boot only once Office is ready (as Microsoft's template does). Everything the components need
// from the host is passed in as props; they never call Office themselves.
Office.onReady((info) => {
  const container = document.getElementById("container");
  if (!container) return;
  const notice =
    info.host === Office.HostType.Excel
      ? undefined
      : "当前页面不在 Excel 中运行：请在 Excel 的“开始”选项卡点击“自评助手”打开。";
  createRoot(container).render(
    <React.StrictMode>
      <FluentProvider theme={webLightTheme}>
        <App rubrics={rubrics} notice={notice} />
      </FluentProvider>
    </React.StrictMode>
  );
});
