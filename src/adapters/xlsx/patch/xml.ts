/**
 * XML parts as DOM trees (@xmldom/xmldom), edited in place and written back: what a part holds that
 * Ziping does not know (extensions, mc:AlternateContent, other namespaces) passes through untouched.
 * Elements are found and made by local name in the part's own main namespace, whatever prefix the
 * program that wrote it chose (Excel writes none, the Open XML SDK writes "x:").
 */
import { DOMParser, XMLSerializer, type Document, type Element, type Node } from "@xmldom/xmldom";

export type { Document, Element };

export const SPREADSHEET_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
export const RELATIONSHIPS_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
export const PACKAGE_RELS_NS = "http://schemas.openxmlformats.org/package/2006/relationships";
export const CONTENT_TYPES_NS = "http://schemas.openxmlformats.org/package/2006/content-types";

/** A part that is not well-formed XML. */
export class XmlPartError extends Error {}

export function parseXml(text: string, part: string): Document {
  try {
    const doc = new DOMParser({
      onError: (level, message) => {
        if (level !== "warning") throw new XmlPartError(part + ": " + message);
      },
    }).parseFromString(text, "text/xml");
    if (!doc.documentElement) throw new XmlPartError(part + ": no root element");
    return doc;
  } catch (e) {
    throw e instanceof XmlPartError ? e : new XmlPartError(part + ": " + (e instanceof Error ? e.message : String(e)));
  }
}

export function serializeXml(doc: Document): string {
  const text = new XMLSerializer().serializeToString(doc);
  return /^<\?xml/.test(text) ? text : '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' + text;
}

function isElement(node: Node | null): node is Element {
  return node !== null && node.nodeType === 1;
}

/** The element children of `parent` with this local name (in any namespace). */
export function children(parent: Element, localName: string): Element[] {
  const out: Element[] = [];
  for (let n = parent.firstChild; n; n = n.nextSibling) if (isElement(n) && n.localName === localName) out.push(n);
  return out;
}

export function child(parent: Element, localName: string): Element | undefined {
  for (let n = parent.firstChild; n; n = n.nextSibling) if (isElement(n) && n.localName === localName) return n;
  return undefined;
}

export function elementChildren(parent: Element): Element[] {
  const out: Element[] = [];
  for (let n = parent.firstChild; n; n = n.nextSibling) if (isElement(n)) out.push(n);
  return out;
}

/** A new element in `like`'s namespace and with its prefix (the part's main namespace). */
export function createLike(like: Element, localName: string): Element {
  const doc = like.ownerDocument!;
  const ns = like.namespaceURI;
  const qualified = like.prefix ? like.prefix + ":" + localName : localName;
  return ns ? doc.createElementNS(ns, qualified) : doc.createElement(localName);
}

/**
 * The child of this local name, made where the schema's order wants it when it is missing:
 * `order` lists the parent's children in schema order.
 */
export function ensureChild(parent: Element, localName: string, order: readonly string[]): Element {
  const existing = child(parent, localName);
  if (existing) return existing;
  const made = createLike(parent, localName);
  insertInOrder(parent, made, order);
  return made;
}

/** Inserts `node` before the first child that comes after it in `order`. */
export function insertInOrder(parent: Element, node: Element, order: readonly string[]): void {
  const rank = order.indexOf(node.localName!);
  for (const c of elementChildren(parent)) {
    const r = order.indexOf(c.localName!);
    if (rank >= 0 && r > rank) {
      parent.insertBefore(node, c);
      return;
    }
  }
  parent.appendChild(node);
}

export function removeNode(node: Node): void {
  if (node.parentNode) node.parentNode.removeChild(node);
}

export function removeChildren(parent: Element, localName: string): void {
  for (const c of children(parent, localName)) parent.removeChild(c);
}

export function textOf(el: Element | undefined): string {
  return el ? el.textContent || "" : "";
}

/** Sets (or with undefined, removes) an attribute. */
export function setAttr(el: Element, name: string, value: string | number | undefined): void {
  if (value === undefined) el.removeAttribute(name);
  else el.setAttribute(name, String(value));
}

export function setText(el: Element, text: string): void {
  while (el.firstChild) el.removeChild(el.firstChild);
  el.appendChild(el.ownerDocument!.createTextNode(text));
  // Leading or trailing spaces and line breaks survive only with xml:space="preserve".
  if (/^\s|\s$/.test(text) && el.localName === "t")
    el.setAttributeNS("http://www.w3.org/XML/1998/namespace", "xml:space", "preserve");
}
