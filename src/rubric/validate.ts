/**
 * Accepting a rubric: the schema (structure), then the rules across fields — ids in order,
 * references that resolve, and points that add up. Every error names its place in Chinese
 * ("sd-2023 › 一级指标 1 › 二级指标 1.2 › 评分项 1.2.b"). Source inconsistencies recorded in
 * `discrepancies` are allowed (CONTRACTS.md); unrecorded ones reject the rubric.
 */
import type { z } from "zod";
import { byKind, maxPointsOf, metricOf, type KindFunctions } from "./criteria/index";
import { isRate, type Metric } from "./metric";
import type { Discrepancy, Indicator, Rubric } from "./schema";
import { formatPoints, sum } from "./text";
import { criterionLetter } from "./criteria/base";

export interface RubricError {
  /** The place, in Chinese: "sd-2023 › 一级指标 1 › 二级指标 1.2". */
  place: string;
  message: string;
}

export type RubricCheck = { ok: true; rubric: Rubric } | { ok: false; errors: RubricError[] };

/**
 * The rubric schema, and zod with it, loaded on the first check: what only recognizes sheets against
 * the built-in rubrics (taken as checked by the tests, builtin/data.ts) never loads zod, which is a
 * good part of the CLI's start (issue 14). A bundler includes the module all the same.
 */
let schema: typeof import("./schema") | undefined;
function schemaModule(): typeof import("./schema") {
  return schema ?? (schema = require("./schema") as typeof import("./schema"));
}

export function checkRubric(input: unknown): RubricCheck {
  const parsed = schemaModule().rubricSchema.safeParse(input);
  if (!parsed.success) return { ok: false, errors: parsed.error.issues.map((issue) => structuralError(input, issue)) };
  const errors = consistencyErrors(parsed.data);
  return errors.length ? { ok: false, errors } : { ok: true, rubric: parsed.data };
}

/** Throws with every error listed: for built-in rubrics, which must always be accepted. */
export function loadRubric(input: unknown): Rubric {
  const result = checkRubric(input);
  if (!result.ok) throw new Error("评分细则有误：\n" + formatRubricErrors(result.errors));
  return result.rubric;
}

export function formatRubricErrors(errors: RubricError[]): string {
  return errors.map((e) => e.place + "：" + e.message).join("\n");
}

// ---------------------------------------------------------------------------------------------
// Structural errors: name the place by the ids found along the issue's path in the raw input.

function idAt(value: unknown): string | undefined {
  if (typeof value === "object" && value !== null && "id" in value) {
    const id = (value as { id: unknown }).id;
    if (typeof id === "string" || typeof id === "number") return String(id);
  }
  return undefined;
}

const LEVEL_NAMES: Record<string, string> = {
  categories: "一级指标",
  indicators: "二级指标",
  criteria: "评分项",
  metrics: "指标数据",
  targets: "目标",
  options: "选项",
  items: "计数项",
  discrepancies: "不一致记录",
  bands: "分档",
};

function structuralError(input: unknown, issue: z.core.$ZodIssue): RubricError {
  const parts = [idAt(input) ?? "评分细则"];
  let node: unknown = input;
  let level = "";
  for (const key of issue.path) {
    if (typeof key === "number") {
      node = Array.isArray(node) ? node[key] : undefined;
      const id = idAt(node);
      parts.push((LEVEL_NAMES[level] ?? level) + " " + (id ?? "第" + (key + 1) + "个"));
    } else {
      level = String(key);
      node = typeof node === "object" && node !== null ? (node as Record<string, unknown>)[level] : undefined;
      if (!(level in LEVEL_NAMES)) parts.push("字段 " + level);
    }
  }
  // A list missing or of the wrong type ("categories"): named, or the place would not say which.
  const last = issue.path[issue.path.length - 1];
  if (typeof last === "string" && last in LEVEL_NAMES) parts.push("字段 " + last + "（" + LEVEL_NAMES[last] + "）");
  return { place: parts.join(" › "), message: issueText(issue, issue.path.length ? node : input) };
}

const TYPE_NAMES: Record<string, string> = {
  string: "文字",
  number: "数字",
  int: "整数",
  boolean: "true 或 false",
  array: "列表（[…]）",
  object: "对象（{…}）",
  null: "null",
};

function typeName(type: string): string {
  return TYPE_NAMES[type] ?? type;
}

function typeOf(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  return typeof value;
}

/**
 * A schema issue in Chinese: the schema's own message where it has one (they are Chinese), else
 * zod's English default said in Chinese by the issue's code (issue 14).
 */
