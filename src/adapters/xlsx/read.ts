/**
 * Reading an .xlsx file into Grids (the one shape recognition reads), with exceljs, and keeping the
 * file's package (patch/package.ts) so that a plan is written by patching it (apply.ts).
 *
 * This folder is the only place in the project that imports exceljs (docs/DESIGN.md, "Layers"); exceljs only
 * reads. Reading is bounded (limits.ts): declared sizes and row numbers are checked before anything
 * is inflated, and what exceeds the documented limits is refused in Chinese.
 *
 * Decisions:
 * - Dates: exceljs turns a number with a date format into a JS Date; we turn it back into the
 *   Excel serial number (1900 or 1904 system, as the workbook says), which is what Office.js's
 *   `range.values` gives, so both adapters produce the same Grid. The format stays visible in
 *   `numberFormats`.
 * - A formula cell's value is its cached result (`cell.result`, not `cell.value.result`, which
 *   exceljs drops when the result is 0, FALSE or ""); no cached result reads as blank (null).
 * - Cells inside a merged area other than its top-left cell read as blank (null), as in Office.js;
 *   `shownAt` in grid.ts gives the shown value.
 * - Number formats: the cell's format, "General" where the cell has none (Office.js never gives
 *   null either).
 * - Error values outside grid.ts's CellError list (#BLOCKED!, #FIELD! …) read as "#VALUE!".
 */
import * as ExcelJS from "exceljs";
import JSZip from "jszip";
import { type Area, type CellError, type CellValue, type Grid, CELL_ERRORS, parseArea } from "../../sheet/grid";
import { recalculate, type DefinedName, type Recalculation } from "../../sheet/recalc";
import { checkSheet, checkSizes, declaredSizes, LIMITS, LimitError, scanSheet, skippedReason } from "./limits";
import {
  openStore,
  PackageError,
  PackageStore,
  relsPathOf,
  resolveTarget,
  WORKSHEET_TYPE,
  XlsxPackage,
} from "./patch/package";
import { EMPTY_WORKSHEET } from "./patch/sheet";
import { children, parseXml, serializeXml, XmlPartError } from "./patch/xml";

// --- errors ------------------------------------------------------------------------------------

export type XlsxReadFailure =
  | "empty"
  | "encrypted"
  | "xls"
  | "ole"
  | "not-xlsx"
  | "corrupt-zip"
  | "no-workbook"
  | "other-format"
  | "corrupt-workbook"
  | "too-large";

/** The one error readWorkbook rejects with; `message` is Chinese and meant for the user. */
export class XlsxReadError extends Error {
  readonly reason: XlsxReadFailure;
  readonly detail?: string;

  constructor(reason: XlsxReadFailure, message: string, detail?: string) {
    super(message);
    this.name = "XlsxReadError";
    this.reason = reason;
    this.detail = detail;
    Object.setPrototypeOf(this, XlsxReadError.prototype);
  }
}

const MESSAGES: Record<XlsxReadFailure, string> = {
  empty: "无法读取文件：文件是空的（0 字节）",
  encrypted: "工作簿已加密，请先在 Excel 中取消密码再检查（另存为不加密的 .xlsx）",
  xls: "无法读取文件：这是旧版 Excel（.xls）或 WPS 表格（.et）工作簿，请在 Excel 或 WPS 中另存为 .xlsx 后再检查（命令行在装有 LibreOffice 的电脑上会自动转换）",
  ole: "无法读取文件：可能是加密的工作簿或旧版 .xls 文件，请在 Excel 中另存为不加密的 .xlsx",
  "not-xlsx": "无法读取文件：不是有效的 .xlsx 工作簿（可能是 .xls 或 .csv 改了扩展名）",
  "corrupt-zip": "无法读取文件：文件不完整或已损坏，请重新下载，或在 Excel 中打开后重新保存为 .xlsx",
  "no-workbook": "无法读取文件：压缩包里没有 Excel 工作簿，不是有效的 .xlsx 文件",
  "other-format": "无法读取文件：不是 .xlsx 工作簿",
  "corrupt-workbook": "无法读取文件：工作簿内容已损坏，请在 Excel 中打开并重新保存为 .xlsx 后再检查",
  "too-large": "无法读取文件：超出读取上限",
};

