/**
 * A fake Excel for the Office adapter's tests, built from office-addin-mock's OfficeMockObject and
 * assigned to `global.Excel` / `global.Office`.
 *
 * What office-addin-mock gives: `load` then `sync` semantics (a property read before both is the
 * string "Error, property was not loaded" or "Error, context.sync() was not called"). What it does
 * not, and is modelled here:
 * - `context.sync()` is wrapped to count calls, to fail on demand (an error with an Office `code`),
 *   and to sync the objects our methods create (ranges, added sheets), which the mock's own sync
 *   does not reach because they are not in the initial tree.
 * - Collections: `worksheets.load("items/…")` loads the listed properties on every sheet.
 * - Methods the adapter calls (getUsedRange…, getRange, merge, add …) are functions in the mock
 *   data; they record what was asked in `log` and `ranges`.
 * - Excel's limits: `responseCellLimit` makes a sync fail with ResponsePayloadSizeLimitExceeded
 *   when the cells loaded since the last sync exceed it; `mergesFail` makes the batch that asks for
 *   merged areas fail (as with more than 512 areas, office-js #3611).
 * - `isSetSupported("ExcelApi", v)`: true up to `maxVersion`, except the versions in `missing`.
 * No calculation, no events: writes are recorded, never evaluated.
 */
import { OfficeMockObject } from "office-addin-mock";
import { a1, parseA1 } from "../../../src/sheet/grid";

// office-addin-mock takes only the OfficeApp enum from office-addin-manifest, whose index also loads
// @microsoft/app-manifest and an ES-module dependency (strip-bom) that jest's CommonJS runtime
// cannot require. Give the mock the enum's own module instead.
jest.mock("office-addin-manifest", () => jest.requireActual("office-addin-manifest/lib/officeApp"));
export interface SheetSpec {
  name: string;
  visibility?: "Visible" | "Hidden" | "VeryHidden";
  /** The used range (values only): its top-left cell, 0-based, and Excel's arrays. Absent: blank sheet. */
  used?: {
    top: number;
    left: number;
    values: unknown[][];
    formulas?: unknown[][];
    numberFormat?: unknown[][];
    valueTypes?: unknown[][];
  };
  /** RangeAreas.address of the merged areas ("Sheet1!A1:A3, Sheet1!C1:D1"); absent: none. */
  merges?: string;
}

export interface RangeRecord {
  sheet: string;
  address: string;
  /** The sync this range was created before (0 = the first). */
  batch: number;
  range: any;
}

export interface FakeOptions {
  /** Highest ExcelApi version supported ("1.20" by default). */
  maxVersion?: string;
  missing?: string[];
  responseCellLimit?: number;
  mergesFail?: boolean;
  /** Called at every sync, before it runs. */
  onSync?: () => void;
}

/** "1.13" as a comparable number (1.13 > 1.8). */
function versionNumber(v: string): number {
  const [major, minor] = v.split(".").map(Number);
  return major * 1000 + (minor || 0);
}

function slice(
  rows: unknown[][] | undefined,
  top: number,
  left: number,
  bottom: number,
  right: number,
  blank: unknown
) {
  const out: unknown[][] = [];
  for (let r = top; r <= bottom; r++) {
    const row: unknown[] = [];
    for (let c = left; c <= right; c++) {
      const v = rows && rows[r] ? rows[r][c] : undefined;
      row.push(v === undefined ? blank : v);
    }
    out.push(row);
  }
  return out;
}

function parseRangeAddress(address: string): { top: number; left: number; bottom: number; right: number } {
  const [s, e] = address.split(":");
  const start = parseA1(s);
  const end = e ? parseA1(e) : start;
  return { top: start.row, left: start.col, bottom: end.row, right: end.col };
}

export class FakeExcel {
  syncs = 0;
  readonly log: string[] = [];
  readonly ranges: RangeRecord[] = [];
  readonly conditionalFormats: Array<{ sheet: string; address: string; type: string; cf: any }> = [];
  readonly enableEvents: boolean[] = [];
  /** Errors the next syncs throw, in order. */
  readonly failures: unknown[] = [];
  readonly options: FakeOptions;
  readonly context: any;
  readonly excel: any;
  readonly office: any;

