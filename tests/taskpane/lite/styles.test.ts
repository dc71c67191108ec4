/**
 * The lite pane's stylesheet must mean the same in IE11: no custom properties, no grid, no flex
 * gap, no modern colour or sizing functions IE11 ignores (a whole declaration it cannot parse is
 * dropped, silently).
 */
import { LITE_CSS } from "../../../src/taskpane/lite/styles";

test.each([
  ["custom properties", /var\(--|--[a-z-]+\s*:/],
  ["CSS grid", /display:\s*(inline-)?grid/],
  ["gap", /(^|[\s;{])(row-|column-)?gap\s*:/],
  ["clamp/min/max/calc with var", /\b(clamp|min|max)\(/],
  ["position: sticky", /position:\s*sticky/],
  ["colour functions beyond rgb()", /\b(hsl|lab|lch|color-mix)\(/],
])("no %s", (_name, pattern) => {
  expect(LITE_CSS).not.toMatch(pattern);
});

test("the stylesheet sets Office's fonts and blue", () => {
  expect(LITE_CSS).toMatch(/font-family: "Segoe UI", "Microsoft YaHei"/);
  expect(LITE_CSS).toMatch(/#0078d4/);
});
