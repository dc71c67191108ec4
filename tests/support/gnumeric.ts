/**
 * Gnumeric as a second formula engine (docs/FACTS.md): `ssconvert --recalc` recomputes every formula,
 * ignoring saved results, and writes each sheet's computed values as CSV.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { CellValue } from "../../src/sheet/grid";

export function hasGnumeric(): boolean {
  return ["/usr/bin/ssconvert", "/usr/local/bin/ssconvert"].some((p) => existsSync(p));
}

/** RFC 4180 fields of one CSV text. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      row.push(field);
      field = "";
    } else if (ch === "\n") {
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else if (ch !== "\r") field += ch;
  }
  if (field !== "" || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

function typed(text: string): CellValue {
  if (text === "") return null;
  if (/^-?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(text)) return Number(text);
  if (text === "TRUE" || text === "FALSE") return text === "TRUE";
  if (/^#(REF!|VALUE!|DIV\/0!|NAME\?|N\/A|NUM!|NULL!)$/.test(text)) return { error: text as "#N/A" };
  return text;
}

/** Every sheet's values as Gnumeric computes them, by sheet name (rows and columns 0-based). */
export function gnumericValues(file: string): Map<string, CellValue[][]> {
  const dir = mkdtempSync(join(tmpdir(), "ziping-gnumeric-"));
  try {
    execFileSync("ssconvert", ["--recalc", "-S", file, join(dir, "%s.csv")], { stdio: "pipe", timeout: 120000 });
    const out = new Map<string, CellValue[][]>();
    for (const name of readdirSync(dir)) {
      if (!name.endsWith(".csv")) continue;
      out.set(name.slice(0, -4), parseCsv(readFileSync(join(dir, name), "utf8")).map((r) => r.map(typed)));
    }
    return out;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
