/**
 * The registry of criterion kinds: one file per kind, all listed here, so the set of kinds is
 * visible in one screen and the rubric schema's union is built from it.
 */
import type { CriterionKind } from "./base";
import { choice, type ChoiceCriterion } from "./choice";
import { deduction, type DeductionCriterion } from "./deduction";
import { flag, type FlagCriterion } from "./flag";
import { gate, type GateCriterion } from "./gate";
import { judged, type JudgedCriterion } from "./judged";
import { perItem, type PerItemCriterion } from "./perItem";
import { scaled, type ScaledCriterion } from "./scaled";
import { threshold, type ThresholdCriterion } from "./threshold";

export type Criterion =
  | FlagCriterion
  | ChoiceCriterion
  | ThresholdCriterion
  | PerItemCriterion
  | ScaledCriterion
  | JudgedCriterion
  | DeductionCriterion
  | GateCriterion;

export type CriterionKindName = Criterion["kind"];

type Registry = { [K in CriterionKindName]: CriterionKind<Extract<Criterion, { kind: K }>> };

export const criterionKinds = {
  flag,
  choice,
  threshold,
  perItem,
  scaled,
  judged,
  deduction,
  gate,
} satisfies Registry;

/** The kinds' names in Chinese, for the 类型 column and the pane. */
export const criterionKindNames: Record<CriterionKindName, string> = {
  flag: "是否",
  choice: "选项",
  threshold: "达标",
  perItem: "计数",
  scaled: "比例",
  judged: "评定",
  deduction: "扣分",
  gate: "否决",
};

function kindOf<K extends CriterionKindName>(
  criterion: Extract<Criterion, { kind: K }>
): CriterionKind<Extract<Criterion, { kind: K }>> {
  return (criterionKinds as Registry)[criterion.kind as K];
}

export function maxPointsOf(criterion: Criterion): number {
  return kindOf(criterion).maxPoints(criterion as never);
}

export function scoreCriterion(criterion: Criterion, context: Parameters<CriterionKind<Criterion>["score"]>[1]) {
  return kindOf(criterion).score(criterion as never, context);
}
