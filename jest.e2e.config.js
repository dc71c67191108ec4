/** End-to-end tests: real .xlsx files recalculated by LibreOffice (`npm run test:e2e`). */
const base = require("./jest.config.js");
module.exports = { ...base, testMatch: ["**/*.e2e.test.ts"], testPathIgnorePatterns: ["/node_modules/"] };
