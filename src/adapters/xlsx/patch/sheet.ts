/**
 * One worksheet part, changed cell by cell as a plan says and otherwise left as it is: rows, cells,
 * styles, merges, validations, conditional formats, links, panes and columns that the plan does not
 * name keep their XML, whatever program wrote it (extension blocks, x14 validations, sparklines,
 * drawings, tables and protection included).
 */
import type { CellStyle, PlanOp, PlanResult, PlanValue } from "../../../plan/plan";
import { areaA1, columnLetter, parseA1, parseArea, type Area } from "../../../sheet/grid";
import type { StyleBook } from "./styles";
import { clip, ERROR_MAX, ERROR_TITLE_MAX, PROMPT_MAX, PROMPT_TITLE_MAX } from "../../cellStyle";
import {
  child,
  children,
  createLike,
  elementChildren,
  ensureChild,
  insertInOrder,
  removeChildren,
  removeNode,
  setAttr,
  setText,
  textOf,
  type Document,
  type Element,
} from "./xml";

/** A worksheet's children in schema order (CT_Worksheet). */
export const WORKSHEET_ORDER = [
  "sheetPr",
  "dimension",
  "sheetViews",
  "sheetFormatPr",
  "cols",
  "sheetData",
  "sheetCalcPr",
  "sheetProtection",
  "protectedRanges",
  "scenarios",
  "autoFilter",
  "sortState",
  "dataConsolidate",
  "customSheetViews",
  "mergeCells",
  "phoneticPr",
  "conditionalFormatting",
  "dataValidations",
  "hyperlinks",
  "printOptions",
  "pageMargins",
  "pageSetup",
  "headerFooter",
  "rowBreaks",
  "colBreaks",
  "customProperties",
  "cellWatches",
  "ignoredErrors",
  "smartTags",
  "drawing",
  "legacyDrawing",
  "legacyDrawingHF",
  "drawingHF",
  "picture",
  "oleObjects",
  "controls",
  "webPublishItems",
  "tableParts",
  "extLst",
];
const CELL_ORDER = ["f", "v", "is", "extLst"];
const VIEW_ORDER = ["pane", "selection", "pivotSelection", "extLst"];

/** A new, empty worksheet part. */
export const EMPTY_WORKSHEET =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ' +
  'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
  '<dimension ref="A1"/><sheetViews><sheetView workbookViewId="0"/></sheetViews>' +
  '<sheetFormatPr defaultRowHeight="15"/><sheetData/>' +
  '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>';

/**
 * What the plan may not ask of a sheet (a bug in whatever built the plan). The plan's own limits
 * (addresses, lists, texts, numbers) are checked before patching, by adapters/planCheck.ts.
 */
export class PatchError extends Error {}

/** Characters XML 1.0 cannot hold, written as Excel does: _x0001_. */
function xmlSafe(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, (ch) => {
    const hex = ch.charCodeAt(0).toString(16).toUpperCase();
    return "_x" + "0000".slice(hex.length) + hex + "_";
  });
}

function numberText(n: number): string {
  if (!Number.isFinite(n)) throw new PatchError("数值无效（" + n + "）");
  return String(n);
}

function overlaps(a: Area, b: Area): boolean {
  return a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;
}

function areasOf(sqref: string): Area[] {
  return sqref
    .split(/\s+/)
    .filter(Boolean)
    .map((part) => parseArea(part))
    .filter((a): a is Area => a !== undefined);
}

/** The cells of `area` outside `cut`, as at most four rectangles. */
function subtract(area: Area, cut: Area): Area[] {
  if (!overlaps(area, cut)) return [area];
  const out: Area[] = [];
  if (area.top < cut.top) out.push({ ...area, bottom: cut.top - 1 });
  if (area.bottom > cut.bottom) out.push({ ...area, top: cut.bottom + 1 });
  const top = Math.max(area.top, cut.top);
  const bottom = Math.min(area.bottom, cut.bottom);
  if (area.left < cut.left) out.push({ top, bottom, left: area.left, right: cut.left - 1 });
  if (area.right > cut.right) out.push({ top, bottom, left: cut.right + 1, right: area.right });
  return out;
}

