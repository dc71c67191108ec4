/**
 * The standalone pane in real headless Chromium (Debian's chromium, driven by playwright-core; no
 * browser download): serve the production build from dist/, open a sample workbook, see the
 * recognized rubric and the total, prepare it, enter a 护理型床位占比 below 65% and see it unmet,
 * run 发送前校验, download the workbook and check it with exceljs. Screenshots go to tests/output/.
 */
import { hasEngines, staleResults } from "../support/engines";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { AddressInfo } from "node:net";
import type { Server } from "node:http";
import type { Browser, Page } from "playwright-core";
import * as ExcelJS from "exceljs";
import { browserTestsReady, launchChromium, OUTPUT, ROOT, serveDist } from "./support/browser";

const SAMPLE = join(ROOT, "assets", "samples", "微山县-任务分解表.xlsx");
const describeE2E = browserTestsReady("standalone.html") ? describe : describe.skip;
jest.setTimeout(120_000);

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
    const context = await browser.newContext({ viewport: { width: 340, height: 900 }, acceptDownloads: true, locale: "zh-CN" });
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

    await page.locator('input[type="file"]').setInputFiles(SAMPLE);
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

    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: /下载/ }).click()]);
    expect(download.suggestedFilename()).toBe("微山县-任务分解表-自评.xlsx");
    const saved = join(OUTPUT, download.suggestedFilename());
    await download.saveAs(saved);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(saved);
    expect(wb.worksheets.map((w) => w.name)).toEqual(expect.arrayContaining(["任务分解表", "自评依据", "指标数据", "自评汇总"]));
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
    await page.locator('input[type="file"]').setInputFiles(join(ROOT, "assets", "samples", "derived", "安全生产考核表.xlsx"));
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
});
