/**
 * chooseRubric (issue 14): the one place that decides which rubric scores a workbook — asked, remembered,
 * best-fitting built-in, derived — with the derivation passed in (the lite pane passes none). Expected
 * values from the grids themselves: tests/sheet/grids.ts builds 微山's table from weishan-2023's own texts,
 * so weishan-2023 is the best fit; the corpus table ah-safety (tests/corpus/tables) is no built-in's.
 */
import { chooseRubric } from "../../src/check/chooseRubric";
import { derivation } from "../../src/check/recognize";
import { STATE_SHEET } from "../../src/own/sheets";
import { builtinRubrics } from "../../src/rubric/builtin/index";
import type { Grid } from "../../src/sheet/grid";
import { corpusTables, mergedGrid } from "../corpus/corpus";
import { weishanGrid } from "../sheet/grids";

/** The hidden _ziping sheet as a fill leaves it: "rubric" and the rubric's id (own/state.ts). */
function remembering(id: string): Grid {
  return { sheet: STATE_SHEET, values: [["rubric", id]], merges: [] };
}

const huining = builtinRubrics.find((r) => r.id === "huining-2020")!;

describe("chooseRubric: asked, remembered, best, derived", () => {
  test("best: 微山's table is scored by weishan-2023", () => {
    const choice = chooseRubric([weishanGrid()], builtinRubrics);
    expect([choice.stage, choice.primary?.match?.rubric.id, choice.derived]).toEqual(["best", "weishan-2023", false]);
  });

  test("asked: the rubric chosen wins over the best fit and over the one remembered", () => {
    const choice = chooseRubric([weishanGrid(), remembering("sd-2023")], builtinRubrics, { chosen: huining });
    expect([choice.stage, choice.primary?.match?.rubric.id]).toEqual(["asked", "huining-2020"]);
  });

  test("remembered: the built-in a fill recorded wins over the best fit", () => {
    const choice = chooseRubric([weishanGrid(), remembering("sd-2023")], builtinRubrics);
    expect([choice.stage, choice.primary?.match?.rubric.id]).toEqual(["remembered", "sd-2023"]);
  });

  test("remembered derived rubric without a derivation: the lite pane is told it needs one", () => {
    const choice = chooseRubric([weishanGrid(), remembering("derived:x")], builtinRubrics);
    expect([choice.primary, choice.derivationNeeded, choice.derived]).toEqual([undefined, "remembered", false]);
  });

  test("remembered derived rubric no longer stored: with a derivation, the best built-in as before", () => {
    // rememberedDerivedRubric finds no chunks: the check fails, and the choice goes on to the best fit.
    const choice = chooseRubric([weishanGrid(), remembering("derived:x")], builtinRubrics, { derivation });
    expect([choice.stage, choice.primary?.match?.rubric.id]).toEqual(["best", "weishan-2023"]);
  });

  test("derived: a table no built-in fits — needed without a derivation, derived with one", () => {
    const table = corpusTables().find((t) => t.id === "ah-safety")!;
    const grid = mergedGrid(table);
    const lite = chooseRubric([grid], builtinRubrics);
    expect([lite.primary, lite.derivationNeeded]).toEqual([undefined, "unmatched"]);
    const full = chooseRubric([grid], builtinRubrics, { file: "ah-safety.xlsx", derivation });
    expect([full.stage, full.derived, full.primary?.match?.rubric.derived !== undefined]).toEqual([
      "derived",
      true,
      true,
    ]);
  });

  test("nothing recognized: no rubric, nothing needed", () => {
    const choice = chooseRubric([{ sheet: "Sheet1", values: [["姓名", "年龄"]], merges: [] }], builtinRubrics);
    expect([choice.primary, choice.stage, choice.derivationNeeded]).toEqual([undefined, undefined, undefined]);
  });
});
