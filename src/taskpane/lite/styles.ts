/**
 * The lite pane's stylesheet: Office's look (Segoe UI / Microsoft YaHei, Office's blue #0078d4,
 * Fluent's greys) in CSS that IE11 understands — no custom properties, no grid, no flex `gap`
 * (margins instead) — for the narrow default pane width (320 px) and a visible keyboard focus.
 */
/* global document */

export const LITE_CSS = `
.zl { font-family: "Segoe UI", "Microsoft YaHei", "微软雅黑", "PingFang SC", "Noto Sans CJK SC", sans-serif;
  font-size: 14px; line-height: 20px; color: #323130; padding: 12px; word-wrap: break-word; }
.zl h1 { font-size: 20px; line-height: 28px; font-weight: 600; margin: 0; }
.zl h2 { font-size: 16px; line-height: 22px; font-weight: 600; margin: 0 0 6px 0; }
.zl h3 { font-size: 14px; font-weight: 600; margin: 8px 0 4px 0; }
.zl p { margin: 0 0 6px 0; }
.zl ul { margin: 0; padding: 0 0 0 18px; }
.zl li { margin: 0 0 4px 0; }
.zl section { margin: 16px 0 0 0; }
.zl .muted { color: #605e5c; font-size: 12px; line-height: 16px; }
.zl .reason { color: #605e5c; font-size: 12px; line-height: 16px; margin: 4px 0 0 0;
  border-left: 3px solid #0078d4; padding: 2px 0 2px 8px; background: #f3f2f1; }
.zl .badge { display: inline-block; background: #deecf9; color: #004578; font-size: 12px; line-height: 16px;
  padding: 1px 6px; border-radius: 2px; margin-left: 4px; }
.zl .actions { margin: 12px 0 0 0; }
.zl button { font-family: inherit; font-size: 14px; line-height: 20px; cursor: pointer; border-radius: 2px;
  min-height: 32px; padding: 5px 12px; margin: 0 8px 8px 0; border: 1px solid #8a8886; background: #ffffff;
  color: #323130; font-weight: 600; }
.zl button:hover { background: #f3f2f1; }
.zl button.primary { background: #0078d4; border-color: #0078d4; color: #ffffff; }
.zl button.primary:hover { background: #106ebe; border-color: #106ebe; }
.zl button.primary:active { background: #005a9e; }
.zl button[disabled], .zl button[disabled]:hover { background: #f3f2f1; border-color: #c8c6c4; color: #a19f9d; cursor: default; }
.zl button:focus, .zl .finding:focus { outline: 2px solid #000000; outline-offset: 1px; }
.zl .panel { border: 1px solid #c8c6c4; border-radius: 2px; padding: 12px; margin: 12px 0 0 0; background: #ffffff; }
.zl .message { padding: 8px 12px; margin: 12px 0 0 0; border-radius: 2px; background: #f3f2f1; }
.zl .message.error { background: #fde7e9; color: #a4262c; }
.zl .message.success { background: #dff6dd; color: #0b6a0b; }
.zl .message.warning { background: #fff4ce; color: #323130; }
.zl .total { font-size: 28px; line-height: 36px; font-weight: 600; margin: 0 0 2px 0; }
.zl .bar-label { margin: 8px 0 2px 0; }
.zl .bar-label .value { float: right; color: #605e5c; }
.zl .bar { height: 6px; background: #edebe9; border-radius: 3px; overflow: hidden; }
.zl .bar-fill { height: 6px; background: #0078d4; }
.zl .unmet { color: #a4262c; font-weight: 600; }
.zl .finding { display: block; width: 100%; text-align: left; font-weight: 400; margin: 0 0 6px 0;
  padding: 6px 8px; border: 1px solid #edebe9; border-left-width: 3px; }
.zl .finding.error { border-left-color: #a4262c; }
.zl .finding.warning { border-left-color: #c19c00; }
.zl .finding.info { border-left-color: #0078d4; }
.zl .finding .cell { display: block; color: #605e5c; font-size: 12px; line-height: 16px; }
.zl .notes { margin: 16px 0 0 0; }
`;

/** Adds the stylesheet once. */
export function installStyles(): void {
  if (document.getElementById("ziping-lite-styles")) return;
  const style = document.createElement("style");
  style.id = "ziping-lite-styles";
  style.setAttribute("type", "text/css");
  style.appendChild(document.createTextNode(LITE_CSS));
  document.getElementsByTagName("head")[0].appendChild(style);
}
