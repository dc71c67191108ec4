/**
 * `ziping <command>`: dispatch, argument errors and exit codes. Each command is a function
 * from parsed arguments to an exit code; all of them print Chinese for people and, with
 * --json, one JSON document for scripts (CONTRACTS.md).
 */
import { parseArgs } from "node:util";
import { rubricsCommand } from "./commands/rubrics";
import { sampleCommand } from "./commands/sample";
import { EXIT, UsageError, type Output } from "./io";

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

const COMMANDS: Record<string, Command> = {
  rubrics: {
    summary: "列出内置评分细则",
    usage: "ziping rubrics [--json]",
    options: { json },
    run: rubricsCommand,
  },
  sample: {
    summary: "用随附的样例自评依据演示计分",
    usage: "ziping sample [--json] [--details]",
    options: { json, details: { type: "boolean" } },
    run: sampleCommand,
  },
};

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
      throw new UsageError("参数有误：" + (error instanceof Error ? error.message : String(error)) + "\n用法：" + command.usage);
    }
    return await command.run(parsed, output);
  } catch (error) {
    if (error instanceof UsageError) {
      output.err(error.message + "\n");
      return EXIT.usage;
    }
    throw error;
  }
}
