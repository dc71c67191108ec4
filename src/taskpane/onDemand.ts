/**
 * What the full pane loads only when it is needed, each into a chunk of its own (webpack splits at
 * `import()`), so that its first load is the pane's first screen and no more:
 * - the analysis that derives a rubric from a sheet's own sentences, or checks one stored in the
 *   workbook, with the grammar and the rubric schema (zod) — for a workbook no built-in rubric fits;
 * - the derived rubric's review (评分细则), the evidence form (自评依据) and the 说明 dialog.
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
