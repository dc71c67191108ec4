// Builds Word notices (.docx) from the seed documents' tables — the way a county receives its rubric
// — for the import tests and the README's example run. Every table text (indicators, points, rules,
// 检查办法, units, 会宁's requirements) is taken from the built-in rubrics in src/rubric/builtin/,
// which hold the seed tables verbatim; the few texts the rubrics do not hold (cover lines, the
// paragraphs of the plans that state targets, the 曹县 roster) are copied below from the seeds.
//
//   微山县-通知.docx   cover, plan text, 附件2 任务分解表 split across four pages: four w:tbl, each
//                     repeating the header row (w:tblHeader); 一级指标 merged down (w:vMerge) and
//                     written again where a page starts (2.3, 3.6, 6.2, as in the seed); 检查办法 with
//                     line breaks (w:br), 责任单位 as two paragraphs (牵头单位 / 责任单位)
//   曹县-通知.docx     plan text, two tables: 附件1 roster (no scoring table), 附件2 评分细则 with a
//                     two-row header (序号 merged down, 指标体系 across two columns: w:gridSpan),
//                     序号 and 一级指标 merged down per category, 合计 across three columns
//   会宁县-考核表.docx  附件2 考核表, one table, the header repeated mid-table (as in the seed),
//                     multi-paragraph cells with blank lines
//   江永县-方案.docx   plan text only, no table: the targets stated in the text
//
// Deterministic (zip entries dated 2023-10-10): running it twice gives identical bytes.
// Run: node scripts/make-notices.mjs [OUT_DIR]   (default assets/samples/通知)
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import JSZip from "jszip";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const OUT = process.argv[2] ? resolve(process.argv[2]) : join(ROOT, "assets", "samples", "通知");
const PINNED = new Date(Date.UTC(2023, 9, 10, 0, 0, 0));

const rubric = (id) => JSON.parse(readFileSync(join(ROOT, "src", "rubric", "builtin", `${id}.json`), "utf8"));
const WEISHAN = rubric("weishan-2023");
const CAOXIAN = rubric("sd-2023");
const HUINING = rubric("huining-2020");

// ---------------------------------------------------------------------------------------------
// Texts copied from the seed documents that the rubric files do not hold.

/** 微山 通知 cover (as in make-samples.mjs). */
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