function fail(reason: XlsxReadFailure, detail?: string, message?: string): XlsxReadError {
  return new XlsxReadError(reason, message ?? MESSAGES[reason], detail);
}

// --- the workbook --------------------------------------------------------------------------------

export type SheetState = "visible" | "hidden" | "veryHidden";

export interface SheetInfo {
  name: string;
  /** Hidden or very hidden (the `_ziping` sheet is one). */
  hidden: boolean;
  state: SheetState;
  grid: Grid;
}

interface Held {
  store: PackageStore;
  /** The defined names of workbook.xml, as stored (exceljs keeps only some of them). */
  names: DefinedName[];
}

const held = new WeakMap<XlsxWorkbook, Held>();

/** An .xlsx workbook: its sheets as Grids, its package as the file holds it; change it with applyPlan. */
export class XlsxWorkbook {
  /**
   * Parts a write would lose, in Chinese, to show before writing. Writing patches the package, so
   * nothing is lost and this is empty; kept for the hosts that show it.
   */
  readonly lossyParts: string[] = [];
  /** Sheets left out of reading because they are far larger than any scoring table, with why. */
  readonly skipped: Array<{ sheet: string; reason: string }>;
  private saved: SheetInfo[];
  private computed: Recalculation | undefined;

  constructor(
    store: PackageStore,
    sheets: SheetInfo[],
    names: DefinedName[] = [],
    skipped: XlsxWorkbook["skipped"] = []
  ) {
    held.set(this, { store, names });
    this.saved = sheets;
    this.skipped = skipped;
  }

  /**
   * Every worksheet in tab order, hidden ones included, with the results its formulas saved.
   * Callers must not modify the Grids they get.
   */
  sheets(): SheetInfo[] {
    return this.saved;
  }

  /** For apply.ts: the sheets as a plan left them. */
  replaceSheets(sheets: SheetInfo[]): void {
    this.saved = sheets;
    this.computed = undefined;
  }

  /**
   * Every sheet as a person sees it once a spreadsheet has recomputed it: each formula cell holds
   * the value its formula gives for the cells as they are, not the result the file saved (which
   * WPS and LibreOffice show until something is edited, and which may be stale).
   */
  grids(): Grid[] {
    return this.recalculation().grids;
  }

  /** The recalculation behind grids(): which formula cells were computed, kept, or found stale. */
  recalculation(): Recalculation {
    if (!this.computed) this.computed = recalculate(this.savedGrids(), this.definedNames());
    return this.computed;
  }

  /** Every sheet with the results its formulas saved, as the file holds them. */
  savedGrids(): Grid[] {
    return this.saved.map((s) => s.grid);
  }

  /** The workbook's defined names (for recalculating formulas that use them). */
  definedNames(): DefinedName[] {
    return held.get(this)!.names;
  }

  sheetNames(): string[] {
    return this.saved.map((s) => s.name);
  }

  /** One sheet by name, or undefined. */
  sheet(name: string): SheetInfo | undefined {
    return this.saved.find((s) => s.name === name);
  }
}

/** For src/adapters/xlsx only: the package behind an XlsxWorkbook. */
export function storeOf(workbook: XlsxWorkbook): PackageStore {
  const h = held.get(workbook);
  if (!h) throw new Error("加载项内部出错：工作簿未由 readWorkbook 读入");
  return h.store;
}

/** A new, empty workbook (no sheets), for commands that write a fresh file. */
export function newWorkbook(): XlsxWorkbook {
  return new XlsxWorkbook(emptyStore(), []);
}

// --- reading -----------------------------------------------------------------------------------

type Bytes = Buffer | ArrayBuffer | Uint8Array;