function issueText(issue: z.core.$ZodIssue, value: unknown): string {
  if (/[\u4e00-\u9fff]/.test(issue.message)) return issue.message;
  const size = (origin: string, n: number, more: boolean, inclusive: boolean) => {
    if (origin === "string") return more ? (n <= 1 ? "不能为空" : "至少 " + n + " 个字") : "至多 " + n + " 个字";
    if (origin === "array" || origin === "set") return (more ? "至少" : "至多") + " " + n + " 项";
    return "应" + (more ? (inclusive ? "不小于 " : "大于 ") : inclusive ? "不大于 " : "小于 ") + n;
  };
  switch (issue.code) {
    case "invalid_type":
      return value === undefined
        ? "缺少此字段（应为" + typeName(issue.expected) + "）"
        : "应为" + typeName(issue.expected) + "，而这里是" + typeName(typeOf(value));
    case "too_small":
      return size(issue.origin, Number(issue.minimum), true, issue.inclusive !== false);
    case "too_big":
      return size(issue.origin, Number(issue.maximum), false, issue.inclusive !== false);
    case "invalid_value":
      return "应为以下之一：" + issue.values.map((v) => JSON.stringify(v)).join("、");
    case "unrecognized_keys":
      return "不认识的字段：" + issue.keys.join("、");
    case "invalid_format":
      return (
        "格式不对" + (issue.format === "regex" && "pattern" in issue ? "（应符合 " + String(issue.pattern) + "）" : "")
      );
    case "not_multiple_of":
      return "应为 " + String(issue.divisor) + " 的整数倍";
    case "invalid_union":
      return "不符合任何一种允许的写法（如评分项的 kind 不对）";
    default:
      return "格式不对";
  }
}

// ---------------------------------------------------------------------------------------------
// Consistency: ids, references and sums.

function allowed(
  rubric: Rubric,
  kind: Discrepancy["kind"] | Discrepancy["kind"][],
  where: { category?: string; indicator?: string }
): boolean {
  const kinds = Array.isArray(kind) ? kind : [kind];
  return rubric.discrepancies.some(
    (d) =>
      kinds.indexOf(d.kind) >= 0 &&
      (where.category === undefined || d.category === where.category) &&
      (where.indicator === undefined || d.indicator === where.indicator)
  );
}

function same(a: number, b: number): boolean {
  return Math.abs(a - b) < 1e-9;
}

const noChecks = (): string[] => [];

function repeats(values: string[]): boolean {
  return new Set(values).size !== values.length;
}

/**
 * The validation layer's registry: each kind's own rules across its fields, as messages (the place
 * is added by the caller). Rules every kind shares (letters, requires, the metric exists) are in
 * indicatorErrors.
 */
export const KIND_CHECKS: KindFunctions<[metric: Metric | undefined], string[]> = {
  flag: noChecks,
  choice: (c) => (repeats(c.options.map((o) => o.label)) ? ["选项名称重复"] : []),
  threshold: noChecks,
  perItem: (c) => (repeats(c.items.map((i) => i.id)) ? ["计数项编号重复"] : []),
  scaled: (c, metric) => (metric && !isRate(metric) ? ["按比例计分的评分项只能引用比率（%）类指标数据"] : []),
  judged: noChecks,
  deduction: noChecks,
  gate: noChecks,
};

