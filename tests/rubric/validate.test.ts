/**
 * Rejecting a rubric: structural errors (schema) and inconsistent points, each named by its
 * place. Recorded source inconsistencies are accepted (CONTRACTS.md, "Two kinds of wrong").
 */
import { checkRubric, type RubricError } from "../../src/rubric/validate";
import type { Rubric } from "../../src/rubric/schema";
import { tinyRubric } from "./fixtures/tiny-rubric";
import { trustedBuiltinRubrics } from "../../src/rubric/builtin/data";

function errorsOf(rubric: unknown): RubricError[] {
  const result = checkRubric(rubric);
  if (result.ok) throw new Error("expected the rubric to be rejected");
  return result.errors;
}

function edit(change: (r: Rubric) => void): Rubric {
  const rubric = tinyRubric();
  change(rubric);
  return rubric;
}

test("the fixture is accepted", () => {
  expect(checkRubric(tinyRubric()).ok).toBe(true);
});

test("negative points: the place names the criterion by its ids", () => {
  const errors = errorsOf(edit((r) => ((r.categories[0].indicators[0].criteria[0] as { points: number }).points = -2)));
  expect(errors[0].place).toBe("tiny › 一级指标 1 › 二级指标 1.1 › 评分项 a › 字段 points");
  expect(errors[0].message).toBe("分值不能为负数");
});

test("an unknown criterion kind is rejected", () => {
  const rubric = edit((r) => ((r.categories[1].indicators[0].criteria[1] as { kind: string }).kind = "lottery"));
  expect(errorsOf(rubric)[0].place).toBe("tiny › 一级指标 2 › 二级指标 2.1 › 评分项 b › 字段 kind");
});

test("a missing field is rejected", () => {
  const rubric = edit((r) => delete (r.categories[0].indicators[1] as Partial<Rubric["categories"][0]["indicators"][0]>).rule);
  expect(errorsOf(rubric)[0].place).toBe("tiny › 一级指标 1 › 二级指标 1.2 › 字段 rule");
});

test("criteria that can exceed their indicator are rejected", () => {
  const errors = errorsOf(edit((r) => ((r.categories[0].indicators[0].criteria[2] as { points: number }).points = 2)));
  // 1.1: 2 + max(1, 0.5) + 2 = 5 > 4; and category 1 still adds up (indicator points unchanged)
  expect(errors).toEqual([{ place: "tiny › 一级指标 1 › 二级指标 1.1", message: "评分项合计 5 分，超过本项分值 4 分" }]);
});

test("criteria that cannot reach their indicator's points are rejected", () => {
  const errors = errorsOf(edit((r) => (r.categories[0].indicators[1].points = 2)));
  expect(errors).toContainEqual({ place: "tiny › 一级指标 1 › 二级指标 1.2", message: "评分项合计 1 分，不足本项分值 2 分" });
});

test("indicators that do not add up to their category are rejected", () => {
  const errors = errorsOf(edit((r) => (r.categories[1].points = 12)));
  expect(errors).toContainEqual({
    place: "tiny › 一级指标 2",
    message: "二级指标合计 10 分（加分 0 分），与一级指标的 12 分（加分 0 分）不符",
  });
  expect(errors).toContainEqual({
    place: "tiny",
    message: "一级指标合计 26 分（加分 2 分），与总分 24 分（加分 2 分）不符",
  });
});

test("a recorded source inconsistency is accepted", () => {
  const rubric = edit((r) => {
    (r.categories[0].indicators[0].criteria[2] as { points: number }).points = 2;
    r.discrepancies.push({ kind: "sub-points-exceed", indicator: "1.1", quote: "（4分）…（2分）", note: "按本项分值封顶" });
  });
  expect(checkRubric(rubric).ok).toBe(true);
});

test("an uncapped count must be recorded", () => {
  const rubric = edit((r) => delete (r.categories[0].indicators[2].criteria[0] as { cap?: number }).cap);
  expect(errorsOf(rubric)).toEqual([{ place: "tiny › 一级指标 1 › 二级指标 1.3", message: "评分项不设上限，须在 discrepancies 中记录（uncapped-bonus）" }]);
});

test("references must resolve and ids must be in order", () => {
  const errors = errorsOf(
    edit((r) => {
      (r.categories[0].indicators[1].criteria[0] as { metric: string }).metric = "no-such-metric";
      r.categories[0].indicators[4].id = "1.7";
      r.categories[0].indicators[0].criteria[1].requires = "c";
      r.targets[0].metric = "nowhere";
    }),
  );
  expect(errors).toEqual(
    expect.arrayContaining([
      { place: "tiny › 一级指标 1 › 二级指标 1.2 › 评分项 1.2.a", message: "引用的指标数据 no-such-metric 不存在" },
      { place: "tiny › 一级指标 1 › 二级指标 1.7", message: "二级指标应按顺序编号，此处应为 1.5" },
      { place: "tiny › 目标 beds-600", message: "引用的指标数据 nowhere 不存在" },
    ]),
  );
  // "c" exists but is a flag: allowed. Point it at a choice instead.
  const bad = errorsOf(edit((r) => (r.categories[0].indicators[0].criteria[2].requires = "b")));
  expect(bad).toEqual([{ place: "tiny › 一级指标 1 › 二级指标 1.1 › 评分项 1.1.c", message: "前提评分项 b 不存在或不是“是否”类评分项" }]);
});

test("garbage is rejected, not crashed on", () => {
  for (const input of [null, 42, "rubric", [], { id: "x" }]) {
    expect(checkRubric(input).ok).toBe(false);
  }
});

test("the built-in rubrics the lite pane takes unchecked are exactly what checking them gives", () => {
  // The lite pane (IE11) carries no zod: it relies on every shipped file passing the schema and
  // the consistency rules unchanged — no field stripped, defaulted or coerced by parsing.
  expect(trustedBuiltinRubrics.length).toBe(4);
  for (const data of trustedBuiltinRubrics) {
    const checked = checkRubric(data);
    if (!checked.ok) throw new Error(data.id + "：" + JSON.stringify(checked.errors));
    expect(checked.rubric).toEqual(data);
  }
});
