/**
 * Reading a Word document (.docx) into its body, in order: paragraphs as text, tables as rows of
 * cells with their merges as Word states them (`w:gridSpan` across, `w:vMerge` down, `w:gridBefore`
 * / `w:gridAfter` for rows that start or end short) and their text with line breaks (one line per
 * paragraph, `w:br` and `w:cr` as line breaks). jszip and @xmldom/xmldom over word/document.xml:
 * nothing is rendered, nothing is sent anywhere, the same code runs in Node and in the browser.
 *
 * What is read as text: `w:t`, `w:tab` (a tab), `w:br`/`w:cr` (a line break), `w:noBreakHyphen`;
 * tracked insertions are text, tracked deletions (`w:del`) are not; field codes (`w:instrText`)
 * are not, their results are; text boxes and drawings are not part of the body's text. Content
 * controls (`w:sdt`) and custom XML wrappers are read through. Automatic list numbering
 * (`w:numPr`) is not rendered: a "1．" Word draws from a numbering definition is not in the text.
 */
import JSZip from "jszip";
import { DOMParser, type Element, type Node } from "@xmldom/xmldom";
import { checkSizes, LimitError } from "../adapters/xlsx/limits";

export interface DocxCell {
  /** The cell's text: its paragraphs one per line, trimmed at both ends. */
  text: string;
  /** Grid columns the cell spans (w:gridSpan), at least 1. */
  span: number;
  /** "restart" starts a vertical merge, "continue" continues the one above (w:vMerge). */
  vMerge?: "restart" | "continue";
}

export interface DocxRow {
  cells: DocxCell[];
  /** Grid columns skipped before the first cell (w:gridBefore). */
  before: number;
  /** A header row Word repeats on every page (w:tblHeader). */
  header: boolean;
}

export interface DocxTable {
  rows: DocxRow[];
  /** Column widths of the table's grid (w:tblGrid/w:gridCol), in twentieths of a point. */
  widths: number[];
}

export type DocxBlock = { kind: "paragraph"; text: string; pageBreak: boolean } | { kind: "table"; table: DocxTable };

export type DocxReadFailure = "empty" | "ole" | "not-docx" | "corrupt" | "too-large";

/** Why a file could not be read as a .docx; `message` is Chinese and meant for the user. */
export class DocxReadError extends Error {
  readonly reason: DocxReadFailure;

  constructor(reason: DocxReadFailure, message: string) {
    super(message);
    this.name = "DocxReadError";
    this.reason = reason;
    Object.setPrototypeOf(this, DocxReadError.prototype);
  }
}

const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  if (bytes.length < prefix.length) return false;
  for (let i = 0; i < prefix.length; i++) if (bytes[i] !== prefix[i]) return false;
  return true;
}

/** An OLE2 compound file: a .doc (or an encrypted .docx, which is one too). */
export function isOleFile(bytes: Uint8Array): boolean {
  return startsWith(bytes, OLE_MAGIC);
}

function toUint8(data: unknown): Uint8Array | undefined {
  if (ArrayBuffer.isView(data)) return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  if (Object.prototype.toString.call(data) === "[object ArrayBuffer]") return new Uint8Array(data as ArrayBuffer);
  return undefined;
}

// --- XML walking -------------------------------------------------------------------------------

function isElement(node: Node | null): node is Element {
  return node !== null && node.nodeType === 1;
}

function childElements(parent: Element): Element[] {
  const out: Element[] = [];
  for (let n = parent.firstChild; n; n = n.nextSibling) if (isElement(n)) out.push(n);
  return out;
}

function childNamed(parent: Element | undefined, localName: string): Element | undefined {
  if (!parent) return undefined;
  for (let n = parent.firstChild; n; n = n.nextSibling) if (isElement(n) && n.localName === localName) return n;
  return undefined;
}

/** An attribute by local name (w:val), whatever its prefix. */
function attr(element: Element | undefined, localName: string): string | null {
  if (!element) return null;
  const attrs = element.attributes;
  for (let i = 0; i < attrs.length; i++) {
    const a = attrs.item(i);
    if (a && (a.localName === localName || a.name === localName)) return a.value;
  }
  return null;
}

