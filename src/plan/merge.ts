/**
 * Merge: split's inverse. Each unit sends back its file; what the unit typed — 完成情况, 佐证材料,
 * 备注, a self-score where the county's cell is no formula, and, where the county's workbook is
 * prepared, its answers on 自评依据 and its figures on 指标数据 — goes into the county's workbook,
 * row by row matched by indicator (never by position: units sort and delete rows).
 *
 * - Ziping's formulas stay: a unit's edit to a formula's cell is listed, never written.
 * - A cell two units changed differently is a conflict: listed with every value, not written.
 * - A cell the county typed is kept and listed unless `overwrite` (fill's rule); a cell a previous
 *   merge wrote (recorded in _ziping, unchanged since) is the units' and may be written again.
 * - A file that is no split output of this workbook (no sheet of that name, other indicators, no
 *   unit it can be told to be from) is rejected and named; the others are merged.
 * - The 进度 sheet: per unit, rows assigned, returned, answered (完成情况 filled), with evidence
 *   (佐证材料 filled), still owed, the last file merged and its date; per indicator, the units that
 *   still owe it. What each unit returned is kept in _ziping, so merging in several rounds adds up.
 *
 * Pure: the county's Grids and the units' Grids in, a WorkbookPlan and a report out.
 */
import {
  a1,
  cellAt,
  columnLetter,
  formulaAt,
  isBlankValue,
  isErrorValue,
  parseA1,
  type CellValue,
  type Grid,
} from "../sheet/grid";
import { matchRubric, type SheetMatch } from "../sheet/match";
import { matchKey } from "../sheet/normalize";
import { recognizeSheet, type SheetLayout, type SheetRow } from "../sheet/recognize";
import type { ColumnRole } from "../sheet/columns";
import { firstEmptyColumn } from "./fill";
import {
  checkOwnSheets,
  MERGE_STATE_KINDS,
  ownSheetOps,
  PROGRESS_HEADERS,
  PROGRESS_SHEET,
  STATE_SHEET,
} from "../own/sheets";
import type { CellStyle, PlanOp, PlanValue, WorkbookPlan } from "./plan";
import { rowsByUnit, splitUnitList, unitFileName } from "./split";
import { KEYED_SHEETS, keyedRowBelongs, keyedRows, metricIndicators, unitOfFile } from "./unitReturn";

export interface UnitFile {
  /** The file's name as shown (its base name). */
  file: string;
  /** When the file was last modified, as shown ("2023-10-12 09:30"); undefined when unknown. */
  modified?: string;
  /** Its sheets, formulas computed. */
  grids: Grid[];
}

export interface MergeOptions {
  /** Replace cells the county typed (asked for explicitly, never by default). */
  overwrite?: boolean;
}

interface Where {
  sheet: string;
  cell: string;
  /** The indicator id ("1.2"), or the row's text where the row is no rubric indicator. */
  indicator?: string;
  /** The column's header ("完成情况", "实际值"). */
  column: string;
}

export interface MergeWrite extends Where {
  units: string[];
  value: PlanValue;
}

export interface MergeKept extends Where {
  unit: string;
  file: string;
  value: PlanValue;
  /** What the county's cell holds, as shown. */
  county: string;
}

export interface MergeConflict extends Where {
  county: string;
  values: Array<{ unit: string; file: string; value: PlanValue }>;
}

export interface MergeIgnored {
  unit: string;
  file: string;
  sheet: string;
  /** The cell in the unit's file. */
  cell: string;
  indicator?: string;
  reason: string;
}

export interface MergedFile {
  file: string;
  unit: string;
  modified?: string;
  /** Rows returned that are the unit's. */
  rows: number;
  /** The unit's rows missing from its file (deleted), by indicator. */
  missing: Array<{ indicator?: string; row: number; text: string }>;
}

export interface UnitProgress {
  unit: string;
  assigned: number;
  returned: number;
  answered: number;
  evidence: number;
  owing: number;
  file: string | null;
  modified: string | null;
}

