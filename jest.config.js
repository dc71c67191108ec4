/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/tests"],
  testMatch: ["**/*.test.ts", "**/*.test.tsx"],
  testPathIgnorePatterns: ["/node_modules/", "\\.e2e\\.test\\.ts$"],
  // A test's timeout guards against a hang, not a slow machine: jest's 5 s default failed correct
  // round trips on a 2-core machine running other work (docs/FACTS.md, "Tests"). Speed is measured
  // by `npm run bench`, never by a test.
  testTimeout: 300_000,
  // TypeScript's node16 resolution wants ".js" on dynamic imports; jest finds the .ts source.
  // The pane's on-demand loaders use import(), which jest's CommonJS runtime lacks: see tests/support/onDemand.ts.
  moduleNameMapper: {
    "^(\\.{1,2}/)+onDemand(\\.js)?$": "<rootDir>/tests/support/onDemand.ts",
    "^(\\.{1,2}/.*)\\.js$": "$1",
  },
  transform: {
    "^.+\\.tsx?$": ["ts-jest", { tsconfig: "tsconfig.json" }],
  },
};
