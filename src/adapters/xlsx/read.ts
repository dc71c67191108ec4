/**
 * Reading an .xlsx file into Grids (the one shape recognition reads), with exceljs.
 *
 * This folder is the only place in the project that imports exceljs (STYLE.md §6): the exceljs
 * Workbook stays inside an XlsxWorkbook and is reached only through `excelWorkbookOf`, which the
 * rest of the project has no reason to call.
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
  | "corrupt-workbook";

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
  xls: "无法读取文件：这是旧版 .xls 工作簿，请在 Excel 或 WPS 中另存为 .xlsx 后再检查",
  ole: "无法读取文件：可能是加密的工作簿或旧版 .xls 文件，请在 Excel 中另存为不加密的 .xlsx",
  "not-xlsx": "无法读取文件：不是有效的 .xlsx 工作簿（可能是 .xls 或 .csv 改了扩展名）",
  "corrupt-zip": "无法读取文件：文件不完整或已损坏，请重新下载，或在 Excel 中打开后重新保存为 .xlsx",
  "no-workbook": "无法读取文件：压缩包里没有 Excel 工作簿，不是有效的 .xlsx 文件",
  "other-format": "无法读取文件：不是 .xlsx 工作簿",
  "corrupt-workbook": "无法读取文件：工作簿内容已损坏，请在 Excel 中打开并重新保存为 .xlsx 后再检查",
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
  workbook: ExcelJS.Workbook;
  /** The dates in the file's docProps/core.xml, when it had them. */
  dates: FileDates;
  /** The defined names of xl/workbook.xml, as stored (exceljs keeps only some of them). */
  names: DefinedName[];
}

export interface FileDates {
  created?: Date;
  modified?: Date;
}

const held = new WeakMap<XlsxWorkbook, Held>();

/** An .xlsx workbook held by the exceljs adapter; read it as Grids, change it with applyPlan. */
export class XlsxWorkbook {
  /** Parts a round trip through this adapter would lose, in Chinese, to show before writing. */
  readonly lossyParts: string[];

  constructor(workbook: ExcelJS.Workbook, lossyParts: string[] = [], dates: FileDates = {}, names: DefinedName[] = []) {
    held.set(this, { workbook, dates, names });
    this.lossyParts = lossyParts;
  }

  private cached: SheetInfo[] | undefined;
  private computed: Recalculation | undefined;

  /**
   * Every worksheet in tab order, hidden ones included, with the results its formulas saved. Built
   * once and kept until the workbook is changed (applyPlan calls `changed()`): callers must not
   * modify the Grids they get.
   */
  sheets(): SheetInfo[] {
    if (this.cached) return this.cached;
    const wb = excelWorkbookOf(this);
    const date1904 = Boolean(wb.properties && wb.properties.date1904);
    this.cached = wb.worksheets.map((ws) => {
      const state = (ws.state || "visible") as SheetState;
      return { name: ws.name, hidden: state !== "visible", state, grid: gridFromWorksheet(ws, date1904) };
    });
    return this.cached;
  }

  /** Forgets the Grids read so far: the exceljs workbook has changed. */
  changed(): void {
    this.cached = undefined;
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
    return this.sheets().map((s) => s.grid);
  }

  /** The workbook's defined names (for recalculating formulas that use them). */
  definedNames(): DefinedName[] {
    return held.get(this)!.names;
  }

  sheetNames(): string[] {
    return excelWorkbookOf(this).worksheets.map((ws) => ws.name);
  }

  /** One sheet by name, or undefined. */
  sheet(name: string): SheetInfo | undefined {
    return this.sheets().find((s) => s.name === name);
  }
}

/** For src/adapters/xlsx only: the exceljs workbook behind an XlsxWorkbook. */
export function excelWorkbookOf(workbook: XlsxWorkbook): ExcelJS.Workbook {
  const h = held.get(workbook);
  if (!h) throw new Error("加载项内部出错：工作簿未由 readWorkbook 读入");
  return h.workbook;
}

/** For src/adapters/xlsx only: the created/modified dates the file carried (none for a new workbook). */
export function fileDatesOf(workbook: XlsxWorkbook): FileDates {
  const h = held.get(workbook);
  return h ? h.dates : {};
}

