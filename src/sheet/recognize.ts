/**
 * Recognizing a sheet: where its header is, what each column holds, what kind of sheet it is,
 * and which rows are categories, indicators, repeated headers, notes and totals. Pure: a Grid in,
 * a description out; nothing is changed, and a sheet that is none of the known kinds says so.
 *
 * Real 考核表 are read by label first and by content second: a column headed 工作内容 whose cells
 * are merged over several rows holds categories, not items; a column headed 考核项目 whose every
 * row differs holds the items. An item is the unit the table scores: one row, or the rows a merged
 * 分值 cell spans (one 10-point item described on three rows). Headings above a repeated header
 * ("安全部分（50分）"), rows numbered 一、二、 in the 序号 column, subtotal rows (小计, "…总评分数
 * (总分50)") and footer rows (评价人, 注) are recognized as such; what a heading or subtotal states is
 * kept for the derived rubric to compare with the items' sum, never used to change them.
 */
import {
  cellAt,
  columnCount,
  columnLetter,
  isBlankValue,
  mergeAt,
  rowCount,
  shownAt,
  textAt,
  type Area,
  type CellValue,
  type Grid,
} from "./grid";
import { columnRoles, MAX_HEADER_TEXT, roleOfHeader, type ColumnRole } from "./columns";
import { cleanText, matchKey, splitNumber, statedPoints, withoutPoints } from "./normalize";
import { parseNumber } from "../rubric/figures";
import { chineseInteger } from "../rubric/numbers";
import { checkboxOptions } from "../rubric/derive/productions";

export type SheetKind = "task-breakdown" | "scoring" | "assessment" | "unknown";

export interface SheetCategory {
  number?: number;
  title: string;
  /** Points the heading states; for a bonus category (加分项目, 奖扣分项目) its bonus points. */
  points?: number;
  bonusPoints?: number;
  bonus: boolean;
  /** The row of the heading (category cell, numbered row or section heading). */
  row: number;
  /** A subtotal row's points for this category (小计, "…总评分数(总分50)"). */
  subtotal?: number;
  /** The subtotal row, for places. */
  subtotalRow?: number;
}

export interface SheetRow {
  /** 0-based row index in the grid (the first row of an item written on several rows). */
  row: number;
  kind: "indicator" | "category" | "total" | "note";
  /**
   * The category this row belongs to, as read: its points, and its bonus where the header states
   * one ("（15分+5分）"); `bonus` marks a 加分项目 category (its `points` are then bonus points).
   */
  category?: SheetCategory;
  number?: number;
  /** The indicator's text without its number and its "（N分）". */
  text: string;
  /** Points written in the sheet for this row (points column, or "（N分）" in the text); for a total row, what it states. */
  points?: number;
  /** Bonus points the row's text adds to its base ("（10分+2分）", "另加2分"). */
  bonusPoints?: number;
  rule?: string;
  /** The raw self-score cell, when the sheet has that column. */
  selfScore?: unknown;
  lead?: string;
  responsible?: string;
  /** The last row of an item written on several rows (its 分值 merged over them). */
  lastRow?: number;
  /** A category heading that is itself the scored item (no items below it). */
  selfScored?: boolean;
  /** For a total row: "table" (总分, 合计) or "category" (小计, a section's 总评分数). */
  scope?: "table" | "category";
}

export interface SheetLayout {
  sheet: string;
  kind: SheetKind;
  /** 0-based index of the last header row; -1 when none was found. */
  headerRow: number;
  /** 0-based index of the first header row (a two-row header starts one above). */
  headerTop: number;
  columns: Partial<Record<ColumnRole, number>>;
  rows: SheetRow[];
  /** Why the sheet was not recognized, in Chinese. */
  reason?: string;
}

const HEADER_SCAN_ROWS = 30;
/**
 * What a column holds is read from its first rows: a 考核表 has tens of rows, and a data sheet of a
 * hundred thousand rows is told apart just as well by its first two thousand.
 */
const CONTENT_SCAN_ROWS = 2000;

/** The grid's width, counted once: a sheet whose last cell is XFD1048576 has a million rows to count over. */
const widths = new WeakMap<Grid, number>();
function widthOf(grid: Grid): number {
  let width = widths.get(grid);
  if (width === undefined) {
    width = columnCount(grid);
    widths.set(grid, width);
  }
  return width;
}

type HeaderRole = ColumnRole | "score?";
type HeaderRoles = Map<number, HeaderRole>;

// ---------------------------------------------------------------------------------------------
// The header

/**
 * The header cell over a column: its own, or the one of a header merged over it. A flat copy repeats a
 * merged header's text in each of its cells: the same text in adjacent header cells is read as one
 * header over them.
 */
