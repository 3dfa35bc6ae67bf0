// Small hand-made leaderboard inputs: a demo run with per-test outcomes, and rows with known cells.
import type { RowCells } from '../../../src/core/compare/analysis-api';
import type { SplitMetrics } from '../../../src/core/metrics/types';
import type { LeaderboardRow, RowFacts } from '../../../src/core/leaderboard/row-types';
import { draftRun, type Run } from '../../../src/core/run/run-types';
import type { CandidateRecord } from '../../../src/core/run/run-records';
import { demoDataset, runInput } from '../run/run-fixtures';

export const dataset = demoDataset();
export const SHA = 'b'.repeat(64);

/** A finished run on the first `n` demo problems. */
export function demoRun(n: number, overrides: Partial<Run> = {}, variant: 'instruction' | 'instruction+solution' = 'instruction'): Run {
  const input = runInput(dataset, SHA, { problemIds: dataset.problems.slice(0, n).map((p) => p.taskId) });
  const run = draftRun({ ...input, name: 'demo run', verifier: { ...input.verifier, variant } }, 'run-1', 1000);
  return { ...run, status: 'done', ...overrides };
}

/** A result whose per-test outcomes are given as "1101" (1 = pass). */
export function record(taskId: string, rank: number, outcome: string): CandidateRecord {
  const tests = [...outcome].map((c) => ({ status: c === '1' ? ('pass' as const) : ('fail' as const), message: '', ms: 0 }));
  const passed = tests.filter((t) => t.status === 'pass').length;
  return { runId: 'run-1', taskId, rank, tests, passed, total: tests.length, predicted: tests.length ? passed / tests.length : 0, uncompilable: [], compileError: null, ms: 0 };
}

/** Records for every candidate of the first `n` problems: the better the rank, the more of 4 tests it passes. */
export function demoRecords(n: number): CandidateRecord[] {
  return dataset.problems.slice(0, n).flatMap((p) => p.candidates.map((c) => record(p.taskId, c.rank, ['1110', '1100', '1000', '0001', '0000'][Math.min(c.rank - 1, 4)]!)));
}

export function metrics(values: Partial<SplitMetrics>): SplitMetrics {
  return { top1: 0.5, bottom1: 0.5, spearman: 0.5, kendall: 0.5, mae: 0.2, r2: 0.1, problems: 4, solutions: 16, ...values };
}

export function facts(overrides: Partial<RowFacts> = {}): RowFacts {
  return { datasets: ['Demo-R'], backend: 'file', model: 'tests.jsonl', variant: 'instruction', scorer: 'fraction', ...overrides };
}

export function row(name: string, cells: RowCells, overrides: Partial<LeaderboardRow> = {}): LeaderboardRow {
  return { id: name, kind: 'tests', name, detail: '', facts: facts(), origin: { kind: 'run', runId: name }, input: null, known: null, note: null, version: '1', status: 'ready', cells, error: null, ...overrides };
}