/**
 * The bytes as a Uint8Array of this realm. `instanceof` is avoided on purpose: a Buffer made by
 * Node's fs is not an `instanceof Uint8Array` inside a jest sandbox or an iframe.
 */
function toUint8(data: unknown): Uint8Array | undefined {
  if (ArrayBuffer.isView(data)) return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  if (Object.prototype.toString.call(data) === "[object ArrayBuffer]") return new Uint8Array(data as ArrayBuffer);
  return undefined;
}

const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  if (bytes.length < prefix.length) return false;
  for (let i = 0; i < prefix.length; i++) if (bytes[i] !== prefix[i]) return false;
  return true;
}

/** Whether `text` occurs in `bytes` as UTF-16LE (how OLE directory entries store stream names). */
function containsUtf16(bytes: Uint8Array, text: string): boolean {
  const n = text.length * 2;
  outer: for (let i = 0; i + n <= bytes.length; i++) {
    for (let j = 0; j < text.length; j++) {
      if (bytes[i + 2 * j] !== text.charCodeAt(j) || bytes[i + 2 * j + 1] !== 0) continue outer;
    }
    return true;
  }
  return false;
}

/** An OLE2 compound file: an encrypted .xlsx (EncryptionInfo + EncryptedPackage) or a .xls. */
function oleFailure(bytes: Uint8Array): XlsxReadError {
  if (containsUtf16(bytes, "EncryptedPackage") || containsUtf16(bytes, "EncryptionInfo")) return fail("encrypted");
  if (containsUtf16(bytes, "Workbook") || containsUtf16(bytes, "Book")) return fail("xls");
  return fail("ole");
}

/** What a zip that is no workbook most likely is, for a clearer message. */
function otherZipFailure(zip: JSZip): XlsxReadError {
  const has = (p: string) => zip.file(p) !== null;
  if (has("xl/workbook.bin"))
    return fail("other-format", undefined, "无法读取文件：这是二进制工作簿（.xlsb），请在 Excel 中另存为 .xlsx");
  if (has("word/document.xml"))
    return fail("other-format", undefined, "无法读取文件：这是 Word 文档（.docx），不是 Excel 工作簿");
  if (has("ppt/presentation.xml"))
    return fail("other-format", undefined, "无法读取文件：这是 PowerPoint 演示文稿，不是 Excel 工作簿");
  if (has("content.xml") && has("mimetype")) {
    return fail(
      "other-format",
      undefined,
      "无法读取文件：这是 OpenDocument 表格（.ods），请在 WPS 或 Excel 中另存为 .xlsx"
    );
  }
  return fail("no-workbook");
}

/**
 * Reads an .xlsx file. Rejects only with XlsxReadError (Chinese message) for anything that is not
 * a readable .xlsx workbook: empty, truncated, .xls/.csv renamed, encrypted, a zip of something else.
 */