export interface SheetPatchOptions {
  styles: StyleBook;
  /** The fill of cells a person fills in (`input: true`). */
  inputFill: string;
  /** The formula a cell holds as the workbook reads it (shared formulas resolved), "=…" or null. */
  formulaAt(row: number, col: number): string | null;
}

export class SheetPatch {
  private readonly root: Element;
  private readonly data: Element;
  private readonly rows = new Map<number, Element>();
  private readonly cells = new Map<number, Map<number, Element>>();
  private readonly detached = new Set<string>();
  wroteFormulas = false;

  constructor(
    doc: Document,
    private readonly options: SheetPatchOptions
  ) {
    this.root = doc.documentElement!;
    this.data = ensureChild(this.root, "sheetData", WORKSHEET_ORDER);
    let r = 0;
    for (const row of children(this.data, "row")) {
      // A row without its number follows the one before it; we name every row we may touch.
      r = Number(row.getAttribute("r")) || r + 1;
      if (!row.getAttribute("r")) row.setAttribute("r", String(r));
      this.rows.set(r - 1, row);
    }
  }

  /** Protected the way Excel and LibreOffice protect a sheet (`<sheetProtection sheet="1">`). */
  get isProtected(): boolean {
    const p = child(this.root, "sheetProtection");
    return p !== undefined && /^(1|true)$/.test(p.getAttribute("sheet") || "");
  }

  // --- rows and cells -------------------------------------------------------------------------

  private row(r: number, create: boolean): Element | undefined {
    const existing = this.rows.get(r);
    if (existing || !create) return existing;
    const row = createLike(this.data, "row");
    row.setAttribute("r", String(r + 1));
    let before: Element | null = null;
    let beforeRow = Infinity;
    for (const [n, el] of this.rows) {
      if (n > r && n < beforeRow) {
        before = el;
        beforeRow = n;
      }
    }
    this.data.insertBefore(row, before);
    this.rows.set(r, row);
    return row;
  }

  private rowCells(r: number, row: Element): Map<number, Element> {
    let map = this.cells.get(r);
    if (map) return map;
    map = new Map();
    let c = -1;
    for (const cell of children(row, "c")) {
      const ref = cell.getAttribute("r");
      c = ref ? parseA1(ref.replace(/\$/g, "")).col : c + 1;
      if (!ref) cell.setAttribute("r", columnLetter(c) + (r + 1));
      map.set(c, cell);
    }
    this.cells.set(r, map);
    return map;
  }

  private cell(address: string, create: boolean): Element | undefined {
    const { row: r, col: c } = parseA1(address);
    const row = this.row(r, create);
    if (!row) return undefined;
    const map = this.rowCells(r, row);
    const existing = map.get(c);
    if (existing || !create) return existing;
    const cell = createLike(this.data, "c");
    cell.setAttribute("r", columnLetter(c) + (r + 1));
    let before: Element | null = null;
    let beforeCol = Infinity;
    for (const [n, el] of map) {
      if (n > c && n < beforeCol) {
        before = el;
        beforeCol = n;
      }
    }
    row.insertBefore(cell, before);
    // The row's spans hint at its cells' columns; an added cell may fall outside them.
    row.removeAttribute("spans");
    map.set(c, cell);
    return cell;
  }

  /** A shared formula's master is about to change: every cell sharing it gets its own formula. */
  private detachShared(cell: Element): void {
    const f = child(cell, "f");
    if (!f || f.getAttribute("t") !== "shared" || !f.getAttribute("ref")) return;
    const si = f.getAttribute("si") || "";
    if (this.detached.has(si)) return;
    this.detached.add(si);
    const area = parseArea(f.getAttribute("ref")!);
    if (!area) return;
    for (let r = area.top; r <= area.bottom; r++) {
      const row = this.rows.get(r);
      if (!row) continue;
      for (const [c, other] of this.rowCells(r, row)) {
        const g = child(other, "f");
        if (other === cell || !g || g.getAttribute("t") !== "shared" || g.getAttribute("si") !== si) continue;
        const formula = this.options.formulaAt(r, c);
        if (!formula) continue;
        for (const name of ["t", "si", "ref"]) g.removeAttribute(name);
        setText(g, formula.replace(/^=/, ""));
      }
    }
  }

  private clearContent(cell: Element): void {
    for (const name of ["f", "v", "is"]) removeChildren(cell, name);
    for (const name of ["t", "cm", "vm"]) cell.removeAttribute(name);
  }