export interface IndicatorProgress {
  indicator?: string;
  /** 1-based row on the county's sheet. */
  row: number;
  text: string;
  lead: string[];
  responsible: string[];
  owing: string[];
}

export interface MergeResult {
  plan: WorkbookPlan;
  merged: MergedFile[];
  rejected: Array<{ file: string; reason: string }>;
  written: MergeWrite[];
  kept: MergeKept[];
  conflicts: MergeConflict[];
  ignored: MergeIgnored[];
  progress: MergeProgress;
}

/** The table's columns a unit fills, carried back; added to the county's table where it has none. */
const CARRIED: Array<{ role: ColumnRole; header: string }> = [
  { role: "progress", header: "完成情况" },
  { role: "evidence", header: "佐证材料" },
  { role: "selfScore", header: "自评得分" },
  { role: "note", header: "备注" },
];

const HEADER_STYLE: CellStyle = { bold: true, fill: "#DDEBF7", wrap: true, align: "center" };

// --- values ----------------------------------------------------------------------------------------

/** A value as compared and recorded: blanks are "", text trimmed, numbers to 1e-9. */
export function canonical(value: CellValue | undefined): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return String(Math.round(value * 1e9) / 1e9);
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (isErrorValue(value)) return value.error;
  return value.replace(/\r\n?/g, "\n").trim();
}

function planValue(value: CellValue): PlanValue {
  if (value === null || typeof value === "object") return null;
  return typeof value === "string" ? value.replace(/\r\n?/g, "\n").trim() : value;
}

// --- what earlier merges recorded -------------------------------------------------------------------

/** A cell a merge wrote: the value it wrote and what the cell held before any merge. */
interface Written {
  value: string;
  original: string;
}

interface State {
  /** "sheet!A1" → what a merge wrote there. */
  written: Map<string, Written>;
  /** unit → "sheet!A1" → the unit's latest value where it differs from the cell's original, and its file. */
  values: Map<string, Map<string, { value: PlanValue; file: string }>>;
  files: Map<string, { file: string; modified: string }>;
  /** unit → row key → [answered, evidence]. */
  rows: Map<string, Map<string, [boolean, boolean]>>;
}

function text(v: CellValue): string {
  return v === null || typeof v === "object" ? "" : String(v);
}

function readState(grids: readonly Grid[]): State {
  const state: State = { written: new Map(), values: new Map(), files: new Map(), rows: new Map() };
  const grid = grids.find((g) => g.sheet === STATE_SHEET);
  if (!grid) return state;
  for (let r = 0; r < grid.values.length; r++) {
    const kind = cellAt(grid, r, 0);
    const [b, c, d, e, f] = [1, 2, 3, 4, 5].map((col) => text(cellAt(grid, r, col)));
    if (kind === "merged" && b && c) state.written.set(b + "!" + c, { value: d, original: e });
    else if (kind === "mergeValue" && b && c && d) {
      if (!state.values.has(b)) state.values.set(b, new Map());
      state.values.get(b)!.set(c + "!" + d, { value: planValue(cellAt(grid, r, 4)), file: f });
    } else if (kind === "mergeFile" && b) state.files.set(b, { file: c, modified: d });
    else if (kind === "mergeRow" && b && c) {
      if (!state.rows.has(b)) state.rows.set(b, new Map());
      state.rows.get(b)!.set(c, [d === "1", e === "1"]);
    }
  }
  return state;
}

// --- rows ------------------------------------------------------------------------------------------

/** A row's key: its indicator's id, or its wording where it is no rubric indicator. */
function rowKeys(layout: SheetLayout, match: SheetMatch | undefined): Map<SheetRow, string> {
  const ids = new Map<number, string>();
  for (const m of match?.matches ?? []) ids.set(m.row.row, m.indicator.id);
  const out = new Map<SheetRow, string>();
  for (const row of layout.rows)
    if (row.kind === "indicator") out.set(row, ids.get(row.row) ?? "text:" + matchKey(row.text));
  return out;
}

