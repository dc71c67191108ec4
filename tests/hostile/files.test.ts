/**
 * Hostile files through readWorkbook and through the command line (validate, inspect --json,
 * fill -o): empty, random bytes, a CSV or an HTML table renamed .xlsx, zips that hold no workbook,
 * truncated samples, an OLE2 file (a real .xls, an encrypted workbook's signature), a folder named
 * x.xlsx, a missing path — each is exit 2 with a Chinese message naming the file, never a crash
 * or a stack trace; readWorkbook rejects with XlsxReadError for every byte case. Byte-level damage
 * of real samples (fast-check, fixed seed) ends in XlsxReadError or a workbook recognition copes
 * with. A sheet of about 50 MB of XML is validated and inspected within a generous time limit.
 */
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as ExcelJS from "exceljs";
import fc from "fast-check";
import JSZip from "jszip";
import { readWorkbook, XlsxReadError, type XlsxReadFailure } from "../../src/adapters/xlsx/index";
import { builtinRubrics } from "../../src/rubric/builtin/index";
import { recognizeWorkbook } from "../../src/sheet/workbook";
import { ziping } from "../cli/run";
import { cleanFailureProblem, hasCjk, lostCells, runCli, STACK } from "../support/hostile";

const SAMPLES = join(__dirname, "..", "..", "assets", "samples");
const SAMPLE_FILES = ["微山县-任务分解表.xlsx", "曹县-评分细则.xlsx", "会宁县-考核表.xlsx"].map((f) =>
  join(SAMPLES, f)
);
/** A real .xls (BIFF8 in an OLE2 compound file): 曹县-评分细则.xlsx saved as "MS Excel 97" by LibreOffice 7.4. */
const REAL_XLS = join(__dirname, "fixtures", "caoxian.xls");

const dir = mkdtempSync(join(tmpdir(), "ziping-hostile-files-"));
const outDir = mkdtempSync(join(tmpdir(), "ziping-hostile-out-"));
/** The byte cases alone (and the folder named x.xlsx), for batch. */
const bytesDir = join(dir, "bytes");
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  rmSync(outDir, { recursive: true, force: true });
});

let cases = 0;
const counts: Record<string, number> = {};
function count(what: string, n = 1): void {
  cases += n;
  counts[what] = (counts[what] ?? 0) + n;
}
afterAll(() => {
  console.log(
    "hostile files — " +
      cases +
      " cases: " +
      Object.entries(counts)
        .map(([k, v]) => k + " " + v)
        .join(", ")
  );
});

/** A seeded generator (mulberry32): the same "random" bytes on every run. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function randomBytes(seed: number, n: number, prefix: number[] = []): Buffer {
  const next = random(seed);
  const b = Buffer.alloc(n);
  for (let i = 0; i < n; i++) b[i] = Math.floor(next() * 256);
  // Not a zip and not OLE by accident, unless the prefix says so.
  if (!prefix.length && (b[0] === 0x50 || b[0] === 0xd0)) b[0] = 0x00;
  Buffer.from(prefix).copy(b, 0);
  return b;
}

function utf16(text: string): Buffer {
  return Buffer.from(text, "utf16le");
}

const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** An OLE2 header followed by directory entries naming these streams (UTF-16LE, as OLE stores them). */
function oleFile(streams: string[]): Buffer {
  const header = Buffer.alloc(512);
  Buffer.from(OLE).copy(header, 0);
  header.writeUInt16LE(0x003e, 0x18); // minor version
  header.writeUInt16LE(0x0003, 0x1a); // major version 3
  header.writeUInt16LE(0xfffe, 0x1c); // little-endian
  header.writeUInt16LE(0x0009, 0x1e); // 512-byte sectors
  const entries = streams.map((name) => {
    const e = Buffer.alloc(128);
    utf16(name).copy(e, 0);
    e.writeUInt16LE((name.length + 1) * 2, 0x40);
    e[0x42] = 2; // stream
    return e;
  });
  return Buffer.concat([header, utf16("Root Entry"), Buffer.alloc(118), ...entries, Buffer.alloc(1024)]);
}

async function zipOf(files: Record<string, string>): Promise<Buffer> {
  const zip = new JSZip();
  for (const [name, text] of Object.entries(files)) zip.file(name, text);
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}