/** Subtrees whose text is not the document's: deletions, field codes, drawings, text boxes, properties. */
const SKIPPED = new Set([
  "del",
  "delText",
  "instrText",
  "drawing",
  "pict",
  "object",
  "AlternateContent",
  "txbxContent",
  "rPr",
  "pPr",
  "footnoteReference",
  "endnoteReference",
  "commentReference",
]);

interface TextState {
  text: string;
  pageBreak: boolean;
}

function collectText(node: Element, state: TextState): void {
  for (const el of childElements(node)) {
    const name = el.localName ?? "";
    if (SKIPPED.has(name)) continue;
    switch (name) {
      case "t":
        state.text += el.textContent ?? "";
        break;
      case "tab":
        state.text += "\t";
        break;
      case "br":
        if (attr(el, "type") === "page" || attr(el, "type") === "column") state.pageBreak = true;
        else state.text += "\n";
        break;
      case "cr":
        state.text += "\n";
        break;
      case "noBreakHyphen":
        state.text += "-";
        break;
      case "lastRenderedPageBreak":
        break;
      default:
        collectText(el, state);
    }
  }
}

function paragraphText(p: Element): TextState {
  const state: TextState = { text: "", pageBreak: false };
  collectText(p, state);
  const pPr = childNamed(p, "pPr");
  if (childNamed(pPr, "pageBreakBefore") && attr(childNamed(pPr, "pageBreakBefore"), "val") !== "0")
    state.pageBreak = true;
  return state;
}

/** The block-level children of a container, content controls and custom XML read through. */
function blockElements(container: Element): Element[] {
  const out: Element[] = [];
  for (const el of childElements(container)) {
    if (el.localName === "sdt") {
      const content = childNamed(el, "sdtContent");
      if (content) out.push(...blockElements(content));
    } else if (el.localName === "customXml") out.push(...blockElements(el));
    else out.push(el);
  }
  return out;
}

function cellText(tc: Element): string {
  const lines: string[] = [];
  for (const el of blockElements(tc)) {
    if (el.localName === "p") lines.push(paragraphText(el).text);
    else if (el.localName === "tbl") {
      for (const row of tableOf(el).rows) for (const cell of row.cells) if (cell.text) lines.push(cell.text);
    }
  }
  return lines.join("\n").replace(/^[\s\u3000]+|[\s\u3000]+$/g, "");
}

function intAttr(element: Element | undefined, fallback: number): number {
  const v = attr(element, "val");
  const n = v === null ? NaN : parseInt(v, 10);
  return Number.isFinite(n) && n >= 0 ? n : fallback;
}

/** The rows of a table, in order; rows inside content controls are read through. */
function rowElements(tbl: Element): Element[] {
  return blockElements(tbl).filter((el) => el.localName === "tr");
}

function cellElements(tr: Element): Element[] {
  return blockElements(tr).filter((el) => el.localName === "tc");
}

function tableOf(tbl: Element): DocxTable {
  const widths = (childNamed(tbl, "tblGrid") ? childElements(childNamed(tbl, "tblGrid")!) : [])
    .filter((el) => el.localName === "gridCol")
    .map((el) => {
      const w = parseInt(attr(el, "w") ?? "", 10);
      return Number.isFinite(w) && w > 0 ? w : 0;
    });
  const rows: DocxRow[] = rowElements(tbl).map((tr) => {
    const trPr = childNamed(tr, "trPr");
    const header = childNamed(trPr, "tblHeader");
    const cells: DocxCell[] = [];
    for (const tc of cellElements(tr)) {
      const tcPr = childNamed(tc, "tcPr");
      const vMerge = childNamed(tcPr, "vMerge");
      // The legacy horizontal merge: a continuing cell widens the cell before it.
      const hMerge = childNamed(tcPr, "hMerge");
      const span = Math.max(1, intAttr(childNamed(tcPr, "gridSpan"), 1));
      if (hMerge && attr(hMerge, "val") !== "restart" && cells.length) {
        cells[cells.length - 1].span += span;
        continue;
      }
      cells.push({
        text: cellText(tc),
        span,
        vMerge: vMerge ? (attr(vMerge, "val") === "restart" ? "restart" : "continue") : undefined,
      });
    }
    return {
      cells,
      before: intAttr(childNamed(trPr, "gridBefore"), 0),
      header: header !== undefined && attr(header, "val") !== "0" && attr(header, "val") !== "false",
    };
  });
  return { rows, widths };
}