function shownKey(key: string, row: SheetRow): string {
  return key.indexOf("text:") === 0 ? row.text.slice(0, 30) : key;
}

/** The unit a file is for: what its _ziping says, else its name ("县民政局.xlsx", "县民政局-已填.xlsx"). */
function unitOf(file: UnitFile, units: readonly string[]): string | undefined {
  const stated = unitOfFile(file.grids);
  if (stated) return units.indexOf(stated) >= 0 ? stated : undefined;
  const base = file.file.replace(/\.xlsx$/i, "").trim();
  const exact = units.find((u) => unitFileName(u) === base);
  if (exact) return exact;
  let best: string | undefined;
  for (const u of units) {
    const name = unitFileName(u);
    if (base.indexOf(name) === 0 && (!best || name.length > unitFileName(best).length)) best = u;
  }
  return best;
}

// --- the plan --------------------------------------------------------------------------------------

interface Proposal {
  unit: string;
  file: string;
  value: PlanValue;
  canon: string;
}

interface Target extends Where {
  row: number;
  col: number;
  /** A keyed sheet's formula cell: the county's to compute, no unit edit reported. */
  quietFormula?: boolean;
  proposals: Proposal[];
}

/** Where a cell recorded by an earlier merge is: its row and column, the indicator and the column's header. */
function describe(
  county: readonly Grid[],
  layout: SheetLayout,
  keys: Map<SheetRow, string>,
  id: string
): Omit<Target, "proposals"> | undefined {
  const at = id.lastIndexOf("!");
  const sheet = id.slice(0, at);
  const cell = id.slice(at + 1);
  const grid = county.find((g) => g.sheet === sheet);
  if (!grid) return undefined;
  let pos: { row: number; col: number };
  try {
    pos = parseA1(cell);
  } catch {
    return undefined;
  }
  if (sheet === layout.sheet) {
    let indicator: string | undefined;
    keys.forEach((key, row) => {
      if (row.row === pos.row) indicator = shownKey(key, row);
    });
    if (indicator === undefined) return undefined;
    return {
      sheet,
      cell,
      row: pos.row,
      col: pos.col,
      indicator,
      column: text(cellAt(grid, layout.headerRow, pos.col)) || columnLetter(pos.col),
    };
  }
  if (!KEYED_SHEETS.some((k) => k.sheet === sheet)) return undefined;
  return {
    sheet,
    cell,
    row: pos.row,
    col: pos.col,
    indicator: text(cellAt(grid, pos.row, 0)) || undefined,
    column: text(cellAt(grid, 0, pos.col)) || columnLetter(pos.col),
    quietFormula: true,
  };
}

