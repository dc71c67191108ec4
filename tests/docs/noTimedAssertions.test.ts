/**
 * No test bounds a duration (issue 14; docs/FACTS.md, "Tests"): on a busy 2-core machine a wall-clock
 * bound fails correct code. Tests bound steps or growth; the timeout of a test is a hang guard, set
 * once in jest.config.js, never lowered by a test file.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";

const TESTS = join(__dirname, "..");

function testFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === "fixtures" || name === "output" ? [] : testFiles(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

const files = testFiles(TESTS).filter((f) => !f.endsWith("noTimedAssertions.test.ts"));

// A matcher that orders something named like a time (ms, seconds, elapsed …). The pattern is built
// from pieces so that this file does not itself read as such a comparison.
const TIME_NAME = "\\b(ms|millis\\w*|seconds|elapsed|duration|slowest|took)\\b";
const ORDERING = "to" + "Be(Less|Greater)Than";
const TIMED = new RegExp("expect\\([^;]*" + TIME_NAME + "[^;]*\\)\\s*\\.\\s*" + ORDERING);
const TIMEOUT = /jest\.setTimeout\(([\d_]+)\)|\},\s*([\d_]+)\s*\);/g;
const { testTimeout } = require("../../jest.config.js") as { testTimeout: number };

describe("tests bound work, not time", () => {
  it("reads every test file", () => {
    expect(files.length).toBeGreaterThan(60);
  });

  it("the timeout is a hang guard of minutes", () => {
    expect(testTimeout).toBeGreaterThanOrEqual(120_000);
  });

  it("no test compares a time", () => {
    expect(files.filter((f) => TIMED.test(readFileSync(f, "utf8")))).toEqual([]);
  });

  it("no test file lowers the timeout", () => {
    const lowered: string[] = [];
    for (const f of files)
      for (const m of readFileSync(f, "utf8").matchAll(TIMEOUT)) {
        const ms = Number((m[1] ?? m[2]).replace(/_/g, ""));
        if (ms < testTimeout) lowered.push(f + ": " + m[0]);
      }
    expect(lowered).toEqual([]);
  });
});
