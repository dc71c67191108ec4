/**
 * The corpus through the command line, as a new user would meet it (issue 13: "内部错误 … exit 2, on
 * inspect, derive, score and validate"): each table written to an .xlsx as its source has it (merges
 * kept) and flat, then inspect, derive, score and validate. Every command finishes with exit 0 or 1
 * (done / something to look at), never 2, and no message speaks of an internal error.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as ExcelJS from "exceljs";
import { areaA1, type Grid } from "../../src/sheet/grid";
import { ziping } from "../cli/run";
import { corpusTables, flatGrid, mergedGrid } from "./corpus";

const dir = mkdtempSync(join(tmpdir(), "ziping-corpus-"));

async function write(grid: Grid, file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(grid.sheet);
  grid.values.forEach((row, r) =>
    row.forEach((v, c) => {
      if (v !== null && typeof v !== "object") ws.getCell(r + 1, c + 1).value = v;
    })
  );
  for (const m of grid.merges) ws.mergeCells(areaA1(m));
  await wb.xlsx.writeFile(file);
}

const cases = corpusTables().flatMap((t) => [
  { id: t.id, variant: "merged", grid: mergedGrid(t) },
  { id: t.id, variant: "flat", grid: flatGrid(t) },
]);

test.each(cases.map((c) => [c.id + " " + c.variant, c] as const))(
  "%s: inspect, derive, score, validate",
  async (_name, c) => {
    const file = join(dir, c.id + "-" + c.variant + ".xlsx");
    await write(c.grid, file);
    const runs = [
      await ziping("inspect", file, "--json"),
      await ziping("derive", file, "-o", join(dir, c.id + "-" + c.variant + ".json")),
      await ziping("score", file, "--json"),
      await ziping("validate", file, "--json"),
    ];
    for (const r of runs) {
      expect([r.code === 0 || r.code === 1, r.err]).toEqual([true, r.err]);
      expect(r.out + r.err).not.toMatch(/内部错误/);
    }
    const inspected = runs[0].json();
    expect(inspected.sheets[0].rubric).toMatchObject({ derived: true });
  }
);
