/**
 * An .xlsx file as the package it is (ECMA-376 part 2): zip entries, content types, relationships.
 * Parts are parsed only when a plan touches them and written back only if changed; every other
 * entry leaves the zip as it came, byte for byte. Sheets are found through workbook.xml and its
 * relationships, so a sheet stored under any part name (LibreOffice and others need not use
 * sheetN.xml) is the sheet its name says.
 */
import JSZip from "jszip";
import {
  CONTENT_TYPES_NS,
  RELATIONSHIPS_NS,
  child,
  children,
  createLike,
  ensureChild,
  parseXml,
  removeNode,
  serializeXml,
  setAttr,
  type Document,
  type Element,
} from "./xml";

export const WORKSHEET_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet";
const OFFICE_DOCUMENT_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument";
const STYLES_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles";
const CALC_CHAIN_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/calcChain";
export const WORKSHEET_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";
const STYLES_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml";

/** workbook.xml's children in schema order (CT_Workbook). */
export const WORKBOOK_ORDER = [
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
];

export interface PackageSheet {
  name: string;
  /** The part's path in the zip ("xl/worksheets/sheet1.xml"). */
  path: string;
  state: "visible" | "hidden" | "veryHidden";
  /** The `<sheet>` element of workbook.xml. */
  element: Element;
  /** Its relationship's type: WORKSHEET_TYPE, or a chart sheet's, a dialog sheet's … */
  type: string;
  /** Its relationship's Id in the workbook's relationships. */
  relationshipId: string;
}

/** A package that is not the workbook it claims to be (a relationship to nowhere …). */
export class PackageError extends Error {}

function directory(path: string): string {
  const i = path.lastIndexOf("/");
  return i < 0 ? "" : path.slice(0, i + 1);
}

/** A relationship's target as a path in the zip, from the part that holds the relationship. */
export function resolveTarget(from: string, target: string): string {
  const parts = (target.charAt(0) === "/" ? target.slice(1) : directory(from) + target).split("/");
  const out: string[] = [];
  for (const p of parts) {
    if (p === "..") out.pop();
    else if (p !== "." && p !== "") out.push(p);
  }
  return out.join("/");
}

/** The relationships part of a part: "xl/workbook.xml" → "xl/_rels/workbook.xml.rels". */
export function relsPathOf(part: string): string {
  return directory(part) + "_rels/" + part.slice(directory(part).length) + ".rels";
}

/**
 * The parts of an .xlsx file that Ziping reads or changes, as text, over the zip that holds the
 * rest: what a workbook keeps between reading a file and writing it out.
 */
export class PackageStore {
  /** Current text of parts read as XML or changed, by zip path. */
  readonly texts = new Map<string, string>();
  /** Parts whose text is not the zip's own any more (changed, or new). */
  readonly changed = new Set<string>();
  readonly removed = new Set<string>();

  constructor(
    readonly zip: JSZip,
    readonly workbookPath: string
  ) {}

  has(path: string): boolean {
    return !this.removed.has(path) && (this.texts.has(path) || this.zip.file(path) !== null);
  }

  /**
   * The package as bytes: changed parts as their new text, removed ones left out, every other entry
   * copied as it came (same name, content and date, in the same order). New entries carry `date`.
   */
  async toBytes(date: Date): Promise<Uint8Array> {
    const out = new JSZip();
    for (const name of Object.keys(this.zip.files)) {
      const entry = this.zip.files[name];
      if (entry.dir || this.removed.has(name)) continue;
      const content = this.changed.has(name) ? this.texts.get(name)! : await entry.async("uint8array");
      out.file(name, content, { date: entry.date, createFolders: false });
    }
    for (const name of this.changed) {
      if (this.removed.has(name) || this.zip.files[name]) continue;
      out.file(name, this.texts.get(name)!, { date, createFolders: false });
    }
    return out.generateAsync({
      type: "uint8array",
      compression: "DEFLATE",
      compressionOptions: { level: 6 },
      platform: "DOS",
    });
  }
}

/** The text of each XML part a workbook may need, read from the zip once (see readWorkbook). */
export async function openStore(
  zip: JSZip,
  sizeOf: (path: string) => number,
  maxSheetBytes: number
): Promise<PackageStore> {
  let workbookPath = "xl/workbook.xml";
  const rootRels = zip.file("_rels/.rels");
  if (rootRels) {
    const rels = parseXml(await rootRels.async("string"), "_rels/.rels");
    const office = children(rels.documentElement!, "Relationship").find(
      (r) => r.getAttribute("Type") === OFFICE_DOCUMENT_TYPE
    );
    if (office) workbookPath = resolveTarget("", office.getAttribute("Target") || "");
  }
  if (!zip.file(workbookPath)) throw new PackageError("no workbook part " + workbookPath);
  const store = new PackageStore(zip, workbookPath);
  const read = async (path: string) => {
    const file = zip.file(path);
    if (file && !store.texts.has(path)) store.texts.set(path, await file.async("string"));
  };
  await read("[Content_Types].xml");
  await read(workbookPath);
  await read(relsPathOf(workbookPath));
  const pkg = new XlsxPackage(store);
  const styles = pkg.stylesPath();
  if (styles) await read(styles);
  // Sheets too large to be a scoring table are never changed: their text is not kept.
  for (const sheet of pkg.sheets()) if (sheet.path && sizeOf(sheet.path) <= maxSheetBytes) await read(sheet.path);
  return store;
}

