/**
 * .xls and .et where county offices have them (issue 15): with LibreOffice installed, the CLI
 * converts them to a temporary .xlsx and goes on, saying so, and batch ranks them with the .xlsx;
 * without it, each is named in its row with how to convert it — no county silently dropped. The
 * legacy files here are made by LibreOffice from the bundled samples (a .et is what WPS and
 * LibreOffice register as Excel 97).
 */
import { copyFileSync, existsSync, mkdtempSync, readFileSync, renameSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { execFileSync } from "node:child_process";
import { pathToFileURL } from "node:url";
import { ziping } from "../cli/run";
import { hasLibreOffice, sofficePath } from "../support/libreoffice";

const SAMPLES = join(__dirname, "..", "..", "assets", "samples");
const describeLO = hasLibreOffice() ? describe : describe.skip;
jest.setTimeout(300_000);

/** `file` saved by LibreOffice as Excel 97 (.xls) into `dir`, named `name`. */
function toXls(file: string, dir: string, name: string): string {
  const work = mkdtempSync(join(tmpdir(), "ziping-xls-"));
  try {
    copyFileSync(file, join(work, "in.xlsx"));
    execFileSync(
      sofficePath()!,
      [
        "-env:UserInstallation=" + pathToFileURL(join(work, "profile")).href,
        "--headless",
        "--convert-to",
        "xls:MS Excel 97",
        "--outdir",
        work,
        join(work, "in.xlsx"),
      ],
      { env: { ...process.env, HOME: work }, stdio: "pipe", timeout: 120_000 }
    );
    const out = join(dir, name);
    renameSync(join(work, "in.xls"), out);
    return out;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

describeLO("legacy workbooks", () => {
  const dir = mkdtempSync(join(tmpdir(), "ziping-legacy-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  beforeAll(() => {
    copyFileSync(join(SAMPLES, "曹县-评分细则.xlsx"), join(dir, "甲县.xlsx"));
    toXls(join(SAMPLES, "微山县-任务分解表.xlsx"), dir, "乙县.xls");
    toXls(join(SAMPLES, "会宁县-考核表.xlsx"), dir, "丙县.et");
  });

  test("batch ranks .xlsx, .xls and .et alike when LibreOffice is here, saying which it converted", async () => {
    const r = await ziping("batch", dir, "--json");
    const rows = r.json().rows as Array<{ file: string; rubric: { id: string } | null; rank: number | null; note?: string; error?: string }>;
    expect(rows.map((row) => [row.file.split("/").pop(), row.rubric?.id ?? null, row.rank, row.note ?? null, row.error ?? null])).toEqual([
      // Rubrics in the order of their first file by code point (丙 U+4E19 < 乙 U+4E59 < 甲 U+7532).
      ["丙县.et", "huining-2020", 1, "已用 LibreOffice 转换为 .xlsx 后检查", null],
      ["乙县.xls", "weishan-2023", 1, "已用 LibreOffice 转换为 .xlsx 后检查", null],
      ["甲县.xlsx", "sd-2023", 1, null, null],
    ]);
  });

  test("without LibreOffice each non-xlsx is in its row with the reason, never left out", async () => {
    process.env.ZIPING_SOFFICE = "";
    try {
      const r = await ziping("batch", dir, "--json");
      expect(r.code).toBe(1);
      const rows = r.json().rows as Array<{ file: string; rank: number | null; error?: string }>;
      expect(rows.map((row) => row.file.split("/").pop()).sort()).toEqual(["丙县.et", "乙县.xls", "甲县.xlsx"].sort());
      for (const row of rows.filter((x) => !x.file.endsWith(".xlsx"))) {
        expect(row.rank).toBeNull();
        expect(row.error).toMatch(/本机没有安装 LibreOffice.*另存为 \.xlsx/);
      }
    } finally {
      delete process.env.ZIPING_SOFFICE;
    }
  });

  test("fill on an .xls: converted, said so, written as .xlsx; the .xls untouched", async () => {
    const input = join(dir, "乙县.xls");
    const before = readFileSync(input);
    const out = join(dir, "乙县-自评.xlsx");
    const r = await ziping("fill", input, "-o", out);
    expect(r.code).toBe(0);
    expect(r.err).toContain("不是 .xlsx，已用 LibreOffice 转换为 .xlsx 后读取");
    expect(existsSync(out)).toBe(true);
    expect(readFileSync(input).equals(before)).toBe(true);
    // An output named .xls is refused: outputs are always .xlsx.
    expect((await ziping("fill", input, "-o", join(dir, "x.xls"))).err).toContain("输出文件应以 .xlsx 结尾");
  });
});