function headerCell(grid: Grid, row: number, col: number): { text: string; merge?: Area } {
  const merge = mergeAt(grid, row, col);
  if (merge) return { text: textAt(grid, merge.top, merge.left), merge };
  const text = textAt(grid, row, col);
  if (isBlankValue(text)) return { text };
  let left = col;
  let right = col;
  while (left > 0 && !mergeAt(grid, row, left - 1) && textAt(grid, row, left - 1) === text) left--;
  while (right + 1 < widthOf(grid) && !mergeAt(grid, row, right + 1) && textAt(grid, row, right + 1) === text) right++;
  return right > left ? { text, merge: { top: row, bottom: row, left, right } } : { text };
}

/** Whether the data rows below a header over several columns are merged (or, flat, repeated) the same way: one column. */
function dataMergedAcross(grid: Grid, header: Area): boolean {
  let merged = 0;
  let seen = 0;
  for (let row = header.bottom + 1; row < Math.min(rowCount(grid), header.bottom + 12); row++) {
    const v = cellAt(grid, row, header.left);
    if (isBlankValue(v)) continue;
    seen++;
    const m = mergeAt(grid, row, header.left);
    if (m && m.left === header.left && m.right >= header.right) merged++;
    else if (!m && cellAt(grid, row, header.right) === v) merged++;
  }
  return seen > 0 && merged >= seen / 2;
}

function headerRolesOf(grid: Grid, row: number): HeaderRoles {
  const roles: HeaderRoles = new Map();
  const width = widthOf(grid);
  for (let col = 0; col < width; col++) {
    const { text, merge } = headerCell(grid, row, col);
    const across = merge && merge.right > merge.left && merge.top <= row;
    let role = roleOfHeader(text);
    if (across) {
      // A header over several columns: "指标体系" (its second row names them) names none; "评分标准"
      // over an item column and a rule column names the rule, at the right; "考核内容及评分标准"
      // names both. Where the data rows are merged the same way the header names one column.
      if (!role && /内容|项目|要求/.test(text) && /标准|细则|办法/.test(text)) role = "rule";
      if (!role) continue;
      if (dataMergedAcross(grid, merge!)) {
        if (col !== merge!.left) continue;
      } else if (col !== merge!.right) {
        if (role === "rule" && col === merge!.left && /内容|项目|要求/.test(text) && !hasRole(roles, "indicator"))
          roles.set(col, "indicator");
        continue;
      }
    }
    if (!role) continue;
    // Several columns may name points (二级 and 三级 分值) or items (二级指标, 三级指标): all are kept here.
    if (role === "points" || role === "indicator" || !hasRole(roles, role)) roles.set(col, role);
  }
  return roles;
}

function hasRole(roles: HeaderRoles, role: HeaderRole): boolean {
  return Array.from(roles.values()).indexOf(role) >= 0;
}

function isHeaderLike(roles: HeaderRoles): boolean {
  const set = new Set(roles.values());
  const hasContent = set.has("indicator") || set.has("rule") || set.has("category");
  return hasContent && set.size >= 3;
}

/** Finds the header: the first row naming at least three roles, merged with the row below when that one adds roles. */
function findHeader(grid: Grid): { top: number; bottom: number; roles: HeaderRoles } | undefined {
  const limit = Math.min(rowCount(grid), HEADER_SCAN_ROWS);
  for (let row = 0; row < limit; row++) {
    const roles = headerRolesOf(grid, row);
    const below = row + 1 < rowCount(grid) ? headerRolesOf(grid, row + 1) : new Map<number, HeaderRole>();
    const merged: HeaderRoles = new Map(roles);
    for (const [col, role] of below) if (!hasRole(merged, role)) merged.set(col, role);
    if (isHeaderLike(roles) || (roles.size >= 2 && isHeaderLike(merged))) {
      // The row below is the header's second row when it names roles under a header merged across
      // columns (指标体系 over 一级指标 and 二级指标), or names at least two new roles itself.
      const added = Array.from(below.entries()).filter(([, r]) => !hasRole(roles, r));
      const underMerged = added.some(([col]) =>
        grid.merges.some((m) => m.top === row && m.right > m.left && col >= m.left && col <= m.right)
      );
      const addsRoles = underMerged || added.length >= 2;
      if (addsRoles) return { top: row, bottom: row + 1, roles: merged };
      // A second header row under cells merged down from the first ("数据项1" under "采集数据项").
      const second = row + 1 < rowCount(grid) && continuesHeader(grid, row, row + 1);
      return { top: row, bottom: second ? row + 1 : row, roles };
    }
  }
  return undefined;
}

/** The row below a header is part of it when most of its filled cells are under header cells merged down. */
function continuesHeader(grid: Grid, header: number, row: number): boolean {
  let down = 0;
  let own = 0;
  for (let col = 0; col < widthOf(grid); col++) {
    const m = mergeAt(grid, row, col);
    if (m && m.top <= header && m.bottom >= row) down++;
    else if (!isBlankValue(cellAt(grid, row, col))) own++;
  }
  return down >= 2 && own > 0 && own <= down;
}

