// Rows of a tests run (generated or imported tests executed on every candidate): one per scorer over the same
// execution matrix, the paper's fraction first. Scorers that cannot read a run say why instead of giving a number.
import type { AnalysisInput } from '../compare/analysis-input';
import { executionMatrix, type MatrixProblem } from '../compare/execution-matrix';
import { SCORER_NAMES, type ScorerName } from '../compare/scorers';
import type { Dataset } from '../dataset/types';
import type { RowCells } from '../compare/analysis-api';
import { planRun } from '../run/orchestration/work-plan';
import { NO_CANDIDATE, type CandidateRecord } from '../run/run-records';
import type { Run } from '../run/run-types';
import { verifierProvenance } from '../run/verifier-provenance';
import { SPLIT_LABELS, type RowFacts, type RowSource } from './row-types';

/** Scorer labels as the filters and exports show them. */
export const SCORER_LABELS: Record<ScorerName, string> = { fraction: 'fraction', codet: 'CodeT', 'valid-only': 'valid-only' };

/** Why CodeT and valid-only give no number for an instruction + solution run. */
export const NOT_APPLICABLE: Record<Exclude<ScorerName, 'fraction'>, string> = {
  codet:
    'Does not apply to the instruction + solution variant: CodeT counts how many candidates pass the same tests, and here each candidate was run only on the tests written while it was shown, so there is no common test set to agree on.',
  'valid-only':
    'Does not apply to the instruction + solution variant: a test is valid when the reference solution passes it, but the reference solution ran only the tests written for itself, so the validity of the other candidates’ tests is unknown.',
};

/** What a tests run's rows are made from: the run, and its dataset and results when this browser has them. */
export interface TestsRunData {
  run: Run;
  /** Null when the dataset is not stored here (deleted, or the run was imported): only stored metrics are shown. */
  dataset: Dataset | null;
  results: readonly CandidateRecord[];
  /** The name of the run's prompt template when the caller recognises it (a preset), for the row's provenance. */
  promptName?: string | null;
}

/** The rows of one tests run: fraction, CodeT, valid-only. */
export function testsRunRows({ run, dataset, results, promptName = null }: TestsRunData): RowSource[] {
  const provenance = verifierProvenance(run, promptName);
  const facts = (scorer: ScorerName): RowFacts => ({
    datasets: [SPLIT_LABELS[run.split]],
    backend: run.verifier.backend === 'webllm' ? 'WebLLM' : run.verifier.backend === 'openai' ? 'OpenAI-compatible' : 'file',
    model: run.verifier.backend === 'file' ? (run.verifier.fileName ?? run.verifier.model) : run.verifier.model,
    variant: run.verifier.variant,
    scorer: SCORER_LABELS[scorer],
  });
  const base = (scorer: ScorerName) => ({
    id: `run:${run.id}:${scorer}`,
    kind: 'tests' as const,
    name: scorer === 'fraction' ? run.name : `${run.name} · ${SCORER_LABELS[scorer]}`,
    detail: `${run.datasetName} · ${run.status}`,
    facts: facts(scorer),
    origin: { kind: 'run' as const, runId: run.id },
    version: `${run.updatedAt}:${results.length}`,
    provenance,
  });
  if (dataset === null) {
    const known: RowCells | null = run.metrics && Object.keys(run.metrics).length > 0 ? Object.fromEntries(Object.entries(run.metrics).map(([split, metrics]) => [split, { metrics, intervals: null }])) : null;
    const missing = `${run.datasetName}, the dataset of this run, is not stored in this browser`;
    return SCORER_NAMES.map((scorer) => ({
      ...base(scorer),
      input: null,
      known: scorer === 'fraction' ? known : null,
      note: scorer === 'fraction' ? `${missing}: the stored metrics are shown, without intervals.` : `${missing}, so the per-test results cannot be read.`,
    }));
  }
  const plan = planRun(run.problemIds, run.verifier, dataset);
  const shared = plan.problems.every((p) => p.shownRanks.length === 1 && p.shownRanks[0] === NO_CANDIDATE);
  const problems = completeMatrix(plan.problems.map((p) => p.problem), results, shared);
  const progress = problems.length < plan.problems.length ? `${problems.length} of ${plan.problems.length} problems finished; the numbers cover those.` : null;
  return SCORER_NAMES.map((scorer): RowSource => {
    if (!shared && scorer !== 'fraction') return { ...base(scorer), input: null, known: null, note: NOT_APPLICABLE[scorer] };
    const input: AnalysisInput = { kind: 'matrix', split: run.split, problems, scorer };
    return { ...base(scorer), input, known: null, note: progress };
  });
}

/** The matrix of the problems whose every candidate has a result (a run still going covers what is finished). */
export function completeMatrix(problems: Dataset['problems'], results: readonly CandidateRecord[], shared: boolean): MatrixProblem[] {
  const done = new Set(results.map((r) => `${r.taskId}\u0000${r.rank}`));
  const complete = problems.filter((p) => p.candidates.every((c) => done.has(`${p.taskId}\u0000${c.rank}`)));
  return executionMatrix(complete, results, shared);
}
