/**
 * What a plan may change in an .xlsx package, and whether a written file kept everything else
 * (issue 12): the zip entries compared by their uncompressed bytes, and inside the parts a plan
 * touches, every element it does not name compared as XML.
 *
 * The parts a plan may touch are derived from the plan and the packages, never listed by hand: the
 * parts of the sheets its ops name, the workbook part with its relationships, [Content_Types].xml,
 * styles (found through the workbook's relationships), and the calculation chain it may drop.
 */
import { DOMParser, XMLSerializer, type Element } from "@xmldom/xmldom";
import JSZip from "jszip";
import type { PlanOp, WorkbookPlan } from "../../src/plan/plan";
import { columnLetter, parseA1, parseArea } from "../../src/sheet/grid";

const REL_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";
const OFFICE_DOCUMENT = REL_TYPE + "officeDocument";
const RELATIONSHIPS_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/** Every file entry of a zip, uncompressed. */
export async function entries(bytes: Buffer | Uint8Array): Promise<Map<string, Buffer>> {
  const zip = await JSZip.loadAsync(bytes);
  const out = new Map<string, Buffer>();
  for (const name of Object.keys(zip.files).sort()) {
    const e = zip.files[name];
    if (!e.dir) out.set(name, Buffer.from(await e.async("uint8array")));
  }
  return out;
}

function parse(text: Buffer | string): Element {
  return new DOMParser().parseFromString(String(text), "text/xml").documentElement!;
}

const serializer = new XMLSerializer();
const xml = (el: Element) => serializer.serializeToString(el);

function kids(el: Element, name?: string): Element[] {
  const out: Element[] = [];
  for (let n = el.firstChild; n; n = n.nextSibling)
    if (n.nodeType === 1 && (!name || (n as Element).localName === name)) out.push(n as Element);
  return out;
}

function directory(path: string): string {
  const i = path.lastIndexOf("/");
  return i < 0 ? "" : path.slice(0, i + 1);
}

function resolve(from: string, target: string): string {
  const parts = (target.charAt(0) === "/" ? target.slice(1) : directory(from) + target).split("/");
  const out: string[] = [];
  for (const p of parts) {
    if (p === "..") out.pop();
    else if (p !== "." && p !== "") out.push(p);
  }
  return out.join("/");
}

export function relsOf(part: string): string {
  return directory(part) + "_rels/" + part.slice(directory(part).length) + ".rels";
}

export interface PackageMap {
  workbook: string;
  /** Sheet name → its part, in tab order (worksheets and chart sheets). */
  sheets: Map<string, string>;
  /** Relationship type (last segment) → part, for the workbook's own parts (styles, calcChain …). */
  workbookParts: Map<string, string>;
}

/** Where a package keeps its workbook, its sheets and the workbook's parts. */
export function packageMap(files: Map<string, Buffer>): PackageMap {
  let workbook = "xl/workbook.xml";
  const root = files.get("_rels/.rels");
  if (root) {
    const office = kids(parse(root), "Relationship").find((r) => r.getAttribute("Type") === OFFICE_DOCUMENT);
    if (office) workbook = resolve("", office.getAttribute("Target") || "");
  }
  const rels = kids(parse(files.get(relsOf(workbook)) ?? "<Relationships/>"), "Relationship");
  const target = (id: string) => {
    const rel = rels.find((r) => r.getAttribute("Id") === id);
    return rel ? resolve(workbook, rel.getAttribute("Target") || "") : "";
  };
  const sheets = new Map<string, string>();
  const sheetsEl = kids(parse(files.get(workbook)!), "sheets")[0];
  for (const s of sheetsEl ? kids(sheetsEl, "sheet") : [])
    sheets.set(
      s.getAttribute("name") || "",
      target(s.getAttributeNS(RELATIONSHIPS_NS, "id") || s.getAttribute("r:id") || "")
    );
  const workbookParts = new Map<string, string>();
  for (const r of rels) {
    const type = (r.getAttribute("Type") || "").split("/").pop()!;
    if (r.getAttribute("TargetMode") !== "External")
      workbookParts.set(type, resolve(workbook, r.getAttribute("Target") || ""));
  }
  return { workbook, sheets, workbookParts };
}

export interface PlanParts {
  /** Sheet parts the plan names (existing or new), by sheet name. */
  sheets: Map<string, string>;
  /** Workbook-level parts a plan may change. */
  workbookLevel: string[];
  /** The part the plan may remove (the calculation chain), if the input has one. */
  calcChain?: string;
}

