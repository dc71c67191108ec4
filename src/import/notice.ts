/**
 * A notice (通知) read from Word, made ready for a workbook: its tables as grids with their merges
 * — a table Word or a converter split across pages (two tables, the second repeating the header
 * row) joined back into one — the headings just above each table as its title, and the sentences of
 * its text that state targets ("集中供养率保持60%以上"), listed for a person to read, never guessed
 * into a rubric. Pure: blocks in, data out.
 */
import { roleOfHeader } from "../sheet/columns";
import type { Area, CellValue } from "../sheet/grid";
import type { DocxBlock, DocxRow, DocxTable } from "./docx";

export interface NoticeTable {
  /** 1-based position of the table (its first part) among the document's tables. */
  index: number;
  /** How many of the document's tables it was joined from (a table split across pages). */
  parts: number;
  /** The heading lines just above the table ("附件2", the table's name), in order. */
  title: string[];
  /** The cells: a merged area holds its text in its top-left cell, the rest blank. */
  values: CellValue[][];
  merges: Area[];
  /** Number of columns. */
  width: number;
  /** Column widths from the document's table grid, in twentieths of a point (0 where unknown). */
  widths: number[];
  /** Rows marked as header rows in the document (repeated on every page), 0-based. */
  headerRows: number[];
}

export interface NoticeTarget {
  /** The sentence (or its clause) as written. */
  text: string;
  /** 1-based number of the paragraph among the document's non-empty paragraphs. */
  paragraph: number;
}

// --- tables ------------------------------------------------------------------------------------

/** "4" → 4, "0.5" → 0.5; "01", "1．", "4分" stay text; "" → blank. */
export function cellValue(text: string): CellValue {
  if (text === "") return null;
  if (/^-?(0|[1-9]\d{0,14})(\.\d+)?$/.test(text)) return Number(text);
  return text;
}

function gridWidth(rows: readonly DocxRow[], widths: readonly number[]): number {
  let width = widths.length;
  for (const row of rows) {
    let n = row.before;
    for (const cell of row.cells) n += cell.span;
    if (n > width) width = n;
  }
  return width;
}

/** The rows as a grid: each cell at its grid column, w:gridSpan and w:vMerge as merged areas. */
export function tableCells(rows: readonly DocxRow[]): { values: CellValue[][]; merges: Area[] } {
  const values: CellValue[][] = [];
  const areas: Area[] = [];
  // Vertical merges still open at the previous row, by their left column.
  let open = new Map<number, Area>();
  rows.forEach((row, r) => {
    const next = new Map<number, Area>();
    const line: CellValue[] = [];
    let col = row.before;
    for (const cell of row.cells) {
      const left = col;
      const right = col + cell.span - 1;
      const above = open.get(left);
      if (cell.vMerge === "continue" && above) {
        above.bottom = r;
        if (right > above.right) above.right = right;
        next.set(left, above);
      } else {
        while (line.length < left) line.push(null);
        line[left] = cellValue(cell.text);
        const area: Area = { top: r, left, bottom: r, right };
        areas.push(area);
        if (cell.vMerge) next.set(left, area);
      }
      col = right + 1;
    }
    values.push(line);
    open = next;
  });
  const merges = areas
    .filter((a) => a.bottom > a.top || a.right > a.left)
    .sort((x, y) => x.top - y.top || x.left - y.left);
  return { values, merges };
}

function rowKey(row: DocxRow): string {
  return row.before + "|" + row.cells.map((c) => c.span + ":" + c.text.replace(/\s+/g, "")).join("|");
}

/** How many leading rows of `next` repeat the leading rows of `first` (the header repeated on a new page). */
function repeatedRows(first: DocxTable, next: DocxTable): number {
  let k = 0;
  while (
    k < next.rows.length - 1 &&
    k < first.rows.length &&
    rowKey(next.rows[k]) === rowKey(first.rows[k]) &&
    next.rows[k].cells.some((c) => c.text !== "")
  )
    k++;
  return k;
}

/** A header row: marked as one, or naming at least two columns in the words sheets are recognized by. */
function headerLike(row: DocxRow | undefined): boolean {
  if (!row) return false;
  if (row.header) return true;
  return row.cells.filter((c) => roleOfHeader(c.text) !== undefined).length >= 2;
}

/**
 * Whether `next` continues `first` across a page: nothing but blank lines between them, the same
 * number of columns, and `next` either repeats `first`'s header rows or has no header of its own.
 */
function continues(first: DocxTable, firstWidth: number, next: DocxTable): { drop: number } | undefined {
  if (gridWidth(next.rows, next.widths) !== firstWidth) return undefined;
  const repeated = repeatedRows(first, next);
  if (repeated > 0) return { drop: repeated };
  if (!headerLike(next.rows[0]) && headerLike(first.rows[0])) return { drop: 0 };
  return undefined;
}

