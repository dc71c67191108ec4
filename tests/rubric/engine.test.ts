/**
 * The engine on a small hand-made rubric (fixtures/tiny-rubric.ts). Every expected number is
 * worked out by hand from the rule text in the fixture, written next to the assertion.
 */
import { scoreRubric, type Evidence } from "../../src/rubric/engine";
import { loadRubric } from "../../src/rubric/validate";
import { tinyRubric } from "./fixtures/tiny-rubric";

const rubric = loadRubric(tinyRubric());

function indicator(evidence: Evidence, id: string) {
  const score = scoreRubric(rubric, evidence);
  return score.categories.flatMap((c) => c.indicators).find((i) => i.id === id)!;
}

describe("flag and choice, with a choice that requires a flag", () => {
  test("联席会议 with a 负责同志 as 组长 and no annual meeting: 2 + 0.5 + 0 = 2.5", () => {
    const score = indicator({ values: { "1.1.a": "是", "1.1.b": "负责同志", "1.1.c": "否" } }, "1.1");
    expect(score.score).toBe(2.5);
    expect(score.criteria.map((c) => c.points)).toEqual([2, 0.5, 0]);
    expect(score.criteria[1].explain).toBe("组长：负责同志，0.5/1 分");
  });
  test("a 组长 without a 联席会议 gives nothing: 0 + 0 + 1 = 1", () => {
    const score = indicator({ values: { "1.1.a": "否", "1.1.b": "主要负责同志", "1.1.c": "是" } }, "1.1");
    expect(score.criteria.map((c) => c.points)).toEqual([0, 0, 1]);
    expect(score.criteria[1].explain).toContain("须先满足评分项 1.1.a");
    expect(score.score).toBe(1);
  });
  test("an option that is not in the list is reported and scores nothing", () => {
    const score = indicator({ values: { "1.1.a": true, "1.1.b": "副县长" } }, "1.1");
    expect(score.criteria[1].problems).toEqual([{ code: "unknown-option", params: { value: "副县长", options: "主要负责同志、负责同志" } }]);
    expect(score.score).toBe(2);
  });
  test("full-width and spaced option labels still match", () => {
    expect(indicator({ values: { "1.1.a": "是", "1.1.b": " 主要负责同志 " } }, "1.1").criteria[1].points).toBe(1);
  });
});

describe("threshold: 护理型床位占比达到65%以上得1分", () => {
  test.each([
    [{ numerator: 60, denominator: 100 }, 0, "护理型床位占比 60%，未达到≥65%，本项 0/1 分"],
    [{ numerator: 13, denominator: 20 }, 1, "护理型床位占比 65%，达到≥65%，本项 1/1 分"],
    ["65%", 1, "护理型床位占比 65%，达到≥65%，本项 1/1 分"],
    [0.649, 0, "护理型床位占比 64.9%，未达到≥65%，本项 0/1 分"],
    [{ value: 70, numerator: 1, denominator: 100 }, 1, "护理型床位占比 70%，达到≥65%，本项 1/1 分"],
  ])("%p → %p", (input, points, explain) => {
    const score = indicator({ metrics: { "nursing-bed-share": input } }, "1.2");
    expect(score.score).toBe(points);
    expect(score.criteria[0].explain).toBe(explain);
  });
  test("nothing entered: missing, and the threshold status is unknown", () => {
    const result = scoreRubric(rubric, {});
    const status = result.thresholds.find((t) => t.ref === "1.2.a")!;
    expect(status).toMatchObject({ met: null, value: null, boundText: "≥65%" });
    expect(result.categories[0].indicators[1].criteria[0].status).toBe("missing");
  });
  test("a rate above 100% is reported", () => {
    const result = scoreRubric(rubric, { metrics: { "nursing-bed-share": { numerator: 130, denominator: 100 } } });
    expect(result.problems).toContainEqual({ code: "rate-over-100", ref: "1.2.a" });
    expect(result.problems).toContainEqual({ code: "rate-over-100", ref: "nursing-bed-share" });
  });
});

describe("perItem: 每创新出台一项政策得0.5分，最高得3分", () => {
  test.each([
    [0, 0],
    [5, 2.5],
    [6, 3],
    [9, 3], // 4.5 capped at 3
    ["7项", 3],
  ])("%p policies → %p", (count, points) => {
    expect(indicator({ values: { "1.3.a": count } }, "1.3").criteria[0].points).toBe(points);
  });
  test("the cap is said in the explanation", () => {
    expect(indicator({ values: { "1.3.a": 9 } }, "1.3").criteria[0].explain).toBe("每创新出台一项政策得0.5分，最高得3分：创新政策 9项×0.5分，计 4.5 分，超过上限按 3 分计，本项 3/3 分");
  });
  test("a negative count is reported and scores nothing", () => {
    const c = indicator({ values: { "1.3.a": -2 } }, "1.3").criteria[0];
    expect(c.points).toBe(0);
    expect(c.problems).toContainEqual({ code: "negative" });
  });
});

