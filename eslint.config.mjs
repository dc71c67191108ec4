// ESLint flat config, used by `npm run lint` (office-addin-lint picks up ./eslint.config.mjs).
//
// - eslint-plugin-office-addins' React preset: its Office.js rules (read only after load and
//   sync, no context.sync() in a loop …), eslint-plugin-react, typescript-eslint, prettier.
// - The pure core (src/rubric, src/sheet, src/check, src/plan) runs in Node, in the pane and, later,
//   in the ES5 lite pane: it must not import exceljs, React or Fluent, nor touch Office.js.
// - Components get what they need from the host as props: no Office/Excel globals there.
import { createRequire } from "node:module";

// The plugin is office-addin-lint's dependency: resolve it from there, not from npm's hoisting.
const require = createRequire(import.meta.url);
const requireFromLint = createRequire(require.resolve("office-addin-lint/package.json"));
const officeAddins = requireFromLint("eslint-plugin-office-addins");
// The preset names @typescript-eslint/parser but does not actually set it (its `languageOptions.parser`
// ends up undefined, so espree would parse TypeScript); office-addin-lint's own default config sets
// it the same way as here.
const tsParser = requireFromLint("@typescript-eslint/parser");

const TS_FILES = ["**/*.{ts,tsx,mts,cts}"];

// What the lite pane runs in IE11: the loader, the lite pane, the core and the Office adapter.
// eslint-plugin-compat checks their use of browser and language APIs against IE 11; the APIs
// listed as polyfilled are those Babel's core-js injection provides (webpack.config.js).
const LITE_FILES = [
  "src/taskpane/loader.js",
  "src/taskpane/lite/**",
  "src/taskpane/hosts/officeHost.ts",
  // In WPS: its lite pane, host and adapter, and the ribbon's script (index.html), all ES5.
  "src/taskpane/wps/lite.ts",
  "src/taskpane/hosts/wpsHost.ts",
  "src/adapters/wps/**",
  "src/adapters/planCheck.ts",
  "src/adapters/cellStyle.ts",
  "src/wps/**",
  "src/taskpane/model/{analysis,dashboard,host}.ts",
  "src/taskpane/components/{format,plans}.ts",
  "src/adapters/office/**",
  "src/rubric/**",
  "src/sheet/**",
  "src/check/**",
  "src/plan/**",
  "src/own/**",
];
const CORE_JS_POLYFILLS = [
  "Promise",
  "Map",
  "Set",
  "WeakMap",
  "Symbol",
  "Array.from",
  "Array.fill",
  "Array.of",
  "Object.assign",
  "Object.entries",
  "Object.values",
  "Object.fromEntries",
  "Number.isFinite",
  "Number.isInteger",
  "Number.isNaN",
  "Number.parseFloat",
  "Math.trunc",
  "Math.sign",
  "Math.log10",
  "globalThis",
];

// The preset's TypeScript block lists .ts but not .tsx: give its blocks the .tsx files too.
const preset = officeAddins.configs.react.map((block) =>
  block.files ? { ...block, files: [...block.files, "**/*.tsx", "**/*.jsx"] } : block
);

// Build scripts and configs run in Node.
const nodeGlobals = Object.fromEntries(
  [
    "process",
    "console",
    "require",
    "module",
    "__dirname",
    "__filename",
    "URL",
    "Buffer",
    "setTimeout",
    "clearTimeout",
  ].map((name) => [name, "readonly"])
);

const officeGlobals = [
  ...["Office", "Excel", "OfficeExtension"].map((name) => ({
    name,
    message: "只有 src/adapters/office/ 可以使用 Office.js；请通过适配器接口（或组件的 props）取得宿主功能。",
  })),
  ...["Application", "wps"].map((name) => ({
    name,
    message: "只有 src/adapters/wps/ 可以使用 WPS 的 Application；请通过适配器接口（或组件的 props）取得宿主功能。",
  })),
];

