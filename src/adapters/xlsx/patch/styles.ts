/**
 * styles.xml, extended but never rewritten: a cell the plan styles gets a new cell format (xf)
 * made from its own (font, fill, alignment, number format, protection changed as asked, the rest
 * kept), and a conditional format gets a differential format (dxf). Formats are appended and
 * shared between cells that ask for the same; the workbook's own formats stay at their indexes.
 */
import type { CellStyle } from "../../../plan/plan";
import { XMLSerializer } from "@xmldom/xmldom";
import { children, createLike, elementChildren, ensureChild, setAttr, type Document, type Element } from "./xml";

const serializer = new XMLSerializer();

/** styles.xml's children in schema order (CT_Stylesheet). */
const STYLESHEET_ORDER = [
  "numFmts",
  "fonts",
  "fills",
  "borders",
  "cellStyleXfs",
  "cellXfs",
  "cellStyles",
  "dxfs",
  "tableStyles",
  "colors",
  "extLst",
];
/** A font's children in schema order (CT_Font, as Excel writes them). */
const FONT_ORDER = [
  "b",
  "i",
  "strike",
  "condense",
  "extend",
  "outline",
  "shadow",
  "u",
  "vertAlign",
  "sz",
  "color",
  "name",
  "family",
  "charset",
  "scheme",
];
/** An xf's children (CT_Xf). */
const XF_ORDER = ["alignment", "protection", "extLst"];

/** Excel's built-in number formats (ECMA-376 §18.8.30) that the plan may ask for. */
const BUILTIN_FORMATS: Record<string, number> = {
  General: 0,
  "0": 1,
  "0.00": 2,
  "#,##0": 3,
  "#,##0.00": 4,
  "0%": 9,
  "0.00%": 10,
};

/** "#F8CBAD" → "FFF8CBAD" (ARGB, opaque). */
export function argb(color: string): string {
  const m = /^#?([0-9a-fA-F]{6})$/.exec(color);
  if (!m) throw new Error("颜色应为 #RRGGBB：" + color);
  return "FF" + m[1].toUpperCase();
}

/** The minimal styles.xml of a new workbook: one font, the two fills Excel reserves, one border. */
export const EMPTY_STYLES =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
  '<fonts count="1"><font><sz val="11"/><name val="宋体"/><family val="3"/><charset val="134"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
  '<dxfs count="0"/><tableStyles count="0"/></styleSheet>';

function recount(list: Element, item: string): void {
  setAttr(list, "count", children(list, item).length);
}

export class StyleBook {
  private readonly root: Element;
  private readonly xfCache = new Map<string, number>();
  private readonly dxfCache = new Map<string, number>();
  changed = false;

  constructor(doc: Document) {
    this.root = doc.documentElement!;
  }

  private list(name: string, item: string): { list: Element; items: Element[] } {
    const list = ensureChild(this.root, name, STYLESHEET_ORDER);
    return { list, items: children(list, item) };
  }

  /** Serialized items of a list, to find an identical one instead of adding it again. */
  private readonly known = new Map<string, Map<string, number>>();

  /**
   * The index of `el` in the list: an identical item already there (so that preparing a workbook
   * twice adds nothing the second time), else `el` appended.
   */
  private append(name: string, item: string, el: Element): number {
    const { list, items } = this.list(name, item);
    let index = this.known.get(name);
    if (!index) {
      index = new Map();
      items.forEach((x, i) => {
        const key = serializer.serializeToString(x);
        if (!index!.has(key)) index!.set(key, i);
      });
      this.known.set(name, index);
    }
    const key = serializer.serializeToString(el);
    const found = index.get(key);
    if (found !== undefined) return found;
    list.appendChild(el);
    recount(list, item);
    index.set(key, items.length);
    this.changed = true;
    return items.length;
  }

  private numFmtId(format: string): number {
    if (BUILTIN_FORMATS[format] !== undefined) return BUILTIN_FORMATS[format];
    const { list, items } = this.list("numFmts", "numFmt");
    const found = items.find((f) => f.getAttribute("formatCode") === format);
    if (found) return Number(found.getAttribute("numFmtId"));
    let id = 164;
    for (const f of items) id = Math.max(id, Number(f.getAttribute("numFmtId")) + 1);
    const el = createLike(list, "numFmt");
    el.setAttribute("numFmtId", String(id));
    el.setAttribute("formatCode", format);
    list.appendChild(el);
    recount(list, "numFmt");
    this.changed = true;
    return id;
  }

