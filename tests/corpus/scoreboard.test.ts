/**
 * The scoreboard of issue 13: every corpus table (tests/corpus/tables, real public scoring tables with hand
 * expectations written before Ziping ran on them) derived through the real pipeline — chooseRubric →
 * deriveRubric — merged and flat, compared with the hand expectations, and its scenarios scored by the real
 * engine (scoreRubric). Prints per table: items, categories, total, inconsistencies found / missed, false alarms,
 * scenario scores (and runs the send-before check, validateRecognized, on each); then holds the figures of the Done-when (≥95% items, 100% category points and totals, every
 * expected inconsistency found, ≤1 false alarm per table, every scenario as by hand, no internal error).
 */
import { chooseRubric } from "../../src/check/chooseRubric";
import { derivation } from "../../src/check/recognize";
import { validateRecognized } from "../../src/check/validate";
import { builtinRubrics } from "../../src/rubric/builtin/index";
import { scoreRubric } from "../../src/rubric/engine";
import type { Discrepancy, Rubric } from "../../src/rubric/schema";
import {
  corpusTables,
  flatGrid,
  mergedGrid,
  type CorpusTable,
  type EvidenceValue,
  type ExpectedInconsistency,
} from "./corpus";

interface Row {
  table: string;
  variant: "merged" | "flat";
  error?: string;
  items: number;
  itemsExpected: number;
  itemsAgree: number;
  categoriesAgree: boolean;
  categories: string;
  totalAgree: boolean;
  total: string;
  found: number;
  missed: string[];
  falseAlarms: string[];
  scenariosAgree: number;
  scenarios: string[];
}

const EPS = 1e-9;

function categoryIdOf(rubric: Rubric, ref: ExpectedInconsistency["category"]): string | undefined {
  if (ref === undefined) return undefined;
  if (ref === "bonus") return "bonus";
  return String(ref);
}

function discrepancyCategory(d: Discrepancy): string | undefined {
  if (d.category !== undefined) return d.category;
  if (d.indicator !== undefined) return d.indicator.split(".")[0];
  return undefined;
}

function matches(rubric: Rubric, d: Discrepancy, e: ExpectedInconsistency): boolean {
  if (d.kind !== e.kind) return false;
  const want = categoryIdOf(rubric, e.category);
  return want === undefined ? discrepancyCategory(d) === undefined : discrepancyCategory(d) === want;
}

/**
 * Evidence as the engine takes it: a choice's option named by its points becomes its label; a yes/no
 * answer to a part written as one deduction ("（1）项不符合…扣2分": points = what one shortfall takes)
 * becomes its count of shortfalls (met: 0, not met: 1).
 */
function engineValue(rubric: Rubric, id: string, value: EvidenceValue): unknown {
  const [category, indicator, letter] = id.split(".");
  const c = rubric.categories
    .find((x) => x.id === category)
    ?.indicators.find((x) => x.id === category + "." + indicator)
    ?.criteria.find((x) => x.id === letter);
  if (typeof value === "boolean" && c?.kind === "deduction" && Math.abs(c.points - c.per) < EPS) return value ? 0 : 1;
  if (typeof value !== "object") return value;
  if (c?.kind !== "choice") return "（无此选择项：" + id + "）";
  const option = c.options.find((o) => Math.abs(o.points - value.option) < EPS);
  return option ? option.label : "（无 " + value.option + " 分的选项）";
}

function same(a: number, b: number | "*"): boolean {
  return b === "*" || Math.abs(a - b) < EPS;
}

function scoreTable(table: CorpusTable, variant: "merged" | "flat"): Row {
  const row: Row = {
    table: table.id,
    variant,
    items: 0,
    itemsExpected: table.expect.items,
    itemsAgree: 0,
    categoriesAgree: false,
    categories: "",
    totalAgree: false,
    total: "",
    found: 0,
    missed: table.expect.inconsistencies.map((e) => e.kind + "@" + (e.category ?? "表")),
    falseAlarms: [],
    scenariosAgree: 0,
    scenarios: [],
  };
  let rubric: Rubric | undefined;
  try {
    const grid = variant === "merged" ? mergedGrid(table) : flatGrid(table);
    const recognized = chooseRubric([grid], builtinRubrics, { file: table.id + ".xlsx", derivation });
    rubric = recognized.primary?.match?.rubric;
    if (!rubric || !recognized.derived) {
      row.error = recognized.primary ? "matched a built-in rubric" : "no table recognized";
      return row;
    }
    // What `ziping validate` does with it: no internal error either.
    validateRecognized([grid], recognized.primary!);
  } catch (e) {
    row.error = "internal error: " + (e instanceof Error ? e.message.split("\n")[0] : String(e));
    return row;
  }
  const indicators = rubric.categories.flatMap((c) => c.indicators);
  row.items = indicators.length;
  row.itemsAgree = Math.max(0, row.itemsExpected - Math.abs(row.items - row.itemsExpected));
  const want = table.expect.categories;
  row.categories = rubric.categories.map((c) => c.title + " " + c.points + (c.bonus ? "+" + c.bonus : "")).join("；");
  row.categoriesAgree =
    rubric.categories.length === want.length &&
    want.every((w, i) => {
      const c = rubric!.categories[i];
      return (
        (w.title === "*" || c.title.indexOf(w.title) >= 0) && same(c.points, w.points) && same(c.bonus ?? 0, w.bonus)
      );
    });
  row.total = rubric.points + (rubric.bonus ? "+" + rubric.bonus : "");
  row.totalAgree = same(rubric.points, table.expect.total) && same(rubric.bonus, table.expect.bonus);
  const used = new Set<Discrepancy>();
  row.missed = [];
  for (const e of table.expect.inconsistencies) {
    const d = rubric.discrepancies.find((x) => !used.has(x) && matches(rubric!, x, e));
    if (d) {
      used.add(d);
      row.found++;
    } else row.missed.push(e.kind + "@" + (e.category ?? "表"));
  }
  row.falseAlarms = rubric.discrepancies
    .filter((d) => !used.has(d))
    .map((d) => d.kind + "@" + (d.indicator ?? d.category ?? "表") + "：" + d.note.slice(0, 40));
  for (const s of table.expect.scenarios) {
    const values: Record<string, unknown> = {};
    for (const [id, v] of Object.entries(s.evidence)) values[id] = engineValue(rubric, id, v);
    const score = scoreRubric(rubric, { values });
    const ok = Math.abs(score.total - s.total) < EPS && Math.abs(score.bonus.score - s.bonus) < EPS;
    if (ok) row.scenariosAgree++;
    row.scenarios.push(
      (ok ? "✓ " : "✗ ") +
        s.name +
        "：" +
        score.total +
        (score.bonus.score ? "+" + score.bonus.score : "") +
        "（手算 " +
        s.total +
        (s.bonus ? "+" + s.bonus : "") +
        "）"
    );
  }
  return row;
}

