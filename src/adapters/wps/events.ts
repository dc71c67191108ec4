/**
 * Change events for the live dashboard: `ApiEvent.AddApiEventListener("SheetChange", …)` for edits
 * anywhere in the workbook, and "SheetActivate" (the pane recognizes what is shown), never for our
 * own writes (they happen while `isApplying` is true, or within a short grace after, with
 * `EnableEvents` off where the build has it).
 */
import { isApplying } from "./apply";
import type { EtApplication } from "./et";

/** Events arriving this long after our own write are its echo. */
const OWN_WRITE_GRACE_MS = 800;

const EVENTS = ["SheetChange", "SheetActivate"] as const;

/** Whether this WPS build reports edits to add-ins. */
export function hasChangeEvents(app: EtApplication): boolean {
  return Boolean(app.ApiEvent && typeof app.ApiEvent.AddApiEventListener === "function");
}

/** Subscribes `listener` to edits of any sheet and to the active sheet changing; returns an unsubscribe. */
export function onWorkbookChanged(app: EtApplication, listener: () => void): () => void {
  if (!hasChangeEvents(app)) return () => undefined;
  const handler = () => {
    if (!isApplying(OWN_WRITE_GRACE_MS)) listener();
  };
  const events = app.ApiEvent;
  for (const name of EVENTS) events.AddApiEventListener(name as "SheetChange", handler);
  return () => {
    if (typeof events.RemoveApiEventListener !== "function") return;
    for (const name of EVENTS) {
      try {
        events.RemoveApiEventListener(name as "SheetChange", handler);
      } catch {
        // The pane is going away: nothing to tell anyone.
      }
    }
  };
}