export function buildMergePlan(
  county: readonly Grid[],
  layout: SheetLayout,
  match: SheetMatch | undefined,
  files: readonly UnitFile[],
  options: MergeOptions = {}
): MergeResult {
  const grid = county.find((g) => g.sheet === layout.sheet);
  if (!grid) throw new Error("工作簿中没有工作表“" + layout.sheet + "”");
  checkOwnSheets(county, [PROGRESS_SHEET, STATE_SHEET]);
  const state = readState(county);
  const keys = rowKeys(layout, match);
  const countyRowOf = new Map<string, SheetRow>();
  keys.forEach((key, row) => {
    if (!countyRowOf.has(key)) countyRowOf.set(key, row);
  });
  const assignments = rowsByUnit(layout);
  const assignedKeys = new Map(assignments.map((u) => [u.unit, new Set(u.rows.map((r) => keys.get(r.row)!))] as const));
  const unitNames = assignments.map((u) => u.unit);

  const rejected: MergeResult["rejected"] = [];
  const ignored: MergeIgnored[] = [];
  const candidates: Array<{
    file: UnitFile;
    unit: string;
    grid: Grid;
    layout: SheetLayout;
    keys: Map<SheetRow, string>;
  }> = [];

  // 1. Which files are this workbook's split outputs, and whose.
  for (const file of files) {
    const own = file.grids.find((g) => g.sheet === layout.sheet);
    if (!own) {
      rejected.push({
        file: file.file,
        reason:
          "没有名为“" +
          layout.sheet +
          "”的工作表（工作表可能被改名，或不是从本工作簿拆分出的文件），未合并；请把工作表名改回“" +
          layout.sheet +
          "”后重试",
      });
      continue;
    }
    const unitLayout = recognizeSheet(own);
    if (unitLayout.kind === "unknown") {
      rejected.push({ file: file.file, reason: "工作表“" + own.sheet + "”中找不到表头，未合并" });
      continue;
    }
    const unitKeys = rowKeys(unitLayout, match ? matchRubric(unitLayout, match.rubric) : undefined);
    const total = unitKeys.size;
    let known = 0;
    unitKeys.forEach((key) => {
      if (countyRowOf.has(key)) known++;
    });
    if (total === 0 || known * 2 < total) {
      rejected.push({
        file: file.file,
        reason:
          "表中的指标与县工作簿对不上（" +
          total +
          " 行中只有 " +
          known +
          " 行能对应），可能是别的评分细则或别的表，未合并",
      });
      continue;
    }
    const unit = unitOf(file, unitNames);
    if (!unit) {
      const stated = unitOfFile(file.grids);
      rejected.push({
        file: file.file,
        reason: stated
          ? "文件标明的单位“" + stated + "”不在本工作簿的牵头单位、责任单位中，未合并"
          : "无法确定是哪个单位报送的（文件名不是拆分时的单位名称），未合并；请把文件名改为单位名称后重试",
      });
      continue;
    }
    candidates.push({ file, unit, grid: own, layout: unitLayout, keys: unitKeys });
  }
  // One file per unit: the newest (by its date, then by order given).
  const chosen = new Map<string, (typeof candidates)[number]>();
  for (const c of candidates) {
    const prev = chosen.get(c.unit);
    if (prev && (prev.file.modified ?? "") > (c.file.modified ?? "")) {
      rejected.push({
        file: c.file.file,
        reason: "同一单位（" + c.unit + "）有更新的文件“" + prev.file.file + "”，本文件未合并",
      });
      continue;
    }
    if (prev)
      rejected.push({
        file: prev.file.file,
        reason: "同一单位（" + c.unit + "）有更新的文件“" + c.file.file + "”，本文件未合并",
      });
    chosen.set(c.unit, c);
  }

  // 2. Where each unit's values go.
  const countyCols = new Map<ColumnRole, number>();
  for (const { role } of CARRIED) if (layout.columns[role] !== undefined) countyCols.set(role, layout.columns[role]!);
  const addedCols: Array<{ role: ColumnRole; header: string; col: number }> = [];
  let nextCol = -1;
  const columnFor = (role: ColumnRole): number => {
    const known = countyCols.get(role);
    if (known !== undefined) return known;
    if (nextCol < 0) nextCol = firstEmptyColumn(grid, layout);
    const col = nextCol++;
    countyCols.set(role, col);
    addedCols.push({ role, header: CARRIED.find((c) => c.role === role)!.header, col });
    return col;
  };
  const targets = new Map<string, Target>();
  const propose = (where: Omit<Target, "proposals">, p: Proposal) => {
    const id = where.sheet + "!" + where.cell;
    if (!targets.has(id)) targets.set(id, { ...where, proposals: [] });
    targets.get(id)!.proposals.push(p);
  };
  const merged: MergedFile[] = [];
  const returnedRows = new Map<string, Map<string, [boolean, boolean]>>();
  const metrics = match ? metricIndicators(match.rubric) : new Map<string, Set<string>>();

  for (const { file, unit, grid: unitGrid, layout: unitLayout, keys: unitKeys } of Array.from(chosen.values())) {
    const mine = assignedKeys.get(unit)!;
    const seen = new Set<string>();
    const rowsOf = new Map<string, [boolean, boolean]>();
    const roleCol = (role: ColumnRole) => unitLayout.columns[role];
    unitKeys.forEach((key, unitRow) => {
      const countyRow = countyRowOf.get(key);
      // A row of the unit's file that is not merged, and why.
      const skip = (reason: string): void => {
        ignored.push({
          unit,
          file: file.file,
          sheet: unitGrid.sheet,
          cell: a1(unitRow.row, 0),
          ...(countyRow ? { indicator: shownKey(key, countyRow) } : {}),
          reason,
        });
      };
      if (!countyRow) return skip("县工作簿中没有这一行（" + unitRow.text.slice(0, 20) + "），未合并");
      if (seen.has(key)) return skip("同一指标在文件中出现两次，只合并第一次出现的一行");
      seen.add(key);
      if (!mine.has(key)) return skip("这一行不是分给本单位的，未合并");
      const valueOf = (role: ColumnRole) =>
        roleCol(role) === undefined ? null : cellAt(unitGrid, unitRow.row, roleCol(role)!);
      const answered =
        roleCol("progress") !== undefined
          ? !isBlankValue(valueOf("progress"))
          : CARRIED.some((c) => !isBlankValue(valueOf(c.role)));
      rowsOf.set(key, [answered, !isBlankValue(valueOf("evidence"))]);
      for (const { role, header } of CARRIED) {
        const uc = roleCol(role);
        if (uc === undefined) continue;
        const v = cellAt(unitGrid, unitRow.row, uc);
        if (isErrorValue(v)) continue;
        // A column the county's table lacks is added only for a value worth carrying; where it has
        // the column, a blank counts too (a unit may clear what was there).
        if (!countyCols.has(role) && isBlankValue(v)) continue;
        const col = columnFor(role);
        propose(
          {
            sheet: grid.sheet,
            cell: a1(countyRow.row, col),
            row: countyRow.row,
            col,
            indicator: shownKey(key, countyRow),
            column: header,
          },
          { unit, file: file.file, value: planValue(v), canon: canonical(v) }
        );
      }
    });
    // The unit's answers and figures, by id.
    const indicators = new Set(Array.from(mine).filter((k) => k.indexOf("text:") !== 0));
    for (const keyed of KEYED_SHEETS) {
      const theirs = file.grids.find((g) => g.sheet === keyed.sheet);
      const ours = county.find((g) => g.sheet === keyed.sheet);
      if (!theirs || !ours) continue;
      const countyRows = keyedRows(ours);
      keyedRows(theirs).forEach((unitRow, id) => {
        const row = countyRows.get(id);
        if (row === undefined) return;
        if (!keyedRowBelongs(keyed.sheet, id, indicators, metrics)) return;
        for (const col of keyed.inputs) {
          const v = cellAt(theirs, unitRow, col);
          if (isErrorValue(v)) continue;
          propose(
            {
              sheet: keyed.sheet,
              cell: a1(row, col),
              row,
              col,
              indicator: id,
              column: text(cellAt(ours, 0, col)) || columnLetter(col),
              quietFormula: true,
            },
            { unit, file: file.file, value: planValue(v), canon: canonical(v) }
          );
        }
      });
    }
    const missing: MergedFile["missing"] = [];
    for (const { row } of assignments.find((a) => a.unit === unit)!.rows) {
      const key = keys.get(row)!;
      if (!seen.has(key))
        missing.push({ indicator: key.indexOf("text:") === 0 ? undefined : key, row: row.row + 1, text: row.text });
    }
    merged.push({ file: file.file, unit, modified: file.modified, rows: rowsOf.size, missing });
    returnedRows.set(unit, rowsOf);
  }

  // What units merged in earlier rounds and not in this one said still stands.
  const roundUnits = new Set(Array.from(chosen.keys()));
  state.values.forEach((cells, unit) => {
    if (roundUnits.has(unit)) return;
    cells.forEach(({ value, file }, id) => {
      const where = describe(county, layout, keys, id);
      if (where) propose(where, { unit, file, value, canon: canonical(value) });
    });
  });

  // 3. Cell by cell: write, keep, or list as a conflict.
  const written: MergeWrite[] = [];
  const kept: MergeKept[] = [];
  const conflicts: MergeConflict[] = [];
  const ops: PlanOp[] = [];
  const records = new Map(state.written);
  const values = new Map(Array.from(state.values.entries()).filter(([unit]) => !roundUnits.has(unit)));
  targets.forEach((t, id) => {
    const target = county.find((g) => g.sheet === t.sheet)!;
    const current = cellAt(target, t.row, t.col);
    const currentCanon = canonical(current);
    const where: Where = { sheet: t.sheet, cell: t.cell, indicator: t.indicator, column: t.column };
    if (formulaAt(target, t.row, t.col) !== null) {
      if (t.quietFormula) return;
      for (const p of t.proposals)
        if (p.canon !== currentCanon && p.canon !== "" && roundUnits.has(p.unit))
          ignored.push({
            unit: p.unit,
            file: p.file,
            sheet: t.sheet,
            cell: t.cell,
            indicator: t.indicator,
            reason: "“" + t.column + "”由公式计算（" + (currentCanon || "空") + "），未采用单位填写的“" + p.canon + "”",
          });
      return;
    }
    const record = records.get(id);
    const original = record ? record.original : currentCanon;
    const changes = t.proposals.filter((p) => p.canon !== original);
    for (const c of changes) {
      if (!roundUnits.has(c.unit)) continue;
      if (!values.has(c.unit)) values.set(c.unit, new Map());
      values.get(c.unit)!.set(id, { value: c.value, file: c.file });
    }
    const distinct = Array.from(new Set(changes.map((c) => c.canon)));
    if (distinct.length === 0) return;
    // The county's own value: a cell no merge wrote, or one changed since a merge wrote it.
    const countyTyped = !isBlankValue(current) && !(record && record.value === currentCanon);
    if (countyTyped && !options.overwrite) {
      for (const c of changes)
        if (c.canon !== currentCanon)
          kept.push({ ...where, unit: c.unit, file: c.file, value: c.value, county: currentCanon });
      return;
    }
    if (distinct.length > 1) {
      conflicts.push({
        ...where,
        county: currentCanon,
        values: changes.map((c) => ({ unit: c.unit, file: c.file, value: c.value })),
      });
      return;
    }
    const value = changes[0].value;
    const by = Array.from(new Set(changes.map((c) => c.unit)));
    records.set(id, { value: distinct[0], original });
    if (distinct[0] === currentCanon) return;
    ops.push({
      op: "set",
      sheet: t.sheet,
      cell: t.cell,
      value,
      style: t.sheet === grid.sheet ? { wrap: true } : undefined,
    });
    written.push({ ...where, units: by, value });
  });

  // 4. Progress, over this round and the earlier ones.
  const rowState = new Map(state.rows);
  returnedRows.forEach((rows, unit) => rowState.set(unit, rows));
  const fileState = new Map(state.files);
  for (const m of merged) fileState.set(m.unit, { file: m.file, modified: m.modified ?? "" });
  const { units: unitsProgress, indicators: indicatorsProgress } = progressOf(keys, assignments, rowState, fileState);

  // 5. The plan: added columns, values, 进度, _ziping.
  const plan: WorkbookPlan = { ops: [], summary: [], kept: [] };
  addedCols.forEach((c, k) => {
    plan.ops.push({
      op: "set",
      sheet: grid.sheet,
      cell: a1(layout.headerRow, c.col),
      value: c.header,
      style: HEADER_STYLE,
    });
    plan.summary.push(
      "在“" +
        grid.sheet +
        "”第 " +
        columnLetter(c.col) +
        " 列（" +
        (k === 0 ? "表格右侧第一个空列" : "其右") +
        "）新增“" +
        c.header +
        "”列"
    );
  });
  plan.ops.push(...ops);
  plan.ops.push(...progressOps(county, unitsProgress, indicatorsProgress));
  plan.ops.push(...stateOps(county, records, values, fileState, rowState));
  if (conflicts.length) plan.summary.push(conflicts.length + " 个单元格有两个以上单位填写不同，未写入（见冲突清单）");
  if (kept.length) plan.summary.push(kept.length + " 个县里已填写的单元格保留未改");
  plan.summary.push(
    (county.some((g) => g.sheet === PROGRESS_SHEET) ? "更新" : "新建") +
      "“" +
      PROGRESS_SHEET +
      "”：各单位报送进度和各指标尚未填报的单位"
  );
  plan.kept = kept.map((k) => ({
    sheet: k.sheet,
    cell: k.cell,
    reason: "县里已填写“" + k.county + "”，保留未改（" + k.unit + "报送“" + canonical(k.value) + "”）",
  }));
  return {
    plan,
    merged,
    rejected,
    written,
    kept,
    conflicts,
    ignored,
    progress: { units: unitsProgress, indicators: indicatorsProgress },
  };
}

