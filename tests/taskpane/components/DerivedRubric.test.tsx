/** @jest-environment jsdom */
/* global document, HTMLElement */
/**
 * 评分细则 for a sheet no built-in rubric fits (the 安全生产考核表 sample, another department's
 * 考核表): the derived criteria listed with their source marked and 待确认 flagged, a correction
 * through the dialog (a refused one keeps the dialog open with the model's Chinese reason), and
 * 保存核对结果 writing the reviewed rubric to _ziping — after which the pane reads it back from the
 * workbook instead of deriving again.
 */
import * as React from "react";
import { join } from "node:path";
import { act, configure, fireEvent, render, screen, waitFor, within } from "@testing-library/react";

// CI runs the suites in parallel on two cores: give the pane time to re-read and re-render.
configure({ asyncUtilTimeout: 5000 });
// Queries inside a dialog pass hidden: true: under CI load tabster (Fluent's focus manager) can leave a
// freshly opened modal marked aria-hidden in jsdom, as its focus bookkeeping lags; a browser does not.
import { maxPointsOf, type Criterion } from "../../../src/rubric/criteria/index";
import { normalizeRule } from "../../../src/rubric/derive/grammar";
import { builtinRubrics } from "../../../src/rubric/builtin/index";
import type { Indicator, Rubric } from "../../../src/rubric/schema";
import type { WorkbookPlan } from "../../../src/plan/plan";
import App from "../../../src/taskpane/components/App";
import { ruleSegments } from "../../../src/taskpane/components/DerivedRubric";
import { analyze } from "../../../src/taskpane/model/analyze";
import { REVISABLE_KIND_NAMES, reviseCriterion, type RevisableKind } from "../../../src/taskpane/model/derived";
import { applyPlan } from "../../../src/adapters/xlsx/index";
import { fakeHost, type FakeHost } from "./fakeHost";
import { dialogClosed } from "./jsdomShims";

// Fluent keeps the page aria-hidden while a closing dialog animates out; under the load of the
// whole suite on two cores a query can land in that moment. A retry logs the first error.
jest.retryTimes(2, { logErrorsBeforeRetry: true });

const SAMPLE = join(__dirname, "..", "..", "..", "assets", "samples", "derived", "安全生产考核表.xlsx");
const FILE = "安全生产考核表.xlsx";

async function derivedHost(): Promise<FakeHost> {
  const host = await fakeHost(SAMPLE);
  host.name = FILE;
  return host;
}

/** The rubric the pane derives for the workbook as it is now. */
function derivedOf(host: FakeHost): Rubric {
  const rubric = analyze(host.workbook.grids(), builtinRubrics, undefined, FILE).rubric!;
  expect(rubric.derived).toBeDefined();
  return rubric;
}

function allCriteria(rubric: Rubric): Array<{ indicator: Indicator; criterion: Criterion; id: string }> {
  return rubric.categories.flatMap((cat) =>
    cat.indicators.flatMap((indicator) =>
      indicator.criteria.map((criterion) => ({ indicator, criterion, id: indicator.id + "." + criterion.id }))
    )
  );
}

/**
 * The criterion to correct: the first 待确认 one that gives points (any criterion that gives points
 * when none is pending), with a kind that keeps its points, so the indicator still adds up.
 */
function target(rubric: Rubric) {
  const candidates = allCriteria(rubric).filter(
    (x) => Number.isFinite(maxPointsOf(x.criterion)) && maxPointsOf(x.criterion) > 0 && !x.criterion.requires
  );
  const pick = candidates.find((x) => x.criterion.pending) ?? candidates[0];
  const kind: RevisableKind = pick.criterion.kind === "flag" ? "judged" : "flag";
  return { ...pick, kind, points: maxPointsOf(pick.criterion) };
}

async function renderDerived(host: FakeHost) {
  const view = render(<App host={host} rubrics={builtinRubrics} />);
  const tab = await screen.findByRole("tab", { name: /^评分细则/ });
  fireEvent.click(tab);
  await screen.findByTestId("derived-summary");
  return view;
}

function criterionItem(id: string): HTMLElement {
  const item = document.querySelector<HTMLElement>('[data-criterion="' + id + '"]');
  if (!item) throw new Error("no criterion " + id);
  return item;
}