// ---------------------------------------------------------------------------------------------
// Columns, by label and by content

function fraction(count: number, of: number): number {
  return of === 0 ? 0 : count / of;
}

type Columns = Partial<Record<ColumnRole, number>>;

/** 得分 is the points column when no other column holds points and it is mostly numbers; else the self-score. */
function resolveScoreColumn(grid: Grid, columns: Columns, ambiguous: number | undefined, header: number): void {
  if (ambiguous === undefined) return;
  if (columns.points === undefined && columns.selfScore !== undefined) columns.points = ambiguous;
  else if (columns.points !== undefined && columns.selfScore === undefined) columns.selfScore = ambiguous;
  else if (columns.points === undefined) {
    // Decide by content: where the items state their points in the text ("（5分）"), 得分 is where
    // the score is written; else a column of numbers is the points column (微山's 得分).
    let numbers = 0;
    let stated = 0;
    let filled = 0;
    for (let row = header + 1; row < rowCount(grid); row++) {
      const text = textAt(grid, row, columns.indicator ?? 0);
      if (isBlankValue(text)) continue;
      filled++;
      if (parseNumber(cellAt(grid, row, ambiguous)).value !== null) numbers++;
      if (statedPoints(text).points !== undefined || statedPoints(text).bonus !== undefined) stated++;
    }
    if (fraction(stated, filled) >= 0.5) columns.selfScore = ambiguous;
    else if (fraction(numbers, filled) >= 0.5) columns.points = ambiguous;
    else columns.selfScore = ambiguous;
  }
}

/**
 * How a column's text runs down the data rows: the average length of a run of one value (a merged
 * cell, a value repeated, or a value left blank below its first row). 1 means every row differs.
 */
function runLength(grid: Grid, col: number, from: number): number {
  let rows = 0;
  let runs = 0;
  let last: string | undefined;
  for (let row = from; row < Math.min(rowCount(grid), from + CONTENT_SCAN_ROWS); row++) {
    const first = firstText(grid, row);
    if (!first || FOOTER.test(matchKey(first)) || NOTE.test(first) || SIGNATURE.test(first)) continue;
    const text = String(shownAt(grid, row, col) ?? "").trim();
    rows++;
    if (!text) {
      if (last === undefined) runs++;
      continue;
    }
    if (text !== last) runs++;
    last = text;
  }
  return runs === 0 ? 0 : rows / runs;
}

/** How many of a column's filled data cells read as scoring sentences (得N分, 扣N分, 不得分). */
function ruleLike(grid: Grid, col: number, from: number): number {
  let filled = 0;
  let rules = 0;
  for (let row = from; row < Math.min(rowCount(grid), from + CONTENT_SCAN_ROWS); row++) {
    const text = cleanText(textAt(grid, row, col));
    if (!text) continue;
    filled++;
    if (/[得扣加奖减]\s*\d+(\.\d+)?\s*分|不得分|酌情/.test(text)) rules++;
  }
  return fraction(rules, filled);
}

/** How many of a column's filled data cells hold checkbox options with points ("□符合（6分）□基本符合（3分）"). */
function optionLike(grid: Grid, col: number, from: number): number {
  let filled = 0;
  let options = 0;
  for (let row = from; row < Math.min(rowCount(grid), from + CONTENT_SCAN_ROWS); row++) {
    const text = cleanText(textAt(grid, row, col));
    if (!text) continue;
    filled++;
    if (/[□☐■☑√]/.test(text) && checkboxOptions(text)) options++;
  }
  return fraction(options, filled);
}

function columnsOf(grid: Grid, roles: HeaderRoles, header: number): Columns {
  const columns: Columns = {};
  const points: number[] = [];
  const items: number[] = [];
  let ambiguous: number | undefined;
  const sorted = Array.from(roles.entries()).sort((a, b) => a[0] - b[0]);
  for (const [col, role] of sorted) {
    if (role === "score?") ambiguous = ambiguous ?? col;
    else if (role === "points") points.push(col);
    else if (role === "indicator") items.push(col);
    else if (columns[role] === undefined) columns[role] = col;
  }
  // 一级 / 二级 / 三级指标: the deepest level named holds the items.
  const third = items.filter((col) => /三级/.test(headerText(grid, header, col)));
  if (items.length) columns.indicator = third.length ? third[third.length - 1] : items[0];
  // Two 分值 columns (二级 and 三级): the items' points stand nearest to the right of the items.
  if (points.length) {
    const item = columns.indicator ?? -1;
    const right = points.filter((col) => col > item);
    columns.points = right.length ? right[0] : points[points.length - 1];
  }
  resolveScoreColumn(grid, columns, ambiguous, header);
  byContent(grid, columns, header + 1);
  return columns;
}