// --- progress ----------------------------------------------------------------------------------------

export interface MergeProgress {
  units: UnitProgress[];
  indicators: IndicatorProgress[];
}

/** Each unit's rows assigned, returned, answered, with evidence and still owed; each indicator's units owing it. */
function progressOf(
  keys: Map<SheetRow, string>,
  assignments: ReturnType<typeof rowsByUnit>,
  rowState: State["rows"],
  fileState: State["files"]
): MergeProgress {
  const assignedKeys = new Map(assignments.map((u) => [u.unit, new Set(u.rows.map((r) => keys.get(r.row)!))] as const));
  const units: UnitProgress[] = assignments.map((a) => {
    const rows = rowState.get(a.unit) ?? new Map<string, [boolean, boolean]>();
    const mine = assignedKeys.get(a.unit)!;
    let returned = 0;
    let answered = 0;
    let evidence = 0;
    rows.forEach(([ans, ev], key) => {
      if (!mine.has(key)) return;
      returned++;
      if (ans) answered++;
      if (ev) evidence++;
    });
    const last = fileState.get(a.unit);
    return {
      unit: a.unit,
      assigned: mine.size,
      returned,
      answered,
      evidence,
      owing: mine.size - answered,
      file: last ? last.file : null,
      modified: last && last.modified ? last.modified : null,
    };
  });
  const indicators: IndicatorProgress[] = [];
  keys.forEach((key, row) => {
    const owing = assignments
      .filter((a) => assignedKeys.get(a.unit)!.has(key) && !(rowState.get(a.unit)?.get(key)?.[0] ?? false))
      .map((a) => a.unit);
    indicators.push({
      indicator: key.indexOf("text:") === 0 ? undefined : key,
      row: row.row + 1,
      text: row.text,
      lead: splitUnitList(row.lead),
      responsible: splitUnitList(row.responsible),
      owing,
    });
  });
  return { units, indicators };
}

