/**
 * What the pane shows of a workbook, computed from its Grids alone: the recognized sheets, the
 * rubric (built-in, remembered, or derived from the sheet's own sentences), the scores and the
 * findings. Pure; the pane renders it.
 */
import { acceptedNotes } from "../../check/accepted";
import type { Finding } from "../../check/findings";
import { validateRecognized } from "../../check/validate";
import type { ScoreSource } from "../../check/workbookScore";
import { hasEvidenceSheet } from "../../plan/evidenceSheet";
import type { RubricScore } from "../../rubric/engine";
import type { Rubric } from "../../rubric/schema";
import type { Grid } from "../../sheet/grid";
import type { SheetRecognition } from "../../sheet/workbook";
import { recognizeForScoring } from "../../check/recognize";

export interface Analysis {
  sheets: SheetRecognition[];
  primary?: SheetRecognition;
  rubric?: Rubric;
  score?: RubricScore;
  source?: ScoreSource;
  findings: Finding[];
  /** The workbook already has Ziping's sheets (自评依据 …). */
  filled: boolean;
}

export function analyze(grids: Grid[], rubrics: readonly Rubric[], chosen?: Rubric, file = "当前工作簿"): Analysis {
  const { sheets, primary } = recognizeForScoring(grids, rubrics, { chosen, file });
  const filled = hasEvidenceSheet(grids);
  if (!primary) return { sheets, findings: [], filled };
  const { findings, score, source } = validateRecognized(grids, primary, { accepted: acceptedNotes(grids) });
  return { sheets, primary, rubric: primary.match!.rubric, score, source, findings, filled };
}
