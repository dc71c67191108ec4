/**
 * The built WPS 表格 add-in (dist/wps/, from `npm run build`) in real headless Chromium, as WPS
 * would load it, over the stateful ET fake (tests/support/wps/fakeEt.ts, injected as `Application`
 * before any script runs):
 * - the hidden index.html, its scripts classic; ribbon.xml parsed; each callback it names found on
 *   the page by its global name and called with a control, as WPS does;
 * - the pane the ribbon opens (its URL), loaded with 曹县's workbook: the full pane by feature probe,
 *   recognizing 31/31, preparing on the ribbon's 准备工作簿, following typed evidence, validating on
 *   发送前校验; and the lite pane, where the probe finds an old webview;
 * - publish.html installing the add-in through WPS's local service (answered here), and
 *   jsplugins.xml naming the same add-in.
 * WPS's PluginStorage is shared by the add-in's pages: the test carries its contents from the
 * hidden page to the pane, as WPS would. Screenshots go to tests/output/wps-*.png.
 */
import { mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { AddressInfo } from "node:net";
import type { Server } from "node:http";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { readWorkbook } from "../../src/adapters/xlsx/index";
import { evidenceEntryPlan } from "../../src/plan/evidenceEntry";
import { findBuiltinRubric } from "../../src/rubric/builtin/index";
import { areaA1 } from "../../src/sheet/grid";
import { fakeEtScript } from "../support/wps/browserFake";
import type { FakeWorkbookSpec } from "../support/wps/fakeEt";
import { browserTestsReady, DIST, launchChromium, OUTPUT, ROOT, serveDist } from "./support/browser";

const SAMPLE = join(ROOT, "assets", "samples", "曹县-评分细则.xlsx");
const describeE2E = browserTestsReady("wps/taskpane.html") ? describe : describe.skip;

interface PageFake {
  storage: { items: Map<string, string>; setItem(k: string, v: string): void; getItem(k: string): string };
  taskPanes: Array<{ ID: number; url: string; Visible: boolean; DockPosition: number; Width: number }>;
  sheets(): string[];
  selection(): { sheet: string; address: string };
  type(sheet: string, address: string, value: unknown): void;
}

async function caoxian(): Promise<FakeWorkbookSpec> {
  const grids = (await readWorkbook(readFileSync(SAMPLE))).grids();
  return {
    name: "曹县-评分细则.xlsx",
    sheets: grids.map((g) => ({
      name: g.sheet,
      values: g.values as unknown[][],
      formulas: g.formulas,
      numberFormats: g.numberFormats,
      merges: g.merges.map((m) => areaA1(m)),
    })),
  };
}

describeE2E("the WPS add-in, built, in headless Chromium", () => {
  let server: Server;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let origin: string;
  const errors: string[] = [];
  const shot = (name: string) => page.screenshot({ path: join(OUTPUT, "wps-" + name + ".png") });

  /** A page of the add-in with the fake as WPS's Application, its PluginStorage holding `storage`. */
  async function open(path: string, workbook: FakeWorkbookSpec, storage: Record<string, string> = {}, init?: () => void) {
    context = await browser.newContext({ viewport: { width: 380, height: 900 }, locale: "zh-CN" });
    page = await context.newPage();
    page.on("pageerror", (e) => errors.push(e.message));
    await page.addInitScript({ content: fakeEtScript() });
    await page.addInitScript(
      (args) => {
        const w = window as unknown as {
          ZipingFakeEt: { installFakeEt(t: unknown, s: unknown): { storage: { setItem(k: string, v: string): void } } };
        };
        const fake = w.ZipingFakeEt.installFakeEt(window, args.workbook);
        for (const key of Object.keys(args.storage)) fake.storage.setItem(key, args.storage[key]);
      },
      { workbook, storage }
    );
    if (init) await page.addInitScript(init);
    await page.goto(origin + path);
  }

  const fake = <T>(f: (fake: PageFake) => T) =>
    page.evaluate(
      (body) => new Function("fake", "return (" + body + ")(fake)")((window as unknown as { __zipingFakeEt: unknown }).__zipingFakeEt),
      f.toString()
    ) as Promise<T>;

  beforeAll(async () => {
    mkdirSync(OUTPUT, { recursive: true });
    server = await serveDist();
    browser = await launchChromium();
    origin = "http://127.0.0.1:" + (server.address() as AddressInfo).port;
  });

  afterEach(async () => {
    await context?.close();
  });

  afterAll(async () => {
    await browser?.close();
    server?.close();
  });

  test("the hidden page and ribbon.xml: every callback found by name and called as WPS calls it", async () => {
    errors.length = 0;
    await open("/wps/index.html", { sheets: [{ name: "Sheet1" }] });
    // Classic scripts only: no modules, nothing deferred (WPS calls the callbacks by name at once).
    const scripts = await page.evaluate(() =>
      Array.from(document.scripts).map((s) => ({ type: s.type, async: s.async, defer: s.defer, src: s.getAttribute("src") }))
    );
    expect(scripts).toHaveLength(1);
    expect(scripts[0]).toMatchObject({ type: "", async: false, defer: false });
    expect(scripts[0].src).toMatch(/^addin\.[0-9a-f]{8}\.js$/);

    const ribbon = readFileSync(join(DIST, "wps", "ribbon.xml"), "utf8");
    const calls = await page.evaluate((xml) => {
      const doc = new DOMParser().parseFromString(xml, "text/xml");
      if (doc.getElementsByTagName("parsererror").length) throw new Error("ribbon.xml does not parse");
      const w = window as unknown as Record<string, (control?: unknown) => unknown>;
      const out: Array<{ attr: string; name: string; id: string; type: string; result: unknown }> = [];
      const onLoad = doc.documentElement.getAttribute("onLoad")!;
      out.push({ attr: "onLoad", name: onLoad, id: "", type: typeof w[onLoad], result: w[onLoad]({}) });
      for (const button of Array.from(doc.getElementsByTagName("button"))) {
        const id = button.getAttribute("id")!;
        for (const attr of ["getImage", "getEnabled", "onAction"]) {
          const name = button.getAttribute(attr)!;
          out.push({ attr, name, id, type: typeof w[name], result: w[name]({ Id: id }) });
        }
      }
      return out;
    }, ribbon);
    expect(calls.every((c) => c.type === "function")).toBe(true);
    expect(calls.map((c) => [c.attr, c.id, c.result])).toEqual([
      ["onLoad", "", true],
      ["getImage", "zipingOpenPane", "assets/icon-32.png"],
      ["getEnabled", "zipingOpenPane", true],
      ["onAction", "zipingOpenPane", true],
      ["getImage", "zipingPrepare", "assets/icon-32.png"],
      ["getEnabled", "zipingPrepare", true],
      ["onAction", "zipingPrepare", true],
      ["getImage", "zipingValidate", "assets/icon-32.png"],
      ["getEnabled", "zipingValidate", true],
      ["onAction", "zipingValidate", true],
    ]);
    // The icon is in the folder.
    expect((await page.request.get(origin + "/wps/assets/icon-32.png")).status()).toBe(200);
    // One pane, docked right, from the add-in's own folder; the last command left for it.
    const panes = await fake((f) => f.taskPanes.map((p) => ({ url: p.url, visible: p.Visible, dock: p.DockPosition })));
    expect(panes).toEqual([{ url: origin + "/wps/taskpane.html", visible: true, dock: 2 }]);
    expect(await fake((f) => f.storage.getItem("ziping.command"))).toBe("validate");
    expect(errors).toEqual([]);
  });

  test("the full pane (by feature probe) on 曹县: 31/31, prepared and validated from the ribbon, typed evidence followed", async () => {
    errors.length = 0;
    // The hidden page's 准备工作簿 left "prepare" in PluginStorage and opened the pane.
    await open("/wps/taskpane.html", await caoxian(), { "ziping.command": "prepare" });
    await page.getByText("已匹配 31 / 31 个二级指标").waitFor({ timeout: 20_000 });
    expect(await page.evaluate(() => (window as unknown as { ZIPING_PANE: { pane: string } }).ZIPING_PANE.pane)).toBe(
      "modern"
    );
    const dialog = page.getByRole("dialog");
    await dialog.getByText("将要进行的修改").waitFor();
    expect(await fake((f) => f.sheets())).not.toContain("自评依据");
    await shot("1-prepare");
    await dialog.getByRole("button", { name: "确定" }).click();
    await dialog.waitFor({ state: "detached" });
    expect(await fake((f) => f.sheets())).toEqual(expect.arrayContaining(["自评依据", "指标数据", "自评汇总", "_ziping"]));
    // The sample's ten typed scores are kept: the self-score is their sum (16 + 5 + 9 = 30).
    await page.getByTestId("total").getByText("30 / 100 分").waitFor();

    // A person types evidence (sd-2023 1.1.a 2 分, 1.1.c 1 分, 1.2.a 2 分: 5 分), after the echo of
    // our own writes has passed (800 ms).
    await page.waitForTimeout(900);
    const typed = evidenceEntryPlan(findBuiltinRubric("sd-2023")!, {
      values: { "1.1.a": "是", "1.1.c": "是", "1.2.a": "是" },
    }).ops.flatMap((op) => (op.op === "set" ? [{ sheet: op.sheet, cell: op.cell, value: op.value }] : []));
    expect(typed).toHaveLength(3);
    await page.evaluate((cells) => {
      const f = (window as unknown as { __zipingFakeEt: PageFake }).__zipingFakeEt;
      for (const c of cells) f.type(c.sheet, c.cell, c.value);
    }, typed);
    // For rows whose scores were typed: 按自评依据可得 says 5 beside the unchanged self-score.
    await page.getByTestId("supported").getByText(/^按自评依据可得 5\/100 分/).waitFor();
    expect(await page.getByTestId("total").textContent()).toBe("30 / 100 分");
    await shot("2-scored");

    // The ribbon's 发送前校验 (the pane is open: the command arrives while it runs).
    await fake((f) => f.storage.setItem("ziping.command", "validate"));
    await page.locator('[role="tab"][aria-selected="true"]', { hasText: /^校验/ }).waitFor();
    await page.getByText(/超过/).first().waitFor();
    await shot("3-findings");
    expect(errors).toEqual([]);
  });

  test("the lite pane where the webview is too old for the full one: the same work", async () => {
    errors.length = 0;
    // An older webview: no ES2017 (the loader's probe compiles a class with an async arrow).
    const noEs2017 = () => {
      const Native = window.Function;
      function Probe(this: unknown, ...args: string[]) {
        if (/async/.test(String(args[args.length - 1]))) throw new SyntaxError("Unexpected token");
        return Native.apply(this, args);
      }
      Probe.prototype = Native.prototype;
      window.Function = Probe as unknown as FunctionConstructor;
    };
    await open("/wps/taskpane.html", await caoxian(), { "ziping.command": "prepare" }, noEs2017);
    await page.locator("#zl-matched").waitFor({ timeout: 20_000 });
    expect((await page.locator("#zl-reason").textContent())?.trim()).toBe(
      "当前 WPS 的内置浏览器过旧，不能运行完整界面，已打开精简界面。升级到较新的 WPS Office 可使用完整界面。"
    );
    expect(await page.locator("#zl-matched").textContent()).toBe("已匹配 31 / 31 个二级指标");
    const proposal = page.getByRole("dialog", { name: "准备工作簿" });
    await proposal.getByRole("button", { name: "确定" }).click();
    await page.getByText("准备工作簿已完成。").waitFor();
    expect(await page.locator("#zl-total").textContent()).toBe("30 / 100 分");
    await shot("4-lite");
    await fake((f) => f.storage.setItem("ziping.command", "validate"));
    await page.locator("#zl-message", { hasText: /错误/ }).waitFor();
    const finding = page.locator("button.finding[data-cell]:not([data-cell=''])").first();
    const where = { sheet: await finding.getAttribute("data-sheet"), address: await finding.getAttribute("data-cell") };
    await finding.click();
    await page.waitForFunction(
      (w) => {
        const s = (window as unknown as { __zipingFakeEt: PageFake }).__zipingFakeEt.selection();
        return s.sheet === w.sheet && s.address === w.address;
      },
      where
    );
    expect(errors).toEqual([]);
  });

  test("publish.html installs the add-in through WPS's local service; jsplugins.xml names the same add-in", async () => {
    context = await browser.newContext({ locale: "zh-CN" });
    page = await context.newPage();
    const posted: Array<{ path: string; body: string }> = [];
    await context.route("http://127.0.0.1:58890/**", (route) => {
      const url = new URL(route.request().url());
      posted.push({ path: url.pathname, body: route.request().postData() ?? "" });
      const body = url.pathname === "/version" ? "1.0.2" : url.pathname === "/publishlist" ? "[]" : "OK";
      return route.fulfill({ status: 200, body, headers: { "Access-Control-Allow-Origin": "*" } });
    });
    await page.goto(origin + "/publish.html");
    await page.getByText(/^已连接本机的 WPS 服务（版本 1\.0\.2）/).waitFor();
    expect(await page.locator("#status-0").textContent()).toBe("未安装");
    await page.locator("#install-0").click();
    await page.locator("#status-0", { hasText: "已安装，请重新启动 WPS 表格" }).waitFor();
    const deploy = posted.find((p) => p.path === "/deployaddons/runParams")!;
    // Service 1.0.2 and later: { serverId, data: base64 of the command's JSON (UTF-8) }.
    const wrapped = JSON.parse(deploy.body) as { serverId: string; data: string };
    expect(wrapped.serverId).toMatch(/^[0-9a-f-]{36}$/);
    const command = JSON.parse(Buffer.from(wrapped.data, "base64").toString("utf8"));
    const jsplugins = readFileSync(join(DIST, "jsplugins.xml"), "utf8");
    const online = /<jspluginonline name="([^"]+)" type="([^"]+)" url="([^"]+)"/.exec(jsplugins)!;
    expect(command).toEqual({
      cmd: "enable",
      name: online[1],
      url: online[3],
      addonType: online[2],
      online: "true",
      version: JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")).version,
    });
    expect(online[1]).toBe("ziping");
    expect(online[2]).toBe("et");
    expect(online[3]).toMatch(/\/wps\/$/);
    await context.close();

    // Without WPS's service: said in Chinese, and nothing pretends to install.
    context = await browser.newContext({ locale: "zh-CN" });
    page = await context.newPage();
    await context.route("http://127.0.0.1:58890/**", (route) => route.abort());
    await page.goto(origin + "/publish.html");
    await page.getByText(/^未能连接本机的 WPS 服务（127\.0\.0\.1:58890）/).waitFor();
    await page.locator("#install-0").click();
    expect(await page.locator("#status-0").textContent()).toBe("未连接本机 WPS 服务，无法安装");
  });
});
