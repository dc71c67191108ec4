/** Styles shared by the pane's components. */
import { makeStyles } from "@fluentui/react-components";

export const useSharedStyles = makeStyles({
  /**
   * A dialog that fits the narrow pane: Fluent makes the surface 100vw wide below 480px, which
   * includes the pane's scrollbar and so runs past its right edge; a percentage of the viewport
   * that scrollbars do not take keeps it whole.
   */
  dialogSurface: {
    maxWidth: "min(600px, calc(100% - 16px))",
    "@media screen and (max-width: 480px)": { maxWidth: "calc(100% - 16px)" },
  },
  /** Headings sit in flex columns whose gaps space them: no browser margins. */
  flush: { marginTop: 0, marginBottom: 0 },
});
