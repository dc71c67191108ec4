# Makes the LibreOffice-saved workbooks of tests/fixtures/realworld/ through LibreOffice's own
# Python UNO bridge: every workbook here is opened, changed and saved by LibreOffice itself, so its
# parts are exactly what LibreOffice writes (table parts without <tableStyleInfo>, legacy comments,
# a chart and pivot table, password hashes, `<workbookProtection/>`, its loext extensions …).
#
# Run by scripts/realworld/make-realworld.mjs, with Debian's python3-uno:
#   /usr/bin/python3 scripts/realworld/lo_make.py SAMPLES_DIR WORK_DIR
# SAMPLES_DIR holds copies of the three bundled samples (never the originals: LibreOffice leaves a
# lock file beside what it opens); WORK_DIR receives lo-*.xlsx and the .ods that Gnumeric converts.
import os
import struct
import subprocess
import sys
import tempfile
import time
import zlib

import uno
from com.sun.star.awt import Point, Rectangle, Size
from com.sun.star.beans import PropertyValue
from com.sun.star.sheet.DataPilotFieldOrientation import DATA, ROW
from com.sun.star.sheet.GeneralFunction import SUM
from com.sun.star.sheet.ValidationType import LIST
from com.sun.star.table import CellAddress, CellRangeAddress

XLSX = "Calc Office Open XML"
ODS = "calc8"


def pv(name, value):
    p = PropertyValue()
    p.Name = name
    p.Value = value
    return p


def png(width, height):
    """A small RGB PNG (a stand-in for a scanned seal): made here, so nothing is downloaded."""
    raw = b"".join(
        b"\x00" + b"".join(bytes([(x * 37) % 256, (y * 53) % 256, 160]) for x in range(width)) for y in range(height)
    )

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
        + chunk(b"IDAT", zlib.compress(raw))
        + chunk(b"IEND", b"")
    )


