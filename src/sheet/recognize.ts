/**
 * Recognizing a sheet: where its header is, what each column holds, what kind of sheet it is,
 * and which rows are categories, indicators, repeated headers, notes and totals. Pure: a Grid in,
 * a description out; nothing is changed, and a sheet that is none of the known kinds says so.
 */
import { cellAt, columnCount, columnLetter, isBlankValue, mergeAt, rowCount, shownAt, textAt, type Grid } from "./grid";
import { columnRoles, roleOfHeader, type ColumnRole } from "./columns";
import { cleanText, matchKey, splitNumber, statedPoints, withoutPoints } from "./normalize";
import { parseNumber } from "../rubric/figures";

export type SheetKind = "task-breakdown" | "scoring" | "assessment" | "unknown";

export interface SheetRow {
  /** 0-based row index in the grid. */
  row: number;
  kind: "indicator" | "category" | "total" | "note";
  /** The category this row belongs to, as read (number, title, points written in the sheet). */
  /**
   * The category this row belongs to, as read: its points, and its bonus where the header states
   * one ("（15分+5分）"); `bonus` marks a 加分项目 category (its `points` are then bonus points).
   */
  category?: { number?: number; title: string; points?: number; bonusPoints?: number; bonus: boolean; row: number };
  number?: number;
  /** The indicator's text without its number and its "（N分）". */
  text: string;
  /** Points written in the sheet for this row (points column, or "（N分）" in the text). */
  points?: number;
  /** Bonus points the row's text adds to its base ("（10分+2分）", "另加2分"). */
  bonusPoints?: number;
  rule?: string;
  /** The raw self-score cell, when the sheet has that column. */
  selfScore?: unknown;
  lead?: string;
  responsible?: string;
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

type HeaderRoles = Map<number, ColumnRole | "score?">;

function headerRolesOf(grid: Grid, row: number): HeaderRoles {
  const roles: HeaderRoles = new Map();
  const width = columnCount(grid);
  for (let col = 0; col < width; col++) {
    const merge = mergeAt(grid, row, col);
    // A header merged across columns ("指标体系" over 一级指标/二级指标) names no single column.
    if (merge && merge.right > merge.left && merge.top === row) continue;
    const role = roleOfHeader(textAt(grid, merge ? merge.top : row, merge ? merge.left : col));
    if (role && !hasRole(roles, role)) roles.set(col, role);
  }
  return roles;
}

function hasRole(roles: HeaderRoles, role: ColumnRole | "score?"): boolean {
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
    const below = row + 1 < rowCount(grid) ? headerRolesOf(grid, row + 1) : new Map();
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
      return addsRoles ? { top: row, bottom: row + 1, roles: merged } : { top: row, bottom: row, roles };
    }
  }
  return undefined;
}

function fraction(count: number, of: number): number {
  return of === 0 ? 0 : count / of;
}

