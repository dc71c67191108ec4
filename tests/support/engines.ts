/**
 * Two spreadsheet engines as the oracle for saved results: a file's every formula cell is compared
 * with what LibreOffice (forced to recalculate) and Gnumeric compute for it.
 */
import { readFileSync } from "node:fs";
import { readWorkbook } from "../../src/adapters/xlsx/index";
import { a1, type CellValue, type Grid } from "../../src/sheet/grid";
import { gnumericValues, hasGnumeric } from "./gnumeric";
import { hasLibreOffice, recalculate, removeRecalculated } from "./libreoffice";

export function hasEngines(): boolean {
  return hasLibreOffice() && hasGnumeric();
}

function same(a: CellValue, b: CellValue): boolean {
  const blank = (v: CellValue) => v === null || v === "";
  if (blank(a) && blank(b)) return true;
  if (typeof a === "number" && typeof b === "number") return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a));
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * Formula cells whose saved result differs from what LibreOffice and Gnumeric compute, with every
 * sheet as LibreOffice computed it (`libreoffice`).
 */
export async function staleResults(
  file: string
): Promise<{ formulas: number; differences: string[]; libreoffice: Grid[] }> {
  const saved = (await readWorkbook(readFileSync(file))).savedGrids();
  const recalculated = await recalculate(file);
  let lo: Grid[];
  try {
    lo = (await readWorkbook(readFileSync(recalculated))).savedGrids();
  } finally {
    removeRecalculated(recalculated);
  }
  const gnumeric = gnumericValues(file);
  const differences: string[] = [];
  let formulas = 0;
  for (const grid of saved) {
    const loGrid = lo.find((g) => g.sheet === grid.sheet);
    const gnGrid = gnumeric.get(grid.sheet);
    grid.formulas?.forEach((row, r) =>
      row?.forEach((formula, c) => {
        if (!formula) return;
        formulas++;
        const mine = grid.values[r]?.[c] ?? null;
        const byLo = loGrid?.values[r]?.[c] ?? null;
        const byGn = gnGrid?.[r]?.[c] ?? null;
        const where = grid.sheet + "!" + a1(r, c) + " " + formula;
        if (!same(mine, byLo)) differences.push(where + ": saved " + JSON.stringify(mine) + ", LibreOffice " + JSON.stringify(byLo));
        if (!same(mine, byGn)) differences.push(where + ": saved " + JSON.stringify(mine) + ", Gnumeric " + JSON.stringify(byGn));
      })
    );
  }
  return { formulas, differences, libreoffice: lo };
}