  private font(baseId: number, style: CellStyle): number {
    const { list, items } = this.list("fonts", "font");
    const base = items[baseId] ?? items[0];
    const font = base ? (base.cloneNode(true) as Element) : createLike(list, "font");
    if (style.bold !== undefined) {
      for (const b of children(font, "b")) font.removeChild(b);
      if (style.bold) font.insertBefore(createLike(list, "b"), font.firstChild);
    }
    if (style.fontColor !== undefined) {
      for (const c of children(font, "color")) font.removeChild(c);
      const color = createLike(list, "color");
      color.setAttribute("rgb", argb(style.fontColor));
      const next = elementChildren(font).find((c) => FONT_ORDER.indexOf(c.localName!) > FONT_ORDER.indexOf("color"));
      font.insertBefore(color, next ?? null);
    }
    return this.append("fonts", "font", font);
  }

  private solidFill(color: string, like: Element): Element {
    const fill = createLike(like, "fill");
    const pattern = createLike(like, "patternFill");
    pattern.setAttribute("patternType", "solid");
    const fg = createLike(like, "fgColor");
    fg.setAttribute("rgb", argb(color));
    const bg = createLike(like, "bgColor");
    bg.setAttribute("indexed", "64");
    pattern.appendChild(fg);
    pattern.appendChild(bg);
    fill.appendChild(pattern);
    return fill;
  }

  /** The index of a cell format: cell format `base` with `style` applied. */
  xf(base: number, style: CellStyle, inputFill: string): number {
    const key = base + "|" + JSON.stringify(style);
    const cached = this.xfCache.get(key);
    if (cached !== undefined) return cached;
    const { list, items } = this.list("cellXfs", "xf");
    const original = items[base] ?? items[0];
    const xf = original ? (original.cloneNode(true) as Element) : createLike(list, "xf");
    for (const [name, fallback] of [
      ["numFmtId", "0"],
      ["fontId", "0"],
      ["fillId", "0"],
      ["borderId", "0"],
    ])
      if (!xf.hasAttribute(name)) xf.setAttribute(name, fallback);
    if (style.bold !== undefined || style.fontColor !== undefined) {
      xf.setAttribute("fontId", String(this.font(Number(xf.getAttribute("fontId")), style)));
      xf.setAttribute("applyFont", "1");
    }
    const fill = style.fill ?? (style.input ? inputFill : undefined);
    if (fill !== undefined) {
      xf.setAttribute("fillId", String(this.append("fills", "fill", this.solidFill(fill, list))));
      xf.setAttribute("applyFill", "1");
    }
    if (style.wrap !== undefined || style.align !== undefined) {
      const alignment = ensureChild(xf, "alignment", XF_ORDER);
      if (style.wrap !== undefined) setAttr(alignment, "wrapText", style.wrap ? "1" : undefined);
      if (style.align !== undefined) alignment.setAttribute("horizontal", style.align);
      xf.setAttribute("applyAlignment", "1");
    }
    if (style.numberFormat !== undefined) {
      xf.setAttribute("numFmtId", String(this.numFmtId(style.numberFormat)));
      xf.setAttribute("applyNumberFormat", "1");
    }
    if (style.input) {
      ensureChild(xf, "protection", XF_ORDER).setAttribute("locked", "0");
      xf.setAttribute("applyProtection", "1");
    }
    const index = this.append("cellXfs", "xf", xf);
    this.xfCache.set(key, index);
    return index;
  }

  /** The index of a differential format (for a conditional format's rule). */
  dxf(style: { fill?: string; fontColor?: string; bold?: boolean }): number {
    const key = JSON.stringify(style);
    const cached = this.dxfCache.get(key);
    if (cached !== undefined) return cached;
    const { list } = this.list("dxfs", "dxf");
    const dxf = createLike(list, "dxf");
    if (style.bold !== undefined || style.fontColor !== undefined) {
      const font = createLike(list, "font");
      if (style.bold) font.appendChild(createLike(list, "b"));
      if (style.fontColor !== undefined) {
        const color = createLike(list, "color");
        color.setAttribute("rgb", argb(style.fontColor));
        font.appendChild(color);
      }
      dxf.appendChild(font);
    }
    if (style.fill !== undefined) {
      const fill = createLike(list, "fill");
      const pattern = createLike(list, "patternFill");
      pattern.setAttribute("patternType", "solid");
      // In a dxf the fill's color is its background (ECMA-376 §18.8.32).
      const bg = createLike(list, "bgColor");
      bg.setAttribute("rgb", argb(style.fill));
      pattern.appendChild(bg);
      fill.appendChild(pattern);
      dxf.appendChild(fill);
    }
    const index = this.append("dxfs", "dxf", dxf);
    this.dxfCache.set(key, index);
    return index;
  }
}