export async function readWorkbook(data: Bytes): Promise<XlsxWorkbook> {
  const bytes = toUint8(data);
  if (!bytes) throw fail("not-xlsx", "input is not bytes");
  if (bytes.length === 0) throw fail("empty");
  if (startsWith(bytes, OLE_MAGIC)) throw oleFailure(bytes);
  if (!startsWith(bytes, [0x50, 0x4b])) throw fail("not-xlsx", "no zip signature");

  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch (e) {
    throw fail("corrupt-zip", errorText(e));
  }
  try {
    checkSizes(zip, bytes.length);
  } catch (e) {
    if (e instanceof LimitError) throw fail("too-large", e.message, e.message);
    throw e;
  }
  let store: PackageStore;
  try {
    store = await openStore(
      zip,
      (path) => (zip.file(path) ? declaredSizes(zip.file(path)!).uncompressed : 0),
      LIMITS.partBytes
    );
  } catch (e) {
    if (e instanceof PackageError || e instanceof XmlPartError) {
      if (zip.file("xl/workbook.xml") === null) throw otherZipFailure(zip);
      throw fail("corrupt-workbook", errorText(e));
    }
    throw fail("corrupt-zip", errorText(e));
  }

  // Row numbers checked, and sheets far too long for a scoring table left out, before exceljs reads.
  const pkg = new XlsxPackage(store);
  const skipped: XlsxWorkbook["skipped"] = [];
  const prune: string[] = [];
  for (const sheet of pkg.sheets()) {
    const text = store.texts.get(sheet.path);
    if (text === undefined) continue;
    const scan = scanSheet(text);
    let verdict: "read" | "skip";
    try {
      verdict = checkSheet(sheet.name, scan);
    } catch (e) {
      if (e instanceof LimitError) throw fail("too-large", e.message, e.message);
      throw e;
    }
    if (verdict === "skip") {
      skipped.push({ sheet: sheet.name, reason: skippedReason(sheet.name, scan.rows) });
      prune.push(sheet.path);
      // Never changed, so never needed as text: the memory goes back.
      store.texts.delete(sheet.path);
    }
  }

  const wb = new ExcelJS.Workbook();
  try {
    // exceljs hands the bytes to JSZip, which takes a Uint8Array as well as a Buffer.
    const moves = excelJsMoves(pkg, store);
    const input = prune.length || moves.length ? await copyForExcelJs(bytes, store, prune, moves) : bytes;
    await wb.xlsx.load(input as unknown as Parameters<ExcelJS.Xlsx["load"]>[0]);
  } catch (e) {
    throw fail("corrupt-workbook", errorText(e));
  }
  let sheets: SheetInfo[];
  try {
    const date1904 = Boolean(wb.properties && wb.properties.date1904);
    sheets = wb.worksheets.map((ws) => {
      const state = (ws.state || "visible") as SheetState;
      return { name: ws.name, hidden: state !== "visible", state, grid: gridFromWorksheet(ws, date1904) };
    });
  } catch (e) {
    // Fail here, not later in a caller, when exceljs loaded something it cannot give back.
    throw fail("corrupt-workbook", errorText(e));
  }
  return new XlsxWorkbook(store, sheets, definedNamesOf(store, pkg), skipped);
}

interface Move {
  /** The worksheet's relationship in the workbook's relationships. */
  relationshipId: string;
  from: string;
  to: string;
}

/**
 * Worksheets exceljs would not find: it reads a worksheet only from "xl/worksheets/sheetN.xml" and
 * only through a relationship target that names that path from "xl/". A sheet stored under any other
 * part name (legal; LibreOffice opens it) is read from a copy that stores it there.
 */
function excelJsMoves(pkg: XlsxPackage, store: PackageStore): Move[] {
  if (store.workbookPath !== "xl/workbook.xml") return [];
  const rels = parseXml(store.texts.get(relsPathOf(store.workbookPath)) ?? "<Relationships/>", "rels");
  const taken = new Set(pkg.sheets().map((s) => s.path));
  const moves: Move[] = [];
  let n = 1;
  for (const sheet of pkg.sheets()) {
    if (sheet.type !== WORKSHEET_TYPE || !sheet.path) continue;
    const rel = children(rels.documentElement!, "Relationship").find(
      (r) => r.getAttribute("Id") === sheet.relationshipId
    );
    const seen = "xl/" + (rel?.getAttribute("Target") || "").replace(/^(\s|\/xl\/)+/, "");
    if (/^xl\/worksheets\/sheet\d+\.xml$/.test(sheet.path) && seen === sheet.path) continue;
    let to = sheet.path;
    if (!/^xl\/worksheets\/sheet\d+\.xml$/.test(to)) {
      while (taken.has("xl/worksheets/sheet" + n + ".xml") || store.zip.file("xl/worksheets/sheet" + n + ".xml")) n++;
      to = "xl/worksheets/sheet" + n + ".xml";
      taken.add(to);
    }
    moves.push({ relationshipId: sheet.relationshipId, from: sheet.path, to });
  }
  return moves;
}

/** `target` (a zip path) as a relationship target from a part in `fromPart`'s folder. */
function relativeTarget(fromPart: string, target: string): string {
  const from = fromPart.split("/").slice(0, -1);
  const to = target.split("/");
  let i = 0;
  while (i < from.length && i < to.length - 1 && from[i] === to[i]) i++;
  return "../".repeat(from.length - i) + to.slice(i).join("/");
}

