/**
 * The corpus of real scoring tables (tests/corpus/tables/*.json, see README.md): loading a table, its grid as
 * the source has it (merged), and its FLAT variant — every merged value repeated in each cell of its area and no
 * merges, as copying from a web page or Word often gives.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parseArea, type Area, type CellValue, type Grid } from "../../src/sheet/grid";

export type EvidenceValue = boolean | number | string | { option: number };

export interface Scenario {
  name: string;
  evidence: Record<string, EvidenceValue>;
  total: number;
  bonus: number;
  why: string;
}

export interface ExpectedInconsistency {
  kind: "category-points-differ" | "total-differs" | "sub-points-exceed" | "uncapped-bonus";
  /** 1-based category position, or "bonus"; absent for the table as a whole. */
  category?: number | "bonus";
  note: string;
}

export interface CorpusTable {
  id: string;
  title: string;
  issuer: string;
  source: { repo?: string; path?: string; commit?: string; url?: string; note?: string };
  excerpt: string;
  grid: { sheet: string; rows: CellValue[][]; merges: string[] };
  expect: {
    /** Titles are compared by inclusion; "*" accepts any title. Bonus "*": not a number (uncapped). */
    categories: Array<{ title: string; points: number; bonus: number | "*" }>;
    items: number;
    total: number;
    bonus: number | "*";
    inconsistencies: ExpectedInconsistency[];
    notes?: string;
    scenarios: Scenario[];
  };
}

const TABLES = join(__dirname, "tables");

export function corpusTables(): CorpusTable[] {
  return readdirSync(TABLES)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((f) => JSON.parse(readFileSync(join(TABLES, f), "utf8")) as CorpusTable);
}

function areas(table: CorpusTable): Area[] {
  return table.grid.merges.map((range) => {
    const area = parseArea(range);
    if (!area) throw new Error(table.id + ": merge " + range + " is no A1 range");
    return area;
  });
}

/** The grid as the source has it: values in the top-left cells of merged areas, merges kept. */
export function mergedGrid(table: CorpusTable): Grid {
  return { sheet: table.grid.sheet, values: table.grid.rows.map((r) => r.slice()), merges: areas(table) };
}

/** Every merged value repeated in each cell of its area; no merges. */
export function flatGrid(table: CorpusTable): Grid {
  const values = table.grid.rows.map((r) => r.slice());
  for (const m of areas(table)) {
    const v = values[m.top]?.[m.left] ?? null;
    for (let row = m.top; row <= m.bottom; row++)
      for (let col = m.left; col <= m.right; col++) {
        while (values[row].length <= col) values[row].push(null);
        values[row][col] = v;
      }
  }
  return { sheet: table.grid.sheet, values, merges: [] };
}
