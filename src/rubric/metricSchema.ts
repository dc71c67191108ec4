/**
 * The zod schemas of metrics and bounds (see metric.ts for what they are), apart from the code
 * that reads and compares them, so that scoring never imports zod.
 */
import { z } from "zod";

export const metricSchema = z.object({
  /** Stable id, ASCII: "nursing-bed-share". */
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, "指标编号只能由小写字母、数字和连字符组成"),
  /** The name the documents use: 护理型床位占比. */
  name: z.string().min(1),
  /** "%" for rates (entered as 65, 0.65 or "65%"); otherwise the unit of the figure: 户, 张, 元/人·月, 米, ㎡. */
  unit: z.string().min(1),
  /** For a rate computed from two counts: what the numerator and the denominator count. */
  numerator: z.string().min(1).optional(),
  denominator: z.string().min(1).optional(),
});
export type Metric = z.infer<typeof metricSchema>;

export const boundOps = [">=", ">", "<=", "<", "="] as const;
export type BoundOp = (typeof boundOps)[number];

export const boundSchema = z.object({
  op: z.enum(boundOps),
  /** For a rate, a fraction: 0.65 for 65%. */
  value: z.number().finite(),
});
export type Bound = z.infer<typeof boundSchema>;
