// Builds the 考核表 of OTHER departments in assets/samples/derived/ — test material for the rubric
// that Ziping derives from a sheet's own scoring sentences when the sheet matches no built-in rubric.
// The tables are written for the purpose (a fictional 某某县, no real persons), in the genre's style
// (会宁 考核表, 微山 任务分解表): category cells merged down, points in a column or in the text
// ("（12分）", "(8分)", "（共 18 分）", "（10分+2分）", "…管理 8分"), numbered parts in one cell, bonus items,
// footer rows, a total stated in a note, and a deliberate inconsistency in two of them.
//
//   安全生产考核表.xlsx        县应急管理局 乡镇安全生产目标责任考核细则 (sheet 考核细则)
//   环境保护考核评分标准.xlsx  乡镇生态环境保护工作考核评分标准 (sheet 评分标准), header repeated
//   学校安全工作考评表.xlsx    中小学校安全工作考评表 (sheet 考评表), two title rows
//
// The expected derived rubrics and scores are computed BY HAND in tests/derive/expected/<file>.json
// (not by this script). When those files exist, this script checks that they and the workbooks it
// writes agree on the cells (indicator rows, criterion clauses, typed scores), so neither drifts.
//
// Typed self-scores (得分), with the deliberate mistakes:
//   安全生产考核表    E7, E16 blank; E8 "3分" (text); E11 12 > 9 points
//   环境保护考核评分标准 E5, E10 blank; E6 "3分" (text); E7 7 > 6 points (item 5 is headed （6分）,
//                       its parts add up to 7 — the township typed the sum of the parts)
//   学校安全工作考评表  F11 blank; F12 "3分" (text); F8 12 > 10 points
//
// Deterministic: workbook.created/modified are pinned to 2023-12-20 and the zip entries are
// re-packed with that date, so running the script twice gives identical bytes.
// Run: node scripts/make-derived-samples.mjs
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import ExcelJS from "exceljs";

const require = createRequire(import.meta.url);
// jszip is exceljs's own zip library; resolve it from exceljs so the script needs nothing more.
const JSZip = createRequire(require.resolve("exceljs"))("jszip");

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const OUT = join(ROOT, "assets", "samples", "derived");
const EXPECTED = join(ROOT, "tests", "derive", "expected");
const PINNED = new Date(Date.UTC(2023, 11, 20, 0, 0, 0));

// ---------------------------------------------------------------------------------------------
// Sheet helpers: a plain office table — 宋体, thin borders, wrapped text, bold header
// (the same look as scripts/make-samples.mjs).

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

