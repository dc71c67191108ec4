/**
 * The rubric's data model (docs/DESIGN.md, "The domain model"): Rubric → Category (一级指标) →
 * Indicator (二级指标) → Criterion, with Metrics and Targets. Structural rules live here;
 * the rules across fields (points add up, references resolve) live in validate.ts.
 */
import { z } from "zod";
import type { Criterion } from "./criteria/index";
import {
  choiceSchema,
  deductionSchema,
  flagSchema,
  gateSchema,
  judgedSchema,
  perItemSchema,
  pointsSchema,
  scaledSchema,
  thresholdSchema,
} from "./criteria/schemas";
import { boundSchema, metricSchema } from "./metricSchema";

export const criterionSchema = z.discriminatedUnion("kind", [
  flagSchema,
  choiceSchema,
  thresholdSchema,
  perItemSchema,
  scaledSchema,
  judgedSchema,
  deductionSchema,
  gateSchema,
]);

/** Where a piece of the rubric comes from: the seed file by name and the place in it. */
export const sourceSchema = z.object({
  file: z.string().min(1),
  /** "附件2 表 第N行" or the line of the seed file. */
  place: z.string().min(1),
});
export type Source = z.infer<typeof sourceSchema>;

export const indicatorSchema = z.object({
  /** "<category>.<position>", 1-based, in document order (CONTRACTS.md). */
  id: z.string().regex(/^[a-z0-9]+\.\d+$/, "二级指标编号应为“一级指标编号.序号”，如 1.1"),
  /** The number as the document prints it ("1", "3"), when it prints one. */
  number: z.string().min(1).optional(),
  /** The indicator's text, verbatim. */
  text: z.string().min(1),
  /** Base points (分值). */
  points: pointsSchema,
  /** Bonus points (加分) the indicator can carry beyond its base. */
  bonus: pointsSchema.optional(),
  /** The scoring rule, verbatim (评分细则 / 评分标准 / 2020年具体要求). */
  rule: z.string().min(1),
  /** 检查办法, verbatim, where the document has it. */
  check: z.string().min(1).optional(),
  /** 牵头单位, verbatim. */
  lead: z.string().min(1).optional(),
  /** 责任单位, verbatim. */
  responsible: z.string().min(1).optional(),
  /** Further columns of the document kept verbatim: 工作要求, 两年工作目标. */
  extra: z.record(z.string(), z.string()).optional(),
  criteria: z.array(criterionSchema).min(1, "每个二级指标至少有一个评分项"),
  source: sourceSchema,
});

export const categorySchema = z.object({
  /** The 一级指标 number as an integer string, or "bonus" for a 加分项目 category. */
  id: z.string().regex(/^(\d+|bonus)$/, "一级指标编号应为整数或 bonus"),
  title: z.string().min(1),
  /** The category cell as printed: "一、强化保障机制 (共 18 分)". */
  heading: z.string().min(1).optional(),
  points: pointsSchema,
  bonus: pointsSchema.optional(),
  indicators: z.array(indicatorSchema).min(1, "每个一级指标至少有一个二级指标"),
});

export const targetSchema = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
  metric: z.string().min(1),
  bound: boundSchema,
  /** The sentence that states it, verbatim. */
  text: z.string().min(1),
  source: sourceSchema,
});

export const discrepancyKinds = [
  "sub-points-exceed",
  "category-points-differ",
  "total-differs",
  "uncapped-bonus",
] as const;

/** A source inconsistency kept as it is and reported (CONTRACTS.md, "Two kinds of wrong"). */
export const discrepancySchema = z.object({
  kind: z.enum(discrepancyKinds),
  category: z.string().optional(),
  indicator: z.string().optional(),
  /** The words of the source that show it. */
  quote: z.string().min(1),
  /** What Ziping does about it, in Chinese. */
  note: z.string().min(1),
});

export const layouts = ["task-breakdown", "scoring", "assessment", "targets"] as const;

export const rubricSchema = z.object({
  id: z.string().regex(/^([a-z0-9][a-z0-9-]*|derived:.+)$/, "评分细则编号格式不对"),
  title: z.string().min(1),
  /** The issuing document: 微政办字〔2023〕29号 附件2. */
  document: z.string().min(1),
  /** The region the document belongs to (曹县, 微山县 …). */
  region: z.string().min(1),
  /** The year the document is for; 0 when a derived rubric could not tell. */
  year: z.number().int().min(0).max(2100),
  /** The layout of the document's table: 任务分解表, 评分细则, 考核表, or targets only. */
  layout: z.enum(layouts),
  /** Total base points (100), and bonus points apart. */
  points: pointsSchema,
  bonus: pointsSchema,
  /** The step scores are multiples of (0.5). */
  step: z.number().positive(),
  categories: z.array(categorySchema),
  metrics: z.array(metricSchema),
  targets: z.array(targetSchema),
  discrepancies: z.array(discrepancySchema),
  source: z.object({ file: z.string().min(1), note: z.string().optional() }),
  /** Present on a rubric derived from a sheet's own text (issue 7). */
  derived: z.object({ file: z.string(), sheet: z.string(), unparsed: z.number().int().nonnegative() }).optional(),
});

export type Indicator = z.infer<typeof indicatorSchema>;
export type Category = z.infer<typeof categorySchema>;
export type Target = z.infer<typeof targetSchema>;
export type Discrepancy = z.infer<typeof discrepancySchema>;
export type Rubric = z.infer<typeof rubricSchema>;
export type Layout = (typeof layouts)[number];

// The union above and the registry's Criterion type must stay the same set of kinds.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const criterionTypesAgree: Same<z.infer<typeof criterionSchema>, Criterion> = true;
void criterionTypesAgree;