/** 得分 is the points column when no other column holds points and it is mostly numbers; else the self-score. */
function resolveScoreColumn(grid: Grid, roles: HeaderRoles, header: number): Partial<Record<ColumnRole, number>> {
  const columns: Partial<Record<ColumnRole, number>> = {};
  let ambiguous: number | undefined;
  for (const [col, role] of roles) {
    if (role === "score?") ambiguous = col;
    else if (columns[role] === undefined) columns[role] = col;
  }
  if (ambiguous !== undefined) {
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
  return columns;
}

function kindOf(columns: Partial<Record<ColumnRole, number>>): SheetKind {
  if (columns.indicator === undefined && columns.rule === undefined) return "unknown";
  // Units make a task breakdown; a 检查办法/考核方法 column alone is common to scoring sheets too.
  if (columns.units !== undefined || columns.lead !== undefined) return "task-breakdown";
  if (columns.requirement !== undefined || columns.goal !== undefined) return "assessment";
  return "scoring";
}

const FOOTER = /^(合计|总计|总分|综合得分|得分合计|小计)/;
const NOTE = /^(注|备注|说明|附注)/;

/** Splits "牵头单位：县民政局 责任单位：县财政局" into its parts; a plain list is the responsible units. */
export function splitUnits(text: string): { lead?: string; responsible?: string } {
  const t = cleanText(text);
  if (!t) return {};
  const lead = /牵头单位[:：]\s*(.*?)\s*(?=责任单位[:：]|$)/.exec(t);
  const responsible = /责任单位[:：]\s*(.*)$/.exec(t);
  if (!lead && !responsible) return { responsible: t };
  return { lead: lead?.[1] || undefined, responsible: responsible?.[1] || undefined };
}

function readCategory(text: string, row: number): SheetRow["category"] {
  const { number, rest } = splitNumber(text);
  const stated = statedPoints(text);
  const bonus = /加分/.test(text);
  return {
    number,
    title: withoutPoints(rest)
      .replace(/[(（]\s*共?\s*[)）]$/, "")
      .trim(),
    points: bonus ? (stated.bonus ?? stated.points) : stated.points,
    bonusPoints: bonus ? undefined : stated.bonus,
    bonus,
    row,
  };
}

function sameHeader(grid: Grid, row: number, roles: HeaderRoles): boolean {
  let same = 0;
  for (const [col, role] of roles) {
    if (roleOfHeader(textAt(grid, row, col)) === role) same++;
  }
  return same >= 2;
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
  const columns = resolveScoreColumn(grid, header.roles, header.bottom);
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
  const rows: SheetRow[] = [];
  const text = (row: number, role: ColumnRole) =>
    columns[role] === undefined ? "" : cleanText(String(shownAt(grid, row, columns[role]!) ?? ""));
  const ownText = (row: number, role: ColumnRole) =>
    columns[role] === undefined ? "" : cleanText(textAt(grid, row, columns[role]!));
  let category: SheetRow["category"];
  const indicatorCol = columns.indicator ?? columns.rule!;
  for (let row = header.bottom + 1; row < rowCount(grid); row++) {
    // Blank rows first, cheaply: a sheet whose last cell is XFD1048576 has a million of them.
    const first = firstText(grid, row);
    if (!first) continue;
    if (sameHeader(grid, row, header.roles)) continue; // the header repeated mid-table (会宁)
    if (FOOTER.test(matchKey(first))) {
      rows.push({ row, kind: "total", text: first });
      continue;
    }
    if (NOTE.test(first)) {
      rows.push({ row, kind: "note", text: first });
      continue;
    }
    const categoryText = text(row, "category");
    // Category cells are merged down, repeated, or left blank below their first row: carry forward.
    if (categoryText) {
      const read = readCategory(categoryText, row)!;
      if (!category || read.title !== category.title) category = read;
    }
    const indicatorMerge = mergeAt(grid, row, indicatorCol);
    const own =
      indicatorMerge && indicatorMerge.top !== row
        ? ""
        : ownText(row, columns.indicator !== undefined ? "indicator" : "rule");
    if (!own) {
      // A row that only names a category ("一、强化保障机制（18分）" across the table).
      if (categoryText || first) {
        const read = readCategory(categoryText || first, row);
        if (read && (read.number !== undefined || read.points !== undefined)) {
          category = read;
          rows.push({ row, kind: "category", text: read.title, category });
        }
      }
      continue;
    }
    const { number, rest } = splitNumber(own);
    const pointsCell = columns.points !== undefined ? parseNumber(cellAt(grid, row, columns.points)).value : null;
    const units = splitUnits(text(row, "units"));
    const lead = text(row, "lead") || units.lead;
    const isBonus = /加分项目|加分项/.test(own);
    const stated = statedPoints(own);
    const rowCategory = isBonus
      ? { title: "加分项目", bonus: true, points: stated.bonus ?? stated.points, row }
      : category;
    const columnNumber = columns.number !== undefined ? splitNumber(ownText(row, "number")).number : undefined;
    rows.push({
      row,
      kind: "indicator",
      category: rowCategory,
      number: number ?? columnNumber,
      text: withoutPoints(rest),
      points: pointsCell ?? (isBonus ? (stated.bonus ?? stated.points) : stated.points),
      bonusPoints: isBonus ? undefined : stated.bonus,
      rule: text(row, "rule") || undefined,
      selfScore: columns.selfScore !== undefined ? cellAt(grid, row, columns.selfScore) : undefined,
      lead: lead || undefined,
      responsible: units.responsible,
    });
  }
  return { sheet: grid.sheet, kind, headerRow: header.bottom, headerTop: header.top, columns, rows };
}

function firstText(grid: Grid, row: number): string {
  const r = grid.values[row] ?? [];
  for (let col = 0; col < r.length; col++) {
    const v = r[col];
    if (!isBlankValue(v)) return cleanText(String(typeof v === "object" && v !== null ? v.error : v));
  }
  return "";
}

/** The columns as A1 letters, for output. */
export function columnLetters(layout: SheetLayout): Record<string, string> {
  const out: Record<string, string> = {};
  for (const role of columnRoles)
    if (layout.columns[role] !== undefined) out[role] = columnLetter(layout.columns[role]!);
  return out;
}
