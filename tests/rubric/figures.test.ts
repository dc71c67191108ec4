import { parseNumber, parseRate, parseYesNo, rateOf } from "../../src/rubric/figures";
import { toHalfWidth } from "../../src/rubric/text";

describe("parseRate: a number ≤ 1 is a fraction, above 1 a percentage (CONTRACTS.md)", () => {
  test.each([
    [65, 0.65, []],
    [0.65, 0.65, []],
    [1, 1, []],
    [100, 1, []],
    ["65%", 0.65, ["number-as-text"]],
    ["６５％", 0.65, ["number-as-text"]],
    ["65 %", 0.65, ["number-as-text"]],
    [" 0.65 ", 0.65, ["number-as-text"]],
    ["100％", 1, ["number-as-text"]],
    [120, 1.2, ["rate-over-100"]],
    ["120%", 1.2, ["number-as-text", "rate-over-100"]],
  ])("%p → %p", (input, value, problems) => {
    const parsed = parseRate(input);
    expect(parsed.value).toBeCloseTo(value as number, 10);
    expect(parsed.problems).toEqual(problems);
  });

  test("blank and unreadable input", () => {
    expect(parseRate("")).toEqual({ value: null, blank: true, problems: [] });
    expect(parseRate(undefined).blank).toBe(true);
    expect(parseRate("六成")).toEqual({ value: null, blank: false, problems: ["not-number"] });
    expect(parseRate(NaN).problems).toEqual(["not-number"]);
    expect(parseRate("65户").problems).toEqual(["not-number"]);
  });
});

describe("parseNumber", () => {
  test.each([
    [2, 2, []],
    ["2分", 2, ["number-as-text"]],
    ["１９０户", 190, ["number-as-text"]],
    ["1,000", 1000, ["number-as-text"]],
    ["-1", -1, ["number-as-text"]],
  ])("%p → %p", (input, value, problems) => {
    expect(parseNumber(input)).toEqual({ value, blank: false, problems });
  });
  test("text with no number", () => {
    expect(parseNumber("两分")).toEqual({ value: null, blank: false, problems: ["not-number"] });
    expect(parseNumber(Infinity).problems).toEqual(["not-number"]);
    expect(parseNumber({}).problems).toEqual(["not-number"]);
  });
});

test("rateOf: 13/20 is exactly 65%, a zero denominator reads as nothing", () => {
  expect(rateOf(parseNumber(13), parseNumber(20)).value).toBeCloseTo(0.65, 12);
  expect(rateOf(parseNumber(5), parseNumber(0)).value).toBeNull();
  expect(rateOf(parseNumber(30), parseNumber(20)).problems).toContain("rate-over-100");
});

test("parseYesNo", () => {
  expect(["是", "有", true, 1, "Yes", "√"].map(parseYesNo)).toEqual([true, true, true, true, true, true]);
  expect(["否", "无", false, 0, "×"].map(parseYesNo)).toEqual([false, false, false, false, false]);
  expect(["", "也许", 2, null, undefined].map(parseYesNo)).toEqual([null, null, null, null, null]);
});

test("toHalfWidth maps full-width digits, letters and punctuation explicitly", () => {
  expect(toHalfWidth("（１）ＡＢ　６５％．")).toBe("(1)AB 65%.");
});