describe("scaled: 剩余1分根据改造任务完成进度进行打分 (default linear mapping, floor to 0.5)", () => {
  test.each([
    [1, 1],
    [0.8, 0.5], // 1 × 0.8 = 0.8 → 0.5
    [50, 0.5], // 50 means 50%: 0.5
    [0.49, 0], // 0.49 → 0
    [130, 1], // 130 means 130%: above 100% counts as 100%
  ])("%p → %p", (rate, points) => {
    expect(indicator({ values: { "1.4.b": rate } }, "1.4").criteria[1].points).toBe(points);
  });
  test("the mapping is shown", () => {
    expect(indicator({ values: { "1.4.b": 0.8 } }, "1.4").criteria[1].explain).toBe(
      "剩余1分根据改造任务完成进度进行打分：完成进度 80%（得分 = 1 × 完成进度，按 0.5 分向下取整），0.5/1 分",
    );
  });
});

describe("judged: 剩余2分根据工作开展效果进行打分", () => {
  test.each([
    [1.5, 1.5, []],
    [2, 2, []],
    [3, 2, ["out-of-range"]],
    [-1, 0, ["out-of-range"]],
    [1.2, 1, ["step"]],
    ["1.5分", 1.5, ["number-as-text"]],
  ])("%p → %p", (value, points, codes) => {
    const c = indicator({ values: { "1.5.b": value } }, "1.5").criteria[1];
    expect(c.points).toBe(points);
    expect(c.problems.map((p) => p.code)).toEqual(codes);
  });
  test("'两分' is not a number: reported, nothing scored", () => {
    const c = indicator({ values: { "1.5.b": "两分" } }, "1.5").criteria[1];
    expect(c).toMatchObject({ points: 0, status: "missing", problems: [{ code: "not-number" }] });
  });
});

describe("gate: 出现安全事故的机构不得分", () => {
  test("落实 and no accident: 2", () => {
    expect(indicator({ values: { "2.1.a": "是", "2.1.b": "否" } }, "2.1").score).toBe(2);
  });
  test("落实 but an accident: 0, and the explanation says why", () => {
    const score = indicator({ values: { "2.1.a": "是", "2.1.b": "是" } }, "2.1");
    expect(score.score).toBe(0);
    expect(score.gated).toBe(true);
    expect(score.explain).toBe("评分项合计 2 分；出现安全事故：是，本指标不得分");
  });
});

describe("deduction: 8分，每少完成一个扣2分", () => {
  test.each([
    [0, 8],
    [1, 6],
    [3, 2],
    [4, 0],
    [7, 0], // 扣完为止
  ])("%p shortfalls → %p", (n, points) => {
    expect(indicator({ values: { "2.2.a": n } }, "2.2").score).toBe(points);
  });
});

describe("totals", () => {
  test("all met: 14 + 10 = 24, bonus 2", () => {
    const result = scoreRubric(rubric, {
      values: {
        "1.1.a": "是", "1.1.b": "主要负责同志", "1.1.c": "是", // 2 + 1 + 1 = 4
        "1.3.a": 6, "1.3.b": "是", // 3 + 1 = 4
        "1.4.a": "是", "1.4.b": 1, // 1 + 1 = 2
        "1.5.a": "是", "1.5.b": 2, // 1 + 2 = 3
        "2.1.a": "是", "2.1.b": "否", // 2
        "2.2.a": 0, // 8
        "bonus.1.a": "第一档", // bonus 2
      },
      metrics: { "nursing-bed-share": 0.7, "home-beds": 600, radius: 800 }, // 1.2: 1
    });
    expect(result.categories.map((c) => c.score)).toEqual([14, 10, 0]);
    expect(result.total).toBe(24);
    expect(result.max).toBe(24);
    expect(result.bonus).toEqual({ score: 2, max: 2 });
    expect(result.thresholds.map((t) => [t.ref, t.met])).toEqual([
      ["1.2.a", true],
      ["beds-600", true],
      ["radius-1000", true],
    ]);
  });
  test("nothing entered: 0, every criterion missing, targets unknown", () => {
    const result = scoreRubric(rubric, {});
    expect(result.total).toBe(0);
    expect(result.bonus.score).toBe(0);
    expect(result.thresholds.every((t) => t.met === null)).toBe(true);
  });
  test("a mix", () => {
    const result = scoreRubric(rubric, {
      values: {
        "1.1.a": "是", "1.1.b": "负责同志", // 2 + 0.5 = 2.5
        "1.3.a": 5, // 2.5
        "1.4.a": "否", "1.4.b": "80%", // 0 + 0.5 = 0.5
        "1.5.b": 1.5, // 1.5
        "2.1.a": "是", "2.1.b": "是", // gate: 0
        "2.2.a": 1, // 8 − 2 = 6
        "bonus.1.a": "第二档", // bonus 1
      },
      // 1.2: 60% < 65% → 0; beds 420 < 600; radius 1200 > 1000
      metrics: { "nursing-bed-share": { numerator: 60, denominator: 100 }, "home-beds": "420张", radius: 1200 },
    });
    // category 1: 2.5 + 0 + 2.5 + 0.5 + 1.5 = 7; category 2: 0 + 6 = 6
    expect(result.categories.map((c) => c.score)).toEqual([7, 6, 0]);
    expect(result.total).toBe(13);
    expect(result.bonus.score).toBe(1);
    expect(result.thresholds.filter((t) => t.met === false).map((t) => t.explain)).toEqual([
      "护理型床位占比 60%，未达到≥65%",
      "家庭养老床位 420张，未达到≥600张",
      "覆盖半径 1200米，未达到≤1000米",
    ]);
    expect(result.problems).toContainEqual({ code: "number-as-text", ref: "home-beds" });
  });
});
