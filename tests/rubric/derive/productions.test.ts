/**
 * The rule's larger forms (src/rubric/derive/productions.ts), on sentences of the real tables in
 * tests/corpus and of issue 13. Every expected kind and figure is read by hand from the sentence.
 */
import { parseRule } from "../../../src/rubric/derive/grammar";
import { maxPointsOf } from "../../../src/rubric/criteria/index";
import { scoreCriterion } from "../../../src/rubric/criteria/index";
import type { Criterion } from "../../../src/rubric/criteria/index";

const shape = (c: Criterion) =>
  c.kind +
  ":" +
  maxPointsOf(c) +
  (c.bonus ? "b" : "") +
  (c.kind === "deduction" ? "/" + c.per : "") +
  (c.kind === "choice" ? "[" + c.options.map((o) => o.points).join(",") + "]" : "") +
  (c.kind === "perItem" ? "[" + c.items.map((i) => i.each).join(",") + "]" : "");

const shapes = (rule: string, points: number, bonus?: number) => parseRule(rule, { points, bonus }).criteria.map(shape);

const score = (c: Criterion, input: unknown) => scoreCriterion(c, { input, metric: () => undefined }).points;

test("a tier ladder is one choice: 650 visits reach the 500 tier, 20 (issue 13: not 10 + 20)", () => {
  const [c, ...rest] = parseRule("年服务达200人次得10分；500人次得20分；800人次得30分", { points: 30 }).criteria;
  expect(rest).toEqual([]);
  expect(shape(c)).toBe("choice:30[10,20,30]");
  expect(c.kind === "choice" && score(c, c.options[1].label)).toBe(20);
});

test("≥90分得满分 is the top tier of its ladder", () => {
  expect(shapes("≥90分得满分，≥80分得4分，≥70分得2分", 5)).toEqual(["choice:5[5,4,2]"]);
});

test("in sections with their own caps: contents 10 + 10 and a performance ladder of 40 (区域居家养老服务中心 服务部分 1)", () => {
  const rule =
    "服务内容：最高得20分。其中，能够依托服务中心开展长期托养或日间照料服务并有详细服务记录，得10分；能够上门提供生活照料服务中三种以上服务内容并有详细服务记录，得10分\n服务绩效：最高得40分。其中，年服务达200人次，得10分；年服务达500人次，得20分；年服务达800人次，得30分；年服务达1000人次以上，得40分。\n长期托养每人每日计1人次，并不再计入助餐、助医、助浴、助洁、助行服务绩效。";
  const parsed = parseRule(rule, { points: 60 });
  expect(parsed.criteria.map(shape)).toEqual(["flag:10", "flag:10", "choice:40[10,20,30,40]"]);
  expect(parsed.total).toBe(60);
});

test("one award per occurrence up to a cap is one perItem: 6 kinds of activity give 100, not 120", () => {
  const [c] = parseRule("每开展一类活动并有详细活动记录，得20分，最多得100分", { points: 100 }).criteria;
  expect(shape(c)).toBe("perItem:100[20]");
  expect(score(c, 3)).toBe(60);
  expect(score(c, 6)).toBe(100);
});

test("stated per-part deductions: 6 and 2 of 8, not 4 + 4; the （1） is the part's mark, not a number", () => {
  const parsed = parseRule("（1）项不符合任意一项要求扣6分；（2）项不符合要求扣2分", { points: 8 });
  expect(parsed.criteria.map(shape)).toEqual(["deduction:6/6", "deduction:2/2"]);
  expect(parsed.criteria[0].text.indexOf("（1）")).toBe(0);
  expect(parsed.criteria.some((c) => c.pending)).toBe(false);
});

test("an award and the deductions from it: one deduction from 4, 扣完为止", () => {
  const [c, ...rest] = parseRule(
    "推进不达标河库治理，年内无不达标河库，得4分，\n水质水量监测评价出现一次不达标河库扣2分，扣完为止。",
    { points: 4 }
  ).criteria;
  expect(rest).toEqual([]);
  expect(shape(c)).toBe("deduction:4/2");
  expect([score(c, 1), score(c, 3)]).toEqual([2, 0]);
});

test("a condition alone (发生责任事故不得分) gives the item's points when not met", () => {
  const [c] = parseRule("发生责任事故不得分", { points: 10 }).criteria;
  expect(shape(c)).toBe("flag:10");
  expect([score(c, "是"), score(c, "否")]).toEqual([10, 0]);
});

