/**
 * What the full pane loads only when it is needed, each into a chunk of its own (webpack splits at
 * `import()`), so that its first load is the header and "正在读取工作簿…" and no more
 * (`npm run check:bundles` holds it to 150 KB gzip):
 * - right away, beside the workbook's first read (preloadPane, called by each entry before it
 *   renders): the built-in rubrics with their analysis, and the workspace — what was recognized,
 *   the actions, the tabs, the dialogs (screen.ts);
 * - the analysis that derives a rubric from a sheet's own sentences, or checks one stored in the
 *   workbook, with the grammar and the rubric schema (zod) — for a workbook no built-in rubric fits;
 * - the derived rubric's review (评分细则), the evidence form (自评依据) and the 说明 dialog;
 * - 合并各单位报送 and 进度 (the merge), and exceljs to read the units' files (in Excel too).
 * jest's CommonJS runtime has no `import()`: tests map this module to tests/support/onDemand.ts,
 * the same modules loaded with require.
 */

/** A chunk that cannot be fetched (the add-in's server out of reach) is said in Chinese. */
function said<T>(loading: Promise<T>): Promise<T> {
  return loading.catch(() => {
    throw new Error("无法加载自评助手的部分界面，请检查能否访问加载项的网址后重新打开");
  });
}

export const loadScreen = () => said(import(/* webpackChunkName: "screen" */ "./screen.js"));
export const loadFullAnalysis = () => said(import(/* webpackChunkName: "derive" */ "./model/analyze.js"));
export const loadDerivedRubric = () => said(import(/* webpackChunkName: "review" */ "./components/DerivedRubric.js"));
export const loadEvidenceForm = () => said(import(/* webpackChunkName: "evidence" */ "./components/EvidenceForm.js"));
export const loadAcceptDialog = () => said(import(/* webpackChunkName: "accept" */ "./components/AcceptDialog.js"));
/** 合并各单位报送 and the 进度 view, with the merge (src/plan/merge.ts). */
export const loadMerge = () => said(import(/* webpackChunkName: "merge" */ "./components/Merge.js"));
/** Reading .xlsx files in the browser (exceljs): the units' returns; the same chunk as standalone mode's file host. */
export const loadXlsx = () => said(import(/* webpackChunkName: "xlsx" */ "../adapters/xlsx/index.js"));

/**
 * Starts fetching what the pane shows once the workbook has been read, before React has drawn
 * anything; App.tsx's own call then shares the fetch (webpack loads a chunk once), or tries again.
 */
export function preloadPane(): void {
  loadScreen().catch(() => undefined);
}
