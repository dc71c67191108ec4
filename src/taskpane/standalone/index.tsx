/**
 * Standalone mode: the same pane in a plain browser, without Office — open an .xlsx file, run every
 * action on it with the exceljs adapter (loaded on demand), download the result. For staff whose
 * office uses WPS, and for reviewers without the add-in. Nothing leaves the browser.
 */
import * as React from "react";
import { createRoot } from "react-dom/client";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import App from "../components/App";
import type { WorkbookHost } from "../model/host";
import { openFileHost } from "../hosts/fileHost";
import { OpenFile } from "./OpenFile";
import { preloadPane } from "../onDemand";

/* global document */

function Standalone() {
  const [host, setHost] = React.useState<WorkbookHost>();
  if (host) return <App host={host} />;
  return (
    <FluentProvider theme={webLightTheme}>
      <OpenFile
        onOpen={async (name, data) => setHost(await openFileHost(name, data))}
        onOpenNotice={async (name, data) => {
          const { noticeWorkbook } = await import(/* webpackChunkName: "notice" */ "./notice.js");
          const imported = await noticeWorkbook(name, data);
          setHost(await openFileHost(imported.name, imported.bytes, [imported.note]));
        }}
      />
    </FluentProvider>
  );
}

const container = document.getElementById("container");
if (container) {
  // While a file is chosen: what the pane shows once it has read one.
  preloadPane();
  createRoot(container).render(
    <React.StrictMode>
      <Standalone />
    </React.StrictMode>
  );
}
