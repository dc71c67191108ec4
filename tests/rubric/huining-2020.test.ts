/**
 * 会宁县居家和社区养老服务改革试点工作要求及考核表（附件2）, encoded in
 * src/rubric/builtin/huining-2020.json from seed 002_8cc730145b8a53e0.txt. Line numbers in the
 * comments below ("L43") are the seed file's lines; the tests do not read the seed (CONTRACTS.md).
 */
import huiningData from "../../src/rubric/builtin/huining-2020.json";
import {
  scoreRubric,
  type Evidence,
  type IndicatorScore,
  type RubricScore,
} from "../../src/rubric/engine";
import { maxPointsOf } from "../../src/rubric/criteria/index";
import { checkRubric, formatRubricErrors, loadRubric } from "../../src/rubric/validate";

const rubric = loadRubric(huiningData);

function copyOfData(): typeof huiningData {
  return JSON.parse(JSON.stringify(huiningData));
}

function indicatorScore(score: RubricScore, id: string): IndicatorScore {
  for (const category of score.categories)
    for (const indicator of category.indicators) if (indicator.id === id) return indicator;
  throw new Error("no indicator " + id);
}

function indicatorScores(score: RubricScore): Record<string, number> {
  const out: Record<string, number> = {};
  for (const category of score.categories)
    for (const indicator of category.indicators) out[indicator.id] = indicator.score;
  return out;
}

