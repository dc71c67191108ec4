/**
 * How work grows with input size, for tests that guard against a blow-up without asserting a time
 * (docs/FACTS.md, "Tests"): the ratio of the work at 8n to the work at n, each at least `floorMs`,
 * so that noise on tiny inputs does not count. Linear work gives about 8; quadratic 64.
 *
 * Work is this process's CPU time (process.cpuUsage: user + system), not the wall clock: on a busy
 * machine the wall clock also counts the time other processes held the cores, CPU time does not.
 * Each figure is the least of three runs, so a garbage collection in one run does not count either.
 */

/** The CPU milliseconds `run` took: the least of `runs` runs. */
export function cpuMs(run: () => void, runs = 3): number {
  let best = Infinity;
  for (let i = 0; i < runs; i++) {
    const before = process.cpuUsage();
    run();
    const used = process.cpuUsage(before);
    best = Math.min(best, (used.user + used.system) / 1000);
  }
  return best;
}

const fastest = (run: () => void): number => cpuMs(run);

export function growth(atSize: (n: number) => void, n: number, floorMs = 5): number {
  const small = Math.max(fastest(() => atSize(n)), floorMs);
  const large = fastest(() => atSize(8 * n));
  return large / small;
}

/** The bound the tests use: four times linear growth, well below quadratic (64). */
export const LINEAR_GROWTH_BOUND = 32;