/** 微山 实施方案 三、创建内容 (二)–(四), 000_6bbbfbb2ef37f628.txt lines 34–36, verbatim. */
const WEISHAN_BODY = [
  "（二）完善政策支持，加大扶持力度。坚持规划引领，编制《微山县城乡养老服务设施规划》《微山县养老服务业发展“十四五”规划》，促进养老服务事业、产业融合发展。实施社区养老服务设施配建政策，落实新建小区养老服务设施与住宅建设项目同步规划、同步建设、同步验收、同步交付“四同步”工作机制，确保新建小区养老服务设施配建率达到100%。落实资金扶持、用地保障、税费减免、信贷支持、水电气暖等方面的优惠扶持政策，推广实施“养老保障贷”项目，进一步完善县级养老服务发展扶持政策。对闲置村（居）委会大院、老旧学校、闲置厂房等设施进行整体摸排，盘活闲置资源，用于养老服务场所建设。开展乡镇卫生院（社区卫生服务中心）与敬老院（社区日间照料中心）紧密型“两院一体”医养结合服务，继续推行农村互助式养老服务模式，解决子女外出务工不在身边、老年人遇突发事件无人照顾等问题。",
  "（三）健全服务制度，关爱特殊群体。建立基本公共养老服务清单发布及动态更新制度，及时增加或调整养老服务最新政策，明确基本养老公共服务项目、服务标准和责任主体，并主动向社会公开，提高政策知晓率和透明度，让老百姓及时了解政策变化。全面落实80岁以上老人高龄津贴制度，加强敬老院服务能力提升和护理人才队伍建设，在全面落实特困老年人集中供养制度以及经济困难老年人补贴制度的基础上，结合特困人员自理能力评估结果，保障失能特困人员进行集中供养，集中供养率保持60%以上。建立特殊困难老年人巡访制度，加强对独居、空巢、农村留守、计划生育特殊家庭关爱，开展“社会工作+志愿服务”为老志愿服务活动，月探访率达到100%。开展政府购买居家养老服务提升行动，探索建立困难重度失能老年人集中托养制度，动员和鼓励老年入住集中供养机构，享受专业的养老护理服务。建立公办养老机构入住评估和轮候制度，增加普惠型养老床位，优先保障低收入老年人养老服务需求。建立特殊困难老年人委托服务制度，由专业服务组织依法为困难老年人代为办理入住养老机构、就医等事务。建立困难老年人家庭适老化改造制度，对申请适老化改造的困难老年人家庭提供适老化评估、改造服务，年内完成适老化改造190户。全面实施职工长期护理保险制度，逐步向城乡居民延伸。",
  "（四）增加有效供给，满足多元需求。推进县级综合养老服务中心建设，鼓励民办养老机构设置失智老年人照护专区。推动社会力量发展普惠养老，引导社会力量建设不同层次的养老机构，优先发展护理型床位。乡镇（街道）层面，年内改造提升2处敬老院，建设4处区域综合养老服务中心，保障片区内特困人员集中供养。村（社区）层面，社区养老服务设施配建率达到100%，推进社区老年人日间照料中心、农村幸福院和社区服务站专业化运营。建立健全助老食堂建设和运营制度，让农村老年人吃上幸福餐。家庭层面，以专业机构为载体，或通过政府购买服务形式，以信息化手段为支撑，大力发展“家庭照护床位”，建设家庭养老床位80张，为居家老年人提供“点菜单”式服务。",
];

/** 曹县 实施方案 三、创建内容 (三), 001_b7a273d4f6f65f67.txt lines 27–29 (one paragraph broken by the PDF). */
const CAOXIAN_BODY =
  "(三) 加大家庭养老床位建设。出台发展家庭养老床位建设的扶持文件，2023年12月底前，为符合条件的经济困难失能、部分失能老年人建设家庭养老床位，对其经常活动的居家场所，按照《无障碍设计规范》要求，给予最急需的适老化和信息化改造，在此基础上适当向高龄、残疾老年人家庭延伸，到2023年底，建成家庭养老床位600张。增加居家养老购买服务内容，在基本生活照料服务的基础上，对经济困难失能半失能老年人增加助医、康复、巡访关爱等服务功能。（责任单位：县民政局、县卫健局、县财政局、县残联）";

/** 曹县 附件1 (as in make-samples.mjs). */
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

/** 江永 方案, 004_61472d67f48f5709.txt lines 3, 43, 79, 88, 98 + 100 (one paragraph broken by the PDF), verbatim. */
const JIANGYONG_BODY = [
  "江永县贯彻落实真抓实干督查激励措施 工作领导小组民政工作指挥部文件",
  "2022 年拟新增四方井社区、凤凰社区、允山社区、桃花源小区、同创世纪新城 5 个养老服务中心，养老服务设施全县城市社区覆盖率达到 100%。",
  "1. 实行“医养结合”公建民营的县社会福利中心建设为全县失能集中照护机构，全县失能、半失能特困老人愿意集中供养的全部集中供养，集中供养率达50%以上，新增床位30%以上，床位利用率达80%以上。",
  "2. 加强专业养老服务人才队伍建设。建立养老服务机构职业培训制度，落实养老服务机构在职和新入职人员岗前培训率100%，积极参与省市组织的养老服务从业人员提升培训，养老服务机构工作人员通过参加省市县培训，年内全部轮训到位。",
  "2. 加强消防安全改造，确保养老机构消防审验率达100%。开展养老机构安全生产专项整治行动，自4月份开始，至2022年11月以前，实现全县的养老机构重大消防安全隐患动态基本清零，养老机构食品安全零事故，养老机构建筑风险动态清零，有效防范养老机构安全事故发生；严格新冠疫情防控要求，夯实养老机构安全生产基础。",
];

