/**
 * The full pane inside WPS 表格: the same App as in Excel, over the open workbook through the WPS
 * adapter. Loaded by wps/taskpane.html's loader (the WPS webview is Chromium, its version
 * undocumented: the loader probes, and falls back to the lite pane). Outside WPS it says so.
 */
import * as React from "react";
import { createRoot } from "react-dom/client";
import App from "../components/App";
import { NOT_IN_WPS, wpsApplication } from "../../adapters/wps/application";
import { createWpsHost } from "../hosts/wpsHost";
import { preloadPane } from "../onDemand";

/* global document */

function boot(): void {
  const container = document.getElementById("container");
  if (!container) return;
  const app = wpsApplication();
  if (!app) {
    container.innerHTML = "";
    const p = document.createElement("p");
    p.className = "boot-message";
    p.appendChild(document.createTextNode(NOT_IN_WPS));
    container.appendChild(p);
    return;
  }
  preloadPane();
  createRoot(container).render(
    <React.StrictMode>
      <App host={createWpsHost(app)} />
    </React.StrictMode>
  );
}

boot();
