/**
 * What makes a WorkbookPlan op impossible to apply (in Office.js, in WPS 表格 or to an .xlsx file),
 * said in Chinese before anything is written: a bad address, colour or number, a sheet name Excel and
 * WPS refuse, a list longer than they keep, a sheet that will not exist. Pure: the three adapters call
 * it, each wrapping the reason in its own error, so none of them checks a plan in words of its own. The switch is exhaustive: a new op kind does not compile until it is
 * checked here.
 */
import type { CellStyle, PlanOp, PlanValue, WorkbookPlan } from "../plan/plan";
import { parseA1, parseArea } from "../sheet/grid";

/** Excel's (and WPS's) limit on an inline list ("是,否"). */
export const LIST_MAX = 255;

function colorProblem(c: string | undefined): string | undefined {
  if (c === undefined) return undefined;
  return /^#?[0-9a-fA-F]{6}$/.test(c) ? undefined : `颜色应为 #RRGGBB：${c}`;
}

function styleProblem(s: CellStyle | undefined): string | undefined {
  if (!s) return undefined;
  return colorProblem(s.fill) || colorProblem(s.fontColor);
}

function valueProblem(v: PlanValue | undefined): string | undefined {
  if (typeof v === "number" && !Number.isFinite(v)) return `数值无效（${v}）`;
  if (typeof v === "string" && v.length > 32767) return "文字超过 Excel 的 32767 字符上限";
  return undefined;
}

function rangeProblem(range: string): string | undefined {
  return parseArea(range) ? undefined : `区域地址无效：${range}`;
}

function cellProblem(cell: string, what: string): string | undefined {
  try {
    parseA1(cell.trim());
    return undefined;
  } catch {
    return `${what}无效：${cell}`;
  }
}

/** Why `op` cannot be applied, or undefined when it can. */
export function planOpProblem(op: PlanOp): string | undefined {
  if (typeof op.sheet !== "string" || !op.sheet) return "没有工作表名";
  switch (op.op) {
    case "addSheet":
      if (op.sheet.length > 31 || /[[\]:*?/\\]/.test(op.sheet))
        return `工作表名不能超过 31 个字符，也不能含 [ ] : * ? / \\`;
      return undefined;
    case "clearSheet":
      return undefined;
    case "set": {
      const bad = cellProblem(op.cell, "单元格地址");
      if (bad) return bad;
      if (op.formula !== undefined && !op.formula.trim().replace(/^=/, "").trim())
        return `单元格 ${op.cell} 的公式为空`;
      if (op.link) {
        const badLink = cellProblem(op.link.cell, "链接目标地址");
        if (badLink) return badLink;
      }
      return valueProblem(op.value) || styleProblem(op.style);
    }
    case "style":
      return rangeProblem(op.range) || styleProblem(op.style);
    case "validation": {
      const bad = rangeProblem(op.range);
      if (bad) return bad;
      const rule = op.rule;
      if (rule.type === "list") {
        if (!rule.values.length) return "下拉列表没有选项";
        for (const v of rule.values)
          if (v === "" || /[,"]/.test(v)) return `下拉列表的选项不能为空或含英文逗号、引号：${JSON.stringify(v)}`;
        const list = rule.values.join(",");
        if (list.length > LIST_MAX) return `下拉列表的选项合计 ${list.length} 字符，超过 Excel 的 ${LIST_MAX} 字符上限`;
        return undefined;
      }
      if (!Number.isFinite(rule.min)) return `下限无效：${rule.min}`;
      if (rule.type === "decimal" || rule.max !== undefined) {
        const max = rule.max as number;
        if (!Number.isFinite(max) || rule.min > max) return `范围无效：${rule.min}～${max}`;
      }
      return undefined;
    }
    case "conditionalFormat":
      if (!op.formula.trim().replace(/^=/, "").trim()) return "条件格式的公式为空";
      return rangeProblem(op.range) || colorProblem(op.style.fill) || colorProblem(op.style.fontColor);
    case "cache":
      return cellProblem(op.cell, "单元格地址");
    case "merge":
      return rangeProblem(op.range);
    case "freeze":
      if (!(Number.isInteger(op.rows) && op.rows >= 0 && Number.isInteger(op.columns) && op.columns >= 0))
        return `冻结的行列数无效：${op.rows} 行 ${op.columns} 列`;
      return undefined;
    default: {
      const never: never = op;
      return "未知操作：" + JSON.stringify(never);
    }
  }
}

/** "计划第 3 步（set 自评依据）无法应用：…" */
export function planOpFailure(index: number, op: PlanOp, reason: string): string {
  return `计划第 ${index + 1} 步（${op.op} ${op.sheet}）无法应用：${reason}`;
}

/** A plan's first op that cannot be applied: where, and why in Chinese. */
export interface PlanOpProblem {
  index: number;
  op: PlanOp;
  reason: string;
}

/** The first op of a plan that cannot be applied, or undefined when every op can be. */
export function firstPlanProblem(plan: WorkbookPlan): PlanOpProblem | undefined {
  for (let i = 0; i < plan.ops.length; i++) {
    const reason = planOpProblem(plan.ops[i]);
    if (reason) return { index: i, op: plan.ops[i], reason };
  }
  return undefined;
}

/** The first problem of a plan, as its Chinese sentence, or undefined when every op can be applied. */
export function planProblem(plan: WorkbookPlan): string | undefined {
  const problem = firstPlanProblem(plan);
  return problem && planOpFailure(problem.index, problem.op, problem.reason);
}

/**
 * With the workbook's sheet names known: the first op whose sheet (or whose link's sheet) will not
 * exist when the op runs, as its Chinese sentence.
 */
export function missingSheetProblem(plan: WorkbookPlan, existing: Iterable<string>): string | undefined {
  const problem = firstMissingSheet(plan, existing);
  return problem && planOpFailure(problem.index, problem.op, problem.reason);
}

/** The first op whose sheet (or whose link's sheet) will not exist when it runs. */
export function firstMissingSheet(plan: WorkbookPlan, existing: Iterable<string>): PlanOpProblem | undefined {
  const known = new Set(existing);
  const added = new Set(plan.ops.filter((o) => o.op === "addSheet").map((o) => o.sheet));
  for (let i = 0; i < plan.ops.length; i++) {
    const op = plan.ops[i];
    if (op.op === "addSheet") known.add(op.sheet);
    else if (!known.has(op.sheet)) return { index: i, op, reason: `没有名为“${op.sheet}”的工作表` };
    if (op.op === "set" && op.link && !known.has(op.link.sheet) && !added.has(op.link.sheet))
      return { index: i, op, reason: `链接指向的工作表“${op.link.sheet}”不存在` };
  }
  return undefined;
}
