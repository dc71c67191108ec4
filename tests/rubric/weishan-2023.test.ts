/**
 * 微山 2023: 微政办字〔2023〕29号 附件2 “微山县养老服务体系创新示范县创建工作任务分解表” as data.
 * Every expected number below is written from the document (seed 000_6bbbfbb2ef37f628.txt) and
 * computed by hand in the comments, indicator by indicator, quoting the rule.
 */
import type { Evidence, IndicatorScore, RubricScore } from "../../src/rubric/engine";
import { scoreRubric } from "../../src/rubric/engine";
import type { Indicator, Rubric } from "../../src/rubric/schema";
import { checkRubric, formatRubricErrors, loadRubric } from "../../src/rubric/validate";
import weishanData from "../../src/rubric/builtin/weishan-2023.json";
import sdData from "../../src/rubric/builtin/sd-2023.json";

const rubric: Rubric = loadRubric(weishanData);

function indicator(id: string): Indicator {
  for (const c of rubric.categories) for (const i of c.indicators) if (i.id === id) return i;
  throw new Error("no indicator " + id);
}

function scored(result: RubricScore, id: string): IndicatorScore {
  for (const c of result.categories) for (const i of c.indicators) if (i.id === id) return i;
  throw new Error("no indicator " + id);
}

function categoryScores(result: RubricScore): number[] {
  return result.categories.map((c) => c.score);
}

