/**
 * 曹县 2023: 附件2 “县域养老服务体系建设指标与评分细则（2023年修订版）” as data.
 * Every expected number below is written from the document (seed 001_b7a273d4f6f65f67.txt) and
 * computed by hand in the comments, indicator by indicator, quoting the rule.
 */
import type { Evidence, IndicatorScore, RubricScore } from "../../src/rubric/engine";
import { scoreRubric } from "../../src/rubric/engine";
import type { Indicator, Rubric } from "../../src/rubric/schema";
import { checkRubric, formatRubricErrors, loadRubric } from "../../src/rubric/validate";
import sdData from "../../src/rubric/builtin/sd-2023.json";
import weishanData from "../../src/rubric/builtin/weishan-2023.json";

const rubric: Rubric = loadRubric(sdData);

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

describe("sd-2023: the rubric as the document prints it", () => {
  test("passes checkRubric", () => {
    const result = checkRubric(sdData);
    if (!result.ok) throw new Error(formatRubricErrors(result.errors));
    expect(result.ok).toBe(true);
  });

  test("header fields", () => {
    expect(rubric.id).toBe("sd-2023");
    expect(rubric.title).toBe("县域养老服务体系建设指标与评分细则（2023年修订版）");
    expect(rubric.document).toBe("曹县养老服务体系创新示范县创建实施方案 附件2");
    expect(rubric.region).toBe("曹县");
    expect(rubric.year).toBe(2023);
    expect(rubric.layout).toBe("scoring");
    expect(rubric.points).toBe(100);
    expect(rubric.bonus).toBe(0);
    expect(rubric.step).toBe(0.5);
    expect(rubric.source.file).toBe("001_b7a273d4f6f65f67.txt");
    expect(rubric.discrepancies).toEqual([]);
  });

  test("7 categories, 31 indicators, the points of the document", () => {
    expect(rubric.categories).toHaveLength(7);
    expect(rubric.categories.reduce((n, c) => n + c.indicators.length, 0)).toBe(31);
    expect(rubric.categories.map((c) => c.indicators.length)).toEqual([4, 3, 8, 5, 6, 4, 1]);
    // "(共18分)" … "(共10分)" in the 一级指标 column.
    expect(rubric.categories.map((c) => c.points)).toEqual([18, 11, 19, 14, 14, 14, 10]);
    expect(rubric.categories.map((c) => c.title)).toEqual([
      "强化保障机制",
      "完善支持政策",
      "健全服务制度",
      "增加有效供给",
      "提升服务质量",
      "创新体制机制",
      "加强特色创新",
    ]);
    expect(rubric.categories.map((c) => c.heading)).toEqual([
      "一、强化保障机制 (共18分)",
      "二、完善支持政策 (共11分)",
      "三、健全服务制度 (共19分)",
      "四、增加有效供给 (共14分)",
      "五、提升服务质量 (共14分)",
      "六、创新体制机制 (共14分)",
      "七、加强特色创新 (共10分)",
    ]);
    // The 分值 column, row by row.
    expect(rubric.categories.map((c) => c.indicators.map((i) => i.points))).toEqual([
      [4, 8, 3, 3],
      [5, 2, 4],
      [3, 3, 2, 3, 2, 2, 2, 2],
      [3, 3, 3, 2, 3],
      [2, 2, 2, 2, 3, 3],
      [3, 3, 5, 3],
      [10],
    ]);
    const total = rubric.categories.reduce((n, c) => n + c.points, 0);
    expect(total).toBe(100);
  });

  test("ids, numbers and places", () => {
    expect(rubric.categories.map((c) => c.id)).toEqual(["1", "2", "3", "4", "5", "6", "7"]);
    expect(indicator("3.8").number).toBe("8");
    expect(indicator("7.1").number).toBeUndefined();
    expect(indicator("1.1").source).toEqual({ file: "001_b7a273d4f6f65f67.txt", place: "附件2 表，第129行" });
    expect(indicator("3.1").source.place).toBe("附件2 表，第137行");
    expect(indicator("4.2").source.place).toBe("附件2 表，第147行");
    expect(indicator("5.6").source.place).toBe("附件2 表，第157行");
    expect(indicator("7.1").source.place).toBe("附件2 表，第162行");
  });

  test("texts are verbatim, only the PDF's spaces between CJK and digits removed", () => {
    expect(indicator("1.1").text).toBe("建立党委政府领导、民政牵头、部门参与的养老服务联席会议制度，发挥联席会议制度作用。");
    expect(indicator("1.1").rule).toBe(
      "建立联席会议或议事协调机构的得2分，其中，由党委政府主要负责同志担任组长或召集人的加1分，由党委政府负责同志担任组长或召集人的加0.5分；召开年度联席会议的得1分。"
    );
    expect(indicator("1.4").text).toBe(
      "以党委或政府名义制定县域养老服务体系示范创建方案，2019年以来出台推动养老服务发展的综合性文件。"
    );
    // The document's own typo "出合" (for 出台) and its half-width commas are kept.
    expect(indicator("3.7").rule).toBe("出合适老化改造文件得1分,剩余1分根据“十四五”改造任务完成进度进行打分。");
    expect(indicator("3.1").rule).toBe(
      "对照《山东省基本养老服务清单》,制定并发布县级基本养老服务清单得1分,剩余1分根据清单服务内容打分;在县级政府网站设立养老服务政务公开专栏得0.5分,子栏目设置科学合理、政务公开及时规范,得0.5分。"
    );
    expect(indicator("5.2").rule).toBe(
      "《养老机构基本安全服务规范》达标率达到100%得1分,《养老机构服务质量基本规范》达标率达到100%得1分,达不到均不得分。"
    );
    expect(indicator("7.1").text).toBe(
      "鼓励各地结合自身实际，围绕养老服务的不同领域、不同侧面，以及制约当地养老服务发展的难点、重点、堵点问题，加强探索创新，形成各具特色、务实管用的经验做法。"
    );
    const cjkDigitSpace = /[\u4e00-\u9fff，。、；：“”（）《》] +[0-9]|[0-9%] +[\u4e00-\u9fff，。、；：“”（）《》]/;
    for (const c of rubric.categories) {
      expect(c.heading).not.toMatch(cjkDigitSpace);
      for (const i of c.indicators) {
        expect(i.text).not.toMatch(cjkDigitSpace);
        expect(i.rule).not.toMatch(cjkDigitSpace);
      }
    }
  });

  test("every criterion quotes its own rule", () => {
    for (const c of rubric.categories) {
      for (const i of c.indicators) {
        for (const criterion of i.criteria) expect(i.rule).toContain(criterion.text);
      }
    }
  });

  test("criteria kinds and points, as the rules state them", () => {
    const shape = (id: string) =>
      indicator(id).criteria.map((c) => {
        if (c.kind === "choice") return "choice:" + c.options.map((o) => o.points).join("/");
        if (c.kind === "perItem") return "perItem:" + c.items.map((i) => i.each).join("/") + "≤" + c.cap;
        if (c.kind === "gate") return "gate";
        return c.kind + ":" + c.points;
      });
    // 建立联席会议…得2分，其中主要负责同志加1分、负责同志加0.5分；召开年度联席会议的得1分。
    expect(shape("1.1")).toEqual(["flag:2", "choice:1/0.5", "flag:1"]);
    expect(indicator("1.1").criteria[1].requires).toBe("a");
    // 列入财政预算的得2分，其余6分…分档打分。
    expect(shape("1.2")).toEqual(["flag:2", "judged:6"]);
    expect(shape("2.1")).toEqual(["flag:2", "flag:3"]);
    expect(shape("2.2")).toEqual(["threshold:1", "flag:1"]);
    expect(shape("2.3")).toEqual(["perItem:0.5≤3", "flag:1"]);
    expect(shape("3.1")).toEqual(["flag:1", "judged:1", "flag:0.5", "flag:0.5"]);
    expect(shape("3.2")).toEqual(["flag:1", "flag:2"]);
    expect(shape("3.3")).toEqual(["flag:1", "threshold:1"]);
    expect(shape("3.7")).toEqual(["flag:1", "scaled:1"]);
    expect(shape("3.8")).toEqual(["flag:0.5", "flag:1.5"]);
    expect(indicator("3.8").criteria[1].requires).toBeUndefined(); // 曹县: “拓展到城乡居民得1.5分”
    expect(shape("4.1")).toEqual(["flag:1", "threshold:1", "flag:1"]);
    expect(shape("4.3")).toEqual(["scaled:3"]);
    expect(shape("4.4")).toEqual(["scaled:2"]);
    expect(shape("5.3")).toEqual(["flag:2", "gate"]);
    expect(shape("5.5")).toEqual(["threshold:1", "threshold:2"]);
    expect(shape("6.1")).toEqual(["threshold:1", "choice:2/1/0.5"]);
    expect(shape("6.3")).toEqual(["judged:2", "judged:3"]);
    expect(shape("6.4")).toEqual(["judged:2", "scaled:1"]);
    expect(shape("7.1")).toEqual(["perItem:2/0.5≤10"]);
  });

  test("thresholds read the right metrics and bounds", () => {
    const thresholds: Record<string, [string, number]> = {};
    for (const c of rubric.categories)
      for (const i of c.indicators)
        for (const cr of i.criteria) if (cr.kind === "threshold") thresholds[i.id + "." + cr.id] = [cr.metric, cr.bound.value];
    expect(thresholds).toEqual({
      "2.2.a": ["community-facility-compliance-rate", 1],
      "3.3.b": ["monthly-visit-rate", 1],
      "4.1.b": ["nursing-bed-share", 0.65],
      "4.2.a": ["township-center-coverage", 1],
      "5.1.b": ["institution-registration-rate", 1],
      "5.2.a": ["service-safety-compliance-rate", 1],
      "5.2.b": ["service-quality-compliance-rate", 1],
      "5.5.a": ["staff-training-rate", 1],
      "5.5.b": ["caregiver-certification-rate", 0.9],
      "6.1.a": ["medical-service-coverage", 1],
    });
    const nursing = rubric.metrics.find((m) => m.id === "nursing-bed-share")!;
    expect(nursing).toMatchObject({ name: "护理型床位占比", unit: "%", numerator: "护理型床位数", denominator: "总床位数" });
  });

  test("the plan's own targets", () => {
    const targets = Object.fromEntries(rubric.targets.map((t) => [t.id, [t.metric, t.bound.op, t.bound.value]]));
    expect(targets).toEqual({
      "family-care-beds": ["family-care-beds", ">=", 600],
      "medical-service-coverage": ["medical-service-coverage", ">=", 1],
      "service-safety-compliance": ["service-safety-compliance-rate", ">=", 1],
      "service-quality-compliance": ["service-quality-compliance-rate", ">=", 1],
      "new-community-facility-area": ["new-community-facility-area", ">=", 20],
      "old-community-facility-area": ["old-community-facility-area", ">=", 15],
      "facility-coverage-radius": ["facility-coverage-radius", "<=", 1000],
      "community-facility-compliance": ["community-facility-compliance-rate", ">=", 1],
      "staff-training": ["staff-training-rate", ">=", 1],
      "professional-certified": ["professional-certified-rate", ">=", 1],
    });
    const beds = rubric.targets.find((t) => t.id === "family-care-beds")!;
    expect(beds.text).toBe("到2023年底，建成家庭养老床位600张");
    expect(beds.source).toEqual({ file: "001_b7a273d4f6f65f67.txt", place: "正文，第29行" });
    expect(rubric.metrics.find((m) => m.id === "new-community-facility-area")!.unit).toBe("平方米/百户");
    expect(rubric.metrics.find((m) => m.id === "facility-coverage-radius")!.unit).toBe("米");
  });
});

