/**
 * The criterion kinds' registries, one per layer (docs/ARCHITECTURE.md, "Adding a criterion kind"):
 * each lists exactly the kinds of the rubric schema. The compiler already refuses a registry with a
 * kind missing (the @ts-expect-error lines below hold it to that: `npm test` runs tsc over tests/);
 * this test says the same at run time, against the schema's own list of kinds.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { z } from "zod";
import { criterionKindNames, criterionKinds, metricOf, type KindFunctions } from "../../src/rubric/criteria/index";
import { DRAFT_MAX } from "../../src/rubric/derive/drafts";
import { criterionSchema } from "../../src/rubric/schema";
import { KIND_CHECKS, loadRubric } from "../../src/rubric/validate";
import { INPUT_TYPES } from "../../src/plan/evidenceEntry";
import { INPUT_HINTS } from "../../src/plan/evidenceSheet";
import { VALIDATIONS } from "../../src/plan/fill";
import { FORMULAS } from "../../src/plan/formulas";
import { EVIDENCE_ROW_ITEMS, evidenceRows, takesInput } from "../../src/own/rows";
import { POINTS_TEXTS } from "../../src/taskpane/model/derived";
import { FORM_KINDS } from "../../src/taskpane/model/form";
import { tinyRubric } from "./fixtures/tiny-rubric";

// The kinds of DESIGN.md's domain model ("Kinds found in the seeds"), in its order.
const KINDS = ["flag", "choice", "threshold", "perItem", "scaled", "judged", "deduction", "gate"];

/** The kinds the schema accepts, read from the zod union itself. */
function schemaKinds(): string[] {
  return criterionSchema.options.map((option) => String(option.shape.kind.value));
}

const registries: Record<string, object> = {
  criterionKinds,
  criterionKindNames,
  KIND_CHECKS,
  DRAFT_MAX,
  FORMULAS,
  INPUT_HINTS,
  INPUT_TYPES,
  VALIDATIONS,
  EVIDENCE_ROW_ITEMS,
  FORM_KINDS,
  POINTS_TEXTS,
};

test("the schema's kinds are the eight of the domain model", () => {
  expect(schemaKinds().slice().sort()).toEqual(KINDS.slice().sort());
});

test.each(Object.keys(registries))("%s lists exactly the schema's kinds", (name) => {
  expect(Object.keys(registries[name]).sort()).toEqual(schemaKinds().sort());
});

test("docs/ARCHITECTURE.md's table of registries names exactly these", () => {
  const doc = readFileSync(join(__dirname, "..", "..", "docs", "ARCHITECTURE.md"), "utf8");
  const section = doc.slice(doc.indexOf("## Adding a criterion kind"));
  const named = Array.from(section.matchAll(/^\| `(\w+)` *\|/gm), (m) => m[1]);
  expect(named.sort()).toEqual(Object.keys(registries).sort());
});

describe("what the registries say about the tiny rubric (tests/rubric/fixtures/tiny-rubric.ts)", () => {
  const rubric = loadRubric(tinyRubric());
  const criterion = (id: string) => {
    const [c, i, k] = id.split(".");
    return rubric.categories
      .find((x) => x.id === c)!
      .indicators.find((x) => x.id === c + "." + i)!
      .criteria.find((x) => x.id === k)!;
  };

  test("metricOf: a threshold reads its metric; a scaled criterion without one and a flag read none", () => {
    // 1.2.a: "护理型床位占比达到65%以上得1分", metric nursing-bed-share in the fixture.
    expect(metricOf(criterion("1.2.a"))).toBe("nursing-bed-share");
    expect(takesInput(criterion("1.2.a"))).toBe(false);
    // 1.4.b: scaled by 完成进度, entered for the criterion (no metric in the fixture).
    expect(metricOf(criterion("1.4.b"))).toBeUndefined();
    expect(takesInput(criterion("1.4.b"))).toBe(true);
    expect(metricOf(criterion("1.1.a"))).toBeUndefined();
  });

  test("a count with one kind of item has one 自评依据 row, without an item label", () => {
    // 1.3.a: one item (创新政策), so one row keyed "1.3.a".
    const rows = evidenceRows(rubric).filter((r) => r.criterionId === "1.3.a");
    expect(rows.map((r) => [r.key, r.itemLabel])).toEqual([["1.3.a", undefined]]);
  });
});

// --- Compile-time: a registry that leaves a kind out is refused ---------------------------------

type SchemaKind = z.infer<typeof criterionSchema>["kind"];
type CriterionKind = keyof typeof criterionKindNames;
// Both ways: the kinds the registries are keyed by are exactly the schema's.
const fromSchema: CriterionKind[] = [] as SchemaKind[];
const toSchema: SchemaKind[] = [] as CriterionKind[];

test("the type-level checks compile (their lines are checked by tsc, not run)", () => {
  expect(fromSchema.concat(toSchema)).toEqual([]);
  const none = () => "";
  // @ts-expect-error — gate is missing: a layer without a new kind does not compile.
  const incomplete: KindFunctions<[], string> = {
    flag: none,
    choice: none,
    threshold: none,
    perItem: none,
    scaled: none,
    judged: none,
    deduction: none,
  };
  const typed: KindFunctions<[], string> = {
    flag: none,
    // @ts-expect-error — each entry gets its own kind's criterion: a flag has no options.
    choice: (c: { kind: "flag" }) => c.kind,
    threshold: none,
    perItem: none,
    scaled: none,
    judged: none,
    deduction: none,
    gate: none,
  };
  expect(Object.keys(incomplete).length + Object.keys(typed).length).toBe(15);
});
