// Builds the task pane into dist/ (after Microsoft's Office-Addin-TaskPane-React template).
//
//   npm run build        production: minified, no source maps; manifest URLs rewritten
//   npm run build:dev    development build
//   npm run dev-server   https://localhost:3000/ with office-addin-dev-certs' certificate
//
// One manifest source: manifest.xml uses the development URL https://localhost:3000/. A production
// build copies it to dist/manifest.xml with that URL replaced by ZIPING_BASE_URL, the https address
// where the office serves dist/ (its own intranet server, say). Without ZIPING_BASE_URL the
// manifest keeps the development URL and the build says so.
//
// Two panes, two compilations (see taskpane.html's loader, src/taskpane/loader.js):
// - "lite": src/taskpane/lite, plain DOM, for IE11's webview (Office 2016/2019 volume licence),
//   compiled by Babel to ES5 with only the core-js polyfills its code uses (browserslist env
//   "lite" in package.json); it must contain no package but core-js (no zod, React, Fluent).
// - "modern": the React + Fluent UI pane and the standalone page, compiled by Babel, packages
//   included, for browserslist env "modern" (EdgeHTML 18 is the oldest: ES2017 out).
// `npm run check:bundles` proves both with es-check, prints their sizes and what the full pane's
// first load is made of (dist/bundle-report.json, scripts/bundle-report.js), and holds that first
// load to 150 KB gzip: it is the header and a spinner (components/App.tsx); the rest loads on
// demand (src/taskpane/onDemand.ts).
//
// WPS 表格 (src/wps, src/taskpane/wps): the same two panes over the WPS adapter, built into a
// self-contained add-in folder dist/wps/ (ribbon.xml, the hidden index.html with the ribbon's
// callbacks, taskpane.html with the loader, the bundles and their chunks, icons), plus
// dist/publish.html (the install page) and dist/jsplugins.xml (for IT-managed deployment), both
// pointing at ZIPING_WPS_URL (default: ZIPING_BASE_URL + "wps/"). Where 7-Zip is installed (7zz,
// 7z or 7za), a production build also packs the folder as dist/ziping-wps-<version>.7z, the
// offline package publish.html and jsplugins.xml can install.
//
// Office.js: from Microsoft's CDN by default. ZIPING_OFFICE_JS=local serves it from the add-in's
// own server (dist/office-js/, copied from the @microsoft/office-js package); ZIPING_OFFICE_JS=DIR
// copies the files the deploying IT downloaded from the CDN into DIR instead (README: 内网部署).
//
// dist/ is shared with `tsc -p tsconfig.cli.json` (dist/cli, dist/rubric …): webpack only cleans
// the files at the top level of dist/ and dist/assets/, dist/wps/ and dist/office-js/, its own.

const fs = require("fs");
const path = require("path");
const { execFileSync } = require("child_process");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const { Compilation, sources } = require("webpack");
const { BundleReport } = require("./scripts/bundle-report.js");

const urlDev = "https://localhost:3000/";
const OFFICE_JS_CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
const VERSION = require("./package.json").version;
/** The WPS add-in's name in publish.html and jsplugins.xml (and its offline folder, ziping_<version>). */
const WPS_ADDIN_NAME = "ziping";

/** The production base URL from ZIPING_BASE_URL, with a trailing slash; undefined when unset. */
function productionBaseUrl() {
  const raw = (process.env.ZIPING_BASE_URL || "").trim();
  if (!raw) return undefined;
  let url;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`ZIPING_BASE_URL is not a URL: ${raw}`);
  }
  if (url.protocol !== "https:") {
    throw new Error(`ZIPING_BASE_URL must use https (Office loads add-ins only over https): ${raw}`);
  }
  return url.href.endsWith("/") ? url.href : url.href + "/";
}

/** Rewrites the development URLs in the manifest to the production base URL. */
function rewriteManifest(content, baseUrl) {
  const origin = new URL(baseUrl).origin;
  return content
    .toString()
    .split(urlDev)
    .join(baseUrl)
    .split(urlDev.replace(/\/$/, "")) // <AppDomain> holds the bare origin
    .join(origin);
}