function headerText(grid: Grid, header: number, col: number): string {
  for (let row = header; row >= Math.max(0, header - 1); row--) {
    const text = headerCell(grid, row, col).text;
    if (text) return text;
  }
  return "";
}

/**
 * Roles by what the columns hold. A category column whose every row differs holds the items (石城's
 * 考核项目); an item column merged over several rows, with a column of distinct texts beside it, holds
 * categories (工作内容（7分） over 工作要求（2分）); a column headed as items that holds scoring sentences
 * while another names the items is the rule.
 */
function byContent(grid: Grid, columns: Columns, from: number): void {
  const taken = (col: number) => (Object.keys(columns) as ColumnRole[]).some((r) => columns[r] === col);
  if (columns.category !== undefined && runLength(grid, columns.category, from) < 1.25) {
    const category = columns.category;
    delete columns.category;
    if (columns.indicator === undefined) columns.indicator = category;
    else if (columns.rule === undefined && ruleLike(grid, columns.indicator, from) >= 0.5) {
      columns.rule = columns.indicator;
      columns.indicator = category;
    }
  }
  // The column headed as items holds the scoring options ("□符合（6分）□基本符合（3分）") and the one
  // headed as the rule holds the requirement: read them by what they hold.
  if (
    columns.indicator !== undefined &&
    columns.rule !== undefined &&
    optionLike(grid, columns.indicator, from) >= 0.5 &&
    optionLike(grid, columns.rule, from) < 0.2
  ) {
    const rule = columns.rule;
    columns.rule = columns.indicator;
    columns.indicator = rule;
  }
  if (columns.indicator !== undefined && runLength(grid, columns.indicator, from) >= 1.5) {
    const candidates: number[] = [];
    // Beside the item column, before the rule or points: a few columns at most.
    for (let col = columns.indicator + 1; col < Math.min(widthOf(grid), columns.indicator + 4); col++) {
      if (col === columns.rule || col === columns.points) break;
      if (taken(col) && col !== columns.requirement) continue;
      candidates.push(col);
    }
    const item = candidates.find((col) => runLength(grid, col, from) > 0 && runLength(grid, col, from) < 1.25);
    if (item !== undefined) {
      if (columns.category === undefined) columns.category = columns.indicator;
      columns.indicator = item;
      if (columns.requirement === item) delete columns.requirement;
    }
  }
}

function kindOf(columns: Columns): SheetKind {
  if (columns.indicator === undefined && columns.rule === undefined) return "unknown";
  // Units make a task breakdown; a 检查办法/考核方法 column alone is common to scoring sheets too.
  if (columns.lead !== undefined || (columns.units !== undefined && columns.rule !== undefined))
    return "task-breakdown";
  if (columns.requirement !== undefined || columns.goal !== undefined) return "assessment";
  return "scoring";
}

// ---------------------------------------------------------------------------------------------
// Rows

const FOOTER = /^(合计|总计|总分|综合得分|得分合计|小计|总得分|合计得分|考核得分合计)/;
const SUBTOTAL = /^(小计|得分小计)$|总评分数|部分(得分|合计|小计)/;
const NOTE = /^(注|备注|说明|附注)/;
/** Rows below a table that are no part of it: signatures, dates, the assessor, problems found. */
const SIGNATURE =
  /^(评价人|评估人|考核人|检查人|评分人|专家|考评人|审核人|填表人|评估日期|考核日期|检查日期|日期|签名|签字|存在问题|主要问题|整改意见|年\s*月\s*日)/;

/** Splits "牵头单位：县民政局 责任单位：县财政局" into its parts; a plain list is the responsible units. */
export function splitUnits(text: string): { lead?: string; responsible?: string } {
  const t = cleanText(text);
  if (!t) return {};
  const lead = /牵头单位[:：]\s*(.*?)\s*(?=责任单位[:：]|$)/.exec(t);
  const responsible = /责任单位[:：]\s*(.*)$/.exec(t);
  if (!lead && !responsible) return { responsible: t };
  return { lead: lead?.[1] || undefined, responsible: responsible?.[1] || undefined };
}

const BONUS_CATEGORY = /加分|奖励|奖扣|奖惩|加减分|奖分/;

export function readCategory(text: string, row: number): SheetCategory {
  const { number, rest } = splitNumber(text);
  const stated = statedPoints(text);
  const plain = withoutPoints(rest)
    .replace(/[(（]\s*共?\s*[)）]$/, "")
    .replace(/[(（]\s*\d+(\.\d+)?\s*[)）]\s*$/, "")
    .trim();
  // "一、组织机构(5)": points in brackets without 分.
  const bare = /[(（]\s*(\d+(?:\.\d+)?)\s*[)）]\s*$/.exec(cleanText(rest));
  const bonus = BONUS_CATEGORY.test(plain);
  const points = stated.points ?? (bare ? Number(bare[1]) : undefined);
  return {
    number,
    title: plain,
    points: bonus ? (stated.bonus ?? points) : points,
    bonusPoints: bonus ? undefined : stated.bonus,
    bonus,
    row,
  };
}

