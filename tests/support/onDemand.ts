/**
 * src/taskpane/onDemand.ts for jest, whose CommonJS runtime cannot `import()`: the same modules,
 * loaded with require and resolved on the next microtask, as a loaded chunk would be.
 */
/* eslint-disable @typescript-eslint/no-require-imports */
const later = <T>(load: () => T) => Promise.resolve().then(load);

export const loadScreen = () =>
  later(() => require("../../src/taskpane/screen") as typeof import("../../src/taskpane/screen"));
export const loadFullAnalysis = () =>
  later(() => require("../../src/taskpane/model/analyze") as typeof import("../../src/taskpane/model/analyze"));
export const loadDerivedRubric = () =>
  later(
    () =>
      require("../../src/taskpane/components/DerivedRubric") as typeof import("../../src/taskpane/components/DerivedRubric")
  );
export const loadEvidenceForm = () =>
  later(
    () =>
      require("../../src/taskpane/components/EvidenceForm") as typeof import("../../src/taskpane/components/EvidenceForm")
  );
export const loadAcceptDialog = () =>
  later(
    () =>
      require("../../src/taskpane/components/AcceptDialog") as typeof import("../../src/taskpane/components/AcceptDialog")
  );
export const loadMerge = () =>
  later(() => require("../../src/taskpane/components/Merge") as typeof import("../../src/taskpane/components/Merge"));
export const loadXlsx = () =>
  later(() => require("../../src/adapters/xlsx/index") as typeof import("../../src/adapters/xlsx/index"));
export function preloadPane(): void {
  void loadScreen();
}
