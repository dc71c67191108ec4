/**
 * Issue 12, "Done when" (first bullet): workbooks made the way real ones are — by LibreOffice, by
 * Gnumeric, with parts written by hand where no program here makes them (tests/fixtures/realworld/,
 * README there) — go through `fill IN -o OUT`, `fill OUT -o OUT2` and `validate OUT --report R`, run
 * in-process as the command line runs them. For each command:
 *
 * - every zip entry outside the parts its plan touches is byte-identical to the input's (compared
 *   uncompressed); the parts a plan may touch are derived from its ops and the package (the sheets
 *   the ops name, the workbook part and its relationships, content types, styles, and the calculation
 *   chain it may drop); only new sheets' parts are added;
 * - inside those parts, what the plan does not name is as it was (see tests/support/packageDiff.ts);
 * - the input's bytes never change.
 *
 * LibreOffice opening and recomputing every output is tests/e2e/realworld.e2e.test.ts.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  changedOutsidePlan,
  entries,
  excelProblems,
  listLosses,
  packageMap,
  planParts,
  sheetLosses,
  stylesLosses,
  workbookLosses,
} from "../support/packageDiff";
import { CORPUS, REALWORLD, roundTrip, sha256, stepProblems, type Step } from "../support/realworld";

// Each plan a command applies is recorded, with the saved results applyPlan computes for it.
jest.mock("../../src/adapters/xlsx/index", () => {
  const actual = jest.requireActual("../../src/adapters/xlsx/index");
  const { withComputedResults } = jest.requireActual("../../src/plan/computed");
  const { recordedPlans: plans } = jest.requireActual("../support/realworld");
  return {
    ...actual,
    applyPlan: (workbook: any, plan: any) => {
      plans().push(withComputedResults(workbook.savedGrids(), plan, workbook.definedNames()));
      return actual.applyPlan(workbook, plan);
    },
  };
});

/**
 * What each corpus file holds (README.md there), checked in the input — so that a file that lost its
 * feature on regeneration fails here rather than passing vacuously — and in every output.
 * [what, part (regex on the entry name), content the part must match (regex), or a predicate].
 */