function sameHeader(grid: Grid, row: number, roles: HeaderRoles): boolean {
  let same = 0;
  for (const [col, role] of roles) {
    const text = textAt(grid, row, col);
    // Header words are short: longer cells are content, and need no reading.
    if (text.length <= MAX_HEADER_TEXT && roleOfHeader(text) === role) same++;
    if (same >= 2) return true;
  }
  return false;
}

function firstText(grid: Grid, row: number): string {
  const r = grid.values[row] ?? [];
  for (let col = 0; col < r.length; col++) {
    const v = r[col];
    if (!isBlankValue(v)) return cleanText(String(typeof v === "object" && v !== null ? v.error : v));
  }
  return "";
}

/** The distinct texts of a row (a heading merged across, or repeated in each cell of a flat copy, is one). */
function rowTexts(grid: Grid, row: number): string[] {
  const texts: string[] = [];
  const r = grid.values[row] ?? [];
  for (let col = 0; col < r.length; col++) {
    const v = r[col];
    if (isBlankValue(v)) continue;
    const t = cleanText(String(typeof v === "object" && v !== null ? v.error : v));
    if (t && texts.indexOf(t) < 0) texts.push(t);
  }
  return texts;
}

/** Whether a row's filled cells all hold one value (a heading across the table, merged or repeated): a cheap first look. */
function oneValue(grid: Grid, row: number): boolean {
  const r = grid.values[row] ?? [];
  let first: CellValue | undefined;
  for (let col = 0; col < r.length; col++) {
    const v = r[col];
    if (isBlankValue(v)) continue;
    if (first === undefined) first = v;
    else if (v !== first) return false;
  }
  return first !== undefined;
}

/** Whether any text cell of the row matches: a cheap first look. */
function anyCell(grid: Grid, row: number, re: RegExp): boolean {
  const r = grid.values[row] ?? [];
  for (let col = 0; col < r.length; col++) {
    const v = r[col];
    if (typeof v === "string" && re.test(v)) return true;
  }
  return false;
}

/** A Chinese numeral standing alone in the 序号 column ("一、", "二", "第三"): a category's number. */
function chineseNumber(text: string): number | undefined {
  const m = /^第?([一二三四五六七八九十]{1,3})\s*[、.，,)）]?$/.exec(cleanText(text));
  return m ? chineseInteger(m[1]) : undefined;
}

/** Points a total or subtotal row states: its points cell, or "（总分50）" / "总分：100" in its text. */
function totalPoints(grid: Grid, row: number, columns: Columns, text: string): number | undefined {
  if (columns.points !== undefined) {
    const v = parseNumber(cellAt(grid, row, columns.points)).value;
    if (v !== null && !mergeCovers(grid, row, columns.points)) return v;
  }
  const m = /总分\s*[:：]?\s*(\d+(?:\.\d+)?)/.exec(text) || /满分\s*[:：]?\s*(\d+(?:\.\d+)?)/.exec(text);
  return m ? Number(m[1]) : undefined;
}

/** The cell is part of a merged area whose top-left cell lies elsewhere (its value shown, not its own). */
function mergeCovers(grid: Grid, row: number, col: number): boolean {
  const m = mergeAt(grid, row, col);
  return !!m && (m.top !== row || m.left !== col);
}

interface Reading {
  grid: Grid;
  columns: Columns;
  rows: SheetRow[];
  /** The category the rows being read belong to. */
  category?: SheetCategory;
}

/** A heading above the header row ("安全部分（50分）" over the first section): the first category. */
function headingAbove(grid: Grid, top: number): SheetCategory | undefined {
  const texts: Array<{ row: number; text: string }> = [];
  for (let row = 0; row < top; row++) {
    const t = rowTexts(grid, row);
    if (t.length === 1) texts.push({ row, text: t[0] });
  }
  const last = texts[texts.length - 1];
  if (!last || last.row !== top - 1) return undefined;
  const category = readCategory(last.text, last.row);
  return category.points !== undefined && category.title ? category : undefined;
}

