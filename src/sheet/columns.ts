/**
 * Header words and the column roles they name. The same role is written many ways across
 * counties (得分/分值/分数/标准分; 评分标准/评分细则/评分办法; 自评得分/自评分/自评); what each
 * sheet calls its columns is read here, once.
 */
import { matchKey, memoized, withoutPoints } from "./normalize";

export const columnRoles = [
  "number",
  "category",
  "indicator",
  "points",
  "rule",
  "check",
  "units",
  "lead",
  "evidence",
  "selfScore",
  "requirement",
  "goal",
  "progress",
  "note",
  "reason",
] as const;
export type ColumnRole = (typeof columnRoles)[number];

/** Exact header words per role, as comparison keys. */
const SYNONYMS: Record<ColumnRole, string[]> = {
  number: ["序号", "编号"],
  category: ["一级指标", "考核项目", "项目类别", "类别", "考核类别", "考评类目", "考核类目", "检查项目", "评估项目"],
  indicator: [
    "二级指标",
    "三级指标",
    "工作内容",
    "考核内容",
    "指标内容",
    "工作任务",
    "重点任务",
    "考核指标",
    "指标",
    "考评内容",
    "检查内容",
    "检查内容及标准",
    "考核要求",
    "标准要求",
    "评估内容",
    "评价内容",
    "检查项目内容",
  ],
  points: ["分值", "分数", "标准分", "各项分值", "满分", "权重分", "标准分值", "分值分", "应得分"],
  rule: [
    "评分标准",
    "评分细则",
    "评分办法",
    "考核标准",
    "计分办法",
    "评分方法",
    "考核细则",
    "扣分标准",
    "考评办法",
    "考核评分办法",
    "评分标准及办法",
    "考核办法",
    "计分标准",
  ],
  check: ["检查办法", "检查方法", "考核方法", "考核方式", "核查方式", "考评方法"],
  units: [
    "责任单位",
    "责任部门",
    "责任主体",
    "牵头单位责任单位",
    "负责考核部门",
    "负责考核单位",
    "考核部门",
    "考核单位",
  ],
  lead: ["牵头单位", "牵头部门"],
  evidence: ["材料提供情况", "佐证材料", "证明材料", "材料", "支撑材料", "佐证资料"],
  selfScore: [
    "自评得分",
    "自评分",
    "自评",
    "自评分数",
    "自评分值",
    "评分",
    "实得分",
    "考核得分",
    "评定得分",
    "得分情况",
  ],
  requirement: ["工作要求"],
  goal: ["两年工作目标", "工作目标", "目标"],
  progress: ["进展情况", "完成情况", "工作进展", "进度"],
  note: ["备注", "说明"],
  reason: ["扣分原因", "扣分理由", "扣分说明", "扣分或加分原因", "扣分及原因", "存在问题"],
};

const LOOKUP = new Map<string, ColumnRole>();
for (const role of columnRoles) for (const word of SYNONYMS[role]) LOOKUP.set(matchKey(word), role);

/** "得分" is ambiguous: the points column in 微山's table, the score column in many 考评表. */
export const AMBIGUOUS_SCORE = matchKey("得分");

export const MAX_HEADER_TEXT = 24;

/** The role a header cell names, if any ("2020年具体要求" and "…具体要求" are rules too). */
export function roleOfHeader(text: string): ColumnRole | "score?" | undefined {
  // Header words are short ("2020年具体要求", "工作内容（30分）"): longer text is content.
  if (text.length > MAX_HEADER_TEXT) return undefined;
  return roleOfShortHeader(text);
}

const roleOfShortHeader = memoized((text: string): ColumnRole | "score?" | undefined => {
  const key = matchKey(withoutPoints(text));
  if (!key || key.length > 12) return undefined;
  if (key === AMBIGUOUS_SCORE) return "score?";
  const role = LOOKUP.get(key);
  if (role) return role;
  if (/具体要求$|^评分(标准|细则|办法|方法)/.test(key)) return "rule";
  if (/^(扣分|加减分)(原因|理由|说明)|原因$/.test(key)) return "reason";
  if (/^自评/.test(key)) return "selfScore";
  return undefined;
});
