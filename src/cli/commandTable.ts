/**
 * The one table of `ziping`'s commands: for each, its positional arguments and its options (type,
 * value name, Chinese description, whether required). The parser's configuration (node:util
 * parseArgs), the one-line usage printed with an argument error and the help (`ziping help`,
 * `ziping <命令> --help`) are all made from it, so what is advertised is what is accepted.
 *
 * This module loads nothing heavy: each command's code (and exceljs, JSZip, the built-in rubrics …
 * with it) is required only when that command runs.
 */
import type { Output } from "./io";

export interface CommandArgs {
  positionals: string[];
  values: Record<string, string | boolean | undefined>;
}

export type CommandRunner = (args: CommandArgs, output: Output) => Promise<number> | number;

export interface OptionSpec {
  /** The long name, without "--". */
  name: string;
  short?: string;
  type: "string" | "boolean";
  /** The value's name in the usage ("输出.xlsx"); string options only. */
  value?: string;
  /** What the option does, in Chinese. */
  description: string;
  /** Shown without brackets: the command refuses to run without it. */
  required?: boolean;
  /** Options of one group are alternatives, shown as one "[--a 甲 | --b 乙]". */
  group?: string;
}

export interface PositionalSpec {
  /** Its name in the usage ("工作簿.xlsx"). */
  name: string;
  /** Any number of them (at least one), shown as "名称...". */
  many?: boolean;
  /** Said when more are given than the command takes (default: "多余的参数“…”"). */
  tooMany?: string;
}

export interface CommandSpec {
  name: string;
  summary: string;
  positionals: PositionalSpec[];
  options: OptionSpec[];
  /** The command's code, loaded when it runs. */
  load(): CommandRunner;
}

// --- the options several commands share -------------------------------------------------------

const json: OptionSpec = { name: "json", type: "boolean", description: "输出 JSON（供脚本使用），不输出说明文字" };
const rubric: OptionSpec = {
  name: "rubric",
  type: "string",
  value: "细则编号",
  description: "按指定的内置评分细则处理（编号用 ziping rubrics 查看）",
  group: "rubric",
};
const rubricFile: OptionSpec = {
  name: "rubric-file",
  type: "string",
  value: "细则.json",
  description: "按评分细则文件处理（如 ziping derive 生成、经核对的文件）",
  group: "rubric",
};
const FORCE_WRITE = "已存在的、不是自评助手写出的文件也覆盖";
const FORCE_RUBRIC = "指定的评分细则与表格不相符时也照样处理";
/** --force where a command writes a file (and, with `rubric`, where it is given a rubric). */
const force = (how: { write?: boolean; rubric?: boolean }): OptionSpec => ({
  name: "force",
  type: "boolean",
  description: [how.write ? FORCE_WRITE : "", how.rubric ? FORCE_RUBRIC : ""].filter(Boolean).join("；"),
});
const forceWrite = force({ write: true });
const overwrite: OptionSpec = {
  name: "overwrite",
  type: "boolean",
  description: "表中已填写的内容也改为自评助手写出的（默认保留并列出）",
};
const details: OptionSpec = { name: "details", type: "boolean", description: "列出每个指标的得分" };
const output = (value: string, description: string, required = true): OptionSpec => ({
  name: "output",
  short: "o",
  type: "string",
  value,
  description,
  required,
});

/** A command module's runner, required when the command runs. */
function lazy<M>(load: () => M, pick: (m: M) => CommandRunner): () => CommandRunner {
  return () => pick(load());
}

