// Builds the sample workbooks in assets/samples/ — tables laid out the way the county offices'
// own documents are, NOT the way the add-in writes its output. Every rubric text is taken from
// the built-in rubrics in src/rubric/builtin/ (weishan-2023, sd-2023, huining-2020), which hold
// the seed documents' texts verbatim (曹县 without the PDF-extraction spaces: "得2分", not
// "得 2 分"); the few layout texts that are not in the rubrics (会宁 工作内容 cells with their
// "（N分）", the 曹县 roster, cover and note lines) are copied from the seed documents below.
//
//   微山县-任务分解表.xlsx   微政办字〔2023〕29号 附件2 任务分解表 (+ sheet "说明", free text)
//   曹县-评分细则.xlsx       曹县 附件2 指标与评分细则（2023年修订版）, partly filled in
//   会宁县-考核表.xlsx       会宁县 附件2 工作要求及考核表, header row repeated after item 4
//   variants/*.xlsx          small layouts for the recognition tests (see assets/samples/README.md)
//
// 曹县-评分细则.xlsx, sheet "评分细则" (title row 1, header rows 2–3, indicators in rows 4–34,
// 合计 in row 35). Typed 自评得分 (column G):
//   row  4  一-1 联席会议制度 (4分)          4
//   row  5  一-2 财政预算 (8分)              6
//   row  6  一-3 国民经济和社会发展规划 (3分) 3
//   row  7  一-4 示范创建方案 (3分)           3
//   row  9  二-2 “四同步” (2分)               "2分"   ← DELIBERATE MISTAKE: text, not a number
//   row 10  二-3 “养老保障贷” (4分)           5       ← DELIBERATE MISTAKE: exceeds the 4 points
//   row 11  三-1 基本养老服务清单 (3分)       2.5
//   row 12  三-2 集中供养/高龄津贴 (3分)      3
//   row 13  三-3 探访关爱 (2分)               2
//   row 15  三-5 入住评估和轮候 (2分)         1.5
// All other 自评得分 cells, and the 合计 row's, are blank.
//
// Deterministic: workbook.created/modified are pinned to 2023-10-10 and the zip entries are
// re-packed with that date, so running the script twice gives identical bytes.
// Run: node scripts/make-samples.mjs
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import ExcelJS from "exceljs";

const require = createRequire(import.meta.url);
// jszip is exceljs's own zip library; resolve it from exceljs so the script needs nothing more.
const JSZip = createRequire(require.resolve("exceljs"))("jszip");

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const OUT = join(ROOT, "assets", "samples");
const PINNED = new Date(Date.UTC(2023, 9, 10, 0, 0, 0));

const rubric = (id) =>
  JSON.parse(readFileSync(join(ROOT, "src", "rubric", "builtin", `${id}.json`), "utf8"));
const WEISHAN = rubric("weishan-2023");
const CAOXIAN = rubric("sd-2023");
const HUINING = rubric("huining-2020");

// ---------------------------------------------------------------------------------------------
// Texts copied from the seed documents that the rubric files do not hold.

/** 微山's 附件2 repeats the 一级指标 cell where the table breaks across pages. */
const WEISHAN_REPEATED_HEADING = new Set(["2.3", "3.6", "6.2"]);

/** 会宁 工作内容 cells exactly as in the seed, "（N分）" and blank-line breaks included. */
const HUINING_CONTENT = {
  1: "建立政府领导、部门协同的试点工作领导小组\n\n（5分）",
  2: "建立试点经费保障机制（10分）",
  3: "建立试点工作督导机制（5分）",
  4: "开展特殊困难老年人筛查摸底工作（8分）",
  5: "推动形成以社会力量为主体的居家和社区养老服务模式（8分）",
  6: "建立居家和社区基本养老服务项目清单和资金保障制度\n\n（10分）",
  7: "推进“幸福白银·银龄驿站”居家和社区养老服务体系建设（30分）",
  8: "推动居家和社区医康养融合发展（8分）",
  9: "强化对农村老年人关爱服务\n\n（10分）",
  10: "加强养老服务人才队伍建设\n\n（6分）",
  11: "社区和居家养老服务创新（加分项目，10分）",
};

