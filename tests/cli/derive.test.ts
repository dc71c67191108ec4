/**
 * The command line on a 考核表 no built-in rubric covers (安全生产, assets/samples/derived): inspect
 * says why and derives; derive writes a rubric file that --rubric-file uses; fill stores the
 * rubric in the workbook, and the filled workbook is scored with it without deriving again.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { checkRubric } from "../../src/rubric/validate";
import { ziping } from "./run";

const FILE = join(__dirname, "..", "..", "assets", "samples", "derived", "安全生产考核表.xlsx");
const tmp = () => mkdtempSync(join(tmpdir(), "ziping-derive-"));

test("inspect: derived, with the closest built-in and the threshold", async () => {
  const r = await ziping("inspect", FILE, "--json");
  expect(r.code).toBe(0);
  const sheet = r.json().sheets[0];
  expect(sheet).toMatchObject({ kind: "scoring", rubric: { id: "derived:考核细则", derived: true }, indicators: { matched: 16, unmatchedRows: [], missing: [] } });
  expect(sheet.builtin.score).toBeLessThan(sheet.builtin.threshold);
});

test("derive writes a rubric file that passes the schema; --rubric-file scores with it", async () => {
  const dir = tmp();
  const out = join(dir, "安全生产.json");
  const d = await ziping("derive", FILE, "-o", out, "--json");
  expect(d.code).toBe(0);
  const data = JSON.parse(readFileSync(out, "utf8"));
  expect(checkRubric(data).ok).toBe(true);
  expect(data).toMatchObject({ id: "derived:考核细则", points: 100, bonus: 5, derived: { sheet: "考核细则" } });
  // A reviewer corrects the title and keeps the file: the CLI uses it as written.
  data.title = "安全生产目标责任考核细则（已核对）";
  writeFileSync(out, JSON.stringify(data));
  const s = await ziping("score", FILE, "--rubric-file", out, "--json");
  expect(s.json()).toMatchObject({ rubric: { title: "安全生产目标责任考核细则（已核对）", derived: true }, source: "typed", total: 76.5 });
  const bad = join(dir, "bad.json");
  writeFileSync(bad, JSON.stringify({ ...data, points: -1 }));
  const refused = await ziping("score", FILE, "--rubric-file", bad);
  expect([refused.code, refused.err.slice(0, 9)]).toEqual([2, "评分细则文件有误："]);
});

test("fill stores the derived rubric; the filled workbook is scored and validated with it", async () => {
  const dir = tmp();
  const out = join(dir, "安全生产-自评.xlsx");
  expect((await ziping("fill", FILE, "-o", out)).code).toBe(0);
  const s = (await ziping("score", out, "--json")).json();
  // The scores typed in the sheet are kept (formulas for the blank rows): the column is "mixed", and
  // its total is the typed scores' sum (assets/samples/derived/README.md: 76.5), 按自评依据可得 0.
  expect(s).toMatchObject({ rubric: { id: "derived:考核细则", derived: true }, source: "mixed", max: 100, bonus: { max: 5 } });
  expect([s.total, s.supported.total]).toEqual([76.5, 0]);
  const v = (await ziping("validate", out, "--json")).json();
  // The typed scores (kept, not overwritten) are above what the empty evidence supports.
  expect(v.findings.some((f: { code: string }) => f.code === "evidence.unsupported")).toBe(true);
  expect(v.findings.some((f: { code: string; cell: string }) => f.code === "rubric.category-points-differ" && f.cell === "A6")).toBe(true);
});
