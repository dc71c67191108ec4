/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/tests"],
  testMatch: ["**/*.test.ts", "**/*.test.tsx"],
  testPathIgnorePatterns: ["/node_modules/", "\\.e2e\\.test\\.ts$"],
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