/** 微山 plan text (free lines for the "说明" sheet). */
const WEISHAN_NOTES = [
  "附件：1．微山县养老服务体系创新示范县创建工作领导小组组成人员名单",
  "2．微山县养老服务体系创新示范县创建工作任务分解表",
  "",
  "（三）总结验收阶段（10月1日—10月15日）。对照创建标准撰写自评报告，完善创建工作相关资料并整理归档，接受市民政局初评，并准备接受省民政厅组织的考评验收。对创建过程中形成的特色创新、务实管用的经验做法模式进行总结提炼，做好宣传推广。",
  "领导小组办公室设在县民政局，刘毅兼任办公室主任，统筹负责创建工作的指导、协调和督促。",
];

/** 微山 cover page of the 通知. */
const WEISHAN_COVER = [
  "微政办字〔2023〕29号",
  "",
  "微山县人民政府办公室",
  "关于印发《微山县创建全省县域养老服务体系创新示范县实施方案》的通知",
  "",
  "各乡、镇人民政府，各街道办事处，微山经济开发区管委会，县直有关部门、单位，有关企业：",
  "《微山县创建全省县域养老服务体系创新示范县实施方案》已经县政府同意，现印发给你们，请认真贯彻执行。",
  "",
  "微山县人民政府办公室",
  "2023年6月8日",
  "（此件公开发布）",
];

/** 曹县 附件1 领导小组成员名单: [姓名, 单位职务]; first is 组长, second 副组长, the rest 成员. */
const CAOXIAN_ROSTER = [
  ["孟令选", "县委副书记、县长"],
  ["赵洪军", "县政府二级调研员"],
  ["申传立", "县政府三级调研员、县卫生健康局局长"],
  ["王林化", "县民政局局长"],
  ["伊国栋", "县发改局局长"],
  ["张作同", "县教育和体育局局长"],
  ["丁 立", "县财政局局长"],
  ["赵广民", "县人社局局长"],
  ["赵建铭", "县自然资源和规划局局长、青岗集镇党委书记"],
  ["李 川", "县住房和城乡建设局局长"],
  ["刘 茵", "县市场监管局局长"],
  ["刘 新", "县残疾人联合会理事长"],
  ["刘志国", "县房产服务中心主任"],
  ["袁永立", "县综合行政执法局局长"],
  ["李启峰", "国家税务总局曹县税务局局长"],
  ["孙广启", "县行政审批服务局局长"],
  ["李兆远", "国网曹县供电公司总经理"],
  ["申广才", "曹城街道党工委副书记、办事处主任"],
  ["沈 奇", "磐石街道党工委副书记、办事处主任"],
  ["王全辉", "青荷街道党工委副书记、办事处主任"],
  ["梁作为", "郑庄街道党工委副书记、办事处主任"],
  ["王 敏", "倪集街道党工委副书记、办事处主任"],
  ["王西民", "普连集镇党委副书记、镇长"],
  ["李振华", "古营集镇党委副书记、镇长"],
  ["李付军", "青岗集镇党委副书记、镇长"],
  ["张 威", "王集镇党委副书记、镇长"],
  ["李 攀", "侯集镇党委副书记、镇长"],
  ["石胜文", "苏集镇党委副书记、镇长"],
  ["袁 香", "孙老家镇党委副书记、镇长"],
  ["徐志强", "安蔡楼镇党委副书记、镇长"],
  ["郭长军", "青堍集镇党委副书记、镇长"],
  ["冯臣召", "庄寨镇党委副书记、镇长"],
  ["王 建", "魏湾镇党委副书记、镇长"],
  ["安 国", "楼庄镇党委副书记、镇长"],
  ["武玉法", "常乐集镇党委副书记、镇长"],
  ["刘建伟", "韩集镇党委副书记、镇长"],
  ["袁裕翠", "砖庙镇党委副书记、镇长"],
  ["曹德运", "阎店楼镇党委副书记、镇长"],
  ["韩 猛", "大集镇党委副书记、镇长"],
  ["杨浩然", "梁堤头镇党委副书记、镇长"],
  ["李世春", "邵庄镇党委副书记、镇长"],
  ["耿兰平", "作楼镇党委副书记、镇长"],
  ["杨 舟", "朱洪庙镇党委副书记、镇长"],
];
const CAOXIAN_ROSTER_NOTE = "领导小组下设办公室，办公室设在民政局，由王林化同志任办公室主任。";

