import { builtinRubrics } from "../builtinRubrics";
import { formatPoints } from "../../rubric/text";
import { EXIT, printJson, type Output } from "../io";
import type { CommandArgs } from "../run";

export function rubricsCommand(args: CommandArgs, output: Output): number {
  const rows = builtinRubrics.map((r) => ({ id: r.id, title: r.title, points: r.points, bonus: r.bonus }));
  if (args.values.json) {
    printJson(output, rows);
    return EXIT.ok;
  }
  for (const r of builtinRubrics) {
    const points =
      r.layout === "targets"
        ? "仅含目标 " + r.targets.length + " 项"
        : "满分 " + formatPoints(r.points) + " 分" + (r.bonus ? "，加分 " + formatPoints(r.bonus) + " 分" : "");
    output.out(r.id + "\t" + r.title + "（" + r.region + "，" + points + "）\n");
  }
  return EXIT.ok;
}