describe("huining-2020: the rubric data", () => {
  test("is accepted by checkRubric", () => {
    const result = checkRubric(huiningData);
    if (!result.ok) throw new Error(formatRubricErrors(result.errors));
    expect(result.ok).toBe(true);
  });

  test("identity fields", () => {
    expect(rubric).toMatchObject({
      id: "huining-2020",
      title: "会宁县居家和社区养老服务改革试点工作要求及考核表",
      document: "会宁县居家和社区养老服务改革试点工作要求及考核表（附件2）",
      region: "会宁县",
      year: 2020,
      layout: "assessment",
      points: 100,
      bonus: 10,
      step: 0.5,
      source: { file: "002_8cc730145b8a53e0.txt" },
    });
  });

  test("ten base items in category 1 and one bonus item in category bonus", () => {
    expect(rubric.categories.map((c) => c.id)).toEqual(["1", "bonus"]);
    const [base, bonus] = rubric.categories;
    expect(base).toMatchObject({ title: "居家和社区养老服务改革试点工作", points: 100 });
    expect(base.indicators.map((i) => i.id)).toEqual([
      "1.1",
      "1.2",
      "1.3",
      "1.4",
      "1.5",
      "1.6",
      "1.7",
      "1.8",
      "1.9",
      "1.10",
    ]);
    expect(base.indicators.map((i) => i.number)).toEqual([
      "1",
      "2",
      "3",
      "4",
      "5",
      "6",
      "7",
      "8",
      "9",
      "10",
    ]);
    expect(bonus).toMatchObject({ title: "加分项目", points: 0, bonus: 10 });
    expect(bonus.indicators).toHaveLength(1);
    expect(bonus.indicators[0]).toMatchObject({
      id: "bonus.1",
      number: "11",
      text: "社区和居家养老服务创新",
      points: 0,
      bonus: 10,
    });
  });

  test("item points as printed in 工作内容 (N分): 5, 10, 5, 8, 8, 10, 30, 8, 10, 6 = 100; bonus 10", () => {
    const points = rubric.categories[0].indicators.map((i) => i.points);
    expect(points).toEqual([5, 10, 5, 8, 8, 10, 30, 8, 10, 6]);
    expect(points.reduce((a, b) => a + b, 0)).toBe(100);
    expect(rubric.categories.map((c) => c.bonus ?? 0).reduce((a, b) => a + b, 0)).toBe(10);
  });

  test("indicator text is the 工作内容 cell without its (N分)", () => {
    expect(rubric.categories[0].indicators[0].text).toBe(
      "建立政府领导、部门协同的试点工作领导小组"
    );
    expect(rubric.categories[0].indicators[6].text).toBe(
      "推进“幸福白银·银龄驿站”居家和社区养老服务体系建设"
    );
    for (const category of rubric.categories) {
      for (const indicator of category.indicators) expect(indicator.text).not.toMatch(/分）$/);
    }
  });

  test("every criterion's text is a line of its indicator's rule, carrying its own points", () => {
    for (const category of rubric.categories) {
      for (const indicator of category.indicators) {
        for (const criterion of indicator.criteria) {
          expect(indicator.rule).toContain(criterion.text);
          if (criterion.kind === "perItem") continue; // 1.7.d shares 1.7.c's line
          expect(criterion.text).toContain("（" + maxPointsOf(criterion) + "分");
        }
        expect(indicator.extra?.["工作要求"]).toBeTruthy();
        expect(indicator.source.place).toMatch(/^考核表，第\d+行$/);
      }
    }
  });

  test("item 6 keeps the source's numbering 1, 2, 2 (L86, L88, L90)", () => {
    const item6 = rubric.categories[0].indicators[5];
    expect(item6.criteria.map((c) => c.id + ":" + c.text.slice(0, 2))).toEqual([
      "a:1.",
      "b:2.",
      "c:2.",
    ]);
  });

  test("item 4 is one flag of 8 whose (8分) follows a line break (L57, L59)", () => {
    const item4 = rubric.categories[0].indicators[3];
    expect(item4.criteria).toHaveLength(1);
    expect(item4.criteria[0]).toMatchObject({
      kind: "flag",
      points: 8,
      text: "2020年9月前，完成筛查摸底工作，并录入信息平台\n（8分）。",
    });
  });

  test("item 7: flag 2, deduction 8 per 1, deduction 13 per 2, uncapped surplus perItem, threshold ≥60% 7", () => {
    const item7 = rubric.categories[0].indicators[6];
    expect(item7.criteria.map((c) => c.id + ":" + c.kind)).toEqual([
      "a:flag",
      "b:deduction",
      "c:deduction",
      "d:perItem",
      "e:threshold",
    ]);
    expect(item7.criteria[0]).toMatchObject({ points: 2 });
    expect(item7.criteria[1]).toMatchObject({ points: 8, per: 1, unit: "个" });
    expect(item7.criteria[1].text).toContain("（8分，新建居住小区未落实的，一个扣1分）");
    expect(item7.criteria[2]).toMatchObject({ points: 13, per: 2, unit: "个" });
    expect(item7.criteria[2].text).toContain("（13分，每少完成一个扣2分，超额完成一个加1分）");
    expect(item7.criteria[3]).toMatchObject({
      items: [{ id: "surplus", label: "超额完成的驿站", each: 1 }],
      unit: "个",
    });
    expect(item7.criteria[3]).not.toHaveProperty("cap");
    expect(item7.criteria[3].bonus).toBeUndefined();
    expect(item7.criteria[4]).toMatchObject({
      points: 7,
      metric: "active-station-share",
      bound: { op: ">=", value: 0.6 },
    });
  });

  test("rate lines are thresholds on metrics with the stated bounds", () => {
    const thresholds: Record<string, { metric: string; value: number; points: number }> = {};
    for (const indicator of rubric.categories[0].indicators) {
      for (const c of indicator.criteria) {
        if (c.kind === "threshold")
          thresholds[indicator.id + "." + c.id] = {
            metric: c.metric,
            value: c.bound.value,
            points: c.points,
          };
      }
    }
    expect(thresholds).toEqual({
      "1.2.b": { metric: "central-fund-execution-progress", value: 0.5, points: 3 }, // L33 执行进度达到50%以上（3分）
      "1.2.c": { metric: "lottery-fund-elderly-care-share", value: 0.7, points: 5 }, // L35 70%以上用于养老服务（5分）
      "1.3.b": { metric: "supervision-rounds-per-year", value: 2, points: 2 }, // L45 每年至少开展2次以上（2分）
      "1.5.b": { metric: "brand-providers-fostered", value: 1, points: 4 }, // L74 至少培育1家以上（4分）
      "1.7.e": { metric: "active-station-share", value: 0.6, points: 7 }, // L107 60%以上的…驿站开展工作（7分）
      "1.9.b": { metric: "four-batches-rate", value: 0.6, points: 3 }, // L141 落实率达到60%以上（3分）
      "1.9.c": { metric: "three-ones-visit-rate", value: 0.8, points: 4 }, // L143 落实率达到80%以上（4分）
    });
  });

  test("the bonus item's two criteria are judged 0–5 bonus points with a note", () => {
    const item = rubric.categories[1].indicators[0];
    expect(item.criteria).toHaveLength(2);
    for (const c of item.criteria) {
      expect(c).toMatchObject({ kind: "judged", points: 5, bonus: true });
      expect(c.note).toMatch(/评定/);
    }
  });

  test("targets: the 两年工作目标 that state a bound", () => {
    const byId = Object.fromEntries(rubric.targets.map((t) => [t.id, t]));
    const metricOf = (id: string) => rubric.metrics.find((m) => m.id === byId[id].metric)!;
    expect(
      rubric.targets.map((t) => [
        t.metric,
        t.bound.op,
        t.bound.value,
        metricOf(t.id).unit,
        t.source.place,
      ])
    ).toEqual([
      ["leading-group-meetings-per-year", ">=", 1, "次", "第26行"],
      ["pilot-fund-execution-rate", ">=", 1, "%", "第38行"],
      ["urban-socialized-service-rate", ">=", 0.7, "%", "第77行"],
      ["rural-socialized-service-rate", ">=", 0.6, "%", "第77行"],
      ["chain-brand-providers-fostered", ">=", 2, "家", "第77行"],
      ["four-batches-rate", ">=", 0.8, "%", "第146行"],
      ["care-staff-training-rate", ">=", 0.98, "%", "第162行"],
    ]);
    // The two-year target and item 9 line 2's threshold are bounds on the same metric.
    expect(byId["four-batches-rate"].text).toBe("“四个一批”措施落实率达到80%以上");
    expect(metricOf("four-batches-rate").name).toBe("“四个一批”措施落实率");
  });

  test("discrepancies: item 3's parts exceed its points; item 7's surplus bonus has no cap", () => {
    const d13 = rubric.discrepancies.find((d) => d.indicator === "1.3");
    expect(d13).toMatchObject({ kind: "sub-points-exceed" });
    expect(d13!.quote).toContain("建立试点工作督导机制（5分）");
    expect(d13!.quote.split("（2分）")).toHaveLength(5);
    expect(d13!.note).toContain("8分");
    const d17 = rubric.discrepancies.find((d) => d.indicator === "1.7");
    expect(d17).toMatchObject({ kind: "uncapped-bonus", quote: "超额完成一个加1分" });
    expect(d17!.note).toContain("30分");
  });

  test("without the 1.3 discrepancy the rubric is rejected: 8 > 5", () => {
    const data = copyOfData();
    data.discrepancies = data.discrepancies.filter((d) => d.indicator !== "1.3");
    const result = checkRubric(data);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toHaveLength(1);
    const message = formatRubricErrors(result.errors);
    expect(message).toContain("1.3");
    expect(message).toContain("8");
    expect(message).toContain("5");
    expect(message).toMatch(/评分项合计 8 分，超过本项分值 5 分/);
  });

  test("without the 1.7 discrepancy the rubric is rejected: an uncapped part must be recorded", () => {
    const data = copyOfData();
    data.discrepancies = data.discrepancies.filter((d) => d.indicator !== "1.7");
    const result = checkRubric(data);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(formatRubricErrors(result.errors)).toMatch(/1\.7.*uncapped-bonus/);
  });
});