  private put(cell: Element, name: string, text: string): Element {
    const el = createLike(cell, name);
    setText(el, text);
    insertInOrder(cell, el, CELL_ORDER);
    return el;
  }

  /** A formula's saved result: its type on the cell, its text in <v>. */
  private putResult(cell: Element, result: PlanResult | undefined): void {
    removeChildren(cell, "v");
    cell.removeAttribute("t");
    if (result === null || result === undefined) return;
    if (typeof result === "object") {
      cell.setAttribute("t", "e");
      this.put(cell, "v", result.error);
    } else if (typeof result === "string") {
      cell.setAttribute("t", "str");
      this.put(cell, "v", xmlSafe(result));
    } else if (typeof result === "boolean") {
      cell.setAttribute("t", "b");
      this.put(cell, "v", result ? "1" : "0");
    } else this.put(cell, "v", numberText(result));
  }

  private putValue(cell: Element, value: PlanValue): void {
    if (value === null) return;
    if (typeof value === "string") {
      cell.setAttribute("t", "inlineStr");
      const is = createLike(cell, "is");
      const t = createLike(cell, "t");
      setText(t, xmlSafe(value));
      is.appendChild(t);
      insertInOrder(cell, is, CELL_ORDER);
    } else if (typeof value === "boolean") {
      cell.setAttribute("t", "b");
      this.put(cell, "v", value ? "1" : "0");
    } else this.put(cell, "v", numberText(value));
  }

  set(op: Extract<PlanOp, { op: "set" }>): void {
    const cell = this.cell(op.cell, true)!;
    if (op.formula !== undefined || op.value !== undefined || op.link) {
      this.detachShared(cell);
      this.clearContent(cell);
      if (op.formula !== undefined) {
        const text = op.formula.replace(/^=/, "").trim();
        this.put(cell, "f", text);
        this.putResult(cell, op.result);
        this.wroteFormulas = true;
      } else this.putValue(cell, op.link ? String(op.value ?? "") : (op.value ?? null));
    }
    if (op.link) this.link(op.cell, op.link.sheet, op.link.cell, String(op.value ?? ""));
    if (op.style) this.style(cell, op.style);
    if (!cell.getAttribute("s") && !cell.firstChild && !op.style) this.dropCell(op.cell, cell);
  }

  private dropCell(address: string, cell: Element): void {
    const { row: r, col: c } = parseA1(address);
    this.cells.get(r)?.delete(c);
    removeNode(cell);
  }

  /** Refreshes a formula's saved result, nothing else. */
  cache(address: string, result: PlanResult): void {
    const cell = this.cell(address, false);
    if (!cell || !child(cell, "f")) return;
    this.putResult(cell, result);
    this.wroteFormulas = true;
  }

  private style(cell: Element, style: CellStyle): void {
    const base = Number(cell.getAttribute("s") || 0);
    cell.setAttribute("s", String(this.options.styles.xf(base, style, this.options.inputFill)));
  }

  styleRange(range: string, style: CellStyle): void {
    const area = this.area(range);
    for (let r = area.top; r <= area.bottom; r++)
      for (let c = area.left; c <= area.right; c++) this.style(this.cell(columnLetter(c) + (r + 1), true)!, style);
  }

  private area(range: string): Area {
    const area = parseArea(range);
    if (!area) throw new PatchError("区域地址无效：" + range);
    return area;
  }

  // --- sheet-level parts ---------------------------------------------------------------------------

  /** Empties the sheet's cells and the rules on them; its columns, views and protection stay. */
  clear(): void {
    for (const row of children(this.data, "row")) this.data.removeChild(row);
    this.rows.clear();
    this.cells.clear();
    for (const name of ["mergeCells", "conditionalFormatting", "dataValidations", "hyperlinks"])
      removeChildren(this.root, name);
  }

  merge(range: string): void {
    const area = this.area(range);
    if (area.top === area.bottom && area.left === area.right) return;
    const merges = ensureChild(this.root, "mergeCells", WORKSHEET_ORDER);
    const ref = areaA1(area);
    for (const m of children(merges, "mergeCell")) {
      const a = parseArea(m.getAttribute("ref") || "");
      if (!a) continue;
      if (areaA1(a) === ref) return;
      if (overlaps(a, area)) merges.removeChild(m);
    }
    const m = createLike(merges, "mergeCell");
    m.setAttribute("ref", ref);
    merges.appendChild(m);
    setAttr(merges, "count", children(merges, "mergeCell").length);
  }