/**
 * The progress as the workbook records it (_ziping's rows, the ones the 进度 sheet was written
 * from), for the county's sheet as it is now: what the pane shows, after reopening too. Equal to
 * the last merge's `progress` while the sheet's units are unchanged. `merged` is false when no
 * merge has been recorded yet (every unit then owes every row).
 */
export function readProgress(
  county: readonly Grid[],
  layout: SheetLayout,
  match: SheetMatch | undefined
): MergeProgress & { merged: boolean } {
  const state = readState(county);
  const progress = progressOf(rowKeys(layout, match), rowsByUnit(layout), state.rows, state.files);
  return { ...progress, merged: state.files.size > 0 || state.rows.size > 0 };
}

/** A file's modified time as a person reads it, in local time: "2023-10-12 09:30" (the CLI and the pane alike). */
export function formatModified(date: Date): string {
  const two = (n: number) => (n < 10 ? "0" : "") + n;
  return (
    date.getFullYear() +
    "-" +
    two(date.getMonth() + 1) +
    "-" +
    two(date.getDate()) +
    " " +
    two(date.getHours()) +
    ":" +
    two(date.getMinutes())
  );
}

// --- 进度 and _ziping ------------------------------------------------------------------------------

export const OWING_HEADERS = ["编号", "二级指标", "牵头单位", "责任单位", "尚未填报的单位"];

