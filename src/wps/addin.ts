/**
 * The WPS 表格 add-in's ribbon callbacks (ribbon.xml: the 自评助手 tab). WPS loads the add-in's
 * hidden page, index.html, which loads this file as a classic script (compiled to ES5, no modules),
 * and calls the callbacks by their global names: ZipingOnLoad, ZipingOnAction, ZipingGetImage,
 * ZipingGetEnabled. They are synchronous on purpose: public add-in projects report that async
 * ribbon callbacks broke the ribbon in some WPS 12.1 builds.
 *
 * - 打开任务窗格 shows the pane (CreateTaskPane once, docked right; GetTaskPane afterwards).
 * - 准备工作簿 and 发送前校验 leave the command for the pane (adapters/wps/commands.ts) and show it:
 *   the pane proposes the plan (nothing is written before 确定) or checks the workbook.
 */
import { wpsApplication } from "../adapters/wps/application";
import { postCommand, TASKPANE_KEY, type PaneCommand } from "../adapters/wps/commands";
import { MSO_CTP_DOCK_RIGHT, type EtApplication, type EtTaskPane } from "../adapters/wps/et";

/* global window */

/** The pane's width in pixels, as wide as Excel's default task pane. */
export const PANE_WIDTH = 380;

export const BUTTONS: Record<string, { image: string; command?: PaneCommand }> = {
  zipingOpenPane: { image: "assets/icon-32.png" },
  zipingPrepare: { image: "assets/icon-32.png", command: "prepare" },
  zipingValidate: { image: "assets/icon-32.png", command: "validate" },
};

interface Control {
  Id?: string;
  id?: string;
}

function controlId(control: unknown): string {
  const c = (control || {}) as Control;
  return String(c.Id || c.id || "");
}

/** The add-in's folder: where index.html was loaded from, so the pane loads from the same place. */
function baseUrl(): string {
  let href = String(window.location.href);
  const hash = href.indexOf("#");
  if (hash >= 0) href = href.slice(0, hash);
  const query = href.indexOf("?");
  if (query >= 0) href = href.slice(0, query);
  return href.slice(0, href.lastIndexOf("/") + 1);
}

function say(text: string): void {
  try {
    window.alert(text);
  } catch (_e) {
    // No dialog in this build: nothing else to say it with.
  }
}

/** The pane, created once per session (its id kept in PluginStorage), shown docked right. */
export function showPane(app: EtApplication): EtTaskPane {
  const storage = app.PluginStorage;
  const id = parseInt(storage.getItem(TASKPANE_KEY), 10);
  let pane: EtTaskPane | null = id ? app.GetTaskPane(id) : null;
  if (!pane) {
    pane = app.CreateTaskPane(baseUrl() + "taskpane.html");
    storage.setItem(TASKPANE_KEY, pane.ID);
    pane.DockPosition = MSO_CTP_DOCK_RIGHT;
    pane.Width = PANE_WIDTH;
  }
  pane.Visible = true;
  return pane;
}

function onLoad(_ribbonUI: unknown): boolean {
  return true;
}

function onAction(control: unknown): boolean {
  const button = BUTTONS[controlId(control)];
  if (!button) return true;
  const app = wpsApplication();
  if (!app) {
    say("自评助手：找不到 WPS 的 Application 对象，请在 WPS 表格中使用。");
    return true;
  }
  try {
    // The command first: a pane opened now reads it as it starts.
    if (button.command) postCommand(app.PluginStorage, button.command);
    showPane(app);
  } catch (e) {
    say("自评助手未能打开任务窗格：" + (e instanceof Error ? e.message : String(e)));
  }
  return true;
}

function getImage(control: unknown): string {
  const button = BUTTONS[controlId(control)];
  return button ? button.image : "";
}

function getEnabled(_control: unknown): boolean {
  return true;
}

const scope = window as unknown as Record<string, unknown>;
scope.ZipingOnLoad = onLoad;
scope.ZipingOnAction = onAction;
scope.ZipingGetImage = getImage;
scope.ZipingGetEnabled = getEnabled;
