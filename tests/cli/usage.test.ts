/**
 * What the CLI advertises is what it accepts (issue 14): for every command, the usage line `ziping
 * help` lists, the one `ziping <命令> --help` prints, the one printed after an argument error and the
 * one a command prints when its file is missing are the same line; every option that line and the
 * help name is accepted by the parser, and every option the parser accepts is named there; every
 * `ziping <命令> --选项` in README.md and docs/*.md is an option of that command; and README's command
 * table shows each command's usage line as the CLI prints it.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { COMMANDS, parserOptions } from "../../src/cli/commandTable";
import { ziping } from "./run";

const ROOT = join(__dirname, "..", "..");
const NAMES = COMMANDS.map((c) => c.name);

/** Each command's usage line as `ziping help` prints it ("  ziping fill 工作簿.xlsx -o …"). */
async function listedUsages(): Promise<Map<string, string>> {
  const r = await ziping("help");
  expect(r.code).toBe(0);
  const lines = new Map<string, string>();
  for (const m of r.out.matchAll(/^ {2}(ziping (\S+).*)$/gm)) lines.set(m[2], m[1]);
  return lines;
}

/** The options a usage or help text names, with the value word that follows a string option. */
function optionsIn(text: string): Array<{ flag: string; value?: string }> {
  const found: Array<{ flag: string; value?: string }> = [];
  for (const m of text.matchAll(/(?:^|[\s[(])(--?[a-z][a-z-]*)(?: ([^\s[\]()|,-][^\s[\]()|,]*))?/g))
    found.push({ flag: m[1], value: m[2] });
  return found;
}

test("`ziping help` lists every command once, in the table's order", async () => {
  // The twelve commands of src/cli/run.ts before issue 14, in the order its help printed them.
  expect(Array.from((await listedUsages()).keys())).toEqual([
    "rubrics",
    "inspect",
    "fill",
    "score",
    "validate",
    "batch",
    "derive",
    "split",
    "merge",
    "import",
    "template",
    "sample",
  ]);
  expect(NAMES.length).toBe(12);
});

describe.each(NAMES)("ziping %s", (name) => {
  test("its usage line is the same in help, --help, an argument error and its own errors", async () => {
    const line = (await listedUsages()).get(name)!;
    const own = await ziping(name, "--help");
    expect(own.code).toBe(0);
    expect(own.out.split("\n")[0]).toBe("用法：" + line);
    expect((await ziping("help", name)).out).toBe(own.out);
    const bogus = await ziping(name, "--bogus");
    expect([bogus.code, bogus.err]).toEqual([2, "参数有误：没有“--bogus”这个选项\n用法：" + line + "\n"]);
    // Without its file (or, for template, its rubric) a command says what is missing, then the same line.
    if (name !== "rubrics" && name !== "sample") {
      const bare = await ziping(name);
      expect(bare.code).toBe(2);
      expect(bare.err).toContain("\n用法：" + line + "\n");
    }
  });

  test("every option its usage line and its help name is accepted", async () => {
    const line = (await listedUsages()).get(name)!;
    const help = (await ziping(name, "--help")).out;
    // "-o, --output 输出.xlsx": -o takes the value too.
    const rows = help.split("\n选项：\n")[1].replace(/(-\w), (--[a-z-]+)( [^\s-]\S*)?/g, "$1$3 $2$3");
    const named = optionsIn(line).concat(optionsIn(rows));
    expect(named.length).toBeGreaterThan(1);
    for (const { flag, value } of named) {
      // With --help the command does nothing but print its help: exit 0 whenever parsing succeeds.
      const r = await ziping(name, "--help", flag, ...(value ? [value] : []));
      expect([flag, r.code, r.err]).toEqual([flag, 0, ""]);
    }
  });

  test("every option the parser accepts is named in its usage line (and --help in its help)", async () => {
    const line = (await listedUsages()).get(name)!;
    const help = (await ziping(name, "--help")).out;
    const inLine = new Set(optionsIn(line).map((o) => o.flag));
    const inHelp = new Set(optionsIn(help).map((o) => o.flag));
    for (const [long, o] of Object.entries(parserOptions(name))) {
      expect([long, inHelp.has("--" + long)]).toEqual([long, true]);
      if (o.short) expect([long, inHelp.has("-" + o.short)]).toEqual([long, true]);
      if (long === "help") continue;
      expect([long, inLine.has("--" + long) || (o.short !== undefined && inLine.has("-" + o.short))]).toEqual([
        long,
        true,
      ]);
    }
  });

  test("an option of another command that this one does not name is refused", async () => {
    const usages = await listedUsages();
    const mine = new Set(optionsIn(usages.get(name)!).map((o) => o.flag));
    const others = new Set(Array.from(usages.values()).flatMap((l) => optionsIn(l).map((o) => o.flag)));
    for (const flag of others) {
      if (mine.has(flag)) continue;
      const r = await ziping(name, flag, "x");
      expect([flag, r.code, r.err.split("\n")[0]]).toEqual([flag, 2, "参数有误：没有“" + flag + "”这个选项"]);
    }
  });
});

/** The code in a markdown file: inline code spans and the lines of fenced blocks. */
function codeOf(markdown: string): string[] {
  const code: string[] = [];
  const fenced = /^```[^\n]*\n([\s\S]*?)^```/gm;
  for (const m of markdown.matchAll(fenced)) code.push(...m[1].split("\n"));
  for (const m of markdown.replace(fenced, "").matchAll(/`([^`\n]+)`/g)) code.push(m[1].replace(/\\\|/g, "|"));
  return code;
}

/** "ziping fill FILE -o OUT --json", "npx ziping score …", or a span that starts with a command's name. */
function mentions(code: string): Array<{ command: string; rest: string }> {
  const found: Array<{ command: string; rest: string }> = [];
  for (const m of code.matchAll(/(?:^|\s)ziping (\S+)(.*)/g)) found.push({ command: m[1], rest: m[2] });
  const first = /^([a-z]+)\s(.*)$/.exec(code.trim());
  if (first && NAMES.indexOf(first[1]) >= 0 && !/^ziping /.test(code.trim()))
    found.push({ command: first[1], rest: first[2] });
  return found;
}

describe("README.md and docs/*.md", () => {
  const files = ["README.md"].concat(
    readdirSync(join(ROOT, "docs"))
      .filter((f) => f.endsWith(".md"))
      .map((f) => "docs/" + f)
  );

  test.each(files)("every `ziping <命令> --选项` in %s is an option of that command", (file) => {
    const text = readFileSync(join(ROOT, file), "utf8");
    const wrong: string[] = [];
    let seen = 0;
    for (const code of codeOf(text)) {
      for (const { command, rest } of mentions(code)) {
        if (command.startsWith("<")) continue; // "ziping <命令> --help"
        if (command === "help") {
          const asked = rest.trim().split(/\s+/)[0];
          if (asked && asked !== "<命令>" && NAMES.indexOf(asked) < 0) wrong.push("ziping help " + asked);
          continue;
        }
        if (NAMES.indexOf(command) < 0) {
          wrong.push("ziping " + command + "（没有这个命令）");
          continue;
        }
        const options = parserOptions(command);
        for (const { flag } of optionsIn(rest)) {
          seen++;
          const known = flag.startsWith("--")
            ? options[flag.slice(2)] !== undefined
            : Object.values(options).some((o) => "-" + o.short === flag);
          if (!known) wrong.push("ziping " + command + " " + flag);
        }
      }
    }
    expect(wrong).toEqual([]);
    // README names options in its command table and examples; CONTRACTS.md in its command list. The
    // other docs (design, facts, sources) may name none: for them the check is that none is wrong.
    if (/README\.md$|CONTRACTS\.md$/.test(file)) expect(seen).toBeGreaterThan(5);
  });

  test("README's command table shows every command's usage line as `ziping help` prints it", async () => {
    const readme = readFileSync(join(ROOT, "README.md"), "utf8");
    const rows = new Map<string, string>();
    for (const m of readme.matchAll(/^\| `(ziping (\S+)[^`]*)` \|/gm)) rows.set(m[2], m[1].replace(/\\\|/g, "|"));
    expect(Object.fromEntries(rows)).toEqual(Object.fromEntries(await listedUsages()));
  });
});