/** The parts a plan may touch, from the plan's ops and the packages before and after. */
export function planParts(plan: WorkbookPlan, before: PackageMap, after: PackageMap): PlanParts {
  const sheets = new Map<string, string>();
  for (const op of plan.ops) {
    const path = after.sheets.get(op.sheet) ?? before.sheets.get(op.sheet);
    if (path) sheets.set(op.sheet, path);
  }
  const workbookLevel = [before.workbook, relsOf(before.workbook), "[Content_Types].xml"];
  const styles = before.workbookParts.get("styles") ?? after.workbookParts.get("styles");
  if (styles) workbookLevel.push(styles);
  return { sheets, workbookLevel, calcChain: before.workbookParts.get("calcChain") };
}

/** The cells a plan names on one sheet (A1 addresses): what it sets, styles or refreshes. */
export function namedCells(ops: readonly PlanOp[], sheet: string): Set<string> {
  const out = new Set<string>();
  for (const op of ops) {
    if (op.sheet !== sheet) continue;
    if (op.op === "set" || op.op === "cache") out.add(op.cell.replace(/\$/g, ""));
    if (op.op === "style") {
      const a = parseArea(op.range)!;
      for (let r = a.top; r <= a.bottom; r++)
        for (let c = a.left; c <= a.right; c++) out.add(columnLetter(c) + (r + 1));
    }
  }
  return out;
}

/**
 * Entries of `after` that differ from `before` outside the plan's parts: changed, lost or added
 * (only a new sheet's part may be added, only the calculation chain removed).
 */
export function changedOutsidePlan(
  before: Map<string, Buffer>,
  after: Map<string, Buffer>,
  parts: PlanParts
): string[] {
  const touched = new Set<string>([...parts.workbookLevel, ...parts.sheets.values()]);
  const problems: string[] = [];
  for (const [name, bytes] of before) {
    const now = after.get(name);
    if (now === undefined) {
      if (name !== parts.calcChain) problems.push("lost: " + name);
    } else if (!touched.has(name) && !bytes.equals(now)) problems.push("changed: " + name);
  }
  const beforeSheets = new Set(Array.from(before.keys()));
  for (const name of after.keys())
    if (!beforeSheets.has(name) && !Array.from(parts.sheets.values()).includes(name)) problems.push("added: " + name);
  return problems;
}

// --- inside the parts a plan touches ----------------------------------------------------------------

/** Worksheet children a plan may change (cells, and the rules and merges on cells it writes). */
const PLAN_SHEET_CHILDREN = new Set([
  "sheetData",
  "dimension",
  "cols",
  "sheetViews",
  "mergeCells",
  "conditionalFormatting",
  "dataValidations",
  "hyperlinks",
]);

function overlapsNamed(sqref: string, named: Set<string>, ops: readonly PlanOp[], sheet: string): boolean {
  const areas = sqref
    .split(/\s+/)
    .map((s) => parseArea(s))
    .filter(Boolean);
  const opAreas = ops
    .filter((op) => op.sheet === sheet && "range" in op)
    .map((op) => parseArea((op as { range: string }).range))
    .filter(Boolean);
  for (const a of areas) {
    for (const b of opAreas)
      if (a!.top <= b!.bottom && b!.top <= a!.bottom && a!.left <= b!.right && b!.left <= a!.right) return true;
    for (const cell of named) {
      const { row, col } = parseA1(cell);
      if (row >= a!.top && row <= a!.bottom && col >= a!.left && col <= a!.right) return true;
    }
  }
  return false;
}

/**
 * Inside a worksheet part the plan wrote: what the plan does not name is as it was — every cell it
 * does not write (a shared formula it had to spell out is the same formula), every row's height and
 * style, every link, merge, validation and conditional format away from its cells, and every other
 * element (protection, protected ranges, page breaks, print settings, drawings, comments, tables,
 * custom views, extensions) exactly.
 */
