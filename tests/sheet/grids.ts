/**
 * Grids built from the seed tables (through the rubric data, whose texts are the seeds'),
 * in the seeds' layouts, for recognition tests. Variants are made by small edits of these.
 */
import type { CellValue, Grid } from "../../src/sheet/grid";
import type { Rubric } from "../../src/rubric/schema";
import sd from "../../src/rubric/builtin/sd-2023.json";
import weishan from "../../src/rubric/builtin/weishan-2023.json";
import huining from "../../src/rubric/builtin/huining-2020.json";

export const sdRubric = sd as unknown as Rubric;
export const weishanRubric = weishan as unknown as Rubric;
export const huiningRubric = huining as unknown as Rubric;

const CN = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];

/** 微山's 任务分解表: 一级指标 only on a category's first row, units in one cell. */
export function weishanGrid(): Grid {
  const values: CellValue[][] = [
    ["微山县养老服务体系创新示范县创建工作任务分解表", null, null, null, null, null],
    ["一级指标", "二级指标", "得分", "评分标准", "检查办法", "责任单位"],
  ];
  weishanRubric.categories.forEach((c, ci) => {
    c.indicators.forEach((i, ii) => {
      values.push([
        ii === 0 ? CN[ci] + "、" + c.title : null,
        i.number ? i.number + "．" + i.text : i.text,
        i.points,
        i.rule,
        i.check ?? null,
        "牵头单位：" + i.lead + "\n责任单位：" + i.responsible,
      ]);
    });
  });
  return { sheet: "任务分解表", values, merges: [{ top: 0, left: 0, bottom: 0, right: 5 }] };
}

/** 曹县's 评分细则: two-row header, 序号 and category merged down, "(共18分)" in the category cell. */
export function caoxianGrid(scores: Record<string, CellValue> = {}): Grid {
  const values: CellValue[][] = [
    ["县域养老服务体系建设指标与评分细则（2023年修订版）", null, null, null, null, null, null],
    ["序号", "指标体系", null, "分值", "评分细则", "材料提供情况", "自评得分"],
    [null, "一级指标", "二级指标", null, null, null, null],
  ];
  const merges = [
    { top: 0, left: 0, bottom: 0, right: 6 },
    { top: 1, left: 1, bottom: 1, right: 2 },
    { top: 1, left: 0, bottom: 2, right: 0 },
    { top: 1, left: 3, bottom: 2, right: 3 },
    { top: 1, left: 4, bottom: 2, right: 4 },
    { top: 1, left: 5, bottom: 2, right: 5 },
    { top: 1, left: 6, bottom: 2, right: 6 },
  ];
  sdRubric.categories.forEach((c, ci) => {
    const top = values.length;
    c.indicators.forEach((i, ii) => {
      values.push([ii === 0 ? ci + 1 : null, ii === 0 ? c.heading ?? c.title : null, c.id === "7" ? i.text : i.number + ". " + i.text, i.points, i.rule, null, scores[i.id] ?? null]);
    });
    const bottom = values.length - 1;
    if (bottom > top) merges.push({ top, left: 0, bottom, right: 0 }, { top, left: 1, bottom, right: 1 });
  });
  return { sheet: "评分细则", values, merges };
}

/** 会宁's 考核表: points in 工作内容 "（N分）", the header repeated after item 4, the 加分项目 last. */
export function huiningGrid(): Grid {
  const header: CellValue[] = ["序号", "工作内容", "工作要求", "2020年具体要求", "两年工作目标"];
  const values: CellValue[][] = [["会宁县居家和社区养老服务改革试点工作要求及考核表", null, null, null, null], header];
  const all = huiningRubric.categories.flatMap((c) => c.indicators);
  all.forEach((i, n) => {
    if (n === 4) values.push(header.slice());
    const points = i.points || i.bonus;
    const heading = i.id === "bonus.1" ? i.text + "（加分项目，" + points + "分）" : i.text + "\n\n（" + points + "分）";
    values.push([n + 1, heading, i.extra?.["工作要求"] ?? null, i.rule, i.extra?.["两年工作目标"] ?? null]);
  });
  return { sheet: "考核表", values, merges: [] };
}