// ---------------------------------------------------------------------------------------------
// What the county typed into its copy of the 曹县 sheet (see the comment at the top).

/** 自评得分 by indicator id, with the sheet row it must land on (checked when writing). */
const CAOXIAN_SELF_SCORES = new Map([
  ["1.1", { row: 4, value: 4 }],
  ["1.2", { row: 5, value: 6 }],
  ["1.3", { row: 6, value: 3 }],
  ["1.4", { row: 7, value: 3 }],
  ["2.2", { row: 9, value: "2分" }], // deliberate mistake: text instead of a number
  ["2.3", { row: 10, value: 5 }], // deliberate mistake: more than the row's 4 points
  ["3.1", { row: 11, value: 2.5 }],
  ["3.2", { row: 12, value: 3 }],
  ["3.3", { row: 13, value: 2 }],
  ["3.5", { row: 15, value: 1.5 }],
]);

/** 材料提供情况 notes, for about half of the rows. */
const CAOXIAN_EVIDENCE = new Map([
  ["1.1", "县政府办公室文件（曹政办字〔2023〕XX号）；联席会议纪要"],
  ["1.2", "2023年县级财政预算批复；养老服务发展专项资金拨付凭证"],
  ["1.3", "县国民经济和社会发展第十四个五年规划纲要；县委县政府综合考核实施细则"],
  ["1.4", "曹县养老服务体系创新示范县创建实施方案"],
  ["2.1", "县国土空间规划委员会成员名单；“十四五”养老服务发展规划（送审稿）"],
  ["2.2", "社区养老服务设施“四同步”工作机制文件；配建台账"],
  ["2.3", "养老服务扶持政策文件汇编"],
  ["3.1", "县级基本养老服务清单；县政府网站政务公开专栏截图"],
  ["3.2", "特困供养、经济困难老年人补贴、高龄津贴发放台账"],
  ["3.3", "特殊困难老年人探访关爱制度；月探访记录表"],
  ["3.5", "公办养老机构入住评估和轮候制度"],
  ["4.5", "家庭养老床位建设方案"],
  ["5.1", "养老机构登记备案台账"],
  ["6.1", "养老机构医疗服务覆盖情况统计表；医保定点协议"],
]);

// ---------------------------------------------------------------------------------------------
// Sheet helpers: a plain office table — 宋体, thin borders, wrapped text, bold header.

const FONT = "宋体";
const THIN = { style: "thin" };
const BOX = { top: THIN, left: THIN, bottom: THIN, right: THIN };

function newWorkbook() {
  const wb = new ExcelJS.Workbook();
  wb.created = PINNED;
  wb.modified = PINNED;
  wb.lastModifiedBy = "";
  wb.creator = "";
  return wb;
}

/** Adds a sheet with the given column widths; merges are recorded for the row-height fit. */
function addSheet(wb, name, widths) {
  const ws = wb.addWorksheet(name, {
    pageSetup: {
      paperSize: 9,
      orientation: "landscape",
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
    },
  });
  widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  ws.merged = [];
  return ws;
}

function merge(ws, top, left, bottom, right) {
  if (top === bottom && left === right) return;
  ws.mergeCells(top, left, bottom, right);
  ws.merged.push({ top, left, bottom, right });
}

