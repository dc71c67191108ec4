/**
 * Where the Excel task pane gets Office.js (issue 15, intranet deployment), in headless Chromium:
 * - the default build (dist/, Microsoft's CDN) on a network that blocks the CDN: both panes (the
 *   lite path an IE11 webview takes, the full pane's path, and either forced with ?pane=) show one
 *   Chinese line saying where Office.js could not be loaded from, load no pane, and raise no
 *   uncaught page error;
 * - a build with ZIPING_OFFICE_JS=local (made here, in development mode, into a temporary folder):
 *   with every origin but the add-in's own blocked, the pane loads Office.js from its own server and
 *   starts (outside Excel it says so, which only a loaded Office.js can tell it).
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { AddressInfo } from "node:net";
import type { Server } from "node:http";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { browserTestsReady, launchChromium, ROOT, serveDist } from "./support/browser";

const IE11 = "Mozilla/5.0 (Windows NT 10.0; WOW64; Trident/7.0; .NET4.0C; .NET4.0E; rv:11.0) like Gecko";
const describeE2E = browserTestsReady("taskpane.html") ? describe : describe.skip;

describeE2E("Office.js: blocked, or served by the add-in's own server", () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    browser = await launchChromium();
  });

  afterEach(async () => {
    await context?.close();
  });

  afterAll(async () => {
    await browser?.close();
  });

  test("without Office.js: one Chinese line, no pane loaded, no uncaught error — in both panes", async () => {
    const server = await serveDist();
    const origin = "http://127.0.0.1:" + (server.address() as AddressInfo).port;
    try {
      for (const { query, userAgent } of [
        { query: "", userAgent: IE11 },
        { query: "", userAgent: undefined },
        { query: "?pane=modern", userAgent: undefined },
        { query: "?pane=lite", userAgent: undefined },
      ]) {
        context = await browser.newContext({ locale: "zh-CN", userAgent });
        page = await context.newPage();
        const errors: string[] = [];
        const scripts: string[] = [];
        page.on("pageerror", (e) => errors.push(e.message));
        page.on("request", (r) => {
          if (r.resourceType() === "script") scripts.push(new URL(r.url()).pathname);
        });
        await context.route("https://appsforoffice.microsoft.com/**", (route) => route.abort());
        await page.goto(origin + "/taskpane.html" + query);
        await page
          .getByText(
            "无法加载 Office.js（https://appsforoffice.microsoft.com）：请确认这台电脑能访问该地址后重新打开自评助手。" +
              "单位网络不能访问微软网站时，请信息化管理员改用部署在单位服务器上的 Office.js（见自评助手说明“内网部署”）。"
          )
          .waitFor();
        // Give a pane's script the time it would take to throw, had one been loaded.
        await page.waitForTimeout(500);
        expect({ query, userAgent, errors }).toEqual({ query, userAgent, errors: [] });
        expect(scripts.filter((s) => /\/(taskpane|lite)\.[0-9a-f]+\.js$/.test(s))).toEqual([]);
        await context.close();
      }
    } finally {
      server.close();
    }
  });

  test("ZIPING_OFFICE_JS=local: Office.js comes from the add-in's own origin, every other origin blocked", async () => {
    const out = mkdtempSync(join(tmpdir(), "ziping-intranet-"));
    let server: Server | undefined;
    try {
      // A development build (no minification) is enough to prove the option; it takes a minute.
      execFileSync(process.execPath, [require.resolve("webpack-cli/bin/cli.js"), "--mode", "development"], {
        cwd: ROOT,
        env: { ...process.env, ZIPING_OFFICE_JS: "local", ZIPING_DIST: out },
        stdio: "pipe",
      });
      const html = readFileSync(join(out, "taskpane.html"), "utf8");
      expect(html).toContain('src="office-js/office.js"');
      expect(html).not.toContain("appsforoffice.microsoft.com/lib");

      server = await serveDist(out);
      const origin = "http://127.0.0.1:" + (server.address() as AddressInfo).port;
      context = await browser.newContext({ locale: "zh-CN" });
      page = await context.newPage();
      const errors: string[] = [];
      page.on("pageerror", (e) => errors.push(e.message));
      const blocked: string[] = [];
      const loaded: string[] = [];
      await context.route("**/*", (route) => {
        const url = route.request().url();
        if (url.startsWith(origin + "/")) return route.continue();
        blocked.push(url);
        return route.abort();
      });
      page.on("response", (r) => {
        if (r.status() === 200) loaded.push(r.url());
      });
      await page.goto(origin + "/taskpane.html");
      // Office.js loaded and answered (no Excel here): the full pane says where it is not.
      await page.getByText(/^当前页面不在 Excel 中运行/).waitFor({ timeout: 30_000 });
      expect(loaded).toContain(origin + "/office-js/office.js");
      expect(blocked.filter((u) => u.indexOf("appsforoffice.microsoft.com") >= 0)).toEqual([]);
      expect(await page.evaluate(() => typeof (window as unknown as { Office?: unknown }).Office)).toBe("object");
      expect(errors).toEqual([]);
    } finally {
      server?.close();
      rmSync(out, { recursive: true, force: true });
    }
  }, 600_000);
});