class Office:
    """One headless LibreOffice with its own profile, reached through a named pipe."""

    def __init__(self):
        self.profile = tempfile.mkdtemp(prefix="ziping-realworld-lo-")
        self.pipe = "ziping_realworld_%d" % os.getpid()
        self.proc = subprocess.Popen(
            [
                "soffice",
                "-env:UserInstallation=file://" + self.profile,
                "--headless",
                "--invisible",
                "--norestore",
                "--nolockcheck",
                "--nodefault",
                "--accept=pipe,name=%s;urp;" % self.pipe,
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            env=dict(os.environ, HOME=self.profile),
        )
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
        self.ctx = None
        for _ in range(240):
            try:
                self.ctx = resolver.resolve("uno:pipe,name=%s;urp;StarOffice.ComponentContext" % self.pipe)
                break
            except Exception:
                time.sleep(0.5)
        if self.ctx is None:
            raise RuntimeError("LibreOffice did not start")
        self.smgr = self.ctx.ServiceManager
        self.desktop = self.smgr.createInstanceWithContext("com.sun.star.frame.Desktop", self.ctx)

    def open(self, path):
        url = uno.systemPathToFileUrl(os.path.abspath(path))
        for _ in range(40):
            doc = self.desktop.loadComponentFromURL(url, "_blank", 0, (pv("Hidden", True),))
            if doc is not None:
                return doc
            time.sleep(0.5)
        raise RuntimeError("LibreOffice could not open " + path)

    def save(self, doc, path, kind=XLSX):
        doc.storeToURL(uno.systemPathToFileUrl(os.path.abspath(path)), (pv("FilterName", kind),))

    def graphic(self, path):
        provider = self.smgr.createInstanceWithContext("com.sun.star.graphic.GraphicProvider", self.ctx)
        return provider.queryGraphic((pv("URL", uno.systemPathToFileUrl(os.path.abspath(path))),))

    def close(self):
        try:
            self.desktop.terminate()
        except Exception:
            pass  # the bridge goes down with the office
        try:
            self.proc.wait(60)
        except subprocess.TimeoutExpired:
            self.proc.kill()


# --- helpers over a document ------------------------------------------------------------------


def index_of(doc, name):
    names = doc.Sheets.ElementNames
    return list(names).index(name)


def add_sheet(doc, name, rows):
    doc.Sheets.insertNewByName(name, doc.Sheets.Count)
    sheet = doc.Sheets.getByName(name)
    for r, row in enumerate(rows):
        for c, v in enumerate(row):
            if v is None:
                continue
            cell = sheet.getCellByPosition(c, r)
            if isinstance(v, str) and v.startswith("="):
                cell.Formula = v
            elif isinstance(v, str):
                cell.String = v
            else:
                cell.Value = v
    return sheet


def area(doc, sheet_name, c0, r0, c1, r1):
    a = CellRangeAddress()
    a.Sheet = index_of(doc, sheet_name)
    a.StartColumn, a.StartRow, a.EndColumn, a.EndRow = c0, r0, c1, r1
    return a


def address(doc, sheet_name, c, r):
    return CellAddress(index_of(doc, sheet_name), c, r)


def comment(doc, sheet_name, c, r, text):
    doc.Sheets.getByName(sheet_name).Annotations.insertNew(address(doc, sheet_name, c, r), text)


def link(doc, sheet_name, c, r, target, text):
    """An internal hyperlink the way LibreOffice makes one: a URL field "#Sheet.A1" in the cell."""
    cell = doc.Sheets.getByName(sheet_name).getCellByPosition(c, r)
    cell.String = ""
    field = doc.createInstance("com.sun.star.text.TextField.URL")
    field.URL = target
    field.Representation = text
    cell.Text.insertTextContent(cell.Text.createTextCursor(), field, False)


def picture(office, doc, sheet_name, image, x, y, size):
    shape = doc.createInstance("com.sun.star.drawing.GraphicObjectShape")
    shape.Graphic = office.graphic(image)
    doc.Sheets.getByName(sheet_name).DrawPage.add(shape)
    s = Size()
    s.Width = s.Height = size
    shape.setSize(s)
    p = Point()
    p.X, p.Y = x, y
    shape.setPosition(p)


def chart(doc, sheet_name, name, source, x, y):
    rect = Rectangle()
    rect.X, rect.Y, rect.Width, rect.Height = x, y, 12000, 7000
    doc.Sheets.getByName(sheet_name).Charts.addNewByName(name, rect, (source,), True, True)


def pivot(doc, sheet_name, name, source):
    tables = doc.Sheets.getByName(sheet_name).DataPilotTables
    desc = tables.createDataPilotDescriptor()
    desc.setSourceRange(source)
    row = desc.DataPilotFields.getByIndex(0)
    row.Orientation = ROW
    data = desc.DataPilotFields.getByIndex(1)
    data.Orientation = DATA
    data.Function = SUM
    tables.insertNewByName(name, address(doc, sheet_name, 0, 2), desc)


def list_validation(doc, sheet_name, range_name, source):
    cells = doc.Sheets.getByName(sheet_name).getCellRangeByName(range_name)
    rule = cells.Validation
    rule.Type = LIST
    rule.setFormula1(source)
    rule.ShowErrorMessage = True
    cells.Validation = rule


# Towns of 曹县 and their beds: a county's own data beside the rubric (numbers made up for the test).
BEDS = [
    ("单位", "床位", "护理型床位", "占比"),
    ("曹城街道", 320, 220, "=C2/B2"),
    ("庄寨镇", 180, 110, "=C3/B3"),
    ("普连集镇", 150, 100, "=C4/B4"),
    ("青菏街道", 90, 60, "=C5/B5"),
    ("韩集镇", 60, 35, "=C6/B6"),
]


# --- the recipes --------------------------------------------------------------------------------


def caoxian_resaved(office, samples, out):
    """曹县 opened and saved by LibreOffice, nothing added: LibreOffice's own package as it is."""
    doc = office.open(os.path.join(samples, "曹县-评分细则.xlsx"))
    office.save(doc, os.path.join(out, "lo-caoxian-resaved.xlsx"))
    doc.close(True)


def caoxian_issue(office, samples, out, image):
    """The issue's workbook: a chart, a pivot table, a table, a picture and comments around 曹县's sheet."""
    doc = office.open(os.path.join(samples, "曹县-评分细则.xlsx"))
    add_sheet(doc, "床位", BEDS)
    # A named database range with an autofilter: LibreOffice writes it as a table part, no style.
    doc.DatabaseRanges.addNewByName("床位表", area(doc, "床位", 0, 0, 3, 5))
    doc.DatabaseRanges.getByName("床位表").AutoFilter = True
    chart(doc, "床位", "床位图", area(doc, "床位", 0, 0, 2, 5), 1000, 4500)
    add_sheet(doc, "透视", [("按单位汇总的床位",)])
    pivot(doc, "透视", "床位透视", area(doc, "床位", 0, 0, 2, 5))
    # On the sheet Ziping fills: a picture (a drawing part) and comments (legacy VML).
    picture(office, doc, "评分细则", image, 26000, 200, 1500)
    comment(doc, "评分细则", 6, 4, "按2023年预算执行情况自评")
    comment(doc, "评分细则", 5, 3, "联席会议纪要见附件1")
    comment(doc, "床位", 1, 1, "含农村特困供养服务机构")
    link(doc, "床位", 0, 8, "#评分细则.A1", "返回评分细则")
    office.save(doc, os.path.join(out, "lo-caoxian-issue.xlsx"))
    doc.close(True)


def caoxian_names(office, samples, out):
    """Names the county's own formulas use (目标床位 in =目标床位*2), print titles and page breaks."""
    # The city's file the county links to: 市级目标!B2 is 800.
    city = os.path.join(out, "市级目标.xlsx")
    doc = office.open(os.path.join(samples, "会宁县-考核表.xlsx"))
    add_sheet(doc, "市级目标", [("项目", "目标"), ("家庭养老床位", 800)])
    office.save(doc, city)
    doc.close(True)
    doc = office.open(os.path.join(samples, "曹县-评分细则.xlsx"))
    sheet = add_sheet(
        doc,
        "测算",
        [
            ("项目", "数值", "说明"),
            ("家庭养老床位目标", 600, "曹县实施方案：家庭养老床位600张"),
            ("已建家庭养老床位", 420, None),
            ("两年目标（目标床位×2）", None, None),
            ("完成率", None, None),
            ("自评得分合计（评分细则G列）", None, None),
            ("分值合计", None, None),
            ("G列合计（整列）", None, None),
            ("合计行（整行）", None, None),
            ("市级床位目标（链接市级文件）", None, None),
        ],
    )
    names = doc.NamedRanges
    names.addNewByName("目标床位", "$测算.$B$2", address(doc, "测算", 0, 0), 0)
    names.addNewByName("分值", "$评分细则.$D$4:$D$34", address(doc, "测算", 0, 0), 0)
    # A name scoped to the sheet 测算 (Excel's localSheetId).
    sheet.NamedRanges.addNewByName("已建床位", "$测算.$B$3", address(doc, "测算", 0, 0), 0)
    # Formulas are typed once the names exist, as a person would.
    for r, formula in [
        (3, "=目标床位*2"),
        (4, "=已建床位/目标床位"),
        (5, "=SUM($评分细则.G4:G34)"),
        (6, "=SUM(分值)"),
        # Whole column and whole row: the 合计 row Ziping fills (G35) changes both.
        (7, "=SUM($评分细则.G:G)"),
        (8, "=SUM($评分细则.35:35)"),
        # A link to the city's file (an externalLink part); make-realworld.mjs points it at D:\.
        (9, "='" + uno.systemPathToFileUrl(os.path.abspath(city)) + "'#$市级目标.B2"),
    ]:
        sheet.getCellByPosition(1, r).Formula = formula
    target = doc.Sheets.getByName("评分细则")
    target.setPrintTitleRows(True)
    target.setTitleRows(area(doc, "评分细则", 0, 1, 6, 2))
    target.setPrintAreas((area(doc, "评分细则", 0, 0, 6, 34),))
    target.Rows.getByIndex(19).IsStartOfNewPage = True
    target.Columns.getByIndex(4).IsStartOfNewPage = True
    # An autofilter on the indicator rows: LibreOffice writes it with a hidden _xlnm._FilterDatabase name.
    doc.getPropertyValue("UnnamedDatabaseRanges").setByTable(area(doc, "评分细则", 0, 2, 6, 34))
    doc.getPropertyValue("UnnamedDatabaseRanges").getByTable(index_of(doc, "评分细则")).AutoFilter = True
    office.save(doc, os.path.join(out, "lo-caoxian-names.xlsx"))
    doc.close(True)


def weishan_protected(office, samples, out):
    """微山 with its 说明 sheet protected by a password, and a ledger sheet 台账 (protected later by hand, Excel-style)."""
    doc = office.open(os.path.join(samples, "微山县-任务分解表.xlsx"))
    add_sheet(
        doc,
        "台账",
        [
            ("序号", "事项", "责任单位", "完成时限"),
            (1, "出台养老服务设施专项规划", "县自然资源和规划局", "2023年12月"),
            (2, "建设区域性养老服务中心", "县民政局", "2024年6月"),
            (3, "开展特殊困难老年人探访关爱", "各镇街", "长期"),
        ],
    )
    doc.Sheets.getByName("说明").protect("weishan")
    office.save(doc, os.path.join(out, "lo-weishan-protected.xlsx"))
    doc.close(True)


def huining_validations(office, samples, out):
    """会宁 with list validations pointing at another sheet (选项), as LibreOffice writes them."""
    doc = office.open(os.path.join(samples, "会宁县-考核表.xlsx"))
    add_sheet(doc, "选项", [("是",), ("否",), ("部分完成",)])
    add_sheet(
        doc,
        "台账",
        [
            ("是否完成", "完成数量", "折算"),
            (None, 3, "=B2*2"),
            (None, 5, "=B3*2"),
            (None, 2, "=B4*2"),
        ],
    )
    list_validation(doc, "台账", "A2:A4", "$选项.$A$1:$A$3")
    office.save(doc, os.path.join(out, "lo-huining-validations.xlsx"))
    doc.close(True)


def huining_links(office, samples, out):
    """会宁 with internal hyperlinks, custom document properties, page breaks and print titles."""
    doc = office.open(os.path.join(samples, "会宁县-考核表.xlsx"))
    add_sheet(doc, "说明", [("填表说明",), ("“两年工作目标”一栏按县政府2020年工作要点填写。",), (None,), (None,)])
    link(doc, "说明", 0, 3, "#考核表.A1", "返回考核表")
    # A link on the sheet Ziping fills, below the table.
    link(doc, "考核表", 0, 16, "#说明.A1", "填表说明")
    props = doc.DocumentProperties.UserDefinedProperties
    props.addProperty("填报单位", 128, "会宁县民政局")
    props.addProperty("报送年度", 128, 2020)
    props.addProperty("已审核", 128, True)
    target = doc.Sheets.getByName("考核表")
    target.Rows.getByIndex(6).IsStartOfNewPage = True
    target.Columns.getByIndex(3).IsStartOfNewPage = True
    target.setPrintTitleRows(True)
    target.setTitleRows(area(doc, "考核表", 0, 1, 4, 1))
    office.save(doc, os.path.join(out, "lo-huining-links.xlsx"))
    doc.close(True)


def weishan_chart(office, samples, out):
    """微山 with a statistics sheet and its chart (a chart sheet is added by hand afterwards)."""
    doc = office.open(os.path.join(samples, "微山县-任务分解表.xlsx"))
    add_sheet(
        doc,
        "统计",
        [
            ("一级指标", "分值", "已完成"),
            ("强化保障机制", 18, 12),
            ("完善支持政策", 12, 8),
            ("健全服务制度", 20, 15),
            ("提升服务能力", 25, 18),
            ("加强综合监管", 10, 6),
            ("创新体制机制", 5, 3),
        ],
    )
    chart(doc, "统计", "完成情况", area(doc, "统计", 0, 0, 2, 6), 500, 4000)
    office.save(doc, os.path.join(out, "lo-weishan-chart.xlsx"))
    doc.close(True)


def weishan_table(office, samples, out):
    """微山 with its task table made a table (a database range with an autofilter) on the sheet Ziping fills."""
    doc = office.open(os.path.join(samples, "微山县-任务分解表.xlsx"))
    doc.DatabaseRanges.addNewByName("任务分解", area(doc, "任务分解表", 0, 1, 5, 32))
    doc.DatabaseRanges.getByName("任务分解").AutoFilter = True
    office.save(doc, os.path.join(out, "lo-weishan-table.xlsx"))
    doc.close(True)


def huining_for_gnumeric(office, samples, out):
    """会宁 with names, comments and a link, saved as .ods for Gnumeric to write as .xlsx."""
    doc = office.open(os.path.join(samples, "会宁县-考核表.xlsx"))
    add_sheet(
        doc,
        "测算",
        [
            ("项目", "数值"),
            ("试点经费（万元）", 120),
            ("两年经费", None),
            ("链接", None),
        ],
    )
    doc.NamedRanges.addNewByName("试点经费", "$测算.$B$2", address(doc, "测算", 0, 0), 0)
    doc.Sheets.getByName("测算").getCellByPosition(1, 2).Formula = "=试点经费*2"
    link(doc, "测算", 1, 3, "#考核表.A1", "返回考核表")
    comment(doc, "考核表", 4, 3, "按县政府工作要点")
    comment(doc, "测算", 1, 1, "县财政列支")
    office.save(doc, os.path.join(out, "gnumeric-huining.ods"), ODS)
    doc.close(True)


def base_for_hand(office, samples, out):
    """LibreOffice-saved bases that make-realworld.mjs then edits by hand (odd part names, threaded comments, WPS)."""
    doc = office.open(os.path.join(samples, "会宁县-考核表.xlsx"))
    add_sheet(doc, "说明", [("填表说明",), ("按县政府2020年工作要点填写。",)])
    add_sheet(doc, "附表", [("项目", "数值"), ("试点社区", 12), ("两年合计", "=B2*2")])
    office.save(doc, os.path.join(out, "base-huining.xlsx"))
    doc.close(True)

    doc = office.open(os.path.join(samples, "曹县-评分细则.xlsx"))
    add_sheet(doc, "测算", [("单位", "床位", "护理型床位", "占比", "两倍")] + [r[:3] for r in BEDS[1:]])
    comment(doc, "评分细则", 6, 4, "按2023年预算执行情况自评")
    office.save(doc, os.path.join(out, "base-caoxian.xlsx"))
    doc.close(True)

    doc = office.open(os.path.join(samples, "微山县-任务分解表.xlsx"))
    add_sheet(doc, "台账", [("事项", "数量"), ("探访关爱人次", 1260), ("助餐人次", 3400), ("合计", "=SUM(B2:B3)")])
    office.save(doc, os.path.join(out, "base-weishan.xlsx"))
    doc.close(True)

    # For the file dressed as Excel 2016 writes one: a sheet whose name needs quotes in formulas.
    doc = office.open(os.path.join(samples, "曹县-评分细则.xlsx"))
    add_sheet(doc, "2023年 台账", [("单位", "床位", "护理型床位")] + [r[:3] for r in BEDS[1:]])
    add_sheet(doc, "测算", [("项目", "数值"), ("曹城街道床位×2", None), ("护理型床位合计", None)])
    calc = doc.Sheets.getByName("测算")
    calc.getCellByPosition(1, 1).Formula = "=$'2023年 台账'.B2*2"
    calc.getCellByPosition(1, 2).Formula = "=SUM($'2023年 台账'.C2:C6)"
    office.save(doc, os.path.join(out, "base-caoxian-excel.xlsx"))
    doc.close(True)


def main():
    samples, out = sys.argv[1], sys.argv[2]
    image = os.path.join(out, "seal.png")
    with open(image, "wb") as f:
        f.write(png(24, 24))
    office = Office()
    try:
        caoxian_resaved(office, samples, out)
        caoxian_issue(office, samples, out, image)
        caoxian_names(office, samples, out)
        weishan_protected(office, samples, out)
        huining_validations(office, samples, out)
        huining_links(office, samples, out)
        weishan_chart(office, samples, out)
        weishan_table(office, samples, out)
        huining_for_gnumeric(office, samples, out)
        base_for_hand(office, samples, out)
    finally:
        office.close()
        if office.proc.poll() is None:
            office.proc.kill()


if __name__ == "__main__":
    main()