/** A new, empty workbook (no sheets), for commands that write a fresh file. */
export function newWorkbook(): XlsxWorkbook {
  return new XlsxWorkbook(new ExcelJS.Workbook(), []);
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
  if (zip.file("xl/workbook.xml") === null) throw otherZipFailure(zip);

  let lossyParts: string[];
  try {
    lossyParts = await findLossyParts(zip);
  } catch (e) {
    throw fail("corrupt-zip", errorText(e));
  }

  const wb = new ExcelJS.Workbook();
  try {
    // exceljs hands the bytes to JSZip, which takes a Uint8Array as well as a Buffer.
    await wb.xlsx.load(bytes as unknown as Parameters<ExcelJS.Xlsx["load"]>[0]);
  } catch (e) {
    throw fail("corrupt-workbook", errorText(e));
  }
  const dates = await fileDates(zip, wb);
  const result = new XlsxWorkbook(wb, lossyParts, dates, await definedNamesOf(zip, wb));
  try {
    // Fail here, not later in a caller, when exceljs loaded something it cannot give back.
    result.sheets();
  } catch (e) {
    throw fail("corrupt-workbook", errorText(e));
  }
  return result;
}

/** exceljs fills created/modified from the clock when the file has none: keep only the file's. */
async function fileDates(zip: JSZip, wb: ExcelJS.Workbook): Promise<FileDates> {
  const core = zip.file("docProps/core.xml");
  if (!core) return {};
  let xml = "";
  try {
    xml = await core.async("string");
  } catch {
    return {};
  }
  const dates: FileDates = {};
  if (/<dcterms:created[\s>]/.test(xml) && wb.created instanceof Date) dates.created = wb.created;
  if (/<dcterms:modified[\s>]/.test(xml) && wb.modified instanceof Date) dates.modified = wb.modified;
  return dates;
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

/** The `<definedName>`s of xl/workbook.xml: name, the sheet it is scoped to, its formula. */
async function definedNamesOf(zip: JSZip, wb: ExcelJS.Workbook): Promise<DefinedName[]> {
  const part = zip.file("xl/workbook.xml");
  if (!part) return [];
  const xml = await part.async("string");
  const sheets = wb.worksheets.map((ws) => ws.name);
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

// --- parts a round trip loses --------------------------------------------------------------------

/**
 * Looks through the zip for what exceljs 4.4.0 drops or damages when it writes the workbook back
 * (FACTS.md): customXml, add-in task panes (webextensions), charts, shapes, pictures, pivot tables,
 * slicers, x14 data validations (lists pointing at another sheet, exceljs #2898), sparklines,
 * threaded comments, form controls, external links, macros.
 */
export async function findLossyParts(zip: JSZip): Promise<string[]> {
  const names = Object.keys(zip.files).filter((n) => !zip.files[n].dir);
  const any = (re: RegExp) => names.some((n) => re.test(n));
  const found: string[] = [];

  if (any(/^customXml\//i)) found.push("自定义 XML 部件（customXml，例如加载项保存的设置）");
  if (any(/(^|\/)webextensions\//i)) found.push("Office 加载项的任务窗格与设置（webextensions）");
  if (any(/^xl\/vbaProject\.bin$/i)) found.push("宏（VBA 代码）");
  if (any(/^xl\/charts\//i) || any(/^xl\/chartsheets\//i)) found.push("图表（含图表工作表）");
  if (any(/^xl\/diagrams\//i)) found.push("SmartArt 图形");
  if (any(/^xl\/pivotTables\//i) || any(/^xl\/pivotCache\//i)) found.push("数据透视表");
  if (any(/^xl\/slicers\//i) || any(/^xl\/slicerCaches\//i) || any(/^xl\/timelines\//i)) found.push("切片器或日程表");
  if (any(/^xl\/threadedComments\//i)) found.push("新版批注（对话式批注，仅保留为普通批注或丢失）");
  if (any(/^xl\/ctrlProps\//i) || any(/^xl\/activeX\//i)) found.push("表单控件或 ActiveX 控件（按钮、复选框等）");
  if (any(/^xl\/externalLinks\//i)) found.push("指向其他工作簿的外部链接");

  let shapes = false;
  for (const name of names.filter((n) => /^xl\/drawings\/[^/]+\.xml$/i.test(n))) {
    const xml = await zip.files[name].async("string");
    if (/<(\w+:)?(sp|grpSp|cxnSp)[\s>]/.test(xml)) shapes = true;
  }
  if (shapes) found.push("形状、文本框等绘图对象");
  if (any(/^xl\/media\//i)) found.push("图片（位置、裁剪等格式可能改变）");

  let x14Validations = false;
  let sparklines = false;
  for (const name of names.filter((n) => /^xl\/worksheets\/[^/]+\.xml$/i.test(n))) {
    const xml = await zip.files[name].async("string");
    const ext = xml.lastIndexOf("<extLst");
    if (ext < 0) continue;
    const tail = xml.slice(ext);
    if (/dataValidations[\s>]/.test(tail)) x14Validations = true;
    if (/sparklineGroups[\s>]/.test(tail)) sparklines = true;
  }
  if (x14Validations) found.push("引用其他工作表的数据验证（下拉列表，存于扩展区 x14，读取时即丢失）");
  if (sparklines) found.push("迷你图（sparklines）");
  return found;
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