async function chooseKind(dialog: HTMLElement, kind: RevisableKind) {
  fireEvent.click(within(dialog).getByRole("combobox", { hidden: true, name: /类型/ }));
  fireEvent.click(await screen.findByRole("option", { name: REVISABLE_KIND_NAMES[kind] }));
}

async function typePoints(dialog: HTMLElement, value: string) {
  const spin = within(dialog).getByRole("spinbutton", { hidden: true, name: /分/ });
  fireEvent.change(spin, { target: { value } });
  await act(async () => {
    fireEvent.blur(spin);
  });
}

/** The _ziping rows a plan writes: row number → [A, B, C]. */
function stateRows(plan: WorkbookPlan): Map<number, Array<string | number | boolean | null | undefined>> {
  const rows = new Map<number, Array<string | number | boolean | null | undefined>>();
  for (const op of plan.ops) {
    if (op.op !== "set" || op.sheet !== "_ziping") continue;
    const m = /^([A-Z])(\d+)$/.exec(op.cell)!;
    const row = rows.get(Number(m[2])) ?? [];
    row[m[1].charCodeAt(0) - 65] = op.value;
    rows.set(Number(m[2]), row);
  }
  return rows;
}

test("the sample is one no built-in rubric fits; 评分细则 is offered only for a derived rubric", async () => {
  const host = await derivedHost();
  const rubric = derivedOf(host);
  expect(rubric.id).toBe("derived:考核细则");
  const first = render(<App host={host} rubrics={builtinRubrics} />);
  expect(await screen.findByRole("tab", { name: /^评分细则/ })).toBeTruthy();
  first.unmount();

  // A workbook a built-in rubric fits has no such tab.
  const builtin = await fakeHost();
  render(<App host={builtin} rubrics={builtinRubrics} />);
  await screen.findByText("已匹配 31 / 31 个二级指标");
  expect(screen.queryByRole("tab", { name: /^评分细则/ })).toBeNull();
});

test("lists the derived indicators with their rule text marked and 待确认 criteria flagged", async () => {
  const host = await derivedHost();
  const rubric = derivedOf(host);
  await renderDerived(host);
  const all = allCriteria(rubric);
  const pending = all.filter((x) => x.criterion.pending);

  expect(screen.getByTestId("derived-summary").textContent).toBe(
    "由工作表“考核细则”的评分语句生成：" + all.length + " 项，待确认 " + pending.length + " 项"
  );
  // The tab says how many are left to confirm.
  expect(screen.getByRole("tab", { name: /^评分细则/ }).textContent).toBe(
    pending.length ? "评分细则（待确认 " + pending.length + "）" : "评分细则"
  );

  for (const category of rubric.categories) {
    expect(screen.getByRole("heading", { name: new RegExp("^" + category.title) })).toBeTruthy();
    for (const indicator of category.indicators) {
      const item = screen.getByRole("listitem", {
        name: new RegExp(indicator.text.slice(0, 12).replace(/[()（）]/g, ".")),
      });
      // The rule text, whole, with one mark per criterion that has a span, its letter first.
      const rule = normalizeRule(indicator.rule);
      const paragraph = item.querySelector("p")!;
      expect(paragraph.textContent).toBe(
        ruleSegments(rule, indicator.criteria)
          .map((s) => (s.criterion ? s.criterion.id : "") + s.text)
          .join("")
      );
      const marks = Array.from(paragraph.querySelectorAll("mark"));
      const spanned = indicator.criteria.filter((c) => c.span && c.span[1] > c.span[0]);
      expect(marks).toHaveLength(spanned.length);
      marks.forEach((mark, i) => {
        const c = spanned[i];
        expect(mark.textContent).toBe(c.id + rule.slice(c.span![0], c.span![1]));
      });
    }
  }

  // 待确认 on exactly the pending criteria.
  for (const x of all) {
    const badge = within(criterionItem(x.id)).queryByText("待确认");
    expect(Boolean(badge)).toBe(Boolean(x.criterion.pending));
  }

  // The sheet's own inconsistencies (二、隐患排查治理（25分） over items adding to 24) point to 校验.
  const findings = analyze(host.workbook.grids(), builtinRubrics, undefined, FILE).findings;
  expect(findings.some((f) => f.code === "rubric.category-points-differ")).toBe(true);
  const note = screen.getByText(/表中分值有 \d+ 处不一致/);
  fireEvent.click(within(note).getByRole("button", { name: "“校验”页" }));
  expect(screen.getByRole("tab", { name: /^校验/ }).getAttribute("aria-selected")).toBe("true");
});

