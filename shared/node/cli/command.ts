import { parseArgs, type ParseArgsConfig } from 'node:util';

/** Exit codes of every command, as docs/CLI.md fixes them. */
export const EXIT = { ok: 0, invalid: 1, usage: 2 } as const;

/** One `truceline` sub-command. */
export interface Command {
  name: string;
  summary: string;
  /** Full `--help` text. */
  usage: string;
  run(argv: string[]): Promise<number>;
}

/** Raised for a usage mistake; main prints the message and the command's usage, exit 2. */
export class UsageError extends Error {}

/** parseArgs with strict options, turning its errors into UsageError. */
export function parseCommandArgs<T extends NonNullable<ParseArgsConfig['options']>>(
  argv: string[],
  options: T,
  allowPositionals = true,
) {
  try {
    return parseArgs({ args: argv, options, allowPositionals, strict: true });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

/** Writes a line to stdout (results). */
export function out(line: string): void {
  process.stdout.write(`${line}\n`);
}

/** Writes a line to stderr (diagnostics). */
export function err(line: string): void {
  process.stderr.write(`${line}\n`);
}
