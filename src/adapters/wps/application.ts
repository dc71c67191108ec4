/**
 * Where WPS's `Application` is: the one place in the project that reads it from the page. Kept
 * apart from the rest of the adapter so that the ribbon's small ES5 script (src/wps/addin.ts)
 * carries nothing else.
 */
import type { EtApplication } from "./et";

export const NOT_IN_WPS =
  "未在 WPS 表格中运行：找不到 WPS 的 Application 对象。请在 WPS 表格的“自评助手”选项卡点击“打开任务窗格”。";

/** The `Application` WPS gives an add-in's pages (also as `wps`), or undefined outside WPS. */
export function wpsApplication(scope?: unknown): EtApplication | undefined {
  const w = (scope !== undefined ? scope : typeof window !== "undefined" ? window : undefined) as
    { Application?: unknown; wps?: unknown } | undefined;
  if (!w) return undefined;
  const app = (w.Application || w.wps) as EtApplication | undefined;
  // Office's pages have no `Application`, a browser's neither: both are "not in WPS".
  return app && typeof app === "object" && "ActiveWorkbook" in app ? app : undefined;
}
