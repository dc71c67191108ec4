/**
 * What jsdom lacks and Fluent UI's popups and motion ask for: ResizeObserver, matchMedia and
 * scrollIntoView, as inert stand-ins. Imported by the component tests that run under jsdom.
 */
/* global window, Element */

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

export {};