/** One plan's edits: the parts it touches as XML trees, written back to the store by `commit`. */
export class XlsxPackage {
  private readonly docs = new Map<string, Document>();
  private readonly dirty = new Set<string>();
  /** New parts and parts to drop: the store learns of them only on commit, so a failed plan leaves no trace. */
  private readonly addedParts = new Set<string>();
  private readonly droppedParts = new Set<string>();

  constructor(private readonly store: PackageStore) {}

  get workbookPath(): string {
    return this.store.workbookPath;
  }

  has(path: string): boolean {
    if (this.droppedParts.has(path)) return false;
    return this.addedParts.has(path) || this.store.has(path);
  }

  /** A part's XML tree (parsed once per plan); call `changed(path)` after editing it. */
  doc(path: string): Document {
    const known = this.docs.get(path);
    if (known) return known;
    const text = this.store.texts.get(path);
    if (text === undefined) throw new PackageError("part not read " + path);
    const doc = parseXml(text, path);
    this.docs.set(path, doc);
    return doc;
  }

  private loaded(path: string): Document {
    return this.doc(path);
  }

  changed(path: string): void {
    this.dirty.add(path);
  }

  get workbook(): Element {
    return this.loaded(this.workbookPath).documentElement!;
  }

  private get workbookRels(): Element {
    return this.loaded(relsPathOf(this.workbookPath)).documentElement!;
  }

  private get contentTypes(): Element {
    return this.loaded("[Content_Types].xml").documentElement!;
  }

  private sheetList: PackageSheet[] | undefined;

  /** The sheets in tab order, with the part each is stored in (read once; adding a sheet updates it). */
  sheets(): PackageSheet[] {
    if (!this.sheetList) this.sheetList = this.readSheets();
    return this.sheetList;
  }

  private readSheets(): PackageSheet[] {
    const sheetsEl = child(this.workbook, "sheets");
    if (!sheetsEl) return [];
    const rels = children(this.workbookRels, "Relationship");
    return children(sheetsEl, "sheet").map((element) => {
      const rid = element.getAttributeNS(RELATIONSHIPS_NS, "id") || element.getAttribute("r:id") || "";
      const rel = rels.find((r) => r.getAttribute("Id") === rid);
      const state = (element.getAttribute("state") || "visible") as PackageSheet["state"];
      return {
        name: element.getAttribute("name") || "",
        path: rel ? resolveTarget(this.workbookPath, rel.getAttribute("Target") || "") : "",
        state,
        element,
        type: rel ? rel.getAttribute("Type") || "" : "",
        relationshipId: rid,
      };
    });
  }

  sheet(name: string): PackageSheet | undefined {
    return this.sheets().find((s) => s.name === name);
  }

  /** The relationship target of a type from the workbook ("styles", "calcChain"), as a zip path. */
  workbookPart(type: string): string | undefined {
    const rel = children(this.workbookRels, "Relationship").find((r) => r.getAttribute("Type") === type);
    return rel ? resolveTarget(this.workbookPath, rel.getAttribute("Target") || "") : undefined;
  }

  stylesPath(): string | undefined {
    return this.workbookPart(STYLES_TYPE);
  }

  private newRelationshipId(): string {
    const ids = new Set(children(this.workbookRels, "Relationship").map((r) => r.getAttribute("Id")));
    let n = ids.size + 1;
    while (ids.has("rId" + n)) n++;
    return "rId" + n;
  }

  private addRelationship(type: string, target: string): string {
    const id = this.newRelationshipId();
    const rel = createLike(this.workbookRels, "Relationship");
    rel.setAttribute("Id", id);
    rel.setAttribute("Type", type);
    rel.setAttribute("Target", target);
    this.workbookRels.appendChild(rel);
    this.changed(relsPathOf(this.workbookPath));
    return id;
  }

  private addOverride(path: string, contentType: string): void {
    const existing = children(this.contentTypes, "Override").find((o) => o.getAttribute("PartName") === "/" + path);
    if (existing) existing.setAttribute("ContentType", contentType);
    else {
      const o = this.contentTypes.ownerDocument!.createElementNS(CONTENT_TYPES_NS, "Override");
      o.setAttribute("PartName", "/" + path);
      o.setAttribute("ContentType", contentType);
      this.contentTypes.appendChild(o);
    }
    this.changed("[Content_Types].xml");
  }

