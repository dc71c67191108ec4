/**
 * An evidence file: a rubric id and the values a county entered, as JSON — the engine's input
 * outside a workbook (the bundled sample, scripts). Checked by zod so a bad file is reported.
 */
import { z } from "zod";
import type { Evidence } from "./engine";

export const evidenceFileSchema = z.object({
  rubric: z.string().min(1),
  values: z.record(z.string(), z.unknown()).default({}),
  metrics: z.record(z.string(), z.unknown()).default({}),
});

export type EvidenceFile = z.infer<typeof evidenceFileSchema>;

export function toEvidence(file: EvidenceFile): Evidence {
  return { values: file.values, metrics: file.metrics };
}