export function recognizeSheet(grid: Grid): SheetLayout {
  const header = findHeader(grid);
  if (!header) {
    return {
      sheet: grid.sheet,
      kind: "unknown",
      headerRow: -1,
      headerTop: -1,
      columns: {},
      rows: [],
      reason: "工作表“" + grid.sheet + "”未找到表头（如“二级指标”“评分标准”“分值”），不是任务分解表、评分细则或考核表",
    };
  }
  const columns = columnsOf(grid, header.roles, header.bottom);
  const kind = kindOf(columns);
  if (kind === "unknown") {
    return {
      sheet: grid.sheet,
      kind,
      headerRow: header.bottom,
      headerTop: header.top,
      columns,
      rows: [],
      reason: "工作表“" + grid.sheet + "”有表头，但没有指标或评分标准列",
    };
  }
  const reading: Reading = { grid, columns, rows: [] };
  const above = headingAbove(grid, header.top);
  if (above) setCategory(reading, above);
  const units = itemUnits(grid, columns, header.bottom + 1);
  const topRoles = header.bottom > header.top ? headerRolesOf(grid, header.top) : undefined;
  for (let row = header.bottom + 1; row < rowCount(grid); row++) {
    // Blank rows first, cheaply: a sheet whose last cell is XFD1048576 has a million of them.
    if (!firstText(grid, row)) continue;
    if (sameHeader(grid, row, header.roles)) continue; // the header repeated mid-table (会宁)
    if (topRoles && sameHeader(grid, row, topRoles)) continue;
    const last = readRow(reading, row, units.get(row));
    if (last !== undefined) row = last;
  }
  markSelfScored(reading);
  return { sheet: grid.sheet, kind, headerRow: header.bottom, headerTop: header.top, columns, rows: reading.rows };
}

/** Reads one row (or the rows of one item); returns the last row it took when it took more than one. */
function readRow(reading: Reading, row: number, lastRow: number | undefined): number | undefined {
  const { grid, columns } = reading;
  const first = firstText(grid, row);
  const key = matchKey(first);
  // Most rows are items: look at every cell's words only where a cheap look finds a reason to.
  const subtotal = (t: string) => /^(小计|得分小计|合计)[:：]?$/.test(t) || SUBTOTAL.test(matchKey(t));
  if (FOOTER.test(key) || (anyCell(grid, row, /小计|合计|总评分数|部分/) && rowTexts(grid, row).some(subtotal))) {
    readTotal(reading, row, rowTexts(grid, row).join(" "));
    return undefined;
  }
  if (NOTE.test(first) || SIGNATURE.test(first)) {
    reading.rows.push({ row, kind: "note", text: rowTexts(grid, row).join(" ") });
    return undefined;
  }
  const texts = oneValue(grid, row) ? rowTexts(grid, row) : [];
  // A heading across the table (merged, or repeated in each cell of a flat copy): a section.
  if (texts.length === 1 && !ownsItemCells(reading, row)) {
    const category = readCategory(texts[0], row);
    if (category.points !== undefined || category.number !== undefined) {
      setCategory(reading, category);
      return undefined;
    }
  }
  const categoryText = columns.category === undefined ? "" : cellText(grid, row, columns.category);
  // Category cells are merged down, repeated, or left blank below their first row: carry forward.
  if (categoryText) {
    const read = readCategory(categoryText, row);
    if (!reading.category || read.title !== reading.category.title) reading.category = read;
  }
  // "一、" in the 序号 column: a category row, whatever else it carries.
  const numberCell = columns.number !== undefined ? cellText(grid, row, columns.number) : "";
  const chinese = numberCell ? chineseNumber(numberCell) : undefined;
  const indicatorCol = columns.indicator ?? columns.rule!;
  const own = ownText(grid, row, columns.indicator !== undefined ? columns.indicator : columns.rule!);
  if (chinese !== undefined) {
    readNumberedCategory(reading, row, chinese, own || rowTexts(grid, row).filter((t) => t !== numberCell)[0] || "");
    return undefined;
  }
  if (!own && mergeCovers(grid, row, indicatorCol)) return undefined;
  if (!own) {
    // A row that only names a category ("一、强化保障机制（18分）" across the table).
    if (categoryText || first) {
      const read = readCategory(categoryText || first, row);
      if (read.number !== undefined || read.points !== undefined) setCategory(reading, read);
    }
    return undefined;
  }
  readItem(reading, row, lastRow ?? row);
  return lastRow !== undefined && lastRow > row ? lastRow : undefined;
}

function cellText(grid: Grid, row: number, col: number): string {
  return cleanText(String(shownAt(grid, row, col) ?? ""));
}

/** A rule cell's text with its line breaks: numbered lines and sections ("服务绩效：最高得40分") start on them. */
function ruleText(grid: Grid, row: number, col: number): string {
  return String(shownAt(grid, row, col) ?? "")
    .split(/\r?\n|\r/)
    .map(cleanText)
    .filter((line) => line.length > 0)
    .join("\n");
}

/** A cell's own text: "" under a merged cell whose value stands in a row above. */
function ownText(grid: Grid, row: number, col: number): string {
  const m = mergeAt(grid, row, col);
  if (m && m.top !== row) return "";
  return cleanText(textAt(grid, m ? m.top : row, m ? m.left : col));
}