export function sheetLosses(
  beforeXml: Buffer | string,
  afterXml: Buffer | string,
  ops: readonly PlanOp[],
  sheet: string,
  formulaAt: (cell: string) => string | null
): string[] {
  const before = parse(beforeXml);
  const after = parse(afterXml);
  const named = namedCells(ops, sheet);
  const problems: string[] = [];

  // Every other element, as it was and in the same order.
  const others = (root: Element) => kids(root).filter((k) => !PLAN_SHEET_CHILDREN.has(k.localName!));
  const b = others(before).map(xml);
  const a = others(after).map(xml);
  if (JSON.stringify(b) !== JSON.stringify(a)) {
    for (const x of b) if (a.indexOf(x) < 0) problems.push("element changed or lost: " + x.slice(0, 160));
    for (const x of a) if (b.indexOf(x) < 0) problems.push("element added: " + x.slice(0, 160));
    if (!problems.length) problems.push("elements reordered");
  }
  // Root attributes and namespace declarations.
  for (let i = 0; i < before.attributes.length; i++) {
    const attr = before.attributes.item(i)!;
    if (after.getAttribute(attr.name) !== attr.value) problems.push("root attribute lost: " + attr.name);
  }

  // A sheet the plan clears (Ziping's own, rebuilt on every fill) is named cell by cell: what
  // stands on it after is the plan's. Its other elements (columns, views, protection …) stay.
  if (ops.some((op) => op.sheet === sheet && op.op === "clearSheet")) return problems;

  // Cells and rows.
  const cellsOf = (root: Element) => {
    const cells = new Map<string, Element>();
    const rows = new Map<string, Element>();
    const data = kids(root, "sheetData")[0];
    for (const row of data ? kids(data, "row") : []) {
      rows.set(row.getAttribute("r") || "", row);
      for (const c of kids(row, "c")) cells.set(c.getAttribute("r") || "", c);
    }
    return { cells, rows };
  };
  const was = cellsOf(before);
  const now = cellsOf(after);
  for (const [ref, cell] of was.cells) {
    if (named.has(ref)) continue;
    const kept = now.cells.get(ref);
    if (!kept) {
      problems.push("cell lost: " + ref);
      continue;
    }
    if (xml(cell) === xml(kept)) continue;
    // A shared formula whose master the plan wrote is spelled out in each cell: the same formula.
    const f = kids(cell, "f")[0];
    const g = kids(kept, "f")[0];
    const spelled =
      f &&
      g &&
      f.getAttribute("t") === "shared" &&
      !g.getAttribute("t") &&
      "=" + (g.textContent || "") === formulaAt(ref);
    const rest = (c: Element) => xml(c).replace(/<f\b[^>]*\/>|<f\b[^>]*>[\s\S]*?<\/f>/, "");
    if (!spelled || rest(cell) !== rest(kept)) problems.push("cell changed: " + xml(cell) + " → " + xml(kept));
  }
  for (const [r, row] of was.rows) {
    const kept = now.rows.get(r);
    if (!kept) {
      if (kids(row, "c").length || row.attributes.length > 1) problems.push("row lost: " + r);
      continue;
    }
    for (let i = 0; i < row.attributes.length; i++) {
      const attr = row.attributes.item(i)!;
      // "spans" is a hint of which columns hold cells; a cell added outside it drops the hint.
      if (attr.name !== "spans" && kept.getAttribute(attr.name) !== attr.value)
        problems.push("row " + r + " attribute " + attr.name + " changed");
    }
  }

  // Links, merges, validations and conditional formats away from the plan's cells.
  const items = (root: Element, container: string, item: string) => {
    const list = kids(root, container);
    return list.reduce<Element[]>((acc, l) => acc.concat(item ? kids(l, item) : [l]), []);
  };
  for (const [container, item, where] of [
    ["hyperlinks", "hyperlink", "ref"],
    ["mergeCells", "mergeCell", "ref"],
    ["dataValidations", "dataValidation", "sqref"],
    ["conditionalFormatting", "", "sqref"],
  ] as const) {
    const kept = new Set(items(after, container, item).map(xml));
    for (const el of items(before, container, item)) {
      if (kept.has(xml(el))) continue;
      if (overlapsNamed(el.getAttribute(where) || "", named, ops, sheet)) continue;
      problems.push(container + " item lost: " + xml(el).slice(0, 200));
    }
  }
  // Views: as they were unless the plan freezes panes here.
  if (!ops.some((op) => op.sheet === sheet && op.op === "freeze")) {
    const v = (root: Element) => kids(root, "sheetViews").map(xml).join("");
    if (v(before) !== v(after)) problems.push("sheetViews changed");
  }
  return problems;
}

function attributesKept(before: Element, after: Element, except: string[] = []): string[] {
  const out: string[] = [];
  for (let i = 0; i < before.attributes.length; i++) {
    const attr = before.attributes.item(i)!;
    if (except.indexOf(attr.name) < 0 && after.getAttribute(attr.name) !== attr.value)
      out.push(before.localName + "@" + attr.name + " was " + attr.value + ", is " + after.getAttribute(attr.name));
  }
  return out;
}