test("a correction that leaves the item short is kept as a draft; saving it is refused with the reason, nothing written", async () => {
  const host = await derivedHost();
  const rubric = derivedOf(host);
  const t = target(rubric);
  await renderDerived(host);

  fireEvent.click(screen.getByRole("button", { name: "修改评分项 " + t.id }));
  const dialog = await screen.findByRole("dialog", { hidden: true });
  await chooseKind(dialog, t.kind);
  // Above the indicator's points: said before the model is asked.
  const max = t.criterion.bonus ? t.indicator.bonus! : t.indicator.points;
  await typePoints(dialog, String(max + 1));
  fireEvent.click(within(dialog).getByRole("button", { hidden: true, name: "确定" }));
  expect(within(dialog).getByText(/分值不能超过本项/)).toBeTruthy();
  // 0 points leaves the indicator short of its points: a draft may be short while being corrected
  // (2.5 + 2.5 → 3 + 2 takes two edits); saving checks the whole rubric.
  await typePoints(dialog, "0");
  fireEvent.click(within(dialog).getByRole("button", { hidden: true, name: "确定" }));
  await dialogClosed();
  expect(screen.getByTestId("derived-draft")).toBeTruthy();
  fireEvent.click(await screen.findByRole("button", { name: "保存核对结果" }, { timeout: 3000 }));
  expect(await screen.findByText(/核对后的评分细则不一致/)).toBeTruthy();
  expect(host.apply).not.toHaveBeenCalled();
});

test("a correction is kept as a draft, saved to _ziping after 确定, and read back from the workbook", async () => {
  const host = await derivedHost();
  const rubric = derivedOf(host);
  const t = target(rubric);
  const expected = reviseCriterion(rubric, t.id, t.kind, t.points);
  const pendingBefore = allCriteria(rubric).filter((x) => x.criterion.pending).length;
  await renderDerived(host);

  // Correct the criterion.
  fireEvent.click(screen.getByRole("button", { name: "修改评分项 " + t.id }));
  const dialog = await screen.findByRole("dialog", { hidden: true });
  expect(within(dialog).getByText("原文：" + t.criterion.text)).toBeTruthy();
  await chooseKind(dialog, t.kind);
  await typePoints(dialog, String(t.points));
  fireEvent.click(within(dialog).getByRole("button", { hidden: true, name: "确定" }));
  await dialogClosed();

  // A draft: shown, not written.
  expect(screen.getByTestId("derived-draft").textContent).toBe("有 1 处修改未保存");
  const item = criterionItem(t.id);
  expect(within(item).getByText(kindName(t.kind))).toBeTruthy();
  expect(within(item).queryByText("待确认")).toBeNull();
  expect(within(item).getByText("已修改")).toBeTruthy();
  const pendingAfter = pendingBefore - (t.criterion.pending ? 1 : 0);
  expect(screen.getByTestId("derived-summary").textContent).toMatch(new RegExp("待确认 " + pendingAfter + " 项$"));
  expect(host.apply).not.toHaveBeenCalled();

  // The draft survives a look at another tab.
  fireEvent.click(screen.getByRole("tab", { name: /^概览/ }));
  fireEvent.click(screen.getByRole("tab", { name: /^评分细则/ }));
  expect((await screen.findByTestId("derived-draft")).textContent).toBe("有 1 处修改未保存");

  // 保存核对结果: the confirmation first, then the write.
  fireEvent.click(screen.getByRole("button", { name: "保存核对结果" }));
  const confirm = await screen.findByRole("dialog", { hidden: true });
  expect(within(confirm).getByText(/在工作簿中保存核对后的评分细则/)).toBeTruthy();
  expect(host.apply).not.toHaveBeenCalled();
  const ok = within(confirm).getByRole("button", { hidden: true, name: "确定" });
  await act(async () => {
    fireEvent.click(ok);
  });
  await dialogClosed();
  expect(host.apply).toHaveBeenCalledTimes(1);

  const plan = (host.apply as jest.Mock).mock.calls[0][0] as WorkbookPlan;
  const rows = Array.from(stateRows(plan).values());
  expect(rows).toContainEqual(["rubric", "derived:考核细则"]);
  const chunks = rows.filter((r) => r[0] === "derivedRubric");
  expect(chunks.length).toBeGreaterThan(0);
  const stored = JSON.parse(
    chunks
      .sort((a, b) => Number(a[1]) - Number(b[1]))
      .map((r) => r[2])
      .join("")
  ) as Rubric;
  expect(stored).toEqual(expected);

  // Read back: the stored rubric, the corrected criterion no longer 待确认, the draft gone.
  await waitFor(() => expect(screen.queryByTestId("derived-draft")).toBeNull());
  const after = criterionItem(t.id);
  expect(within(after).getByText(kindName(t.kind))).toBeTruthy();
  expect(within(after).queryByText("待确认")).toBeNull();
  expect(screen.getByText(/核对结果已保存在工作簿中/)).toBeTruthy();
  expect(screen.getByTestId("derived-summary").textContent).toMatch(new RegExp("待确认 " + pendingAfter + " 项$"));
  // What the pane now analyzes is the stored rubric, not a new derivation.
  expect(analyze(host.workbook.grids(), builtinRubrics, undefined, FILE).rubric).toEqual(expected);
  // Nothing more to save until another correction.
  expect(screen.getByRole("button", { name: "保存核对结果" }).getAttribute("aria-disabled")).toBe("true");
});

