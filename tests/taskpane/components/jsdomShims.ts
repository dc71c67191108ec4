/**
 * What jsdom lacks and Fluent UI's popups and motion ask for: ResizeObserver, matchMedia and
 * scrollIntoView, as inert stand-ins. Imported by the component tests that run under jsdom.
 */
/* global window, document, Element */
import { screen, waitFor } from "@testing-library/react";

class InertResizeObserver {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}

if (typeof window !== "undefined") {
  const w = window as unknown as Record<string, unknown>;
  if (!w.ResizeObserver) w.ResizeObserver = InertResizeObserver;
  if (!w.matchMedia)
    w.matchMedia = (query: string) => ({
      matches: false,
      media: query,
      onchange: null,
      addListener: () => undefined,
      removeListener: () => undefined,
      addEventListener: () => undefined,
      removeEventListener: () => undefined,
      dispatchEvent: () => false,
    });
  if (!Element.prototype.scrollIntoView) Element.prototype.scrollIntoView = () => undefined;
}


/**
 * Waits until a closed Fluent dialog has left the page and tabster (Fluent's focus manager) has
 * lifted the aria-hidden it put on the rest of the page while the dialog was open — in jsdom that
 * takes a timer's turn (about a quarter of a second), and until then nothing outside is accessible.
 */
export async function dialogClosed(): Promise<void> {
  await waitFor(() => {
    if (screen.queryByRole("dialog", { hidden: true })) throw new Error("the dialog is still open");
    if (document.querySelector("body > [aria-hidden=true]:not([data-tabster-dummy])"))
      throw new Error("tabster still hides the page");
  });
}
