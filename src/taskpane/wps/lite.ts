/**
 * The lite pane inside WPS 表格, where the loader finds the webview too old for the full pane (or
 * the full pane could not start): plain DOM, ES5, over the same WPS adapter.
 */
import { trustedBuiltinRubrics } from "../../rubric/builtin/data";
import { NOT_IN_WPS, wpsApplication } from "../../adapters/wps/application";
import { errorText } from "../components/format";
import { createWpsHost } from "../hosts/wpsHost";
import { LitePane } from "../lite/pane";
import { installStyles } from "../lite/styles";

/* global document, window */

function showError(container: HTMLElement, text: string): void {
  const p = document.createElement("p");
  p.className = "boot-message";
  p.appendChild(document.createTextNode(text));
  container.innerHTML = "";
  container.appendChild(p);
}

function boot(): void {
  const container = document.getElementById("container");
  if (!container) return;
  const app = wpsApplication();
  if (!app) {
    showError(container, NOT_IN_WPS);
    return;
  }
  const decision = (window as unknown as { ZIPING_PANE?: { reason?: string } }).ZIPING_PANE;
  installStyles();
  try {
    const pane = new LitePane(container, {
      host: createWpsHost(app),
      rubrics: trustedBuiltinRubrics,
      reason: (decision && decision.reason) || "已打开精简界面。",
    });
    void pane.start();
  } catch (e) {
    showError(container, "自评助手的精简界面未能启动：" + errorText(e));
  }
}

boot();