test("放弃修改 drops the draft without writing", async () => {
  const host = await derivedHost();
  const t = target(derivedOf(host));
  await renderDerived(host);
  fireEvent.click(screen.getByRole("button", { name: "修改评分项 " + t.id }));
  const dialog = await screen.findByRole("dialog", { hidden: true });
  await chooseKind(dialog, t.kind);
  await typePoints(dialog, String(t.points));
  fireEvent.click(within(dialog).getByRole("button", { hidden: true, name: "确定" }));
  await dialogClosed();
  fireEvent.click(screen.getByRole("button", { name: "放弃修改" }));
  expect(screen.queryByTestId("derived-draft")).toBeNull();
  expect(within(criterionItem(t.id)).getByText(kindName(t.criterion.kind as RevisableKind))).toBeTruthy();
  expect(host.apply).not.toHaveBeenCalled();
});

test("a rule the grammar cannot read is 待确认 until corrected", async () => {
  const host = await derivedHost();
  // 1.2's 评分标准 (C4) replaced by words with no scoring sentence.
  applyPlan(host.workbook, {
    ops: [{ op: "set", sheet: "考核细则", cell: "C4", value: "资料齐全、台账规范。" }],
    summary: [],
    kept: [],
  });
  const rubric = derivedOf(host);
  const indicator = rubric.categories[0].indicators[1];
  expect(indicator.rule).toBe("资料齐全、台账规范。");
  expect(indicator.criteria.every((c) => c.pending)).toBe(true);
  await renderDerived(host);

  const item = criterionItem("1.2.a");
  expect(within(item).getByText("待确认")).toBeTruthy();
  expect(within(item).getByText("评定")).toBeTruthy();
  expect(screen.getByRole("tab", { name: /^评分细则/ }).textContent).toMatch(/待确认/);

  fireEvent.click(within(item).getByRole("button", { name: "修改评分项 1.2.a" }));
  const dialog = await screen.findByRole("dialog", { hidden: true });
  await chooseKind(dialog, "flag");
  await typePoints(dialog, String(indicator.points));
  fireEvent.click(within(dialog).getByRole("button", { hidden: true, name: "确定" }));
  await dialogClosed();
  expect(within(criterionItem("1.2.a")).queryByText("待确认")).toBeNull();
  expect(within(criterionItem("1.2.a")).getByText("是否")).toBeTruthy();
  expect(within(criterionItem("1.2.a")).getByText(indicator.points + " 分")).toBeTruthy();
});

function kindName(kind: string): string {
  const names: Record<string, string> = { flag: "是否", judged: "评定", deduction: "扣分", gate: "否决" };
  return names[kind] ?? kind;
}