export const COMMANDS: readonly CommandSpec[] = [
  {
    name: "rubrics",
    summary: "列出内置评分细则",
    positionals: [],
    options: [json],
    load: lazy(
      () => require("./commands/rubrics") as typeof import("./commands/rubrics"),
      (m) => m.rubricsCommand
    ),
  },
  {
    name: "inspect",
    summary: "识别工作簿中的任务分解表、评分细则或考核表，并匹配评分细则",
    positionals: [{ name: "工作簿.xlsx" }],
    options: [json, rubric, rubricFile],
    load: lazy(
      () => require("./commands/inspect") as typeof import("./commands/inspect"),
      (m) => m.inspectCommand
    ),
  },
  {
    name: "fill",
    summary: "生成带自评得分公式、自评依据和指标数据的新工作簿（不改动原文件）",
    positionals: [{ name: "工作簿.xlsx" }],
    options: [
      output("输出.xlsx", "写出的新工作簿"),
      rubric,
      rubricFile,
      force({ write: true, rubric: true }),
      { ...overwrite, description: "表中已填写的自评得分也改为按自评依据计算的公式（默认保留并列出）" },
      json,
    ],
    load: lazy(
      () => require("./commands/fill") as typeof import("./commands/fill"),
      (m) => m.fillCommand
    ),
  },
  {
    name: "score",
    summary: "计算工作簿的自评得分（有自评依据时按依据计算，否则汇总表中填写的得分）",
    positionals: [{ name: "工作簿.xlsx" }],
    options: [json, rubric, rubricFile, force({ rubric: true }), details],
    load: lazy(
      () => require("./commands/score") as typeof import("./commands/score"),
      (m) => m.scoreCommand
    ),
  },
  {
    name: "validate",
    summary: "发送前校验：列出审核时会发现的全部问题（含单元格），可另存带“校验报告”的副本",
    positionals: [{ name: "工作簿.xlsx" }],
    options: [
      json,
      {
        name: "report",
        type: "string",
        value: "报告.xlsx",
        description: "另存一份带“校验报告”工作表并标色的副本（原文件不改动）",
      },
      rubric,
      rubricFile,
      force({ write: true, rubric: true }),
    ],
    load: lazy(
      () => require("./commands/validate") as typeof import("./commands/validate"),
      (m) => m.validateCommand
    ),
  },
  {
    name: "batch",
    summary: "批量校验、计分并按总分排名（每个县一行），可写出汇总表",
    positionals: [{ name: "文件或文件夹", many: true }],
    options: [json, output("汇总.xlsx", "写出汇总表", false), rubric, rubricFile, force({ write: true, rubric: true })],
    load: lazy(
      () => require("./commands/batch") as typeof import("./commands/batch"),
      (m) => m.batchCommand
    ),
  },
  {
    name: "derive",
    summary: "由工作表自身的评分语句生成评分细则（供核对后使用：--rubric-file）",
    positionals: [{ name: "工作簿.xlsx" }],
    options: [
      { name: "sheet", type: "string", value: "工作表名", description: "只看这个工作表（默认第一个可用的）" },
      output("细则.json", "写出的评分细则文件（.json）"),
      forceWrite,
      json,
    ],
    load: lazy(
      () => require("./commands/derive") as typeof import("./commands/derive"),
      (m) => m.deriveCommand
    ),
  },
  {
    name: "split",
    summary: "按责任单位拆分任务分解表，每个单位一个文件",
    positionals: [{ name: "工作簿.xlsx" }],
    options: [
      {
        name: "by",
        type: "string",
        value: "unit",
        description: "拆分方式：unit，按牵头单位、责任单位（目前只有这一种）",
      },
      output("文件夹", "写出各单位文件的文件夹"),
      forceWrite,
      json,
    ],
    load: lazy(
      () => require("./commands/split") as typeof import("./commands/split"),
      (m) => m.splitCommand
    ),
  },
  {
    name: "merge",
    summary: "把各单位报送的拆分文件按指标合并回县里的工作簿（冲突列出、不猜），并写出“进度”工作表",
    positionals: [{ name: "任务分解表.xlsx" }, { name: "各单位文件或文件夹", many: true }],
    options: [
      output("汇总.xlsx", "写出的合并后的工作簿"),
      { ...overwrite, description: "县里已填写的内容也改为单位报送的（默认保留并列出）" },
      forceWrite,
      json,
    ],
    load: lazy(
      () => require("./commands/merge") as typeof import("./commands/merge"),
      (m) => m.mergeCommand
    ),
  },
  {
    name: "import",
    summary: "导入 Word 通知（.docx，装有 LibreOffice 时也可 .doc）中的评分表，写出工作簿，并列出正文中的目标",
    positionals: [{ name: "通知.docx", tooMany: "一次只能导入一个文档" }],
    options: [output("工作簿.xlsx", "写出的工作簿"), forceWrite, json],
    load: lazy(
      () => require("./commands/import") as typeof import("./commands/import"),
      (m) => m.importCommand
    ),
  },
  {
    name: "template",
    summary: "按内置评分细则生成空白的自评工作簿（已带公式）",
    positionals: [],
    options: [
      { ...rubric, required: true },
      { ...rubricFile, required: true },
      output("输出.xlsx", "写出的空白工作簿"),
      forceWrite,
      json,
    ],
    load: lazy(
      () => require("./commands/template") as typeof import("./commands/template"),
      (m) => m.templateCommand
    ),
  },
  {
    name: "sample",
    summary: "用随附的样例自评依据演示计分",
    positionals: [],
    options: [json, details],
    load: lazy(
      () => require("./commands/sample") as typeof import("./commands/sample"),
      (m) => m.sampleCommand
    ),
  },
];

