import { cleanText, matchKey, pointsInText, similarity, splitNumber, withoutPoints } from "../../src/sheet/normalize";
import { chineseInteger } from "../../src/rubric/numbers";

test.each([
  ["1．建立党委政府领导", 1, "建立党委政府领导"],
  ["1. 建立", 1, "建立"],
  ["1、建立", 1, "建立"],
  ["（1）建立", 1, "建立"],
  ["(2)建立", 2, "建立"],
  ["１０．加强", 10, "加强"],
  ["一、强化保障机制", 1, "强化保障机制"],
  ["十二、其他", 12, "其他"],
  ["（三）健全", 3, "健全"],
  ["建立制度", undefined, "建立制度"],
  ["8 聚焦失能老年人", 8, "聚焦失能老年人"],
  ["6）建立", 6, "建立"],
  ["0.5分", undefined, "0.5分"],
  ["2020年9月底前", undefined, "2020年9月底前"],
  ["1.2020年9月底前成立（1分）", 1, "2020年9月底前成立（1分）"],
])("splitNumber(%p)", (text, number, rest) => {
  expect(splitNumber(text)).toEqual(number === undefined ? { rest } : { number, rest });
});

test("item numbers in Chinese numerals (chineseInteger)", () => {
  expect(["一", "九", "十", "十一", "二十", "二十三", "百", ""].map((t) => chineseInteger(t))).toEqual([1, 9, 10, 11, 20, 23, undefined, undefined]);
});

test("points in text, as the seeds write them", () => {
  expect(pointsInText("一、强化保障机制 (共 18 分)")).toBe(18);
  expect(pointsInText("建立试点经费保障机制（10分）")).toBe(10);
  expect(pointsInText("社区和居家养老服务创新（加分项目，10分）")).toBe(10);
  expect(pointsInText("建立政府领导、部门协同的试点工作领导小组\n\n（5分）")).toBe(5);
  expect(pointsInText("强化保障机制")).toBeUndefined();
  expect(withoutPoints("建立试点工作督导机制（5分）")).toBe("建立试点工作督导机制");
});

test("cleanText collapses line breaks and full-width forms; matchKey drops punctuation", () => {
  expect(cleanText(" 查阅资料\n实地查看 ")).toBe("查阅资料 实地查看");
  expect(matchKey("“四同步”工作机制， 和（统一）登记")).toBe("四同步工作机制和统一登记");
});

test("similarity tolerates small wording changes and separates different indicators", () => {
  const caoxian = matchKey("将养老服务事业发展经费列入当地财政预算，设立养老服务发展专项资金。");
  const weishan = matchKey("将养老服务经费列入当地财政预算，统筹安排养老服务发展资金。");
  const other = matchKey("建立特殊困难老年人探访关爱制度，明确探访服务内容和时间频次等方面内容");
  expect(similarity(caoxian, weishan)).toBeGreaterThan(0.6);
  expect(similarity(caoxian, other)).toBeLessThan(0.3);
  expect(similarity("ab", "ab")).toBe(1);
  expect(similarity("", "")).toBe(0);
});