function setRow(ws, r, values) {
  values.forEach((v, i) => {
    if (v !== undefined && v !== null && v !== "") ws.getCell(r, i + 1).value = v;
  });
}

function title(ws, r, text, ncols, size = 16) {
  ws.getCell(r, 1).value = text;
  merge(ws, r, 1, r, ncols);
  const cell = ws.getCell(r, 1);
  cell.font = { name: FONT, size, bold: true };
  cell.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
  ws.getRow(r).height = 36;
}

function plainLine(ws, r, text, opts = {}) {
  const cell = ws.getCell(r, 1);
  if (text) cell.value = text;
  cell.font = { name: FONT, size: opts.size ?? 11, bold: !!opts.bold };
  cell.alignment = { vertical: "middle", horizontal: opts.align ?? "left", wrapText: !!opts.wrap };
}

/**
 * Borders and alignment for a table block; header rows bold and centred. `align` gives the
 * horizontal alignment per column of the body ("left" by default).
 */
function styleTable(ws, { top, bottom, ncols, headerRows = [], align = [] }) {
  for (let r = top; r <= bottom; r++) {
    const header = headerRows.includes(r);
    for (let c = 1; c <= ncols; c++) {
      const cell = ws.getCell(r, c);
      cell.border = BOX;
      cell.font = { name: FONT, size: 11, bold: header };
      cell.alignment = {
        horizontal: header ? "center" : (align[c - 1] ?? "left"),
        vertical: "middle",
        wrapText: true,
      };
    }
  }
}

/** Display width of a text in Excel column units (CJK ≈ 2). */
function textWidth(s) {
  let w = 0;
  for (const ch of s) w += ch.codePointAt(0) >= 0x2e80 ? 2.05 : 1.1;
  return w;
}

/** Sets each row's height to fit its wrapped texts, as Excel stores it after typing. */
function fitRows(ws, from, to, { min = 20 } = {}) {
  const inMerge = (r, c) =>
    ws.merged.some((m) => r >= m.top && r <= m.bottom && c >= m.left && c <= m.right);
  for (let r = from; r <= to; r++) {
    let lines = 1;
    ws.getRow(r).eachCell({ includeEmpty: false }, (cell, c) => {
      if (inMerge(r, c) || cell.value === null || cell.value === undefined) return;
      const scale = (cell.font?.size ?? 11) / 11;
      const width = Math.max((ws.getColumn(c).width ?? 9) - 1.5, 1);
      let n = 0;
      for (const line of String(cell.value).split("\n"))
        n += Math.max(1, Math.ceil((textWidth(line) * scale) / width));
      lines = Math.max(lines, n * scale);
    });
    ws.getRow(r).height = Math.max(min, Math.round(lines * 14.25 + 6));
  }
}

/** Writes the workbook with every zip entry dated PINNED, so the bytes are reproducible. */
async function save(wb, file) {
  const raw = await wb.xlsx.writeBuffer();
  const src = await JSZip.loadAsync(raw);
  const out = new JSZip();
  for (const name of Object.keys(src.files)) {
    const entry = src.files[name];
    if (entry.dir) continue;
    out.file(name, await entry.async("nodebuffer"), { date: PINNED, createFolders: false });
  }
  const buf = await out.generateAsync({
    type: "nodebuffer",
    compression: "DEFLATE",
    compressionOptions: { level: 6 },
  });
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, buf);
  console.log(`wrote ${relative(ROOT, file)} (${buf.length} bytes)`);
}

// ---------------------------------------------------------------------------------------------
// Rows from the rubrics.

const weishanUnits = (ind) => `牵头单位：${ind.lead}\n责任单位：${ind.responsible}`;
const weishanIndicator = (ind) => (ind.number ? `${ind.number}．${ind.text}` : ind.text);
const caoxianIndicator = (ind) => (ind.number ? `${ind.number}. ${ind.text}` : ind.text);

