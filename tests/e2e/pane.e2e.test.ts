/**
 * The standalone pane in real headless Chromium (Debian's chromium, driven by playwright-core; no
 * browser download): serve the production build from dist/, open a sample workbook, see the
 * recognized rubric and the total, prepare it, enter a 护理型床位占比 below 65% and see it unmet,
 * run 发送前校验, download the workbook and check it with exceljs; and merge two units' returns
 * into a county workbook split by the CLI (合并各单位报送), see the 进度 and download it.
 * Screenshots go to tests/output/.
 */
import { hasEngines, staleResults } from "../support/engines";
import { mkdirSync, mkdtempSync, utimesSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { AddressInfo } from "node:net";
import type { Server } from "node:http";
import type { Browser, Page } from "playwright-core";
import * as ExcelJS from "exceljs";
import { browserTestsReady, launchChromium, OUTPUT, ROOT, serveDist } from "./support/browser";
import { ziping } from "../cli/run";

const SAMPLE = join(ROOT, "assets", "samples", "微山县-任务分解表.xlsx");
const describeE2E = browserTestsReady("standalone.html") ? describe : describe.skip;

describeE2E("standalone pane in headless Chromium", () => {
  let server: Server;
  let browser: Browser;
  let page: Page;
  const shot = (name: string) => page.screenshot({ path: join(OUTPUT, name + ".png"), fullPage: true });

  beforeAll(async () => {
    mkdirSync(OUTPUT, { recursive: true });
    server = await serveDist();
    browser = await launchChromium();
    // The default task-pane width: 320 px.
    const context = await browser.newContext({
      viewport: { width: 340, height: 900 },
      acceptDownloads: true,
      locale: "zh-CN",
    });
    page = await context.newPage();
    page.on("pageerror", (e) => console.error("page error:", e.message));
  });

  afterAll(async () => {
    await browser?.close();
    server?.close();
  });

  test("open, prepare, enter 护理型床位占比 60%, validate, download", async () => {
    const port = (server.address() as AddressInfo).port;
    await page.goto("http://127.0.0.1:" + port + "/standalone.html");
    await page.getByRole("button", { name: "打开工作簿" }).waitFor();
    await shot("1-open");

    await page.getByLabel("选择 .xlsx 工作簿").setInputFiles(SAMPLE);
    await page.getByText("已匹配 31 / 31 个二级指标").waitFor();
    await page.getByText(/评分细则：微山县养老服务体系创新示范县创建工作任务分解表/).waitFor();
    expect(await page.getByTestId("total").textContent()).toBe("0 / 100 分");
    await shot("2-recognized");

    await page.getByRole("button", { name: "准备工作簿" }).first().click();
    const dialog = page.getByRole("dialog");
    await dialog.getByText(/新增“自评得分”列/).waitFor();
    await shot("3-confirm");
    await dialog.getByRole("button", { name: "确定" }).click();
    await dialog.waitFor({ state: "detached" });

    await page.getByRole("tab", { name: /^自评依据/ }).click();
    await page.getByRole("button", { name: /^指标数据/ }).click();
    const group = page.getByRole("group", { name: "护理型床位占比" });
    await group.getByText("目标 ≥65%").waitFor();
    const value = group.getByLabel(/实际值/);
    await value.fill("60%");
    await value.press("Enter");
    await group.getByText("未达标").waitFor();
    await shot("4-evidence");

    await page.getByRole("tab", { name: /^概览/ }).click();
    const unmet = page.getByRole("list", { name: /未达标/ });
    await unmet.getByText("护理型床位占比：60%，目标 ≥65%").waitFor();
    await shot("5-dashboard");

    await page.getByRole("button", { name: "发送前校验" }).click();
    await page.getByRole("tab", { name: /^校验/ }).getAttribute("aria-selected");
    await page.getByText(/I4 护理型床位占比 60%，未达到≥65%/).waitFor();
    await shot("6-findings");

    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: /下载/ }).click(),
    ]);
    expect(download.suggestedFilename()).toBe("微山县-任务分解表-自评.xlsx");
    const saved = join(OUTPUT, download.suggestedFilename());
    await download.saveAs(saved);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(saved);
    expect(wb.worksheets.map((w) => w.name)).toEqual(
      expect.arrayContaining(["任务分解表", "自评依据", "指标数据", "自评汇总"])
    );
    const metrics = wb.getWorksheet("指标数据")!;
    const row = metrics.getRows(2, metrics.rowCount - 1)!.find((r) => r.getCell(1).value === "nursing-bed-share")!;
    expect(row.getCell(5).value).toBeCloseTo(0.6, 10);
    expect(wb.getWorksheet("任务分解表")!.getCell("G3").formula).toContain("自评依据");
    // Every formula of the download saves what LibreOffice and Gnumeric compute for it.
    if (hasEngines()) {
      const stale = await staleResults(saved);
      expect(stale.formulas).toBeGreaterThan(100);
      expect(stale.differences).toEqual([]);
    }
  });

  test("a 考核表 no built-in rubric covers: derived, reviewed, scored and validated", async () => {
    const port = (server.address() as AddressInfo).port;
    await page.goto("http://127.0.0.1:" + port + "/standalone.html");
    await page
      .getByLabel("选择 .xlsx 工作簿")
      .setInputFiles(join(ROOT, "assets", "samples", "derived", "安全生产考核表.xlsx"));
    // The typed self-scores as the column sums them (tests/derive/expected/安全生产考核表.json): 76.5.
    await page.getByText(/评分细则：某某县2023年度乡镇安全生产目标责任考核细则/).waitFor();
    expect(await page.getByTestId("total").textContent()).toBe("76.5 / 100 分");
    await page.getByRole("tab", { name: /^评分细则/ }).click();
    await page.getByText(/由工作表“考核细则”的评分语句生成/).waitFor();
    await shot("7-derived");
    await page.getByRole("button", { name: "发送前校验" }).click();
    await page.getByText("E11 自评得分 12 超过本项分值 9").waitFor();
    await page.getByText(/A6 一级指标“隐患排查治理”标注 25 分，所含二级指标合计 24 分/).waitFor();
    await shot("8-derived-findings");
  });
  test("合并各单位报送: two units' returns merged into the split county workbook, 进度 shown and downloaded", async () => {
    // The county's workbook: 微山 filled and split by the CLI; two units type into their files.
    const dir = mkdtempSync(join(tmpdir(), "ziping-e2e-merge-"));
    const county = join(dir, "微山-自评.xlsx");
    const units = join(dir, "各单位");
    expect((await ziping("fill", SAMPLE, "-o", county)).code).toBe(0);
    expect((await ziping("split", county, "--by", "unit", "-o", units)).code).toBe(0);
    const edit = async (unit: string, modified: Date, cells: Array<[string, string, string]>) => {
      const file = join(units, unit + ".xlsx");
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(file);
      const ws = wb.getWorksheet("任务分解表")!;
      for (const [text, column, value] of cells)
        ws.eachRow((row, n) => {
          if (String(row.getCell(2).value ?? "").indexOf(text) >= 0) ws.getCell(column + n).value = value;
        });
      await wb.xlsx.writeFile(file);
      utimesSync(file, modified, modified);
      return file;
    };
    // In a unit's file, I is 完成情况 and J 佐证材料. 县民政局: 1.1 both, 1.2 完成情况; 县财政局: 1.2 both.
    const minzheng = await edit("县民政局", new Date(2023, 9, 12, 9, 30), [
      ["1．建立党委政府领导", "I", "已建立联席会议制度"],
      ["1．建立党委政府领导", "J", "联席会议纪要"],
      ["2．将养老服务经费", "I", "已配合编制预算"],
    ]);
    const caizheng = await edit("县财政局", new Date(2023, 9, 13, 16, 5), [
      ["2．将养老服务经费", "I", "安排养老服务发展资金500万元"],
      ["2．将养老服务经费", "J", "预算批复"],
    ]);

    const port = (server.address() as AddressInfo).port;
    await page.goto("http://127.0.0.1:" + port + "/standalone.html");
    await page.getByLabel("选择 .xlsx 工作簿").setInputFiles(county);
    await page.getByText("已匹配 31 / 31 个二级指标").waitFor();
    const [chooser] = await Promise.all([
      page.waitForEvent("filechooser"),
      page.getByRole("button", { name: "合并各单位报送" }).click(),
    ]);
    expect(chooser.isMultiple()).toBe(true);
    await chooser.setFiles([minzheng, caizheng]);
    const dialog = page.getByRole("dialog");
    // Written: 1.1's 完成情况 and 佐证材料 (H3, I3), 1.2's 佐证材料 (I4); 1.2's 完成情况 (H4) differs: a conflict.
    await dialog.getByText("将合并 2 个单位的报送，写入 3 个单元格（所选文件均不改动）。").waitFor();
    await dialog
      .getByText("任务分解表!H4 1.2 完成情况：县民政局“已配合编制预算”；县财政局“安排养老服务发展资金500万元”")
      .waitFor();
    await shot("9-merge-confirm");
    await dialog.getByRole("button", { name: "确定" }).click();
    await dialog.waitFor({ state: "detached" });

    // 进度: 县民政局 31 rows, 2 answered (1.1, 1.2), 1 with evidence; 县财政局 9 rows, 1 and 1.
    const list = page.getByRole("list", { name: "各单位报送进度" });
    await list.waitFor();
    const item = (unit: string) =>
      list.getByRole("listitem").filter({ has: page.locator("strong", { hasText: unit }) });
    expect(await item("县民政局").textContent()).toMatch(
      /^县民政局分到 31 行，报送 31 行，已填完成情况 2 行，有佐证材料 1 行，尚未填报 29 行最后合并：县民政局.xlsx/
    );
    expect(await item("县财政局").textContent()).toMatch(
      /^县财政局分到 9 行，报送 9 行，已填完成情况 1 行，有佐证材料 1 行，尚未填报 8 行最后合并：县财政局.xlsx/
    );
    await page.getByText("“任务分解表”分到 21 个单位，已报送 2 个，尚未报送 19 个。").waitFor();
    await shot("10-progress");

    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: /下载/ }).click(),
    ]);
    const saved = join(OUTPUT, "合并-" + download.suggestedFilename());
    await download.saveAs(saved);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(saved);
    const sheet = wb.getWorksheet("任务分解表")!;
    expect([
      sheet.getCell("H3").value,
      sheet.getCell("I3").value,
      sheet.getCell("H4").value,
      sheet.getCell("I4").value,
    ]).toEqual(["已建立联席会议制度", "联席会议纪要", null, "预算批复"]);
    const progress = wb.getWorksheet("进度")!;
    expect([1, 2, 3, 4, 5, 6, 7].map((c) => progress.getRow(2).getCell(c).value)).toEqual([
      "县民政局",
      31,
      31,
      2,
      1,
      29,
      "县民政局.xlsx",
    ]);
    if (hasEngines()) expect((await staleResults(saved)).differences).toEqual([]);
  });
});
