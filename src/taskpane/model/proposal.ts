/**
 * What a confirmation says of a plan before anything is written, as text — the same words in the
 * full pane's dialog (ConfirmDialog.tsx) and the lite pane's panel. Pure.
 */
import type { WorkbookPlan } from "../../plan/plan";

export interface ProposalText {
  /** The plan has nothing to write: 确定 has nothing to do. */
  nothing: boolean;
  /** One line per change, from the plan's own summary. */
  changes: string[];
  /** Said instead of `changes` when the plan gives no summary. */
  noSummary: string;
  /** "保留不改（3 处）", when cells a person typed are kept. */
  keptHeading?: string;
  /** "评分细则!G4：已填写“4”，保留未改…", one per kept cell. */
  kept: string[];
  /** What the 覆盖 choice does, where the action offers one. */
  overwriteNote?: string;
  overwriteLabel?: string;
}

/** What an action's 覆盖 choice is called, and what it does to the cells the plan keeps. */
export interface OverwriteWords {
  label: string;
  /** "这 3 处改为…": what becomes of the kept cells. */
  note(kept: number): string;
}

/** The 覆盖 choice of 准备工作簿, in the words both panes use. */
export const OVERWRITE_LABEL = "覆盖已填写的得分";

export const FILL_OVERWRITE: OverwriteWords = {
  label: OVERWRITE_LABEL,
  note: (kept) => "选择“" + OVERWRITE_LABEL + "”，这 " + kept + " 处改为按自评依据计算的公式（原填写的分数不再保留）。",
};

export function proposalText(
  plan: WorkbookPlan,
  overwrite?: WorkbookPlan,
  words: OverwriteWords = FILL_OVERWRITE
): ProposalText {
  const nothing = plan.ops.length === 0;
  return {
    nothing,
    changes: plan.summary,
    noSummary: nothing ? "没有需要修改的内容。" : "将写入工作簿。",
    keptHeading: plan.kept.length ? "保留不改（" + plan.kept.length + " 处）" : undefined,
    kept: plan.kept.map((k) => k.sheet + "!" + k.cell + "：" + k.reason),
    overwriteNote: overwrite ? words.note(plan.kept.length) : undefined,
    overwriteLabel: overwrite ? words.label : undefined,
  };
}
