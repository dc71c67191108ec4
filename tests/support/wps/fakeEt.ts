/**
 * A stateful fake of WPS 表格's ET object model — the part the adapter uses, as typed in
 * src/adapters/wps/et.ts against Kingsoft's declarations (et-jsapi-declare). Its classes implement
 * those types, so a member the adapter uses that the declarations lack fails to compile here.
 *
 * What it models, as VBA-shaped spreadsheets (Excel's object model, which WPS follows) behave:
 * - Reads after writes return what was written. `Value2` and `Formula` give one value for a single
 *   cell, a 2-D array for several; empty cells read `undefined` (Value2) or "" (Formula).
 * - Writes are parsed as typed input: "=…" is a formula, "'" keeps text as text (the prefix is not
 *   part of the value), "12.5" and "65%" are numbers (the latter formatted "0%"), "TRUE" a boolean,
 *   "#N/A" an error, "2023/1/5" a date (a serial number); a 2-D array must have the range's shape.
 * - No calculation: a formula's value is undefined until `setResult` gives it one.
 * - `NumberFormat`, `Font.Bold`/`Color`, `Interior.Color`, `WrapText`, `Locked` … read one value for
 *   the range, or null where its cells differ; `MergeCells` true, false or null (partly merged);
 *   `MergeArea` is the merged area holding the range's top-left cell (or that cell).
 * - `Validation.Add` on a cell that already has a validation throws (Excel's error 1004: Delete
 *   first). `FormatConditions.Add` puts the new rule first in priority (`SetLastPriority` moves it
 *   last) and, as in VBA, takes relative references from the active cell: the rule remembers the
 *   active sheet and cell at the time of Add.
 * - `Range.Select()` on a sheet that is not active throws, and `Activate()` on a hidden sheet
 *   throws, as in Excel. `Sheets.Add` activates the new sheet.
 * - Events: `ApiEvent.AddApiEventListener("SheetChange" | "SheetActivate", f)`; our own writes fire
 *   SheetChange (synchronously) unless `EnableEvents` is false; `type()` is a person typing.
 * - Add-in services: `CreateTaskPane`, `GetTaskPane`, `PluginStorage` (shared by every page of the
 *   add-in: pass the same storage to two fakes to model two pages).
 * - `without`: members a WPS build lacks read `undefined` (e.g. "Validation"), as unsupported
 *   members are absent from a build, never stubs.
 *
 * No runtime imports (types only): tests/support/wps/browserFake.ts transpiles this file into a
 * plain script for headless Chromium.
 */
import type {
  EtApiEvent,
  EtApplication,
  EtFont,
  EtFormatCondition,
  EtFormatConditions,
  EtHyperlinks,
  EtInterior,
  EtPluginStorage,
  EtRange,
  EtSheets,
  EtTaskPane,
  EtValidation,
  EtWindow,
  EtWorkbook,
  EtWorksheet,
} from "../../../src/adapters/wps/et";

/* eslint-disable @typescript-eslint/no-explicit-any */

export type FakeValue = number | string | boolean | { error: string };

export interface FakeCell {
  value?: FakeValue;
  formula?: string;
  /** Typed with a quote prefix (text that would otherwise parse). */
  quoted?: boolean;
  numberFormat?: string;
  bold?: boolean;
  fontColor?: number;
  fill?: number;
  wrap?: boolean;
  align?: number;
  locked?: boolean;
}