  freeze(rows: number, columns: number): void {
    const views = ensureChild(this.root, "sheetViews", WORKSHEET_ORDER);
    let view = child(views, "sheetView");
    if (!view) {
      view = createLike(views, "sheetView");
      view.setAttribute("workbookViewId", "0");
      views.appendChild(view);
    }
    removeChildren(view, "pane");
    for (const s of children(view, "selection")) if (s.getAttribute("pane")) view.removeChild(s);
    if (rows === 0 && columns === 0) return;
    const pane = createLike(views, "pane");
    if (columns > 0) pane.setAttribute("xSplit", String(columns));
    if (rows > 0) pane.setAttribute("ySplit", String(rows));
    pane.setAttribute("topLeftCell", columnLetter(columns) + (rows + 1));
    const active = rows > 0 && columns > 0 ? "bottomRight" : rows > 0 ? "bottomLeft" : "topRight";
    pane.setAttribute("activePane", active);
    pane.setAttribute("state", "frozen");
    insertInOrder(view, pane, VIEW_ORDER);
  }

  /** Column widths (characters) and hidden columns, splitting any <col> span that covers more. */
  columns(widths: number[] = [], hidden: number[] = []): void {
    const touched = new Set<number>();
    widths.forEach((w, i) => {
      if (typeof w === "number" && Number.isFinite(w) && w > 0) touched.add(i);
    });
    for (const h of hidden) touched.add(h);
    if (!touched.size) return;
    const cols = ensureChild(this.root, "cols", WORKSHEET_ORDER);
    for (const c of Array.from(touched).sort((a, b) => a - b)) {
      const col = this.column(cols, c + 1);
      if (widths[c] !== undefined && Number.isFinite(widths[c]) && widths[c] > 0) {
        col.setAttribute("width", String(widths[c]));
        col.setAttribute("customWidth", "1");
      }
      if (hidden.indexOf(c) >= 0) col.setAttribute("hidden", "1");
    }
  }

  /** The <col> of exactly column n (1-based), split out of a span or made. */
  private column(cols: Element, n: number): Element {
    for (const col of children(cols, "col")) {
      const min = Number(col.getAttribute("min"));
      const max = Number(col.getAttribute("max"));
      if (n < min || n > max) continue;
      if (min === n && max === n) return col;
      const make = (a: number, b: number) => {
        const part = col.cloneNode(true) as Element;
        part.setAttribute("min", String(a));
        part.setAttribute("max", String(b));
        cols.insertBefore(part, col);
        return part;
      };
      if (min < n) make(min, n - 1);
      const own = make(n, n);
      if (n < max) make(n + 1, max);
      cols.removeChild(col);
      return own;
    }
    const col = createLike(cols, "col");
    col.setAttribute("min", String(n));
    col.setAttribute("max", String(n));
    let before: Element | null = null;
    for (const other of children(cols, "col"))
      if (Number(other.getAttribute("min")) > n) {
        before = other;
        break;
      }
    cols.insertBefore(col, before);
    return col;
  }