function indicatorErrors(rubric: Rubric, indicator: Indicator, place: string): RubricError[] {
  const errors: RubricError[] = [];
  const metricIds = new Set(rubric.metrics.map((m) => m.id));
  indicator.criteria.forEach((criterion, position) => {
    const cPlace = place + " › 评分项 " + indicator.id + "." + criterion.id;
    if (criterion.id !== criterionLetter(position)) {
      errors.push({ place: cPlace, message: "评分项应按顺序编号，此处应为 " + criterionLetter(position) });
    }
    if (criterion.requires !== undefined) {
      const required = indicator.criteria.find((c) => c.id === criterion.requires);
      if (!required || required === criterion || required.kind !== "flag") {
        errors.push({ place: cPlace, message: "前提评分项 " + criterion.requires + " 不存在或不是“是否”类评分项" });
      }
    }
    const metricId = metricOf(criterion);
    if (metricId !== undefined && !metricIds.has(metricId)) {
      errors.push({ place: cPlace, message: "引用的指标数据 " + metricId + " 不存在" });
    }
    const metric = metricId === undefined ? undefined : rubric.metrics.find((m) => m.id === metricId);
    for (const message of byKind(KIND_CHECKS, criterion, metric)) errors.push({ place: cPlace, message });
    if (criterion.bonus && !indicator.bonus) {
      errors.push({ place: cPlace, message: "加分评分项所在的二级指标没有加分分值（bonus）" });
    }
  });

  const pools: Array<{ name: string; max: number; parts: number[] }> = [
    { name: "分值", max: indicator.points, parts: indicator.criteria.filter((c) => !c.bonus).map(maxPointsOf) },
    { name: "加分", max: indicator.bonus ?? 0, parts: indicator.criteria.filter((c) => c.bonus).map(maxPointsOf) },
  ];
  for (const pool of pools) {
    const total = sum(pool.parts);
    if (total === Infinity) {
      if (!allowed(rubric, "uncapped-bonus", { indicator: indicator.id })) {
        errors.push({ place, message: "评分项不设上限，须在 discrepancies 中记录（uncapped-bonus）" });
      }
    } else if (total > pool.max + 1e-9) {
      if (!allowed(rubric, ["sub-points-exceed", "uncapped-bonus"], { indicator: indicator.id })) {
        errors.push({
          place,
          message:
            "评分项合计 " + formatPoints(total) + " 分，超过本项" + pool.name + " " + formatPoints(pool.max) + " 分",
        });
      }
    } else if (total < pool.max - 1e-9) {
      errors.push({
        place,
        message:
          "评分项合计 " + formatPoints(total) + " 分，不足本项" + pool.name + " " + formatPoints(pool.max) + " 分",
      });
    }
  }
  return errors;
}

function consistencyErrors(rubric: Rubric): RubricError[] {
  const errors: RubricError[] = [];
  const root = rubric.id;
  const categoryIds = new Set<string>();
  rubric.categories.forEach((category) => {
    const place = root + " › 一级指标 " + category.id;
    if (categoryIds.has(category.id)) errors.push({ place, message: "一级指标编号重复" });
    categoryIds.add(category.id);
    category.indicators.forEach((indicator, position) => {
      const iPlace = place + " › 二级指标 " + indicator.id;
      const expected = category.id + "." + (position + 1);
      if (indicator.id !== expected)
        errors.push({ place: iPlace, message: "二级指标应按顺序编号，此处应为 " + expected });
      errors.push(...indicatorErrors(rubric, indicator, iPlace));
    });
    const base = sum(category.indicators.map((i) => i.points));
    const bonus = sum(category.indicators.map((i) => i.bonus ?? 0));
    const differs = !same(base, category.points) || !same(bonus, category.bonus ?? 0);
    if (differs && !allowed(rubric, "category-points-differ", { category: category.id })) {
      errors.push({
        place,
        message:
          "二级指标合计 " +
          formatPoints(base) +
          " 分（加分 " +
          formatPoints(bonus) +
          " 分），与一级指标的 " +
          formatPoints(category.points) +
          " 分（加分 " +
          formatPoints(category.bonus ?? 0) +
          " 分）不符",
      });
    }
  });
  const base = sum(rubric.categories.map((c) => c.points));
  const bonus = sum(rubric.categories.map((c) => c.bonus ?? 0));
  if ((!same(base, rubric.points) || !same(bonus, rubric.bonus)) && !allowed(rubric, "total-differs", {})) {
    errors.push({
      place: root,
      message:
        "一级指标合计 " +
        formatPoints(base) +
        " 分（加分 " +
        formatPoints(bonus) +
        " 分），与总分 " +
        formatPoints(rubric.points) +
        " 分（加分 " +
        formatPoints(rubric.bonus) +
        " 分）不符",
    });
  }
  const metricIds = new Set<string>();
  for (const metric of rubric.metrics) {
    if (metricIds.has(metric.id))
      errors.push({ place: root + " › 指标数据 " + metric.id, message: "指标数据编号重复" });
    metricIds.add(metric.id);
  }
  const targetIds = new Set<string>();
  for (const target of rubric.targets) {
    const place = root + " › 目标 " + target.id;
    if (targetIds.has(target.id)) errors.push({ place, message: "目标编号重复" });
    targetIds.add(target.id);
    if (!metricIds.has(target.metric)) errors.push({ place, message: "引用的指标数据 " + target.metric + " 不存在" });
  }
  for (const d of rubric.discrepancies) {
    const exists =
      (d.indicator === undefined || rubric.categories.some((c) => c.indicators.some((i) => i.id === d.indicator))) &&
      (d.category === undefined || categoryIds.has(d.category));
    if (!exists)
      errors.push({
        place: root + " › 不一致记录",
        message: "记录引用的指标 " + (d.indicator ?? d.category) + " 不存在",
      });
  }
  return errors;
}
