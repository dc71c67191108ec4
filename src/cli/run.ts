/**
 * `ziping <command>`: dispatch, argument errors and exit codes. Each command is a function
 * from parsed arguments to an exit code; all of them print Chinese for people and, with
 * --json, one JSON document for scripts (CONTRACTS.md).
 */
import { parseArgs } from "node:util";
import { batchCommand } from "./commands/batch";
import { deriveCommand } from "./commands/derive";
import { fillCommand } from "./commands/fill";
import { importCommand } from "./commands/import";
import { inspectCommand } from "./commands/inspect";
import { mergeCommand } from "./commands/merge";
import { rubricsCommand } from "./commands/rubrics";
import { scoreCommand } from "./commands/score";
import { splitCommand } from "./commands/split";
import { templateCommand } from "./commands/template";
import { validateCommand } from "./commands/validate";
import { sampleCommand } from "./commands/sample";
import { ConflictError } from "../own/sheets";
import { EXIT, Refusal, UsageError, type Output } from "./io";

export interface CommandArgs {
  positionals: string[];
  values: Record<string, string | boolean | undefined>;
}

interface Command {
  summary: string;
  usage: string;
  options: Record<string, { type: "string" | "boolean"; short?: string }>;
  run(args: CommandArgs, output: Output): Promise<number> | number;
}

const json = { type: "boolean" as const };
const rubric = { type: "string" as const };
const rubricFileOption = { type: "string" as const };
const outputFile = { type: "string" as const, short: "o" };
const force = { type: "boolean" as const };

const COMMANDS: Record<string, Command> = {
  rubrics: {
    summary: "列出内置评分细则",
    usage: "ziping rubrics [--json]",
    options: { json },
    run: rubricsCommand,
  },
  inspect: {
    summary: "识别工作簿中的任务分解表、评分细则或考核表，并匹配评分细则",
    usage: "ziping inspect FILE [--json] [--rubric ID | --rubric-file RUBRIC.json]",
    options: { json, rubric, "rubric-file": rubricFileOption },
    run: inspectCommand,
  },
  fill: {
    summary: "生成带自评得分公式、自评依据和指标数据的新工作簿（不改动原文件）",
    usage: "ziping fill FILE -o OUT [--rubric ID | --rubric-file RUBRIC.json] [--force] [--overwrite] [--json]",
    options: {
      json,
      rubric,
      "rubric-file": rubricFileOption,
      output: outputFile,
      overwrite: { type: "boolean" },
      force,
    },
    run: fillCommand,
  },
  score: {
    summary: "计算工作簿的自评得分（有自评依据时按依据计算，否则汇总表中填写的得分）",
    usage: "ziping score FILE [--json] [--rubric ID | --rubric-file RUBRIC.json] [--force] [--details]",
    options: { json, rubric, "rubric-file": rubricFileOption, details: { type: "boolean" }, force },
    run: scoreCommand,
  },
  validate: {
    summary: "发送前校验：列出审核时会发现的全部问题（含单元格），可另存带“校验报告”的副本",
    usage: "ziping validate FILE [--json] [--report OUT] [--rubric ID | --rubric-file RUBRIC.json] [--force]",
    options: { json, rubric, "rubric-file": rubricFileOption, report: { type: "string" }, force },
    run: validateCommand,
  },
  batch: {
    summary: "批量校验、计分并按总分排名（每个县一行），可写出汇总表",
    usage: "ziping batch FILES_OR_DIR... [--json] [-o SUMMARY.xlsx] [--rubric-file RUBRIC.json] [--force]",
    options: { json, output: outputFile, "rubric-file": rubricFileOption, force },
    run: batchCommand,
  },
  derive: {
    summary: "由工作表自身的评分语句生成评分细则（供核对后使用：--rubric-file）",
    usage: "ziping derive FILE [--sheet NAME] -o RUBRIC.json [--force] [--json]",
    options: { json, sheet: { type: "string" }, output: outputFile, force },
    run: deriveCommand,
  },
  split: {
    summary: "按责任单位拆分任务分解表，每个单位一个文件",
    usage: "ziping split FILE --by unit -o DIR [--force] [--json]",
    options: { json, by: { type: "string" }, output: outputFile, force },
    run: splitCommand,
  },
  merge: {
    summary: "把各单位报送的拆分文件按指标合并回县里的工作簿（冲突列出、不猜），并写出“进度”工作表",
    usage: "ziping merge 任务分解表.xlsx 各单位文件或文件夹... -o 汇总.xlsx [--overwrite] [--force] [--json]",
    options: { json, output: outputFile, overwrite: { type: "boolean" }, force },
    run: mergeCommand,
  },
  import: {
    summary: "导入 Word 通知（.docx，装有 LibreOffice 时也可 .doc）中的评分表，写出工作簿，并列出正文中的目标",
    usage: "ziping import NOTICE.docx -o 工作簿.xlsx [--force] [--json]",
    options: { json, output: outputFile, force },
    run: importCommand,
  },
  template: {
    summary: "按内置评分细则生成空白的自评工作簿（已带公式）",
    usage: "ziping template --rubric ID -o OUT [--force] [--json]",
    options: { json, rubric, "rubric-file": rubricFileOption, output: outputFile, force },
    run: templateCommand,
  },
  sample: {
    summary: "用随附的样例自评依据演示计分",
    usage: "ziping sample [--json] [--details]",
    options: { json, details: { type: "boolean" } },
    run: sampleCommand,
  },
};

/** node:util parseArgs's errors, said in Chinese (the option named as typed). */
function argumentError(error: unknown): string {
  const e = error as { code?: string; message?: string };
  const option = (/'(-[^']*)'/.exec(e.message ?? "")?.[1] ?? "").replace(/ <value>$/, "");
  switch (e.code) {
    case "ERR_PARSE_ARGS_UNKNOWN_OPTION":
      return "没有“" + option + "”这个选项";
    case "ERR_PARSE_ARGS_INVALID_OPTION_VALUE":
      return /argument missing/.test(e.message ?? "")
        ? "选项“" + option + "”后面需要跟一个值"
        : "选项“" + option + "”不带值";
    case "ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL":
      return "多余的参数“" + (/'([^']*)'/.exec(e.message ?? "")?.[1] ?? "") + "”";
    default:
      return "无法识别命令行参数";
  }
}

function help(): string {
  const lines = ["自评助手（ziping）— 县域养老服务体系考核自评", "", "用法："];
  for (const command of Object.values(COMMANDS)) lines.push("  " + command.usage + "\n      " + command.summary);
  return lines.join("\n") + "\n";
}

export async function run(argv: string[], output: Output): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === "help" || name === "--help" || name === "-h") {
    output.out(help());
    return name === undefined ? EXIT.usage : EXIT.ok;
  }
  const command = COMMANDS[name];
  if (!command) {
    output.err("未知命令“" + name + "”。\n" + help());
    return EXIT.usage;
  }
  try {
    let parsed: CommandArgs;
    try {
      parsed = parseArgs({ args: rest, options: command.options, allowPositionals: true, strict: true }) as CommandArgs;
    } catch (error) {
      throw new UsageError("参数有误：" + argumentError(error) + "\n用法：" + command.usage);
    }
    return await command.run(parsed, output);
  } catch (error) {
    if (error instanceof UsageError) {
      output.err(error.message + "\n");
      return EXIT.usage;
    }
    if (error instanceof ConflictError || error instanceof Refusal) {
      output.err(error.message + "\n");
      return EXIT.findings;
    }
    throw error;
  }
}
