/**
 * What the full pane loads only when it is needed, each into a chunk of its own (webpack splits at
 * `import()`), so that its first load is the pane's first screen and no more:
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

export const loadFullAnalysis = () => said(import(/* webpackChunkName: "derive" */ "./model/analyze.js"));
export const loadDerivedRubric = () => said(import(/* webpackChunkName: "review" */ "./components/DerivedRubric.js"));
export const loadEvidenceForm = () => said(import(/* webpackChunkName: "evidence" */ "./components/EvidenceForm.js"));
export const loadAcceptDialog = () => said(import(/* webpackChunkName: "accept" */ "./components/AcceptDialog.js"));
/** 合并各单位报送 and the 进度 view, with the merge (src/plan/merge.ts). */
export const loadMerge = () => said(import(/* webpackChunkName: "merge" */ "./components/Merge.js"));
/** Reading .xlsx files in the browser (exceljs): the units' returns; the same chunk as standalone mode's file host. */
export const loadXlsx = () => said(import(/* webpackChunkName: "xlsx" */ "../adapters/xlsx/index.js"));
