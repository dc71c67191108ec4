/**
 * `ziping <command>`: dispatch, argument errors and exit codes. Each command is a function
 * from parsed arguments to an exit code; all of them print Chinese for people and, with
 * --json, one JSON document for scripts (CONTRACTS.md).
 */
import { parseArgs } from "node:util";
import { commandHelp, commandSpec, help, parserOptions, usage, type CommandArgs } from "./commandTable";
import { ConflictError } from "../own/sheets";
import { EXIT, Refusal, UsageError, type Output } from "./io";

export type { CommandArgs } from "./commandTable";

/** node:util parseArgs's errors, said in Chinese (the option named as typed). */
function argumentError(error: unknown): string {
  const e = error as { code?: string; message?: string };
  // "Option '-o, --output <value>' argument missing": said as "-o（--output）".
  const option = (/'(-[^']*)'/.exec(e.message ?? "")?.[1] ?? "")
    .replace(/ <value>$/, "")
    .replace(/^(-\w), (--.*)$/, "$1（$2）");
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

export async function run(argv: string[], output: Output): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === "help" || name === "--help" || name === "-h") {
    // `ziping help fill`: that command's help.
    const asked = name === "help" && rest.length ? commandSpec(rest[0]) : undefined;
    if (name === "help" && rest.length && !asked) {
      output.err("未知命令“" + rest[0] + "”。\n" + help());
      return EXIT.usage;
    }
    output.out(asked ? commandHelp(asked) : help());
    return name === undefined ? EXIT.usage : EXIT.ok;
  }
  const command = commandSpec(name);
  if (!command) {
    output.err("未知命令“" + name + "”。\n" + help());
    return EXIT.usage;
  }
  try {
    let parsed: CommandArgs;
    try {
      parsed = parseArgs({
        args: rest,
        options: parserOptions(command),
        allowPositionals: command.positionals.length > 0,
        strict: true,
      }) as CommandArgs;
    } catch (error) {
      throw new UsageError("参数有误：" + argumentError(error) + "\n用法：" + usage(command));
    }
    if (parsed.values.help === true) {
      output.out(commandHelp(command));
      return EXIT.ok;
    }
    // Alternatives ("[--rubric 细则编号 | --rubric-file 细则.json]"): one at a time.
    const given = command.options.filter((o) => o.group && parsed.values[o.name] !== undefined);
    if (given.length > 1)
      throw new UsageError(
        "选项 " + given.map((o) => "--" + o.name).join(" 和 ") + " 只能用其中一个。\n用法：" + usage(command)
      );
    const last = command.positionals[command.positionals.length - 1];
    if (last && !last.many && parsed.positionals.length > command.positionals.length) {
      const extra = parsed.positionals[command.positionals.length];
      throw new UsageError((last.tooMany ?? "多余的参数“" + extra + "”") + "。\n用法：" + usage(command));
    }
    // The command's code (and exceljs, the rubrics … with it) is loaded only now.
    return await command.load()(parsed, output);
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