interface ByteCase {
  name: string;
  bytes: () => Promise<Buffer> | Buffer;
  /** The reasons readWorkbook may give. */
  reasons: XlsxReadFailure[];
}

const CSV = "序号,工作内容,分值,自评得分\r\n1,建立养老服务联席会议制度,4,4\r\n";
/** "序号,工作内容\r\n" in GBK, as a Chinese Excel saves a CSV: starts with 0xD0 like an OLE file. */
const GBK_CSV = Buffer.from([0xd0, 0xf2, 0xba, 0xc5, 0x2c, 0xb9, 0xa4, 0xd7, 0xf7, 0xc4, 0xda, 0xc8, 0xdd, 0x0d, 0x0a]);

const byteCases: ByteCase[] = [
  { name: "empty", bytes: () => Buffer.alloc(0), reasons: ["empty"] },
  { name: "random", bytes: () => randomBytes(1, 4096), reasons: ["not-xlsx"] },
  { name: "random-after-PK", bytes: () => randomBytes(2, 4096, [0x50, 0x4b, 0x03, 0x04]), reasons: ["corrupt-zip"] },
  { name: "PK-only", bytes: () => Buffer.from("PK"), reasons: ["corrupt-zip"] },
  {
    name: "csv-utf8-bom",
    bytes: () => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(CSV)]),
    reasons: ["not-xlsx"],
  },
  { name: "csv-gbk", bytes: () => GBK_CSV, reasons: ["not-xlsx"] },
  {
    name: "html-table",
    bytes: () =>
      Buffer.from('<html><meta charset="utf-8"><table><tr><td>序号</td><td>工作内容</td></tr></table></html>'),
    reasons: ["not-xlsx"],
  },
  { name: "empty-zip", bytes: () => zipOf({}), reasons: ["no-workbook"] },
  {
    name: "zip-without-workbook",
    bytes: () => zipOf({ "readme.txt": "没有工作簿", "xl/styles.xml": "<styleSheet/>" }),
    reasons: ["no-workbook"],
  },
  {
    name: "docx",
    bytes: () =>
      zipOf({
        "[Content_Types].xml":
          '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
        "word/document.xml":
          '<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>',
      }),
    reasons: ["other-format"],
  },
  {
    name: "ods",
    bytes: () =>
      zipOf({
        mimetype: "application/vnd.oasis.opendocument.spreadsheet",
        "content.xml": "<office:document-content/>",
      }),
    reasons: ["other-format"],
  },
  { name: "xlsb", bytes: () => zipOf({ "xl/workbook.bin": "\u0000\u0001" }), reasons: ["other-format"] },
  {
    name: "ole-header-only",
    bytes: () => Buffer.concat([Buffer.from(OLE), Buffer.alloc(504)]),
    reasons: ["ole", "xls", "encrypted"],
  },
  {
    name: "ole-encrypted",
    bytes: () => oleFile(["EncryptionInfo", "EncryptedPackage", "\u0006DataSpaces"]),
    reasons: ["encrypted"],
  },
  { name: "ole-xls-streams", bytes: () => oleFile(["Workbook", "\u0005SummaryInformation"]), reasons: ["xls"] },
  { name: "real-xls", bytes: () => readFileSync(REAL_XLS), reasons: ["xls"] },
  {
    name: "workbook-xml-garbage",
    bytes: async () => {
      const zip = await JSZip.loadAsync(readFileSync(SAMPLE_FILES[1]));
      zip.file("xl/workbook.xml", "<<<不是 XML");
      return zip.generateAsync({ type: "nodebuffer" });
    },
    reasons: ["corrupt-workbook"],
  },
  {
    name: "sheet-xml-cut-in-half",
    bytes: async () => {
      const zip = await JSZip.loadAsync(readFileSync(SAMPLE_FILES[1]));
      const xml = await zip.file("xl/worksheets/sheet1.xml")!.async("string");
      zip.file("xl/worksheets/sheet1.xml", xml.slice(0, xml.length >> 1));
      return zip.generateAsync({ type: "nodebuffer" });
    },
    reasons: ["corrupt-workbook"],
  },
  ...SAMPLE_FILES.flatMap((file, i) =>
    [0.1, 0.5, 0.9].map((part) => ({
      name: "truncated-" + Math.round(part * 100) + "%-" + ["weishan", "caoxian", "huining"][i],
      bytes: () => {
        const all = readFileSync(file);
        return all.subarray(0, Math.floor(all.length * part));
      },
      reasons: ["corrupt-zip", "corrupt-workbook"] as XlsxReadFailure[],
    }))
  ),
];

