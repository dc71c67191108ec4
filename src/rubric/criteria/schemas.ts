/**
 * The criterion kinds' zod schemas, and their types inferred from them. Apart from the kinds'
 * scoring (flag.ts …) so that code which only scores imports the types, never zod: the lite pane
 * (IE11) scores built-in rubrics that were checked at build and test time, and carries no zod.
 */
import { z } from "zod";
import { boundSchema } from "../metricSchema";

export const pointsSchema = z.number().finite().nonnegative("分值不能为负数");

export const criterionBase = {
  /** A letter, unique within its indicator: "a" → criterion "1.1.a". */
  id: z.string().regex(/^[a-z]{1,2}$/, "评分项编号应为小写字母（a、b、c…）"),
  /** The rule's own words for this part, verbatim. */
  text: z.string().min(1),
  /** A short name for forms and explanations; the text is used when absent. */
  label: z.string().min(1).optional(),
  /** Points of this part go to the bonus (加分), not the base score. */
  bonus: z.boolean().optional(),
  /** The letter of a flag criterion of the same indicator that must be met first (其中…加1分). */
  requires: z
    .string()
    .regex(/^[a-z]{1,2}$/)
    .optional(),
  /** The step of this part's points, when the rule sets one other than the rubric's (0.5). */
  step: z.number().positive().optional(),
  /** For a derived criterion: the offsets [start, end) in the indicator's normalised rule text it came from. */
  span: z.tuple([z.number().int().nonnegative(), z.number().int().nonnegative()]).optional(),
  /** A derived criterion the grammar could not read with confidence: 待确认, for the user to review. */
  pending: z.boolean().optional(),
  /** Why it was encoded this way, in Chinese, shown to the user (e.g. a default mapping). */
  note: z.string().min(1).optional(),
};

// flag — the scoring is in flag.ts, and likewise for each kind below.
export const flagSchema = z.object({ kind: z.literal("flag"), ...criterionBase, points: pointsSchema });
export type FlagCriterion = z.infer<typeof flagSchema>;

// choice
export const choiceSchema = z.object({
  kind: z.literal("choice"),
  ...criterionBase,
  // Options become an Excel drop-down list ("是,否"): a comma or a double quote would break it.
  options: z
    .array(
      z.object({
        label: z
          .string()
          .min(1)
          .refine((label) => !/[,"]/.test(label), { message: "选项不能含英文逗号或英文双引号（下拉列表以逗号分隔）" }),
        points: pointsSchema,
      })
    )
    .min(1),
});
export type ChoiceCriterion = z.infer<typeof choiceSchema>;

// threshold
export const thresholdSchema = z.object({
  kind: z.literal("threshold"),
  ...criterionBase,
  points: pointsSchema,
  metric: z.string().min(1),
  bound: boundSchema,
});
export type ThresholdCriterion = z.infer<typeof thresholdSchema>;

// perItem
export const perItemSchema = z.object({
  kind: z.literal("perItem"),
  ...criterionBase,
  items: z
    .array(
      z.object({ id: z.string().regex(/^[a-z0-9-]+$/), label: z.string().min(1), each: z.number().finite().positive() })
    )
    .min(1),
  /** 最高得N分. Absent only where the source sets no cap (recorded as a discrepancy). */
  cap: pointsSchema.optional(),
  /** What is counted: 项, 个, 家. */
  unit: z.string().min(1),
});
export type PerItemCriterion = z.infer<typeof perItemSchema>;

// scaled
const mappingSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("linear") }),
  z.object({
    type: z.literal("bands"),
    /** Highest first or any order; each band: a rate reaching `atLeast` (a fraction) gives `points`. */
    bands: z.array(z.object({ atLeast: z.number().finite().min(0), points: pointsSchema })).min(1),
  }),
]);

export const scaledSchema = z.object({
  kind: z.literal("scaled"),
  ...criterionBase,
  points: pointsSchema,
  /** What the rate is: 覆盖率, 完成进度, 数量占比. */
  basis: z.string().min(1),
  /** A rate metric of the rubric to read; without it, the rate is entered for this criterion. */
  metric: z.string().min(1).optional(),
  mapping: mappingSchema,
  /** True when the source leaves the mapping open and this one is Ziping's documented default. */
  defaultMapping: z.boolean(),
});
export type ScaledCriterion = z.infer<typeof scaledSchema>;

// judged
export const judgedSchema = z.object({
  kind: z.literal("judged"),
  ...criterionBase,
  /** The most the assessor may give. */
  points: pointsSchema,
});
export type JudgedCriterion = z.infer<typeof judgedSchema>;

// deduction
export const deductionSchema = z.object({
  kind: z.literal("deduction"),
  ...criterionBase,
  /** The points held before any deduction. */
  points: pointsSchema,
  /** Deducted per shortfall. */
  per: z.number().finite().positive(),
  /** What a shortfall is counted in: 个, 项. */
  unit: z.string().min(1),
  /** 最高扣N分; without it, deductions stop at zero. */
  maxDeduction: pointsSchema.optional(),
});
export type DeductionCriterion = z.infer<typeof deductionSchema>;

// gate
export const gateSchema = z.object({ kind: z.literal("gate"), ...criterionBase });
export type GateCriterion = z.infer<typeof gateSchema>;