export interface FakeArea {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface FakeValidationRule {
  id: number;
  type: number;
  alertStyle?: number;
  operator?: number;
  formula1?: string;
  formula2?: string;
  ignoreBlank: boolean;
  inCellDropdown: boolean;
  inputTitle: string;
  inputMessage: string;
  errorTitle: string;
  errorMessage: string;
  showInput: boolean;
  showError: boolean;
}

export interface FakeRule {
  area: FakeArea;
  type: number;
  formula: string;
  /** The active sheet and cell when the rule was added: what its relative references count from. */
  anchor: { sheet: string; cell: string };
  fill?: number;
  fontColor?: number;
  bold?: boolean;
}

export interface FakeSheetSpec {
  name: string;
  /** -1 visible, 0 hidden, 2 very hidden. */
  visible?: number;
  /** The project's Grid shape from A1: null blank, { error }, a string "=…" is a formula. */
  values?: unknown[][];
  formulas?: (string | null)[][];
  numberFormats?: (string | null)[][];
  /** "A1:B3" */
  merges?: string[];
}

export interface FakeWorkbookSpec {
  name?: string;
  sheets: FakeSheetSpec[];
  active?: string;
}

export type FakeMember =
  | "Validation"
  | "FormatConditions"
  | "Hyperlinks"
  | "ApiEvent"
  | "MergeCells"
  | "NumberFormat"
  | "FreezePanes"
  | "ColumnWidth"
  | "Hidden"
  | "Locked"
  | "EnableEvents"
  | "ScreenUpdating"
  | "SetLastPriority"
  | "Merge"
  | "PluginStorage";

export interface FakeOptions {
  without?: FakeMember[];
  /** `Range.Address` as a property (some builds) instead of the declared method. */
  addressProperty?: boolean;
  /** The add-in's PluginStorage, shared with another page's fake. */
  storage?: FakeStorage;
  /** How Value2 gives an error: its text ("#N/A", default) or VBA's COM code (-2146826246). */
  errors?: "text" | "com";
}

const COM_CODES: Record<string, number> = {
  "#NULL!": -2146826288,
  "#DIV/0!": -2146826281,
  "#VALUE!": -2146826273,
  "#REF!": -2146826265,
  "#NAME?": -2146826259,
  "#NUM!": -2146826252,
  "#N/A": -2146826246,
};

// --- A1 ---------------------------------------------------------------------------------------------

function colLetters(col: number): string {
  let n = col + 1;
  let s = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    s = String.fromCharCode(65 + rem) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

function colIndex(letters: string): number {
  let n = 0;
  for (let i = 0; i < letters.length; i++) n = n * 26 + (letters.toUpperCase().charCodeAt(i) - 64);
  return n - 1;
}

export function cellName(row: number, col: number): string {
  return colLetters(col) + (row + 1);
}

function areaName(a: FakeArea, absolute = false): string {
  const d = absolute ? "$" : "";
  const one = (r: number, c: number) => d + colLetters(c) + d + (r + 1);
  const start = one(a.top, a.left);
  return a.top === a.bottom && a.left === a.right ? start : start + ":" + one(a.bottom, a.right);
}

const MAX_ROW = 1048575;

/** "A1", "A1:C3", "$A$1", "A:A", "B:D" → an area; throws as Excel does on anything else. */
export function parseAddress(address: string): FakeArea {
  const text = String(address).replace(/\$/g, "").trim();
  const cols = /^([A-Za-z]{1,3}):([A-Za-z]{1,3})$/.exec(text);
  if (cols) {
    const l = colIndex(cols[1]);
    const r = colIndex(cols[2]);
    return { top: 0, left: Math.min(l, r), bottom: MAX_ROW, right: Math.max(l, r) };
  }
  const parts = text.split(":");
  const cell = (p: string) => {
    const m = /^([A-Za-z]{1,3})(\d+)$/.exec(p);
    if (!m) throw new Error("Range 方法失败：地址无效 " + address);
    return { row: Number(m[2]) - 1, col: colIndex(m[1]) };
  };
  if (parts.length > 2) throw new Error("Range 方法失败：地址无效 " + address);
  const s = cell(parts[0]);
  const e = parts[1] !== undefined ? cell(parts[1]) : s;
  return {
    top: Math.min(s.row, e.row),
    left: Math.min(s.col, e.col),
    bottom: Math.max(s.row, e.row),
    right: Math.max(s.col, e.col),
  };
}

function overlaps(a: FakeArea, b: FakeArea): boolean {
  return a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;
}

function inside(a: FakeArea, row: number, col: number): boolean {
  return row >= a.top && row <= a.bottom && col >= a.left && col <= a.right;
}

const ERROR_TEXTS = ["#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A"];

/** What a typed entry becomes, as Excel/WPS parse input. null: an empty cell. */
export function parseInput(v: unknown): FakeCell | null {
  if (v === null || v === undefined || v === "") return null;
  if (typeof v === "number") {
    if (!Number.isFinite(v)) throw new Error("无效的数值");
    return { value: v };
  }
  if (typeof v === "boolean") return { value: v };
  if (typeof v === "object" && v !== null && "error" in (v as object)) return { value: v as { error: string } };
  const s = String(v);
  if (s.charAt(0) === "'") return s.length > 1 ? { value: s.slice(1), quoted: true } : null;
  if (s.charAt(0) === "=" && s.length > 1) return { formula: s };
  const t = s.trim();
  if (/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(t)) return { value: Number(t) };
  const pct = /^([-+]?(\d+\.?\d*|\.\d+))%$/.exec(t);
  if (pct) return { value: Number(pct[1]) / 100, numberFormat: "0%" };
  if (/^true$/i.test(t)) return { value: true };
  if (/^false$/i.test(t)) return { value: false };
  if (ERROR_TEXTS.indexOf(t.toUpperCase()) >= 0) return { value: { error: t.toUpperCase() } };
  const date = /^(\d{4})\s*[-/年]\s*(\d{1,2})\s*(?:[-/月]\s*(\d{1,2})\s*日?|月)?$/.exec(t);
  if (date) {
    const serial = Date.UTC(+date[1], +date[2] - 1, date[3] ? +date[3] : 1) / 86400000 + 25569;
    return { value: serial, numberFormat: "yyyy/m/d" };
  }
  if (/^[+-]./.test(t) && /^[+-][\d.]*[A-Za-z(]/.test(t)) return { formula: "=" + t };
  return { value: s };
}

// --- the state --------------------------------------------------------------------------------------

export class FakeStorage implements EtPluginStorage {
  readonly items = new Map<string, string>();
  getItem(key: string): string {
    // WPS gives "" for a key it does not have (a string, as declared).
    return this.items.has(key) ? this.items.get(key)! : "";
  }
  setItem(key: string, value: string | number | boolean): void {
    this.items.set(key, String(value));
  }
  removeItem(key: string): void {
    this.items.delete(key);
  }
}

class SheetState {
  cells = new Map<string, FakeCell>();
  merges: FakeArea[] = [];
  /** Cell key → validation (one rule object shared by the cells it was added on). */
  validations = new Map<string, FakeValidationRule>();
  rules: FakeRule[] = [];
  widths = new Map<number, number>();
  hiddenColumns = new Set<number>();
  hyperlinks: Array<{ cell: string; address: string; subAddress: string; text: string }> = [];
  freeze = { rows: 0, columns: 0, frozen: false };
  selection: FakeArea = { top: 0, left: 0, bottom: 0, right: 0 };

  constructor(
    public name: string,
    public visible: number
  ) {}

  cell(row: number, col: number): FakeCell | undefined {
    return this.cells.get(row + "," + col);
  }

  edit(row: number, col: number): FakeCell {
    const key = row + "," + col;
    let c = this.cells.get(key);
    if (!c) this.cells.set(key, (c = {}));
    return c;
  }

  /** The smallest area holding every cell with a value, a formula or a format; A1 when none. */
  used(): FakeArea {
    let top = Infinity;
    let left = Infinity;
    let bottom = -1;
    let right = -1;
    this.cells.forEach((c, key) => {
      if (!Object.keys(c).some((k) => (c as any)[k] !== undefined)) return;
      const [r, col] = key.split(",").map(Number);
      top = Math.min(top, r);
      left = Math.min(left, col);
      bottom = Math.max(bottom, r);
      right = Math.max(right, col);
    });
    // Validated cells and conditional formats count as used, as in Excel.
    const areas = this.merges.concat(this.rules.map((r) => r.area));
    this.validations.forEach((_rule, key) => {
      const [r, c] = key.split(",").map(Number);
      areas.push({ top: r, left: c, bottom: r, right: c });
    });
    for (const m of areas) {
      top = Math.min(top, m.top);
      left = Math.min(left, m.left);
      bottom = Math.max(bottom, m.bottom);
      right = Math.max(right, m.right);
    }
    return bottom < 0 ? { top: 0, left: 0, bottom: 0, right: 0 } : { top, left, bottom, right };
  }
}

let nextId = 1;

export class FakeEt {
  readonly book: { name: string; sheets: SheetState[]; active: SheetState };
  readonly app: FakeApplication;
  readonly storage: FakeStorage;
  readonly without: Set<FakeMember>;
  readonly options: FakeOptions;
  /** Every call and property write on the object model, in order ("Range.Value2= 自评依据!A1:D40"). */
  readonly log: string[] = [];
  /** Reads of Value2 / Formula and the like, by member ("Value2", "Formula", "NumberFormat", "MergeCells" …). */
  readonly reads: Record<string, number> = {};
  readonly taskPanes: FakeTaskPane[] = [];
  readonly listeners = new Map<string, Array<(...args: unknown[]) => void>>();
  screenUpdating = true;
  enableEvents = true;
  /** False: no workbook open (ActiveWorkbook is null). */
  open = true;

  constructor(spec: FakeWorkbookSpec, options: FakeOptions = {}) {
    this.options = options;
    this.without = new Set(options.without || []);
    this.storage = options.storage || new FakeStorage();
    const sheets = (spec.sheets.length ? spec.sheets : [{ name: "Sheet1" }]).map((s) => this.load(s));
    const active = sheets.find((s) => s.name === spec.active) || sheets.find((s) => s.visible === -1) || sheets[0];
    this.book = { name: spec.name || "工作簿1.xlsx", sheets, active };
    this.app = new FakeApplication(this);
  }

  lacks(member: FakeMember): boolean {
    return this.without.has(member);
  }

  read(member: string): void {
    this.reads[member] = (this.reads[member] || 0) + 1;
  }

  private load(spec: FakeSheetSpec): SheetState {
    const s = new SheetState(spec.name, spec.visible ?? -1);
    const values = spec.values || [];
    const rows = Math.max(values.length, (spec.formulas || []).length, (spec.numberFormats || []).length);
    for (let r = 0; r < rows; r++) {
      const vr = values[r] || [];
      const fr = (spec.formulas && spec.formulas[r]) || [];
      const nr = (spec.numberFormats && spec.numberFormats[r]) || [];
      const cols = Math.max(vr.length, fr.length, nr.length);
      for (let c = 0; c < cols; c++) {
        const v = vr[c];
        const f = fr[c];
        const n = nr[c];
        const cell: FakeCell = {};
        if (typeof f === "string" && f.charAt(0) === "=") {
          cell.formula = f;
          if (v !== null && v !== undefined) cell.value = v as FakeValue;
        } else if (typeof v === "string" && v.charAt(0) === "=" && v.length > 1) {
          cell.formula = v;
        } else if (v !== null && v !== undefined && v !== "") {
          cell.value = v as FakeValue;
        }
        if (typeof n === "string" && n !== "General") cell.numberFormat = n;
        if (Object.keys(cell).length) s.cells.set(r + "," + c, cell);
      }
    }
    for (const m of spec.merges || []) s.merges.push(parseAddress(m));
    return s;
  }

  sheetState(name: string): SheetState | undefined {
    return this.book.sheets.find((s) => s.name === name);
  }

  fire(event: string, ...args: unknown[]): void {
    for (const f of this.listeners.get(event) || []) f(...args);
  }

  // --- what tests look at -----------------------------------------------------------------------

  sheets(): string[] {
    return this.book.sheets.map((s) => s.name);
  }

  visibility(name: string): number | undefined {
    return this.sheetState(name)?.visible;
  }

  active(): string {
    return this.book.active.name;
  }

  selection(): { sheet: string; address: string } {
    return { sheet: this.book.active.name, address: areaName(this.book.active.selection) };
  }

  /** A copy of a cell ({} when empty). */
  cell(sheet: string, address: string): FakeCell {
    const a = parseAddress(address);
    return { ...(this.sheetState(sheet)?.cell(a.top, a.left) || {}) };
  }

  /** Every non-empty cell of a sheet as its content: a formula ("=…") or its value. */
  contents(sheet: string): Map<string, FakeValue> {
    const out = new Map<string, FakeValue>();
    const s = this.sheetState(sheet);
    if (!s) return out;
    s.cells.forEach((c, key) => {
      const [r, col] = key.split(",").map(Number);
      if (c.formula !== undefined) out.set(cellName(r, col), c.formula);
      else if (c.value !== undefined) out.set(cellName(r, col), c.value);
    });
    return out;
  }

  merges(sheet: string): string[] {
    return (this.sheetState(sheet)?.merges || []).map((m) => areaName(m));
  }

  validationAt(sheet: string, address: string): FakeValidationRule | undefined {
    const a = parseAddress(address);
    return this.sheetState(sheet)?.validations.get(a.top + "," + a.left);
  }

  /** Validations as rectangles of the cells sharing one rule: "D2:D40" → rule. */
  validations(sheet: string): Array<{ cells: string[]; rule: FakeValidationRule }> {
    const s = this.sheetState(sheet);
    const groups = new Map<number, { cells: string[]; rule: FakeValidationRule }>();
    s?.validations.forEach((rule, key) => {
      const [r, c] = key.split(",").map(Number);
      let g = groups.get(rule.id);
      if (!g) groups.set(rule.id, (g = { cells: [], rule }));
      g.cells.push(cellName(r, c));
    });
    return Array.from(groups.values());
  }

  rules(sheet: string): Array<FakeRule & { range: string }> {
    return (this.sheetState(sheet)?.rules || []).map((r) => ({ ...r, range: areaName(r.area) }));
  }

  hyperlinks(sheet: string) {
    return (this.sheetState(sheet)?.hyperlinks || []).slice();
  }

  columnWidth(sheet: string, col: number): number | undefined {
    return this.sheetState(sheet)?.widths.get(col);
  }

  freeze(sheet: string) {
    return { ...this.sheetState(sheet)!.freeze };
  }

  /** Every sheet as the project's Grid shape (values from A1, formulas, number formats, merges). */
  toGrids(): Array<{
    sheet: string;
    values: unknown[][];
    formulas: (string | null)[][];
    numberFormats: (string | null)[][];
    merges: FakeArea[];
  }> {
    return this.book.sheets.map((s) => {
      const values: unknown[][] = [];
      const formulas: (string | null)[][] = [];
      const numberFormats: (string | null)[][] = [];
      s.cells.forEach((c, key) => {
        if (c.value === undefined && c.formula === undefined) return;
        const [r, col] = key.split(",").map(Number);
        for (const arr of [values, formulas, numberFormats]) while (arr.length <= r) arr.push([]);
        while (values[r].length <= col) {
          values[r].push(null);
          formulas[r].push(null);
          numberFormats[r].push("General");
        }
        values[r][col] = c.value === undefined ? null : c.value;
        formulas[r][col] = c.formula ?? null;
        numberFormats[r][col] = c.numberFormat || "General";
      });
      return { sheet: s.name, values, formulas, numberFormats, merges: s.merges.map((m) => ({ ...m })) };
    });
  }

  /** A person typing into a cell (or a block): parsed as typed, then SheetChange. */
  type(sheet: string, address: string, value: unknown): void {
    const s = this.sheetState(sheet)!;
    const area = parseAddress(address);
    writeValues(s, area, value);
    if (this.enableEvents) this.fire("SheetChange", new FakeWorksheet(this, s), new FakeRange(this, s, area));
  }

  /** The cached result of a formula cell (there is no calculation engine). */
  setResult(sheet: string, address: string, value: FakeValue | undefined): void {
    const a = parseAddress(address);
    this.sheetState(sheet)!.edit(a.top, a.left).value = value;
  }

  /** A person switching to another sheet. */
  activate(sheet: string): void {
    const s = this.sheetState(sheet)!;
    this.book.active = s;
    if (this.enableEvents) this.fire("SheetActivate", new FakeWorksheet(this, s));
  }
}

/** Writes a value or a 2-D array into an area, parsed as typed input. */
function writeValues(s: SheetState, area: FakeArea, v: unknown): void {
  const rows = area.bottom - area.top + 1;
  const cols = area.right - area.left + 1;
  if (Array.isArray(v)) {
    if (v.length !== rows || v.some((row) => !Array.isArray(row) || row.length !== cols))
      throw new Error(`Value2 的数组大小与区域 ${areaName(area)}（${rows}×${cols}）不符`);
  }
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const entry = Array.isArray(v) ? (v[r] as unknown[])[c] : v;
      const parsed = parseInput(entry);
      const cell = s.edit(area.top + r, area.left + c);
      delete cell.value;
      delete cell.formula;
      delete cell.quoted;
      if (!parsed) continue;
      if (parsed.value !== undefined) cell.value = parsed.value;
      if (parsed.formula !== undefined) cell.formula = parsed.formula;
      if (parsed.quoted) cell.quoted = true;
      if (parsed.numberFormat && (!cell.numberFormat || cell.numberFormat === "General"))
        cell.numberFormat = parsed.numberFormat;
    }
  }
}

// --- the object model ---------------------------------------------------------------------------------

/** A property read across an area: one value, or null where the cells differ. */
function uniform<T>(s: SheetState, a: FakeArea, get: (c: FakeCell | undefined) => T): T | null {
  let first = true;
  let value: T | null = null;
  for (let r = a.top; r <= a.bottom; r++) {
    for (let c = a.left; c <= a.right; c++) {
      const v = get(s.cell(r, c));
      if (first) {
        value = v;
        first = false;
      } else if (v !== value) return null;
    }
  }
  return value;
}

function forEachCell(s: SheetState, a: FakeArea, f: (c: FakeCell) => void): void {
  for (let r = a.top; r <= a.bottom; r++) for (let c = a.left; c <= a.right; c++) f(s.edit(r, c));
}

/** A whole column ("A:A") is as tall as the sheet: cap what is walked to what is used. */
function walked(s: SheetState, a: FakeArea): FakeArea {
  if (a.bottom < MAX_ROW) return a;
  const used = s.used();
  return { top: a.top, left: a.left, bottom: Math.max(a.top, used.bottom), right: a.right };
}

class FakeFont implements EtFont {
  constructor(
    private readonly fake: FakeEt,
    private readonly s: SheetState,
    private readonly a: FakeArea
  ) {}
  get Bold(): any {
    return uniform(this.s, walked(this.s, this.a), (c) => Boolean(c && c.bold));
  }
  set Bold(v: any) {
    this.fake.log.push(`Font.Bold= ${this.s.name}!${areaName(this.a)}`);
    forEachCell(this.s, walked(this.s, this.a), (c) => (c.bold = Boolean(v)));
  }
  get Color(): any {
    return uniform(this.s, walked(this.s, this.a), (c) => (c && c.fontColor) || 0);
  }
  set Color(v: any) {
    this.fake.log.push(`Font.Color= ${this.s.name}!${areaName(this.a)}`);
    forEachCell(this.s, walked(this.s, this.a), (c) => (c.fontColor = Number(v)));
  }
}

class FakeInterior implements EtInterior {
  constructor(
    private readonly fake: FakeEt,
    private readonly s: SheetState,
    private readonly a: FakeArea
  ) {}
  get Color(): any {
    return uniform(this.s, walked(this.s, this.a), (c) => (c && c.fill !== undefined ? c.fill : 16777215));
  }
  set Color(v: any) {
    this.fake.log.push(`Interior.Color= ${this.s.name}!${areaName(this.a)}`);
    forEachCell(this.s, walked(this.s, this.a), (c) => (c.fill = Number(v)));
  }
}

/** A rule's own formats (a FormatCondition's Interior / Font). */
class RuleInterior implements EtInterior {
  constructor(private readonly rule: FakeRule) {}
  get Color(): any {
    return this.rule.fill;
  }
  set Color(v: any) {
    this.rule.fill = Number(v);
  }
}

class RuleFont implements EtFont {
  constructor(private readonly rule: FakeRule) {}
  get Bold(): any {
    return this.rule.bold;
  }
  set Bold(v: any) {
    this.rule.bold = Boolean(v);
  }
  get Color(): any {
    return this.rule.fontColor;
  }
  set Color(v: any) {
    this.rule.fontColor = Number(v);
  }
}

class FakeFormatCondition implements EtFormatCondition {
  readonly Interior: EtInterior;
  readonly Font: EtFont;
  constructor(
    private readonly fake: FakeEt,
    private readonly s: SheetState,
    private readonly rule: FakeRule
  ) {
    this.Interior = new RuleInterior(rule);
    this.Font = new RuleFont(rule);
    if (fake.lacks("SetLastPriority")) (this as any).SetLastPriority = undefined;
  }
  SetLastPriority(): void {
    const i = this.s.rules.indexOf(this.rule);
    if (i >= 0) {
      this.s.rules.splice(i, 1);
      this.s.rules.push(this.rule);
    }
  }
}

class FakeFormatConditions implements EtFormatConditions {
  constructor(
    private readonly fake: FakeEt,
    private readonly s: SheetState,
    private readonly a: FakeArea
  ) {}
  get Count(): number {
    return this.s.rules.filter((r) => overlaps(r.area, this.a)).length;
  }
  Add(Type: any, _Operator?: unknown, Formula1?: unknown): EtFormatCondition {
    this.fake.log.push(`FormatConditions.Add ${this.s.name}!${areaName(this.a)} ${String(Formula1)}`);
    const active = this.fake.book.active;
    const rule: FakeRule = {
      area: { ...this.a },
      type: Number(Type),
      formula: String(Formula1),
      anchor: { sheet: active.name, cell: cellName(active.selection.top, active.selection.left) },
    };
    // A new rule comes first in priority.
    this.s.rules.unshift(rule);
    return new FakeFormatCondition(this.fake, this.s, rule);
  }
  Delete(): void {
    this.fake.log.push(`FormatConditions.Delete ${this.s.name}!${areaName(this.a)}`);
    this.s.rules = this.s.rules.filter((r) => !overlaps(r.area, this.a));
  }
}

class FakeValidation implements EtValidation {
  constructor(
    private readonly fake: FakeEt,
    private readonly s: SheetState,
    private readonly a: FakeArea
  ) {}
  private rule(): FakeValidationRule {
    const r = this.s.validations.get(this.a.top + "," + this.a.left);
    // Excel: reading or setting a property where there is no validation is error 1004.
    if (!r) throw new Error("应用程序定义或对象定义的错误（此处没有数据验证）");
    return r;
  }
  Add(Type: any, AlertStyle?: any, Operator?: any, Formula1?: any, Formula2?: any): void {
    this.fake.log.push(`Validation.Add ${this.s.name}!${areaName(this.a)} ${Type} ${Formula1 ?? ""} ${Formula2 ?? ""}`);
    const a = walked(this.s, this.a);
    for (let r = a.top; r <= a.bottom; r++)
      for (let c = a.left; c <= a.right; c++)
        if (this.s.validations.has(r + "," + c))
          throw new Error("应用程序定义或对象定义的错误（已有数据验证，请先删除）");
    const rule: FakeValidationRule = {
      id: nextId++,
      type: Number(Type),
      alertStyle: AlertStyle === undefined ? undefined : Number(AlertStyle),
      operator: Operator === undefined ? undefined : Number(Operator),
      formula1: Formula1 === undefined ? undefined : String(Formula1),
      formula2: Formula2 === undefined ? undefined : String(Formula2),
      ignoreBlank: true,
      inCellDropdown: true,
      inputTitle: "",
      inputMessage: "",
      errorTitle: "",
      errorMessage: "",
      showInput: true,
      showError: true,
    };
    for (let r = a.top; r <= a.bottom; r++)
      for (let c = a.left; c <= a.right; c++) this.s.validations.set(r + "," + c, rule);
  }
  Delete(): void {
    this.fake.log.push(`Validation.Delete ${this.s.name}!${areaName(this.a)}`);
    Array.from(this.s.validations.keys()).forEach((key) => {
      const [r, c] = key.split(",").map(Number);
      if (inside(this.a, r, c)) this.s.validations.delete(key);
    });
  }
  get IgnoreBlank(): boolean {
    return this.rule().ignoreBlank;
  }
  set IgnoreBlank(v: boolean) {
    this.rule().ignoreBlank = v;
  }
  get InCellDropdown(): boolean {
    return this.rule().inCellDropdown;
  }
  set InCellDropdown(v: boolean) {
    this.rule().inCellDropdown = v;
  }
  get InputTitle(): string {
    return this.rule().inputTitle;
  }
  set InputTitle(v: string) {
    this.rule().inputTitle = v;
  }
  get InputMessage(): string {
    return this.rule().inputMessage;
  }
  set InputMessage(v: string) {
    this.rule().inputMessage = v;
  }
  get ErrorTitle(): string {
    return this.rule().errorTitle;
  }
  set ErrorTitle(v: string) {
    this.rule().errorTitle = v;
  }
  get ErrorMessage(): string {
    return this.rule().errorMessage;
  }
  set ErrorMessage(v: string) {
    this.rule().errorMessage = v;
  }
  get ShowInput(): boolean {
    return this.rule().showInput;
  }
  set ShowInput(v: boolean) {
    this.rule().showInput = v;
  }
  get ShowError(): boolean {
    return this.rule().showError;
  }
  set ShowError(v: boolean) {
    this.rule().showError = v;
  }
}

function formulaText(c: FakeCell | undefined): string {
  if (!c) return "";
  if (c.formula !== undefined) return c.formula;
  const v = c.value;
  if (v === undefined) return "";
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  if (typeof v === "object") return v.error;
  return String(v);
}

export class FakeRange implements EtRange {
  constructor(
    private readonly fake: FakeEt,
    private readonly s: SheetState,
    readonly area: FakeArea
  ) {
    if (fake.options.addressProperty)
      Object.defineProperty(this, "Address", { value: areaName(area, true), configurable: true });
  }