/** `-h`/`--help` after any command: that command's help. */
export const HELP_OPTION: OptionSpec = { name: "help", short: "h", type: "boolean", description: "显示本命令的说明" };

export function commandSpec(name: string): CommandSpec | undefined {
  return COMMANDS.find((c) => c.name === name);
}

function specOf(command: CommandSpec | string): CommandSpec {
  const spec = typeof command === "string" ? commandSpec(command) : command;
  if (!spec) throw new Error("no command " + String(command));
  return spec;
}

/** node:util parseArgs's `options` for a command: its table's options and --help. */
export function parserOptions(
  command: CommandSpec | string
): Record<string, { type: "string" | "boolean"; short?: string }> {
  const options: Record<string, { type: "string" | "boolean"; short?: string }> = {};
  for (const o of specOf(command).options.concat(HELP_OPTION))
    options[o.name] = o.short ? { type: o.type, short: o.short } : { type: o.type };
  return options;
}

function optionWord(o: OptionSpec): string {
  const flag = o.short ? "-" + o.short : "--" + o.name;
  return o.type === "string" ? flag + " " + o.value : flag;
}

/** The one-line usage: "ziping fill 工作簿.xlsx -o 输出.xlsx [--rubric 细则编号 | --rubric-file 细则.json] …". */
export function usage(command: CommandSpec | string): string {
  const spec = specOf(command);
  const words = ["ziping", spec.name];
  for (const p of spec.positionals) words.push(p.many ? p.name + "..." : p.name);
  const done = new Set<string>();
  for (const o of spec.options) {
    if (o.group) {
      if (done.has(o.group)) continue;
      done.add(o.group);
      const group = spec.options.filter((g) => g.group === o.group);
      const inner = group.map(optionWord).join(" | ");
      words.push(group.some((g) => g.required) ? "(" + inner + ")" : "[" + inner + "]");
    } else words.push(o.required ? optionWord(o) : "[" + optionWord(o) + "]");
  }
  return words.join(" ");
}

/** Display width: a CJK character takes two columns in a terminal. */
function width(text: string): number {
  let n = 0;
  for (const ch of text) n += /[\u2e80-\u9fff\uff00-\uffef\u3000-\u303f]/.test(ch) ? 2 : 1;
  return n;
}

/** `ziping <命令> --help`: the usage, what the command does, and every option it accepts. */
export function commandHelp(command: CommandSpec | string): string {
  const spec = specOf(command);
  const rows = spec.options.concat(HELP_OPTION).map((o) => {
    const long = "--" + o.name + (o.type === "string" ? " " + o.value : "");
    const others = spec.options.filter((g) => o.group && g.group === o.group && g !== o).map((g) => "--" + g.name);
    const required = o.required ? "；必填" + (others.length ? "（与 " + others.join("、") + " 二选一）" : "") : "";
    return { left: o.short ? "-" + o.short + ", " + long : long, right: o.description + required };
  });
  const pad = Math.max(...rows.map((r) => width(r.left))) + 2;
  return (
    "用法：" +
    usage(spec) +
    "\n" +
    spec.summary +
    "\n\n选项：\n" +
    rows.map((r) => "  " + r.left + " ".repeat(pad - width(r.left)) + r.right + "\n").join("")
  );
}

/** `ziping help`: every command's usage and summary. */
export function help(): string {
  const lines = ["自评助手（ziping）— 县域养老服务体系考核自评", "", "用法："];
  for (const command of COMMANDS) lines.push("  " + usage(command) + "\n      " + command.summary);
  lines.push("", "各命令的选项：ziping <命令> --help");
  return lines.join("\n") + "\n";
}
