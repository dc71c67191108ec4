/**
 * What the full pane shows once the workbook has been read, as one chunk (onDemand.ts: loadScreen)
 * fetched beside the first read: the built-in rubrics and the analysis with them — recognition,
 * scoring, the checks — and the workspace that shows it (components/Workspace.tsx: what was
 * recognized, the actions, the tabs, the dialogs). Nothing here is needed before the workbook's
 * grids are there, so none of it is in the pane's first load (App.tsx: the header and a spinner).
 */
export { Workspace } from "./components/Workspace";
export { analyzeBuiltin } from "./model/analyzeBuiltin";
export { rememberedRubricId } from "../own/state";
export { trustedBuiltinRubrics } from "../rubric/builtin/data";
