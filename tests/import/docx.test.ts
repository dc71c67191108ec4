/**
 * Reading word/document.xml: what is text and what is not, merges as Word states them, and tables
 * split across pages joined back (with or without the header repeated).
 */
import { documentBlocks, type DocxBlock } from "../../src/import/docx";
import { noticeTables, noticeTargets, tableCells } from "../../src/import/notice";
import { areaA1 } from "../../src/sheet/grid";

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const doc = (body: string) =>
  `<?xml version="1.0" encoding="UTF-8"?><w:document ${W}><w:body>${body}</w:body></w:document>`;
const p = (inner: string) => `<w:p>${inner}</w:p>`;
const r = (text: string) => `<w:r><w:t xml:space="preserve">${text}</w:t></w:r>`;
const tc = (text: string, pr = "") => `<w:tc>${pr ? `<w:tcPr>${pr}</w:tcPr>` : ""}${p(r(text))}</w:tc>`;
const tr = (cells: string, pr = "") => `<w:tr>${pr ? `<w:trPr>${pr}</w:trPr>` : ""}${cells}</w:tr>`;
const tbl = (rows: string, cols = 3) =>
  `<w:tbl><w:tblGrid>${'<w:gridCol w:w="1000"/>'.repeat(cols)}</w:tblGrid>${rows}</w:tbl>`;

function paragraphs(blocks: DocxBlock[]): string[] {
  return blocks.filter((b) => b.kind === "paragraph").map((b) => (b as { text: string }).text);
}

test("text: runs, tabs and breaks; deletions, field codes and drawings are not text; content controls read through", () => {
  const blocks = documentBlocks(
    doc(
      p(r("集中供养率") + "<w:r><w:tab/></w:r>" + r("保持") + "<w:r><w:br/></w:r>" + r("60%以上")) +
        p(`<w:del><w:r><w:delText>删去的</w:delText></w:r></w:del><w:ins>${r("插入的")}</w:ins>`) +
        p(
          `<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>${r("3")}<w:r><w:fldChar w:fldCharType="end"/></w:r>`
        ) +
        p(`<w:r><w:drawing><w:t>图中文字</w:t></w:drawing></w:r>${r("正文")}`) +
        `<w:sdt><w:sdtContent>${p(r("控件中的段落"))}</w:sdtContent></w:sdt>` +
        p('<w:r><w:br w:type="page"/></w:r>')
    )
  );
  expect(paragraphs(blocks)).toEqual(["集中供养率\t保持\n60%以上", "插入的", "3", "正文", "控件中的段落", ""]);
  expect(blocks[5]).toEqual({ kind: "paragraph", text: "", pageBreak: true });
});

test("merges: gridSpan across, vMerge down, gridBefore, the legacy hMerge, a vMerge continue with nothing above", () => {
  const blocks = documentBlocks(
    doc(
      tbl(
        tr(tc("甲", '<w:vMerge w:val="restart"/>') + tc("乙", '<w:gridSpan w:val="2"/>')) +
          tr(tc("", "<w:vMerge/>") + tc("丙") + tc("丁")) +
          tr(tc("戊", '<w:gridSpan w:val="2"/>'), '<w:gridBefore w:val="1"/>') +
          tr(tc("己", '<w:hMerge w:val="restart"/>') + tc("", "<w:hMerge/>") + tc("庚")) +
          tr(tc("辛", '<w:vMerge w:val="continue"/>') + tc("壬") + tc("癸"))
      )
    )
  );
  const table = (blocks[0] as Extract<DocxBlock, { kind: "table" }>).table;
  const { values, merges } = tableCells(table.rows);
  expect(values).toEqual([
    ["甲", "乙"],
    [null, "丙", "丁"],
    [null, "戊"],
    ["己", null, "庚"],
    ["辛", "壬", "癸"],
  ]);
  // 甲 over two rows; 乙 across B–C; 戊 across B–C after one skipped column; 己 across A–B.
  expect(merges.map(areaA1)).toEqual(["A1:A2", "B1:C1", "B3:C3", "A4:B4"]);
});

test("a table split across pages: joined when the header repeats, and when the next part has no header", () => {
  const header = tr(tc("一级指标") + tc("二级指标") + tc("分值"), "<w:tblHeader/>");
  const row = (a: string, b: string, c: string) => tr(tc(a) + tc(b) + tc(c));
  const blocks = documentBlocks(
    doc(
      p(r("附件2")) +
        p(r("任务分解表")) +
        tbl(header + row("一、强化保障机制", "1．建立联席会议制度", "4")) +
        p('<w:r><w:br w:type="page"/></w:r>') +
        tbl(header + row("", "2．列入财政预算", "8")) +
        p("") +
        tbl(row("", "3．列入发展规划", "3")) +
        p(r("注：本表由县民政局负责解释。")) +
        tbl(header + row("二、完善支持政策", "1．编制规划", "5"))
    )
  );
  const tables = noticeTables(blocks);
  expect(tables.map((t) => [t.index, t.parts, t.values.length, t.title])).toEqual([
    [1, 3, 4, ["附件2", "任务分解表"]],
    // Text between: a table of its own; the note ends with "。", so it is no title.
    [4, 1, 2, []],
  ]);
  expect(tables[0].values.map((v) => v[2])).toEqual(["分值", 4, 8, 3]);
  expect(tables[0].headerRows).toEqual([0]);
});

test("a table with a different number of columns is never joined to the one before", () => {
  const blocks = documentBlocks(
    doc(tbl(tr(tc("序号") + tc("姓名") + tc("职务"))) + p("") + tbl(tr(tc("1") + tc("孟令选")), 2))
  );
  expect(noticeTables(blocks).map((t) => t.parts)).toEqual([1, 1]);
});

test("targets: a figure with its unit and a bound; dates, ages, points and plain counts are not", () => {
  const blocks = documentBlocks(
    doc(
      p(r("全面落实80岁以上老人高龄津贴制度，2023年12月底前完成。")) +
        p(r("出台文件得2分；全县共有5个社区。")) +
        p(r("到2023年底，建成家庭养老床位600张；特困人员护理费标准按不低于人均800元/月县财政予以保障。"))
    )
  );
  // Paragraph 3 only: "600张" with 建成; "800元" with 不低于 (the clause is long enough on its own).
  expect(noticeTargets(blocks)).toEqual([
    { text: "到2023年底，建成家庭养老床位600张", paragraph: 3 },
    { text: "特困人员护理费标准按不低于人均800元/月县财政予以保障", paragraph: 3 },
  ]);
});

test("not a document: a clear error", () => {
  expect(() => documentBlocks("<不是XML")).toThrow("文档内容已损坏");
});
