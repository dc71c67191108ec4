/**
 * How work grows with input size, for tests that guard against a blow-up without asserting a time
 * (docs/FACTS.md: tests on a busy machine): the ratio of the time at 8n to the time at n, each the
 * faster of two runs and at least `floorMs`, so that timer noise on tiny inputs does not count.
 * Linear work gives about 8; quadratic 64.
 */
import { performance } from "node:perf_hooks";

function fastest(run: () => void): number {
  let best = Infinity;
  for (let i = 0; i < 2; i++) {
    const t = performance.now();
    run();
    best = Math.min(best, performance.now() - t);
  }
  return best;
}

export function growth(atSize: (n: number) => void, n: number, floorMs = 5): number {
  const small = Math.max(fastest(() => atSize(n)), floorMs);
  const large = fastest(() => atSize(8 * n));
  return large / small;
}

/** The bound the tests use: four times linear growth, well below quadratic (64). */
export const LINEAR_GROWTH_BOUND = 32;