function addSheet(wb, name, widths) {
  const ws = wb.addWorksheet(name, {
    pageSetup: { paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
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

/** Writes a row's values; undefined, null and "" leave the cell empty. */
function setRow(ws, r, values) {
  values.forEach((v, i) => {
    if (v !== undefined && v !== null && v !== "") ws.getCell(r, i + 1).value = v;
  });
}

function title(ws, r, text, ncols, { size = 16, bold = true, align = "center", height = 36 } = {}) {
  ws.getCell(r, 1).value = text;
  merge(ws, r, 1, r, ncols);
  const cell = ws.getCell(r, 1);
  cell.font = { name: FONT, size, bold };
  cell.alignment = { horizontal: align, vertical: "middle", wrapText: true };
  ws.getRow(r).height = height;
}

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
  const inMerge = (r, c) => ws.merged.some((m) => r >= m.top && r <= m.bottom && c >= m.left && c <= m.right);
  for (let r = from; r <= to; r++) {
    let lines = 1;
    ws.getRow(r).eachCell({ includeEmpty: false }, (cell, c) => {
      if (inMerge(r, c) || cell.value === null || cell.value === undefined) return;
      const width = Math.max((ws.getColumn(c).width ?? 9) - 1.5, 1);
      let n = 0;
      for (const line of String(cell.value).split("\n")) n += Math.max(1, Math.ceil(textWidth(line) / width));
      lines = Math.max(lines, n);
    });
    ws.getRow(r).height = Math.max(min, Math.round(lines * 14.25 + 6));
  }
}

/** Bold, centred footer/note cells after styleTable. */
function emphasize(ws, r, c, { bold = true, align = "center" } = {}) {
  const cell = ws.getCell(r, c);
  cell.font = { name: FONT, size: 11, bold };
  cell.alignment = { horizontal: align, vertical: "middle", wrapText: true };
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
  const buf = await out.generateAsync({ type: "nodebuffer", compression: "DEFLATE", compressionOptions: { level: 6 } });
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, buf);
  console.log(`wrote ${relative(ROOT, file)} (${buf.length} bytes)`);
}

/** Stops the script when a row lands elsewhere than the comments and the expectations say. */
function expectRow(what, actual, expected) {
  if (actual !== expected) throw new Error(`${what}: expected on row ${expected}, lands on row ${actual}`);
}

// ---------------------------------------------------------------------------------------------
// 1. 安全生产考核表.xlsx — 考核项目 | 考核内容 | 评分标准 | 分值 | 得分
//
// Title row 1, header row 2, indicators rows 3–18 (five categories and 六、加分项目), 合计 row 19,
// note row 20. The category cell is merged down over its items. DELIBERATE: "二、隐患排查治理（25分）"
// while its four items add up to 8+6+5+5 = 24 (the other headers are right; the items add up to
// the note's 100).

const SAFETY_TITLE = "某某县2023年度乡镇安全生产目标责任考核细则";
const SAFETY_HEADER = ["考核项目", "考核内容", "评分标准", "分值", "得分"];

/** [category cell, [[考核内容, 评分标准, 分值, 得分 as typed (undefined = blank)], …]] */
const SAFETY = [
  [
    "一、组织领导（15分）",
    [
      [
        "成立乡镇安全生产委员会，党政主要负责人任主任，定期研究部署安全生产工作",
        "未成立安全生产委员会的扣3分；未召开安委会会议专题研究安全生产工作的扣2分。",
        5,
        5,
      ],
      [
        "落实党政同责、一岗双责，乡镇与村（社区）、辖区生产经营单位逐级签订安全生产目标责任书",
        "安全生产目标责任书每少签订一份扣1分，扣完为止。",
        5,
        4,
      ],
      [
        "制定年度安全生产工作要点，明确安全生产监管机构，配备专（兼）职监管人员",
        "制定年度安全生产工作要点的得2分；配备专（兼）职安全生产监管人员的得3分。",
        5,
        5,
      ],
    ],
  ],
  [
    "二、隐患排查治理（25分）",
    [
      [
        "建立隐患排查治理工作机制，定期组织开展安全生产大检查",
        "每月至少组织开展1次安全生产大检查，每少一次扣2分，扣完为止。",
        8,
        6,
      ],
      [
        "建立隐患排查治理台账，实行隐患登记、整改、销号闭环管理",
        "隐患排查治理台账不健全、未实行闭环管理的，每发现一处扣1分，最高扣4分。",
        6,
        undefined, // blank
      ],
      [
        "按期完成事故隐患整改，重大事故隐患实行挂牌督办",
        "一般事故隐患整改率达到95%以上得3分；重大事故隐患整改率达到100%得2分。",
        5,
        "3分", // DELIBERATE: text, not a number
      ],
      [
        "开展道路交通、消防、危险化学品、建筑施工、燃气等重点行业领域专项整治",
        "道路交通、消防、危险化学品、建筑施工、燃气等重点行业领域未按要求开展专项整治的，每少一个领域扣1分。",
        5,
        5,
      ],
    ],
  ],
  [
    "三、宣传教育培训（15分）",
    [
      [
        "深入开展安全生产宣传教育，营造全民关注安全生产的氛围",
        "开展“安全生产月”集中宣传活动的得3分；各村（社区）设置安全生产宣传栏的得3分。",
        6,
        6,
      ],
      [
        "组织乡村两级安全生产管理人员和生产经营单位主要负责人安全培训",
        "每组织一期乡村两级安全生产管理人员或企业主要负责人培训得3分，最高得9分。",
        9,
        12, // DELIBERATE: 4 期 × 3分, the cap 9 forgotten — more than the item's 9 points
      ],
    ],
  ],
  [
    "四、应急管理（16分）",
    [
      ["修订完善乡镇生产安全事故应急预案", "未修订完善乡镇生产安全事故应急预案的扣4分。", 4, 4],
      ["组织开展生产安全事故应急演练", "每年至少组织2次综合应急演练，每少一次扣2分。", 4, 2],
      ["建立乡镇应急救援队伍，储备必要的应急物资装备", "应急救援队伍、应急物资装备落实不到位的，酌情扣分。", 8, 7.5],
    ],
  ],
  [
    "五、事故控制（30分）",
    [
      [
        "生产安全事故起数和死亡人数控制在县下达的控制指标以内",
        "发生一般生产安全事故的，每起扣5分，扣完为止；发生较大及以上生产安全事故的，本项不得分。",
        20,
        20,
      ],
      [
        "按时、准确报送生产安全事故信息和安全生产统计报表",
        "迟报、漏报生产安全事故信息或安全生产统计报表的，每次扣2分，最高扣6分；谎报、瞒报生产安全事故的，本项不得分。",
        10,
        undefined, // blank
      ],
    ],
  ],
  [
    "六、加分项目（另加5分）",
    [
      ["安全生产工作受到上级表彰", "安全生产工作获得省级及以上表彰的奖励3分。", 3, 0],
      ["安全生产经验做法得到推广", "安全生产经验做法被市级及以上部门推广的，每次奖励1分，最高奖励2分。", 2, 1],
    ],
  ],
];
const SAFETY_TOTAL = 100;
const SAFETY_NOTE = "注：本表满分100分，另设加分5分。";

async function makeSafety() {
  const wb = newWorkbook();
  const ws = addSheet(wb, "考核细则", [16, 34, 52, 7, 8]);
  const N = SAFETY_HEADER.length;
  title(ws, 1, SAFETY_TITLE, N);
  setRow(ws, 2, SAFETY_HEADER);
  let r = 3;
  for (const [heading, items] of SAFETY) {
    const first = r;
    for (const [content, rule, points, typed] of items) {
      setRow(ws, r, [r === first ? heading : "", content, rule, points, typed]);
      r++;
    }
    merge(ws, first, 1, r - 1, 1);
  }
  expectRow("安全生产 last indicator", r - 1, 18);
  setRow(ws, r, ["合计", "", "", SAFETY_TOTAL]);
  merge(ws, r, 1, r, 3);
  expectRow("安全生产 合计", r, 19);
  styleTable(ws, {
    top: 2,
    bottom: r,
    ncols: N,
    headerRows: [2],
    align: ["center", "left", "left", "center", "center"],
  });
  emphasize(ws, r, 1);
  r++;
  ws.getCell(r, 1).value = SAFETY_NOTE;
  merge(ws, r, 1, r, N);
  emphasize(ws, r, 1, { bold: false, align: "left" });
  expectRow("安全生产 note", r, 20);
  fitRows(ws, 2, r);
  ws.pageSetup.printTitlesRow = "2:2";
  await save(wb, join(OUT, "安全生产考核表.xlsx"));
  return ws;
}

// ---------------------------------------------------------------------------------------------
// 2. 环境保护考核评分标准.xlsx — 序号 | 工作内容 | 工作要求 | 评分办法 | 得分 | 备注
//
// Points stand in the 工作内容 text, written in the several ways offices write them; 得分 is where
// the township writes its score. Title row 1, header row 2, items 1–5 in rows 3–7, the header
// repeated in row 8 (the table breaks across pages, as 会宁's does), items 6–11 in rows 9–14, note
// row 15. Item 9 is worth 10 points plus 2 bonus; item 11 is a 加分项目 (8 bonus points only).
// DELIBERATE: item 5 is headed （6分） while its three numbered parts add up to 2+3+2 = 7.

const ENV_TITLE = "某某县2023年度乡镇生态环境保护工作考核评分标准";
const ENV_HEADER = ["序号", "工作内容", "工作要求", "评分办法", "得分", "备注"];

/** [序号, 工作内容, 工作要求, 评分办法, 得分 as typed, 备注] */
const ENV_ITEMS = [
  [
    1,
    "落实生态环境保护“党政同责、一岗双责”（10分）",
    "乡镇党委、政府定期研究生态环境保护工作，明确分管领导和工作人员，建立辖区网格化环境监管体系",
    "1.党委、政府年内专题研究生态环境保护工作（3分）\n2.明确分管领导和专（兼）职环保工作人员（3分）\n3.建立网格化环境监管体系，网格员履职到位（4分）",
    10,
    "",
  ],
  [
    2,
    "打好蓝天保卫战（共 18 分）",
    "落实秸秆禁烧、散煤治理、扬尘管控等措施，辖区环境空气质量持续改善",
    "秸秆禁烧期间，辖区内每发现一处露天焚烧火点扣2分，最高扣6分；完成县下达的散煤清洁取暖改造任务得4分；其余8分根据全县乡镇环境空气质量改善幅度排名打分。",
    14,
    "火点以卫星遥感监测和县级巡查通报为准",
  ],
  [
    3,
    "打好碧水保卫战（12分）",
    "全面落实河（湖）长制，开展入河排污口排查整治，农村生活污水得到有效管控",
    "乡级河长每月巡河不少于1次，每少一次扣1分，最高扣4分；入河排污口排查整治完成率达到100%得4分；农村生活污水治理率达到40%以上得4分。",
    undefined, // blank
    "",
  ],
  [
    4,
    "推进土壤和农业面源污染防治(8分)",
    "落实受污染耕地安全利用措施，推进农药包装废弃物回收和畜禽养殖废弃物资源化利用",
    "1.完成受污染耕地安全利用任务（3分）2.农药包装废弃物回收处置率达到80%以上（2分）3.畜禽养殖废弃物资源化利用率达到90%以上（3分）",
    "3分", // DELIBERATE: text, not a number
    "",
  ],
  [
    5,
    "开展农村人居环境整治（6分）",
    "健全村庄保洁长效机制，完善农村生活垃圾收运处置体系，常态化开展村庄清洁行动",
    "1.建立村庄保洁长效机制，配齐保洁人员（2分）\n2.农村生活垃圾收运处置体系覆盖所有行政村（3分）\n3.每季度至少开展1次村庄清洁行动（2分）",
    7, // DELIBERATE: the sum of the parts, more than the item's 6 points
    "",
  ],
  [
    6,
    "强化生态环境问题整改\n\n（12分）",
    "按期完成中央、省生态环境保护督察反馈问题和交办信访件整改，及时办结群众环境信访投诉",
    "督察反馈问题和交办信访件未按期完成整改的，每件扣3分，扣完为止；发生重大环境污染事件或生态破坏事件并造成恶劣影响的，本项不得分。",
    12,
    "",
  ],
  [
    7,
    "配合做好环境监管执法（8分）",
    "配合县生态环境部门开展执法检查，做好辖区企业环境问题日常巡查、发现和上报",
    "配合开展“双随机、一公开”等环境执法检查，每配合完成一次得1分，最高得4分；其余4分根据辖区企业环境问题日常巡查、发现和上报情况打分。",
    undefined, // blank
    "",
  ],
  [
    8,
    "加强生态环境宣传教育（8分）",
    "广泛宣传生态文明理念和生态环境保护法律法规，引导群众参与生态环境保护",
    "在县级以上媒体刊发生态环境保护宣传报道，每篇得1分，最高得4分；开展“六五环境日”主题宣传活动的得4分。",
    6,
    "",
  ],
  [
    9,
    "推进秸秆综合利用（10分+2分）",
    "建立秸秆收储运体系，提高秸秆综合利用水平",
    "秸秆综合利用率达到92%以上得6分；建成村级秸秆收储点的得4分；秸秆综合利用率达到95%以上的，另加2分。",
    10,
    "秸秆综合利用率以县农业农村局核定数据为准",
  ],
  [
    10,
    "生态环境信息报送和档案管理 8分",
    "按时报送工作信息、月度进展和统计报表，工作档案资料齐全规范",
    "未按时报送生态环境工作信息、月度进展和统计报表的，每次扣1分，扣完为止。",
    7,
    "",
  ],
  [
    11,
    "生态文明示范创建（加分项目，8分）",
    "积极创建生态文明建设示范乡镇和“绿水青山就是金山银山”实践创新基地",
    "获得国家级生态文明建设示范乡镇或“绿水青山就是金山银山”实践创新基地命名的奖励5分；获得省级生态文明建设示范乡镇命名的奖励3分。",
    3,
    "加分项目，不计入100分",
  ],
];
const ENV_REPEAT_BEFORE = 6; // the header repeated above item 6
const ENV_NOTE = "注：本表满分100分。第9项另设加分2分，第11项为加分项目，加分合计最高10分。";

async function makeEnvironment() {
  const wb = newWorkbook();
  const ws = addSheet(wb, "评分标准", [6, 24, 36, 54, 8, 22]);
  const N = ENV_HEADER.length;
  title(ws, 1, ENV_TITLE, N);
  setRow(ws, 2, ENV_HEADER);
  const headerRows = [2];
  let r = 3;
  for (const item of ENV_ITEMS) {
    if (item[0] === ENV_REPEAT_BEFORE) {
      setRow(ws, r, ENV_HEADER);
      headerRows.push(r);
      expectRow("环境保护 repeated header", r, 8);
      r++;
    }
    setRow(ws, r, item);
    r++;
  }
  expectRow("环境保护 last item", r - 1, 14);
  styleTable(ws, {
    top: 2,
    bottom: r - 1,
    ncols: N,
    headerRows,
    align: ["center", "left", "left", "left", "center", "left"],
  });
  ws.getCell(r, 1).value = ENV_NOTE;
  merge(ws, r, 1, r, N);
  emphasize(ws, r, 1, { bold: false, align: "left" });
  expectRow("环境保护 note", r, 15);
  fitRows(ws, 2, r);
  ws.pageSetup.printTitlesRow = "2:2";
  await save(wb, join(OUT, "环境保护考核评分标准.xlsx"));
  return ws;
}

// ---------------------------------------------------------------------------------------------
// 3. 学校安全工作考评表.xlsx — 考核内容 | 考核方法 | 标准分 | 评分标准 | 考核结果 | 得分
//
// 标准分 is the points column and 得分 the score column; 考核结果 is free text. Two title rows (the
// table's name; the school and the date), header row 3, items rows 4–13, the 加分项 row 14, 总分
// row 15, 综合得分 row 16, note row 17. No deliberate inconsistency in the rubric itself: the
// 10 items add up to 100, the 加分项 to its 3.

const SCHOOL_TITLE = "某某县2023年度中小学校安全工作考评表";
const SCHOOL_SUBTITLE = "被考评学校（盖章）：某某县城关第二小学　　　　　　　　　　考评时间：2023年12月";
const SCHOOL_HEADER = ["考核内容", "考核方法", "标准分", "评分标准", "考核结果", "得分"];

/** [考核内容, 考核方法, 标准分, 评分标准, 考核结果, 得分 as typed] */
const SCHOOL_ITEMS = [
  [
    "建立以校长为第一责任人的安全工作领导小组，明确安全管理机构和人员，落实安全责任",
    "查阅资料",
    8,
    "成立以校长为组长的安全工作领导小组的得3分；设立安全管理机构并配备专（兼）职安全管理人员的得3分；学校与教职工逐级签订安全责任书的得2分。",
    "领导小组、机构、人员齐全，责任书签订到位",
    8,
  ],
  [
    "健全门卫值守、校园巡查、食品安全、实验室危化品管理等安全管理制度并严格执行",
    "查阅资料\n实地查看",
    10,
    "制度健全、落实到位情况按好、较好、一般分10分、6分、3分三档评分。",
    "制度齐全，部分制度执行记录不完整",
    6,
  ],
  [
    "每月开展校舍、消防、用电、设施设备等安全隐患排查，建立隐患台账，及时整改",
    "查阅台账\n实地查看",
    12,
    "隐患整改率达到100%得6分；隐患排查每少一次扣1分，最高扣6分。",
    "排查发现隐患已全部整改；10月份未开展排查",
    11,
  ],
  [
    "落实人防、物防、技防措施，校园安保设施达到标准",
    "实地查看",
    12,
    "按标准配备专职保安员的得3分；校园“一键式紧急报警”与公安机关联网的得3分；校园重点部位视频监控覆盖率达到100%得3分；校门口设置防冲撞设施的得3分。",
    "四项措施均已落实",
    12,
  ],
  [
    "开展防溺水、交通、消防、防欺凌等专题安全教育，组织学生参加安全教育平台学习",
    "查阅资料\n抽查学生",
    10,
    "开展防溺水、交通、消防、防欺凌等专题安全教育，每开展一次得1分，最高得6分；安全教育平台学生参与率达到95%以上得4分。",
    "开展专题教育8次；平台参与率97.2%",
    12, // DELIBERATE: 8次 × 1分 + 4分, the cap 6 forgotten — more than the item's 10 points
  ],
  [
    "制定应急疏散预案，组织师生开展应急疏散演练",
    "查阅资料\n现场演示",
    8,
    "每学期至少组织1次全员应急疏散演练，每少一次扣4分。",
    "两学期各组织1次",
    8,
  ],
  [
    "落实学校食堂食品安全主体责任，规范食品采购、加工、留样",
    "查阅资料\n实地查看",
    10,
    "根据食堂食品安全量化分级结果分10分、7分、4分三档（A级10分，B级7分，C级4分）；发生食物中毒事件的，本项不得分。",
    "食堂量化分级为B级",
    7,
  ],
  [
    "加强校车和学生上下学交通安全管理",
    "查阅资料\n座谈了解",
    8,
    "校车安全管理、学生上下学交通安全管理存在问题的，酌情扣分。",
    "",
    undefined, // blank
  ],
  [
    "开展心理健康教育，建立学生欺凌防治工作机制",
    "查阅资料\n个别访谈",
    8,
    "建立学生欺凌防治工作机制的得3分；配备专（兼）职心理健康教育教师的得2分；其余3分根据心理健康教育开展情况打分。",
    "已建立欺凌防治机制；未配备心理健康教育教师",
    "3分", // DELIBERATE: text, not a number
  ],
  [
    "杜绝安全责任事故",
    "查阅事故报告\n部门通报",
    14,
    "发生安全责任事故的，每起扣7分；发生造成师生死亡的安全责任事故的，本项不得分。",
    "全年未发生安全责任事故",
    14,
  ],
  [
    "加分项：学校安全工作获得表彰或经验推广",
    "查阅表彰文件",
    3,
    "获得市级及以上平安校园、安全文明校园等表彰，或安全工作经验在县级及以上推广的，每项奖励1分，为奖励分，最高奖励3分。",
    "获市级平安校园表彰1项",
    1,
  ],
];
const SCHOOL_NOTE =
  "注：1.本表满分100分，加分项为奖励分，最高奖励3分，计入综合得分。\n2.“考核结果”栏由考评组填写检查发现的情况。";

async function makeSchool() {
  const wb = newWorkbook();
  const ws = addSheet(wb, "考评表", [34, 12, 8, 54, 26, 8]);
  const N = SCHOOL_HEADER.length;
  title(ws, 1, SCHOOL_TITLE, N);
  title(ws, 2, SCHOOL_SUBTITLE, N, { size: 11, bold: false, align: "left", height: 22 });
  setRow(ws, 3, SCHOOL_HEADER);
  let r = 4;
  for (const item of SCHOOL_ITEMS) {
    setRow(ws, r, item);
    r++;
  }
  expectRow("学校安全 加分项", r - 1, 14);
  setRow(ws, r, ["总分", "", 100]);
  merge(ws, r, 1, r, 2);
  expectRow("学校安全 总分", r, 15);
  r++;
  setRow(ws, r, ["综合得分（总分＋奖励分）"]);
  merge(ws, r, 1, r, 5);
  expectRow("学校安全 综合得分", r, 16);
  styleTable(ws, {
    top: 3,
    bottom: r,
    ncols: N,
    headerRows: [3],
    align: ["left", "center", "center", "left", "left", "center"],
  });
  emphasize(ws, r - 1, 1);
  emphasize(ws, r, 1);
  r++;
  ws.getCell(r, 1).value = SCHOOL_NOTE;
  merge(ws, r, 1, r, N);
  emphasize(ws, r, 1, { bold: false, align: "left" });
  expectRow("学校安全 note", r, 17);
  fitRows(ws, 3, r);
  ws.pageSetup.printTitlesRow = "3:3";
  await save(wb, join(OUT, "学校安全工作考评表.xlsx"));
  return ws;
}

// ---------------------------------------------------------------------------------------------
// The hand-computed expectations and the workbooks must describe the same cells.

function cellText(ws, address) {
  const v = ws.getCell(address).value;
  return v === null || v === undefined ? "" : String(v);
}

function checkExpected(file, ws) {
  const path = join(EXPECTED, file.replace(/\.xlsx$/, ".json"));
  if (!existsSync(path)) {
    console.log(`(no ${relative(ROOT, path)} yet: nothing to check)`);
    return;
  }
  const exp = JSON.parse(readFileSync(path, "utf8"));
  const problems = [];
  if (exp.sheet !== ws.name) problems.push(`sheet ${exp.sheet} ≠ ${ws.name}`);
  const col = exp.header.columns;
  for (const [role, letter] of Object.entries(col))
    if (!cellText(ws, `${letter}${exp.header.row}`))
      problems.push(`header ${role} ${letter}${exp.header.row} is empty`);
  for (const category of exp.categories)
    for (const ind of category.indicators) {
      const content = cellText(ws, `${col.indicator}${ind.row}`);
      if (!content.replace(/\s+/g, "").includes(ind.text.replace(/\s+/g, "")))
        problems.push(`row ${ind.row}: indicator text not in ${col.indicator}${ind.row}`);
      const rule = cellText(ws, `${col.rule}${ind.row}`);
      for (const c of ind.criteria)
        if (!rule.includes(c.text)) problems.push(`row ${ind.row}: clause not in the rule: ${c.text}`);
    }
  for (const [address, typed] of Object.entries(exp.typedScores)) {
    const v = ws.getCell(address).value;
    if ((v ?? null) !== typed)
      problems.push(`${address}: typed ${JSON.stringify(v)} ≠ expected ${JSON.stringify(typed)}`);
  }
  if (problems.length) throw new Error(`${file} and ${relative(ROOT, path)} disagree:\n  ` + problems.join("\n  "));
  console.log(`checked against ${relative(ROOT, path)}`);
}

checkExpected("安全生产考核表.xlsx", await makeSafety());
checkExpected("环境保护考核评分标准.xlsx", await makeEnvironment());
checkExpected("学校安全工作考评表.xlsx", await makeSchool());
