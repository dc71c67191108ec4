/**
 * The pane inside Excel: boots only once Office is ready (Microsoft's template), on the open
 * workbook through the Office.js adapter. Opened in a plain browser, it points to the standalone
 * page instead. Components get a host; they never call Office themselves.
 */
import * as React from "react";
import { createRoot } from "react-dom/client";
import App from "./components/App";
import { createOfficeHost } from "./hosts/officeHost";
import { preloadPane } from "./onDemand";

/* global document, Office */

/** Office's theme, light or dark, from the host's background colour (Office.context.officeTheme). */
function officeTheme(): "light" | "dark" {
  try {
    const background = Office.context.officeTheme?.bodyBackgroundColor;
    if (!background) return "light";
    const [r, g, b] = [1, 3, 5].map((i) => parseInt(background.slice(i, i + 2), 16));
    return 0.299 * r + 0.587 * g + 0.114 * b < 128 ? "dark" : "light";
  } catch {
    return "light";
  }
}

/** Without office.js (a network that blocks where it is loaded from): one line, no uncaught error. */
function officeMissing(): void {
  const container = document.getElementById("container");
  if (!container) return;
  container.innerHTML = "";
  const p = document.createElement("p");
  p.className = "boot-message";
  p.appendChild(document.createTextNode(OFFICE_JS_MISSING));
  container.appendChild(p);
}

const OFFICE_JS_MISSING = "无法加载 Office.js：请确认这台电脑能访问加载项的网址后重新打开自评助手。";

if (typeof Office === "undefined") officeMissing();
else
  Office.onReady((info) => {
    const container = document.getElementById("container");
    if (!container) return;
    if (info.host !== Office.HostType.Excel) {
      container.innerHTML = "";
      const p = document.createElement("p");
      p.className = "boot-message";
      p.appendChild(
        document.createTextNode(
          "当前页面不在 Excel 中运行。在 Excel 的“开始”选项卡点击“自评助手”打开；没有 Excel 时，可使用"
        )
      );
      const link = document.createElement("a");
      link.href = "standalone.html";
      link.textContent = "独立模式（在浏览器中打开 .xlsx 工作簿）";
      p.appendChild(link);
      p.appendChild(document.createTextNode("。"));
      container.appendChild(p);
      return;
    }
    preloadPane();
    createRoot(container).render(
      <React.StrictMode>
        <App host={createOfficeHost()} theme={officeTheme()} />
      </React.StrictMode>
    );
  });