  private readonly specs = new Map<string, SheetSpec>();
  private readonly dynamic: OfficeMockObject[] = [];
  private loadedCells = 0;
  private mergesAsked = false;
  private pendingError: unknown;

  constructor(sheets: SheetSpec[], options: FakeOptions = {}) {
    this.options = options;
    const worksheetsData: Record<string, unknown> = {
      load: (props: string) => {
        const names = String(props)
          .split(",")
          .map((p) => p.trim().replace(/^items\//, ""));
        for (const ws of this.context.workbook.worksheets.items) ws.load(names);
      },
      getItem: (name: string) => {
        const ws = this.context.workbook.worksheets.items.find((w: { _name: string }) => w._name === name);
        if (ws) return ws;
        this.pendingError = { code: "ItemNotFound", message: "The requested resource doesn't exist." };
        return this.sheetMock({ name }, true);
      },
      getActiveWorksheet: () => this.context.workbook.worksheets.items[0],
      add: (name: string) => {
        this.log.push("add " + name);
        if (this.specs.has(name)) {
          this.pendingError = { code: "ItemAlreadyExists", message: "exists" };
          return this.sheetMock({ name }, true);
        }
        const spec = { name };
        this.specs.set(name, spec);
        const ws = this.sheetMock(spec, true);
        this.context.workbook.worksheets.items.push(ws);
        return ws;
      },
    };
    sheets.forEach((spec, i) => {
      this.specs.set(spec.name, spec);
      worksheetsData["s" + i] = this.sheetData(spec);
    });

    this.context = new OfficeMockObject({
      workbook: {
        worksheets: worksheetsData,
        application: { suspendApiCalculationUntilNextSync: () => this.log.push("suspendCalculation") },
        getSelectedRange: () => {
          const m = new OfficeMockObject({ address: "'自评 表'!$B$3:$C$4" });
          this.dynamic.push(m);
          return m;
        },
      },
      runtime: { enableEvents: true },
    });
    const worksheets = this.context.workbook.worksheets;
    worksheets.items = sheets.map((spec, i) => {
      const ws = worksheets["s" + i];
      ws._name = spec.name;
      return ws;
    });
    Object.defineProperty(this.context.runtime, "enableEvents", {
      configurable: true,
      get: () => this.enableEvents[this.enableEvents.length - 1] ?? true,
      set: (v: boolean) => {
        this.enableEvents.push(v);
      },
    });

    const realSync = this.context.sync.bind(this.context);
    this.context.sync = async () => {
      this.syncs++;
      if (this.options.onSync) this.options.onSync();
      const loaded = this.loadedCells;
      const mergesAsked = this.mergesAsked;
      const pending = this.pendingError;
      this.loadedCells = 0;
      this.mergesAsked = false;
      this.pendingError = undefined;
      if (this.failures.length) throw this.failures.shift();
      if (pending) throw pending;
      if (this.options.responseCellLimit !== undefined && loaded > this.options.responseCellLimit)
        throw {
          code: "ResponsePayloadSizeLimitExceeded",
          message: "The response payload size has exceeded the limit.",
        };
      if (mergesAsked && this.options.mergesFail) throw { code: "GeneralException", message: "too many merged areas" };
      await realSync();
      for (const m of this.dynamic) await m.sync();
    };

    this.excel = new OfficeMockObject({
      run: async (batch: (context: unknown) => Promise<unknown>) => batch(this.context),
    });
    this.office = new OfficeMockObject({
      context: {
        requirements: {
          isSetSupported: (name: string, version: string) => this.supports(name, version),
        },
      },
    });
  }

  supports(name: string, version: string): boolean {
    if (name !== "ExcelApi") return false;
    if ((this.options.missing || []).indexOf(version) >= 0) return false;
    return versionNumber(version) <= versionNumber(this.options.maxVersion ?? "1.20");
  }

  install(): this {
    (global as Record<string, unknown>).Excel = this.excel;
    (global as Record<string, unknown>).Office = this.office;
    return this;
  }

  static uninstall(): void {
    delete (global as Record<string, unknown>).Excel;
    delete (global as Record<string, unknown>).Office;
  }

  /** Cells written through `range.formulas`, by A1 address, later writes winning. */
  written(sheet: string): Map<string, unknown> {
    const out = new Map<string, unknown>();
    for (const r of this.ranges) {
      if (r.sheet !== sheet || !Array.isArray(r.range.formulas)) continue;
      const area = parseRangeAddress(r.address);
      r.range.formulas.forEach((row: unknown[], i: number) =>
        row.forEach((v, j) => out.set(a1(area.top + i, area.left + j), v))
      );
    }
    return out;
  }

  /** The ranges created for a sheet whose address is `address`. */
  rangesAt(sheet: string, address: string): RangeRecord[] {
    return this.ranges.filter((r) => r.sheet === sheet && r.address === address);
  }

  // --- mocks ---------------------------------------------------------------------------------------

  private sheetMock(spec: SheetSpec, dynamic: boolean): OfficeMockObject {
    const m = new OfficeMockObject(this.sheetData(spec));
    (m as unknown as { _name: string })._name = spec.name;
    if (dynamic) this.dynamic.push(m);
    return m;
  }

  private sheetData(spec: SheetSpec): Record<string, unknown> {
    const name = spec.name;
    return {
      name,
      visibility: spec.visibility ?? "Visible",
      getUsedRangeOrNullObject: (valuesOnly?: boolean) => this.usedRange(spec, true, valuesOnly),
      getUsedRange: (valuesOnly?: boolean) => this.usedRange(spec, false, valuesOnly),
      getRange: (address?: string) => this.range(spec, address ?? "(whole sheet)"),
      activate: () => this.log.push("activate " + name),
      freezePanes: {
        freezeRows: (n: number) => this.log.push(`freezeRows ${name} ${n}`),
        freezeColumns: (n: number) => this.log.push(`freezeColumns ${name} ${n}`),
        freezeAt: (r: string) => this.log.push(`freezeAt ${name} ${r}`),
        unfreeze: () => this.log.push(`unfreeze ${name}`),
      },
    };
  }

  /** Wraps a mock's load to count the cells it asks for (for `responseCellLimit`). */
  private counting(data: Record<string, unknown>, cells: number): Record<string, unknown> {
    const fake = this;
    data.load = function (this: OfficeMockObject, props: string | string[]) {
      if (String(props).indexOf("values") >= 0) fake.loadedCells += cells;
      return OfficeMockObject.prototype.load.call(this, props);
    };
    return data;
  }

  private usedRange(spec: SheetSpec, orNull: boolean, valuesOnly?: boolean): OfficeMockObject {
    this.log.push(`${orNull ? "getUsedRangeOrNullObject" : "getUsedRange"}(${valuesOnly ?? ""}) ${spec.name}`);
    const u = spec.used;
    const blank = !u || !u.values.length;
    const top = blank ? 0 : u!.top;
    const left = blank ? 0 : u!.left;
    const rows = blank ? (orNull ? 0 : 1) : u!.values.length;
    const cols = blank ? (orNull ? 0 : 1) : Math.max(...u!.values.map((r) => r.length));
    const grid = (arr: unknown[][] | undefined, fill: unknown) =>
      blank ? (orNull ? [] : [[fill]]) : slice(arr, 0, 0, rows - 1, cols - 1, fill);
    const data = this.counting(
      {
        rowIndex: top,
        columnIndex: left,
        rowCount: rows,
        columnCount: cols,
        values: grid(u?.values, ""),
        formulas: grid(u?.formulas ?? u?.values, ""),
        numberFormat: grid(u?.numberFormat, "General"),
        valueTypes: grid(u?.valueTypes, "Empty"),
        getMergedAreasOrNullObject: () => this.mergedAreas(spec),
        ...this.rangeMethods(spec.name, "used"),
      },
      rows * cols
    );
    const m = new OfficeMockObject(data);
    (m as unknown as { isNullObject: boolean }).isNullObject = orNull && blank;
    this.dynamic.push(m);
    this.ranges.push({ sheet: spec.name, address: "used", batch: this.syncs, range: m });
    return m;
  }

  private mergedAreas(spec: SheetSpec): OfficeMockObject {
    this.mergesAsked = true;
    const m = new OfficeMockObject({ address: spec.merges ?? "" });
    (m as unknown as { isNullObject: boolean }).isNullObject = !spec.merges;
    this.dynamic.push(m);
    return m;
  }

  private rangeMethods(sheet: string, address: string): Record<string, unknown> {
    const at = `${sheet}!${address}`;
    return {
      merge: (across?: boolean) => this.log.push(`merge ${at} ${!!across}`),
      unmerge: () => this.log.push(`unmerge ${at}`),
      clear: () => this.log.push(`clear ${at}`),
      select: () => this.log.push(`select ${at}`),
      format: { fill: {}, font: {}, protection: {} },
      dataValidation: { clear: () => this.log.push(`dataValidation.clear ${at}`) },
      conditionalFormats: {
        clearAll: () => this.log.push(`conditionalFormats.clearAll ${at}`),
        add: (type: string) => {
          const cf = new OfficeMockObject({ custom: { rule: {}, format: { fill: {}, font: {} } } });
          this.conditionalFormats.push({ sheet, address, type, cf });
          return cf;
        },
      },
    };
  }

  private range(spec: SheetSpec, address: string): OfficeMockObject {
    const data: Record<string, unknown> = this.rangeMethods(spec.name, address);
    const u = spec.used;
    if (u && /^[A-Z]+\d+(:[A-Z]+\d+)?$/.test(address)) {
      // The sheet's data under this range, for a sliced read.
      const a = parseRangeAddress(address);
      const shift = (arr: unknown[][] | undefined, fill: unknown) =>
        slice(arr, a.top - u.top, a.left - u.left, a.bottom - u.top, a.right - u.left, fill);
      data.values = shift(u.values, "");
      data.formulas = shift(u.formulas ?? u.values, "");
      data.numberFormat = shift(u.numberFormat, "General");
      data.valueTypes = shift(u.valueTypes, "Empty");
      this.counting(data, (a.bottom - a.top + 1) * (a.right - a.left + 1));
    }
    const m = new OfficeMockObject(data);
    this.dynamic.push(m);
    this.ranges.push({ sheet: spec.name, address, batch: this.syncs, range: m });
    return m;
  }
}

/** Excel's arrays for a table of values: formulas as given ("=…"), value types from the values. */
export function usedOf(
  top: number,
  left: number,
  cells: Array<Array<{ v: unknown; f?: string; fmt?: string; type?: string } | unknown>>
): NonNullable<SheetSpec["used"]> {
  const values: unknown[][] = [];
  const formulas: unknown[][] = [];
  const numberFormat: unknown[][] = [];
  const valueTypes: unknown[][] = [];
  for (const row of cells) {
    const vr: unknown[] = [];
    const fr: unknown[] = [];
    const nr: unknown[] = [];
    const tr: unknown[] = [];
    for (const cell of row) {
      const c =
        cell !== null && typeof cell === "object" && "v" in (cell as object)
          ? (cell as { v: unknown; f?: string; fmt?: string; type?: string })
          : { v: cell };
      vr.push(c.v);
      fr.push(c.f ?? c.v);
      nr.push(c.fmt ?? "General");
      tr.push(
        c.type ??
          (c.v === ""
            ? "Empty"
            : typeof c.v === "number"
              ? Number.isInteger(c.v)
                ? "Integer"
                : "Double"
              : typeof c.v === "boolean"
                ? "Boolean"
                : "String")
      );
    }
    values.push(vr);
    formulas.push(fr);
    numberFormat.push(nr);
    valueTypes.push(tr);
  }
  return { top, left, values, formulas, numberFormat, valueTypes };
}
