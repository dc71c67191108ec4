#!/usr/bin/env node
/** The `ziping` command: see run.ts. */
import { run } from "./run";

// Output piped into a command that stops reading (`ziping inspect … | head`): stop quietly.
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
    throw error;
  });
}

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