const files = new Map<string, string>();
const written = new Map<string, Buffer>();

beforeAll(async () => {
  mkdirSync(bytesDir);
  for (const c of byteCases) {
    const file = join(bytesDir, c.name + ".xlsx");
    const bytes = Buffer.from(await c.bytes());
    writeFileSync(file, bytes);
    files.set(c.name, file);
    written.set(c.name, bytes);
  }
});

describe("readWorkbook on hostile bytes", () => {
  test.each(byteCases.map((c) => [c.name, c] as const))(
    "%s: rejects with XlsxReadError and a Chinese message",
    async (_, c) => {
      count("readWorkbook");
      const bytes = readFileSync(files.get(c.name)!);
      const error = await readWorkbook(bytes).then(
        () => undefined,
        (e: unknown) => e
      );
      expect(error).toBeInstanceOf(XlsxReadError);
      const e = error as XlsxReadError;
      expect(c.reasons).toContain(e.reason);
      expect(e.message).toMatch(/[\u4e00-\u9fff]/);
      expect(e.message).not.toMatch(STACK);
    }
  );

  test("an encrypted workbook and a .xls say so", async () => {
    count("readWorkbook");
    const encrypted = await readWorkbook(readFileSync(files.get("ole-encrypted")!)).catch((e: XlsxReadError) => e);
    expect((encrypted as XlsxReadError).message).toContain("加密");
    const xls = await readWorkbook(readFileSync(REAL_XLS)).catch((e: XlsxReadError) => e);
    expect((xls as XlsxReadError).message).toContain(".xls");
  });

  test("not bytes at all: XlsxReadError", async () => {
    for (const input of [undefined, null, "PK", 42, {}, [0x50, 0x4b]]) {
      count("readWorkbook");
      await expect(readWorkbook(input as unknown as Buffer)).rejects.toBeInstanceOf(XlsxReadError);
    }
  });
});

describe("the command line on hostile files", () => {
  // As on a machine without LibreOffice: a real .xls renamed .xlsx is then one clear refusal saying
  // how to convert it (tests/e2e/legacy.e2e.test.ts has LibreOffice convert it instead).
  const soffice = process.env.ZIPING_SOFFICE;
  beforeAll(() => {
    process.env.ZIPING_SOFFICE = "";
  });
  afterAll(() => {
    if (soffice === undefined) delete process.env.ZIPING_SOFFICE;
    else process.env.ZIPING_SOFFICE = soffice;
  });
  const pathCases = (): Array<[string, string]> => {
    const folder = join(bytesDir, "x.xlsx");
    mkdirSync(folder, { recursive: true });
    return [
      ...byteCases.map((c) => [c.name, files.get(c.name)!] as [string, string]),
      ["folder named x.xlsx", folder],
      ["missing path", join(dir, "没有这个文件.xlsx")],
      ["missing folder", join(dir, "no", "such", "dir.xlsx")],
    ];
  };

  test("validate, inspect --json and fill -o: exit 2, Chinese on stderr naming the file, no stack, nothing written", async () => {
    const problems: string[] = [];
    for (const [name, file] of pathCases()) {
      const out = join(outDir, name + "-filled.xlsx");
      const runs: Array<[string, string[]]> = [
        ["validate", ["validate", file]],
        ["validate --json", ["validate", file, "--json"]],
        ["validate --report", ["validate", file, "--report", join(outDir, name + "-report.xlsx")]],
        ["inspect --json", ["inspect", file, "--json"]],
        ["fill -o", ["fill", file, "-o", out]],
        ["score --json", ["score", file, "--json"]],
      ];
      for (const [label, argv] of runs) {
        count("cli");
        const r = await runCli(ziping, ...argv);
        const problem = cleanFailureProblem(r, file);
        if (problem) problems.push(name + " / " + label + ": " + problem);
      }
    }
    expect(problems).toEqual([]);
    // Nothing was written for a file that could not be read: no output, no temporary file.
    expect(readdirSync(outDir)).toEqual([]);
  });

  /**
   * batch walks folders with statSync outside any try (src/cli/commands/batch.ts collectFiles/walk):
   * a dangling symlink (a broken shortcut in a shared folder) or a symlink loop throws ENOENT/ELOOP
   * out of run() — "内部错误" and a stack trace instead of a row with an error.
   */
  test.each([
    ["a dangling symlink", (d: string) => symlinkSync(join(d, "nowhere"), join(d, "断开的链接.xlsx"))],
    ["a symlink loop", (d: string) => symlinkSync(".", join(d, "loop"))],
  ])("batch over a folder with %s: rows, not a crash", async (_, make) => {
    const d = mkdtempSync(join(dir, "batch-"));
    writeFileSync(join(d, "a.xlsx"), readFileSync(SAMPLE_FILES[1]));
    make(d);
    count("cli");
    const r = await runCli(ziping, "batch", d, "--json");
    expect(r.crash).toBeUndefined();
    expect([1, 2]).toContain(r.code);
    expect(r.err).not.toMatch(STACK);
  });

  test("batch over the folder of hostile files: one row per file, each with a Chinese error, exit 1", async () => {
    count("cli");
    const r = await runCli(ziping, "batch", bytesDir, "--json");
    expect(r.crash).toBeUndefined();
    expect(r.code).toBe(1);
    const rows = JSON.parse(r.out).rows as Array<{ file: string; error?: string }>;
    expect(rows.length).toBe(byteCases.length);
    for (const row of rows) {
      expect(hasCjk(row.error ?? "")).toBe(true);
      expect(row.error).not.toMatch(STACK);
    }
  });
});

