/**
 * The build's deployment options, read from the webpack configuration itself (no build): where the
 * task pane loads Office.js from (ZIPING_OFFICE_JS: the CDN by default, the package's copy, or a
 * folder IT provides) and where the WPS add-in is served (ZIPING_WPS_URL). The browser tests
 * (tests/e2e/officejs.e2e.test.ts, wps.e2e.test.ts) prove the built files.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/* eslint-disable @typescript-eslint/no-require-imports, @typescript-eslint/no-explicit-any */
const configure = require("../../webpack.config.js") as (env: unknown, options: { mode: string }) => Promise<any[]>;

const saved = { ...process.env };
let warn: jest.SpyInstance;

beforeEach(() => {
  warn = jest.spyOn(console, "warn").mockImplementation(() => undefined);
});

afterEach(() => {
  process.env = { ...saved };
  warn.mockRestore();
});

async function modern(env: Record<string, string | undefined>) {
  for (const [k, v] of Object.entries(env)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  const configs = await configure({}, { mode: "production" });
  return configs.find((c) => c.name === "modern");
}

function html(config: any, filename: string) {
  const plugin = config.plugins.find((p: any) => p.userOptions && p.userOptions.filename === filename);
  return plugin.userOptions;
}

function officeJsPattern(config: any) {
  const copy = config.plugins.find((p: any) => Array.isArray(p.patterns));
  return copy.patterns.find((p: any) => p.to === "office-js/");
}

test("by default the pane loads Office.js from Microsoft's CDN and copies none", async () => {
  const config = await modern({ ZIPING_OFFICE_JS: undefined });
  expect(html(config, "taskpane.html").templateParameters({}, { js: [] }).officeJs).toBe(
    "https://appsforoffice.microsoft.com/lib/1/hosted/office.js"
  );
  expect(officeJsPattern(config)).toBeUndefined();
});

test("ZIPING_OFFICE_JS=local: from this server, the package's Excel files only", async () => {
  const config = await modern({ ZIPING_OFFICE_JS: "local" });
  expect(html(config, "taskpane.html").templateParameters({}, { js: [] }).officeJs).toBe("office-js/office.js");
  const pattern = officeJsPattern(config);
  expect(pattern.context).toMatch(/@microsoft[\\/]office-js[\\/]dist$/);
  const take = (file: string) => pattern.filter(join(pattern.context, file));
  expect(["office.js", "excel-win32-16.01.js", "excel-web-16.00.js", "zh-cn/office_strings.js"].map(take)).toEqual([
    true,
    true,
    true,
    true,
  ]);
  expect(
    ["word-win32-16.01.js", "excel-win32-16.01.debug.js", "telemetry/oteljs.debug.js", "fr-fr/office_strings.js"].map(take)
  ).toEqual([false, false, false, false]);
  expect(pattern.info).toEqual({ minimized: true });
});

test("ZIPING_OFFICE_JS=DIR: from this server, everything IT put in DIR; a DIR without office.js is refused", async () => {
  const dir = mkdtempSync(join(tmpdir(), "ziping-officejs-"));
  try {
    writeFileSync(join(dir, "office.js"), "/* office.js */");
    mkdirSync(join(dir, "zh-cn"));
    writeFileSync(join(dir, "zh-cn", "office_strings.js"), "");
    const config = await modern({ ZIPING_OFFICE_JS: dir });
    const pattern = officeJsPattern(config);
    expect(pattern.context).toBe(dir);
    expect(pattern.filter(join(dir, "zh-cn", "office_strings.js"))).toBe(true);
    expect(html(config, "taskpane.html").templateParameters({}, { js: [] }).officeJs).toBe("office-js/office.js");
    // The WPS pane never loads Office.js.
    expect(html(config, "wps/taskpane.html").templateParameters({ entrypoints: new Map([["wps", { getFiles: () => [] }]]) }).officeJs).toBe("");

    rmSync(join(dir, "office.js"));
    await expect(modern({ ZIPING_OFFICE_JS: dir })).rejects.toThrow(/ZIPING_OFFICE_JS: no office\.js in/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("ZIPING_WPS_URL (http allowed) is where publish.html and jsplugins.xml send WPS; else ZIPING_BASE_URL + wps/", async () => {
  let config = await modern({ ZIPING_WPS_URL: "http://10.1.2.3:8080/ziping/wps", ZIPING_BASE_URL: undefined });
  expect(html(config, "jsplugins.xml").templateParameters().url).toBe("http://10.1.2.3:8080/ziping/wps/");
  const addons = JSON.parse(html(config, "publish.html").templateParameters().addons);
  expect(addons[0]).toEqual({
    name: "ziping",
    addonType: "et",
    online: "true",
    url: "http://10.1.2.3:8080/ziping/wps/",
    version: require("../../package.json").version,
  });

  config = await modern({ ZIPING_WPS_URL: undefined, ZIPING_BASE_URL: "https://mzj.example.gov.cn/ziping" });
  expect(html(config, "jsplugins.xml").templateParameters().url).toBe("https://mzj.example.gov.cn/ziping/wps/");

  await expect(modern({ ZIPING_WPS_URL: "ftp://x/" })).rejects.toThrow(/ZIPING_WPS_URL must use http or https/);
});

test("the full pane's bundles keep the polyfills current webviews need; older webviews' come from polyfills.ts", async () => {
  const config = await modern({});
  const plugin = config.plugins.find((p: any) => p.constructor.name === "OlderWebviewPolyfills");
  // Safari 15.0–15.3 (the oldest Mac WebKit the pane is built for) lacks Array.prototype.at (15.4);
  // Object.fromEntries is in Chrome 73, Safari 12.1 and Firefox 63, not in EdgeHTML 18.
  expect(plugin.current.has("es.array.at")).toBe(true);
  expect(plugin.current.has("es.object.from-entries")).toBe(false);
  const listed: Set<string> = plugin.listed();
  expect(listed.has("es.object.from-entries")).toBe(true);
  // Nothing in polyfills.ts is something a current webview still needs (that stays in the bundles).
  expect(Array.from(listed).filter((name) => plugin.current.has(name))).toEqual([]);
  expect(config.entry.polyfills).toBe("./src/taskpane/polyfills.ts");
  expect(config.entry.wpsPolyfills.import).toBe("./src/taskpane/polyfills.ts");
});
