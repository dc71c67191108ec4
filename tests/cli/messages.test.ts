/**
 * Every message a user meets is Chinese (issue 14): argument errors the parser raises, options given
 * together that exclude each other, a LibreOffice that fails (node's "Command failed: …" was passed
 * through), and a rubric file that does not fit the schema (zod's English defaults were passed
 * through). Expected texts are the ones written in src/cli/run.ts, src/cli/convert.ts and
 * src/rubric/validate.ts.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { failureText } from "../../src/cli/convert";
import { checkRubric } from "../../src/rubric/validate";
import { trustedBuiltinRubrics } from "../../src/rubric/builtin/data";
import { ziping } from "./run";

const SAMPLES = join(__dirname, "..", "..", "assets", "samples");
const CAOXIAN = join(SAMPLES, "曹县-评分细则.xlsx");
const tmp = () => mkdtempSync(join(tmpdir(), "ziping-messages-"));
const ENGLISH = /Invalid|expected|received|Command failed|Error|ENOENT|undefined/;

describe("argument errors", () => {
  test("an option's value missing names the option as both its spellings", async () => {
    const r = await ziping("fill", CAOXIAN, "-o");
    expect(r.code).toBe(2);
    expect(r.err.split("\n")[0]).toBe("参数有误：选项“-o（--output）”后面需要跟一个值");
  });
  test("a value given to a switch", async () => {
    const r = await ziping("score", CAOXIAN, "--json=yes");
    expect([r.code, r.err.split("\n")[0]]).toEqual([2, "参数有误：选项“--json”不带值"]);
  });
  test("an argument a command does not take", async () => {
    const none = await ziping("rubrics", "extra");
    expect([none.code, none.err.split("\n")[0]]).toEqual([2, "参数有误：多余的参数“extra”"]);
    const two = await ziping("fill", CAOXIAN, "second.xlsx", "-o", join(tmp(), "out.xlsx"));
    expect([two.code, two.err.split("\n")[0]]).toEqual([2, "多余的参数“second.xlsx”。"]);
    // import keeps its own words for it (src/cli/commands/import.ts before issue 14).
    const docs = await ziping("import", "a.docx", "b.docx", "-o", join(tmp(), "out.xlsx"));
    expect([docs.code, docs.err.split("\n")[0]]).toEqual([2, "一次只能导入一个文档。"]);
  });
  test("--rubric and --rubric-file together are refused, not one silently preferred", async () => {
    const r = await ziping("score", CAOXIAN, "--rubric", "sd-2023", "--rubric-file", "x.json");
    expect([r.code, r.err.split("\n")[0]]).toEqual([2, "选项 --rubric 和 --rubric-file 只能用其中一个。"]);
  });
  test("batch takes --rubric, as docs/CONTRACTS.md says (fill, score, validate, batch)", async () => {
    // 曹县's sheet against 会宁's 考核表 (11 indicators, none in 曹县's table): refused in its row.
    const r = await ziping("batch", CAOXIAN, "--rubric", "huining-2020", "--json");
    expect(r.code).toBe(1);
    expect(r.json().rows[0].error).toMatch(
      /^工作表“评分细则”与评分细则“会宁县.*”不相符：评分细则的 11 项指标中，表中只找到 0 项/
    );
  });
  test("help for a command that does not exist", async () => {
    const r = await ziping("help", "frobnicate");
    expect([r.code, r.err.split("\n")[0]]).toEqual([2, "未知命令“frobnicate”。"]);
  });
});

describe("LibreOffice failing", () => {
  test("its exit, a timeout and a missing program are said in Chinese", () => {
    // The fields node's execFile sets (child_process docs): code = exit code, or an errno string.
    expect(failureText(Object.assign(new Error("Command failed: soffice"), { code: 77 }), "soffice", 120000)).toBe(
      "LibreOffice 异常退出（退出码 77）"
    );
    expect(
      failureText(Object.assign(new Error("x"), { killed: true, signal: "SIGTERM" as const }), "soffice", 120000)
    ).toBe("转换超时（超过 120 秒仍未完成）");
    expect(failureText(Object.assign(new Error("spawn x ENOENT"), { code: "ENOENT" }), "/opt/x", 1000)).toBe(
      "无法运行 LibreOffice（/opt/x：找不到该文件或文件夹）"
    );
  });
  test("import of a .doc with a LibreOffice that exits 1: one Chinese line, no node message", async () => {
    const dir = tmp();
    // An OLE compound file's signature (D0 CF 11 E0 A1 B1 1A E1): what a .doc starts with.
    const doc = join(dir, "通知.doc");
    writeFileSync(doc, Buffer.concat([Buffer.from("d0cf11e0a1b11ae1", "hex"), Buffer.alloc(600)]));
    const saved = process.env.ZIPING_SOFFICE;
    process.env.ZIPING_SOFFICE = "/bin/false";
    try {
      const r = await ziping("import", doc, "-o", join(dir, "out.xlsx"));
      expect(r.code).toBe(2);
      expect(r.err).toMatch(/^LibreOffice 未能把 \.doc 转换为 \.docx/);
      expect(r.err).toContain("。LibreOffice 异常退出（退出码 1）：" + doc + "\n");
      expect(r.err).not.toMatch(ENGLISH);
    } finally {
      if (saved === undefined) delete process.env.ZIPING_SOFFICE;
      else process.env.ZIPING_SOFFICE = saved;
    }
  });
});

describe("a rubric file that does not fit the schema", () => {
  test("wrong types, missing fields and lists are said in Chinese, each at its place", () => {
    const checked = checkRubric({ id: "x", title: 3, layout: "grid", year: 2200 });
    if (checked.ok) throw new Error("accepted");
    const errors = Object.fromEntries(checked.errors.map((e) => [e.place, e.message]));
    // src/rubric/schema.ts: title z.string(), document z.string(), year ≤ 2100, layout one of
    // layouts, categories an array (named 一级指标 in LEVEL_NAMES).
    expect(errors["x › 字段 title"]).toBe("应为文字，而这里是数字");
    expect(errors["x › 字段 document"]).toBe("缺少此字段（应为文字）");
    expect(errors["x › 字段 year"]).toBe("应不大于 2100");
    expect(errors["x › 字段 layout"]).toBe('应为以下之一："task-breakdown"、"scoring"、"assessment"、"targets"');
    expect(errors["x › 字段 categories（一级指标）"]).toBe("缺少此字段（应为列表（[…]））");
    for (const e of checked.errors) expect([e.place, e.message]).toEqual([e.place, expect.not.stringMatching(ENGLISH)]);
  });
  test("the schema's own Chinese messages are kept, and an empty text is 不能为空", () => {
    const sd = JSON.parse(JSON.stringify(trustedBuiltinRubrics.find((r) => r.id === "sd-2023")));
    sd.title = "";
    sd.categories[0].indicators[0].criteria[0].id = "A";
    const checked = checkRubric(sd);
    if (checked.ok) throw new Error("accepted");
    const messages = checked.errors.map((e) => e.message);
    expect(messages).toContain("不能为空");
    // src/rubric/criteria/schemas.ts's own message for a criterion id.
    expect(messages).toContain("评分项编号应为小写字母（a、b、c…）");
  });
  test("through the CLI: --rubric-file with a wrong field, exit 2, all Chinese", async () => {
    const dir = tmp();
    const file = join(dir, "细则.json");
    writeFileSync(file, JSON.stringify({ id: "x", title: 3 }));
    const r = await ziping("score", CAOXIAN, "--rubric-file", file);
    expect(r.code).toBe(2);
    expect(r.err.split("\n").slice(0, 2)).toEqual([
      "评分细则文件有误：" + file,
      "x › 字段 title：应为文字，而这里是数字",
    ]);
    expect(r.err).not.toMatch(ENGLISH);
  });
});