type Feature = [string, RegExp, RegExp | ((text: string) => boolean)];
const FEATURES: Record<string, Feature[]> = {
  "lo-caoxian-resaved.xlsx": [
    ["LibreOffice's app name", /^docProps\/app\.xml$/, /<Application>LibreOffice/],
    ["LibreOffice's empty <workbookProtection/>", /^xl\/workbook\.xml$/, /<workbookProtection\/>/],
  ],
  "lo-caoxian-issue.xlsx": [
    [
      "a table part without <tableStyleInfo>",
      /^xl\/tables\/table\d+\.xml$/,
      (t) => /<table\b/.test(t) && !/tableStyleInfo/.test(t),
    ],
    ["a chart", /^xl\/charts\/chart\d+\.xml$/, /<c:chartSpace/],
    ["a pivot table", /^xl\/pivotTables\/pivotTable\d+\.xml$/, /<pivotTableDefinition/],
    ["a pivot cache with records", /^xl\/pivotCache\/pivotCacheRecords\d+\.xml$/, /<pivotCacheRecords/],
    ["a picture", /^xl\/media\/image\d+\.png$/, () => true],
    ["legacy comments", /^xl\/comments\d+\.xml$/, /年预算执行情况自评/],
    [
      "the target sheet's drawing, comments and VML",
      /^xl\/worksheets\/sheet1\.xml$/,
      /<drawing r:id="[^"]+"\/><legacyDrawing r:id="[^"]+"\/>/,
    ],
    ["an internal hyperlink", /^xl\/worksheets\/sheet2\.xml$/, /<hyperlink ref="A9" location="评分细则!A1"/],
  ],
  "lo-caoxian-names.xlsx": [
    ["目标床位, used in =目标床位*2", /^xl\/workbook\.xml$/, /name="目标床位"[^>]*>测算!\$B\$2</],
    ["a name scoped to 测算", /^xl\/workbook\.xml$/, /localSheetId="1" name="已建床位"/],
    ["print titles and print area", /^xl\/workbook\.xml$/, /_xlnm\.Print_Area[\s\S]*_xlnm\.Print_Titles/],
    ["=目标床位*2 with 1200 saved", /^xl\/worksheets\/sheet2\.xml$/, /<f aca="false">目标床位\*2<\/f><v>1200<\/v>/],
    ["page breaks on the target sheet", /^xl\/worksheets\/sheet1\.xml$/, /<rowBreaks[\s\S]*<colBreaks/],
    ["an autofilter on the target sheet", /^xl\/worksheets\/sheet1\.xml$/, /<autoFilter ref="A3:G35"/],
    ["a link to the city's file (an externalLink part)", /^xl\/externalLinks\/externalLink1\.xml$/, /<externalBook/],
    [
      "whole-column, whole-row and linked formulas",
      /^xl\/worksheets\/sheet2\.xml$/,
      /SUM\(评分细则!G:G\)[\s\S]*SUM\(评分细则!35:35\)[\s\S]*\[1\]市级目标!B2/,
    ],
    [
      "LibreOffice's hidden _xlnm._FilterDatabase",
      /^xl\/workbook\.xml$/,
      /hidden="true" localSheetId="0" name="_xlnm\._FilterDatabase"/,
    ],
  ],
  "lo-weishan-protected.xlsx": [
    [
      "LibreOffice's sheet protection with a password",
      /^xl\/worksheets\/sheet2\.xml$/,
      /<sheetProtection sheet="true" password="[0-9a-f]{4}"/,
    ],
  ],
  "lo-huining-validations.xlsx": [
    [
      "LibreOffice's list validation pointing at 选项",
      /^xl\/worksheets\/sheet3\.xml$/,
      /<formula1>选项!\$A\$1:\$A\$3<\/formula1>/,
    ],
  ],
  "lo-huining-links.xlsx": [
    [
      "an internal hyperlink on the target sheet",
      /^xl\/worksheets\/sheet1\.xml$/,
      /<hyperlink ref="A17" location="说明!A1"/,
    ],
    ["page breaks on the target sheet", /^xl\/worksheets\/sheet1\.xml$/, /<rowBreaks[\s\S]*<colBreaks/],
    [
      "custom document properties",
      /^docProps\/custom\.xml$/,
      /name="填报单位"[\s\S]*name="已审核"[\s\S]*name="报送年度"/,
    ],
    ["print titles", /^xl\/workbook\.xml$/, /_xlnm\.Print_Titles/],
  ],
  "lo-weishan-chart.xlsx": [["a chart", /^xl\/charts\/chart\d+\.xml$/, /<c:chartSpace/]],
  "lo-weishan-table.xlsx": [
    [
      "the task table as a table part (no style) on the target sheet",
      /^xl\/tables\/table1\.xml$/,
      (t) => /ref="A2:F33"/.test(t) && !/tableStyleInfo/.test(t),
    ],
    [
      "the target sheet's reference to it",
      /^xl\/worksheets\/sheet1\.xml$/,
      /<tableParts count="1"><tablePart r:id="[^"]+"\/><\/tableParts>|<tableParts><tablePart r:id="[^"]+"\/><\/tableParts>/,
    ],
  ],
  "gnumeric-caoxian.xlsx": [["Gnumeric's namespace", /^xl\/worksheets\/sheet1\.xml$/, /xmlns:gnmx=/]],
  "gnumeric-weishan.xlsx": [["Gnumeric's namespace", /^xl\/worksheets\/sheet1\.xml$/, /xmlns:gnmx=/]],
  "gnumeric-huining.xlsx": [
    ["a name used in =试点经费*2", /^xl\/workbook\.xml$/, /<definedName name="试点经费">/],
    ["Gnumeric's odd names (#REF!, #NAME?)", /^xl\/workbook\.xml$/, /#REF![\s\S]*#NAME\?/],
    ["comments on the target sheet", /^xl\/worksheets\/sheet1\.xml$/, /<legacyDrawing/],
    ["an internal hyperlink", /^xl\/worksheets\/sheet2\.xml$/, /<hyperlink ref="B4" location="考核表!A1"\/>/],
  ],
  "hand-huining-odd-parts.xlsx": [
    ["the target sheet stored as xl/ws/first.xml", /^xl\/ws\/first\.xml$/, /<sheetData>/],
    [
      "a sheet stored as xl/worksheets/data_1.xml, by an absolute target",
      /^xl\/_rels\/workbook\.xml\.rels$/,
      /Target="\/xl\/worksheets\/data_1\.xml"/,
    ],
  ],
  "hand-caoxian-threaded.xlsx": [
    ["a threaded comment and its reply", /^xl\/threadedComments\/threadedComment1\.xml$/, /parentId=/],
    ["the persons part", /^xl\/persons\/person\.xml$/, /<person /],
    ["custom workbook views", /^xl\/workbook\.xml$/, /<customWorkbookViews>/],
    ["custom sheet views on the target sheet", /^xl\/worksheets\/sheet1\.xml$/, /<customSheetViews>/],
    ["shared formulas", /^xl\/worksheets\/sheet2\.xml$/, /<f t="shared" ref="D2:D6" si="0">/],
  ],
  "hand-weishan-chartsheet.xlsx": [
    ["a chart sheet as the first tab", /^xl\/workbook\.xml$/, /<sheets><sheet name="完成情况图"/],
    ["the chart sheet's part", /^xl\/chartsheets\/sheet1\.xml$/, /<chartsheet/],
    ["a name scoped to the 4th tab (统计)", /^xl\/workbook\.xml$/, /name="完成合计" localSheetId="3"/],
  ],
  "hand-weishan-wps.xlsx": [
    ["WPS's cell images part", /^xl\/cellimages\.xml$/, /<etc:cellImages/],
    [
      "WPS's namespace on the sheets",
      /^xl\/worksheets\/sheet1\.xml$/,
      /xmlns:etc="http:\/\/www\.wps\.cn\/officeDocument\/2017\/etCustomData"/,
    ],
    ["WPS's document properties", /^docProps\/custom\.xml$/, /KSOProductBuildVer/],
  ],
  "hand-weishan-excel-protection.xlsx": [
    [
      "Excel's SHA-512 sheet protection on 台账",
      /^xl\/worksheets\/sheet3\.xml$/,
      /<sheetProtection algorithmName="SHA-512" hashValue=/,
    ],
    [
      "Excel's legacy sheet password on 说明",
      /^xl\/worksheets\/sheet2\.xml$/,
      /<sheetProtection password="[0-9A-F]{4}" sheet="1"/,
    ],
    [
      "workbook protection without lockStructure",
      /^xl\/workbook\.xml$/,
      (t) => /<workbookProtection [^>]*lockWindows="1"/.test(t) && !/lockStructure/.test(t),
    ],
    [
      "protected ranges on the target sheet",
      /^xl\/worksheets\/sheet1\.xml$/,
      /<protectedRanges><protectedRange name="责任单位填写区"/,
    ],
    ["a hidden name", /^xl\/workbook\.xml$/, /<definedName name="_历年人次" hidden="1">/],
  ],
  "hand-caoxian-excel.xlsx": [
    [
      "Excel's mc:Ignorable namespaces and x14ac row attributes",
      /^xl\/worksheets\/sheet1\.xml$/,
      /mc:Ignorable="x14ac xr xr2 xr3"[\s\S]*x14ac:dyDescent=/,
    ],
    ["Excel's absPath and revision pointer", /^xl\/workbook\.xml$/, /<x15ac:absPath[\s\S]*<xr:revisionPtr/],
    ["a calculation chain", /^xl\/calcChain\.xml$/, /<calcChain/],
    [
      "the 合计 row as a shared formula",
      /^xl\/worksheets\/sheet1\.xml$/,
      /<f t="shared" ref="D35:G35" si="0">SUM\(D4:D34\)<\/f>/,
    ],
    [
      "the county's validation on 自评得分",
      /^xl\/worksheets\/sheet1\.xml$/,
      /<dataValidation type="decimal"[^>]*sqref="G4:G34"/,
    ],
    [
      "the county's data bar with its x14 extension",
      /^xl\/worksheets\/sheet1\.xml$/,
      /<x14:dataBar [\s\S]*<xm:sqref>D4:D34<\/xm:sqref>/,
    ],
    ["a sheet whose name needs quotes", /^xl\/worksheets\/sheet3\.xml$/, /&apos;2023年 台账&apos;!B2\*2/],
  ],
  "hand-huining-x14.xlsx": [
    [
      "x14 list validations on the target sheet",
      /^xl\/worksheets\/sheet1\.xml$/,
      /<x14:dataValidation [\s\S]*<xm:f>选项!\$A\$1:\$A\$3<\/xm:f>/,
    ],
    ["x14 list validations on 台账", /^xl\/worksheets\/sheet3\.xml$/, /<xm:sqref>A2:A4<\/xm:sqref>/],
  ],
};

/** What a plan removes by design: the calculation chain (Excel rebuilds it; see patch/package.ts). */
const REMOVED_BY_DESIGN = new Set(["a calculation chain"]);

function featureProblems(file: string, files: Map<string, Buffer>, output = false): string[] {
  return (FEATURES[file] ?? [])
    .filter(([what]) => !(output && REMOVED_BY_DESIGN.has(what)))
    .filter(([, part, content]) => {
      const hits = Array.from(files.keys()).filter((n) => part.test(n));
      return !hits.some((n) => {
        const text = files.get(n)!.toString("utf8");
        return typeof content === "function" ? content(text) : content.test(text);
      });
    })
    .map(([what]) => "missing: " + what);
}

const root = mkdtempSync(join(tmpdir(), "ziping-realworld-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

let compared = 0;
afterAll(() =>
  console.log("realworld corpus — " + CORPUS.length + " workbooks, " + compared + " zip entries compared byte for byte")
);

test("the corpus has at least 12 workbooks, each described in its README and here", () => {
  expect(CORPUS.length).toBeGreaterThanOrEqual(12);
  const readme = readFileSync(join(REALWORLD, "README.md"), "utf8");
  for (const file of CORPUS) {
    expect(readme).toContain(file);
    expect(FEATURES[file]).toBeDefined();
  }
});

describe.each(CORPUS.map((f) => [f]))("%s", (file) => {
  const committed = join(REALWORLD, file);
  let committedHash = "";
  let steps: Step[] = [];

  beforeAll(async () => {
    committedHash = sha256(committed);
    const dir = mkdtempSync(join(root, "w-"));
    steps = (await roundTrip(file, dir)).steps;
  });

  test("holds what its README says, in parts as Excel wants them (so what an output breaks is Ziping's)", async () => {
    const files = await entries(readFileSync(committed));
    expect(featureProblems(file, files)).toEqual([]);
    const map = packageMap(files);
    const parts = [map.workbook, map.workbookParts.get("styles"), ...map.sheets.values()];
    expect(
      parts.filter((p): p is string => !!p && files.has(p)).flatMap((p) => excelProblems(p, files.get(p)!))
    ).toEqual([]);
  });

  test("fill, refill and validate --report succeed, each writing its output", () => {
    expect(steps.map((s) => s.name)).toEqual(["fill", "refill", "validate --report"]);
    for (const s of steps) {
      const { code, err } = s.ran;
      expect({ step: s.name, code: s.name === "validate --report" ? (code === 1 ? 0 : code) : code, err }).toEqual({
        step: s.name,
        code: 0,
        err: "",
      });
      expect(existsSync(s.output)).toBe(true);
      expect(s.plan).toBeDefined();
      // Nothing is said to be lost (the old writer warned that charts, tables … "may be lost").
      expect(s.ran.out).not.toMatch(/丢失/);
    }
  });

  test("no input's bytes change (the committed file, IN, OUT)", () => {
    for (const s of steps)
      expect({ step: s.name, ...s.inputHash }).toEqual({
        step: s.name,
        before: s.inputHash.before,
        after: s.inputHash.before,
      });
    expect(sha256(committed)).toBe(committedHash);
  });

  test.each([["fill"], ["refill"], ["validate --report"]])(
    "%s: entries outside the plan byte-identical; inside its parts, what it does not name kept",
    async (name) => {
      const s = steps.find((x) => x.name === name);
      expect(s?.plan).toBeDefined();
      if (!s?.plan) return;
      const { problems, entries: n } = await stepProblems(s);
      compared += n;
      expect(problems).toEqual([]);
    });

  test("every output still holds what the input held", async () => {
    for (const s of steps)
      expect({ step: s.name, problems: featureProblems(file, await entries(readFileSync(s.output)), true) }).toEqual({
        step: s.name,
        problems: [],
      });
  });
});

describe("the checks above fail when something is lost (mutated outputs of a real fill)", () => {
  let step: Step;
  let before: Map<string, Buffer>;
  let after: Map<string, Buffer>;

  beforeAll(async () => {
    const dir = mkdtempSync(join(root, "m-"));
    step = (await roundTrip("hand-huining-x14.xlsx", dir)).steps[0];
    before = await entries(readFileSync(step.input));
    after = await entries(readFileSync(step.output));
  });

  const problemsWith = (mutate: (files: Map<string, Buffer>) => void) => {
    const files = new Map(after);
    mutate(files);
    const parts = planParts(step.plan!, packageMap(before), packageMap(files));
    const target = parts.sheets.get("考核表")!;
    return [
      ...changedOutsidePlan(before, files, parts),
      ...sheetLosses(before.get(target)!, files.get(target)!, step.plan!.ops, "考核表", () => null),
      ...workbookLosses(before.get("xl/workbook.xml")!, files.get("xl/workbook.xml")!),
      ...listLosses(
        before.get("xl/_rels/workbook.xml.rels")!,
        files.get("xl/_rels/workbook.xml.rels")!,
        "Relationship"
      ),
      ...stylesLosses(before.get("xl/styles.xml")!, files.get("xl/styles.xml")!),
      ...excelProblems(target, files.get(target)!),
      ...excelProblems("xl/styles.xml", files.get("xl/styles.xml")!),
    ];
  };
  const edit = (files: Map<string, Buffer>, part: string, fn: (x: string) => string) => {
    const text = files.get(part)!.toString("utf8");
    const changed = fn(text);
    if (changed === text) throw new Error("the mutation changed nothing in " + part);
    files.set(part, Buffer.from(changed, "utf8"));
  };

  test("the real output passes", () => {
    expect(problemsWith(() => undefined)).toEqual([]);
  });

  test.each<[string, (files: Map<string, Buffer>) => void, RegExp]>([
    [
      "a byte of an untouched part",
      (f) => edit(f, "docProps/core.xml", (x) => x.replace(/<\/cp:coreProperties>/, "<dc:title>改</dc:title>$&")),
      /^changed: docProps\/core\.xml$/,
    ],
    ["an untouched part dropped", (f) => f.delete("xl/sharedStrings.xml"), /^lost: xl\/sharedStrings\.xml$/],
    ["a part added", (f) => f.set("xl/extra.xml", Buffer.from("<x/>")), /^added: xl\/extra\.xml$/],
    [
      "the target sheet's x14 validations",
      (f) => edit(f, "xl/worksheets/sheet1.xml", (x) => x.replace(/<extLst>[\s\S]*<\/extLst>/, "")),
      /^element changed or lost: <extLst/,
    ],
    [
      "the target sheet's page margins changed",
      (f) =>
        edit(f, "xl/worksheets/sheet1.xml", (x) => x.replace(/<pageMargins left="[^"]*"/, '<pageMargins left="0.1"')),
      /^element changed or lost: <pageMargins/,
    ],
    [
      "a cell the plan does not name",
      (f) => edit(f, "xl/worksheets/sheet1.xml", (x) => x.replace(/(<c r="A3"[^>]*>)/, "$1<f>1+1</f>")),
      /^cell changed: <c .*r="A3"/,
    ],
    [
      "a row's height",
      (f) => edit(f, "xl/worksheets/sheet1.xml", (x) => x.replace(/(<row r="3"[^>]*?) ht="[^"]*"/, "$1")),
      /^row 3 attribute ht changed$/,
    ],
    [
      "a merge away from the plan's cells",
      (f) => edit(f, "xl/worksheets/sheet1.xml", (x) => x.replace(/<mergeCell ref="A1:E1"\/>/, "")),
      /^mergeCells item lost: <mergeCell .*A1:E1/,
    ],
    [
      "a sheet's entry in workbook.xml",
      (f) => edit(f, "xl/workbook.xml", (x) => x.replace('name="选项"', 'name="选项2"')),
      /^sheet entry changed: /,
    ],
    [
      "a workbook element (the extension list)",
      (f) => edit(f, "xl/workbook.xml", (x) => x.replace(/<extLst>[\s\S]*<\/extLst>/, "")),
      /^workbook element changed or lost: <extLst/,
    ],
    [
      "a relationship",
      (f) => edit(f, "xl/_rels/workbook.xml.rels", (x) => x.replace(/<Relationship [^>]*sharedStrings[^>]*\/>/, "")),
      /^Relationship lost: /,
    ],
    [
      "merges moved after the page margins",
      (f) =>
        edit(f, "xl/worksheets/sheet1.xml", (x) => {
          const merges = /<mergeCells[\s\S]*?<\/mergeCells>/.exec(x)![0];
          return x.replace(merges, "").replace(/(<pageMargins[^>]*\/>)/, "$1" + merges);
        }),
      /^xl\/worksheets\/sheet1\.xml: <mergeCells> after <pageMargins> in <worksheet>$/,
    ],
    [
      "a count that is not the number of items",
      (f) =>
        edit(f, "xl/styles.xml", (x) =>
          x.replace(/<cellXfs count="(\d+)"/, (_, n) => `<cellXfs count="${Number(n) + 1}"`)
        ),
      /^xl\/styles\.xml: <cellXfs count=\d+> has \d+$/,
    ],
    [
      "an overlapping merge",
      (f) =>
        edit(f, "xl/worksheets/sheet1.xml", (x) =>
          x.replace(/<mergeCell ref="A1:E1"\/>/, '<mergeCell ref="A1:E1"/><mergeCell ref="B1:C2"/>')
        ),
      /merge A1:E1 overlaps B1:C2/,
    ],
    [
      "cells out of order",
      (f) =>
        edit(f, "xl/worksheets/sheet1.xml", (x) =>
          x.replace(/(<c r="A3"[^>]*>[\s\S]*?<\/c>)(<c r="B3"[^>]*>[\s\S]*?<\/c>)/, "$2$1")
        ),
      /cell A3 out of order in row 3/,
    ],
    [
      "a cell format at its index",
      (f) => edit(f, "xl/styles.xml", (x) => x.replace(/(<cellXfs[^>]*>)<xf /, '$1<xf quotePrefix="1" ')),
      /^styles cellXfs\[0\] changed/,
    ],
  ])("%s", (_, mutate, expected) => {
    const problems = problemsWith(mutate);
    expect(problems.some((p) => expected.test(p))).toBe(true);
  });
});
