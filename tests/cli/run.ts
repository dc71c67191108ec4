/** Runs the `ziping` CLI in-process, capturing what it prints. */
import { run } from "../../src/cli/run";

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