  private where(): string {
    return `${this.s.name}!${areaName(this.area)}`;
  }

  private block<T>(get: (c: FakeCell | undefined) => T): T | T[][] {
    const a = this.area;
    if (a.top === a.bottom && a.left === a.right) return get(this.s.cell(a.top, a.left));
    const out: T[][] = [];
    for (let r = a.top; r <= a.bottom; r++) {
      const row: T[] = [];
      for (let c = a.left; c <= a.right; c++) row.push(get(this.s.cell(r, c)));
      out.push(row);
    }
    return out;
  }

  get Value2(): any {
    this.fake.read("Value2");
    const com = this.fake.options.errors === "com";
    return this.block((c) => {
      const v = c ? c.value : undefined;
      if (v !== null && typeof v === "object") return com ? (COM_CODES[v.error] ?? -2146826273) : v.error;
      return v;
    });
  }
  set Value2(v: any) {
    this.fake.log.push("Range.Value2= " + this.where());
    writeValues(this.s, this.area, v);
    if (this.fake.enableEvents) this.fake.fire("SheetChange", new FakeWorksheet(this.fake, this.s), this);
  }
  get Formula(): unknown {
    this.fake.read("Formula");
    return this.block(formulaText);
  }
  get NumberFormat(): unknown {
    if (this.fake.lacks("NumberFormat")) return undefined;
    this.fake.read("NumberFormat");
    return uniform(this.s, walked(this.s, this.area), (c) => (c && c.numberFormat) || "General");
  }
  set NumberFormat(v: unknown) {
    this.fake.log.push("Range.NumberFormat= " + this.where());
    forEachCell(this.s, walked(this.s, this.area), (c) => (c.numberFormat = String(v)));
  }
  get Row(): number {
    return this.area.top + 1;
  }
  get Column(): number {
    return this.area.left + 1;
  }
  get Count(): number {
    return (this.area.bottom - this.area.top + 1) * (this.area.right - this.area.left + 1);
  }
  get Rows() {
    return { Count: this.area.bottom - this.area.top + 1 };
  }
  get Columns() {
    return { Count: this.area.right - this.area.left + 1 };
  }
  Address(RowAbsolute?: any, ColumnAbsolute?: any): string {
    return areaName(this.area, RowAbsolute !== false || ColumnAbsolute !== false);
  }
  get MergeCells(): unknown {
    if (this.fake.lacks("MergeCells")) return undefined;
    this.fake.read("MergeCells");
    let any = false;
    let all = true;
    for (let r = this.area.top; r <= this.area.bottom; r++)
      for (let c = this.area.left; c <= this.area.right; c++) {
        const m = this.s.merges.some((a) => inside(a, r, c));
        any = any || m;
        all = all && m;
      }
    return all ? true : any ? null : false;
  }
  get MergeArea(): EtRange {
    this.fake.read("MergeArea");
    const m = this.s.merges.find((a) => inside(a, this.area.top, this.area.left));
    return new FakeRange(
      this.fake,
      this.s,
      m || { top: this.area.top, left: this.area.left, bottom: this.area.top, right: this.area.left }
    );
  }
  Merge(): void {
    if (this.fake.lacks("Merge")) throw new TypeError("Merge is not a function");
    this.fake.log.push("Range.Merge " + this.where());
    if (this.s.merges.some((m) => overlaps(m, this.area)))
      throw new Error("不能对合并单元格作部分更改（请先取消合并）");
    // Excel keeps the top-left cell's value only.
    for (let r = this.area.top; r <= this.area.bottom; r++)
      for (let c = this.area.left; c <= this.area.right; c++)
        if (r !== this.area.top || c !== this.area.left) {
          const cell = this.s.cell(r, c);
          if (cell) {
            delete cell.value;
            delete cell.formula;
          }
        }
    this.s.merges.push({ ...this.area });
  }
  UnMerge(): void {
    this.fake.log.push("Range.UnMerge " + this.where());
    this.s.merges = this.s.merges.filter((m) => !overlaps(m, this.area));
  }
  Clear(): any {
    this.fake.log.push("Range.Clear " + this.where());
    const a = this.area;
    this.s.cells.forEach((_c, key) => {
      const [r, c] = key.split(",").map(Number);
      if (inside(a, r, c)) this.s.cells.delete(key);
    });
    this.s.merges = this.s.merges.filter(
      (m) => !(overlaps(m, a) && m.top >= a.top && m.bottom <= a.bottom && m.left >= a.left && m.right <= a.right)
    );
    return true;
  }
  Select(): any {
    if (this.fake.book.active !== this.s) throw new Error("Range 类的 Select 方法无效（工作表未激活）");
    this.fake.log.push("Range.Select " + this.where());
    this.s.selection = { ...this.area };
    return true;
  }
  get WrapText(): any {
    return uniform(this.s, walked(this.s, this.area), (c) => Boolean(c && c.wrap));
  }
  set WrapText(v: any) {
    forEachCell(this.s, walked(this.s, this.area), (c) => (c.wrap = Boolean(v)));
  }
  get HorizontalAlignment(): any {
    return uniform(this.s, walked(this.s, this.area), (c) => (c && c.align) || 1);
  }
  set HorizontalAlignment(v: any) {
    forEachCell(this.s, walked(this.s, this.area), (c) => (c.align = Number(v)));
  }
  get Locked(): any {
    if (this.fake.lacks("Locked")) return undefined;
    return uniform(this.s, walked(this.s, this.area), (c) => !(c && c.locked === false));
  }
  set Locked(v: any) {
    forEachCell(this.s, walked(this.s, this.area), (c) => (c.locked = Boolean(v)));
  }
  get ColumnWidth(): any {
    if (this.fake.lacks("ColumnWidth")) return undefined;
    let w: number | null | undefined;
    for (let c = this.area.left; c <= this.area.right; c++) {
      const cw = this.s.widths.get(c) ?? 8.38;
      if (w === undefined) w = cw;
      else if (w !== cw) return null;
    }
    return w;
  }
  set ColumnWidth(v: any) {
    this.fake.log.push("Range.ColumnWidth= " + this.where());
    for (let c = this.area.left; c <= this.area.right; c++) this.s.widths.set(c, Number(v));
  }
  /** Hidden, as VBA has it for whole columns: true when every column of the range is hidden. */
  get Hidden(): any {
    if (this.fake.lacks("Hidden")) return undefined;
    for (let c = this.area.left; c <= this.area.right; c++) if (!this.s.hiddenColumns.has(c)) return false;
    return true;
  }
  set Hidden(v: any) {
    this.fake.log.push("Range.Hidden= " + this.where());
    for (let c = this.area.left; c <= this.area.right; c++) {
      if (v) this.s.hiddenColumns.add(c);
      else this.s.hiddenColumns.delete(c);
    }
  }
  get Font(): EtFont {
    return new FakeFont(this.fake, this.s, this.area);
  }
  get Interior(): EtInterior {
    return new FakeInterior(this.fake, this.s, this.area);
  }
  get Validation(): EtValidation {
    if (this.fake.lacks("Validation")) return undefined as unknown as EtValidation;
    return new FakeValidation(this.fake, this.s, this.area);
  }
  get FormatConditions(): EtFormatConditions {
    if (this.fake.lacks("FormatConditions")) return undefined as unknown as EtFormatConditions;
    return new FakeFormatConditions(this.fake, this.s, this.area);
  }
}

class FakeHyperlinks implements EtHyperlinks {
  constructor(
    private readonly fake: FakeEt,
    private readonly s: SheetState
  ) {}
  Add(Anchor: any, Address: string, SubAddress?: any, _ScreenTip?: any, TextToDisplay?: any): any {
    const a = (Anchor as FakeRange).area;
    const cell = cellName(a.top, a.left);
    this.s.hyperlinks = this.s.hyperlinks.filter((h) => h.cell !== cell);
    const text = TextToDisplay === undefined ? String(SubAddress || Address) : String(TextToDisplay);
    this.s.hyperlinks.push({ cell, address: Address, subAddress: String(SubAddress ?? ""), text });
    const c = this.s.edit(a.top, a.left);
    delete c.formula;
    c.value = text;
    return {};
  }
}

export class FakeWorksheet implements EtWorksheet {
  constructor(
    private readonly fake: FakeEt,
    readonly state: SheetState
  ) {}
  get Name(): string {
    return this.state.name;
  }
  set Name(v: string) {
    const name = String(v);
    if (!name || name.length > 31 || /[[\]:*?/\\]/.test(name)) throw new Error("工作表名称无效：" + name);
    if (this.fake.book.sheets.some((s) => s !== this.state && s.name.toLowerCase() === name.toLowerCase()))
      throw new Error("工作表名称已被占用：" + name);
    this.fake.log.push(`Worksheet.Name= ${this.state.name} → ${name}`);
    this.state.name = name;
  }
  get Visible(): any {
    return this.state.visible;
  }
  set Visible(v: any) {
    const visible = v === true ? -1 : v === false ? 0 : Number(v);
    if (visible !== -1 && this.fake.book.sheets.filter((s) => s.visible === -1 && s !== this.state).length === 0)
      throw new Error("不能隐藏工作簿中唯一可见的工作表");
    this.fake.log.push(`Worksheet.Visible= ${this.state.name} ${visible}`);
    this.state.visible = visible;
    if (visible !== -1 && this.fake.book.active === this.state) {
      // Excel moves to the next visible sheet.
      this.fake.book.active = this.fake.book.sheets.find((s) => s.visible === -1)!;
    }
  }
  Activate(): void {
    if (this.state.visible !== -1) throw new Error("Worksheet 类的 Activate 方法无效（工作表已隐藏）");
    this.fake.log.push("Worksheet.Activate " + this.state.name);
    if (this.fake.book.active !== this.state) this.fake.activate(this.state.name);
  }
  Range(Cell1: string): EtRange {
    return new FakeRange(this.fake, this.state, parseAddress(Cell1));
  }
  get UsedRange(): EtRange {
    return new FakeRange(this.fake, this.state, this.state.used());
  }
  get Cells(): EtRange {
    return new FakeRange(this.fake, this.state, { top: 0, left: 0, bottom: MAX_ROW, right: 16383 });
  }
  get Hyperlinks(): EtHyperlinks {
    if (this.fake.lacks("Hyperlinks")) return undefined as unknown as EtHyperlinks;
    return new FakeHyperlinks(this.fake, this.state);
  }
}

class FakeSheets implements EtSheets {
  constructor(private readonly fake: FakeEt) {}
  get Count(): number {
    return this.fake.book.sheets.length;
  }
  Item(Index: string | number): EtWorksheet {
    const sheets = this.fake.book.sheets;
    const s =
      typeof Index === "number"
        ? sheets[Index - 1]
        : sheets.find((x) => x.name.toLowerCase() === String(Index).toLowerCase());
    if (!s) throw new Error("下标越界：" + String(Index));
    return new FakeWorksheet(this.fake, s);
  }
  Add(Before?: EtWorksheet, After?: EtWorksheet): EtWorksheet {
    const sheets = this.fake.book.sheets;
    let n = sheets.length + 1;
    while (sheets.some((s) => s.name === "Sheet" + n)) n++;
    const s = new SheetState("Sheet" + n, -1);
    const anchor = (After || Before) as FakeWorksheet | undefined;
    const at = anchor ? sheets.indexOf(anchor.state) + (After ? 1 : 0) : sheets.indexOf(this.fake.book.active);
    sheets.splice(at, 0, s);
    this.fake.log.push("Sheets.Add " + s.name);
    this.fake.activate(s.name);
    return new FakeWorksheet(this.fake, s);
  }
}

class FakeWorkbook implements EtWorkbook {
  readonly Worksheets: EtSheets;
  constructor(private readonly fake: FakeEt) {
    this.Worksheets = new FakeSheets(fake);
  }
  get Name(): string {
    return this.fake.book.name;
  }
}

class FakeWindow implements EtWindow {
  constructor(private readonly fake: FakeEt) {}
  private get f() {
    return this.fake.book.active.freeze;
  }
  get FreezePanes(): boolean {
    return this.f.frozen;
  }
  set FreezePanes(v: boolean) {
    this.fake.log.push(`Window.FreezePanes= ${this.fake.book.active.name} ${v}`);
    this.f.frozen = v;
  }
  get SplitRow(): number {
    return this.f.rows;
  }
  set SplitRow(v: number) {
    this.f.rows = v;
  }
  get SplitColumn(): number {
    return this.f.columns;
  }
  set SplitColumn(v: number) {
    this.f.columns = v;
  }
  ScrollRow = 1;
  ScrollColumn = 1;
}

class FakeApiEvent implements EtApiEvent {
  constructor(private readonly fake: FakeEt) {}
  AddApiEventListener(EventName: string, callback: any): void {
    const list = this.fake.listeners.get(EventName) || [];
    list.push(callback);
    this.fake.listeners.set(EventName, list);
  }
  RemoveApiEventListener(EventName: string, callback?: any): void {
    const list = this.fake.listeners.get(EventName) || [];
    this.fake.listeners.set(EventName, callback ? list.filter((f) => f !== callback) : []);
  }
}

export class FakeTaskPane implements EtTaskPane {
  Visible = false;
  DockPosition = 0 as any;
  Width = 0;
  readonly navigations: string[] = [];
  constructor(
    readonly ID: number,
    public url: string
  ) {}
  Navigate(url: string): void {
    this.url = url;
    this.navigations.push(url);
  }
}

export class FakeApplication implements EtApplication {
  constructor(private readonly fake: FakeEt) {
    if (fake.lacks("ApiEvent")) Object.defineProperty(this, "ApiEvent", { value: undefined });
    if (fake.lacks("PluginStorage")) Object.defineProperty(this, "PluginStorage", { value: undefined });
  }
  get ActiveWorkbook(): EtWorkbook | null {
    return this.fake.open ? new FakeWorkbook(this.fake) : null;
  }
  get ActiveSheet(): EtWorksheet | null {
    return this.fake.open ? new FakeWorksheet(this.fake, this.fake.book.active) : null;
  }
  get ActiveWindow(): EtWindow | null {
    if (!this.fake.open) return null;
    if (this.fake.lacks("FreezePanes")) return {} as EtWindow;
    return new FakeWindow(this.fake);
  }
  get Selection(): unknown {
    return new FakeRange(this.fake, this.fake.book.active, this.fake.book.active.selection);
  }
  get ScreenUpdating(): boolean {
    return this.fake.lacks("ScreenUpdating") ? (undefined as unknown as boolean) : this.fake.screenUpdating;
  }
  set ScreenUpdating(v: boolean) {
    this.fake.screenUpdating = v;
  }
  get EnableEvents(): boolean {
    return this.fake.lacks("EnableEvents") ? (undefined as unknown as boolean) : this.fake.enableEvents;
  }
  set EnableEvents(v: boolean) {
    if (this.fake.lacks("EnableEvents")) return;
    this.fake.enableEvents = v;
  }
  get ApiEvent(): EtApiEvent {
    return new FakeApiEvent(this.fake);
  }
  get PluginStorage(): EtPluginStorage {
    return this.fake.storage;
  }
  CreateTaskPane(url: string): EtTaskPane {
    const pane = new FakeTaskPane(this.fake.taskPanes.length + 1, url);
    this.fake.taskPanes.push(pane);
    this.fake.log.push("CreateTaskPane " + url);
    return pane;
  }
  GetTaskPane(id: number): EtTaskPane | null {
    return this.fake.taskPanes.find((p) => p.ID === Number(id)) || null;
  }
}

/** Installs the fake as `Application` and `wps` on a page (or globalThis); returns it. */
export function installFakeEt(target: any, spec: FakeWorkbookSpec, options: FakeOptions = {}): FakeEt {
  const fake = new FakeEt(spec, options);
  target.Application = fake.app;
  target.wps = fake.app;
  target.__zipingFakeEt = fake;
  return fake;
}

export function uninstallFakeEt(target: any): void {
  delete target.Application;
  delete target.wps;
  delete target.__zipingFakeEt;
}
