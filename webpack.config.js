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
// dist/ is shared with `tsc -p tsconfig.cli.json` (dist/cli, dist/rubric …): webpack only cleans
// the files at the top level of dist/ and dist/assets/, which are its own.

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
    throw new Error(
      `ZIPING_BASE_URL must use https (Office loads add-ins only over https): ${raw}`
    );
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

module.exports = async (env, options) => {
  const dev = options.mode === "development";
  const serving = Boolean(env && env.WEBPACK_SERVE);
  const baseUrl = dev ? undefined : productionBaseUrl();
  if (!dev && !baseUrl) {
    console.warn(
      `[ziping] ZIPING_BASE_URL is not set: dist/manifest.xml keeps the development URL ${urlDev}`
    );
  }

  const config = {
    mode: dev ? "development" : "production",
    devtool: dev ? "source-map" : false,
    target: ["web", "es2017"],
    entry: {
      taskpane: "./src/taskpane/index.tsx",
      // The same pane without Office: open an .xlsx in the browser (exceljs loads on demand).
      standalone: "./src/taskpane/standalone/index.tsx",
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: dev ? "[name].js" : "[name].[contenthash:8].js",
      chunkFilename: dev ? "[name].chunk.js" : "[name].[contenthash:8].chunk.js",
      // Keep what tsc wrote into dist/ (dist/cli, dist/rubric …): clean only top-level files
      // and dist/assets/.
      clean: {
        keep: (file) => file.includes("/") && !file.startsWith("assets/"),
      },
    },
    resolve: {
      extensions: [".ts", ".tsx", ".js"],
      // TypeScript's node16 resolution wants ".js" on dynamic imports; the source is .ts.
      extensionAlias: { ".js": [".ts", ".tsx", ".js"] },
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            options: {
              // Type checking is `npm run typecheck`; here, only transpile, as ES modules so
              // webpack can drop what is not used.
              transpileOnly: true,
              compilerOptions: {
                module: "es2020",
                moduleResolution: "bundler",
                rootDir: __dirname,
                sourceMap: dev,
              },
            },
          },
        },
      ],
    },
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
      // The pane loads from a local or intranet server; warn only well above Fluent + React.
      maxEntrypointSize: 600 * 1024,
      maxAssetSize: 600 * 1024,
    },
  };

  if (serving) {
    config.devServer = {
      headers: { "Access-Control-Allow-Origin": "*" },
      server: { type: "https", options: await getHttpsOptions() },
      port: Number(process.env.npm_package_config_dev_server_port) || 3000,
    };
  }

  return config;
};
