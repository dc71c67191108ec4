/**
 * The project's docs live in the repo (issue 14): a clone has no ../shared, so nothing the code,
 * the tests, the scripts or the README cite may point there, and every `docs/X.md` cited exists,
 * with the section named ("docs/FACTS.md, "LibreOffice …"") as one of its headings.
 */
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";

const ROOT = join(__dirname, "..", "..");
const tracked = execFileSync("git", ["ls-files", "src", "tests", "scripts", "assets", "README.md", "docs"], {
  cwd: ROOT,
  encoding: "utf8",
})
  .split("\n")
  .filter((f) => /\.(ts|tsx|js|mjs|md|html)$/.test(f) && existsSync(join(ROOT, f)));

function headings(doc: string): string[] {
  return readFileSync(join(ROOT, doc), "utf8")
    .split("\n")
    .filter((l) => /^#+ /.test(l))
    .map((l) => l.replace(/^#+ /, "").trim());
}

describe("docs cited from the repo are in the repo", () => {
  it("reads a few hundred files (the check looks at something)", () => {
    expect(tracked.length).toBeGreaterThan(200);
  });

  it("nothing points to ../shared or /work/shared", () => {
    const outside = tracked.filter(
      (f) => f !== "tests/docs/links.test.ts" && /\.\.\/shared\/|\/work\/shared/.test(readFileSync(join(ROOT, f), "utf8"))
    );
    expect(outside).toEqual([]);
  });

  it("every docs/X.md cited exists, and every section cited is a heading of it", () => {
    const missing: string[] = [];
    for (const f of tracked) {
      if (f === "tests/docs/links.test.ts") continue;
      const text = readFileSync(join(ROOT, f), "utf8");
      for (const m of text.matchAll(/docs\/([A-Z]+)\.md(?:, "([^"]+)")?/g)) {
        const doc = join("docs", m[1] + ".md");
        if (!existsSync(join(ROOT, doc))) missing.push(f + " → " + doc);
        else if (m[2] && !headings(doc).some((h) => h.startsWith(m[2]))) missing.push(f + " → " + doc + " § " + m[2]);
      }
    }
    expect(missing).toEqual([]);
  });

  it("the README points to each document of docs/", () => {
    const readme = readFileSync(join(ROOT, "README.md"), "utf8");
    for (const doc of ["CONTRACTS", "DESIGN", "FACTS", "SOURCES"]) expect(readme).toContain("docs/" + doc + ".md");
  });
});