  validation(op: Extract<PlanOp, { op: "validation" }>): void {
    const area = this.area(op.range);
    const list = ensureChild(this.root, "dataValidations", WORKSHEET_ORDER);
    // What stood on these cells gives way; the rest of its range keeps it.
    for (const dv of children(list, "dataValidation")) {
      const areas = areasOf(dv.getAttribute("sqref") || "");
      if (!areas.some((a) => overlaps(a, area))) continue;
      const rest = areas.reduce<Area[]>((acc, a) => acc.concat(subtract(a, area)), []);
      if (rest.length) dv.setAttribute("sqref", rest.map(areaA1).join(" "));
      else list.removeChild(dv);
    }
    const dv = createLike(list, "dataValidation");
    const rule = op.rule;
    const formulas: string[] = [];
    if (rule.type === "list") {
      const text = rule.values.join(",");
      dv.setAttribute("type", "list");
      formulas.push('"' + text + '"');
    } else if (rule.type === "decimal" || rule.max !== undefined) {
      const max = rule.max as number;
      dv.setAttribute("type", rule.type);
      dv.setAttribute("operator", "between");
      formulas.push(numberText(rule.min), numberText(max));
    } else {
      dv.setAttribute("type", "whole");
      dv.setAttribute("operator", "greaterThanOrEqual");
      formulas.push(numberText(rule.min));
    }
    dv.setAttribute("allowBlank", "1");
    if (op.prompt) dv.setAttribute("showInputMessage", "1");
    // Without showErrorMessage Excel accepts anything typed: always on, "stop".
    dv.setAttribute("showErrorMessage", "1");
    dv.setAttribute("errorStyle", "stop");
    if (op.error) {
      dv.setAttribute("errorTitle", clip(op.error.title, ERROR_TITLE_MAX));
      dv.setAttribute("error", clip(op.error.message, ERROR_MAX));
    }
    if (op.prompt) {
      dv.setAttribute("promptTitle", clip(op.prompt.title, PROMPT_TITLE_MAX));
      dv.setAttribute("prompt", clip(op.prompt.message, PROMPT_MAX));
    }
    dv.setAttribute("sqref", areaA1(area));
    formulas.forEach((f, i) => {
      const el = createLike(list, "formula" + (i + 1));
      setText(el, f);
      dv.appendChild(el);
    });
    list.appendChild(dv);
    setAttr(list, "count", children(list, "dataValidation").length);
  }

  conditionalFormat(op: Extract<PlanOp, { op: "conditionalFormat" }>): void {
    const sqref = areaA1(this.area(op.range));
    const formula = op.formula.replace(/^=/, "").trim();
    let priority: number | undefined;
    let max = 0;
    for (const cf of children(this.root, "conditionalFormatting")) {
      for (const rule of children(cf, "cfRule")) {
        const p = Number(rule.getAttribute("priority")) || 0;
        const same =
          cf.getAttribute("sqref") === sqref &&
          rule.getAttribute("type") === "expression" &&
          textOf(child(rule, "formula")) === formula;
        // The same rule on the same cells is replaced where it stands: applying twice is applying once.
        if (same) {
          priority = p;
          cf.removeChild(rule);
        } else max = Math.max(max, p);
      }
      if (!children(cf, "cfRule").length) this.root.removeChild(cf);
    }
    const cf = createLike(this.root, "conditionalFormatting");
    cf.setAttribute("sqref", sqref);
    const rule = createLike(this.root, "cfRule");
    rule.setAttribute("type", "expression");
    rule.setAttribute("dxfId", String(this.options.styles.dxf(op.style)));
    rule.setAttribute("priority", String(priority ?? max + 1));
    const f = createLike(this.root, "formula");
    setText(f, formula);
    rule.appendChild(f);
    cf.appendChild(rule);
    insertInOrder(this.root, cf, WORKSHEET_ORDER);
  }

  private link(address: string, sheet: string, target: string, display: string): void {
    const links = ensureChild(this.root, "hyperlinks", WORKSHEET_ORDER);
    for (const h of children(links, "hyperlink")) if (h.getAttribute("ref") === address) links.removeChild(h);
    const h = createLike(links, "hyperlink");
    h.setAttribute("ref", address);
    h.setAttribute("location", "'" + sheet.replace(/'/g, "''") + "'!" + target);
    h.setAttribute("display", display);
    links.appendChild(h);
  }

  /** The <dimension> made true again: the used range of the sheet's cells. */
  finish(): void {
    let top = Infinity;
    let left = Infinity;
    let bottom = -1;
    let right = -1;
    for (const [r, row] of this.rows) {
      const cells = this.rowCells(r, row);
      if (!cells.size) continue;
      top = Math.min(top, r);
      bottom = Math.max(bottom, r);
      for (const c of cells.keys()) {
        left = Math.min(left, c);
        right = Math.max(right, c);
      }
    }
    const dimension = ensureChild(this.root, "dimension", WORKSHEET_ORDER);
    dimension.setAttribute("ref", bottom < 0 ? "A1" : areaA1({ top, left, bottom, right }));
    // A row we made and left empty goes; a row with its own height or style stays.
    for (const [r, row] of this.rows) {
      if (!elementChildren(row).length && row.attributes.length === 1) {
        removeNode(row);
        this.rows.delete(r);
      }
    }
  }
}
