/**
 * The lite pane's entry, loaded by taskpane.html's loader in place of the full pane where React and
 * Fluent UI cannot run (IE11's webview). It waits for Office, as the full pane does, and works on
 * the open workbook through the same Office.js adapter, with the built-in rubrics as shipped
 * (checked when built and tested; see rubric/builtin/data.ts).
 */
import { trustedBuiltinRubrics } from "../../rubric/builtin/data";
import { createOfficeHost } from "../hosts/officeHost";
import { errorText } from "../components/format";
import { LitePane } from "./pane";
import { installStyles } from "./styles";

/* global document, window, Office */

interface LoaderDecision {
  pane: "lite" | "modern";
  /** One line, in Chinese: why this pane. */
  reason: string;
}

function decision(): LoaderDecision {
  const d = (window as unknown as { ZIPING_PANE?: LoaderDecision }).ZIPING_PANE;
  return d && d.reason ? d : { pane: "lite", reason: "已打开精简界面。" };
}

function showError(container: HTMLElement, text: string): void {
  const p = document.createElement("p");
  p.className = "boot-message";
  p.appendChild(document.createTextNode(text));
  container.innerHTML = "";
  container.appendChild(p);
}

if (typeof Office === "undefined") {
  // Without office.js (a network that blocks where it is loaded from): one line, no uncaught error.
  const container = document.getElementById("container");
  if (container) showError(container, "无法加载 Office.js：请确认这台电脑能访问加载项的网址后重新打开自评助手。");
} else
  Office.onReady((info) => {
    const container = document.getElementById("container");
    if (!container) return;
    if (info.host !== Office.HostType.Excel) {
      showError(container, "当前页面不在 Excel 中运行。请在 Excel 的“开始”选项卡点击“自评助手”打开。");
      return;
    }
    installStyles();
    try {
      const pane = new LitePane(container, {
        host: createOfficeHost(),
        rubrics: trustedBuiltinRubrics,
        reason: decision().reason,
      });
      void pane.start();
    } catch (e) {
      showError(container, "自评助手的精简界面未能启动：" + errorText(e));
    }
  });
