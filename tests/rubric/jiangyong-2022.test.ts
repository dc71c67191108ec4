/**
 * 江永县2022年度养老服务真抓实干督查激励工作实施方案（江永民指发〔2022〕01号）, encoded in
 * src/rubric/builtin/jiangyong-2022.json from seed 004_61472d67f48f5709.txt: a plan with targets
 * and no scoring table. Line numbers in the comments ("L79") are the seed file's lines.
 */
import jiangyongData from "../../src/rubric/builtin/jiangyong-2022.json";
import { scoreRubric } from "../../src/rubric/engine";
import { checkRubric, formatRubricErrors, loadRubric } from "../../src/rubric/validate";

const rubric = loadRubric(jiangyongData);

describe("jiangyong-2022: the rubric data", () => {
  test("is accepted by checkRubric", () => {
    const result = checkRubric(jiangyongData);
    if (!result.ok) throw new Error(formatRubricErrors(result.errors));
    expect(result.ok).toBe(true);
  });

  test("a targets-only rubric: no categories, 0 points", () => {
    expect(rubric).toMatchObject({
      id: "jiangyong-2022",
      title: "江永县2022年度养老服务真抓实干督查激励工作实施方案",
      document: "江永民指发〔2022〕01号",
      region: "江永县",
      year: 2022,
      layout: "targets",
      points: 0,
      bonus: 0,
      step: 0.5,
      categories: [],
      discrepancies: [],
      source: { file: "004_61472d67f48f5709.txt" },
    });
  });

  test("every bound the plan states, with its unit and line", () => {
    const unitOf = (metric: string) => rubric.metrics.find((m) => m.id === metric)!.unit;
    const table = rubric.targets.map((t) => [
      t.metric,
      t.bound.op,
      t.bound.value,
      unitOf(t.metric),
      t.source.place,
    ]);
    expect(table).toEqual([
      ["community-facility-coverage", ">=", 1, "%", "第43行"], // 养老服务设施全县城市社区覆盖率达到 100%
      ["extreme-poverty-care-fee", ">=", 800, "元/人·月", "第55行"], // 护理费标准按不低于人均800元/月
      ["institution-operating-funds", ">=", 3000, "元/人·年", "第55行"], // 不低于每人3000元/年 … 运维经费
      ["occupancy-rate", ">=", 0.7, "%", "第59行"], // 富余床位 … 社会老人入住 … 入住率达到 70%以上
      ["day-care-community-coverage", ">=", 1, "%", "第67行"], // 社区日间照料中心覆盖全县 100%城市社区
      ["home-care-service-coverage", ">=", 1, "%", "第69行"], // 居家养老服务覆盖率达到 100%
      ["village-mutual-aid-coverage", ">=", 1, "%", "第71行"], // 全县 112 个村村级互助养老服务全覆盖
      ["new-mutual-aid-model-villages", ">=", 23, "个", "第71行"], // 新增 23 个村 … 示范村设施
      ["disabled-elderly-community-support-rate", ">=", 1, "%", "第71行"], // 社会失能老人社区帮扶率 100%
      ["monthly-visit-rate", ">=", 1, "%", "第71行"], // 特殊困难老人月探访率 100%
      ["medical-contract-rate", ">=", 1, "%", "第75行"], // 养老服务机构与医疗机构签约率100%
      ["centralized-support-rate", ">=", 0.5, "%", "第79行"], // 集中供养率达50%以上
      ["new-bed-share", ">=", 0.3, "%", "第79行"], // 新增床位30%以上
      ["bed-utilization-rate", ">=", 0.8, "%", "第79行"], // 床位利用率达80%以上
      ["pre-job-training-rate", ">=", 1, "%", "第88行"], // 岗前培训率100%
      ["care-worker-training-subsidy-increase", ">=", 0.2, "%", "第92行"], // 支出比例比去年提高20%以上
      ["fire-inspection-rate", ">=", 1, "%", "第98行"], // 消防审验率达100%
      ["food-safety-incidents", "<=", 0, "起", "第98行"], // 养老机构食品安全零事故
    ]);
    for (const t of rubric.targets) expect(t.source.file).toBe("004_61472d67f48f5709.txt");
    expect(rubric.metrics).toHaveLength(rubric.targets.length);
  });

  test("each target's text is the plan's own phrase", () => {
    const text = (metric: string) => rubric.targets.find((t) => t.metric === metric)!.text;
    expect(text("centralized-support-rate")).toBe("集中供养率达50%以上");
    expect(text("extreme-poverty-care-fee")).toBe("特困人员护理费标准按不低于人均800元/月");
    expect(text("village-mutual-aid-coverage")).toBe("全县 112 个村村级互助养老服务全覆盖");
    for (const t of rubric.targets) expect(t.text).toMatch(/\d|零|全覆盖/);
  });
});

