/**
 * The ET fake (fakeEt.ts) for a browser page: transpiled by TypeScript into one plain script that
 * defines `window.ZipingFakeEt` ({ installFakeEt, FakeEt, … }), for playwright's `addInitScript`.
 * The fake has no runtime imports, so nothing else needs bundling.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import * as ts from "typescript";

let cached: string | undefined;

export function fakeEtScript(): string {
  if (cached) return cached;
  const source = readFileSync(join(__dirname, "fakeEt.ts"), "utf8");
  const js = ts.transpileModule(source, {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2017 },
  }).outputText;
  cached = "window.ZipingFakeEt = (function () { var exports = {}; var module = { exports: exports };\n" + js + "\nreturn exports; })();";
  return cached;
}
