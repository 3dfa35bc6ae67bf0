// The CLI dispatcher: picks a subcommand from argv, prints usage, and turns errors into exit codes.
import { CliUsageError, type CliCommand, type CliIo, type ExitCode } from './cli-io';
import { wantsHelp } from './command-args';
import { COMMANDS } from './commands/registry';

/** Top-level usage text, listing every registered command. */
export function mainUsage(commands: readonly CliCommand[] = COMMANDS): string {
  const width = Math.max(...commands.map((command) => command.name.length));
  const lines = commands.map((command) => `  ${command.name.padEnd(width)}  ${command.summary}`);
  return [
    'verifier-lab: measure synthetic code verifiers on the Scoring Verifiers ranking benchmarks.',
    '',
    'Usage: verifier-lab <command> [options]',
    '',
    'Commands:',
    ...lines,
    '',
    'Run "verifier-lab <command> --help" for its options.',
    '',
  ].join('\n');
}

/** Runs the CLI on `argv` (without node and script paths) and returns the exit code; never calls process.exit. */
export async function runCli(argv: readonly string[], io: CliIo, commands: readonly CliCommand[] = COMMANDS): Promise<ExitCode> {
  const [first, ...rest] = argv;
  if (first === undefined) {
    io.stderr(mainUsage(commands));
    return 2;
  }
  if (first === '--help' || first === '-h' || (first === 'help' && rest.length === 0)) {
    io.stdout(mainUsage(commands));
    return 0;
  }
  // "help metrics" is "metrics --help".
  const name = first === 'help' ? rest[0] : first;
  const args = first === 'help' ? ['--help'] : rest;
  const command = commands.find((candidate) => candidate.name === name);
  if (!command) {
    io.stderr(`verifier-lab: unknown command "${name}" (commands: ${commands.map((c) => c.name).join(', ')})\n`);
    return 2;
  }
  if (wantsHelp(args)) {
    io.stdout(command.usage);
    return 0;
  }
  try {
    return await command.run(args, io);
  } catch (error) {
    if (error instanceof CliUsageError) {
      io.stderr(`verifier-lab ${command.name}: ${error.message}\n`);
      return 2;
    }
    const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
    io.stderr(`verifier-lab ${command.name}: unexpected error: ${detail}\n`);
    return 1;
  }
}