/**
 * Where the WPS add-in folder (dist/wps/) is served: ZIPING_WPS_URL (http is allowed: WPS add-ins
 * are often served over http on an intranet), else ZIPING_BASE_URL + "wps/", else the dev server.
 */
function wpsBaseUrl(baseUrl) {
  const raw = (process.env.ZIPING_WPS_URL || "").trim();
  if (!raw) return (baseUrl || urlDev) + "wps/";
  let url;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`ZIPING_WPS_URL is not a URL: ${raw}`);
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    throw new Error(`ZIPING_WPS_URL must use http or https: ${raw}`);
  }
  return url.href.endsWith("/") ? url.href : url.href + "/";
}

/** The files of @microsoft/office-js's dist/ an Excel add-in needs (not Word's, Outlook's … nor debug builds). */
const OFFICE_JS_PACKAGE_FILE =
  /^(office\.js|excel[\w.-]*\.js|o15apptofilemappingtable\.js|es6-promise\.js|(telemetry|ariatelemetry|agaveerrorux)\/.+|(zh-cn|zh-tw|zh-hk|en-us)\/office_strings\.js)$/;

/**
 * Where the task pane loads Office.js from (ZIPING_OFFICE_JS):
 * - unset or "cdn": Microsoft's CDN (the default);
 * - "local": this server, dist/office-js/, copied from the @microsoft/office-js package;
 * - a folder: this server, dist/office-js/, copied from that folder (office.js and what it loads,
 *   downloaded from the CDN by the deploying IT; Microsoft's advice for closed networks).
 */
function officeJsOption() {
  const raw = (process.env.ZIPING_OFFICE_JS || "").trim();
  if (!raw || raw === "cdn") return { src: OFFICE_JS_CDN };
  if (raw === "local") {
    const from = path.join(path.dirname(require.resolve("@microsoft/office-js/package.json")), "dist");
    return {
      src: "office-js/office.js",
      from,
      filter: (file) => OFFICE_JS_PACKAGE_FILE.test(file) && !/\.debug\.js$/.test(file),
    };
  }
  const from = path.resolve(raw);
  if (!fs.existsSync(path.join(from, "office.js"))) {
    throw new Error(`ZIPING_OFFICE_JS: no office.js in ${from} (give "local", "cdn" or the folder holding office.js)`);
  }
  return { src: "office-js/office.js", from, filter: () => true };
}

/** 7-Zip's command line, if installed (for the WPS offline package). */
function sevenZip() {
  for (const name of ["7zz", "7z", "7za"]) {
    try {
      execFileSync(name, ["i"], { stdio: "ignore" });
      return name;
    } catch {
      // not this one
    }
  }
  return undefined;
}

async function getHttpsOptions() {
  // Required only when serving, so `npm run build` never needs (or installs) certificates.
  const devCerts = require("office-addin-dev-certs");
  const httpsOptions = await devCerts.getHttpsServerOptions();
  return { ca: httpsOptions.ca, key: httpsOptions.key, cert: httpsOptions.cert };
}

/**
 * Polyfills neither pane takes although core-js's usage detection asks for them: it matches by
 * name alone (every `.map(` might be Iterator.prototype.map, every `.set(` or `.fill(` a typed
 * array's, `font.bold` the HTML method String.prototype.bold), and so would add ES2022+ library
 * additions — iterator helpers, Set methods, typed-array and Uint8Array methods, JSON.parse source
 * text, Error cause, getOrInsert — that neither our code (no typed arrays, no iterator helpers),
 * React nor Fluent UI calls: a third of the lite bundle, 40 KB gzip of the full pane's first load.
 */
const POLYFILLS_NOT_USED = [
  // Each also under its "esnext." name, through which core-js injects proposals that became standard.
  /^esnext\./,
  /^es\.iterator\./,
  /^es\.(uint8-array|typed-array|array-buffer)\./,
  /^es\.set\..+\.v2$/,
  /^es\.(weak-map|map)\.get-or-insert/,
  "es.error.cause",
  "es.json.parse",
  /^es\.string\.(anchor|big|blink|bold|fixed|fontcolor|fontsize|italics|link|small|strike|sub|sup)$/,
];

/**
 * And for the full pane: URL and URLSearchParams, and the timers, are native in every webview it
 * runs in (EdgeHTML 18 included); core-js would replace them for later additions (URL.parse …).
 */
