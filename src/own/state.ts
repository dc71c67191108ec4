/**
 * The hidden _ziping sheet: what Ziping remembers in a workbook, as rows "kind | key | value…" —
 * the rubric a fill used (a derived one as reviewed, JSON in chunks), the explanations people wrote
 * ("accept" | finding key | note), the fingerprints of what Ziping wrote on its own sheets
 * ("written" | sheet | chunk | text), a split file's unit and what merge recorded. Never customXml:
 * a hidden sheet travels with the workbook through Excel, WPS and LibreOffice.
 */
import type { Rubric } from "../rubric/schema";
import { a1, cellAt, type Grid } from "../sheet/grid";
import type { PlanOp } from "../plan/plan";
import { ownSheetOps, STATE_SHEET } from "./sheets";

/** A derived rubric's id: "derived:" and the sheet's name. */
export const DERIVED_PREFIX = "derived:";

export function isDerivedId(id: string): boolean {
  return id.indexOf(DERIVED_PREFIX) === 0;
}

/** What Ziping wrote in each cell of one of its sheets: a hash of the content, or "input". */
export type Fingerprint = Map<string, string>;

/** A fingerprint as text for _ziping ("A1=1f3a…;B2=input;…"), and back. */
export function fingerprintText(fp: Fingerprint): string {
  const parts: string[] = [];
  fp.forEach((v, k) => parts.push(k + "=" + v));
  return parts.join(";");
}

export function parseFingerprint(text: string): Fingerprint {
  const fp: Fingerprint = new Map();
  for (const part of text.split(";")) {
    const i = part.indexOf("=");
    if (i > 0) fp.set(part.slice(0, i), part.slice(i + 1));
  }
  return fp;
}

/** The rubric id a previous 准备工作簿 recorded in the hidden _ziping sheet (as the CLI reads it). */
export function rememberedRubricId(grids: readonly Grid[]): string | undefined {
  const state = grids.find((g) => g.sheet === STATE_SHEET);
  if (!state) return undefined;
  for (let row = 0; row < state.values.length; row++) {
    const value = cellAt(state, row, 1);
    if (cellAt(state, row, 0) === "rubric" && typeof value === "string") return value;
  }
  return undefined;
}

/** The derived rubric a fill stored in _ziping (as JSON, still to be checked by the caller), if any. */
export function rememberedDerivedRubric(grids: readonly Grid[]): unknown {
  const state = grids.find((g) => g.sheet === STATE_SHEET);
  if (!state) return undefined;
  const chunks: Array<[number, string]> = [];
  for (let row = 0; row < state.values.length; row++) {
    const index = cellAt(state, row, 1);
    const chunk = cellAt(state, row, 2);
    if (cellAt(state, row, 0) === "derivedRubric" && typeof index === "number" && typeof chunk === "string")
      chunks.push([index, chunk]);
  }
  if (!chunks.length) return undefined;
  try {
    return JSON.parse(
      chunks
        .sort((a, b) => a[0] - b[0])
        .map((c) => c[1])
        .join("")
    );
  } catch {
    return undefined;
  }
}

/** Excel holds at most 32 767 characters in a cell. */
const CHUNK = 30000;

/** The rows of _ziping that describe the rubric a fill used; replaced together. */
const RUBRIC_ROWS = ["rubric", "rubricTitle", "year", "sheet", "format", "derivedRubric"];

/** What a run records in _ziping: the rubric and sheet of a fill, the cells it wrote on our sheets. */
export interface StateUpdate {
  rubric?: Rubric;
  sheet?: string;
  written?: Map<string, Fingerprint>;
}

function chunks(text: string): string[] {
  const out: string[] = [];
  for (let i = 0; i === 0 || i * CHUNK < text.length; i++) out.push(text.slice(i * CHUNK, (i + 1) * CHUNK));
  return out;
}

/**
 * The hidden _ziping sheet rewritten with `update`: the rubric this workbook was filled with (a
 * derived one as reviewed, JSON in cells of at most 30 000 characters), the fingerprints of what
 * Ziping wrote on its own sheets ("written" | sheet | chunk | text), and every other row as it was
 * — the explanations (说明) people wrote ("accept" | key | note) above all.
 */