/** 会宁 工作内容 cells (as in make-samples.mjs). */
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
/** 微山's 附件2 starts a new page (and writes the 一级指标 again) at these indicators. */
const WEISHAN_PAGE_STARTS = new Set(["2.3", "3.6", "6.2"]);

// ---------------------------------------------------------------------------------------------
// WordprocessingML, written by hand: only what a notice uses.

const W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

function esc(text) {
  return String(text).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** A run; "\n" in the text becomes a line break (w:br). */
function run(text, { bold = false, size } = {}) {
  const props = (bold ? "<w:b/>" : "") + (size ? `<w:sz w:val="${size}"/>` : "");
  const parts = String(text)
    .split("\n")
    .map((line) => (line ? `<w:t xml:space="preserve">${esc(line)}</w:t>` : ""));
  return `<w:r>${props ? `<w:rPr>${props}</w:rPr>` : ""}${parts.join("<w:br/>")}</w:r>`;
}

function para(text, { align, bold, size } = {}) {
  const pPr = align ? `<w:pPr><w:jc w:val="${align}"/></w:pPr>` : "";
  return `<w:p>${pPr}${text ? run(text, { bold, size }) : ""}</w:p>`;
}

const PAGE_BREAK = '<w:p><w:r><w:br w:type="page"/></w:r></w:p>';

/**
 * A cell. `text` lines become paragraphs, or line breaks in one paragraph when `breaks`;
 * `span` is w:gridSpan, `merge` "restart" | "continue" is w:vMerge.
 */
function cell(c, width) {
  const {
    text = "",
    span = 1,
    merge,
    breaks = false,
    bold = false,
    align,
  } = typeof c === "object" && c !== null ? c : { text: c };
  const tcPr =
    `<w:tcW w:w="${width}" w:type="dxa"/>` +
    (span > 1 ? `<w:gridSpan w:val="${span}"/>` : "") +
    (merge === "restart" ? '<w:vMerge w:val="restart"/>' : merge === "continue" ? "<w:vMerge/>" : "");
  const lines = merge === "continue" ? [""] : breaks ? [String(text)] : String(text).split("\n");
  const paragraphs = lines.map((line) => para(line, { bold, align })).join("");
  return `<w:tc><w:tcPr>${tcPr}</w:tcPr>${paragraphs}</w:tc>`;
}

const BORDERS =
  "<w:tblBorders>" +
  ["top", "left", "bottom", "right", "insideH", "insideV"]
    .map((side) => `<w:${side} w:val="single" w:sz="4" w:space="0" w:color="000000"/>`)
    .join("") +
  "</w:tblBorders>";

/** A table: `widths` in twentieths of a point; rows `{ header, cells }`. */
function table(widths, rows) {
  const grid = widths.map((w) => `<w:gridCol w:w="${w}"/>`).join("");
  const body = rows
    .map((row) => {
      let col = 0;
      const cells = row.cells
        .map((c) => {
          const span = (typeof c === "object" && c !== null && c.span) || 1;
          const width = widths.slice(col, col + span).reduce((a, b) => a + b, 0);
          col += span;
          return cell(c, width);
        })
        .join("");
      return `<w:tr>${row.header ? "<w:trPr><w:tblHeader/></w:trPr>" : ""}${cells}</w:tr>`;
    })
    .join("");
  return (
    `<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/><w:jc w:val="center"/>${BORDERS}` +
    `<w:tblLayout w:type="fixed"/></w:tblPr><w:tblGrid>${grid}</w:tblGrid>${body}</w:tbl>`
  );
}

const CONTENT_TYPES =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
  '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
  '<Default Extension="xml" ContentType="application/xml"/>' +
  '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>' +
  "</Types>";
const RELS =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
  '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>' +
  "</Relationships>";
const DOC_RELS =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"/>';

/** Landscape A4 with 2 cm margins: wide tables fit as in the notices' attachments. */
const SECTION =
  '<w:sectPr><w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/>' +
  '<w:pgMar w:top="1134" w:right="1134" w:bottom="1134" w:left="1134" w:header="567" w:footer="567" w:gutter="0"/></w:sectPr>';

async function save(file, blocks) {
  const document =
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    // A body ends with a paragraph, as Word writes it (LibreOffice's .doc export drops a table that ends the body).
    `<w:document xmlns:w="${W_NS}"><w:body>${blocks.join("")}<w:p/>${SECTION}</w:body></w:document>`;
  const zip = new JSZip();
  const add = (name, text) => zip.file(name, text, { date: PINNED, createFolders: false });
  add("[Content_Types].xml", CONTENT_TYPES);
  add("_rels/.rels", RELS);
  add("word/document.xml", document);
  add("word/_rels/document.xml.rels", DOC_RELS);
  const bytes = await zip.generateAsync({
    type: "nodebuffer",
    compression: "DEFLATE",
    compressionOptions: { level: 6 },
  });
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, bytes);
  console.log(`wrote ${relative(process.cwd(), file)} (${bytes.length} bytes)`);
}

