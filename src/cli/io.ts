/** Where a command writes: stdout and stderr in the real CLI, buffers in tests. */
export interface Output {
  out(text: string): void;
  err(text: string): void;
}

/** Exit codes for every command (CONTRACTS.md). */
export const EXIT = {
  /** done, no error findings */
  ok: 0,
  /** error findings, or nothing recognized */
  findings: 1,
  /** unreadable file or wrong arguments */
  usage: 2,
} as const;

/** A problem with the command line or an input file: printed in Chinese on stderr, exit 2. */
export class UsageError extends Error {}

export function printJson(output: Output, value: unknown): void {
  output.out(JSON.stringify(value, null, 2) + "\n");
}

/** An action refused before anything was done (a rubric that does not fit the sheet …): Chinese on stderr, exit 1. */
export class Refusal extends Error {}
