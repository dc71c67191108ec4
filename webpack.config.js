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
// `npm run check:bundles` proves both with es-check and prints their sizes.
//
// dist/ is shared with `tsc -p tsconfig.cli.json` (dist/cli, dist/rubric …): webpack only cleans
// the files at the top level of dist/ and dist/assets/, which are its own.

const fs = require("fs");
const path = require("path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");

const urlDev = "https://localhost:3000/";

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

/** Remembers the lite bundle's files, for the loader in taskpane.html (built after it). */
const liteFiles = [];
class LiteFilesRecorder {
  apply(compiler) {
    compiler.hooks.afterEmit.tap("LiteFilesRecorder", (compilation) => {
      liteFiles.length = 0;
      for (const file of compilation.entrypoints.get("lite").getFiles()) if (file.endsWith(".js")) liteFiles.push(file);
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
  const output = (clean) => ({
    path: path.resolve(__dirname, "dist"),
    filename: dev ? "[name].js" : "[name].[contenthash:8].js",
    chunkFilename: dev ? "[name].chunk.js" : "[name].[contenthash:8].chunk.js",
    // Keep what tsc wrote into dist/ (dist/cli, dist/rubric …): clean only top-level files
    // and dist/assets/. Only the first compilation cleans.
    clean: clean ? { keep: (file) => file.includes("/") && !file.startsWith("assets/") } : false,
  });

  const lite = {
    name: "lite",
    mode: dev ? "development" : "production",
    devtool: dev ? "source-map" : false,
    target: ["web", "es5"],
    entry: { lite: "./src/taskpane/lite/index.ts" },
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
    devtool: dev ? "source-map" : false,
    target: ["web", "es2017"],
    entry: {
      taskpane: "./src/taskpane/index.tsx",
      // The same pane without Office: open an .xlsx in the browser (exceljs loads on demand).
      standalone: "./src/taskpane/standalone/index.tsx",
    },
    output: output(false),
    resolve,
    module: { rules: [babelRule("modern", undefined, MODERN_POLYFILLS_NOT_USED)] },
    plugins: [
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          { from: "src/taskpane/taskpane.css", to: "[name][ext]" },
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
          bundles: JSON.stringify({ modern: assets.js, lite: liteFiles.slice() }),
        }),
      }),
      new HtmlWebpackPlugin({
        filename: "standalone.html",
        template: "./src/taskpane/standalone/standalone.html",
        chunks: ["standalone"],
      }),
      new HtmlWebpackPlugin({
        filename: "help.html",
        template: "./src/taskpane/help.html",
        chunks: [],
      }),
    ],
    performance: {
      // Raw sizes, as budgets that catch a regression: the first load is about 940 KB (256 KB
      // gzip), exceljs's chunk, loaded on demand in the standalone page only, about 1 MB.
      maxEntrypointSize: 1024 * 1024,
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