const tables = corpusTables();
const rows: Row[] = [];
for (const table of tables) for (const variant of ["merged", "flat"] as const) rows.push(scoreTable(table, variant));

afterAll(() => {
  const lines = rows.map((r) =>
    [
      r.table.padEnd(18) + r.variant.padEnd(7),
      r.error ? "ERROR " + r.error : "",
      "items " + r.items + "/" + r.itemsExpected,
      "categories " + (r.categoriesAgree ? "✓" : "✗ " + r.categories),
      "total " + (r.totalAgree ? "✓ " : "✗ ") + r.total,
      "inconsistencies " + r.found + " found" + (r.missed.length ? ", missed " + r.missed.join(" ") : ""),
      "false alarms " + r.falseAlarms.length + (r.falseAlarms.length ? " (" + r.falseAlarms.join("；") + ")" : ""),
      "scenarios " +
        r.scenariosAgree +
        "/" +
        r.scenarios.length +
        (r.scenarios.some((s) => s.startsWith("✗"))
          ? " " + r.scenarios.filter((s) => s.startsWith("✗")).join("；")
          : ""),
    ]
      .filter(Boolean)
      .join(" | ")
  );
  const items = rows.reduce((n, r) => n + r.itemsAgree, 0) / rows.reduce((n, r) => n + r.itemsExpected, 0);
  const scen = rows.reduce((n, r) => n + r.scenariosAgree, 0) + "/" + rows.reduce((n, r) => n + r.scenarios.length, 0);
  const cats = rows.filter((r) => r.categoriesAgree).length + "/" + rows.length;
  const totals = rows.filter((r) => r.totalAgree).length + "/" + rows.length;
  const found = rows.reduce((n, r) => n + r.found, 0) + "/" + rows.reduce((n, r) => n + r.found + r.missed.length, 0);
  console.log(
    "scoreboard (" +
      tables.length +
      " tables × merged/flat):\n" +
      lines.join("\n") +
      "\nitems " +
      (100 * items).toFixed(1) +
      "% · category points " +
      cats +
      " · totals " +
      totals +
      " · inconsistencies found " +
      found +
      " · scenarios " +
      scen +
      " · errors " +
      rows.filter((r) => r.error).length
  );
});

test("the corpus has at least 15 tables of at least 6 kinds of issuer, each with scenarios", () => {
  expect(tables.length).toBeGreaterThanOrEqual(15);
  const kinds = new Set(tables.map((t) => t.issuer.split(" ")[0]));
  expect(kinds.size).toBeGreaterThanOrEqual(6);
  for (const t of tables) expect([t.id, t.expect.scenarios.length >= 2]).toEqual([t.id, true]);
});

test("no internal error and a derived rubric on every table, merged and flat", () => {
  expect(rows.filter((r) => r.error).map((r) => r.table + " " + r.variant + ": " + r.error)).toEqual([]);
});

test("at least 95% of the items", () => {
  const items = rows.reduce((n, r) => n + r.itemsAgree, 0) / rows.reduce((n, r) => n + r.itemsExpected, 0);
  expect(items).toBeGreaterThanOrEqual(0.95);
});

test("every category's points and every total as by hand", () => {
  expect(rows.filter((r) => !r.categoriesAgree).map((r) => r.table + " " + r.variant + ": " + r.categories)).toEqual(
    []
  );
  expect(rows.filter((r) => !r.totalAgree).map((r) => r.table + " " + r.variant + ": " + r.total)).toEqual([]);
});

test("every inconsistency written in the expectations found; at most one false alarm per table", () => {
  expect(rows.filter((r) => r.missed.length).map((r) => r.table + " " + r.variant + ": " + r.missed.join(" "))).toEqual(
    []
  );
  expect(
    rows.filter((r) => r.falseAlarms.length > 1).map((r) => r.table + " " + r.variant + ": " + r.falseAlarms.join("；"))
  ).toEqual([]);
});

test("every scenario scored as by hand", () => {
  expect(
    rows.flatMap((r) => r.scenarios.filter((s) => s.startsWith("✗")).map((s) => r.table + " " + r.variant + " " + s))
  ).toEqual([]);
});