/** 微山 rows: { ind, heading } where heading is the 一级指标 cell text, or "" when blank. */
function weishanRows() {
  const rows = [];
  for (const cat of WEISHAN.categories)
    cat.indicators.forEach((ind, i) =>
      rows.push({
        ind,
        cat,
        heading: i === 0 || WEISHAN_REPEATED_HEADING.has(ind.id) ? cat.heading : "",
      })
    );
  return rows;
}

const WEISHAN_TITLE = WEISHAN.title; // 微山县养老服务体系创新示范县创建工作任务分解表
const WEISHAN_HEADER = ["一级指标", "二级指标", "得分", "评分标准", "检查办法", "责任单位"];
const WEISHAN_WIDTHS = [14, 44, 7, 48, 11, 32];
const WEISHAN_ALIGN = ["center", "left", "center", "left", "center", "left"];

/** The 微山 任务分解表 on `ws` from row `at` (title, header, body). Returns the last row. */
function writeWeishanTable(ws, at, rows) {
  title(ws, at, WEISHAN_TITLE, 6);
  setRow(ws, at + 1, WEISHAN_HEADER);
  let r = at + 2;
  for (const { ind, heading } of rows) {
    setRow(ws, r, [
      heading,
      weishanIndicator(ind),
      ind.points,
      ind.rule,
      ind.check,
      weishanUnits(ind),
    ]);
    r++;
  }
  const last = r - 1;
  styleTable(ws, {
    top: at + 1,
    bottom: last,
    ncols: 6,
    headerRows: [at + 1],
    align: WEISHAN_ALIGN,
  });
  fitRows(ws, at + 1, last);
  ws.pageSetup.printTitlesRow = `${at + 1}:${at + 1}`;
  return last;
}

// ---------------------------------------------------------------------------------------------
// 1. 微山县-任务分解表.xlsx

async function makeWeishan() {
  const wb = newWorkbook();
  const ws = addSheet(wb, "任务分解表", WEISHAN_WIDTHS);
  const rows = weishanRows();
  if (rows.length !== 31) throw new Error(`微山: expected 31 rows, got ${rows.length}`);
  writeWeishanTable(ws, 1, rows);

  const notes = addSheet(wb, "说明", [100]);
  WEISHAN_NOTES.forEach((line, i) => plainLine(notes, i + 1, line, { wrap: true }));
  fitRows(notes, 1, WEISHAN_NOTES.length, { min: 18 });

  await save(wb, join(OUT, "微山县-任务分解表.xlsx"));
}

// ---------------------------------------------------------------------------------------------
// 2. 曹县-评分细则.xlsx

async function makeCaoxian() {
  const wb = newWorkbook();
  const ws = addSheet(wb, "评分细则", [6, 16, 44, 7, 48, 30, 9]);
  const N = 7;
  title(ws, 1, CAOXIAN.title, N);

  // Two-row header.
  setRow(ws, 2, ["序号", "指标体系", "", "分值", "评分细则", "材料提供情况", "自评得分"]);
  setRow(ws, 3, ["", "一级指标", "二级指标"]);
  merge(ws, 2, 1, 3, 1);
  merge(ws, 2, 2, 2, 3);
  for (const c of [4, 5, 6, 7]) merge(ws, 2, c, 3, c);

  let r = 4;
  CAOXIAN.categories.forEach((cat, k) => {
    const first = r;
    cat.indicators.forEach((ind, i) => {
      const typed = CAOXIAN_SELF_SCORES.get(ind.id);
      if (typed && typed.row !== r)
        throw new Error(`曹县 ${ind.id}: expected on row ${typed.row}, lands on row ${r}`);
      setRow(ws, r, [
        i === 0 ? k + 1 : "",
        i === 0 ? cat.heading : "",
        caoxianIndicator(ind),
        ind.points,
        ind.rule,
        CAOXIAN_EVIDENCE.get(ind.id) ?? "",
        typed ? typed.value : "",
      ]);
      r++;
    });
    merge(ws, first, 1, r - 1, 1);
    merge(ws, first, 2, r - 1, 2);
  });
  const body = r - 1;
  if (body !== 34) throw new Error(`曹县: expected the last indicator on row 34, got ${body}`);

  // 合计
  const total = CAOXIAN.categories.reduce((s, c) => s + c.points, 0);
  setRow(ws, r, ["合计", "", "", total]);
  merge(ws, r, 1, r, 3);

  styleTable(ws, {
    top: 2,
    bottom: r,
    ncols: N,
    headerRows: [2, 3],
    align: ["center", "center", "left", "center", "left", "left", "center"],
  });
  ws.getCell(r, 1).font = { name: FONT, size: 11, bold: true };
  ws.getCell(r, 1).alignment = { horizontal: "center", vertical: "middle" };
  fitRows(ws, 2, r);
  ws.pageSetup.printTitlesRow = "2:3";

  await save(wb, join(OUT, "曹县-评分细则.xlsx"));
}

