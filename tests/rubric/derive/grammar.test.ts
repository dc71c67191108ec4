/**
 * The scoring-sentence grammar (src/rubric/derive): against the hand-encoded built-in rubrics
 * (sd-2023, weishan-2023, huining-2020), and construction by construction with hand-written
 * expectations (kind, points, cap/per/bound, span text).
 */
import huiningData from "../../../src/rubric/builtin/huining-2020.json";
import sdData from "../../../src/rubric/builtin/sd-2023.json";
import weishanData from "../../../src/rubric/builtin/weishan-2023.json";
import { maxPointsOf, type Criterion } from "../../../src/rubric/criteria/index";
import { chineseInteger, readChinese } from "../../../src/rubric/numbers";
import {
  EMPTY_RULE_TEXT,
  normalizeRule,
  parseRule,
  tokenize,
  type ParsedRule,
} from "../../../src/rubric/derive/grammar";
import { criterionSchema, type Indicator, type Rubric } from "../../../src/rubric/schema";
import { loadRubric } from "../../../src/rubric/validate";

const rubrics: Rubric[] = [sdData, weishanData, huiningData].map(loadRubric);

function optionsFor(indicator: Indicator) {
  return { points: indicator.points || indicator.bonus || 0, bonus: indicator.bonus, idPrefix: indicator.id };
}

function describeCriterion(c: Criterion): string {
  const max = maxPointsOf(c);
  return c.kind + ":" + (isFinite(max) ? max : "∞");
}

function valid(parsed: ParsedRule): void {
  parsed.criteria.forEach((c, i) => {
    const check = criterionSchema.safeParse(c);
    if (!check.success) throw new Error(c.id + ": " + JSON.stringify(check.error.issues));
    expect(c.id).toBe("abcdefghijklmnopqrstuvwxyz".charAt(i));
    expect(parsed.text.slice(c.span![0], c.span![1])).toBe(c.text);
  });
}