describe("weishan-2023: the task-breakdown table as the document prints it", () => {
  test("passes checkRubric", () => {
    const result = checkRubric(weishanData);
    if (!result.ok) throw new Error(formatRubricErrors(result.errors));
    expect(result.ok).toBe(true);
  });

  test("header fields", () => {
    expect(rubric.id).toBe("weishan-2023");
    expect(rubric.title).toBe("微山县养老服务体系创新示范县创建工作任务分解表");
    expect(rubric.document).toBe("微政办字〔2023〕29号 附件2");
    expect(rubric.region).toBe("微山县");
    expect(rubric.year).toBe(2023);
    expect(rubric.layout).toBe("task-breakdown");
    expect(rubric.points).toBe(100);
    expect(rubric.bonus).toBe(0);
    expect(rubric.step).toBe(0.5);
    expect(rubric.source.file).toBe("000_6bbbfbb2ef37f628.txt");
    expect(rubric.discrepancies).toEqual([]);
  });

  test("7 categories, 31 indicators, the points of the 得分 column", () => {
    expect(rubric.categories).toHaveLength(7);
    expect(rubric.categories.reduce((n, c) => n + c.indicators.length, 0)).toBe(31);
    // The table prints no category points; the 得分 column, row by row:
    expect(rubric.categories.map((c) => c.indicators.map((i) => i.points))).toEqual([
      [4, 8, 3, 3], // 4+8+3+3 = 18
      [5, 2, 4], // = 11
      [3, 3, 2, 3, 2, 2, 2, 2], // = 19
      [3, 3, 3, 2, 3], // = 14
      [2, 2, 2, 2, 3, 3], // = 14
      [3, 3, 5, 3], // = 14
      [10], // = 10
    ]);
    expect(rubric.categories.map((c) => c.points)).toEqual([18, 11, 19, 14, 14, 14, 10]);
    expect(rubric.categories.reduce((n, c) => n + c.points, 0)).toBe(100);
    expect(rubric.categories.map((c) => c.heading)).toEqual([
      "一、强化保障机制",
      "二、完善支持政策",
      "三、健全服务制度",
      "四、增加有效供给",
      "五、提升服务质量",
      "六、创新体制机制",
      "七、加强特色创新",
    ]);
    expect(rubric.categories.map((c) => c.title)).toEqual([
      "强化保障机制",
      "完善支持政策",
      "健全服务制度",
      "增加有效供给",
      "提升服务质量",
      "创新体制机制",
      "加强特色创新",
    ]);
  });

  test("ids, numbers and places", () => {
    expect(indicator("1.1").number).toBe("1");
    expect(indicator("3.6").number).toBe("6");
    expect(indicator("7.1").number).toBeUndefined();
    expect(indicator("1.1").source).toEqual({ file: "000_6bbbfbb2ef37f628.txt", place: "附件2 表，第94行" });
    expect(indicator("2.1").source.place).toBe("附件2 表，第126行");
    expect(indicator("2.3").source.place).toBe("附件2 表，第143行");
    expect(indicator("6.2").source.place).toBe("附件2 表，第321行");
    expect(indicator("7.1").source.place).toBe("附件2 表，第348行");
  });

  test("texts are verbatim, in 微山's own wording", () => {
    expect(indicator("1.2").text).toBe("将养老服务经费列入当地财政预算，统筹安排养老服务发展资金。");
    expect(indicator("1.4").rule).toBe(
      "以党委或政府名义制定县域养老服务体系示范创建方案的得2分，2019年以来推动养老服务发展的综合性文件得1分。"
    );
    expect(indicator("2.1").rule).toBe(
      "民政部门纳入当地国土空间规划委员会得1分，编制“十四五”养老服务发展规划得2分、编制养老服务设施布局规划得2分，未纳入、未编制均不得分。"
    );
    expect(indicator("3.8").rule).toBe("建立和实施职工长期护理保险制度得0.5分，拓展到城乡居民加1.5分。");
    expect(indicator("4.3").rule).toBe("根据覆盖率进行打分。");
    expect(indicator("6.2").rule).toBe("出台品牌建设文件得1分，剩余2分根据工作开展效果进行评分。");
  });

  test("检查办法, 牵头单位 and 责任单位 on every row", () => {
    for (const c of rubric.categories) {
      for (const i of c.indicators) {
        expect(i.check).toMatch(/^查阅资料(\n(实地查看|个别访谈))?$/);
        expect(i.lead).toBeTruthy();
        expect(i.responsible).toBeTruthy();
        expect(i.lead).not.toContain("牵头单位");
        expect(i.responsible).not.toContain("责任单位");
      }
    }
    expect(indicator("1.1")).toMatchObject({ check: "查阅资料", lead: "县民政局", responsible: "县领导小组各成员单位" });
    expect(indicator("1.2")).toMatchObject({ lead: "县财政局", responsible: "县民政局，各乡镇（街道）" });
    expect(indicator("2.2").check).toBe("查阅资料\n实地查看");
    expect(indicator("3.2").check).toBe("查阅资料\n个别访谈");
    expect(indicator("2.3").responsible).toBe(
      "县教育和体育局、县财政局、县人力资源社会保障局、县自然资源和规划局、县卫生健康局、县医保局、县税务局、县金融服务中心、县农商行"
    );
    expect(indicator("3.8").lead).toBe("县医保局");
    expect(indicator("4.4").responsible).toBe("县委宣传部，各乡镇（街道）");
    expect(indicator("7.1")).toMatchObject({ check: "查阅资料\n实地查看", lead: "县民政局", responsible: "县领导小组成员单位，各乡镇（街道）" });
  });

  test("every criterion quotes its own rule", () => {
    for (const c of rubric.categories) {
      for (const i of c.indicators) {
        for (const criterion of i.criteria) expect(i.rule).toContain(criterion.text);
      }
    }
  });

  test("微山's own splits and conditions", () => {
    const shape = (id: string) =>
      indicator(id).criteria.map((c) => {
        if (c.kind === "choice") return "choice:" + c.options.map((o) => o.points).join("/");
        if (c.kind === "perItem") return "perItem:" + c.items.map((i) => i.each).join("/") + "≤" + c.cap;
        if (c.kind === "gate") return "gate";
        return c.kind + ":" + c.points;
      });
    // 民政部门纳入当地国土空间规划委员会得1分，编制“十四五”…得2分、编制…布局规划得2分
    expect(shape("2.1")).toEqual(["flag:1", "flag:2", "flag:2"]);
    expect(indicator("2.1").criteria.map((c) => c.text)).toEqual([
      "民政部门纳入当地国土空间规划委员会得1分",
      "编制“十四五”养老服务发展规划得2分",
      "编制养老服务设施布局规划得2分",
    ]);
    // 拓展到城乡居民“加”1.5分: only on top of the 职工 scheme.
    expect(shape("3.8")).toEqual(["flag:0.5", "flag:1.5"]);
    expect(indicator("3.8").criteria[1].requires).toBe("a");
    expect(shape("1.1")).toEqual(["flag:2", "choice:1/0.5", "flag:1"]);
    expect(shape("4.3")).toEqual(["scaled:3"]);
    expect(shape("5.3")).toEqual(["flag:2", "gate"]);
    expect(shape("6.1")).toEqual(["threshold:1", "choice:2/1/0.5"]);
    expect(shape("7.1")).toEqual(["perItem:2/0.5≤10"]);
  });

  test("the plan's own targets", () => {
    const targets = Object.fromEntries(rubric.targets.map((t) => [t.id, [t.metric, t.bound.op, t.bound.value]]));
    expect(targets).toEqual({
      "new-community-facility": ["new-community-facility-rate", ">=", 1],
      "centralized-support": ["centralized-support-rate", ">=", 0.6],
      "monthly-visit": ["monthly-visit-rate", ">=", 1],
      "home-adaptation": ["home-adaptation-households", ">=", 190],
      "nursing-home-upgrades": ["nursing-home-upgrades", ">=", 2],
      "regional-centers": ["regional-centers", ">=", 4],
      "community-facility": ["community-facility-compliance-rate", ">=", 1],
      "family-care-beds": ["family-care-beds", ">=", 80],
      "institution-registration": ["institution-registration-rate", ">=", 1],
      "service-safety-compliance": ["service-safety-compliance-rate", ">=", 1],
      "service-quality-compliance": ["service-quality-compliance-rate", ">=", 1],
      "fire-safety-compliance": ["fire-safety-compliance-rate", ">=", 1],
      "staff-training": ["staff-training-rate", ">=", 1],
      "professional-certified": ["professional-certified-rate", ">=", 1],
      "medical-contract": ["medical-contract-rate", ">=", 1],
    });
    const adaptation = rubric.targets.find((t) => t.id === "home-adaptation")!;
    expect(adaptation.text).toBe("年内完成适老化改造190户");
    expect(adaptation.source).toEqual({ file: "000_6bbbfbb2ef37f628.txt", place: "正文，第35行" });
    expect(rubric.metrics.find((m) => m.id === "home-adaptation-households")!.unit).toBe("户");
  });

  test("the same concepts use the same metric ids as sd-2023", () => {
    const sd = loadRubric(sdData);
    const thresholdMetrics = (r: Rubric) =>
      r.categories.flatMap((c) => c.indicators.flatMap((i) => i.criteria.map((cr) => (cr.kind === "threshold" ? i.id + "." + cr.id + "=" + cr.metric : "")))).filter(Boolean);
    expect(thresholdMetrics(rubric)).toEqual(thresholdMetrics(sd));
    const shared = ["family-care-beds", "staff-training-rate", "professional-certified-rate", "service-safety-compliance-rate"];
    for (const id of shared) {
      expect(rubric.metrics.some((m) => m.id === id)).toBe(true);
      expect(sd.metrics.some((m) => m.id === id)).toBe(true);
    }
  });
});