/**
 * A copy of the file for exceljs to read: the sheets in `empty` left empty, the worksheets in `moves`
 * stored where exceljs looks for them (with their own relationships). The file itself is never changed.
 */
async function copyForExcelJs(
  bytes: Uint8Array,
  store: PackageStore,
  empty: string[],
  moves: Move[]
): Promise<Uint8Array> {
  const copy = await JSZip.loadAsync(bytes);
  for (const path of empty) copy.file(path, EMPTY_WORKSHEET);
  if (moves.length) {
    const relsPath = relsPathOf(store.workbookPath);
    const rels = parseXml(store.texts.get(relsPath)!, relsPath);
    for (const move of moves) {
      for (const r of children(rels.documentElement!, "Relationship"))
        if (r.getAttribute("Id") === move.relationshipId) r.setAttribute("Target", move.to.slice("xl/".length));
      if (move.from === move.to) continue;
      copy.file(move.to, await copy.file(move.from)!.async("uint8array"));
      copy.remove(move.from);
      const own = copy.file(relsPathOf(move.from));
      if (!own) continue;
      const sheetRels = parseXml(await own.async("string"), relsPathOf(move.from));
      for (const r of children(sheetRels.documentElement!, "Relationship"))
        if (r.getAttribute("TargetMode") !== "External")
          r.setAttribute("Target", relativeTarget(move.to, resolveTarget(move.from, r.getAttribute("Target") || "")));
      copy.remove(relsPathOf(move.from));
      copy.file(relsPathOf(move.to), serializeXml(sheetRels));
    }
    copy.file(relsPath, serializeXml(rels));
  }
  return copy.generateAsync({ type: "uint8array", compression: "STORE" });
}

/** The package of a new workbook: content types, relationships, an empty workbook and styles. */
export function emptyStore(): PackageStore {
  const store = new PackageStore(new JSZip(), "xl/workbook.xml");
  const parts: Record<string, string> = {
    "[Content_Types].xml":
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
      '<Default Extension="xml" ContentType="application/xml"/>' +
      '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
      "</Types>",
    "_rels/.rels":
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>' +
      "</Relationships>",
    "xl/workbook.xml":
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ' +
      'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
      '<bookViews><workbookView activeTab="0"/></bookViews><sheets/><calcPr calcId="191029" fullCalcOnLoad="1"/></workbook>',
    "xl/_rels/workbook.xml.rels":
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"/>',
  };
  for (const [path, text] of Object.entries(parts)) {
    store.texts.set(path, text);
    store.changed.add(path);
  }
  return store;
}

function decodeXml(text: string): string {
  return text.replace(/&(lt|gt|quot|apos|amp|#x[0-9a-fA-F]+|#[0-9]+);/g, (_, e: string) => {
    if (e === "lt") return "<";
    if (e === "gt") return ">";
    if (e === "quot") return '"';
    if (e === "apos") return "'";
    if (e === "amp") return "&";
    return String.fromCharCode(e[1] === "x" ? parseInt(e.slice(2), 16) : Number(e.slice(1)));
  });
}

/**
 * The `<definedName>`s of the workbook part: name, the sheet it is scoped to, its formula. A name's
 * localSheetId counts every sheet of workbook.xml, chart sheets included (which exceljs leaves out).
 */
function definedNamesOf(store: PackageStore, pkg: XlsxPackage): DefinedName[] {
  const xml = store.texts.get(store.workbookPath);
  if (xml === undefined) return [];
  const sheets = pkg.sheets().map((s) => s.name);
  const names: DefinedName[] = [];
  const re = /<(?:\w+:)?definedName\b([^>]*)>([\s\S]*?)<\/(?:\w+:)?definedName>/g;
  for (let m = re.exec(xml); m; m = re.exec(xml)) {
    const name = /\bname="([^"]*)"/.exec(m[1]);
    if (!name) continue;
    const local = /\blocalSheetId="(\d+)"/.exec(m[1]);
    const entry: DefinedName = { name: decodeXml(name[1]), formula: decodeXml(m[2]).trim() };
    if (local) {
      const sheet = sheets[Number(local[1])];
      if (sheet === undefined) continue;
      entry.sheet = sheet;
    }
    names.push(entry);
  }
  return names;
}