describe("the built-in rubrics, read from their own rule texts", () => {
  interface Row {
    rubric: string;
    indicator: Indicator;
    parsed: ParsedRule;
    ms: number;
  }
  const rows: Row[] = [];

  beforeAll(() => {
    for (const rubric of rubrics)
      for (const category of rubric.categories)
        for (const indicator of category.indicators) {
          const t0 = performance.now();
          const parsed = parseRule(indicator.rule, optionsFor(indicator));
          rows.push({ rubric: rubric.id, indicator, parsed, ms: performance.now() - t0 });
        }
  });

  test("agreement with the hand-encoded criteria (figures printed for the report)", () => {
    let indicatorsAgree = 0;
    let pairs = 0;
    let same = 0;
    let sameText = 0;
    let handCount = 0;
    let thresholds = 0;
    let sameBound = 0;
    const mismatches: string[] = [];
    const totals: string[] = [];
    for (const { rubric, indicator, parsed } of rows) {
      const points = indicator.points || indicator.bonus || 0;
      const bonusItem = !indicator.points && !!indicator.bonus;
      // The hand encoding's own sum: the item's points, or more where the source's parts exceed it (会宁 1.3).
      let handTotal = 0;
      for (const c of indicator.criteria)
        if (!!c.bonus === bonusItem && isFinite(maxPointsOf(c))) handTotal += maxPointsOf(c);
      const ok = parsed.total === points || (parsed.total === handTotal && handTotal > points);
      if (ok) indicatorsAgree++;
      else totals.push(`${rubric} ${indicator.id}: parsed ${parsed.total}, item ${points}`);
      if (parsed.total !== points)
        totals.push(`${rubric} ${indicator.id}: ${parsed.total} > ${points} (parts as written)`);
      const n = Math.max(indicator.criteria.length, parsed.criteria.length);
      handCount += indicator.criteria.length;
      for (let i = 0; i < n; i++) {
        pairs++;
        const hand = indicator.criteria[i];
        const mine = parsed.criteria[i];
        if (hand && mine && hand.kind === mine.kind && maxPointsOf(hand) === maxPointsOf(mine)) same++;
        else
          mismatches.push(
            `${rubric} ${indicator.id}.${hand ? hand.id : mine!.id}: hand ${hand ? describeCriterion(hand) : "—"}, parsed ${mine ? describeCriterion(mine) : "—"}`
          );
        if (hand && mine && hand.text === mine.text) sameText++;
        if (hand && mine && hand.kind === "threshold" && mine.kind === "threshold") {
          thresholds++;
          if (hand.bound.op === mine.bound.op && hand.bound.value === mine.bound.value) sameBound++;
        }
      }
    }
    const share = same / pairs;
    const ms = rows.reduce((s, r) => s + r.ms, 0);
    console.log(
      [
        `grammar vs hand-encoded criteria (sd-2023, weishan-2023, huining-2020):`,
        `  indicators: ${rows.length}; total points agree: ${indicatorsAgree}/${rows.length} (${((100 * indicatorsAgree) / rows.length).toFixed(1)}%)`,
        `  criteria: ${handCount} hand-encoded, ${rows.reduce((s, r) => s + r.parsed.criteria.length, 0)} parsed; same kind and points (paired in order): ${same}/${pairs} (${(100 * share).toFixed(1)}%)`,
        `  same text (span) as the hand encoding: ${sameText}/${handCount}; thresholds with the same bound: ${sameBound}/${thresholds}`,
        `  pending (待确认): ${rows.reduce((s, r) => s + r.parsed.unparsed, 0)}`,
        `  totals differing from the item: ${totals.length ? totals.join("; ") : "none"}`,
        `  mismatches: ${mismatches.length ? "\n    " + mismatches.join("\n    ") : "none"}`,
        `  time to parse all ${rows.length} rules (first pass, cold): ${ms.toFixed(1)} ms`,
      ].join("\n")
    );
    expect(indicatorsAgree).toBe(rows.length);
    expect(share).toBeGreaterThanOrEqual(0.9);
    // What was reached when this test was written: every pair agrees.
    expect(mismatches).toEqual([]);
  });

  test("time to parse all built-in rules again (warm), printed", () => {
    const t0 = performance.now();
    let n = 0;
    for (const { indicator } of rows) {
      parseRule(indicator.rule, optionsFor(indicator));
      n++;
    }
    console.log(`time to parse all ${n} built-in rules (warm): ${(performance.now() - t0).toFixed(1)} ms`);
  });

  test("every parsed criterion is valid, spans equal texts, thresholds reference listed metrics", () => {
    for (const { parsed, indicator } of rows) {
      valid(parsed);
      const ids = parsed.metrics.map((m) => m.id);
      for (const c of parsed.criteria) if (c.kind === "threshold") expect(ids).toContain(c.metric);
      for (const m of parsed.metrics)
        expect(m.id).toMatch(new RegExp("^m-" + indicator.id.replace(".", "-") + "-\\d+$"));
    }
  });

  test("the parts that need one another: 其中 and 加 point to the flag before them", () => {
    const find = (rubric: string, id: string) => rows.find((r) => r.rubric === rubric && r.indicator.id === id)!.parsed;
    expect(find("sd-2023", "1.1").criteria[1]).toMatchObject({
      kind: "choice",
      requires: "a",
      options: [
        { label: "党委政府主要负责同志担任组长或召集人", points: 1 },
        { label: "党委政府负责同志担任组长或召集人", points: 0.5 },
      ],
    });
    expect(find("weishan-2023", "3.8").criteria[1]).toMatchObject({ kind: "flag", points: 1.5, requires: "a" });
    expect(find("sd-2023", "3.8").criteria[1].requires).toBeUndefined();
  });

  test("metrics take their names from the sentence", () => {
    const names = rows.flatMap((r) => r.parsed.metrics.map((m) => m.name + "|" + m.unit));
    expect(names).toEqual(
      expect.arrayContaining([
        "护理型床位占比|%",
        "特殊困难老年人月探访率|%",
        "社区养老服务设施配建达标率|%",
        "区域性养老服务中心或镇综合养老服务中心覆盖率|%",
        "养老机构医疗服务覆盖率|%",
        "中央财政补助资金执行进度|%",
        "本级福利彩票公益金用于养老服务的比例|%",
        "每年开展督促指导工作次数|次",
        "“四个一批”措施落实率|%",
      ])
    );
  });
});

interface Expect {
  kind: Criterion["kind"];
  text: string;
  [field: string]: unknown;
}

interface Case {
  name: string;
  rule: string;
  points: number;
  bonus?: number;
  expected: Expect[];
  total?: number;
}