const MODERN_POLYFILLS_NOT_USED = [
  ...POLYFILLS_NOT_USED,
  /^web\.url/,
  /^web\.dom-exception\./,
  /^web\.(set-immediate|clear-immediate|immediate)$/,
];

/**
 * The full pane's polyfills for the older webviews only (EdgeHTML 18 above all): Babel adds every
 * polyfill the code uses for the "modern" browserslist, EdgeHTML 18 included; this plugin keeps in
 * the bundles only those a current webview still needs (the "modern" list without its Edge line:
 * WebView2, Mac WebKit, WPS's newer Chromium) and leaves out the rest, which
 * src/taskpane/polyfills.ts loads instead — a script of its own that the loader (loader.js) adds
 * before the pane only when the webview lacks what it brings. The build fails, naming them, when
 * the code comes to use a polyfill that file does not import.
 */
class OlderWebviewPolyfills {
  constructor(file) {
    this.file = path.resolve(__dirname, file);
    const modern = require("./package.json").browserslist.modern.filter((query) => !/^edge\b/i.test(query));
    // The core-js data Babel itself decides with (@babel/preset-env's polyfill provider).
    const compat = require(
      require.resolve("core-js-compat", { paths: [require.resolve("babel-plugin-polyfill-corejs3")] })
    );
    this.current = new Set(compat({ targets: modern, version: require("core-js/package.json").version }).list);
    this.empty = path.resolve(__dirname, "src/taskpane/polyfills.none.js");
  }
  /** The core-js modules src/taskpane/polyfills.ts imports. */
  listed() {
    const text = fs.readFileSync(this.file, "utf8");
    return new Set(Array.from(text.matchAll(/["']core-js\/modules\/([\w.-]+?)(?:\.js)?["']/g), (m) => m[1]));
  }
  apply(compiler) {
    compiler.hooks.thisCompilation.tap("OlderWebviewPolyfills", (compilation, { normalModuleFactory }) => {
      const left = new Set();
      normalModuleFactory.hooks.beforeResolve.tap("OlderWebviewPolyfills", (data) => {
        const m = /^core-js\/modules\/((?:es|web)\.[\w.-]+?)(?:\.js)?$/.exec(data.request);
        if (!m || this.current.has(m[1]) || data.contextInfo.issuer === this.file) return;
        left.add(m[1]);
        data.request = this.empty;
      });
      compilation.hooks.finishModules.tap("OlderWebviewPolyfills", () => {
        const listed = this.listed();
        const missing = Array.from(left)
          .filter((name) => !listed.has(name))
          .sort();
        if (missing.length) {
          compilation.errors.push(
            new Error(
              "src/taskpane/polyfills.ts lacks polyfills the full pane uses (EdgeHTML 18 needs them): " +
                missing.map((name) => `import "core-js/modules/${name}.js";`).join(" ")
            )
          );
        }
      });
    });
  }
}

/** Babel for one browserslist environment; polyfills from core-js, only those the code uses. */
function babelRule(browserslistEnv, include, excludePolyfills = []) {
  return {
    test: /\.[cm]?[jt]sx?$/,
    include,
    // core-js is the polyfills themselves; webpack's own runtime is written for its target.
    exclude: /node_modules[\\/](core-js|webpack)[\\/]/,
    use: {
      loader: "babel-loader",
      options: {
        cacheDirectory: true,
        babelrc: false,
        configFile: false,
        browserslistEnv,
        sourceType: "unambiguous",
        presets: [
          [
            "@babel/preset-env",
            {
              bugfixes: true,
              modules: false,
              useBuiltIns: "usage",
              corejs: require("core-js/package.json").version,
              exclude: excludePolyfills,
            },
          ],
          ["@babel/preset-react", { runtime: "automatic" }],
          "@babel/preset-typescript",
        ],
      },
    },
  };
}

/** Fails the lite build when a package other than core-js is bundled: the lite pane must stay small and ES5. */
class LitePackagesGuard {
  apply(compiler) {
    compiler.hooks.afterCompile.tap("LitePackagesGuard", (compilation) => {
      const found = new Set();
      for (const module of compilation.modules) {
        const resource = module.resource || "";
        const m = /node_modules[\\/]((?:@[^\\/]+[\\/])?[^\\/]+)/.exec(resource);
        if (m && m[1] !== "core-js") found.add(m[1].replace(/\\/g, "/"));
      }
      if (found.size) {
        compilation.errors.push(
          new Error("The lite pane may bundle only core-js, but it includes: " + Array.from(found).join(", "))
        );
      }
    });
  }
}

/**
 * Remembers the lite compilation's files per entry, for the pages the modern compilation writes
 * (built after it): the loader's lists in taskpane.html and wps/taskpane.html, wps/index.html's script.
 */
const liteFiles = { lite: [], wpsLite: [], wpsAddin: [] };
class LiteFilesRecorder {
  apply(compiler) {
    compiler.hooks.afterEmit.tap("LiteFilesRecorder", (compilation) => {
      for (const entry of Object.keys(liteFiles)) {
        liteFiles[entry] = compilation.entrypoints
          .get(entry)
          .getFiles()
          .filter((file) => file.endsWith(".js"));
      }
    });
  }
}

/** The scripts of one of a compilation's entries (none when it has no such entry). */
function entryScripts(compilation, name) {
  const entry = compilation.entrypoints && compilation.entrypoints.get(name);
  return entry ? entry.getFiles().filter((file) => file.endsWith(".js")) : [];
}

/** A file of dist/wps/ as the pages in that folder name it. */
function inWpsFolder(file) {
  return file.replace(/^wps\//, "");
}

/**
 * Copies the WPS full pane's on-demand chunks into dist/wps/, beside its bundle: the folder must
 * hold everything (an offline add-in is that folder alone), and the bundle loads its chunks from
 * where it was loaded (publicPath "auto").
 */
class WpsChunkCopies {
  apply(compiler) {
    compiler.hooks.thisCompilation.tap("WpsChunkCopies", (compilation) => {
      compilation.hooks.processAssets.tap(
        // After the real content hashes are in the names.
        { name: "WpsChunkCopies", stage: Compilation.PROCESS_ASSETS_STAGE_ANALYSE },
        () => {
          const entry = compilation.entrypoints.get("wps");
          const files = new Set();
          for (const chunk of entry.chunks) {
            for (const async of chunk.getAllAsyncChunks()) {
              for (const file of async.files) files.add(file);
              for (const file of async.auxiliaryFiles) files.add(file);
            }
          }
          for (const file of files) {
            const asset = compilation.getAsset(file);
            if (asset && !file.startsWith("wps/")) compilation.emitAsset("wps/" + file, asset.source, asset.info);
          }
        }
      );
    });
  }
}

/** Packs dist/wps/ as the offline add-in dist/ziping-wps-<version>.7z, where 7-Zip is installed. */
class WpsOfflinePackage {
  constructor(sevenZipCommand, file) {
    this.command = sevenZipCommand;
    this.file = file;
  }
  apply(compiler) {
    compiler.hooks.afterEmit.tap("WpsOfflinePackage", (compilation) => {
      const dist = compilation.outputOptions.path;
      const target = path.join(dist, this.file);
      fs.rmSync(target, { force: true });
      execFileSync(this.command, ["a", "-t7z", "-bd", "-y", target, "."], {
        cwd: path.join(dist, "wps"),
        stdio: "ignore",
      });
    });
  }
}

const resolve = {
  extensions: [".ts", ".tsx", ".js"],
  // TypeScript's node16 resolution wants ".js" on dynamic imports; the source is .ts.
  extensionAlias: { ".js": [".ts", ".tsx", ".js"] },
};

module.exports = async (env, options) => {
  const dev = options.mode === "development";
  const serving = Boolean(env && env.WEBPACK_SERVE);
  const baseUrl = dev ? undefined : productionBaseUrl();
  if (!dev && !baseUrl) {
    console.warn(`[ziping] ZIPING_BASE_URL is not set: dist/manifest.xml keeps the development URL ${urlDev}`);
  }
  const officeJs = officeJsOption();
  const wpsUrl = wpsBaseUrl(baseUrl);
  const sevenZipCommand = dev || serving ? undefined : sevenZip();
  const offlinePackage = `ziping-wps-${VERSION}.7z`;
  if (!dev && !serving && !sevenZipCommand) {
    console.warn("[ziping] 7-Zip (7zz, 7z or 7za) is not installed: the WPS offline package (.7z) is not made");
  }
  const ownFolders = ["assets/", "wps/", "office-js/"];
  const output = (clean) => ({
    path: process.env.ZIPING_DIST ? path.resolve(process.env.ZIPING_DIST) : path.resolve(__dirname, "dist"),
    filename: dev ? "[name].js" : "[name].[contenthash:8].js",
    chunkFilename: dev ? "[name].chunk.js" : "[name].[contenthash:8].chunk.js",
    // Keep what tsc wrote into dist/ (dist/cli, dist/rubric …): clean only top-level files
    // and webpack's own folders. Only the first compilation cleans.
    clean: clean ? { keep: (file) => file.includes("/") && !ownFolders.some((f) => file.startsWith(f)) } : false,
  });
  const wpsFile = (name) => (dev ? `wps/${name}.js` : `wps/${name}.[contenthash:8].js`);

  const lite = {
    name: "lite",
    mode: dev ? "development" : "production",
    devtool: dev ? "source-map" : false,
    target: ["web", "es5"],
    entry: {
      lite: "./src/taskpane/lite/index.ts",
      // WPS: the lite pane over the WPS adapter, and the ribbon's callbacks (classic script, ES5).
      wpsLite: { import: "./src/taskpane/wps/lite.ts", filename: wpsFile("[name]") },
      wpsAddin: { import: "./src/wps/addin.ts", filename: wpsFile("addin") },
    },
    output: output(true),
    resolve,
    module: {
      rules: [babelRule("lite", [path.resolve(__dirname, "src"), /node_modules[\\/]core-js/], POLYFILLS_NOT_USED)],
    },
    plugins: [new LitePackagesGuard(), new LiteFilesRecorder()],
    // The lite bundle is about 350 KB (90 KB gzip): warn well before it doubles.
    performance: { maxEntrypointSize: 450 * 1024, maxAssetSize: 450 * 1024 },
  };

  const config = {
    name: "modern",
    dependencies: ["lite"],
    mode: dev ? "development" : "production",
    // Production: maps for scripts/bundle-report.js alone, which drops them (dist/ gets none).
    devtool: dev ? "source-map" : "hidden-source-map",
    target: ["web", "es2017"],
    entry: {
      taskpane: "./src/taskpane/index.tsx",
      // The same pane without Office: open an .xlsx in the browser (exceljs loads on demand).
      standalone: "./src/taskpane/standalone/index.tsx",
      // The same pane in WPS 表格, over the WPS adapter.
      wps: { import: "./src/taskpane/wps/index.tsx", filename: wpsFile("[name]") },
      // The older webviews' polyfills (OlderWebviewPolyfills above), loaded by the loader when needed.
      polyfills: "./src/taskpane/polyfills.ts",
      wpsPolyfills: { import: "./src/taskpane/polyfills.ts", filename: wpsFile("polyfills") },
    },
    output: output(false),
    resolve,
    module: { rules: [babelRule("modern", undefined, MODERN_POLYFILLS_NOT_USED)] },
    plugins: [
      new OlderWebviewPolyfills("src/taskpane/polyfills.ts"),
      // dist/bundle-report.json: what each full pane's first load is made of (`npm run check:bundles`).
      ...(dev ? [] : [new BundleReport(["taskpane", "wps", "standalone"])]),
      new WpsChunkCopies(),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          { from: "src/taskpane/taskpane.css", to: "[name][ext]" },
          // The WPS add-in folder's own files.
          { from: "src/wps/ribbon.xml", to: "wps/[name][ext]" },
          { from: "src/taskpane/taskpane.css", to: "wps/[name][ext]" },
          { from: "assets/icon-{16,32,64}.png", to: "wps/assets/[name][ext]" },
          // Office.js from this server (ZIPING_OFFICE_JS): copied as it is, never minified again.
          ...(officeJs.from
            ? [
                {
                  from: "**/*",
                  context: officeJs.from,
                  to: "office-js/",
                  filter: (file) => officeJs.filter(path.relative(officeJs.from, file).split(path.sep).join("/")),
                  info: { minimized: true },
                },
              ]
            : []),
          {
            from: "manifest.xml",
            to: "[name][ext]",
            transform(content) {
              return baseUrl ? rewriteManifest(content, baseUrl) : content;
            },
          },
        ],
      }),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["taskpane"],
        // The loader, not the plugin, adds the scripts: the modern pane's or the lite pane's.
        inject: false,
        templateParameters: (compilation, assets) => ({
          loaderSource: fs.readFileSync(path.resolve(__dirname, "src/taskpane/loader.js"), "utf8"),
          bundles: JSON.stringify({
            modern: assets.js,
            polyfills: entryScripts(compilation, "polyfills"),
            lite: liteFiles.lite.slice(),
          }),
          host: "office",
          officeJs: officeJs.src,
        }),
      }),
      // The WPS add-in folder: the pane (same loader, no Office.js) and the hidden ribbon page.
      new HtmlWebpackPlugin({
        filename: "wps/taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["wps"],
        inject: false,
        templateParameters: (compilation) => ({
          loaderSource: fs.readFileSync(path.resolve(__dirname, "src/taskpane/loader.js"), "utf8"),
          bundles: JSON.stringify({
            modern: entryScripts(compilation, "wps").map(inWpsFolder),
            polyfills: entryScripts(compilation, "wpsPolyfills").map(inWpsFolder),
            lite: liteFiles.wpsLite.map(inWpsFolder),
          }),
          host: "wps",
          officeJs: "",
        }),
      }),
      new HtmlWebpackPlugin({
        filename: "wps/index.html",
        template: "./src/wps/index.html",
        chunks: [],
        inject: false,
        templateParameters: () => ({ scripts: liteFiles.wpsAddin.map(inWpsFolder) }),
      }),
      // Deployment: the install page and the add-in list, both pointing at where dist/wps/ is served.
      new HtmlWebpackPlugin({
        filename: "publish.html",
        template: "./src/wps/publish.html",
        chunks: [],
        inject: false,
        templateParameters: () => ({
          addons: JSON.stringify([
            { name: WPS_ADDIN_NAME, addonType: "et", online: "true", url: wpsUrl, version: VERSION },
            ...(sevenZipCommand
              ? [
                  {
                    name: WPS_ADDIN_NAME,
                    addonType: "et",
                    online: "false",
                    url: new URL("../" + offlinePackage, wpsUrl).href,
                    version: VERSION,
                  },
                ]
              : []),
          ]),
        }),
      }),
      new HtmlWebpackPlugin({
        filename: "jsplugins.xml",
        template: "./src/wps/jsplugins.xml",
        chunks: [],
        inject: false,
        minify: false,
        templateParameters: () => ({
          name: WPS_ADDIN_NAME,
          url: wpsUrl,
          offlineUrl: new URL("../" + offlinePackage, wpsUrl).href,
          version: VERSION,
        }),
      }),
      ...(sevenZipCommand ? [new WpsOfflinePackage(sevenZipCommand, offlinePackage)] : []),
      new HtmlWebpackPlugin({
        filename: "standalone.html",
        template: "./src/taskpane/standalone/standalone.html",
        // No loader here: the older webviews' polyfills always, first.
        chunks: ["polyfills", "standalone"],
        chunksSortMode: "manual",
      }),
      new HtmlWebpackPlugin({
        filename: "help.html",
        template: "./src/taskpane/help.html",
        chunks: [],
      }),
    ],
    performance: {
      // Raw sizes, as hints that catch a regression (`npm run check:bundles` holds the first load
      // to 150 KB gzip): exceljs's chunk, loaded on demand, is about 1.1 MB.
      maxEntrypointSize: 600 * 1024,
      maxAssetSize: 1100 * 1024,
    },
  };

  if (serving) {
    // With several compilations, webpack-dev-server takes the first one's options for all.
    lite.devServer = {
      headers: { "Access-Control-Allow-Origin": "*" },
      server: { type: "https", options: await getHttpsOptions() },
      port: Number(process.env.npm_package_config_dev_server_port) || 3000,
    };
  }

  return [lite, config];
};
