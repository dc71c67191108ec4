/**
 * The registry of criterion kinds: one file per kind, all listed here, so the set of kinds is
 * visible in one screen and the rubric schema's union is built from it.
 *
 * Every layer that treats kinds differently (the formulas, the input hints, the form …) keeps its
 * own registry typed as a mapped type over the kinds (KindFunctions below, or one like Registry):
 * a kind missing from one of them does not compile. The list is in docs/ARCHITECTURE.md.
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

/** The criterion of one kind. */
export type CriterionOf<K extends CriterionKindName> = Extract<Criterion, { kind: K }>;

/** A layer's registry of functions, one per kind, each taking its own kind's criterion first. */
export type KindFunctions<A extends unknown[], R> = {
  [K in CriterionKindName]: (criterion: CriterionOf<K>, ...args: A) => R;
};

/**
 * Calls a registry's function for the criterion's kind. The cast is safe: the mapped type gives
 * each kind the function for its own criterion, which TypeScript cannot relate to c.kind itself.
 */
export function byKind<A extends unknown[], R>(registry: KindFunctions<A, R>, criterion: Criterion, ...args: A): R {
  return (registry[criterion.kind] as (criterion: Criterion, ...args: A) => R)(criterion, ...args);
}

type Registry = { [K in CriterionKindName]: CriterionKind<CriterionOf<K>> };

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

function kindOf<K extends CriterionKindName>(criterion: CriterionOf<K>): CriterionKind<CriterionOf<K>> {
  return (criterionKinds as Registry)[criterion.kind as K];
}

export function maxPointsOf(criterion: Criterion): number {
  return kindOf(criterion).maxPoints(criterion as never);
}

export function scoreCriterion(criterion: Criterion, context: Parameters<CriterionKind<Criterion>["score"]>[1]) {
  return kindOf(criterion).score(criterion as never, context);
}

/**
 * The id of the rubric metric a criterion reads (threshold, and scaled with a metric): its value is
 * entered on 指标数据. Undefined when the criterion takes its own input on 自评依据.
 */
export function metricOf(criterion: Criterion): string | undefined {
  return kindOf(criterion).metric(criterion as never);
}
