// The option plumbing every command shares: parseArgs with positionals and -h/--help, its errors as CliUsageError
// (exit code 2), and the --split option. "--help" itself is answered by the dispatcher (run-cli.ts).
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { splitForDatasetName } from '../core/dataset/split-name';
import type { SplitName } from '../core/dataset/types';
import { errorMessage } from '../core/error-message';
import { CliUsageError } from './cli-io';

type Options = NonNullable<ParseArgsConfig['options']>;
const HELP = { help: { type: 'boolean', short: 'h', default: false } } as const;

/** A command's options and positionals; an unknown or malformed option is a CliUsageError. */
export function parseCommandArgs<const T extends Options>(args: string[], options: T) {
  try {
    return parseArgs({ args, allowPositionals: true, options: { ...options, ...HELP } });
  } catch (error) {
    throw new CliUsageError(errorMessage(error));
  }
}

/**
 * The command's file arguments when there are exactly as many as `names` (e.g. ['DATASET.jsonl']), in order;
 * otherwise a CliUsageError saying what was expected.
 */
export function fileArgs(positionals: readonly string[], names: readonly string[]): string[] {
  if (positionals.length === names.length) return [...positionals];
  if (names.length === 0) throw new CliUsageError(`unexpected argument "${positionals[0]}" (see --help)`);
  const wanted = names.length === 1 ? `one ${names[0]}` : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
  throw new CliUsageError(`expected ${wanted}, got ${positionals.length} argument(s) (see --help)`);
}

/** True when the arguments ask for the command's usage. */
export function wantsHelp(args: readonly string[]): boolean {
  return args.includes('--help') || args.includes('-h');
}

const SPLITS: readonly SplitName[] = ['HE_base', 'HE_plus', 'MBPP_base', 'MBPP_plus', 'DEMO'];

/** A --split value: a split name or a dataset name that tells one (HE-R, MBPP-R+...). */
export function splitOption(text: string): SplitName {
  const split = splitForDatasetName(text) ?? SPLITS.find((s) => s === text);
  if (split === undefined) throw new CliUsageError(`--split must be ${SPLITS.join(', ')} or a dataset name (got "${text}")`);
  return split;
}