const ATTACHMENT = /^附\s*件\s*[0-9０-９一二三四五六七八九十]+\s*[:：]?$/;
const TITLE_MAX = 60;

/** The heading lines just above block `at`: up to three short lines, up to an "附件N" line. */
function titleAbove(blocks: readonly DocxBlock[], at: number): string[] {
  const lines: string[] = [];
  for (let i = at - 1; i >= 0 && lines.length < 3; i--) {
    const block = blocks[i];
    if (block.kind === "table") break;
    const text = block.text.replace(/[\s\u3000]+/g, " ").trim();
    if (!text) continue;
    if (text.length > TITLE_MAX || (/[。；;，,：:]$/.test(text) && !ATTACHMENT.test(text))) break;
    lines.unshift(text);
    if (ATTACHMENT.test(text)) break;
  }
  return lines;
}

function blankBetween(blocks: readonly DocxBlock[], from: number, to: number): boolean {
  for (let i = from + 1; i < to; i++) {
    const b = blocks[i];
    if (b.kind !== "paragraph" || b.text.trim() !== "") return false;
  }
  return true;
}

/** Every table of the document, a table split across pages joined back into one. */
export function noticeTables(blocks: readonly DocxBlock[]): NoticeTable[] {
  const out: NoticeTable[] = [];
  let index = 0;
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i];
    if (block.kind !== "table") continue;
    index++;
    const first = block.table;
    const width = gridWidth(first.rows, first.widths);
    const rows: DocxRow[] = first.rows.slice();
    let parts = 1;
    let last = i;
    for (let j = i + 1; j < blocks.length; j++) {
      const b = blocks[j];
      if (b.kind !== "table") continue;
      if (!blankBetween(blocks, last, j)) break;
      const joined = continues(first, width, b.table);
      if (!joined) break;
      rows.push(...b.table.rows.slice(joined.drop));
      parts++;
      last = j;
    }
    const { values, merges } = tableCells(rows);
    const widths: number[] = [];
    for (let c = 0; c < width; c++) widths.push(first.widths[c] ?? 0);
    const headerRows: number[] = [];
    first.rows.forEach((r, k) => {
      if (r.header && (k === 0 || first.rows[k - 1].header)) headerRows.push(k);
    });
    out.push({ index, parts, title: titleAbove(blocks, i), values, merges, width, widths, headerRows });
    index += parts - 1;
    i = last;
  }
  return out;
}

// --- targets in the text -----------------------------------------------------------------------

/** A figure with its unit: "60%", "190户", "80张", "800元", "1次". Years, dates, ages and points are not. */
const QUANTITY =
  /\d+(\.\d+)?\s*(%|％|‰|平方米|平方公里|㎡|万元|亿元|元|张|户|个|人次|人|名|所|处|次|米|家|床|间|套|支|批|项|场|天|小时|辆|台|条|座|件|份)/;
/** Words that make a figure a target: a bound, a rate, or something to build. */
const BOUND =
  /(达到|保持|不低于|不少于|不超过|不高于|以上|以下|以内|至少|建成|完成|新增|新建|提高到|提升到|控制在|超过|≥|≤|全覆盖|率|建设|改造)/;
/**
 * A clause shorter than this is read with the clause before it, when that one states no figure of
 * its own ("保障失能特困人员进行集中供养，集中供养率保持60%以上": the first clause says whose rate).
 */
const SHORT_CLAUSE = 13;

/**
 * The sentences of the document's paragraphs that state targets: a figure with its unit and a
 * bound, a rate or a thing to build ("年内完成适老化改造190户", "集中供养率保持60%以上"), clause by clause,
 * in document order, each once. Text in tables is not read here.
 */
export function noticeTargets(blocks: readonly DocxBlock[]): NoticeTarget[] {
  const out: NoticeTarget[] = [];
  const seen = new Set<string>();
  let paragraph = 0;
  for (const block of blocks) {
    if (block.kind !== "paragraph") continue;
    const text = block.text.replace(/[\t\u3000]+/g, " ").trim();
    if (!text) continue;
    paragraph++;
    for (const sentence of text.split(/[。；;！!？?\n]/)) {
      const clauses = sentence
        .split(/[，,]/)
        .map((c) => c.trim())
        .filter(Boolean);
      clauses.forEach((clause, k) => {
        if (!QUANTITY.test(clause)) return;
        const before = k > 0 ? clauses[k - 1] : "";
        if (!BOUND.test(clause) && !(before && BOUND.test(before))) return;
        const stated =
          clause.length < SHORT_CLAUSE && before && !QUANTITY.test(before) ? before + "，" + clause : clause;
        const key = stated.replace(/\s+/g, "");
        if (seen.has(key)) return;
        seen.add(key);
        out.push({ text: stated, paragraph });
      });
    }
  }
  return out;
}
