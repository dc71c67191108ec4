/** What the panes say of a failure: our Chinese messages as they are, anything else said in Chinese. */
import { errorText } from "../../src/taskpane/components/format";

test("a Chinese message is shown as it is", () => {
  expect(errorText(new Error("工作簿处于编辑模式，无法写入"))).toBe("工作簿处于编辑模式，无法写入");
});

test("a browser's or a library's English message is said in Chinese, its words kept for support", () => {
  expect(errorText(new TypeError("Cannot read properties of undefined (reading 'x')"))).toBe(
    "加载项内部出错（Cannot read properties of undefined (reading 'x')）"
  );
});

test("nothing to say is 未知错误", () => {
  expect(errorText(undefined)).toBe("未知错误");
  expect(errorText(new Error(""))).toBe("未知错误");
});
