/**
 * Accepting a warning with a written explanation (说明): a row "accept" | finding key | note in the
 * hidden _ziping sheet, so the explanation travels with the workbook and the validator marks the
 * warning as explained.
 */
import type { Finding } from "../../check/findings";
import { findingKey } from "../../check/validate";
import { acceptOps } from "../../own/state";
import type { WorkbookPlan } from "../../plan/plan";
import type { Grid } from "../../sheet/grid";

export function acceptPlan(grids: readonly Grid[], finding: Finding, note: string): WorkbookPlan {
  if (finding.severity === "error") throw new Error("错误不能以说明放行，请先改正");
  const ops = acceptOps(grids, findingKey(finding), note);
  return { ops, summary: ["为“" + finding.message + "”记录说明"], kept: [] };
}
