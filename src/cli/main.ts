#!/usr/bin/env node
/** The `ziping` command: see run.ts. */
import { run } from "./run";

run(process.argv.slice(2), { out: (t) => process.stdout.write(t), err: (t) => process.stderr.write(t) }).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(
      "内部错误：" + (error instanceof Error ? (error.stack ?? error.message) : String(error)) + "\n"
    );
    process.exitCode = 2;
  }
);