// ---------------------------------------------------------------------------------------------
// 3. 会宁县-考核表.xlsx

const HUINING_HEADER = ["序号", "工作内容", "工作要求", "2020年具体要求", "两年工作目标"];

async function makeHuining() {
  const wb = newWorkbook();
  const ws = addSheet(wb, "考核表", [6, 22, 36, 50, 40]);
  title(ws, 1, HUINING.title, 5);
  setRow(ws, 2, HUINING_HEADER);
  const headerRows = [2];
  const items = HUINING.categories.flatMap((c) => c.indicators);
  if (items.length !== 11) throw new Error(`会宁: expected 11 items, got ${items.length}`);
  let r = 3;
  for (const ind of items) {
    const n = Number(ind.number);
    if (n === 5) {
      // The seed repeats the header where the table continues on the next page.
      setRow(ws, r, HUINING_HEADER);
      headerRows.push(r);
      r++;
    }
    setRow(ws, r, [
      n,
      HUINING_CONTENT[n],
      ind.extra?.["工作要求"] ?? "",
      ind.rule,
      ind.extra?.["两年工作目标"] ?? "",
    ]);
    r++;
  }
  styleTable(ws, {
    top: 2,
    bottom: r - 1,
    ncols: 5,
    headerRows,
    align: ["center", "left", "left", "left", "left"],
  });
  fitRows(ws, 2, r - 1);
  ws.pageSetup.printTitlesRow = "2:2";

  await save(wb, join(OUT, "会宁县-考核表.xlsx"));
}

// ---------------------------------------------------------------------------------------------
// 4. variants/

/** (a) 微山 categories 1–2, columns shuffled, 牵头单位 and 责任单位 apart, two title rows. */
async function makeColumnsReordered() {
  const wb = newWorkbook();
  const header = ["牵头单位", "责任单位", "二级指标", "评分办法", "分数", "一级指标", "备注"];
  const ws = addSheet(wb, "任务分解表", [12, 30, 44, 48, 7, 14, 10]);
  plainLine(ws, 1, "附件2", { size: 12, bold: true });
  title(ws, 2, WEISHAN_TITLE, header.length);
  setRow(ws, 3, header);
  const rows = weishanRows().filter(({ cat }) => cat.id === "1" || cat.id === "2");
  let r = 4;
  for (const { ind, heading } of rows) {
    setRow(ws, r, [
      ind.lead,
      ind.responsible,
      weishanIndicator(ind),
      ind.rule,
      ind.points,
      heading,
      "",
    ]);
    r++;
  }
  styleTable(ws, {
    top: 3,
    bottom: r - 1,
    ncols: header.length,
    headerRows: [3],
    align: ["center", "left", "left", "left", "center", "center", "left"],
  });
  fitRows(ws, 3, r - 1);
  await save(wb, join(OUT, "variants", "columns-reordered.xlsx"));
}

