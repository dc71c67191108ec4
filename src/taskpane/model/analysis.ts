/**
 * What the pane shows of a workbook, computed from its Grids alone: the recognized sheets, the
 * rubric, the scores and the findings. Pure; the pane renders it. Which rubric scores the
 * workbook is decided before (analyze.ts for the pane, lite/analyze.ts for the lite pane); this
 * module scores and checks, and imports no zod, so both panes share it.
 */
import { acceptedNotes } from "../../own/read";
import type { Finding } from "../../check/findings";
import { validateRecognized } from "../../check/validate";
import type { ScoreSource, WorkbookScore } from "../../check/workbookScore";
import { hasEvidenceSheet } from "../../own/read";
import type { RubricScore } from "../../rubric/engine";
import type { Rubric } from "../../rubric/schema";
import type { Grid } from "../../sheet/grid";
import type { SheetRecognition } from "../../sheet/workbook";

export interface Analysis {
  sheets: SheetRecognition[];
  primary?: SheetRecognition;
  rubric?: Rubric;
  /** The self-score: the 自评得分 column as sent (check/workbookScore.ts). */
  score?: RubricScore;
  source?: ScoreSource;
  /** The self-score with 按自评依据可得 beside it and the rows where the two differ. */
  scored?: WorkbookScore;
  findings: Finding[];
  /** The workbook already has Ziping's sheets (自评依据 …). */
  filled: boolean;
}

/** Scores and checks the primary sheet, matched to its rubric. */
export function analysisOf(grids: Grid[], sheets: SheetRecognition[], primary?: SheetRecognition): Analysis {
  const filled = hasEvidenceSheet(grids);
  if (!primary || !primary.match) return { sheets, findings: [], filled };
  const validation = validateRecognized(grids, primary, { accepted: acceptedNotes(grids) });
  const { findings, score, source } = validation;
  return { sheets, primary, rubric: primary.match.rubric, score, source, scored: validation, findings, filled };
}