/**
 * Inside workbook.xml: every element as it was (names, protection, custom views, pivot caches,
 * extensions), every existing <sheet> as it was (but the state of a sheet the plan adds again with a
 * visibility); the calculation properties keep their attributes
 * (fullCalcOnLoad may be added); the views change only to keep the active tab visible.
 */
export function workbookLosses(beforeXml: Buffer, afterXml: Buffer, ops: readonly PlanOp[] = []): string[] {
  const before = parse(beforeXml);
  const after = parse(afterXml);
  const problems = attributesKept(before, after);
  const flexible = new Set(["sheets", "calcPr", "bookViews"]);
  const rest = (root: Element) =>
    kids(root)
      .filter((k) => !flexible.has(k.localName!))
      .map(xml);
  const b = rest(before);
  const a = rest(after);
  for (const x of b) if (a.indexOf(x) < 0) problems.push("workbook element changed or lost: " + x.slice(0, 200));
  for (const x of a) if (b.indexOf(x) < 0) problems.push("workbook element added: " + x.slice(0, 200));
  // A sheet the plan adds again (Ziping's own) may be hidden or shown as the plan says.
  const shown = new Set(ops.filter((op) => op.op === "addSheet" && op.hidden !== undefined).map((op) => op.sheet));
  const entry = (el: Element) => {
    const copy = el.cloneNode(true) as Element;
    if (shown.has(el.getAttribute("name") || "")) copy.removeAttribute("state");
    return xml(copy);
  };
  const entries = (root: Element) => (kids(root, "sheets")[0] ? kids(kids(root, "sheets")[0], "sheet").map(entry) : []);
  const now = entries(after);
  entries(before).forEach((s, i) => {
    if (now[i] !== s) problems.push("sheet entry changed: " + s + " → " + now[i]);
  });
  const calc = (root: Element) => kids(root, "calcPr")[0];
  if (calc(before)) {
    if (!calc(after)) problems.push("calcPr lost");
    else problems.push(...attributesKept(calc(before), calc(after), ["fullCalcOnLoad"]));
  }
  const view = (root: Element) => (kids(root, "bookViews")[0] ? kids(kids(root, "bookViews")[0], "workbookView") : []);
  view(before).forEach((v, i) => {
    const w = view(after)[i];
    if (!w) problems.push("workbookView lost");
    else problems.push(...attributesKept(v, w, ["activeTab", "firstSheet"]));
  });
  return problems;
}

/** Relationships and content types: every one kept, but the calculation chain's. */
export function listLosses(beforeXml: Buffer, afterXml: Buffer, item: string, calcChain?: string): string[] {
  const now = new Set(kids(parse(afterXml), item).map(xml));
  return kids(parse(beforeXml), item)
    .filter((el) => !now.has(xml(el)))
    .filter((el) => {
      const ref = el.getAttribute("PartName") || el.getAttribute("Target") || "";
      return !(calcChain && (ref === "/" + calcChain || /calcChain/.test(el.getAttribute("Type") || "")));
    })
    .map((el) => item + " lost: " + xml(el));
}

/** styles.xml: every list keeps its items at their indexes (the plan only appends). */
export function stylesLosses(beforeXml: Buffer, afterXml: Buffer): string[] {
  const before = parse(beforeXml);
  const after = parse(afterXml);
  const problems: string[] = [];
  for (const list of kids(before)) {
    const now = kids(after, list.localName!)[0];
    if (!now) {
      problems.push("styles " + list.localName + " lost");
      continue;
    }
    problems.push(...attributesKept(list, now, ["count"]));
    const had = kids(list).map(xml);
    const has = kids(now).map(xml);
    had.forEach((x, i) => {
      if (has[i] !== x) problems.push("styles " + list.localName + "[" + i + "] changed: " + x.slice(0, 120));
    });
  }
  return problems;
}

// --- what Excel insists on (LibreOffice forgives it, so the e2e tests cannot see it) --------------------