/** (b) 曹县 category 3 with assorted indicator numbers, category repeated, note at the end. */
const NUMBER_STYLES = ["（1）", "2、", "３．", "", "5.", "6）", "(7)", "8 "];

async function makeNumbersVariants() {
  const wb = newWorkbook();
  const header = ["一级指标", "二级指标", "标准分", "评分标准", "自评分"];
  const ws = addSheet(wb, "评分细则", [18, 44, 8, 48, 8]);
  title(ws, 1, CAOXIAN.title, header.length, 14);
  setRow(ws, 2, header);
  const cat = CAOXIAN.categories.find((c) => c.id === "3");
  const heading = cat.heading.replace(/\s*\(共(\d+)分\)$/, "（$1分）"); // 三、健全服务制度（19分）
  let r = 3;
  cat.indicators.forEach((ind, i) => {
    setRow(ws, r, [heading, `${NUMBER_STYLES[i]}${ind.text}`, ind.points, ind.rule, ""]);
    r++;
  });
  styleTable(ws, {
    top: 2,
    bottom: r - 1,
    ncols: header.length,
    headerRows: [2],
    align: ["center", "left", "center", "left", "center"],
  });
  fitRows(ws, 2, r - 1);
  // a blank row, then the note
  plainLine(ws, r + 1, "注：本表由县民政局负责解释");
  await save(wb, join(OUT, "variants", "numbers-variants.xlsx"));
}

/** (c) a cover sheet and the 微山 table (first 10 indicators) on sheet "附件2". */
async function makeTwoSheets() {
  const wb = newWorkbook();
  const cover = addSheet(wb, "封面", [90]);
  WEISHAN_COVER.forEach((line, i) =>
    plainLine(cover, i + 1, line, {
      align: i >= 8 || i === 0 || i === 2 || i === 3 ? "center" : "left",
      bold: i === 2 || i === 3,
      size: i === 2 || i === 3 ? 16 : 12,
      wrap: true,
    })
  );
  fitRows(cover, 1, WEISHAN_COVER.length, { min: 20 });

  const ws = addSheet(wb, "附件2", WEISHAN_WIDTHS);
  plainLine(ws, 1, "附件2", { size: 12, bold: true });
  writeWeishanTable(ws, 2, weishanRows().slice(0, 10));
  await save(wb, join(OUT, "variants", "two-sheets.xlsx"));
}

/** (d) the 曹县 领导小组 roster — a table, but not a rubric. */
async function makeNotARubric() {
  const wb = newWorkbook();
  const ws = addSheet(wb, "人员名单", [6, 10, 44, 14]);
  title(ws, 1, "曹县养老服务体系创新示范县创建领导小组成员名单", 4);
  setRow(ws, 2, ["序号", "姓名", "单位职务", "小组职务"]);
  CAOXIAN_ROSTER.forEach(([name, post], i) =>
    setRow(ws, i + 3, [i + 1, name, post, i === 0 ? "组长" : i === 1 ? "副组长" : "成员"])
  );
  const last = CAOXIAN_ROSTER.length + 2;
  styleTable(ws, {
    top: 2,
    bottom: last,
    ncols: 4,
    headerRows: [2],
    align: ["center", "center", "left", "center"],
  });
  fitRows(ws, 2, last);
  plainLine(ws, last + 1, CAOXIAN_ROSTER_NOTE);
  await save(wb, join(OUT, "variants", "not-a-rubric.xlsx"));
}

/** (e) one empty sheet. */
async function makeEmpty() {
  const wb = newWorkbook();
  wb.addWorksheet("Sheet1");
  await save(wb, join(OUT, "variants", "empty.xlsx"));
}

await makeWeishan();
await makeCaoxian();
await makeHuining();
await makeColumnsReordered();
await makeNumbersVariants();
await makeTwoSheets();
await makeNotARubric();
await makeEmpty();
