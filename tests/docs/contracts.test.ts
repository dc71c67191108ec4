/**
 * docs/CONTRACTS.md is the project's own record of its contracts: every finding code the validator
 * can report is in its table, with the severity the code has, and the table names no code that does
 * not exist.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { findingCodes, type FindingCode } from "../../src/check/findings";

const doc = readFileSync(join(__dirname, "..", "..", "docs", "CONTRACTS.md"), "utf8");

test("the finding-code table lists every code with its severity, and nothing else", () => {
  const rows = new Map<string, string>();
  for (const m of doc.matchAll(/^\| `([a-z0-9.-]+)`(?:, `([a-z0-9.-]+)`)? \| (error|warning|info) \|/gm)) {
    rows.set(m[1], m[3]);
    if (m[2]) rows.set(m[2], m[3]);
  }
  const codes = Object.keys(findingCodes) as FindingCode[];
  expect(Object.fromEntries(rows)).toEqual(Object.fromEntries(codes.map((c) => [c, findingCodes[c]])));
});