const compatPlugin = require("eslint-plugin-compat");

export default [
  { ignores: ["dist/**", "node_modules/**", "coverage/**"] },
  ...preset,
  {
    files: [...TS_FILES, "**/*.{js,jsx,mjs,cjs}"],
    languageOptions: { parser: tsParser },
  },
  {
    files: TS_FILES,
    rules: {
      // TypeScript already reports undefined names (and knows DOM, Node and Office.js types).
      "no-undef": "off",
      // The new JSX transform (tsconfig "jsx": "react-jsx") needs no React in scope.
      "react/react-in-jsx-scope": "off",
      "react/jsx-uses-react": "off",
      // A leading underscore marks a binding kept on purpose (destructuring a value away).
      "@typescript-eslint/no-unused-vars": [
        "error",
        { varsIgnorePattern: "^_", argsIgnorePattern: "^_", caughtErrorsIgnorePattern: "^_" },
      ],
    },
  },
  {
    // The Office.js rules (load before read, sync) mean nothing outside the Office adapter and the
    // pane: exceljs and the CLI have no proxy objects, and the rules misread their property reads.
    files: [
      "src/adapters/xlsx/**",
      "src/adapters/wps/**",
      "src/wps/**",
      "src/taskpane/wps/**",
      "src/cli/**",
      "src/rubric/**",
      "src/sheet/**",
      "src/check/**",
      "src/plan/**",
      "src/own/**",
      "tests/**",
      "scripts/**",
    ],
    rules: Object.fromEntries(Object.keys(officeAddins.rules ?? {}).map((name) => ["office-addins/" + name, "off"])),
  },
  {
    files: ["scripts/**", "*.config.{js,mjs,cjs}", "jest.config.js"],
    languageOptions: { globals: nodeGlobals },
  },
  {
    // The pure core (docs/DESIGN.md): no file library, no UI, no Office.js, and nothing of the shells.
    files: ["src/rubric/**", "src/sheet/**", "src/check/**", "src/plan/**", "src/own/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: [
            { name: "exceljs", message: "核心代码不读写文件：exceljs 只用于 src/adapters/xlsx/。" },
            { name: "react", message: "核心代码不依赖界面：React 只用于 src/taskpane/。" },
            { name: "react-dom", message: "核心代码不依赖界面：React 只用于 src/taskpane/。" },
          ],
          patterns: [
            { group: ["exceljs/*"], message: "exceljs 只用于 src/adapters/xlsx/。" },
            {
              group: ["react/*", "react-dom/*", "@fluentui/*"],
              message: "界面库只用于 src/taskpane/。",
            },
            {
              group: ["**/adapters/**", "**/taskpane/**", "**/cli/**", "**/import/**", "**/wps/**"],
              message: "核心代码不引用外壳（适配器、任务窗格、命令行）：依赖只能由外向内。",
            },
          ],
        },
      ],
      "no-restricted-globals": ["error", ...officeGlobals],
    },
  },
  {
    files: ["src/taskpane/components/**"],
    rules: {
      "no-restricted-globals": ["error", ...officeGlobals],
    },
  },
  {
    files: LITE_FILES,
    plugins: { compat: compatPlugin },
    settings: { browsers: ["ie 11"], polyfills: CORE_JS_POLYFILLS },
    rules: { "compat/compat": "error" },
  },
  {
    // The loader is inlined into taskpane.html: ES5, browser globals, no modules.
    files: ["src/taskpane/loader.js"],
    languageOptions: {
      ecmaVersion: 5,
      sourceType: "script",
      parser: undefined,
      globals: {
        window: "readonly",
        document: "readonly",
        Office: "readonly",
        bundles: "readonly",
        zipingHost: "readonly",
        zipingOfficeJs: "readonly",
      },
    },
    // ES5 wants a catch binding even where it is not used.
    rules: { "@typescript-eslint/no-unused-vars": ["error", { caughtErrors: "none" }] },
  },
];
