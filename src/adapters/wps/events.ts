/**
 * Change events for the live dashboard: `ApiEvent.AddApiEventListener("SheetChange", …)` for edits
 * anywhere in the workbook, "SheetActivate" and "WorkbookActivate" (the pane recognizes what is
 * shown), never for our
 * own writes (they happen while `isApplying` is true, or within a short grace after, with
 * `EnableEvents` off where the build has it).
 */
import { isApplying } from "./apply";
import type { EtApplication } from "./et";

/** Events arriving this long after our own write are its echo. */
const OWN_WRITE_GRACE_MS = 800;

/** Edits, the active sheet changing, and another workbook coming to the front (the pane reads the active one). */
const EVENTS = ["SheetChange", "SheetActivate", "WorkbookActivate"] as const;

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
  for (const name of EVENTS) {
    try {
      events.AddApiEventListener(name as "SheetChange", handler);
    } catch {
      // A build without this event: the others still report.
    }
  }
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
