import { readFileSync } from "node:fs";
import { join } from "node:path";
import { findBuiltinRubric } from "../../rubric/builtin/index";
import { scoreRubric } from "../../rubric/engine";
import { evidenceFileSchema, toEvidence } from "../../rubric/evidenceFile";
import { EXIT, printJson, UsageError, type Output } from "../io";
import { renderScore } from "../render";
import type { CommandArgs } from "../run";
import { scoreJson } from "../scoreJson";

/** The bundled sample evidence set (assets/samples), found from dist/cli or src/cli alike. */
export const SAMPLE_EVIDENCE = join(__dirname, "..", "..", "..", "assets", "samples", "曹县-自评依据样例.json");

export function sampleCommand(args: CommandArgs, output: Output): number {
  const parsed = evidenceFileSchema.safeParse(JSON.parse(readFileSync(SAMPLE_EVIDENCE, "utf8")));
  if (!parsed.success) throw new UsageError("样例自评依据格式有误：" + parsed.error.message);
  const rubric = findBuiltinRubric(parsed.data.rubric);
  if (!rubric) throw new UsageError("样例引用了不存在的评分细则：" + parsed.data.rubric);
  const score = scoreRubric(rubric, toEvidence(parsed.data));
  if (args.values.json) printJson(output, { file: SAMPLE_EVIDENCE, ...scoreJson(score, rubric) });
  else output.out("样例：" + SAMPLE_EVIDENCE + "\n" + renderScore(score, { details: args.values.details === true }));
  return EXIT.ok;
}
