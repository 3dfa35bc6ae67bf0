// What the commands that execute candidates share (build, verify, score): injectable pool and signal, Ctrl-C,
// comparison mode, workers, time limits.
import { PAPER_TIME_LIMITS, type TimeLimitRule } from '../../core/run/time-limits';
import type { CompareMode } from '../../core/run/types';
import { nodeCanonicalCache } from '../../engine/node-canonical-cache';
import { createNodePool } from '../../engine/node-pool';
import type { EngineCanonicalCache } from '../../engine/prepare-tests';
import type { EnginePool } from '../../engine/pool-types';
import { withSigint } from '../cli-cancel';
import { CliUsageError, defineCommand, type CliCommand, type CliIo, type ExitCode } from '../cli-io';

export function compareOption(text: string | undefined): CompareMode {
  if (text === undefined || text === 'paper') return 'paper';
  if (text === 'evalplus') return 'evalplus';
  throw new CliUsageError(`--compare must be paper or evalplus (got "${text}")`);
}

export function workersOption(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1 || n > 64) throw new CliUsageError(`--workers must be a whole number from 1 to 64 (got "${text}")`);
  return n;
}

/** The paper's max(0.1 s, 4 x canonical) unless overridden. */
export function limitRuleOptions(floor: string | undefined, factor: string | undefined): TimeLimitRule {
  const minMs = floor === undefined ? PAPER_TIME_LIMITS.minMs : Number(floor);
  const times = factor === undefined ? PAPER_TIME_LIMITS.factor : Number(factor);
  if (!(minMs > 0 && Number.isFinite(minMs))) throw new CliUsageError(`--limit-floor-ms must be a positive number (got "${floor}")`);
  if (!(times > 0 && Number.isFinite(times))) throw new CliUsageError(`--limit-factor must be a positive number (got "${factor}")`);
  return { minMs, factor: times };
}

/** A Node worker_threads pool (workers default to one per core). */
export function openPool(workers: number | undefined): EnginePool {
  return createNodePool(workers === undefined ? {} : { size: workers });
}

/** What tests inject into a command that executes candidates. */
export interface EngineCommandDeps {
  createPool?: (workers: number | undefined) => EnginePool;
  /** Default: this machine's cache beside the engine snapshot (node_modules/.cache/verifier-lab/canonical). */
  canonicalCache?: EngineCanonicalCache | null;
  signal?: AbortSignal;
}

/** Help text of --remeasure-canonical, shared by the commands that take it. */
export const REMEASURE_HELP = `  --remeasure-canonical
                       time the canonical solutions again (their runs are kept per machine and reused)`;

/** The canonical cache a command uses: read unless --remeasure-canonical, written either way. */
export function commandCanonicalCache(deps: EngineCommandDeps, remeasure: boolean | undefined): EngineCanonicalCache | null {
  return deps.canonicalCache !== undefined ? deps.canonicalCache : nodeCanonicalCache({ remeasure: remeasure === true });
}

/** A command whose `run` gets the signal the first Ctrl-C aborts (it says `<name>: <stopping>...` on stderr). */
export function engineCommand(
  about: Omit<CliCommand, 'run'> & { stopping: string },
  run: (args: string[], io: CliIo, deps: EngineCommandDeps) => Promise<ExitCode>,
): CliCommand {
  const { stopping, ...command } = about;
  return defineCommand(command, (args, io) => withSigint(() => io.stderr(`${about.name}: ${stopping}...\n`), (signal) => run(args, io, { signal })));
}
