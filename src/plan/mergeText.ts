/**
 * What a merge says, line by line, in the words `ziping merge` prints and the pane's 合并各单位报送
 * and 进度 show: one module, so both say the same thing of the same files. Pure.
 */
import {
  canonical,
  type IndicatorProgress,
  type MergeConflict,
  type MergedFile,
  type MergeIgnored,
  type MergeKept,
  type UnitProgress,
} from "./merge";

export const CONFLICTS_HEADING = "冲突：以下单元格有两个以上单位填写不同，未写入，请核对后在工作簿中填写：";
export const IGNORED_HEADING = "未采用：";
/** The heading of the cells the county typed that the merge keeps; `hint` says how to replace them. */
export function keptHeading(hint?: string): string {
  return "县里已填写的内容保留未改" + (hint ? "（" + hint + "）" : "") + "：";
}

/** A value as listed: its text, cut at 40 characters. */
export function shownValue(value: unknown): string {
  const text = canonical(value as never);
  return text.length > 40 ? text.slice(0, 40) + "…" : text;
}

function place(x: { sheet: string; cell: string; indicator?: string }): string {
  return x.sheet + "!" + x.cell + (x.indicator ? " " + x.indicator : "");
}

export function rejectedText(r: { file: string; reason: string }): string {
  return "未合并 " + r.file + "：" + r.reason;
}

export function conflictText(c: MergeConflict): string {
  return place(c) + " " + c.column + "：" + c.values.map((v) => v.unit + "“" + shownValue(v.value) + "”").join("；");
}

export function keptText(k: MergeKept): string {
  return (
    place(k) + " " + k.column + "：县里“" + shownValue(k.county) + "”，" + k.unit + "报送“" + shownValue(k.value) + "”"
  );
}

export function ignoredText(i: MergeIgnored): string {
  return i.unit + "（" + i.file + "）" + place(i) + "：" + i.reason;
}

/** "分到 31 行，报送 30 行，已填完成情况 2 行，有佐证材料 1 行，尚未填报 29 行": a unit's figures. */
export function unitFigures(u: UnitProgress): string {
  return (
    "分到 " +
    u.assigned +
    " 行，报送 " +
    u.returned +
    " 行，已填完成情况 " +
    u.answered +
    " 行，有佐证材料 " +
    u.evidence +
    " 行，尚未填报 " +
    u.owing +
    " 行"
  );
}

/** "最后合并：县民政局.xlsx（2023-10-12 09:30）", or "未报送". */
export function unitLastFile(u: UnitProgress): string {
  return u.file ? "最后合并：" + u.file + (u.modified ? "（" + u.modified + "）" : "") : "未报送";
}

/** A unit's line of 进度: "县民政局：分到 31 行，…；最后合并：县民政局.xlsx（2023-10-12 09:30）". */
export function unitProgressText(u: UnitProgress): string {
  return u.unit + "：" + unitFigures(u) + "；" + unitLastFile(u);
}

/** The unit's rows its file lacks (deleted), or undefined when none. */
export function missingText(missing: MergedFile["missing"]): string | undefined {
  if (!missing.length) return undefined;
  return (
    "文件中缺少分给本单位的 " +
    missing.length +
    " 行：" +
    missing.map((x) => "第 " + x.row + " 行" + (x.indicator ? "（" + x.indicator + "）" : "")).join("、")
  );
}

/** How many indicators some unit still owes. */
export function owingText(indicators: readonly IndicatorProgress[]): string {
  const owing = indicators.filter((i) => i.owing.length).length;
  return owing ? owing + " 项指标尚有单位未填报，见“进度”工作表" : "各项指标均已填报";
}