describe("sd-2023: scoring evidence", () => {
  /**
   * (1) Everything met, at the top of every range. Each indicator gets its full 分值:
   * 1.1 2+1+1=4; 1.2 2+6=8; 1.3 2+1=3; 1.4 2+1=3 → 18
   * 2.1 2+3=5; 2.2 1+1=2; 2.3 8 policies×0.5=4 capped at 最高得3分, +1 = 4 → 11
   * 3.1 1+1+0.5+0.5=3; 3.2 1+2=3; 3.3 1+1=2; 3.4 2+1=3; 3.5 1.5+0.5=2; 3.6 2; 3.7 1+1×100%=2; 3.8 0.5+1.5=2 → 19
   * 4.1 1+1+1=3; 4.2 2+1=3; 4.3 3×100%=3; 4.4 2×100%=2; 4.5 1+2=3 → 14
   * 5.1 2; 5.2 2; 5.3 2 (no 安全事故); 5.4 2; 5.5 1+2=3; 5.6 3 → 14
   * 6.1 1+2 (第一档)=3; 6.2 1+2=3; 6.3 2+3=5; 6.4 2+1×100%=3 → 14
   * 7.1 4 national×2 + 6 provincial×0.5 = 11, capped at 最高得10分 → 10
   * Total 100.
   */
  const full: Evidence = {
    values: {
      "1.1.a": "是", "1.1.b": "党委政府主要负责同志", "1.1.c": "是",
      "1.2.a": "是", "1.2.b": 6,
      "1.3.a": "是", "1.3.b": "是",
      "1.4.a": "是", "1.4.b": "是",
      "2.1.a": "是", "2.1.b": "是",
      "2.2.b": "是",
      "2.3.a": 8, "2.3.b": "是",
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
      "4.3.a": 100,
      "4.4.a": "100%",
      "4.5.a": "是", "4.5.b": 2,
      "5.1.a": "是",
      "5.3.a": "是", "5.3.b": "否",
      "5.4.a": "是", "5.4.b": 1,
      "5.6.a": "是", "5.6.b": "是", "5.6.c": "是",
      "6.1.b": "第一档",
      "6.2.a": "是", "6.2.b": 2,
      "6.3.a": 2, "6.3.b": 3,
      "6.4.a": 2, "6.4.b": 1,
      "7.1.a": { national: 4, "provincial-media": 6 },
    },
    metrics: {
      "community-facility-compliance-rate": 1,
      "monthly-visit-rate": { numerator: 320, denominator: 320 },
      "nursing-bed-share": { numerator: 700, denominator: 1000 },
      "township-center-coverage": 1,
      "institution-registration-rate": { numerator: 40, denominator: 40 },
      "service-safety-compliance-rate": 1,
      "service-quality-compliance-rate": 100,
      "staff-training-rate": 1,
      "caregiver-certification-rate": { numerator: 92, denominator: 100 },
      "medical-service-coverage": 1,
    },
  };

  test("(1) everything met → 100", () => {
    const result = scoreRubric(rubric, full);
    expect(categoryScores(result)).toEqual([18, 11, 19, 14, 14, 14, 10]);
    expect(result.total).toBe(100);
    expect(result.max).toBe(100);
    expect(scored(result, "2.3").criteria[0].points).toBe(3);
    expect(scored(result, "2.3").criteria[0].explain).toContain("超过上限");
    expect(scored(result, "7.1").score).toBe(10);
    expect(scored(result, "7.1").criteria[0].explain).toContain("计 11 分");
    for (const t of result.thresholds.filter((t) => t.from === "criterion")) expect(t.met).toBe(true);
    // "100%" typed as text is read, and flagged as a number written as text.
    expect(result.problems).toEqual([{ code: "number-as-text", ref: "4.4.a" }]);
  });

  test("(2a) nothing entered → 0", () => {
    const result = scoreRubric(rubric, {});
    expect(result.total).toBe(0);
    expect(categoryScores(result)).toEqual([0, 0, 0, 0, 0, 0, 0]);
    expect(scored(result, "1.1").criteria.map((c) => c.status)).toEqual(["missing", "missing", "missing"]);
    // A gate not answered is read as “did not happen”; it gives no points of its own.
    expect(scored(result, "5.3").gated).toBe(false);
    expect(result.thresholds.find((t) => t.metric === "nursing-bed-share")!.met).toBeNull();
  });

  test("(2b) everything “否” / zero → 0", () => {
    const values: Record<string, unknown> = {};
    for (const c of rubric.categories) {
      for (const i of c.indicators) {
        for (const cr of i.criteria) {
          const id = i.id + "." + cr.id;
          if (cr.kind === "flag" || cr.kind === "gate") values[id] = "否";
          else if (cr.kind === "choice") values[id] = "无";
          else if (cr.kind === "perItem") values[id] = Object.fromEntries(cr.items.map((item) => [item.id, 0]));
          else values[id] = 0;
        }
      }
    }
    const metrics = Object.fromEntries(rubric.metrics.map((m) => [m.id, 0]));
    const result = scoreRubric(rubric, { values, metrics });
    expect(result.total).toBe(0);
    expect(categoryScores(result)).toEqual([0, 0, 0, 0, 0, 0, 0]);
    expect(scored(result, "4.1").criteria[1].explain).toContain("未达到");
    expect(scored(result, "1.1").criteria.map((c) => c.status)).toEqual(["unmet", "unmet", "unmet"]);
  });

  /**
   * (3) A realistic county.
   * 一、强化保障机制
   *  1.1 “建立联席会议或议事协调机构的得2分” 是 → 2; “由党委政府负责同志担任组长或召集人的加0.5分” → 0.5;
   *      “召开年度联席会议的得1分” 否 → 0.                                            = 2.5
   *  1.2 “列入财政预算的得2分” 是 → 2; “其余6分…分档打分” 评定 4 → 4.                  = 6
   *  1.3 “列入党委政府考核得2分” 是 → 2; “列入政府为民办实事工程等工作的得1分” 是 → 1. = 3
   *  1.4 “…示范创建方案的得2分” 是 → 2; “2019年以来出台…综合性文件得1分” 否 → 0.      = 2
   *  Category 1 = 2.5 + 6 + 3 + 2 = 13.5
   * 二、完善支持政策
   *  2.1 “编制‘十四五’养老服务发展规划得2分” 是 → 2; “编制养老服务设施布局规划得3分” 否 → 0.  = 2
   *  2.2 配建达标率 95% < 100% → 0; “实行统一标识得1分” 是 → 1.                        = 1
   *  2.3 5 policies × 0.5 = 2.5 (≤ 最高得3分); “养老保障贷” 否 → 0.                     = 2.5
   *  Category 2 = 2 + 1 + 2.5 = 5.5
   * 三、健全服务制度
   *  3.1 清单 是 → 1; “剩余1分根据清单服务内容打分” 评定 0.5; 专栏 是 → 0.5; 子栏目 否 → 0. = 2
   *  3.2 “建立高龄津贴制度得1分” 是 → 1; “落实3项制度得2分” 是 → 2.                    = 3
   *  3.3 “建立制度得1分” 是 → 1; 月探访率 48/50 = 96% < 100% → 0.                    = 1
   *  3.4 “建立制度得2分” 是 → 2; “其余1分…” 评定 1 → 1.                               = 3
   *  3.5 “建立制度得1.5分” 是 → 1.5; “剩余0.5分…” 评定 0.5.                           = 2
   *  3.6 “建立制度得1.5分” 否 → 0; 剩余0.5分 not entered → 0.                         = 0
   *  3.7 “出合适老化改造文件得1分” 是 → 1; 完成进度 60%: 1 × 0.6 = 0.6 → 0.5 (down to 0.5). = 1.5
   *  3.8 “职工长期护理保险制度得0.5分” 是 → 0.5; “拓展到城乡居民得1.5分” 否 → 0.       = 0.5
   *  Category 3 = 2 + 3 + 1 + 3 + 2 + 0 + 1.5 + 0.5 = 13
   * 四、增加有效供给
   *  4.1 养老机构 是 → 1; 护理型床位占比 60/100 = 60% < 65% → 0; 信息平台 是 → 1.     = 2
   *  4.2 中心覆盖率 100% → 2; “全部敬老院达到二星级及以上标准得1分” 否 → 0.          = 2
   *  4.3 覆盖率 85%: 3 × 0.85 = 2.55 → 2.5.                                            = 2.5
   *  4.4 覆盖率 70%: 2 × 0.7 = 1.4 → 1.                                                = 1
   *  4.5 建设方案 是 → 1; “剩余2分…” 评定 1.5.                                          = 2.5
   *  Category 4 = 2 + 2 + 2.5 + 1 + 2.5 = 10
   * 五、提升服务质量
   *  5.1 机制 是 → 1; 登记备案率 100% → 1.                                              = 2
   *  5.2 安全规范达标率 100% → 1; 质量规范达标率 90% < 100% → 0.                        = 1
   *  5.3 “落实以上要求得2分” 是 → 2, but “出现安全事故的机构不得分” 是 → the whole item 0. = 0
   *  5.4 “出台有关文件得1分” 是 → 1; “剩余1分根据活动含金量” 评定 0.5.                  = 1.5
   *  5.5 培训率 100% → 1; 鉴定率 40/50 = 80% < 90% → 0.                                = 1
   *  5.6 清单制度 是 → 1; 公开收费… 是 → 1; 合同范本 否 → 0.                            = 2
   *  Category 5 = 2 + 1 + 0 + 1.5 + 1 + 2 = 7.5
   * 六、创新体制机制
   *  6.1 医疗服务覆盖率 100% → 1; 定点情况 第二档 → 1.                                 = 2
   *  6.2 品牌建设文件 是 → 1; “剩余2分根据工作开展效果” 评定 1.                         = 2
   *  6.3 连锁化 评定 1; 一体化托管 评定 2.                                               = 3
   *  6.4 布局、委托运营率 评定 1.5; 数量占比 50%: 1 × 0.5 = 0.5.                          = 2
   *  Category 6 = 2 + 2 + 3 + 2 = 9
   * 七、加强特色创新
   *  7.1 3 works praised/printed at 省级及以上 × 2 = 6; 3 provincial-media reports × 0.5 = 1.5. = 7.5
   * Total = 13.5 + 5.5 + 13 + 10 + 7.5 + 9 + 7.5 = 66
   */
  const mix: Evidence = {
    values: {
      "1.1.a": "是", "1.1.b": "党委政府负责同志", "1.1.c": "否",
      "1.2.a": "是", "1.2.b": 4,
      "1.3.a": "是", "1.3.b": "是",
      "1.4.a": "是", "1.4.b": "否",
      "2.1.a": "是", "2.1.b": "否",
      "2.2.b": "是",
      "2.3.a": 5, "2.3.b": "否",
      "3.1.a": "是", "3.1.b": 0.5, "3.1.c": "是", "3.1.d": "否",
      "3.2.a": "是", "3.2.b": "是",
      "3.3.a": "是",
      "3.4.a": "是", "3.4.b": 1,
      "3.5.a": "是", "3.5.b": 0.5,
      "3.6.a": "否",
      "3.7.a": "是", "3.7.b": 0.6,
      "3.8.a": "是", "3.8.b": "否",
      "4.1.a": "是", "4.1.c": "是",
      "4.2.b": "否",
      "4.3.a": 85,
      "4.4.a": 0.7,
      "4.5.a": "是", "4.5.b": 1.5,
      "5.1.a": "是",
      "5.3.a": "是", "5.3.b": "是",
      "5.4.a": "是", "5.4.b": 0.5,
      "5.6.a": "是", "5.6.b": "是", "5.6.c": "否",
      "6.1.b": "第二档",
      "6.2.a": "是", "6.2.b": 1,
      "6.3.a": 1, "6.3.b": 2,
      "6.4.a": 1.5, "6.4.b": 0.5,
      "7.1.a": { national: 3, "provincial-media": 3 },
    },
    metrics: {
      "community-facility-compliance-rate": 0.95,
      "monthly-visit-rate": { numerator: 48, denominator: 50 },
      "nursing-bed-share": { numerator: 60, denominator: 100 },
      "township-center-coverage": 1,
      "institution-registration-rate": 1,
      "service-safety-compliance-rate": 1,
      "service-quality-compliance-rate": 0.9,
      "staff-training-rate": 1,
      "caregiver-certification-rate": { numerator: 40, denominator: 50 },
      "medical-service-coverage": 1,
      "family-care-beds": 450,
      "facility-coverage-radius": 800,
    },
  };

  test("(3) a realistic county → 66", () => {
    const result = scoreRubric(rubric, mix);
    expect(categoryScores(result)).toEqual([13.5, 5.5, 13, 10, 7.5, 9, 7.5]);
    expect(result.total).toBe(66);

    const i11 = scored(result, "1.1");
    expect(i11.score).toBe(2.5);
    expect(i11.criteria.map((c) => c.points)).toEqual([2, 0.5, 0]);
    expect(i11.criteria[1].explain).toContain("党委政府负责同志");

    expect(scored(result, "2.2").criteria[0].explain).toContain("未达到");
    expect(scored(result, "2.3").criteria[0].points).toBe(2.5);

    const i37 = scored(result, "3.7");
    expect(i37.score).toBe(1.5);
    expect(i37.criteria[1].points).toBe(0.5);
    expect(i37.criteria[1].explain).toContain("完成进度 60%");

    const i41 = scored(result, "4.1");
    expect(i41.score).toBe(2);
    expect(i41.criteria[1].points).toBe(0);
    expect(i41.criteria[1].explain).toContain("护理型床位占比 60%");
    expect(i41.criteria[1].explain).toContain("未达到≥65%");

    expect(scored(result, "4.3").score).toBe(2.5);
    expect(scored(result, "4.4").score).toBe(1);

    const i53 = scored(result, "5.3");
    expect(i53.gated).toBe(true);
    expect(i53.raw).toBe(2);
    expect(i53.score).toBe(0);
    expect(i53.explain).toContain("本指标不得分");

    expect(scored(result, "5.5").criteria[1].explain).toContain("未达到≥90%");
    expect(scored(result, "6.1").criteria[1].points).toBe(1);

    const i71 = scored(result, "7.1");
    expect(i71.score).toBe(7.5);
    expect(i71.criteria[0].explain).toContain("计 7.5 分");
  });

  test("(3) threshold statuses of the mix", () => {
    const result = scoreRubric(rubric, mix);
    const nursing = result.thresholds.find((t) => t.metric === "nursing-bed-share")!;
    expect(nursing).toMatchObject({ name: "护理型床位占比", value: 0.6, met: false, boundText: "≥65%", ref: "4.1.b", from: "criterion" });
    const certification = result.thresholds.find((t) => t.ref === "5.5.b")!;
    expect(certification).toMatchObject({ met: false, boundText: "≥90%" });
    expect(certification.value).toBeCloseTo(0.8);
    expect(result.thresholds.find((t) => t.ref === "3.3.b")!.met).toBe(false);
    expect(result.thresholds.find((t) => t.ref === "5.1.b")!.met).toBe(true);
    // Targets of the plan text: 600张 not reached with 450; 覆盖半径 800米 ≤ 1000米 is met.
    const beds = result.thresholds.find((t) => t.ref === "family-care-beds")!;
    expect(beds).toMatchObject({ from: "target", value: 450, met: false, boundText: "≥600张" });
    const radius = result.thresholds.find((t) => t.ref === "facility-coverage-radius")!;
    expect(radius).toMatchObject({ from: "target", met: true, boundText: "≤1000米" });
    // Entered nothing for the 每百户 areas: not met, not unmet.
    expect(result.thresholds.find((t) => t.ref === "new-community-facility-area")!.met).toBeNull();
  });
});

describe("sd-2023 and weishan-2023 differ where the documents differ", () => {
  const weishan = loadRubric(weishanData);
  const ws = (id: string) => weishan.categories.flatMap((c) => c.indicators).find((i) => i.id === id)!;
  const pointsOf = (i: Indicator) => i.criteria.map((c) => ("points" in c ? c.points : 0));

  test("2.1: 曹县 2+3, 微山 1+2+2", () => {
    expect(pointsOf(indicator("2.1"))).toEqual([2, 3]);
    expect(pointsOf(ws("2.1"))).toEqual([1, 2, 2]);
    expect(indicator("2.1").points).toBe(5);
    expect(ws("2.1").points).toBe(5);
  });

  test("every other indicator is encoded the same way in both", () => {
    const kinds = (i: Indicator) => i.criteria.map((c) => c.kind + ":" + ("points" in c ? c.points : "-") + ":" + ("metric" in c ? c.metric : ""));
    for (const c of rubric.categories) {
      for (const i of c.indicators) {
        if (i.id === "2.1") continue;
        expect([i.id, kinds(ws(i.id))]).toEqual([i.id, kinds(i)]);
      }
    }
  });
});