const cases: Case[] = [
  // ---- awards ----
  {
    name: "…的得N分",
    rule: "建立联席会议或议事协调机构的得2分",
    points: 2,
    expected: [
      { kind: "flag", points: 2, label: "建立联席会议或议事协调机构", text: "建立联席会议或议事协调机构的得2分" },
    ],
  },
  {
    name: "加N分",
    rule: "出台专项扶持文件加1分",
    points: 1,
    expected: [{ kind: "flag", points: 1, text: "出台专项扶持文件加1分" }],
  },
  {
    name: "…得N分、…得N分 (two parts joined by 、)",
    rule: "编制“十四五”养老服务发展规划得2分、编制养老服务设施布局规划得2分",
    points: 4,
    expected: [
      { kind: "flag", points: 2, text: "编制“十四五”养老服务发展规划得2分" },
      { kind: "flag", points: 2, text: "编制养老服务设施布局规划得2分" },
    ],
  },
  {
    name: "每…得N分，最高得M分",
    rule: "每创新出台一项政策得0.5分，最高得3分",
    points: 3,
    expected: [
      {
        kind: "perItem",
        cap: 3,
        unit: "项",
        items: [{ id: "item-1", label: "创新出台政策", each: 0.5 }],
        text: "每创新出台一项政策得0.5分，最高得3分",
      },
    ],
  },
  {
    name: "每…得N分 with no cap: capped at the item's points, noted",
    rule: "每开展一次活动得0.5分",
    points: 2,
    expected: [
      {
        kind: "perItem",
        cap: 2,
        unit: "次",
        text: "每开展一次活动得0.5分",
        note: expect.stringContaining("细则未规定上限"),
      },
    ],
  },
  {
    name: "several kinds of item under one cap",
    rule: "每有一项工作被中央媒体报道得2分，每有一项工作被省级媒体报道得0.5分，同一工作不重复计分，最高得10分。",
    points: 10,
    expected: [
      {
        kind: "perItem",
        cap: 10,
        items: [
          { id: "item-1", label: "工作被中央媒体报道", each: 2 },
          { id: "item-2", label: "工作被省级媒体报道", each: 0.5 },
        ],
        note: expect.stringContaining("不重复计分"),
        text: "每有一项工作被中央媒体报道得2分，每有一项工作被省级媒体报道得0.5分，同一工作不重复计分，最高得10分",
      },
    ],
  },
  {
    name: "达到X%以上得N分",
    rule: "护理型床位占比达到65%以上得1分",
    points: 1,
    expected: [
      { kind: "threshold", points: 1, bound: { op: ">=", value: 0.65 }, text: "护理型床位占比达到65%以上得1分" },
    ],
  },
  {
    name: "达到X%（以上）得N分",
    rule: "养老护理员职业技能鉴定率达到90%（以上）得2分",
    points: 2,
    expected: [
      {
        kind: "threshold",
        points: 2,
        bound: { op: ">=", value: 0.9 },
        text: "养老护理员职业技能鉴定率达到90%（以上）得2分",
      },
    ],
  },
  {
    name: "达到X%得N分 (no 以上)",
    rule: "特殊困难老年人月探访率达到100%得1分",
    points: 1,
    expected: [
      { kind: "threshold", points: 1, bound: { op: ">=", value: 1 }, text: "特殊困难老年人月探访率达到100%得1分" },
    ],
  },
  {
    name: "不少于N户得N分 (a count bound)",
    rule: "家庭养老床位不少于190户得2分",
    points: 2,
    expected: [{ kind: "threshold", points: 2, bound: { op: ">=", value: 190 }, text: "家庭养老床位不少于190户得2分" }],
  },
  {
    name: "根据…覆盖率进行打分，达到100%得1分，达不到不得分",
    rule: "根据养老机构医疗服务覆盖率进行打分，达到100%得1分，达不到不得分",
    points: 1,
    expected: [
      {
        kind: "threshold",
        points: 1,
        bound: { op: ">=", value: 1 },
        label: "养老机构医疗服务覆盖率达到100%",
        note: "达不到不得分",
        text: "根据养老机构医疗服务覆盖率进行打分，达到100%得1分",
      },
    ],
  },
  {
    name: "分A分、B分、C分三档",
    rule: "根据纳入医保定点情况分档打分，分2分、1分、0.5分三档",
    points: 2,
    expected: [
      {
        kind: "choice",
        label: "纳入医保定点情况",
        options: [
          { label: "第一档", points: 2 },
          { label: "第二档", points: 1 },
          { label: "第三档", points: 0.5 },
        ],
        text: "根据纳入医保定点情况分档打分，分2分、1分、0.5分三档",
      },
    ],
  },
  {
    name: "分为优秀、良好、合格三档，分别得3、2、1分 (named bands, one 分 for all figures)",
    rule: "年度考核分为优秀、良好、合格三档，分别得3、2、1分",
    points: 3,
    expected: [
      {
        kind: "choice",
        label: "年度考核",
        options: [
          { label: "优秀", points: 3 },
          { label: "良好", points: 2 },
          { label: "合格", points: 1 },
        ],
        text: "年度考核分为优秀、良好、合格三档，分别得3、2、1分",
      },
    ],
  },
  {
    name: "其中…的加1分，…的加0.5分 (a choice requiring the flag)",
    rule: "建立联席会议的得2分，其中，由主要负责同志担任组长的加1分，由负责同志担任组长的加0.5分；召开年度会议的得1分。",
    points: 4,
    expected: [
      { kind: "flag", points: 2, text: "建立联席会议的得2分" },
      {
        kind: "choice",
        requires: "a",
        options: [
          { label: "主要负责同志担任组长", points: 1 },
          { label: "负责同志担任组长", points: 0.5 },
        ],
        text: "由主要负责同志担任组长的加1分，由负责同志担任组长的加0.5分",
      },
      { kind: "flag", points: 1, text: "召开年度会议的得1分" },
    ],
  },
  {
    name: "其中 as a breakdown of the part before (parts add up to it)",
    rule: "建立制度得2分，其中，制定文件的得1分，组织实施的得1分",
    points: 2,
    expected: [
      { kind: "flag", points: 1, text: "建立制度得2分，其中，制定文件的得1分" },
      { kind: "flag", points: 1, text: "组织实施的得1分" },
    ],
  },
  {
    name: "…得N分，…加N分 (an addition to the flag before)",
    rule: "建立和实施职工长期护理保险制度得0.5分，拓展到城乡居民加1.5分",
    points: 2,
    expected: [
      { kind: "flag", points: 0.5, text: "建立和实施职工长期护理保险制度得0.5分" },
      { kind: "flag", points: 1.5, requires: "a", text: "拓展到城乡居民加1.5分" },
    ],
  },
  {
    name: "grades of one thing",
    rule: "考核优秀的得3分、良好的得2分、合格的得1分",
    points: 3,
    expected: [
      {
        kind: "choice",
        label: "考核",
        options: [
          { label: "优秀", points: 3 },
          { label: "良好", points: 2 },
          { label: "合格", points: 1 },
        ],
        text: "考核优秀的得3分、良好的得2分、合格的得1分",
      },
    ],
    total: 3,
  },
  {
    name: "grades without a subject",
    rule: "优秀的得3分、良好的得2分、合格的得1分",
    points: 3,
    expected: [
      {
        kind: "choice",
        options: [
          { label: "优秀", points: 3 },
          { label: "良好", points: 2 },
          { label: "合格", points: 1 },
        ],
        text: "优秀的得3分、良好的得2分、合格的得1分",
      },
    ],
  },
  {
    name: "A、B各得N分",
    rule: "建立档案、开展评估各得1分",
    points: 2,
    expected: [
      { kind: "flag", points: 1, label: "建立档案", text: "建立档案、开展评估各得1分" },
      { kind: "flag", points: 1, label: "开展评估", text: "建立档案、开展评估各得1分" },
    ],
  },
  // ---- remainders and bases ----
  {
    name: "其余N分根据…打分 → judged",
    rule: "列入财政预算的得2分，其余6分综合考虑一般公共预算收入和养老服务资金投入量进行分档打分。",
    points: 8,
    expected: [
      { kind: "flag", points: 2, text: "列入财政预算的得2分" },
      {
        kind: "judged",
        points: 6,
        label: "一般公共预算收入和养老服务资金投入量",
        text: "其余6分综合考虑一般公共预算收入和养老服务资金投入量进行分档打分",
      },
    ],
  },
  {
    name: "剩余N分根据…完成进度打分 → scaled, default mapping",
    rule: "出台文件得1分，剩余1分根据“十四五”改造任务完成进度进行打分",
    points: 2,
    expected: [
      { kind: "flag", points: 1, text: "出台文件得1分" },
      {
        kind: "scaled",
        points: 1,
        basis: "完成进度",
        mapping: { type: "linear" },
        defaultMapping: true,
        note: expect.stringContaining("细则未规定换算办法，默认按比例计分"),
        text: "剩余1分根据“十四五”改造任务完成进度进行打分",
      },
    ],
  },
  {
    name: "剩余N分根据…含金量打分 → judged",
    rule: "出台有关文件得1分，剩余1分根据活动含金量进行打分",
    points: 2,
    expected: [
      { kind: "flag", points: 1, text: "出台有关文件得1分" },
      { kind: "judged", points: 1, label: "活动含金量", text: "剩余1分根据活动含金量进行打分" },
    ],
  },
  {
    name: "根据…覆盖率进行打分 (no figure) → scaled for the whole item",
    rule: "根据助老食堂数量和覆盖率进行打分。",
    points: 2,
    expected: [{ kind: "scaled", points: 2, basis: "覆盖率", text: "根据助老食堂数量和覆盖率进行打分" }],
  },
  {
    name: "根据…情况打分，最高得N分 → judged for N",
    rule: "根据连锁化组织培育情况打分，最高得2分；根据县级敬老院托养失能特困老年人的数量占比打分，最高得1分。",
    points: 3,
    expected: [
      { kind: "judged", points: 2, text: "根据连锁化组织培育情况打分，最高得2分" },
      {
        kind: "scaled",
        points: 1,
        basis: "数量占比",
        text: "根据县级敬老院托养失能特困老年人的数量占比打分，最高得1分",
      },
    ],
  },
  // ---- deductions ----
  {
    name: "未…的扣N分 (base = the item's points)",
    rule: "未按时报送统计数据的扣1分",
    points: 3,
    expected: [
      {
        kind: "deduction",
        points: 3,
        per: 1,
        unit: "项",
        label: "未按时报送统计数据",
        text: "未按时报送统计数据的扣1分",
      },
    ],
  },
  {
    name: "每少…扣N分，扣完为止",
    rule: "每少建成一个站点扣2分，扣完为止",
    points: 6,
    expected: [
      {
        kind: "deduction",
        points: 6,
        per: 2,
        unit: "个",
        text: "每少建成一个站点扣2分，扣完为止",
        note: expect.stringContaining("扣完为止"),
      },
    ],
  },
  {
    name: "每缺…扣N分",
    rule: "每缺一项制度扣0.5分",
    points: 2,
    expected: [{ kind: "deduction", points: 2, per: 0.5, unit: "项", text: "每缺一项制度扣0.5分" }],
  },
  {
    name: "每下降X%扣N分，最高扣N分",
    rule: "入住率每下降5%扣1分，最高扣3分",
    points: 5,
    expected: [
      {
        kind: "deduction",
        points: 5,
        per: 1,
        unit: "5个百分点",
        maxDeduction: 3,
        label: "入住率下降",
        text: "入住率每下降5%扣1分，最高扣3分",
      },
    ],
  },
  {
    name: "…各扣N分",
    rule: "未建立台账、未公示结果的各扣1分",
    points: 2,
    expected: [
      {
        kind: "deduction",
        points: 2,
        per: 1,
        note: expect.stringContaining("各扣1分"),
        text: "未建立台账、未公示结果的各扣1分",
      },
    ],
  },
  {
    name: "a stated base: 本项共N分，每…扣N分",
    rule: "本项共5分，每发现一处问题扣0.5分",
    points: 8,
    expected: [{ kind: "deduction", points: 5, per: 0.5, unit: "处", text: "本项共5分，每发现一处问题扣0.5分" }],
  },
  {
    name: "不扣分 conditions: a note on the deduction",
    rule: "每发现一处问题扣0.5分；因不可抗力未完成的不扣分",
    points: 3,
    expected: [
      {
        kind: "deduction",
        points: 3,
        per: 0.5,
        note: expect.stringContaining("不扣分的情形：因不可抗力未完成的不扣分"),
        text: "每发现一处问题扣0.5分",
      },
    ],
  },
  {
    name: "酌情扣分 with points left: judged within what is left",
    rule: "建立制度得1分，工作开展不到位的酌情扣分",
    points: 3,
    expected: [
      { kind: "flag", points: 1, text: "建立制度得1分" },
      { kind: "judged", points: 2, note: expect.stringContaining("酌情扣分"), text: "工作开展不到位的酌情扣分" },
    ],
  },
  {
    name: "酌情扣分 with nothing left: the part before becomes judged",
    rule: "建立制度得2分，工作开展不到位的酌情扣分",
    points: 2,
    expected: [
      {
        kind: "judged",
        points: 2,
        note: expect.stringContaining("酌情扣分"),
        text: "建立制度得2分，工作开展不到位的酌情扣分",
      },
    ],
  },
  {
    name: "…不得分 after a condition: a gate",
    rule: "落实以上要求得2分，未落实、出现安全事故的机构不得分。",
    points: 2,
    expected: [
      { kind: "flag", points: 2, note: "未落实不得分", text: "落实以上要求得2分" },
      { kind: "gate", label: "出现安全事故", text: "出现安全事故的机构不得分" },
    ],
  },
  {
    name: "…，本项不得分: a gate on the clause before",
    rule: "按时完成任务得3分；发生重大责任事故的，本项不得分",
    points: 3,
    expected: [
      { kind: "flag", points: 3, text: "按时完成任务得3分" },
      { kind: "gate", label: "发生重大责任事故", text: "发生重大责任事故的，本项不得分" },
    ],
  },
  {
    name: "未…、达不到均不得分: notes on the parts they restate",
    rule: "建立综合监管机制得1分；养老机构登记备案率达到100%得1分，未建立、达不到均不得分。",
    points: 2,
    expected: [
      { kind: "flag", points: 1, note: "未建立不得分", text: "建立综合监管机制得1分" },
      { kind: "threshold", points: 1, note: "达不到不得分", text: "养老机构登记备案率达到100%得1分" },
    ],
  },
  // ---- bonus ----
  {
    name: "奖励N分 in a base item: a bonus flag apart from the base total",
    rule: "建立制度得2分，获得省级表彰的奖励1分",
    points: 2,
    bonus: 1,
    expected: [
      { kind: "flag", points: 2, text: "建立制度得2分" },
      { kind: "flag", points: 1, bonus: true, text: "获得省级表彰的奖励1分" },
    ],
  },
  {
    name: "每多…奖励N分，最高奖励M分",
    rule: "每多建成一个示范站点奖励1分，最高奖励3分",
    points: 0,
    bonus: 3,
    expected: [{ kind: "perItem", bonus: true, cap: 3, unit: "个", text: "每多建成一个示范站点奖励1分，最高奖励3分" }],
  },
  // ---- numbers as people write them ----
  {
    name: "０．５ (full width)",
    rule: "设立专栏得０．５分",
    points: 0.5,
    expected: [{ kind: "flag", points: 0.5, text: "设立专栏得0.5分" }],
  },
  { name: "两分", rule: "建立制度得两分", points: 2, expected: [{ kind: "flag", points: 2, text: "建立制度得两分" }] },
  {
    name: "零点五分",
    rule: "建立制度得零点五分",
    points: 0.5,
    expected: [{ kind: "flag", points: 0.5, text: "建立制度得零点五分" }],
  },
  {
    name: "一次 (a count bound)",
    rule: "每年开展培训一次以上得1分",
    points: 1,
    expected: [{ kind: "threshold", points: 1, bound: { op: ">=", value: 1 }, text: "每年开展培训一次以上得1分" }],
  },
  {
    name: "十项 (a unit of ten)",
    rule: "每完成十项任务得1分，最高得3分",
    points: 3,
    expected: [
      {
        kind: "perItem",
        cap: 3,
        unit: "10项",
        items: [{ id: "item-1", label: "完成任务", each: 1 }],
        text: "每完成十项任务得1分，最高得3分",
      },
    ],
  },
  {
    name: "百分之六十",
    rule: "签约率达到百分之六十以上得2分",
    points: 2,
    expected: [
      { kind: "threshold", points: 2, bound: { op: ">=", value: 0.6 }, text: "签约率达到百分之六十以上得2分" },
    ],
  },
  // ---- 会宁: numbered requirement lines ----
  {
    name: "numbered lines with （N分）: one flag each",
    rule: "1.2020年9月底前成立（1分）\n2.领导小组成员单位有明确的职责分工（1分）",
    points: 2,
    expected: [
      { kind: "flag", points: 1, text: "1.2020年9月底前成立（1分）" },
      { kind: "flag", points: 1, text: "2.领导小组成员单位有明确的职责分工（1分）" },
    ],
  },
  {
    name: "a line stating a rate bound: threshold",
    rule: "1.制定具体办法（2分）\n2.资金执行进度符合试点工作要求。2020年底前中央财政补助资金的执行进度达到50%以上（3分）",
    points: 5,
    expected: [
      { kind: "flag", points: 2, text: "1.制定具体办法（2分）" },
      {
        kind: "threshold",
        points: 3,
        bound: { op: ">=", value: 0.5 },
        text: "2.资金执行进度符合试点工作要求。2020年底前中央财政补助资金的执行进度达到50%以上（3分）",
      },
    ],
  },
  {
    name: "（13分，每少完成一个扣2分，超额完成一个加1分）: a deduction and an uncapped surplus",
    rule: "3.按要求及时完成驿站建设任务\n（13分，每少完成一个扣2分，超额完成一个加1分）\n4.60%以上的驿站开展工作（7分）",
    points: 20,
    expected: [
      {
        kind: "deduction",
        points: 13,
        per: 2,
        unit: "个",
        text: "3.按要求及时完成驿站建设任务\n（13分，每少完成一个扣2分，超额完成一个加1分）",
      },
      {
        kind: "perItem",
        items: [{ id: "item-1", label: "超额完成", each: 1 }],
        unit: "个",
        note: expect.stringContaining("细则未规定超额加分上限"),
        text: "3.按要求及时完成驿站建设任务\n（13分，每少完成一个扣2分，超额完成一个加1分）",
      },
      { kind: "threshold", points: 7, bound: { op: ">=", value: 0.6 }, text: "4.60%以上的驿站开展工作（7分）" },
    ],
  },
  {
    name: "（8分，…未落实的，一个扣1分）",
    rule: "2.新建居住小区配建养老服务设施（8分，新建居住小区未落实的，一个扣1分）",
    points: 8,
    expected: [
      {
        kind: "deduction",
        points: 8,
        per: 1,
        unit: "个",
        note: expect.stringContaining("新建居住小区未落实"),
        text: "2.新建居住小区配建养老服务设施（8分，新建居住小区未落实的，一个扣1分）",
      },
    ],
  },
  {
    name: "a title line restating the points is a heading, not a criterion",
    rule: "建立试点工作督导机制（5分）\n1.建立督促指导小组（2分）\n2.每年至少开展2次以上督促指导工作（3分）",
    points: 5,
    expected: [
      { kind: "flag", points: 2, text: "1.建立督促指导小组（2分）" },
      { kind: "threshold", points: 3, bound: { op: ">=", value: 2 }, text: "2.每年至少开展2次以上督促指导工作（3分）" },
    ],
  },
  {
    name: "（1）-style markers",
    rule: "（1）建立制度（2分）\n（2）开展活动（1分）",
    points: 3,
    expected: [
      { kind: "flag", points: 2, text: "（1）建立制度（2分）" },
      { kind: "flag", points: 1, text: "（2）开展活动（1分）" },
    ],
  },
  {
    name: "a bonus item's lines about 成效: judged bonus",
    rule: "1.出台推进居家和社区养老服务的地方政策，并初显成效（5分）",
    points: 5,
    bonus: 5,
    expected: [
      { kind: "judged", points: 5, bonus: true, text: "1.出台推进居家和社区养老服务的地方政策，并初显成效（5分）" },
    ],
  },
  // ---- what the grammar cannot read ----
  {
    name: "no scoring words: one pending criterion with the sentence",
    rule: "加强组织领导，完善工作机制。",
    points: 4,
    expected: [
      {
        kind: "judged",
        points: 4,
        pending: true,
        note: expect.stringContaining("未能自动解析，待确认"),
        text: "加强组织领导，完善工作机制",
      },
    ],
  },
  {
    name: "an unread sentence beside read ones: pending, for what is left",
    rule: "建立制度得1分。加强组织领导，完善工作机制。",
    points: 3,
    expected: [
      { kind: "flag", points: 1, text: "建立制度得1分" },
      { kind: "judged", points: 2, pending: true, text: "加强组织领导，完善工作机制" },
    ],
  },
  {
    name: "an empty rule",
    rule: "  \n ",
    points: 3,
    expected: [{ kind: "judged", points: 3, pending: true, text: EMPTY_RULE_TEXT }],
  },
];