// --- damaged samples (fast-check) ----------------------------------------------------------------

describe("damaged real samples", () => {
  const originals = SAMPLE_FILES.map((f) => readFileSync(f));

  /** Where damage lands: past the 4-byte zip signature (damage there is the trivial "not a zip" case). */
  const position = fc.integer({ min: 0, max: 1 << 20 });
  const damageArb = fc.array(
    fc.oneof(
      fc.record({ kind: fc.constant("flip" as const), at: position, value: fc.nat(255) }),
      fc.record({ kind: fc.constant("zero" as const), at: position, length: fc.integer({ min: 1, max: 64 }) }),
      fc.record({ kind: fc.constant("cut" as const), at: position })
    ),
    { minLength: 1, maxLength: 6 }
  );

  // A hang would end in jest's timeout; how long a read takes is for the benchmark, not a test.
  async function outcomeOf(bytes: Buffer, outcomes: Record<string, number>): Promise<void> {
    let outcome: string;
    try {
      const wb = await readWorkbook(bytes);
      const recs = recognizeWorkbook(wb.grids(), builtinRubrics);
      outcome = recs.some((r) => r.match) ? "read, matched" : "read, no match";
    } catch (e) {
      if (!(e instanceof XlsxReadError)) throw e;
      expect(hasCjk(e.message)).toBe(true);
      outcome = e.reason;
    }
    outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
  }

  test("flipped bytes, cut tails and zeroed runs of the zip: XlsxReadError or a workbook that recognition copes with", async () => {
    let runs = 0;
    const outcomes: Record<string, number> = {};
    const started = Date.now();
    await fc.assert(
      fc.asyncProperty(fc.nat(2), damageArb, async (which, damage) => {
        runs++;
        let bytes = Buffer.from(originals[which]);
        for (const d of damage) {
          const at = 4 + (d.at % Math.max(1, bytes.length - 4));
          if (d.kind === "flip") bytes[at] = d.value;
          else if (d.kind === "zero") bytes.fill(0, at, Math.min(bytes.length, at + d.length));
          else bytes = bytes.subarray(0, at);
        }
        await outcomeOf(bytes, outcomes);
      }),
      { seed: 20261124, numRuns: 300, interruptAfterTimeLimit: 30_000 }
    );
    count("damaged zips", runs);
    console.log(
      "damaged zips: " +
        runs +
        " runs in " +
        ((Date.now() - started) / 1000).toFixed(1) +
        " s — " +
        Object.entries(outcomes)
          .map(([k, v]) => k + " " + v)
          .join(", ")
    );
  });

  test("damaged XML inside a well-formed zip (sheet, shared strings, workbook, styles): XlsxReadError or a workbook recognition copes with", async () => {
    const zips = await Promise.all(originals.map((b) => JSZip.loadAsync(b)));
    const parts = [
      "xl/worksheets/sheet1.xml",
      "xl/sharedStrings.xml",
      "xl/workbook.xml",
      "xl/styles.xml",
      "xl/_rels/workbook.xml.rels",
      "[Content_Types].xml",
    ];
    const texts = await Promise.all(
      zips.map(async (z) => {
        const m = new Map<string, string>();
        for (const p of parts) {
          const f = z.file(p);
          if (f) m.set(p, await f.async("string"));
        }
        return m;
      })
    );
    const SNIPPETS = [
      "<",
      ">",
      "&",
      "&amp;",
      "&#0;",
      "\u0000",
      '"',
      "</c>",
      '<c r="A1" t="s"><v>99999</v></c>',
      "<v>NaN</v>",
      "<v>1e999</v>",
      't="e"',
      '<mergeCell ref="A1:XFD1048576"/>',
      'r="XFE1"',
      "😀",
      "\ud800",
    ];
    let runs = 0;
    const outcomes: Record<string, number> = {};
    const started = Date.now();
    await fc.assert(
      fc.asyncProperty(
        fc.nat(2),
        fc.constantFrom(...parts),
        fc.array(
          fc.record({
            at: position,
            remove: fc.nat(40),
            insert: fc.oneof(fc.constantFrom(...SNIPPETS), fc.string({ maxLength: 6 })),
          }),
          { minLength: 1, maxLength: 5 }
        ),
        async (which, part, edits) => {
          runs++;
          let xml = texts[which].get(part);
          if (xml === undefined) return;
          for (const e of edits) {
            const at: number = e.at % (xml.length + 1);
            xml = xml.slice(0, at) + e.insert + xml.slice(at + e.remove);
          }
          const zip = await JSZip.loadAsync(originals[which]);
          zip.file(part, xml);
          await outcomeOf(await zip.generateAsync({ type: "nodebuffer" }), outcomes);
        }
      ),
      { seed: 20261125, numRuns: 300, interruptAfterTimeLimit: 30_000 }
    );
    count("damaged xml", runs);
    console.log(
      "damaged xml: " +
        runs +
        " runs in " +
        ((Date.now() - started) / 1000).toFixed(1) +
        " s — " +
        Object.entries(outcomes)
          .map(([k, v]) => k + " " + v)
          .join(", ")
    );
  });
});