// ---------------------------------------------------------------------------------------------
// Scoring

/** Every requirement met, rates exactly at their bounds ("以上" includes the bound). */
const allMet: Evidence = {
  values: {
    "1.1.a": "是",
    "1.1.b": "是",
    "1.1.c": "是",
    "1.1.d": "是",
    "1.2.a": "是",
    "1.3.a": "是",
    "1.3.c": "是",
    "1.3.d": "是",
    "1.4.a": "是",
    "1.5.a": "是",
    "1.6.a": "是",
    "1.6.b": "是",
    "1.6.c": "是",
    "1.7.a": "是",
    "1.7.b": 0,
    "1.7.c": 0,
    "1.7.d": 0,
    "1.8.a": "是",
    "1.8.b": "是",
    "1.8.c": "是",
    "1.8.d": "是",
    "1.8.e": "是",
    "1.9.a": "是",
    "1.10.a": "是",
    "1.10.b": "是",
    "1.10.c": "是",
    "bonus.1.a": 5,
    "bonus.1.b": 5,
  },
  metrics: {
    "central-fund-execution-progress": 50,
    "lottery-fund-elderly-care-share": 0.7,
    "supervision-rounds-per-year": 2,
    "brand-providers-fostered": 1,
    "active-station-share": { numerator: 12, denominator: 20 },
    "four-batches-rate": 0.6,
    "three-ones-visit-rate": 80,
  },
};