// --- the document ------------------------------------------------------------------------------

/** Bounds on what a document may ask of this machine (zip sizes: the .xlsx reader's limits). */
export const DOCX_LIMITS = { tables: 500, rowsPerTable: 20000, blocks: 200000 } as const;

/**
 * Reads a .docx file's body. Rejects only with DocxReadError (Chinese message) for anything that
 * is not a readable .docx: empty, a .doc or other OLE file, not a zip, no word/document.xml,
 * malformed XML, or beyond the bounds.
 */
export async function readDocx(data: ArrayBuffer | Uint8Array): Promise<DocxBlock[]> {
  const bytes = toUint8(data);
  if (!bytes || bytes.length === 0) throw new DocxReadError("empty", "无法读取文件：文件是空的（0 字节）");
  if (isOleFile(bytes))
    throw new DocxReadError(
      "ole",
      "这是旧版 Word 文档（.doc）或加密的文档，请先在 Word 或 WPS 中另存为 .docx（装有 LibreOffice 时命令行会自动转换）"
    );
  if (!startsWith(bytes, [0x50, 0x4b]))
    throw new DocxReadError("not-docx", "无法读取文件：不是有效的 Word 文档（.docx）");
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch {
    throw new DocxReadError("corrupt", "无法读取文件：文件不完整或已损坏，请在 Word 或 WPS 中打开后重新保存为 .docx");
  }
  try {
    checkSizes(zip, bytes.length);
  } catch (e) {
    if (e instanceof LimitError) throw new DocxReadError("too-large", "无法读取文件：" + e.message);
    throw e;
  }
  const part = zip.file("word/document.xml");
  if (!part) {
    const what = zip.file("xl/workbook.xml")
      ? "这是 Excel 工作簿，不是 Word 文档；工作簿请直接用 inspect 或 fill"
      : "压缩包里没有 Word 文档正文（word/document.xml），不是有效的 .docx";
    throw new DocxReadError("not-docx", "无法读取文件：" + what);
  }
  let xml: string;
  try {
    xml = await part.async("string");
  } catch {
    throw new DocxReadError("corrupt", "无法读取文件：文档内容已损坏，请在 Word 或 WPS 中打开后重新保存为 .docx");
  }
  return documentBlocks(xml);
}

/** The body of word/document.xml as blocks. Exported for tests. */
export function documentBlocks(xml: string): DocxBlock[] {
  let root: Element | null;
  try {
    const doc = new DOMParser({
      onError: (level: string, message: string) => {
        if (level !== "warning") throw new Error(message);
      },
    }).parseFromString(xml, "text/xml");
    root = doc.documentElement;
  } catch {
    root = null;
  }
  const body = root ? childNamed(root, "body") : undefined;
  if (!body)
    throw new DocxReadError("corrupt", "无法读取文件：文档内容已损坏，请在 Word 或 WPS 中打开后重新保存为 .docx");
  const blocks: DocxBlock[] = [];
  let tables = 0;
  for (const el of blockElements(body)) {
    if (blocks.length >= DOCX_LIMITS.blocks) break;
    if (el.localName === "p") {
      const { text, pageBreak } = paragraphText(el);
      blocks.push({ kind: "paragraph", text, pageBreak });
    } else if (el.localName === "tbl") {
      if (++tables > DOCX_LIMITS.tables)
        throw new DocxReadError("too-large", "无法读取文件：文档中的表格超过 " + DOCX_LIMITS.tables + " 个，不予读取");
      const table = tableOf(el);
      if (table.rows.length > DOCX_LIMITS.rowsPerTable)
        throw new DocxReadError(
          "too-large",
          "无法读取文件：文档中有一个表格超过 " + DOCX_LIMITS.rowsPerTable + " 行，远多于任何评分表，不予读取"
        );
      blocks.push({ kind: "table", table });
    }
  }
  return blocks;
}