function progressOps(grids: readonly Grid[], units: UnitProgress[], indicators: IndicatorProgress[]): PlanOp[] {
  const sheet = PROGRESS_SHEET;
  const ops: PlanOp[] = ownSheetOps(grids, sheet, { columnWidths: [22, 40, 20, 30, 30, 10, 26, 18] });
  const set = (row: number, col: number, value: PlanValue, style?: CellStyle) =>
    ops.push({ op: "set", sheet, cell: a1(row, col), value, style });
  PROGRESS_HEADERS.forEach((h, c) => set(0, c, h, HEADER_STYLE));
  units.forEach((u, i) => {
    const r = i + 1;
    set(r, 0, u.unit, { wrap: true });
    [u.assigned, u.returned, u.answered, u.evidence, u.owing].forEach((n, k) => set(r, k + 1, n));
    set(r, 6, u.file ?? "未报送", { wrap: true });
    set(r, 7, u.modified ?? "");
  });
  if (units.length) {
    const last = units.length;
    ops.push({
      op: "conditionalFormat",
      sheet,
      range: "F2:F" + (last + 1),
      formula: "$F2>0",
      style: { fill: "#FCE4D6" },
    });
  }
  const top = units.length + 2;
  OWING_HEADERS.forEach((h, c) => set(top, c, h, HEADER_STYLE));
  indicators.forEach((ind, i) => {
    const r = top + 1 + i;
    set(r, 0, ind.indicator ?? "第 " + ind.row + " 行");
    set(r, 1, ind.text, { wrap: true });
    set(r, 2, ind.lead.join("、"), { wrap: true });
    set(r, 3, ind.responsible.join("、"), { wrap: true });
    set(r, 4, ind.owing.length ? ind.owing.join("、") : "均已填报", {
      wrap: true,
      fontColor: ind.owing.length ? "#C00000" : "#548235",
    });
  });
  ops.push({ op: "freeze", sheet, rows: 1, columns: 1 });
  return ops;
}

