#!/usr/bin/env node
/**
 * The hostile files of issue 12, through the real CLI under /usr/bin/time -v: peak memory and wall
 * time of `ziping fill` on each (needs `npm run build:cli`). Figures for the record, never asserted
 * (tests/hostile/bounds.test.ts checks the outcomes):
 *
 *   node scripts/hostile-bounds.mjs
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";

const require = createRequire(import.meta.url);
const JSZip = require("jszip");
const root = join(import.meta.dirname ?? new URL(".", import.meta.url).pathname, "..");
const sample = readFileSync(join(root, "assets", "samples", "曹县-评分细则.xlsx"));
const dir = mkdtempSync(join(tmpdir(), "ziping-hostile-"));

const worksheet = (rows) =>
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>' +
  rows +
  "</sheetData></worksheet>";

async function withSheet(name, xml) {
  const zip = await JSZip.loadAsync(sample);
  zip.file("xl/worksheets/sheet1.xml", xml);
  const file = join(dir, name);
  writeFileSync(file, await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));
  return file;
}

function rows(n) {
  const out = [];
  for (let r = 1; r <= n; r++) out.push('<row r="' + r + '"><c r="A' + r + '"><v>' + r + "</v></c></row>");
  return out.join("");
}

/** A zip whose one media entry declares 5 GB: the sizes in both headers rewritten after writing. */
async function declaredBomb() {
  const zip = await JSZip.loadAsync(sample);
  zip.file("xl/media/image1.png", Buffer.alloc(1024 * 1024));
  const bytes = await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
  const name = Buffer.from("xl/media/image1.png");
  // Local header (PK\3\4): uncompressed size at +22; central header (PK\1\2): at +24.
  for (let i = 0; i + 4 < bytes.length; i++) {
    const local = bytes.readUInt32LE(i) === 0x04034b50 && bytes.subarray(i + 30, i + 30 + name.length).equals(name);
    const central = bytes.readUInt32LE(i) === 0x02014b50 && bytes.subarray(i + 46, i + 46 + name.length).equals(name);
    if (local) bytes.writeUInt32LE(0xffffffff, i + 22);
    if (central) bytes.writeUInt32LE(0xffffffff, i + 24);
  }
  const file = join(dir, "declared-5GB.xlsx");
  writeFileSync(file, bytes);
  return file;
}

async function mediaBomb() {
  const zip = await JSZip.loadAsync(sample);
  for (let i = 0; i < 4; i++) zip.file("xl/media/pad" + i + ".bin", Buffer.alloc(190 * 1024 * 1024));
  const file = join(dir, "media-760MB.xlsx");
  writeFileSync(file, await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));
  return file;
}

function measure(file) {
  const r = spawnSync(
    "/usr/bin/time",
    ["-v", process.execPath, join(root, "dist", "cli", "main.js"), "fill", file, "-o", join(dir, "out.xlsx"), "--force"],
    { encoding: "utf8", maxBuffer: 1 << 24 }
  );
  const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr);
  const wall = /Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): ([\d:.]+)/.exec(r.stderr);
  const message = r.stderr.split("\n").find((l) => /[\u4e00-\u9fff]/.test(l)) ?? r.stdout.split("\n")[0];
  return {
    exit: r.status,
    peakMB: rss ? Math.round(Number(rss[1]) / 1024) : null,
    wall: wall ? wall[1] : null,
    bytes: readFileSync(file).length,
    message: (message ?? "").slice(0, 90),
  };
}

try {
  const cases = [
    ["one <row r=\"99999999\">", await withSheet("row-99999999.xlsx", worksheet('<row r="99999999"><c r="A99999999"><v>1</v></c></row>'))],
    ["1 048 576 rows", await withSheet("rows-1048576.xlsx", worksheet(rows(1048576)))],
    ["300 000 rows", await withSheet("rows-300000.xlsx", worksheet(rows(300000)))],
    ["media inflating to 760 MB", await mediaBomb()],
    ["an entry declaring 5 GB", await declaredBomb()],
  ];
  for (const [label, file] of cases) console.log(label.padEnd(28), JSON.stringify(measure(file)));
} finally {
  rmSync(dir, { recursive: true, force: true });
}