describe("jiangyong-2022: scoring", () => {
  const score = scoreRubric(rubric, {
    metrics: {
      "centralized-support-rate": 48, // 48% < 50% → unmet
      "extreme-poverty-care-fee": 820, // 820 ≥ 800 元/人·月 → met
      "institution-operating-funds": "3000元", // read as 3000 (flagged as text) ≥ 3000 → met
      "occupancy-rate": { numerator: 35, denominator: 50 }, // 35/50 = 70% ≥ 70% → met
      "community-facility-coverage": { numerator: 4, denominator: 5 }, // 4 of 5 城市社区 = 80% < 100% → unmet
      "monthly-visit-rate": 100, // 100 is 100% → met
      "food-safety-incidents": 0, // 0 起 ≤ 0 → met
      "fire-inspection-rate": 0.9, // 90% < 100% → unmet
      // every other metric: not entered → met null
    },
  });

  test("no points: total 0 of 0, bonus 0 of 0", () => {
    expect(score.total).toBe(0);
    expect(score.max).toBe(0);
    expect(score.bonus).toEqual({ score: 0, max: 0 });
    expect(score.categories).toEqual([]);
  });

  test("one threshold status per target, met as computed by hand", () => {
    expect(score.thresholds).toHaveLength(rubric.targets.length);
    for (const t of score.thresholds) expect(t.from).toBe("target");
    const met = Object.fromEntries(score.thresholds.map((t) => [t.ref, t.met]));
    expect(met).toEqual({
      "community-facility-coverage": false,
      "extreme-poverty-care-fee": true,
      "institution-operating-funds": true,
      "occupancy-rate": true,
      "day-care-community-coverage": null,
      "home-care-service-coverage": null,
      "village-mutual-aid-coverage": null,
      "new-mutual-aid-model-villages": null,
      "disabled-elderly-community-support-rate": null,
      "monthly-visit-rate": true,
      "medical-contract-rate": null,
      "centralized-support-rate": false,
      "new-bed-share": null,
      "bed-utilization-rate": null,
      "pre-job-training-rate": null,
      "care-worker-training-subsidy-increase": null,
      "fire-inspection-rate": false,
      "food-safety-incidents": true,
    });
  });

  test("bounds and values for people", () => {
    const status = (ref: string) => score.thresholds.find((t) => t.ref === ref)!;
    expect(status("centralized-support-rate")).toMatchObject({
      value: 0.48,
      met: false,
      boundText: "≥50%",
    });
    expect(status("centralized-support-rate").explain).toContain("未达到≥50%");
    expect(status("extreme-poverty-care-fee")).toMatchObject({
      value: 820,
      met: true,
      boundText: "≥800元/人·月",
    });
    expect(status("institution-operating-funds")).toMatchObject({
      value: 3000,
      met: true,
      boundText: "≥3000元/人·年",
    });
    expect(status("community-facility-coverage")).toMatchObject({
      value: 0.8,
      met: false,
      boundText: "≥100%",
    });
    expect(status("food-safety-incidents")).toMatchObject({
      value: 0,
      met: true,
      boundText: "≤0起",
    });
    expect(status("new-bed-share")).toMatchObject({ value: null, met: null, boundText: "≥30%" });
    expect(score.problems).toContainEqual({
      code: "number-as-text",
      ref: "institution-operating-funds",
    });
  });
});
