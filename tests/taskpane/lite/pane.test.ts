/** @jest-environment jsdom */
/**
 * The lite pane's behaviour under jsdom, over an in-memory host on the real exceljs adapter (the
 * browser test, tests/e2e/lite.e2e.test.ts, runs the built ES5 bundle against ExcelApi 1.1):
 * nothing is written before 确定, 取消 writes nothing, preparing twice is preparing once, a
 * refused write is said in Chinese, edits reported by Excel are followed, and a workbook whose
 * rubric must be derived is sent to the full pane, not guessed at.
 */
import { getByRole, getByText, waitFor } from "@testing-library/dom";
import { join } from "node:path";
import { trustedBuiltinRubrics } from "../../../src/rubric/builtin/data";
import { findBuiltinRubric } from "../../../src/rubric/builtin/index";
import { evidenceEntryPlan } from "../../../src/plan/evidenceEntry";
import { LitePane } from "../../../src/taskpane/lite/pane";
import { installStyles } from "../../../src/taskpane/lite/styles";
import { fakeHost, SAMPLE, type FakeHostOptions } from "../components/fakeHost";

const CAOXIAN = join(__dirname, "..", "..", "..", "assets", "samples", "曹县-评分细则.xlsx");
const DERIVED = join(__dirname, "..", "..", "..", "assets", "samples", "derived", "安全生产考核表.xlsx");

async function open(file = SAMPLE, options: FakeHostOptions = {}) {
  document.body.innerHTML = "";
  const root = document.createElement("div");
  document.body.appendChild(root);
  installStyles();
  const host = await fakeHost(file, options);
  const pane = new LitePane(root, { host, rubrics: trustedBuiltinRubrics, reason: "测试：精简界面" });
  await pane.start();
  return { root, host, pane };
}

const button = (root: HTMLElement, name: string) => getByRole(root, "button", { name }) as HTMLButtonElement;
const byId = (id: string) => document.getElementById(id)!;

test("shows the reason, the recognized sheet and the total; nothing is written before 确定", async () => {
  const { root, host } = await open();
  expect(byId("zl-reason").textContent).toBe("测试：精简界面");
  expect(byId("zl-matched").textContent).toBe("已匹配 31 / 31 个二级指标");
  // The sample's other sheet is named, with why it is no table.
  expect(byId("zl-other-sheets").textContent).toMatch(/^“说明”：未识别（/);
  // 微山's sample has no self-scores typed: the total is 0 of the rubric's 100.
  expect(byId("zl-total").textContent).toBe("0 / 100 分");

  button(root, "准备工作簿").click();
  const dialog = getByRole(root, "dialog", { name: "准备工作簿" });
  expect(getByText(dialog, "将要进行的修改")).toBeTruthy();
  expect(host.apply).not.toHaveBeenCalled();
  // While the proposal is open, the other actions wait.
  expect(button(root, "发送前校验").disabled).toBe(true);

  button(dialog, "取消").click();
  expect(root.querySelector("[role=dialog]")).toBeNull();
  expect(host.apply).not.toHaveBeenCalled();
});

test("准备工作簿 writes once; doing it again proposes nothing new", async () => {
  const { root, host } = await open();
  button(root, "准备工作簿").click();
  button(getByRole(root, "dialog"), "确定").click();
  await waitFor(() => expect(byId("zl-message").textContent).toBe("准备工作簿已完成。"));
  expect(host.apply).toHaveBeenCalledTimes(1);
  const sheets = host.workbook.grids().map((g) => g.sheet);
  expect(sheets).toEqual(expect.arrayContaining(["自评依据", "指标数据", "自评汇总"]));

  // Once prepared, the button says so; a second fill changes no cell (fill is idempotent).
  const again = button(root, "重新准备工作簿");
  const before = JSON.stringify(host.workbook.grids());
  again.click();
  button(getByRole(root, "dialog"), "确定").click();
  await waitFor(() => expect(host.apply).toHaveBeenCalledTimes(2));
  await waitFor(() => expect(byId("zl-message").textContent).toBe("准备工作簿已完成。"));
  expect(JSON.stringify(host.workbook.grids())).toBe(before);
});

