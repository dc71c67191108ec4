/**
 * The one floorToStep (src/rubric/numbers.ts), shared by the engine (judged, scaled) and the grammar's
 * equal shares. Expected values by hand: the largest multiple of the step not above the value.
 */
import { floorToStep } from "../../src/rubric/numbers";

describe("floorToStep", () => {
  test("rounds down to the step", () => {
    // 2.7 / 0.5 = 5.4 → 5 steps → 2.5; 1.99 / 0.5 = 3.98 → 3 steps → 1.5; 3 / 1 = 3 → 3.
    expect(floorToStep(2.7, 0.5)).toBe(2.5);
    expect(floorToStep(1.99, 0.5)).toBe(1.5);
    expect(floorToStep(3, 1)).toBe(3);
    expect(floorToStep(0.49, 0.5)).toBe(0);
  });

  test("a value that is a multiple in decimals is not floored a step below by binary noise", () => {
    // 0.3 / 0.1 is 2.9999999999999996 in binary; the value is 3 steps of 0.1, i.e. 0.3, not 0.2.
    expect(floorToStep(0.3, 0.1)).toBeCloseTo(0.3, 9);
    // 0.7 / 0.1 = 6.999999999999999 → 7 steps → 0.7.
    expect(floorToStep(0.7, 0.1)).toBeCloseTo(0.7, 9);
  });
});