describe("constructions", () => {
  test.each(cases.map((c) => [c.name, c] as const))("%s", (_name, c) => {
    const parsed = parseRule(c.rule, { points: c.points, bonus: c.bonus, idPrefix: "9.1" });
    valid(parsed);
    expect(parsed.criteria).toHaveLength(c.expected.length);
    parsed.criteria.forEach((criterion, i) => expect(criterion).toMatchObject(c.expected[i]));
    if (c.total !== undefined) expect(parsed.total).toBe(c.total);
  });

  test("totals: base parts only; a bonus item counts its bonus parts; an uncapped surplus adds nothing", () => {
    expect(parseRule("建立制度得2分，获得省级表彰的奖励1分", { points: 2, bonus: 1 })).toMatchObject({
      total: 2,
      bonusTotal: 1,
    });
    expect(parseRule("1.出台政策（5分）\n2.模式创新（5分）", { points: 10, bonus: 10 })).toMatchObject({
      total: 10,
      bonusTotal: 10,
    });
    expect(parseRule("完成建设任务（13分，每少完成一个扣2分，超额完成一个加1分）", { points: 13 }).total).toBe(13);
  });

  test("parts that exceed the item are kept as written (会宁 1.3)", () => {
    const parsed = parseRule("1.建立小组（2分）\n2.开展督导（2分）\n3.完成任务（2分）\n4.纳入考核（2分）", {
      points: 5,
    });
    expect(parsed.criteria.map((c) => maxPointsOf(c))).toEqual([2, 2, 2, 2]);
    expect(parsed.total).toBe(8);
  });

  test("the rest is shared when several parts wait for it, and they are marked 待确认", () => {
    const parsed = parseRule("根据工作情况打分；根据群众满意情况打分", { points: 3 });
    expect(parsed.criteria.map((c) => [c.kind, maxPointsOf(c), c.pending])).toEqual([
      ["judged", 1.5, true],
      ["judged", 1.5, true],
    ]);
  });

  test("metrics: ids from the indicator, names from the sentence, % for rates", () => {
    const parsed = parseRule("护理型床位占比达到65%以上得1分；家庭养老床位不少于190户得2分", {
      points: 3,
      idPrefix: "4.1",
    });
    expect(parsed.metrics).toEqual([
      { id: "m-4-1-1", name: "护理型床位占比", unit: "%" },
      { id: "m-4-1-2", name: "家庭养老床位数量", unit: "户" },
    ]);
    expect(parsed.criteria.map((c) => (c.kind === "threshold" ? c.metric : ""))).toEqual(["m-4-1-1", "m-4-1-2"]);
  });
});

