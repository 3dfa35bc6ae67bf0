// What a CLI command gets instead of process globals, so tests drive commands with plain strings.

/** Where a command writes; each call gets complete text (the command adds newlines). */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
}

/** 0 success, 1 unexpected failure, 2 bad input (usage, unreadable or malformed file). */
export type ExitCode = 0 | 1 | 2;

/** Bad input the user can fix; the dispatcher prints its one-line message and exits 2. */
export class CliUsageError extends Error {
  override readonly name = 'CliUsageError';
}

/** One subcommand: `verifier-lab <name> ...`. Later commands (score, verify, build, generate) add a file each. */
export interface CliCommand {
  name: string;
  /** One line for the command list. */
  summary: string;
  /** Full usage text for `<name> --help`. */
  usage: string;
  run(args: string[], io: CliIo): Promise<ExitCode>;
}

/** A command from its description and its `run`: the one way commands are declared (engineCommand adds Ctrl-C). */
export function defineCommand(about: Omit<CliCommand, 'run'>, run: CliCommand['run']): CliCommand {
  return { ...about, run };
}
