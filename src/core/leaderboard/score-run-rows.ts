// The row of a reward or judge run: its candidates' raw scores read as rewards (min-max per problem), one row per
// run, with the kind named in the scorer and the model's settings in the facts.
import type { RowCells } from '../compare/analysis-api';
import { scoredSolutions } from '../run/orchestration/run-solutions';
import { planRun } from '../run/orchestration/work-plan';
import { describeRewardWeights, DEFAULT_JUDGE_SETTINGS, DEFAULT_REWARD_SETTINGS, predictionMethod, type ScoreKind } from '../verifiers/verifier-kind';
import { verifierProvenance } from '../run/verifier-provenance';
import { SPLIT_LABELS, type RowSource } from './row-types';
import type { TestsRunData } from './tests-run-rows';

/** The scorer fact of a scoring run: its kind and what its score is. */
export function scoreRunScorer(run: TestsRunData['run'], kind: ScoreKind): string {
  if (kind === 'reward') return `reward model: ${describeRewardWeights(run.verifier.reward ?? DEFAULT_REWARD_SETTINGS)}`;
  const scale = run.verifier.judge ?? DEFAULT_JUDGE_SETTINGS;
  return `LLM judge: ${scale.min} to ${scale.max}`;
}

/** The one row of a reward or judge run. */
export function scoreRunRows({ run, dataset, results, promptName = null }: TestsRunData, kind: ScoreKind): RowSource[] {
  const backend = run.verifier.backend === 'webllm' ? 'WebLLM' : 'OpenAI-compatible';
  const base = {
    id: `run:${run.id}:${kind}`,
    kind,
    name: run.name,
    detail: `${run.datasetName} · ${run.status}`,
    facts: { datasets: [SPLIT_LABELS[run.split]], backend: `${backend} (${kind === 'reward' ? 'reward model' : 'LLM judge'})`, model: run.verifier.model, variant: '—', scorer: scoreRunScorer(run, kind) },
    origin: { kind: 'run' as const, runId: run.id },
    version: `${run.updatedAt}:${results.length}`,
    provenance: verifierProvenance(run, promptName),
  };
  if (dataset === null) {
    const known: RowCells | null = run.metrics && Object.keys(run.metrics).length > 0 ? Object.fromEntries(Object.entries(run.metrics).map(([split, metrics]) => [split, { metrics, intervals: null }])) : null;
    return [{ ...base, input: null, known, note: `${run.datasetName}, the dataset of this run, is not stored in this browser: the stored metrics are shown, without intervals.` }];
  }
  const plan = planRun(run.problemIds, run.verifier, dataset);
  const solutions = scoredSolutions(plan, run.split, results);
  const finished = new Set(solutions.map((s) => s.taskId)).size;
  const note = finished < plan.problems.length ? `${finished} of ${plan.problems.length} problems finished; the numbers cover those.` : null;
  return [{ ...base, input: { kind: 'solutions', solutions, method: predictionMethod(kind) }, known: null, note }];
}