describe("the token level", () => {
  test("normalisation: full-width figures to half width, Chinese punctuation kept, line breaks kept", () => {
    expect(normalizeRule("得０．５分，达到６５％（以上）\r\n  （2分） ")).toBe("得0.5分，达到65%（以上）\n（2分）");
    expect(normalizeRule("a\u3000\tb\n\n\nc")).toBe("a b\nc");
  });

  test.each([
    ["0.5分", 0.5, "分"],
    ["０．５分", 0.5, "分"],
    ["两分", 2, "分"],
    ["一次", 1, "次"],
    ["十项", 10, "项"],
    ["二十三个", 23, "个"],
    ["65%", 65, "%"],
    ["百分之六十", 60, "%"],
    ["2 分", 2, "分"],
  ])("%p is one figure", (text, value, unit) => {
    const tokens = tokenize(normalizeRule(text));
    expect(tokens).toHaveLength(1);
    expect(tokens[0]).toMatchObject({ kind: "num", value, unit });
  });

  test("numerals inside words are words: 统一, 一般, 十四五, 四同步", () => {
    for (const text of ["统一标识", "一般公共预算", "“十四五”规划", "“四同步”机制", "二星级"]) {
      expect(tokenize(text).filter((t) => t.kind === "num")).toEqual([]);
    }
  });

  test("item numbers at line starts are markers, decimals are not", () => {
    const kinds = (text: string) => tokenize(text).map((t) => t.kind + (t.value !== undefined ? ":" + t.value : ""));
    expect(kinds("1.2020年")[0]).toBe("mark:1");
    expect(kinds("0.5分")[0]).toBe("num:0.5");
    expect(kinds("1.建立（1分）\n2.60%以上")).toContain("mark:2");
    expect(kinds("（3）建立")[0]).toBe("mark:3");
    expect(kinds("一、建立")[0]).toBe("mark:1");
  });

  test("Chinese integers", () => {
    expect(
      ["一", "十", "十二", "二十", "一百零五", "两百", "二〇二〇", "十四五", "三三", "百"].map(chineseInteger)
    ).toEqual([1, 10, 12, 20, 105, 200, 2020, undefined, undefined, undefined]);
    expect(readChinese("零点五分", 0)).toMatchObject({ value: 0.5, end: 3 });
  });
});
