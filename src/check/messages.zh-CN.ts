/**
 * The Chinese text of every finding, from its code and params: one switch, exhaustive over the
 * codes (a new code that is not translated here does not compile).
 */
import type { FindingCode, FindingParams } from "./findings";

function p(params: FindingParams, key: string): string {
  const v = params[key];
  return v === null || v === undefined ? "" : String(v);
}

export function renderMessage(code: FindingCode, params: FindingParams, cell: string): string {
  const at = cell ? cell + " " : "";
  switch (code) {
    case "score.blank":
      return at + "自评得分未填写（" + p(params, "indicator") + "，满分 " + p(params, "max") + " 分）";
    case "score.not-number":
      return at + "自评得分“" + p(params, "value") + "”不是数字";
    case "score.unit-text":
      return (
        at +
        "自评得分“" +
        p(params, "value") +
        "”是文字，表中合计按 0 分计（Excel、WPS 的求和不计文字）；请改为数字 " +
        p(params, "read")
      );
    case "score.no-evidence":
      return at + p(params, "indicator") + "：自评依据一项也未填写，本项得分是公式按空白计算的结果，尚不能报送";
    case "score.over-max":
      return at + "自评得分 " + p(params, "value") + " 超过本项分值 " + p(params, "max");
    case "score.negative":
      return at + "自评得分 " + p(params, "value") + " 不能为负数";
    case "score.step":
      return at + "自评得分 " + p(params, "value") + " 不是 " + p(params, "step") + " 分的整数倍";
    case "score.column-missing":
      return "工作表“" + p(params, "sheet") + "”没有“自评得分”列";
    case "total.mismatch":
      return at + p(params, "what") + " " + p(params, "value") + " 与各项之和 " + p(params, "sum") + " 不符";
    case "rubric.points-differ":
      return (
        at +
        "表中分值 " +
        p(params, "sheet") +
        " 与评分细则 " +
        p(params, "indicator") +
        " 的 " +
        p(params, "rubric") +
        " 分不同"
      );
    case "rubric.sub-points-exceed":
      return (
        at +
        "评分细则 " +
        p(params, "indicator") +
        " 各项要求合计 " +
        p(params, "parts") +
        " 分，超过本项 " +
        p(params, "points") +
        " 分（原文：" +
        p(params, "quote") +
        "），按 " +
        p(params, "points") +
        " 分封顶"
      );
    case "rubric.category-points-differ":
      return (
        at +
        "一级指标“" +
        p(params, "category") +
        "”标注 " +
        p(params, "stated") +
        " 分，所含二级指标合计 " +
        p(params, "sum") +
        " 分"
      );
    case "rubric.total-differs":
      return "文件标注的总分 " + p(params, "stated") + " 与评分细则各项合计 " + p(params, "sum") + " 不符";
    case "rubric.uncapped-bonus":
      return (
        at +
        "评分细则 " +
        p(params, "indicator") +
        " 的加分不设上限（原文：" +
        p(params, "quote") +
        "），按本项分值 " +
        p(params, "points") +
        " 分封顶"
      );
    case "rubric.indicator-missing":
      return "表中缺少评分细则的指标 " + p(params, "indicator") + "：" + p(params, "text");
    case "rubric.unknown-row":
      return at + "第 " + p(params, "row") + " 行不是评分细则中的指标：" + p(params, "text");
    case "rubric.criterion-unparsed":
      return at + "评分项“" + p(params, "text") + "”未能自动解析，待确认";
    case "threshold.unmet":
      return at + p(params, "metric") + " " + p(params, "value") + "，未达到" + p(params, "bound");
    case "evidence.unsupported":
      return (
        at +
        "自评得分 " +
        p(params, "value") +
        " 高于自评依据支持的 " +
        p(params, "supported") +
        " 分（" +
        p(params, "indicator") +
        "）"
      );
    case "evidence.missing":
      return at + "已自评 " + p(params, "value") + " 分，但“" + p(params, "column") + "”未填写";
    case "evidence.not-number":
      return (
        at +
        "“" +
        p(params, "value") +
        "”" +
        (p(params, "read") ? "是文字，按 " + p(params, "read") + " 计；公式无法计算文字，请填写数字" : "不是数字")
      );
    case "evidence.rate-over-100":
      return at + p(params, "name") + " 超过 100%，请核对";
    case "evidence.out-of-range":
      return (
        at +
        "填写 " +
        p(params, "value") +
        "，应在 " +
        p(params, "min") +
        "–" +
        p(params, "max") +
        " 之间、步长 " +
        p(params, "step") +
        "，按允许的值计分"
      );
    case "evidence.not-an-option":
      return (
        at +
        "“" +
        p(params, "value") +
        "”" +
        (p(params, "options") ? "不是可选项（" + p(params, "options") + "）" : "不是“是”或“否”")
      );
    case "formula.error":
      return at + p(params, "what") + "出现错误值 " + p(params, "error");
    case "unit.missing":
      return at + "第 " + p(params, "row") + " 行未填写牵头单位或责任单位";
    default: {
      const unreachable: never = code;
      return unreachable;
    }
  }
}

/** What kind of problem each code is, in a few words: the 问题 column of 校验报告 and of lists. */
export const CODE_TITLES: Record<FindingCode, string> = {
  "score.blank": "自评得分未填写",
  "score.not-number": "自评得分不是数字",
  "score.unit-text": "自评得分是文字",
  "score.over-max": "自评得分超过分值",
  "score.negative": "自评得分为负数",
  "score.step": "自评得分不合步长",
  "score.column-missing": "缺少自评得分列",
  "score.no-evidence": "自评依据未填写",
  "total.mismatch": "合计不符",
  "rubric.points-differ": "分值与细则不同",
  "rubric.sub-points-exceed": "细则各项超过分值",
  "rubric.category-points-differ": "一级指标分值不符",
  "rubric.total-differs": "总分不符",
  "rubric.uncapped-bonus": "加分未设上限",
  "rubric.indicator-missing": "表中缺少指标",
  "rubric.unknown-row": "表中多出的行",
  "rubric.criterion-unparsed": "评分项待确认",
  "threshold.unmet": "未达标",
  "evidence.unsupported": "得分高于依据",
  "evidence.missing": "缺少佐证材料",
  "evidence.not-number": "数字填成了文字",
  "evidence.rate-over-100": "比率超过100%",
  "evidence.out-of-range": "超出范围",
  "evidence.not-an-option": "不是可选项",
  "formula.error": "公式错误",
  "unit.missing": "缺少牵头单位",
};