export function stateOps(grids: readonly Grid[], update: StateUpdate): PlanOp[] {
  const existing = grids.find((g) => g.sheet === STATE_SHEET);
  const ops: PlanOp[] = ownSheetOps(grids, STATE_SHEET, { hidden: true });
  const rows: Array<Array<string | number>> = [];
  const { rubric, sheet, written } = update;
  if (rubric) {
    rows.push(["rubric", rubric.id], ["rubricTitle", rubric.title], ["year", rubric.year]);
    if (sheet) rows.push(["sheet", sheet]);
    rows.push(["format", 1]);
    if (rubric.derived) chunks(JSON.stringify(rubric)).forEach((chunk, i) => rows.push(["derivedRubric", i, chunk]));
  }
  if (existing) {
    for (let r = 0; r < existing.values.length; r++) {
      const row = existing.values[r] || [];
      const kind = row[0];
      if (typeof kind !== "string" || !kind) continue;
      if (rubric && RUBRIC_ROWS.indexOf(kind) >= 0) continue;
      if (written && kind === "written" && typeof row[1] === "string" && written.has(row[1])) continue;
      const carried = row.map((v) => (v === null || typeof v === "object" ? "" : (v as string | number)));
      while (carried.length && carried[carried.length - 1] === "") carried.pop();
      rows.push(carried as Array<string | number>);
    }
  }
  if (written) {
    written.forEach((fp, name) =>
      chunks(fingerprintText(fp)).forEach((chunk, i) => rows.push(["written", name, i, chunk]))
    );
  }
  rows.forEach((row, r) =>
    row.forEach((value, c) => {
      if (value !== "") ops.push({ op: "set", sheet: STATE_SHEET, cell: a1(r, c), value });
    })
  );
  return ops;
}

/** The fingerprints of our sheets a previous run recorded in _ziping, by sheet. */
export function rememberedFingerprints(grids: readonly Grid[]): Map<string, Fingerprint> {
  const out = new Map<string, Fingerprint>();
  const state = grids.find((g) => g.sheet === STATE_SHEET);
  if (!state) return out;
  const parts = new Map<string, Array<[number, string]>>();
  for (let r = 0; r < state.values.length; r++) {
    const [kind, name, index, text] = [
      cellAt(state, r, 0),
      cellAt(state, r, 1),
      cellAt(state, r, 2),
      cellAt(state, r, 3),
    ];
    if (kind !== "written" || typeof name !== "string" || typeof index !== "number") continue;
    const list = parts.get(name) ?? [];
    list.push([index, typeof text === "string" ? text : ""]);
    parts.set(name, list);
  }
  parts.forEach((list, name) =>
    out.set(
      name,
      parseFingerprint(
        list
          .sort((a, b) => a[0] - b[0])
          .map((p) => p[1])
          .join("")
      )
    )
  );
  return out;
}

/** The ops that record (or replace) a 说明 for the finding `key`: one "accept" row of _ziping. */
export function acceptOps(grids: readonly Grid[], key: string, note: string): PlanOp[] {
  const state = grids.find((g) => g.sheet === STATE_SHEET);
  const ops: PlanOp[] = [];
  let row = 0;
  if (!state) ops.push({ op: "addSheet", sheet: STATE_SHEET, hidden: true });
  else {
    // The row already holding this key, else the first empty row.
    row = state.values.length;
    for (let r = 0; r < state.values.length; r++) {
      if (cellAt(state, r, 0) === "accept" && cellAt(state, r, 1) === key) {
        row = r;
        break;
      }
    }
  }
  ops.push(
    { op: "set", sheet: STATE_SHEET, cell: a1(row, 0), value: "accept" },
    { op: "set", sheet: STATE_SHEET, cell: a1(row, 1), value: key },
    { op: "set", sheet: STATE_SHEET, cell: a1(row, 2), value: note.trim() }
  );
  return ops;
}