test("edits reported by Excel are followed; the total is the rubric's points for the evidence", async () => {
  const { root, host } = await open();
  button(root, "准备工作簿").click();
  button(getByRole(root, "dialog"), "确定").click();
  await waitFor(() => expect(byId("zl-message").textContent).toBe("准备工作簿已完成。"));

  // weishan-2023 1.1.a "建立联席会议或议事协调机构的得2分" and 1.1.c "召开年度联席会议的得1分":
  // 2 + 1 = 3 points, typed into 自评依据 behind the pane's back, then Excel's change event.
  const rubric = findBuiltinRubric("weishan-2023")!;
  const c = rubric.categories[0].indicators[0].criteria;
  expect([c[0].text, c[2].text]).toEqual(["建立联席会议或议事协调机构的得2分", "召开年度联席会议的得1分"]);
  host.edit(evidenceEntryPlan(rubric, { values: { "1.1.a": "是", "1.1.c": "是" } }));
  await waitFor(() => expect(byId("zl-total").textContent).toBe("3 / 100 分"));
  expect(root.querySelector(".category .value")!.textContent).toMatch(/^3 \/ \d+ 分$/);
});

test("a finding selects its cell; a refused write is said in Chinese and changes nothing", async () => {
  // 曹县's sample has self-scores typed (G4 4 …), with findings on their cells.
  const { root, host } = await open(CAOXIAN, { failApply: "工作表已被保护" });
  button(root, "发送前校验").click();
  await waitFor(() => expect(byId("zl-counts").textContent).toMatch(/^错误 \d+ · 警告 \d+ · 提示 \d+/));
  const finding = root.querySelector<HTMLButtonElement>("button.finding[data-cell]:not([data-cell=''])")!;
  finding.click();
  await waitFor(() => expect(host.selected).toEqual([[finding.dataset.sheet, finding.dataset.cell]]));

  const before = JSON.stringify(host.workbook.grids());
  button(root, "准备工作簿").click();
  button(getByRole(root, "dialog"), "确定").click();
  await waitFor(() => expect(byId("zl-message").textContent).toMatch(/^准备工作簿未能完成：.*工作表已被保护/));
  expect(byId("zl-message").getAttribute("role")).toBe("alert");
  expect(JSON.stringify(host.workbook.grids())).toBe(before);
});

test("a 考核表 no built-in rubric covers is sent to the full pane, with nothing to prepare", async () => {
  const { root } = await open(DERIVED, { noEvents: true });
  expect(root.textContent).toMatch(/表格不属于内置的评分细则；由表格自身的评分语句生成评分细则需要完整界面/);
  expect(button(root, "准备工作簿").disabled).toBe(true);
  expect(byId("zl-total")).toBeNull();
});

test("keyboard: the focused control keeps focus when the pane is drawn again", async () => {
  const { root, pane } = await open();
  button(root, "刷新").focus();
  pane.render();
  expect(document.activeElement).toBe(button(root, "刷新"));
});

test("准备工作簿 on 曹县's typed scores offers 覆盖: the lite pane writes the plan that replaces them", async () => {
  const { root, host } = await open(CAOXIAN);
  // The column as typed (assets/samples/README.md): 16 + 5 + 9 = 30, in both panes.
  expect(byId("zl-total").textContent).toBe("30 / 100 分");
  button(root, "准备工作簿").click();
  const dialog = getByRole(root, "dialog", { name: "准备工作簿" });
  expect(getByText(dialog, "保留不改（10 处）")).toBeTruthy();
  button(dialog, "覆盖已填写的得分").click();
  await waitFor(() => expect(byId("zl-message").textContent).toBe("准备工作簿已完成。"));
  const plan = (host.apply as jest.Mock).mock.calls[0][0];
  expect(plan.kept).toEqual([]);
});