test("a range per occurrence is judged within the item; deduction lists that exceed the item are one judged part", () => {
  expect(shapes("回答错误1个问题扣1-2.5分", 10)).toEqual(["judged:10"]);
  const list =
    "1. 起病情况及患病时间叙述不清。扣1-2分\n2. 发病经过顺序不清。扣1-2分\n3. 主要症状特点未加描述或描述不清。扣3-5分\n4. 伴随症状不清。扣1-2分\n5. 诊疗经过叙述不全面。扣1-3分\n6. 现病史与主诉内容不一致。扣2-5分";
  const parsed = parseRule(list, { points: 15 });
  expect(parsed.criteria.map(shape)).toEqual(["judged:15"]);
});

test("a ratio bonus is per item at its rates, uncapped; the award before it stays", () => {
  const parsed = parseRule(
    "1.每个乡镇省级用稿1篇，市级用稿2篇，县级用稿2篇，得5分\n，多投稿一篇按2：1：0.5比例加分。\n2.按时上报半年工作小结、年终工作总结，得2分",
    { points: 7 }
  );
  expect(parsed.criteria.map(shape)).toEqual(["flag:5", "perItem:Infinity[2,1,0.5]", "flag:2"]);
});

test("respective awards are one choice; the respective penalties are no part of the item's points", () => {
  const parsed = parseRule(
    "1.河长制工作先进经验获省、市通报表扬并推广的，分别奖20、10分。\n2.被省、市明查暗访组查实河长制工作落实不到位点名批评或曝光的，\n分别扣20、10分。",
    { points: 0, bonus: 20 }
  );
  expect(parsed.criteria.map(shape)).toEqual(["choice:20b[20,10]"]);
  expect(parsed.criteria[0].kind === "choice" && parsed.criteria[0].options.map((o) => o.label)).toEqual([
    "省级",
    "市级",
  ]);
});

test("追加扣除 is a penalty beyond the item: the parts stay within its 4 points", () => {
  const parsed = parseRule(
    "未设置或配备的，不得分；未以文件形式进行设置或任命的，不得分；设置或配备不符合规定的，每处扣1分；扣满4分的，追加扣除10分。",
    { points: 4 }
  );
  expect(parsed.total).toBe(4);
  expect(parsed.criteria.some((c) => /追加/.test(c.text))).toBe(false);
});

test("levels the item holds together are separate awards (国家级 5 + 省级 3 in a bonus of 8)", () => {
  const rule = "获得国家级生态文明建设示范乡镇命名的奖励5分；获得省级生态文明建设示范乡镇命名的奖励3分";
  expect(shapes(rule, 0, 8)).toEqual(["flag:5b", "flag:3b"]);
});

test("levels that exceed what is left are exclusive: 省级 3 / 市级 2 / 县级 1 after 5 + 2 of 10", () => {
  const rule =
    "1.按要求每月上报本单位河长制工作开展情况，得5分，\n每少一次扣0.5分，扣完为止，参加河长制相关会议\n（2分，少一次扣0.5分，扣完为止）\n2.河长制相关信息报道受省级媒体以上推广1篇，得3分；\n市级煤体推广2篇，得2分；县级媒体推广，得1分。";
  expect(shapes(rule, 10)).toEqual(["deduction:5/0.5", "deduction:2/0.5", "choice:3[3,2,1]"]);
});

test("checkbox options with points are one choice", () => {
  expect(shapes("□符合（6分）□基本符合（3分）□不符合（0分）", 6)).toEqual(["choice:6[6,3,0]"]);
});

test("grades in brackets are one choice (学校安全工作考评表 1.7: A级10分，B级7分，C级4分), the condition stays", () => {
  const rule =
    "根据食堂食品安全量化分级结果分10分、7分、4分三档（A级10分，B级7分，C级4分）；发生食物中毒事件的，本项不得分";
  const parsed = parseRule(rule, { points: 10 });
  expect(parsed.criteria.map(shape)).toEqual(["choice:10[10,7,4]", "gate:0"]);
  expect(parsed.criteria[0].kind === "choice" && parsed.criteria[0].options.map((o) => o.label)).toEqual([
    "A级",
    "B级",
    "C级",
  ]);
});
