/**
 * The few DOM helpers the lite pane is built with: IE11's DOM, no framework. Text is always set as
 * text nodes, never as HTML, so nothing read from a workbook can become markup.
 */
/* global document, HTMLElement */

export type Child = Node | string | null | undefined | false;

export interface Attributes {
  [name: string]: string | number | boolean | undefined | ((event: Event) => void);
}

/** `el("button", { class: "primary", onclick: f }, "准备工作簿")`. */
export function el(tag: string, attributes?: Attributes | null, ...children: Child[]): HTMLElement {
  const node = document.createElement(tag);
  if (attributes) {
    for (const name in attributes) {
      if (!Object.prototype.hasOwnProperty.call(attributes, name)) continue;
      const value = attributes[name];
      if (value === undefined || value === false) continue;
      if (typeof value === "function") node.addEventListener(name.replace(/^on/, ""), value as EventListener);
      else if (name === "class") node.className = String(value);
      else node.setAttribute(name, value === true ? "" : String(value));
    }
  }
  append(node, children);
  return node;
}

export function append(node: Node, children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    node.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
  }
}

/** Replaces a node's children. */
export function replaceChildren(node: Node, ...children: Child[]): void {
  while (node.firstChild) node.removeChild(node.firstChild);
  append(node, children);
}
