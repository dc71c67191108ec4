/**
 * The ribbon and the task pane are two pages: the ribbon's callbacks run in the add-in's hidden
 * page (index.html), the pane in its own. What the ribbon asks of the pane (准备工作簿, 发送前校验)
 * travels through `Application.PluginStorage`, which every page of an add-in shares for the
 * session (it is not kept across sessions, which suits a command): the ribbon writes the command,
 * the pane reads it, removes it and runs it once.
 */
import type { EtApplication, EtPluginStorage } from "./et";

export type PaneCommand = "prepare" | "validate";

/** The PluginStorage key of the command waiting for the pane. */
export const COMMAND_KEY = "ziping.command";
/** The PluginStorage key of the task pane's id (CreateTaskPane's), so the ribbon finds it again. */
export const TASKPANE_KEY = "ziping.taskpane";

/** How often the pane looks for a command (one getItem). */
export const COMMAND_POLL_MS = 400;

function isCommand(value: unknown): value is PaneCommand {
  return value === "prepare" || value === "validate";
}

/** Leaves a command for the pane (the ribbon's side). */
export function postCommand(storage: EtPluginStorage, command: PaneCommand): void {
  storage.setItem(COMMAND_KEY, command);
}

/** Takes the waiting command, if any, so that it runs once (the pane's side). */
export function takeCommand(storage: EtPluginStorage): PaneCommand | undefined {
  const value = storage.getItem(COMMAND_KEY);
  if (!isCommand(value)) return undefined;
  storage.removeItem(COMMAND_KEY);
  return value;
}

export interface CommandTimer {
  setInterval(f: () => void, ms: number): unknown;
  clearInterval(id: unknown): void;
}

/** Calls `listener` with each command the ribbon leaves; returns an unsubscribe. */
export function onPaneCommand(
  app: EtApplication,
  listener: (command: PaneCommand) => void,
  timer: CommandTimer = {
    setInterval: (f, ms) => setInterval(f, ms),
    clearInterval: (id) => clearInterval(id as ReturnType<typeof setInterval>),
  }
): () => void {
  const storage = app.PluginStorage;
  if (!storage || typeof storage.getItem !== "function") return () => undefined;
  const look = () => {
    let command: PaneCommand | undefined;
    try {
      command = takeCommand(storage);
    } catch {
      command = undefined;
    }
    if (command) listener(command);
  };
  const id = timer.setInterval(look, COMMAND_POLL_MS);
  // A command left before the pane opened (the ribbon opened it for this command) runs at once.
  look();
  return () => timer.clearInterval(id);
}