// --- a 50 MB sheet -------------------------------------------------------------------------------

const BIG_ROWS = 125_000;
const BIG_COLS = 10;

/** A real .xlsx whose sheet XML is about 50 MB: 125 000 rows × 10 cells of text (shared strings). */
async function bigWorkbook(file: string, header: boolean): Promise<number> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true, useStyles: false });
  const ws = wb.addWorksheet("大表");
  if (header)
    ws.addRow([
      "序号",
      "一级指标",
      "二级指标",
      "分值",
      "评分标准",
      "材料提供情况",
      "自评得分",
      "责任单位",
      "备注",
      "说明",
    ]).commit();
  for (let r = 0; r < BIG_ROWS; r++) {
    const row: string[] = [];
    for (let c = 0; c < BIG_COLS; c++) row.push("第" + (r % 1000) + "项第" + c + "列的文字");
    ws.addRow(row).commit();
  }
  ws.commit();
  await wb.commit();
  const zip = await JSZip.loadAsync(readFileSync(file));
  const sheet = zip.file("xl/worksheets/sheet1.xml") as unknown as { _data: { uncompressedSize: number } };
  return sheet._data.uncompressedSize;
}

async function measured(label: string, argv: string[]) {
  const before = process.resourceUsage().maxRSS;
  let sampled = process.memoryUsage().rss;
  const timer = setInterval(() => {
    sampled = Math.max(sampled, process.memoryUsage().rss);
  });
  const start = Date.now();
  const r = await runCli(ziping, ...argv);
  const ms = Date.now() - start;
  clearInterval(timer);
  sampled = Math.max(sampled, process.memoryUsage().rss);
  const maxRSS = process.resourceUsage().maxRSS;
  const line =
    label +
    ": exit " +
    r.code +
    " in " +
    (ms / 1000).toFixed(1) +
    " s; peak RSS " +
    Math.round(sampled / 1048576) +
    " MB sampled (process maxRSS " +
    Math.round(maxRSS / 1024) +
    " MB, before " +
    Math.round(before / 1024) +
    " MB)";
  return { r, ms, line };
}

