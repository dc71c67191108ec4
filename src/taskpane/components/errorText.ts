/**
 * Error messages in Chinese (format.ts re-exports it): a module of its own, so that the pane's
 * first load (App.tsx, useWorkbook.ts) takes it without format.ts's other helpers and what they import.
 */

/** The message of whatever a host call rejected with. */
export function errorText(error: unknown): string {
  const text = error instanceof Error ? error.message : typeof error === "string" ? error : "";
  if (!text) return "未知错误";
  // Our own errors are in Chinese; one from the browser or a library is not: say what it is in
  // Chinese and keep its words for whoever is asked to help.
  return /[\u4e00-\u9fff]/.test(text) ? text : "加载项内部出错（" + text + "）";
}