// ---------------------------------------------------------------------------------------------
// 1. 微山县-通知.docx — 任务分解表 across four pages

const WEISHAN_HEADER = {
  header: true,
  cells: ["一级指标", "二级指标", "得分", "评分标准", "检查办法", "责任单位"].map((text) => ({
    text,
    bold: true,
    align: "center",
  })),
};
const WEISHAN_WIDTHS = [1300, 3900, 700, 4300, 1000, 3000];

async function makeWeishan() {
  const rows = WEISHAN.categories.flatMap((cat) => cat.indicators.map((ind) => ({ cat, ind })));
  // The table's pages: a new one where the seed starts a page.
  const pages = [];
  for (const r of rows) {
    if (!pages.length || WEISHAN_PAGE_STARTS.has(r.ind.id)) pages.push([]);
    pages[pages.length - 1].push(r);
  }
  const tables = pages.map((page) =>
    table(WEISHAN_WIDTHS, [
      WEISHAN_HEADER,
      ...page.map(({ cat, ind }, i) => {
        const first = i === 0 || page[i - 1].cat !== cat;
        const more = i + 1 < page.length && page[i + 1].cat === cat;
        return {
          cells: [
            first ? { text: cat.heading, merge: more ? "restart" : undefined } : { merge: "continue" },
            ind.number ? `${ind.number}．${ind.text}` : ind.text,
            String(ind.points),
            ind.rule,
            { text: ind.check, breaks: true },
            `牵头单位：${ind.lead}\n责任单位：${ind.responsible}`,
          ],
        };
      }),
    ])
  );
  await save(join(OUT, "微山县-通知.docx"), [
    ...WEISHAN_COVER.map((line, i) =>
      para(line, { align: i === 2 || i === 3 ? "center" : undefined, bold: i === 2 || i === 3 })
    ),
    PAGE_BREAK,
    para("微山县创建全省县域养老服务体系创新示范县实施方案", { align: "center", bold: true, size: 36 }),
    ...WEISHAN_BODY.map((text) => para(text)),
    PAGE_BREAK,
    para("附件2"),
    para(WEISHAN.title, { align: "center", bold: true, size: 32 }),
    tables.join(PAGE_BREAK),
  ]);
}

// ---------------------------------------------------------------------------------------------
// 2. 曹县-通知.docx — a roster and the 评分细则

const CAOXIAN_WIDTHS = [600, 1500, 4000, 700, 4500, 2200, 900];