function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

// --- a worksheet as a Grid -------------------------------------------------------------------

const V = ExcelJS.ValueType;

/** Excel serial number of a date exceljs produced from one (the inverse of its excelToDate). */
function excelSerial(d: Date, date1904: boolean): number {
  const serial = 25569 + d.getTime() / 86400000 - (date1904 ? 1462 : 0);
  // exceljs rounds to the millisecond: give back the serial Excel stored, to 1e-9 of a day.
  return Math.round(serial * 1e9) / 1e9;
}

function toCellError(text: unknown): { error: CellError } {
  const t = String(text);
  return {
    error: (CELL_ERRORS as readonly string[]).indexOf(t) >= 0 ? (t as CellError) : "#VALUE!",
  };
}

function richTextOf(v: { richText?: Array<{ text?: string }> }): string {
  return (v.richText || []).map((r) => r.text || "").join("");
}

/** A plain value (cell value or formula result) as a CellValue. */
function plainValue(v: unknown, date1904: boolean): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === "number") return Number.isFinite(v) ? v : toCellError("#NUM!");
  if (typeof v === "string" || typeof v === "boolean") return v;
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : excelSerial(v, date1904);
  if (typeof v === "object") {
    const o = v as Record<string, unknown>;
    if ("error" in o) return toCellError(o.error);
    if ("richText" in o) return richTextOf(o as { richText?: Array<{ text?: string }> });
    if ("text" in o) {
      const t = o.text;
      if (typeof t === "string") return t;
      if (t && typeof t === "object") return plainValue(t, date1904);
      return null;
    }
  }
  return String(v);
}

function cellValueOf(cell: ExcelJS.Cell, date1904: boolean): { value: CellValue; formula: string | null } {
  switch (cell.type) {
    case V.Null:
    case V.Merge:
      return { value: null, formula: null };
    case V.Formula: {
      const f = cell.formula;
      // `cell.result` keeps 0 / FALSE, which `cell.value.result` loses (exceljs 4.4.0).
      return { value: plainValue(cell.result, date1904), formula: f ? "=" + f : null };
    }
    default:
      return { value: plainValue(cell.value, date1904), formula: null };
  }
}

/** One worksheet as a Grid: values, formulas and number formats of the same (ragged) shape. */
export function gridFromWorksheet(ws: ExcelJS.Worksheet, date1904 = false): Grid {
  const values: CellValue[][] = [];
  const formulas: (string | null)[][] = [];
  const numberFormats: (string | null)[][] = [];

  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const r = rowNumber - 1;
    const vRow: CellValue[] = [];
    const fRow: (string | null)[] = [];
    const nRow: (string | null)[] = [];
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      const c = colNumber - 1;
      const { value, formula } = cellValueOf(cell, date1904);
      while (vRow.length < c) {
        vRow.push(null);
        fRow.push(null);
        nRow.push("General");
      }
      vRow[c] = value;
      fRow[c] = formula;
      nRow[c] = cell.numFmt || "General";
    });
    values[r] = vRow;
    formulas[r] = fRow;
    numberFormats[r] = nRow;
  });
  for (let r = 0; r < values.length; r++) {
    if (!values[r]) {
      values[r] = [];
      formulas[r] = [];
      numberFormats[r] = [];
    }
  }

  const merges: Area[] = [];
  for (const range of ws.model.merges || []) {
    const area = parseArea(range);
    if (area) merges.push(area);
  }
  merges.sort((x, y) => x.top - y.top || x.left - y.left);

  return { sheet: ws.name, values, formulas, numberFormats, merges };
}