describe("weishan-2023: scoring evidence", () => {
  /**
   * (1) Everything met, at the top of every range:
   * 1.1 2+1+1=4; 1.2 2+6=8; 1.3 2+1=3; 1.4 2+1=3 → 18
   * 2.1 1+2+2=5; 2.2 1+1=2; 2.3 6 policies×0.5=3 (= 最高得3分) +1 = 4 → 11
   * 3.1 1+1+0.5+0.5=3; 3.2 1+2=3; 3.3 1+1=2; 3.4 2+1=3; 3.5 1.5+0.5=2; 3.6 2; 3.7 1+1=2; 3.8 0.5+1.5=2 → 19
   * 4.1 3; 4.2 3; 4.3 3×100%=3; 4.4 2×100%=2; 4.5 1+2=3 → 14
   * 5.1 2; 5.2 2; 5.3 2; 5.4 2; 5.5 3; 5.6 3 → 14
   * 6.1 1+2=3; 6.2 1+2=3; 6.3 2+3=5; 6.4 2+1=3 → 14
   * 7.1 5 national × 2 = 10 (= 最高得10分) → 10
   * Total 100.
   */
  const full: Evidence = {
    values: {
      "1.1.a": "是", "1.1.b": "党委政府主要负责同志", "1.1.c": "是",
      "1.2.a": "是", "1.2.b": 6,
      "1.3.a": "是", "1.3.b": "是",
      "1.4.a": "是", "1.4.b": "是",
      "2.1.a": "是", "2.1.b": "是", "2.1.c": "是",
      "2.2.b": "是",
      "2.3.a": 6, "2.3.b": "是",
      "3.1.a": "是", "3.1.b": 1, "3.1.c": "是", "3.1.d": "是",
      "3.2.a": "是", "3.2.b": "是",
      "3.3.a": "是",
      "3.4.a": "是", "3.4.b": 1,
      "3.5.a": "是", "3.5.b": 0.5,
      "3.6.a": "是", "3.6.b": 0.5,
      "3.7.a": "是", "3.7.b": 1,
      "3.8.a": "是", "3.8.b": "是",
      "4.1.a": "是", "4.1.c": "是",
      "4.2.b": "是",
      "4.3.a": 1,
      "4.4.a": 1,
      "4.5.a": "是", "4.5.b": 2,
      "5.1.a": "是",
      "5.3.a": "是",
      "5.4.a": "是", "5.4.b": 1,
      "5.6.a": "是", "5.6.b": "是", "5.6.c": "是",
      "6.1.b": "第一档",
      "6.2.a": "是", "6.2.b": 2,
      "6.3.a": 2, "6.3.b": 3,
      "6.4.a": 2, "6.4.b": 1,
      "7.1.a": { national: 5 },
    },
    metrics: {
      "community-facility-compliance-rate": 1,
      "monthly-visit-rate": 1,
      "nursing-bed-share": 0.7,
      "township-center-coverage": 1,
      "institution-registration-rate": 1,
      "service-safety-compliance-rate": 1,
      "service-quality-compliance-rate": 1,
      "staff-training-rate": 1,
      "caregiver-certification-rate": 0.95,
      "medical-service-coverage": 1,
    },
  };

  test("(1) everything met → 100", () => {
    const result = scoreRubric(rubric, full);
    expect(categoryScores(result)).toEqual([18, 11, 19, 14, 14, 14, 10]);
    expect(result.total).toBe(100);
    expect(scored(result, "2.1").score).toBe(5);
    // 5.3.b (出现安全事故) not answered: read as “did not happen”.
    expect(scored(result, "5.3").gated).toBe(false);
    expect(result.problems).toEqual([]);
  });

  test("(2) nothing entered → 0; everything “否” → 0", () => {
    const empty = scoreRubric(rubric, { values: {}, metrics: {} });
    expect(empty.total).toBe(0);
    expect(categoryScores(empty)).toEqual([0, 0, 0, 0, 0, 0, 0]);

    const values: Record<string, unknown> = {};
    for (const c of rubric.categories) {
      for (const i of c.indicators) {
        for (const cr of i.criteria) {
          const id = i.id + "." + cr.id;
          if (cr.kind === "flag" || cr.kind === "gate") values[id] = "否";
          else if (cr.kind === "choice") values[id] = "否";
          else if (cr.kind === "perItem") values[id] = Object.fromEntries(cr.items.map((item) => [item.id, 0]));
          else values[id] = 0;
        }
      }
    }
    const no = scoreRubric(rubric, { values, metrics: Object.fromEntries(rubric.metrics.map((m) => [m.id, 0])) });
    expect(no.total).toBe(0);
    expect(categoryScores(no)).toEqual([0, 0, 0, 0, 0, 0, 0]);
    expect(scored(no, "5.5").criteria.map((c) => c.explain).join("；")).toContain("未达到≥90%");
  });

  /**
   * (3) A realistic county.
   * 一、强化保障机制
   *  1.1 联席会议 是 → 2; “由党委政府主要负责同志担任组长或召集人的加1分” → 1; “召开年度联席会议的得1分” 是 → 1. = 4
   *  1.2 “列入财政预算得2分” 是 → 2; “其余6分…分档打分” 评定 3.                                          = 5
   *  1.3 “列入党委政府考核得2分” 是 → 2; 为民办实事 否 → 0.                                             = 2
   *  1.4 创建方案 是 → 2; “2019年以来推动养老服务发展的综合性文件得1分” 是 → 1.                          = 3
   *  Category 1 = 4 + 5 + 2 + 3 = 14
   * 二、完善支持政策
   *  2.1 “民政部门纳入当地国土空间规划委员会得1分” 是 → 1; “十四五”规划 是 → 2; 布局规划 否 → 0.        = 3
   *  2.2 配建达标率 100% → 1; 统一标识 是 → 1.                                                          = 2
   *  2.3 3 policies × 0.5 = 1.5; “养老保障贷” 是 → 1.                                                  = 2.5
   *  Category 2 = 3 + 2 + 2.5 = 7.5
   * 三、健全服务制度
   *  3.1 清单 是 → 1; 清单服务内容 评定 1; 专栏 是 → 0.5; 子栏目 是 → 0.5.                               = 3
   *  3.2 高龄津贴 是 → 1; “落实3项制度得2分” 否 → 0.                                                    = 1
   *  3.3 制度 是 → 1; 月探访率 100% → 1.                                                                = 2
   *  3.4 制度 是 → 2; “其余1分…” 评定 0.5.                                                              = 2.5
   *  3.5 制度 是 → 1.5; 剩余0.5分 not entered → 0.                                                      = 1.5
   *  3.6 制度 是 → 1.5; 剩余0.5分 评定 0.5.                                                             = 2
   *  3.7 “出台适老化改造文件得1分” 是 → 1; 完成进度 80%: 1 × 0.8 = 0.8 → 0.5.                           = 1.5
   *  3.8 职工长护险 否 → 0; “拓展到城乡居民加1.5分” 是, but it is a 加 on top of a → 0.                  = 0
   *  Category 3 = 3 + 1 + 2 + 2.5 + 1.5 + 2 + 1.5 + 0 = 13.5
   * 四、增加有效供给
   *  4.1 养老机构 是 → 1; 护理型床位占比 130/200 = 65%, “达到65%以上” → 1; 信息平台 否 → 0.            = 2
   *  4.2 中心覆盖率 80% < 100% → 0; 敬老院二星级 是 → 1.                                                = 1
   *  4.3 覆盖率 100%: 3 × 1 = 3.                                                                        = 3
   *  4.4 覆盖率 50%: 2 × 0.5 = 1.                                                                       = 1
   *  4.5 建设方案 是 → 1; 剩余2分 评定 2.                                                               = 3
   *  Category 4 = 2 + 1 + 3 + 1 + 3 = 10
   * 五、提升服务质量
   *  5.1 机制 否 → 0; 登记备案率 100% → 1.                                                              = 1
   *  5.2 两项达标率 100% → 1 + 1.                                                                       = 2
   *  5.3 落实以上要求 是 → 2; 出现安全事故 否.                                                          = 2
   *  5.4 文件 是 → 1; 活动含金量 评定 1.                                                                = 2
   *  5.5 培训率 98% < 100% → 0; 鉴定率 45/50 = 90%, “达到90%得2分” → 2.                                 = 2
   *  5.6 是/是/是 → 3.                                                                                  = 3
   *  Category 5 = 1 + 2 + 2 + 2 + 2 + 3 = 12
   * 六、创新体制机制
   *  6.1 医疗服务覆盖率 90%, “达不到不得分” → 0; 定点情况 第三档 → 0.5.                                 = 0.5
   *  6.2 品牌建设文件 是 → 1; “剩余2分根据工作开展效果进行评分” 评定 1.5.                                = 2.5
   *  6.3 连锁化 评定 2; 一体化托管 评定 1.                                                              = 3
   *  6.4 布局、委托运营率 评定 1; 数量占比 100%: 1 × 1 = 1.                                             = 2
   *  Category 6 = 0.5 + 2.5 + 3 + 2 = 8
   * 七、加强特色创新
   *  7.1 1 work praised at 省级及以上 × 2 = 2; 5 provincial-media reports × 0.5 = 2.5.                  = 4.5
   * Total = 14 + 7.5 + 13.5 + 10 + 12 + 8 + 4.5 = 69.5
   */
  const mix: Evidence = {
    values: {
      "1.1.a": "是", "1.1.b": "党委政府主要负责同志", "1.1.c": "是",
      "1.2.a": "是", "1.2.b": 3,
      "1.3.a": "是", "1.3.b": "否",
      "1.4.a": "是", "1.4.b": "是",
      "2.1.a": "是", "2.1.b": "是", "2.1.c": "否",
      "2.2.b": "是",
      "2.3.a": 3, "2.3.b": "是",
      "3.1.a": "是", "3.1.b": 1, "3.1.c": "是", "3.1.d": "是",
      "3.2.a": "是", "3.2.b": "否",
      "3.3.a": "是",
      "3.4.a": "是", "3.4.b": 0.5,
      "3.5.a": "是",
      "3.6.a": "是", "3.6.b": 0.5,
      "3.7.a": "是", "3.7.b": 0.8,
      "3.8.a": "否", "3.8.b": "是",
      "4.1.a": "是", "4.1.c": "否",
      "4.2.b": "是",
      "4.3.a": 1,
      "4.4.a": 0.5,
      "4.5.a": "是", "4.5.b": 2,
      "5.1.a": "否",
      "5.3.a": "是", "5.3.b": "否",
      "5.4.a": "是", "5.4.b": 1,
      "5.6.a": "是", "5.6.b": "是", "5.6.c": "是",
      "6.1.b": "第三档",
      "6.2.a": "是", "6.2.b": 1.5,
      "6.3.a": 2, "6.3.b": 1,
      "6.4.a": 1, "6.4.b": 1,
      "7.1.a": { national: 1, "provincial-media": 5 },
    },
    metrics: {
      "community-facility-compliance-rate": 1,
      "monthly-visit-rate": { numerator: 210, denominator: 210 },
      "nursing-bed-share": { numerator: 130, denominator: 200 },
      "township-center-coverage": 0.8,
      "institution-registration-rate": 1,
      "service-safety-compliance-rate": 1,
      "service-quality-compliance-rate": 1,
      "staff-training-rate": 98,
      "caregiver-certification-rate": { numerator: 45, denominator: 50 },
      "medical-service-coverage": 0.9,
      "home-adaptation-households": 150,
      "centralized-support-rate": 0.62,
      "family-care-beds": 80,
    },
  };

  test("(3) a realistic county → 69.5", () => {
    const result = scoreRubric(rubric, mix);
    expect(categoryScores(result)).toEqual([14, 7.5, 13.5, 10, 12, 8, 4.5]);
    expect(result.total).toBe(69.5);

    expect(scored(result, "1.1").score).toBe(4);
    expect(scored(result, "2.1").criteria.map((c) => c.points)).toEqual([1, 2, 0]);
    expect(scored(result, "2.1").score).toBe(3);

    const i38 = scored(result, "3.8");
    expect(i38.score).toBe(0);
    expect(i38.criteria[1].points).toBe(0);
    expect(i38.criteria[1].explain).toContain("须先满足评分项 3.8.a");

    const i41 = scored(result, "4.1");
    expect(i41.criteria[1].points).toBe(1);
    expect(i41.criteria[1].explain).toContain("达到≥65%");
    expect(i41.score).toBe(2);

    expect(scored(result, "4.2").criteria[0].explain).toContain("未达到≥100%");
    expect(scored(result, "3.7").criteria[1].points).toBe(0.5);
    expect(scored(result, "5.5").criteria.map((c) => c.points)).toEqual([0, 2]);
    expect(scored(result, "6.1").score).toBe(0.5);
    expect(scored(result, "6.1").criteria[1].explain).toContain("第三档");
    expect(scored(result, "7.1").criteria[0].explain).toContain("计 4.5 分");
  });

  test("(3) threshold statuses of the mix", () => {
    const result = scoreRubric(rubric, mix);
    const nursing = result.thresholds.find((t) => t.metric === "nursing-bed-share")!;
    expect(nursing).toMatchObject({ name: "护理型床位占比", met: true, boundText: "≥65%", ref: "4.1.b" });
    expect(result.thresholds.find((t) => t.ref === "5.5.a")).toMatchObject({ met: false, boundText: "≥100%" });
    expect(result.thresholds.find((t) => t.ref === "6.1.a")!.met).toBe(false);
    // Targets of the plan text.
    expect(result.thresholds.find((t) => t.ref === "home-adaptation")).toMatchObject({ from: "target", value: 150, met: false, boundText: "≥190户" });
    expect(result.thresholds.find((t) => t.ref === "centralized-support")).toMatchObject({ from: "target", met: true, boundText: "≥60%" });
    expect(result.thresholds.find((t) => t.ref === "family-care-beds")).toMatchObject({ from: "target", met: true, boundText: "≥80张" });
    // The 培训率 100% target repeats 5.5.a's bound, so it is reported once, by the criterion.
    expect(result.thresholds.find((t) => t.ref === "staff-training")).toBeUndefined();
    expect(result.thresholds.filter((t) => t.metric === "staff-training-rate")).toHaveLength(1);
    expect(result.thresholds.find((t) => t.ref === "medical-contract")!.met).toBeNull();
  });
});