function withValues(
  base: Evidence,
  values: Record<string, unknown>,
  metrics: Evidence["metrics"] = {}
): Evidence {
  return { values: { ...base.values, ...values }, metrics: { ...base.metrics, ...metrics } };
}

describe("huining-2020: scoring", () => {
  test("(1) everything met: 100 base, 10 bonus; item 3's four parts give 8, capped at its 5", () => {
    const score = scoreRubric(rubric, allMet);
    // 1.1: 1+1+1+2 = 5 (L17–L23)          1.2: 2+3+5 = 10 (L31–L35)
    // 1.3: 2+2+2+2 = 8 → capped at 5       1.4: 8 (L57–L59)
    // 1.5: 4+4 = 8                         1.6: 4+3+3 = 10
    // 1.7: 2 + 8 (0 小区 unfulfilled) + 13 (0 shortfalls) + 0 (0 surplus) + 7 (12/20 = 60%) = 30
    // 1.8: 3+2+1+1+1 = 8                   1.9: 3 + 3 (60%) + 4 (80%) = 10     1.10: 2+2+2 = 6
    // total 5+10+5+8+8+10+30+8+10+6 = 100; bonus 5+5 = 10
    expect(score.total).toBe(100);
    expect(score.max).toBe(100);
    expect(score.bonus).toEqual({ score: 10, max: 10 });
    expect(indicatorScores(score)).toEqual({
      "1.1": 5,
      "1.2": 10,
      "1.3": 5,
      "1.4": 8,
      "1.5": 8,
      "1.6": 10,
      "1.7": 30,
      "1.8": 8,
      "1.9": 10,
      "1.10": 6,
      "bonus.1": 0,
    });
    const item3 = indicatorScore(score, "1.3");
    expect(item3.raw).toBe(8);
    expect(item3.score).toBe(5);
    expect(item3.explain).toContain("按 5 分计");
    expect(indicatorScore(score, "bonus.1").bonus).toEqual({ score: 10, max: 10 });
    for (const t of score.thresholds.filter((t) => t.from === "criterion"))
      expect(t.met).toBe(true);
  });

  test("(2) nothing entered: 0 base, 0 bonus, every threshold not yet known", () => {
    const score = scoreRubric(rubric, {});
    // No criterion has evidence: flags, thresholds, deductions, perItem and judged all score 0 (status missing).
    expect(score.total).toBe(0);
    expect(score.bonus).toEqual({ score: 0, max: 10 });
    for (const value of Object.values(indicatorScores(score))) expect(value).toBe(0);
    for (const category of score.categories) {
      for (const indicator of category.indicators)
        for (const c of indicator.criteria) expect(c.status).toBe("missing");
    }
    // 7 criterion thresholds + 7 targets, none entered.
    expect(score.thresholds).toHaveLength(14);
    for (const t of score.thresholds) expect(t.met).toBeNull();
  });

  test("(3) a realistic mix: 72 base, 8.5 bonus", () => {
    const evidence: Evidence = {
      values: {
        "1.1.a": "是",
        "1.1.b": "是",
        "1.1.c": "否",
        "1.1.d": "是",
        "1.2.a": "是",
        "1.3.a": "是",
        "1.3.c": "是",
        "1.3.d": "否",
        "1.4.a": "是",
        "1.5.a": "是",
        "1.6.a": "是",
        "1.6.b": "是",
        "1.6.c": "否",
        "1.7.a": "是",
        "1.7.b": 1 /* 小区未落实 */,
        "1.7.c": 2 /* shortfalls */,
        "1.8.a": "是",
        "1.8.b": "是",
        "1.8.c": "否",
        "1.8.d": "否",
        "1.8.e": "是",
        "1.9.a": "是",
        "1.10.a": "是",
        "1.10.b": "是",
        "1.10.c": "否",
        "bonus.1.a": 3.5,
        "bonus.1.b": 5,
      },
      metrics: {
        "central-fund-execution-progress": 0.45,
        "lottery-fund-elderly-care-share": 72,
        "supervision-rounds-per-year": 1,
        "brand-providers-fostered": 1,
        "active-station-share": { numerator: 11, denominator: 20 },
        "four-batches-rate": "65%",
        "three-ones-visit-rate": 0.75,
        "care-staff-training-rate": 0.99,
      },
    };
    const score = scoreRubric(rubric, evidence);
    // 1.1: L17 是 1 + L19 是 1 + L21 否 0 + L23 是 2                                      = 4
    // 1.2: L31 是 2 + L33 执行进度 45% < 50% → 0 of 3 + L35 福彩公益金 72% ≥ 70% → 5         = 7
    // 1.3: L43 是 2 + L45 1次 < 2次 → 0 + L47 是 2 + L49 否 0 = 4 (≤ 5, no cap)            = 4
    // 1.4: L57–L59 是                                                                   = 8
    // 1.5: L72 是 4 + L74 1家 ≥ 1家 → 4                                                  = 8
    // 1.6: L86 是 4 + L88 是 3 + L90 否 0                                                = 7
    // 1.7: L100 是 2 + L101 8 − 1×1 = 7 + L103–L105 13 − 2×2 = 9 + surplus none 0
    //      + L107 11/20 = 55% < 60% → 0                                                 = 18
    // 1.8: L115 是 3 + L119 是 2 + L123 否 0 + L125 否 0 + L127 是 1                       = 6
    // 1.9: L139 是 3 + L141 65% ≥ 60% → 3 + L143 75% < 80% → 0                            = 6
    // 1.10: L155 是 2 + L159 是 2 + L161 否 0                                            = 4
    // total 4+7+4+8+8+7+18+6+6+4 = 72; bonus L171 3.5 + L173 5 = 8.5
    expect(indicatorScores(score)).toEqual({
      "1.1": 4,
      "1.2": 7,
      "1.3": 4,
      "1.4": 8,
      "1.5": 8,
      "1.6": 7,
      "1.7": 18,
      "1.8": 6,
      "1.9": 6,
      "1.10": 4,
      "bonus.1": 0,
    });
    expect(score.total).toBe(72);
    expect(score.bonus).toEqual({ score: 8.5, max: 10 });

    const item7 = indicatorScore(score, "1.7");
    expect(item7.criteria.map((c) => c.points)).toEqual([2, 7, 9, 0, 0]);
    expect(item7.criteria[3].status).toBe("missing");

    const item2 = indicatorScore(score, "1.2");
    expect(item2.criteria[1]).toMatchObject({
      points: 0,
      status: "unmet",
      threshold: { metric: "central-fund-execution-progress", value: 0.45, met: false },
    });
    expect(item2.criteria[2]).toMatchObject({ points: 5, status: "met" });

    const status = (ref: string) => score.thresholds.find((t) => t.ref === ref)!;
    expect(status("1.2.b")).toMatchObject({
      met: false,
      value: 0.45,
      boundText: "≥50%",
      from: "criterion",
    });
    expect(status("1.2.c")).toMatchObject({ met: true, value: 0.72, boundText: "≥70%" });
    expect(status("1.3.b")).toMatchObject({ met: false, value: 1, boundText: "≥2次" });
    // The same 65% meets item 9's 60% but not the two-year target's 80% (L141, L146).
    expect(status("1.9.b")).toMatchObject({ met: true, boundText: "≥60%" });
    expect(status("four-batches-rate")).toMatchObject({
      met: false,
      boundText: "≥80%",
      from: "target",
    });
    expect(status("care-staff-training-rate")).toMatchObject({ met: true, boundText: "≥98%" });
    expect(status("pilot-fund-execution-rate").met).toBeNull();
    // "65%" typed as text is read, and flagged.
    expect(score.problems).toContainEqual({ code: "number-as-text", ref: "four-batches-rate" });

    const bonus = indicatorScore(score, "bonus.1");
    expect(bonus.criteria.map((c) => c.points)).toEqual([3.5, 5]);
    expect(bonus.bonus).toEqual({ score: 8.5, max: 10 });
  });

  test("item 7: 0 shortfalls and 3 surplus stations with everything else met → raw 33, clamped to 30", () => {
    // 1.7: L100 2 + L101 8 + L103–L105 13 − 0 = 13 + surplus 3×1 = 3 + L107 7 = 33 > 30 → 30
    const score = scoreRubric(rubric, withValues(allMet, { "1.7.c": 0, "1.7.d": { surplus: 3 } }));
    const item7 = indicatorScore(score, "1.7");
    expect(item7.criteria.map((c) => c.points)).toEqual([2, 8, 13, 3, 7]);
    expect(item7.raw).toBe(33);
    expect(item7.score).toBe(30);
    expect(item7.explain).toContain("超过本项分值 30 分，按 30 分计");
    // The surplus is not bonus: the base total stays 100, the bonus 10.
    expect(score.total).toBe(100);
    expect(score.bonus.score).toBe(10);
  });

  test("item 7: the surplus makes up for shortfalls below the cap", () => {
    // 1.7: L100 2 + L101 8 + L103–L105 13 − 2×2 = 9 + surplus 3 (entered as a plain number) + L107 50% < 60% → 0 = 22
    const score = scoreRubric(
      rubric,
      withValues(allMet, { "1.7.c": 2, "1.7.d": 3 }, { "active-station-share": 0.5 })
    );
    const item7 = indicatorScore(score, "1.7");
    expect(item7.criteria.map((c) => c.points)).toEqual([2, 8, 9, 3, 0]);
    expect(item7.score).toBe(22);
    // 100 − (30 − 22) = 92
    expect(score.total).toBe(92);
  });

  test("item 7: deductions stop at zero (新建居住小区 9 unfulfilled → 0 of 8; 7 stations short → 0 of 13)", () => {
    const score = scoreRubric(rubric, withValues(allMet, { "1.7.b": 9, "1.7.c": 7 }));
    const item7 = indicatorScore(score, "1.7");
    // L100 2 + L101 max(0, 8 − 9) = 0 + L103–L105 max(0, 13 − 14) = 0 + 0 + L107 7 = 9
    expect(item7.criteria.map((c) => c.points)).toEqual([2, 0, 0, 0, 7]);
    expect(item7.score).toBe(9);
  });

  test.each([[45], [0.45], ["45%"]])(
    "执行进度 entered as %p is 45%: below 50%, 0 of 3",
    (entered) => {
      const score = scoreRubric(
        rubric,
        withValues(allMet, {}, { "central-fund-execution-progress": entered })
      );
      expect(indicatorScore(score, "1.2").score).toBe(7);
      expect(score.total).toBe(97);
    }
  );

  test("a bonus judgement above 5 counts as 5 and is reported; off the 0.5 step rounds down", () => {
    const score = scoreRubric(rubric, withValues(allMet, { "bonus.1.a": 6, "bonus.1.b": 3.7 }));
    const bonus = indicatorScore(score, "bonus.1");
    expect(bonus.criteria.map((c) => c.points)).toEqual([5, 3.5]);
    expect(score.bonus.score).toBe(8.5);
    expect(score.problems.map((p) => p.code + "@" + p.ref)).toEqual([
      "out-of-range@bonus.1.a",
      "step@bonus.1.b",
    ]);
  });
});