function stateOps(
  grids: readonly Grid[],
  records: State["written"],
  values: State["values"],
  files: State["files"],
  rows: State["rows"]
): PlanOp[] {
  const existing = grids.find((g) => g.sheet === STATE_SHEET);
  const out: Array<Array<PlanValue>> = [];
  if (existing) {
    for (const row of existing.values) {
      const kind = row?.[0];
      if (kind === null || kind === undefined || MERGE_STATE_KINDS.indexOf(String(kind)) >= 0) continue;
      out.push((row ?? []).map((v) => (v === null || typeof v === "object" ? null : v)));
    }
  }
  records.forEach((r, id) => {
    const at = id.lastIndexOf("!");
    out.push(["merged", id.slice(0, at), id.slice(at + 1), r.value, r.original]);
  });
  values.forEach((cells, unit) =>
    cells.forEach((v, id) => {
      const at = id.lastIndexOf("!");
      out.push(["mergeValue", unit, id.slice(0, at), id.slice(at + 1), v.value, v.file]);
    })
  );
  files.forEach((f, unit) => out.push(["mergeFile", unit, f.file, f.modified]));
  rows.forEach((byKey, unit) =>
    byKey.forEach(([a, e], key) => out.push(["mergeRow", unit, key, a ? "1" : "0", e ? "1" : "0"]))
  );
  const ops: PlanOp[] = ownSheetOps(grids, STATE_SHEET, { hidden: true });
  out.forEach((row, r) =>
    row.forEach((value, c) => {
      if (value !== "" && value !== null) ops.push({ op: "set", sheet: STATE_SHEET, cell: a1(r, c), value });
    })
  );
  return ops;
}