describe("a 50 MB sheet", () => {
  for (const header of [false, true]) {
    test(
      header
        ? "with a header row: validate and inspect --json finish with an exit code"
        : "plain text: validate and inspect --json finish with an exit code",
      async () => {
        const file = join(dir, header ? "big-header.xlsx" : "big.xlsx");
        const t0 = Date.now();
        const xmlBytes = await bigWorkbook(file, header);
        const made = Date.now() - t0;
        expect(xmlBytes).toBeGreaterThan(45_000_000);
        const lines = [
          "50 MB sheet" +
            (header ? " with a header" : "") +
            ": sheet1.xml " +
            (xmlBytes / 1e6).toFixed(1) +
            " MB, " +
            BIG_ROWS +
            " rows × " +
            BIG_COLS +
            " cells, file " +
            (readFileSync(file).length / 1e6).toFixed(1) +
            " MB, written in " +
            (made / 1000).toFixed(1) +
            " s",
        ];
        for (const argv of [
          ["validate", file],
          ["inspect", file, "--json"],
        ]) {
          count("50 MB");
          const { r, line } = await measured("  ziping " + argv.join(" ").replace(file, "BIG"), argv);
          lines.push(line);
          expect(r.crash).toBeUndefined();
          expect([0, 1]).toContain(r.code);
          expect(r.err).not.toMatch(STACK);
          if (argv[0] === "inspect") expect(JSON.parse(r.out).sheets[0].sheet).toBe("大表");
          else expect(hasCjk(r.err + r.out)).toBe(true);
        }
        console.log(lines.join("\n"));
        rmSync(file, { force: true });
      });
  }
});

test("every hostile input file still holds the bytes it was given (no command wrote its input)", () => {
  for (const c of byteCases) expect(readFileSync(files.get(c.name)!).equals(written.get(c.name)!)).toBe(true);
});

// --- hostile contents in a real workbook -----------------------------------------------------------

