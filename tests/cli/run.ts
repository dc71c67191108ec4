/** Runs the `ziping` CLI in-process, capturing what it prints. */
import { COMMANDS } from "../../src/cli/commandTable";
import { run } from "../../src/cli/run";

// The CLI loads a command's code when it runs (issue 14); the tests load every command's code here,
// when the test file is loaded, so that no test's own time limit pays for compiling and loading it.
for (const command of COMMANDS) command.load();

export interface Ran {
  code: number;
  out: string;
  err: string;
  json<T = any>(): T;
}

export async function ziping(...argv: string[]): Promise<Ran> {
  let out = "";
  let err = "";
  const code = await run(argv, { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err, json: () => JSON.parse(out) };
}