  /** A new part holding `xml`, with its content type. */
  addPart(path: string, xml: string, contentType: string): void {
    this.docs.set(path, parseXml(xml, path));
    this.addedParts.add(path);
    this.droppedParts.delete(path);
    this.dirty.add(path);
    this.addOverride(path, contentType);
  }

  /** A free part name like "xl/worksheets/sheet7.xml". */
  freePath(dir: string, stem: string, ext: string): string {
    for (let n = 1; ; n++) {
      const path = dir + stem + n + ext;
      if (!this.has(path)) return path;
    }
  }

  /** Adds a worksheet part and its `<sheet>` at the end of the tabs. */
  addWorksheet(name: string, xml: string, hidden: boolean): PackageSheet {
    const path = this.freePath(directory(this.workbookPath) + "worksheets/", "sheet", ".xml");
    this.addPart(path, xml, WORKSHEET_CONTENT_TYPE);
    const id = this.addRelationship(WORKSHEET_TYPE, path.slice(directory(this.workbookPath).length));
    const sheetsEl = ensureChild(this.workbook, "sheets", WORKBOOK_ORDER);
    let max = 0;
    for (const s of children(sheetsEl, "sheet")) max = Math.max(max, Number(s.getAttribute("sheetId")) || 0);
    const element = createLike(sheetsEl, "sheet");
    element.setAttribute("name", name);
    element.setAttribute("sheetId", String(max + 1));
    if (hidden) element.setAttribute("state", "hidden");
    element.setAttributeNS(RELATIONSHIPS_NS, this.relationshipPrefix() + ":id", id);
    sheetsEl.appendChild(element);
    this.changed(this.workbookPath);
    const sheet: PackageSheet = {
      name,
      path,
      state: hidden ? "hidden" : "visible",
      element,
      type: WORKSHEET_TYPE,
      relationshipId: id,
    };
    this.sheets().push(sheet);
    return sheet;
  }

  /** The prefix workbook.xml binds to the relationships namespace ("r" almost always). */
  private relationshipPrefix(): string {
    const root = this.workbook;
    for (let i = 0; i < root.attributes.length; i++) {
      const a = root.attributes.item(i)!;
      if (a.value === RELATIONSHIPS_NS && a.name.indexOf("xmlns:") === 0) return a.name.slice(6);
    }
    root.setAttribute("xmlns:r", RELATIONSHIPS_NS);
    return "r";
  }

  /** Adds styles.xml where a package has none (some generators leave it out). */
  ensureStyles(xml: string): string {
    const existing = this.stylesPath();
    if (existing && this.has(existing)) return existing;
    const path = directory(this.workbookPath) + "styles.xml";
    this.addPart(path, xml, STYLES_CONTENT_TYPE);
    if (!existing) this.addRelationship(STYLES_TYPE, "styles.xml");
    return path;
  }

  /**
   * Drops calcChain.xml: it lists formula cells in calculation order, and Excel repairs a file whose
   * chain names cells that no longer hold formulas. Excel rebuilds it on the next save.
   */
  dropCalcChain(): void {
    const path = this.workbookPart(CALC_CHAIN_TYPE);
    if (!path) return;
    for (const r of children(this.workbookRels, "Relationship"))
      if (r.getAttribute("Type") === CALC_CHAIN_TYPE) removeNode(r);
    for (const o of children(this.contentTypes, "Override"))
      if (o.getAttribute("PartName") === "/" + path) removeNode(o);
    this.droppedParts.add(path);
    this.changed(relsPathOf(this.workbookPath));
    this.changed("[Content_Types].xml");
  }

  /** Asks every program that honours it to recompute all formulas when the workbook is opened. */
  setFullCalcOnLoad(): void {
    const calcPr = ensureChild(this.workbook, "calcPr", WORKBOOK_ORDER);
    if (calcPr.getAttribute("fullCalcOnLoad") === "1") return;
    setAttr(calcPr, "fullCalcOnLoad", "1");
    this.changed(this.workbookPath);
  }

  /** Writes the parts this plan changed back into the store, as text. */
  commit(): void {
    for (const path of this.dirty) {
      const doc = this.docs.get(path);
      if (!doc) continue;
      this.store.texts.set(path, serializeXml(doc));
      this.store.changed.add(path);
      this.store.removed.delete(path);
    }
    for (const path of this.droppedParts) {
      this.store.removed.add(path);
      this.store.texts.delete(path);
      this.store.changed.delete(path);
    }
    this.dirty.clear();
  }
}
