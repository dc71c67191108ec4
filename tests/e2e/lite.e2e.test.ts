/**
 * The lite pane (IE11's webview) as far as these machines can prove it: the production
 * taskpane.html in real headless Chromium, with
 * - a fake Office/Excel that offers only the ExcelApi 1.1 surface over a workbook
 *   (support/fakeExcel11.js; Microsoft's office.js request is answered with nothing);
 * - an Internet Explorer 11 user agent, so the loader chooses the lite pane by itself;
 * - the built-ins IE11 lacks removed before any script runs (fetch, Proxy, Object.fromEntries,
 *   String.prototype.padStart …), so the bundle must bring the polyfills it needs (core-js) and
 *   must not use what cannot be polyfilled.
 * It recognizes 曹县's 评分细则, prepares the workbook (what 1.1 cannot do is skipped and said),
 * follows evidence typed into 自评依据 after 刷新, lists the findings of 发送前校验, and a click on
 * one selects its cell. Screenshots go to tests/output/lite-*.png.
 */
import { mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { AddressInfo } from "node:net";
import type { Server } from "node:http";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { readWorkbook } from "../../src/adapters/xlsx/index";
import { evidenceEntryPlan } from "../../src/plan/evidenceEntry";
import { findBuiltinRubric } from "../../src/rubric/builtin/index";
import type { Grid } from "../../src/sheet/grid";
import { browserTestsReady, launchChromium, OUTPUT, ROOT, serveDist } from "./support/browser";

const SAMPLE = join(ROOT, "assets", "samples", "曹县-评分细则.xlsx");
const FAKE_EXCEL = join(__dirname, "support", "fakeExcel11.js");
const EDGE18 =
  "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/70.0.3538.102 Safari/537.36 Edge/18.19045";
const IE11 = "Mozilla/5.0 (Windows NT 10.0; WOW64; Trident/7.0; .NET4.0C; .NET4.0E; rv:11.0) like Gecko";
const describeE2E = browserTestsReady("taskpane.html") ? describe : describe.skip;

/** Built-ins IE11 does not have. Removed in the page before the pane's scripts run. */
function removeWhatIe11Lacks(): void {
  const w = window as unknown as Record<string, unknown>;
  for (const name of [
    "fetch",
    "Proxy",
    "Reflect",
    "structuredClone",
    "queueMicrotask",
    "requestIdleCallback",
    "TextEncoder",
    "TextDecoder",
    "URLSearchParams",
    "AbortController",
    "IntersectionObserver",
    "ResizeObserver",
  ])
    delete w[name];
  const remove = (target: object, names: string[]) => {
    for (const name of names) delete (target as Record<string, unknown>)[name];
  };
  // (Object.entries and Object.values stay, as Array.prototype.includes: playwright's page script
  // needs them to hand results back.)
  remove(Object, ["fromEntries", "hasOwn"]);
  remove(Array.prototype, ["flat", "flatMap", "at", "findLast", "findLastIndex"]);
  remove(String.prototype, ["padStart", "padEnd", "trimStart", "trimEnd", "matchAll", "replaceAll", "at"]);
  remove(Promise, ["allSettled", "any"]);
  remove(Math, ["trunc", "sign", "log10"]);
}

/**
 * Built-ins EdgeHTML 18 does not have and every current webview has (MDN's compatibility tables:
 * Chromium 69–93, Safari 12–15, EdgeHTML none). Removed in the page before the pane's scripts run:
 * the loader must then load the older webviews' polyfills (src/taskpane/polyfills.ts) first.
 */
function removeWhatEdge18Lacks(): void {
  const remove = (target: object, names: string[]) => {
    for (const name of names) delete (target as Record<string, unknown>)[name];
  };
  remove(window, ["queueMicrotask"]);
  remove(Object, ["fromEntries"]);
  remove(Array.prototype, ["flat", "flatMap"]);
  remove(String.prototype, ["matchAll", "replaceAll", "trimStart", "trimEnd"]);
  remove(Promise, ["allSettled", "any"]);
  remove(Symbol.prototype, ["description"]);
}

/** The sample as the fake's workbook: the project's Grid shape, from A1. */
async function sampleWorkbook(): Promise<{ sheets: unknown[] }> {
  const grids = (await readWorkbook(readFileSync(SAMPLE))).grids();
  return {
    sheets: grids.map((g: Grid) => ({
      name: g.sheet,
      values: g.values,
      formulas: g.formulas,
      numberFormats: g.numberFormats,
    })),
  };
}

describeE2E("the lite pane (IE11) over ExcelApi 1.1", () => {
  let server: Server;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const errors: string[] = [];
  // What a person sees in the 320 × 900 pane, scrolled to the part in question.
  const shot = async (name: string, scrollTo?: string) => {
    if (scrollTo) await page.locator(scrollTo).evaluate((node) => node.scrollIntoView());
    await page.screenshot({ path: join(OUTPUT, "lite-" + name + ".png") });
  };
  const text = async (selector: string) => ((await page.locator(selector).textContent()) ?? "").trim();

  interface PaneOptions {
    /** An IE11 user agent and IE11's missing built-ins removed. */
    ie11?: boolean;
    /** EdgeHTML 18's missing built-ins removed. */
    edge18?: boolean;
    userAgent?: string;
    /** The full pane's script answered with one that does not parse (an older webview's fate). */
    breakModern?: boolean;
    /** Microsoft's office.js out of reach (a network that blocks it), and no fake Office either. */
    noOffice?: boolean;
  }

  async function openPane(query: string, options: PaneOptions = {}): Promise<void> {
    const { ie11 } = options;
    context = await browser.newContext({
      viewport: { width: 320, height: 900 },
      locale: "zh-CN",
      userAgent: ie11 ? IE11 : options.userAgent,
    });
    page = await context.newPage();
    page.on("pageerror", (e) => errors.push(e.message));
    page.on("console", (m) => {
      if (m.type() === "error") errors.push(m.text());
    });
    // Microsoft's office.js would replace the fake: answer it with nothing.
    await context.route("https://appsforoffice.microsoft.com/**", (route) =>
      options.noOffice ? route.abort() : route.fulfill({ status: 200, contentType: "text/javascript", body: "" })
    );
    if (options.breakModern)
      await context.route(/\/taskpane\.[0-9a-f]+\.js$/, (route) =>
        route.fulfill({ status: 200, contentType: "text/javascript", body: "const pane = async () => { await ;" })
      );
    if (!options.noOffice) {
      await page.addInitScript({ path: FAKE_EXCEL });
      await page.addInitScript(
        (workbook) => {
          (
            window as unknown as { ZipingFakeExcel: { install(t: unknown, w: unknown): unknown } }
          ).ZipingFakeExcel.install(window, workbook);
        },
        await sampleWorkbook()
      );
    }
    if (ie11) await page.addInitScript(removeWhatIe11Lacks);
    if (options.edge18) await page.addInitScript(removeWhatEdge18Lacks);
    const port = (server.address() as AddressInfo).port;
    await page.goto("http://127.0.0.1:" + port + "/taskpane.html" + query);
  }

  beforeAll(async () => {
    mkdirSync(OUTPUT, { recursive: true });
    server = await serveDist();
    browser = await launchChromium();
  });

  afterEach(async () => {
    await context?.close();
  });

  afterAll(async () => {
    await browser?.close();
    server?.close();
  });

  test("an IE11 user agent gets the lite pane, which recognizes, prepares, scores and checks", async () => {
    errors.length = 0;
    await openPane("", { ie11: true });
    await page
      .locator("#zl-matched")
      .waitFor({ timeout: 15_000 })
      .catch((e: Error) => {
        return page.content().then((html) => {
          throw new Error(e.message + "\npage errors: " + errors.join("\n") + "\n" + html.slice(-1500));
        });
      });

    // The loader's decision, said in one line.
    expect(await text("#zl-reason")).toMatch(/^当前 Office 使用 Internet Explorer 11 显示任务窗格.*ExcelApi 1\.1/);
    expect(await page.evaluate(() => (window as unknown as { ZIPING_PANE: { pane: string } }).ZIPING_PANE.pane)).toBe(
      "lite"
    );
    // Recognition: 曹县's sheet is a 评分细则 matched to sd-2023's 31 indicators (assets/samples/README.md).
    expect(await text("#zl-sheet")).toMatch(/^工作表“.+”评分细则$/);
    expect(await text("#zl-rubric")).toMatch(/^评分细则：县域养老服务体系建设指标与评分细则（2023年修订版）/);
    expect(await text("#zl-matched")).toBe("已匹配 31 / 31 个二级指标");
    await shot("1-recognized");

    // 准备工作簿: said first, then written; what ExcelApi 1.1 cannot do is skipped, one line each.
    await page.getByRole("button", { name: "准备工作簿" }).click();
    const proposal = page.getByRole("dialog", { name: "准备工作簿" });
    await proposal.getByText("将要进行的修改").waitFor();
    expect(await proposal.locator("li").count()).toBeGreaterThan(0);
    await shot("2-confirm");
    await proposal.getByRole("button", { name: "确定" }).click();
    await page.getByText("准备工作簿已完成。").waitFor();
    const skipped = await page.locator("#zl-skipped li").allTextContents();
    expect(skipped.some((l) => l.includes("数据验证") && l.includes("ExcelApi 1.8"))).toBe(true);
    expect(skipped.some((l) => l.includes("条件格式") && l.includes("ExcelApi 1.6"))).toBe(true);
    const sheets = await page.evaluate(() =>
      (window as unknown as { __zipingFakeExcel: { toGrids(): Array<{ sheet: string }> } }).__zipingFakeExcel
        .toGrids()
        .map((g) => g.sheet)
    );
    expect(sheets).toEqual(expect.arrayContaining(["自评依据", "指标数据", "自评汇总"]));
    // The self-score is the 自评得分 column as sent: the sample's ten typed scores are kept
    // (assets/samples/README.md: 16 + 5 + 9 = 30); nothing is entered in 自评依据 yet.
    expect(await text("#zl-total")).toBe("30 / 100 分");

    // A person types into 自评依据 (ExcelApi 1.1 has no change events): 刷新 shows the new total.
    // sd-2023 1.1.a "建立联席会议或议事协调机构的得2分", 1.1.c "召开年度联席会议的得1分",
    // 1.2.a "列入财政预算的得2分": 2 + 1 + 2 = 5 points, all in 一级指标 1 (强化保障机制, 18 分).
    const rubric = findBuiltinRubric("sd-2023")!;
    const typed = evidenceEntryPlan(rubric, { values: { "1.1.a": "是", "1.1.c": "是", "1.2.a": "是" } });
    const cells = typed.ops.map((op) => (op.op === "set" ? { sheet: op.sheet, cell: op.cell, value: op.value } : null));
    expect(cells).toHaveLength(3);
    await page.evaluate((typing) => {
      const fake = (window as unknown as { __zipingFakeExcel: { setValue(s: string, a: string, v: unknown): void } })
        .__zipingFakeExcel;
      for (const c of typing) if (c) fake.setValue(c.sheet, c.cell, c.value);
    }, cells);
    await page.getByRole("button", { name: "刷新" }).click();
    // Those rows' scores were typed and are kept: 按自评依据可得 says 5 beside the unchanged 30.
    await page.locator("#zl-supported", { hasText: "按自评依据可得 5/100 分" }).waitFor();
    expect(await text("#zl-total")).toBe("30 / 100 分");
    const first = page.locator(".category").first();
    // 一级指标 1 as typed: G4 4 + G5 6 + G6 3 + G7 3 = 16 of 18.
    expect(await first.locator(".value").textContent()).toBe("16 / 18 分");
    expect(await first.locator("[role=progressbar]").getAttribute("aria-valuenow")).toBe(
      String(Math.round((16 / 18) * 100))
    );
    await shot("3-scored", "#zl-score-heading");

    // 发送前校验: findings by severity; the sample's typed 自评得分 (G4 4 …) exceed what the
    // evidence supports, so there are errors.
    await page.getByRole("button", { name: "发送前校验" }).click();
    await page.locator("#zl-message", { hasText: /错误/ }).waitFor();
    expect(await text("#zl-counts")).toMatch(/^错误 [1-9]\d* · 警告 \d+ · 提示 \d+/);
    const finding = page.locator("button.finding[data-cell]:not([data-cell=''])").first();
    const sheet = await finding.getAttribute("data-sheet");
    const cell = await finding.getAttribute("data-cell");
    await shot("4-findings", "#zl-findings-heading");

    // A click selects the cell (Range.select, ExcelApi 1.1).
    await finding.click();
    const selection = () =>
      page.evaluate(() =>
        (
          window as unknown as { __zipingFakeExcel: { selection(): { sheet: string; address: string } | null } }
        ).__zipingFakeExcel.selection()
      );
    await page.waitForFunction(
      ([s, c]) => {
        const sel = (
          window as unknown as { __zipingFakeExcel: { selection(): { sheet: string; address: string } | null } }
        ).__zipingFakeExcel.selection();
        return sel !== null && sel.sheet === s && sel.address === c;
      },
      [sheet, cell]
    );
    expect(await selection()).toEqual({ sheet, address: cell });

    // The pane stayed within ExcelApi 1.1 and the page raised no error.
    const absent = await page.evaluate(() =>
      (window as unknown as { __zipingFakeExcel: { absent(): string[] } }).__zipingFakeExcel.absent()
    );
    expect(absent).toEqual([]);
    expect(errors).toEqual([]);
  });

  test("the loader: a current browser gets the full pane, ?pane=lite forces the lite one", async () => {
    errors.length = 0;
    await openPane("");
    await page.getByText("识别结果").first().waitFor();
    expect(await page.evaluate(() => (window as unknown as { ZIPING_PANE: { pane: string } }).ZIPING_PANE.pane)).toBe(
      "modern"
    );
    expect(await page.locator("#zl-reason").count()).toBe(0);
    await shot("6-full-pane-over-1.1");
    await context.close();

    await openPane("?pane=lite");
    await page.locator("#zl-matched").waitFor();
    expect(await text("#zl-reason")).toMatch(/^已按地址参数（pane=lite）打开精简界面。/);
    expect(errors).toEqual([]);
  });

  test("the loader: EdgeHTML 18 gets the full pane; a full pane that cannot start gives way to the lite one", async () => {
    errors.length = 0;
    await openPane("", { userAgent: EDGE18 });
    await page.getByText("识别结果").first().waitFor();
    expect(await page.evaluate(() => (window as unknown as { ZIPING_PANE: { pane: string } }).ZIPING_PANE.pane)).toBe(
      "modern"
    );
    expect(errors).toEqual([]);
    await context.close();

    await openPane("", { breakModern: true });
    await page.locator("#zl-matched").waitFor();
    expect(await text("#zl-reason")).toMatch(/^完整界面未能在当前内置浏览器中启动（不支持其脚本），已切换为精简界面。/);
    await shot("5-fallback");
  });

  test("the loader: a webview without what EdgeHTML 18 lacks gets the polyfills first, a current one never", async () => {
    const pane = () =>
      page.evaluate(() => (window as unknown as { ZIPING_PANE: { pane: string; polyfills: boolean } }).ZIPING_PANE);
    const polyfillScripts = () =>
      page.evaluate(() =>
        performance
          .getEntriesByType("resource")
          .map((e) => e.name)
          .filter((name) => /\/polyfills\.[0-9a-f]+\.js$/.test(name))
      );
    errors.length = 0;
    await openPane("", { userAgent: EDGE18, edge18: true });
    // The same first screen: 曹县's 评分细则 recognized, its total and the actions.
    await page.getByText("已匹配 31 / 31 个二级指标").waitFor();
    expect(await page.getByTestId("total").textContent()).toMatch(/ \/ 100 分$/);
    await page.getByRole("button", { name: "准备工作簿" }).first().waitFor();
    expect(await pane()).toMatchObject({ pane: "modern", polyfills: true });
    expect(await polyfillScripts()).toHaveLength(1);
    // What the page lacked and the pane uses, the polyfills brought (src/taskpane/polyfills.ts).
    expect(
      await page.evaluate(() => [typeof Object.fromEntries, typeof [].flatMap, typeof window.queueMicrotask])
    ).toEqual(["function", "function", "function"]);
    expect(errors).toEqual([]);
    await context.close();

    await openPane("");
    await page.getByText("已匹配 31 / 31 个二级指标").waitFor();
    expect(await pane()).toMatchObject({ pane: "modern", polyfills: false });
    expect(await polyfillScripts()).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  test("without office.js (a network that blocks Microsoft's address) the pane says so, in IE11 too", async () => {
    for (const ie11 of [true, false]) {
      await openPane("", { ie11, noOffice: true });
      await page.getByText(/^无法加载 Office\.js（https:\/\/appsforoffice\.microsoft\.com）/).waitFor();
      await context.close();
    }
  });
});