/** Whether the row has its own text in the item or rule column (not one text spread over the row). */
function ownsItemCells(reading: Reading, row: number): boolean {
  const { grid, columns } = reading;
  const texts = rowTexts(grid, row);
  if (texts.length !== 1) return true;
  const m = mergeAt(grid, row, 0);
  if (m && m.right > m.left) return false;
  // A flat copy repeats the heading in every cell: then every filled cell holds it.
  let filled = 0;
  for (let col = 0; col < widthOf(grid); col++) if (!isBlankValue(cellAt(grid, row, col))) filled++;
  return filled < 2 && columns.indicator !== undefined && !isBlankValue(cellAt(grid, row, columns.indicator));
}

function setCategory(reading: Reading, category: SheetCategory): void {
  reading.category = category;
  reading.rows.push({ row: category.row, kind: "category", text: category.title, category });
}

/** "一、 | 巩固成果，提升河长制工作实效 | 31": a numbered category row; its rule, if any, is kept for a self-scored category. */
function readNumberedCategory(reading: Reading, row: number, number: number, title: string): void {
  const { grid, columns } = reading;
  const category = readCategory(title, row);
  category.number = number;
  if (category.points === undefined && columns.points !== undefined) {
    const v = parseNumber(cellAt(grid, row, columns.points)).value;
    if (v !== null) category.points = v;
  }
  setCategory(reading, category);
  const heading = reading.rows[reading.rows.length - 1];
  const rule = columns.rule !== undefined ? ruleText(grid, row, columns.rule) : "";
  const units = splitUnits(columns.units !== undefined ? cellText(grid, row, columns.units) : "");
  if (rule) heading.rule = rule;
  heading.points = category.points;
  heading.number = number;
  heading.lead = (columns.lead !== undefined ? cellText(grid, row, columns.lead) : "") || units.lead;
  heading.responsible = units.responsible;
  if (columns.selfScore !== undefined) heading.selfScore = cellAt(grid, row, columns.selfScore);
}

function readTotal(reading: Reading, row: number, text: string): void {
  const points = totalPoints(reading.grid, row, reading.columns, text);
  const category = /小计|总评分数|部分/.test(text) && !/^总分/.test(matchKey(text));
  const total: SheetRow = { row, kind: "total", text, points, scope: category ? "category" : "table" };
  if (category && reading.category) {
    total.category = reading.category;
    if (points !== undefined && reading.category.subtotal === undefined) {
      reading.category.subtotal = points;
      reading.category.subtotalRow = row;
    }
  }
  reading.rows.push(total);
}

/** One item: a row, or the rows its merged 分值 spans; text from the item column, rule from the rule column. */
function readItem(reading: Reading, row: number, last: number): void {
  const { grid, columns } = reading;
  const itemCol = columns.indicator !== undefined ? columns.indicator : columns.rule!;
  const itemTexts: string[] = [];
  const ruleLines: string[] = [];
  const rules: string[] = [];
  for (let r = row; r <= last; r++) {
    const item = cellText(grid, r, itemCol);
    if (item && itemTexts.indexOf(item) < 0) itemTexts.push(item);
    const rule = columns.rule !== undefined && columns.rule !== itemCol ? ruleText(grid, r, columns.rule) : "";
    if (rule && rules.indexOf(rule) < 0) rules.push(rule);
    // A bare deduction ("扣2分", "每项扣1-2分") means what its row names: keep the two together.
    if (rule) ruleLines.push(last > row && /^(每项)?[扣减得加]/.test(rule) && item ? item + rule : rule);
  }
  const own = itemTexts.join("\n");
  const { number, rest } = splitNumber(itemTexts[0] ?? "");
  const pointsCell = columns.points !== undefined ? parseNumber(cellAt(grid, row, columns.points)).value : null;
  const units = splitUnits(columns.units !== undefined ? cellText(grid, row, columns.units) : "");
  const lead = (columns.lead !== undefined ? cellText(grid, row, columns.lead) : "") || units.lead;
  const isBonus = /加分项目|加分项/.test(own);
  const stated = statedPoints(itemTexts[0] ?? "");
  const category = reading.category;
  const rowCategory: SheetCategory | undefined = isBonus
    ? { title: "加分项目", bonus: true, points: stated.bonus ?? stated.points, row }
    : category;
  const columnNumber =
    columns.number !== undefined ? splitNumber(cellText(grid, row, columns.number)).number : undefined;
  // An item written over its category's rows (its points merged with the category cell) is named by the category.
  const named = last > row && category && category.row === row && itemTexts.length > 1 ? category.title : undefined;
  const rule =
    rules.length === 0
      ? undefined
      : rules.length === 1 && last > row
        ? /^(每项)?[扣减得加]/.test(rules[0])
          ? ruleLines.join("\n")
          : rules[0]
        : ruleLines.join("\n");
  reading.rows.push({
    row,
    kind: "indicator",
    category: rowCategory,
    number: number ?? columnNumber,
    text: named ?? withoutPoints(itemTexts.length > 1 ? own : rest),
    points: pointsCell ?? (isBonus ? (stated.bonus ?? stated.points) : stated.points),
    bonusPoints: isBonus ? undefined : stated.bonus,
    rule: rule || (itemTexts.length > 1 && !columns.rule ? own : undefined),
    selfScore: columns.selfScore !== undefined ? cellAt(grid, row, columns.selfScore) : undefined,
    lead: lead || undefined,
    responsible: units.responsible,
    ...(last > row ? { lastRow: last } : {}),
  });
}