/** Child sequences of ECMA-376 Part 1 (§18.3.1.99 CT_Worksheet, §18.2.27 CT_Workbook, §18.8.39 CT_Stylesheet …). */
const SEQUENCES: Record<string, string[]> = {
  worksheet: [
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
  ],
  workbook: [
    "fileVersion",
    "fileSharing",
    "workbookPr",
    "workbookProtection",
    "bookViews",
    "sheets",
    "functionGroups",
    "externalReferences",
    "definedNames",
    "calcPr",
    "oleSize",
    "customWorkbookViews",
    "pivotCaches",
    "smartTagPr",
    "smartTagTypes",
    "webPublishing",
    "fileRecoveryPr",
    "webPublishObjects",
    "extLst",
  ],
  styleSheet: [
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
  ],
  c: ["f", "v", "is", "extLst"],
  sheetView: ["pane", "selection", "pivotSelection", "extLst"],
  xf: ["alignment", "protection", "extLst"],
  dxf: ["font", "numFmt", "fill", "alignment", "border", "protection", "extLst"],
  dataValidation: ["formula1", "formula2"],
  cfRule: ["formula", "colorScale", "dataBar", "iconSet", "extLst"],
  patternFill: ["fgColor", "bgColor"],
};
/** Lists whose `count` attribute Excel reads as the number of their items. */
const COUNTED: Record<string, string> = {
  mergeCells: "mergeCell",
  dataValidations: "dataValidation",
  numFmts: "numFmt",
  fonts: "font",
  fills: "fill",
  borders: "border",
  cellStyleXfs: "xf",
  cellXfs: "xf",
  cellStyles: "cellStyle",
  dxfs: "dxf",
};

/**
 * What Excel would repair in a part the plan wrote: children out of the schema's order (elements of
 * other namespaces, mc:AlternateContent and extensions, are left out of the comparison), a count
 * that is not the number of items, rows or cells not in ascending order, a cell outside its row,
 * overlapping merges or validations.
 */
export function excelProblems(part: string, text: Buffer | string): string[] {
  const root = parse(text);
  const main = root.namespaceURI;
  const problems: string[] = [];
  const walk = (el: Element) => {
    const order = SEQUENCES[el.localName!];
    if (order && el.namespaceURI === main) {
      let last = -1;
      for (const k of kids(el)) {
        if (k.namespaceURI !== main) continue;
        const rank = order.indexOf(k.localName!);
        if (rank < 0) continue;
        if (rank < last)
          problems.push(part + ": <" + k.localName + "> after <" + order[last] + "> in <" + el.localName + ">");
        last = Math.max(last, rank);
      }
    }
    const item = COUNTED[el.localName!];
    if (item && el.hasAttribute("count") && Number(el.getAttribute("count")) !== kids(el, item).length)
      problems.push(
        part + ": <" + el.localName + " count=" + el.getAttribute("count") + "> has " + kids(el, item).length
      );
    for (const k of kids(el)) walk(k);
  };
  walk(root);
  if (root.localName === "worksheet") {
    const data = kids(root, "sheetData")[0];
    let lastRow = 0;
    for (const row of data ? kids(data, "row") : []) {
      const r = Number(row.getAttribute("r"));
      if (!(r > lastRow)) problems.push(part + ": row " + r + " after row " + lastRow);
      lastRow = r;
      let lastCol = -1;
      for (const c of kids(row, "c")) {
        const { row: cr, col } = parseA1(c.getAttribute("r") || "");
        if (cr + 1 !== r) problems.push(part + ": cell " + c.getAttribute("r") + " in row " + r);
        if (!(col > lastCol)) problems.push(part + ": cell " + c.getAttribute("r") + " out of order in row " + r);
        lastCol = col;
      }
    }
    const overlapping = (list: string[], what: string) => {
      const areas = list.map((ref) => ({ ref, a: parseArea(ref)! })).filter((x) => x.a);
      for (let i = 0; i < areas.length; i++)
        for (let j = i + 1; j < areas.length; j++) {
          const a = areas[i].a;
          const b = areas[j].a;
          if (a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right)
            problems.push(part + ": " + what + " " + areas[i].ref + " overlaps " + areas[j].ref);
        }
    };
    const merges = kids(root, "mergeCells")[0];
    overlapping(merges ? kids(merges, "mergeCell").map((m) => m.getAttribute("ref") || "") : [], "merge");
    const dvs = kids(root, "dataValidations")[0];
    overlapping(
      (dvs ? kids(dvs, "dataValidation") : []).reduce<string[]>(
        (acc, dv) => acc.concat((dv.getAttribute("sqref") || "").split(/\s+/).filter(Boolean)),
        []
      ),
      "validation"
    );
  }
  return problems;
}