async function makeCaoxian() {
  const roster = table(
    [700, 1400, 5000, 1400],
    [
      {
        header: true,
        cells: ["序号", "姓名", "单位职务", "小组职务"].map((text) => ({ text, bold: true, align: "center" })),
      },
      ...CAOXIAN_ROSTER.map(([name, post], i) => ({
        cells: [String(i + 1), name, post, i === 0 ? "组长" : i === 1 ? "副组长" : "成员"],
      })),
    ]
  );
  const h = (text, extra = {}) => ({ text, bold: true, align: "center", ...extra });
  const rows = [
    {
      header: true,
      cells: [
        h("序号", { merge: "restart" }),
        h("指标体系", { span: 2 }),
        h("分值", { merge: "restart" }),
        h("评分细则", { merge: "restart" }),
        h("材料提供情况", { merge: "restart" }),
        h("自评得分", { merge: "restart" }),
      ],
    },
    {
      header: true,
      cells: [
        { merge: "continue" },
        h("一级指标"),
        h("二级指标"),
        { merge: "continue" },
        { merge: "continue" },
        { merge: "continue" },
        { merge: "continue" },
      ],
    },
  ];
  CAOXIAN.categories.forEach((cat, k) => {
    const n = cat.indicators.length;
    cat.indicators.forEach((ind, i) => {
      const down = (text) => (i === 0 ? { text, merge: n > 1 ? "restart" : undefined } : { merge: "continue" });
      rows.push({
        cells: [
          down(String(k + 1)),
          down(cat.heading),
          ind.number ? `${ind.number}. ${ind.text}` : ind.text,
          String(ind.points),
          ind.rule,
          "",
          "",
        ],
      });
    });
  });
  const total = CAOXIAN.categories.reduce((s, c) => s + c.points, 0);
  rows.push({ cells: [{ text: "合计", span: 3, align: "center" }, String(total), "", "", ""] });
  await save(join(OUT, "曹县-通知.docx"), [
    para("曹县养老服务体系创新示范县创建实施方案", { align: "center", bold: true, size: 36 }),
    para(CAOXIAN_BODY),
    PAGE_BREAK,
    para("附件1"),
    para("曹县养老服务体系创新示范县创建领导小组成员名单", { align: "center", bold: true, size: 32 }),
    roster,
    para(CAOXIAN_ROSTER_NOTE),
    PAGE_BREAK,
    para("附件2"),
    para(CAOXIAN.title, { align: "center", bold: true, size: 32 }),
    table(CAOXIAN_WIDTHS, rows),
  ]);
}

// ---------------------------------------------------------------------------------------------
// 3. 会宁县-考核表.docx — the header repeated mid-table

const HUINING_HEADER = ["序号", "工作内容", "工作要求", "2020年具体要求", "两年工作目标"];

async function makeHuining() {
  const header = (repeat) => ({
    header: !repeat,
    cells: HUINING_HEADER.map((text) => ({ text, bold: true, align: "center" })),
  });
  const rows = [header(false)];
  for (const ind of HUINING.categories.flatMap((c) => c.indicators)) {
    const n = Number(ind.number);
    if (n === 5) rows.push(header(true)); // the seed repeats the header where its table continues
    rows.push({
      cells: [
        String(n),
        HUINING_CONTENT[n],
        ind.extra?.["工作要求"] ?? "",
        ind.rule,
        ind.extra?.["两年工作目标"] ?? "",
      ],
    });
  }
  await save(join(OUT, "会宁县-考核表.docx"), [
    para("附件2"),
    para(HUINING.title, { align: "center", bold: true, size: 32 }),
    table([700, 2600, 3400, 4800, 3000], rows),
  ]);
}

// ---------------------------------------------------------------------------------------------
// 4. 江永县-方案.docx — targets in the text, no table

async function makeJiangyong() {
  await save(
    join(OUT, "江永县-方案.docx"),
    JIANGYONG_BODY.map((text, i) => para(text, i === 0 ? { align: "center", bold: true } : {}))
  );
}

await makeWeishan();
await makeCaoxian();
await makeHuining();
await makeJiangyong();