/** A numbered category row with no item below it is itself the scored item (石城 "五、加强宣传舆论…"). */
function markSelfScored(reading: Reading): void {
  const { rows } = reading;
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    if (r.kind !== "category" || r.category?.number === undefined || r.category.row !== r.row) continue;
    const hasItems = rows.some((x) => x.kind === "indicator" && x.category === r.category);
    if (hasItems || (!r.rule && r.points === undefined)) continue;
    if (!r.rule) continue;
    r.kind = "indicator";
    r.selfScored = true;
    r.text = r.category.title;
  }
}

// ---------------------------------------------------------------------------------------------
// Items written over several rows

/**
 * The rows each item spans, by its first row: a 分值 cell merged down over several rows is one item.
 * A flat copy repeats the merged value instead: a category whose every row repeats one 分值 is one
 * item when the category states that many points (一般信息（10分）: 10, 10, 10 is one 10-point item; 调度装备
 * (5): 1, 1, 1, 1, 1 are five), or, where no category states points, when only that reading gives the
 * total the table states (总分 100).
 */
function itemUnits(grid: Grid, columns: Columns, from: number): Map<number, number> {
  const units = new Map<number, number>();
  const col = columns.points;
  if (col === undefined) return units;
  let mergedDown = false;
  for (const m of grid.merges) {
    if (m.left <= col && m.right >= col && m.bottom > m.top && m.top >= from) {
      units.set(m.top, m.bottom);
      mergedDown = true;
    }
  }
  // A table with merged cells is the original: its merges say what belongs together.
  const merged = grid.merges.some((m) => m.top >= from && m.bottom > m.top);
  if (mergedDown || merged || columns.category === undefined || rowCount(grid) - from > CONTENT_SCAN_ROWS) return units;
  return flatUnits(grid, columns, from);
}

interface Block {
  top: number;
  bottom: number;
  points: number;
  stated?: number;
}

function flatUnits(grid: Grid, columns: Columns, from: number): Map<number, number> {
  const units = new Map<number, number>();
  const blocks: Block[] = [];
  let total: number | undefined;
  let sumRows = 0;
  let current: { key: string; rows: number[]; values: Array<number | null> } | undefined;
  const close = () => {
    if (!current) return;
    const values = current.values;
    const rows = current.rows;
    if (rows.length >= 2 && values.every((v) => v !== null && v === values[0])) {
      const stated = readCategory(current.key, rows[0]).points;
      blocks.push({ top: rows[0], bottom: rows[rows.length - 1], points: values[0]!, stated });
    }
    current = undefined;
  };
  for (let row = from; row < rowCount(grid); row++) {
    const first = firstText(grid, row);
    if (!first) continue;
    if (FOOTER.test(matchKey(first))) {
      close();
      const t = totalPoints(grid, row, columns, rowTexts(grid, row).join(" "));
      if (/^总分|^合计|^总计/.test(matchKey(first)) && t !== undefined) total = total ?? t;
      continue;
    }
    const key = cellText(grid, row, columns.category!);
    const value = parseNumber(cellAt(grid, row, columns.points!)).value;
    if (value !== null) sumRows += value;
    if (!current || key !== current.key) {
      close();
      current = { key, rows: [], values: [] };
    }
    current.rows.push(row);
    current.values.push(value);
  }
  close();
  const unstated = blocks.filter((b) => b.stated === undefined);
  let mergeUnstated = false;
  if (unstated.length && total !== undefined) {
    let merged = sumRows;
    for (const b of blocks)
      if (b.stated === undefined || b.stated === b.points) merged -= (b.bottom - b.top) * b.points;
    let separate = sumRows;
    for (const b of blocks)
      if (b.stated !== undefined && b.stated === b.points) separate -= (b.bottom - b.top) * b.points;
    mergeUnstated = Math.abs(merged - total) < 1e-9 && Math.abs(separate - total) > 1e-9;
  }
  for (const b of blocks) {
    if (b.stated !== undefined ? b.stated === b.points : mergeUnstated) units.set(b.top, b.bottom);
  }
  return units;
}

/** The columns as A1 letters, for output. */
export function columnLetters(layout: SheetLayout): Record<string, string> {
  const out: Record<string, string> = {};
  for (const role of columnRoles)
    if (layout.columns[role] !== undefined) out[role] = columnLetter(layout.columns[role]!);
  return out;
}
