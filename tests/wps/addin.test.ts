/**
 * @jest-environment jsdom
 * @jest-environment-options {"url": "http://192.168.1.10/ziping/wps/index.html"}
 */
/* global window, DOMParser */
/**
 * The WPS add-in loaded as WPS loads it, in jsdom over the ET fake: ribbon.xml parsed, the hidden
 * page's script run as a classic script, and every callback the ribbon names found by its global
 * name and called as WPS calls it (a control object with `Id`). The browser test
 * (tests/e2e/wps.e2e.test.ts) does the same with the built files.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { COMMAND_KEY, TASKPANE_KEY, onPaneCommand, type PaneCommand } from "../../src/adapters/wps/index";
import { installFakeEt, uninstallFakeEt, type FakeEt } from "../support/wps/fakeEt";

const ROOT = join(__dirname, "..", "..");
const RIBBON = readFileSync(join(ROOT, "src", "wps", "ribbon.xml"), "utf8");

type Callback = (control?: unknown) => unknown;
const global = () => window as unknown as Record<string, Callback | undefined>;

function ribbon() {
  const doc = new DOMParser().parseFromString(RIBBON, "text/xml");
  expect(doc.getElementsByTagName("parsererror")).toHaveLength(0);
  return doc;
}

let fake: FakeEt;

beforeEach(() => {
  fake = installFakeEt(window, { sheets: [{ name: "评分细则", values: [["类别"]] }] });
  jest.isolateModules(() => {
    require("../../src/wps/addin");
  });
});

afterEach(() => uninstallFakeEt(window));

test("the ribbon: a 自评助手 tab with 打开任务窗格, 准备工作簿, 发送前校验", () => {
  const doc = ribbon();
  const root = doc.documentElement;
  expect(root.tagName).toBe("customUI");
  expect(root.getAttribute("xmlns")).toBe("http://schemas.microsoft.com/office/2006/01/customui");
  const tabs = Array.from(doc.getElementsByTagName("tab"));
  expect(tabs.map((t) => t.getAttribute("label"))).toEqual(["自评助手"]);
  const buttons = Array.from(doc.getElementsByTagName("button"));
  expect(buttons.map((b) => b.getAttribute("label"))).toEqual(["打开任务窗格", "准备工作簿", "发送前校验"]);
});

test("every callback the ribbon names is a global function of the hidden page, and none is async", () => {
  const doc = ribbon();
  const names = new Set<string>();
  for (const el of Array.from(doc.getElementsByTagName("*")))
    for (const attr of ["onLoad", "onAction", "getImage", "getEnabled", "getVisible", "getLabel"])
      if (el.getAttribute(attr)) names.add(el.getAttribute(attr)!);
  expect(Array.from(names).sort()).toEqual(["ZipingGetEnabled", "ZipingGetImage", "ZipingOnAction", "ZipingOnLoad"]);
  for (const name of names) {
    const f = global()[name];
    expect(typeof f).toBe("function");
    expect(f!.constructor.name).toBe("Function"); // not an AsyncFunction
  }
  expect(global().ZipingOnLoad!({})).toBe(true);
});

test("打开任务窗格 creates the pane once, docked right, from the add-in's own folder", () => {
  const onAction = global().ZipingOnAction!;
  const result = onAction({ Id: "zipingOpenPane" });
  expect(result).toBe(true); // synchronous: a value, not a promise
  expect(fake.taskPanes).toHaveLength(1);
  const pane = fake.taskPanes[0];
  expect(pane.url).toBe("http://192.168.1.10/ziping/wps/taskpane.html");
  expect(pane.DockPosition).toBe(2); // msoCTPDockPositionRight
  expect(pane.Width).toBe(380);
  expect(pane.Visible).toBe(true);
  expect(fake.storage.getItem(TASKPANE_KEY)).toBe("1");
  // Hidden by the user, shown again: the same pane.
  pane.Visible = false;
  onAction({ Id: "zipingOpenPane" });
  expect(fake.taskPanes).toHaveLength(1);
  expect(pane.Visible).toBe(true);
});

test("准备工作簿 and 发送前校验 leave their command for the pane and show it; the pane takes each once", () => {
  const onAction = global().ZipingOnAction!;
  const heard: PaneCommand[] = [];
  const timer = { setInterval: () => 0, clearInterval: () => undefined };

  onAction({ Id: "zipingPrepare" });
  expect(fake.storage.getItem(COMMAND_KEY)).toBe("prepare");
  expect(fake.taskPanes).toHaveLength(1);
  expect(fake.taskPanes[0].Visible).toBe(true);
  // The pane, as it starts, takes the command (and removes it: it runs once).
  const off = onPaneCommand(fake.app, (c) => heard.push(c), timer);
  expect(heard).toEqual(["prepare"]);
  expect(fake.storage.getItem(COMMAND_KEY)).toBe("");
  off();

  // WPS passes the control with `Id`; some builds with `id`.
  onAction({ id: "zipingValidate" });
  expect(fake.storage.getItem(COMMAND_KEY)).toBe("validate");
  onPaneCommand(fake.app, (c) => heard.push(c), timer);
  expect(heard).toEqual(["prepare", "validate"]);
  expect(fake.taskPanes).toHaveLength(1);

  // An unknown control does nothing.
  onAction({ Id: "somethingElse" });
  expect(fake.storage.getItem(COMMAND_KEY)).toBe("");
});

test("GetImage names an icon the add-in folder carries; outside WPS a click says so", () => {
  const getImage = global().ZipingGetImage!;
  for (const id of ["zipingOpenPane", "zipingPrepare", "zipingValidate"]) {
    const image = getImage({ Id: id }) as string;
    expect(image).toMatch(/^assets\/icon-\d+\.png$/);
    // The build copies assets/icon-{16,32,64}.png into dist/wps/assets/.
    expect(existsSync(join(ROOT, image))).toBe(true);
  }
  expect(global().ZipingGetEnabled!({ Id: "zipingPrepare" })).toBe(true);

  uninstallFakeEt(window);
  const alerts: string[] = [];
  window.alert = (text?: unknown) => void alerts.push(String(text));
  global().ZipingOnAction!({ Id: "zipingOpenPane" });
  expect(alerts).toEqual(["自评助手：找不到 WPS 的 Application 对象，请在 WPS 表格中使用。"]);
});