describe("hostile contents in a real workbook: every command ends in an exit code; what is written keeps every typed cell", () => {
  const CAOXIAN = SAMPLE_FILES[1];
  const WEISHAN = SAMPLE_FILES[0];
  type Edit = (ws: ExcelJS.Worksheet, wb: ExcelJS.Workbook) => void;
  const variants: Array<[string, string, Edit]> = [
    ["32 767 characters in a 自评得分 cell", CAOXIAN, (ws) => (ws.getCell("G8").value = "两".repeat(32767))],
    [
      "32 767 emoji-and-CJK characters in 材料提供情况",
      CAOXIAN,
      (ws) => (ws.getCell("F4").value = "😀评".repeat(10922).slice(0, 32767)),
    ],
    [
      "huge, tiny and odd numbers as 自评得分",
      CAOXIAN,
      (ws) => {
        ws.getCell("G4").value = 1e308;
        ws.getCell("G5").value = -1e308;
        ws.getCell("G6").value = -0;
        ws.getCell("G7").value = 5e-324;
        ws.getCell("G11").value = Number.MAX_SAFE_INTEGER + 2;
      },
    ],
    [
      "error values, booleans, a date, rich text and a hyperlink as 自评得分",
      CAOXIAN,
      (ws) => {
        ws.getCell("G4").value = { error: "#REF!" } as ExcelJS.CellErrorValue;
        ws.getCell("G5").value = true;
        ws.getCell("G6").value = new Date(Date.UTC(2023, 9, 10));
        ws.getCell("G7").value = { richText: [{ text: "２" }, { text: "分", font: { bold: true } }] };
        ws.getCell("G11").value = { text: "3", hyperlink: "https://example.com/" };
        ws.getCell("G12").value = { formula: "1/0", result: { error: "#DIV/0!" } } as ExcelJS.CellFormulaValue;
        ws.getCell("G13").value = { formula: "1+1", result: 2 };
      },
    ],
    [
      "line breaks, full-width digits and control characters everywhere",
      CAOXIAN,
      (ws) => {
        ws.getCell("C4").value = "1.\r\n建立养老服务\t联席会议制度\u00a0\u3000（４分）";
        ws.getCell("G4").value = "４．５";
        ws.getCell("G5").value = "\u200b3\ufeff";
        ws.getCell("E6").value = "\u0007\u001b";
      },
    ],
    [
      "a note row under the table merged across every column (A:XFD)",
      WEISHAN,
      (ws) => {
        ws.getCell("A35").value = "注：本表由县民政局负责解释";
        ws.mergeCells("A35:XFD35");
      },
    ],
    ["the last cell of the sheet (XFD1048576) typed", WEISHAN, (ws) => (ws.getCell("XFD1048576").value = "最后一格")],
    ["a sheet name with an apostrophe and a space", CAOXIAN, (ws) => (ws.name = "评分 细则'2023")],
    [
      "a second copy of the table on another sheet, and an empty sheet",
      CAOXIAN,
      (ws, wb) => {
        const copy = wb.addWorksheet("副本");
        ws.eachRow((row, n) => row.eachCell((cell, c) => (copy.getCell(n, c).value = cell.value)));
        wb.addWorksheet("空表");
      },
    ],
  ];

  /**
   * A county's own sheet that happens to be called 自评汇总 or 校验报告 (names a person could well
   * choose) is taken for Ziping's and overwritten: fill clears 自评汇总, --report clears 校验报告, and
   * what was typed there is gone from the output. Ziping could tell its sheets by the _ziping sheet
   * a fill writes (absent here), or refuse / pick another name.
   */
  variants.push([
    "user sheets named like Ziping's own (自评汇总, 校验报告) with typed content, and no _ziping sheet",
    CAOXIAN,
    (ws, wb) => {
      wb.addWorksheet("自评汇总").getCell("A1").value = "县里自己写的汇总，不要删";
      wb.addWorksheet("校验报告").getCell("B2").value = "去年的人工审核意见";
    },
  ]);

  test.each(variants)(
    "%s",
    async (name, source, edit) => {
      const vdir = mkdtempSync(join(dir, "contents-"));
      const input = join(vdir, "in.xlsx");
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(source);
      edit(wb.worksheets[0], wb);
      await wb.xlsx.writeFile(input);
      const bytes = readFileSync(input);
      const problems: string[] = [];
      const outputs: Array<[string, string[]]> = [
        [join(vdir, "filled.xlsx"), ["fill", input, "-o", join(vdir, "filled.xlsx")]],
        [join(vdir, "report.xlsx"), ["validate", input, "--report", join(vdir, "report.xlsx")]],
        ["", ["validate", input, "--json"]],
        ["", ["inspect", input, "--json"]],
        ["", ["score", input, "--json"]],
      ];
      for (const [out, argv] of outputs) {
        count("hostile contents");
        const r = await runCli(ziping, ...argv);
        const label = argv[0] + (argv.length > 2 ? " " + argv[2] : "");
        if (r.crash !== undefined) {
          problems.push(
            label +
              " crashed: " +
              (r.crash instanceof Error ? r.crash.stack?.split("\n").slice(0, 3).join(" | ") : String(r.crash))
          );
          continue;
        }
        if ([0, 1, 2].indexOf(r.code) < 0) problems.push(label + ": exit " + r.code);
        if (STACK.test(r.err)) problems.push(label + ": stack on stderr");
        if (r.code === 2 && !hasCjk(r.err)) problems.push(label + ": exit 2 without a Chinese message");
        if (argv.indexOf("--json") >= 0 && r.code !== 2) JSON.parse(r.out);
        if (out && existsSync(out)) {
          const { lost } = await lostCells(input, out);
          if (lost.length) problems.push(label + " lost " + lost.length + " cells: " + lost.slice(0, 3).join("; "));
        }
      }
      expect(readFileSync(input).equals(bytes)).toBe(true);
      // No temporary file left beside the outputs.
      expect(readdirSync(vdir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
      expect({ name, problems }).toEqual({ name, problems: [] });
    });
});
