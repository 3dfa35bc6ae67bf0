// Validates a run record of unknown shape and copies it field by field: extra keys (an apiKey, say) never survive.
import type { MetricsBySplit, SplitMetrics } from '../metrics/types';
import { EVAL_SPLITS } from './eval-file-fields';
import { REASONING_EFFORTS, type ExecutionConfig, type SamplingSettings, type TimeoutPolicy, type VerifierConfig } from './run-config';
import { RequestExtrasError, checkExtraBody } from './request-extras';
import { RunFieldError, RunReader, checkString } from './run-fields';
import type { Run, RunProgress, RunStatus } from './run-types';
import { VERIFIER_KINDS } from '../verifiers/verifier-kind';
import { judgeScaleIssue } from '../verifiers/judge-answer';
import { readRefineRunSettings } from '../refine/refine-run-read';

const STATUSES: readonly RunStatus[] = ['draft', 'running', 'paused', 'done', 'failed', 'cancelled'];
const METRIC_KEYS = ['top1', 'bottom1', 'spearman', 'kendall', 'mae', 'r2'] as const;
const PROGRESS_KEYS = [
  'problemsTotal', 'problemsDone', 'generationsTotal', 'generationsDone', 'candidatesTotal',
  'candidatesDone', 'testsGenerated', 'malformedTests', 'promptTokens', 'completionTokens',
] as const;

/** A valid Run built from `value`, or a RunFieldError naming the first bad field. */
export function readRun(value: unknown, path = 'run'): Run {
  const r = RunReader.of(value, path);
  const problemIds = r.stringArray('problemIds');
  const seen = new Set<string>();
  problemIds.forEach((id, i) => {
    if (seen.has(id)) throw new RunFieldError(`${r.at('problemIds')}[${i}]`, `duplicate task id ${JSON.stringify(id)}`);
    seen.add(id);
  });
  return {
    id: nonEmpty(r, 'id'),
    name: r.string('name'),
    createdAt: r.number('createdAt'),
    updatedAt: r.number('updatedAt'),
    datasetId: nonEmpty(r, 'datasetId'),
    datasetSha256: sha256(r, 'datasetSha256'),
    datasetName: r.string('datasetName'),
    split: r.oneOf('split', EVAL_SPLITS),
    problemIds,
    verifier: readVerifier(r.object('verifier')),
    execution: readExecution(r.object('execution')),
    status: r.oneOf('status', STATUSES),
    error: r.nullableString('error'),
    progress: readProgress(r.object('progress')),
    metrics: readMetrics(r.nullableObject('metrics')),
    ...(r.has('testsFrom') ? { testsFrom: nonEmpty(r, 'testsFrom') } : {}),
  };
}

function readVerifier(r: RunReader): VerifierConfig {
  return {
    backend: r.oneOf('backend', ['openai', 'webllm', 'file']),
    model: r.string('model'),
    baseUrl: r.nullableString('baseUrl'),
    fileName: r.nullableString('fileName'),
    variant: r.oneOf('variant', ['instruction', 'instruction+solution']),
    testsPerProblem: r.int('testsPerProblem', 1),
    samplesPerProblem: r.int('samplesPerProblem', 1),
    sampling: readSampling(r.object('sampling')),
    promptTemplate: r.string('promptTemplate'),
    ...readRequestOptions(r),
    ...readKindSettings(r),
  };
}

/**
 * The optional generation fields of a verifier, copied only when present, so a run made before they existed reads
 * (and writes back) exactly as it was: absent reasoningEffort / extraBody = none, absent fencedFallback = true.
 */
function readRequestOptions(r: RunReader): Pick<VerifierConfig, 'reasoningEffort' | 'extraBody' | 'fencedFallback'> {
  const out: Pick<VerifierConfig, 'reasoningEffort' | 'extraBody' | 'fencedFallback'> = {};
  if (r.has('reasoningEffort')) out.reasoningEffort = r.obj['reasoningEffort'] === null ? null : r.oneOf('reasoningEffort', REASONING_EFFORTS);
  if (r.has('extraBody')) {
    const value = r.obj['extraBody'];
    try {
      out.extraBody = value === null ? null : checkExtraBody(value);
    } catch (error) {
      if (error instanceof RequestExtrasError) throw new RunFieldError(r.at('extraBody'), error.message);
      throw error;
    }
  }
  if (r.has('fencedFallback')) {
    const value = r.obj['fencedFallback'];
    if (typeof value !== 'boolean') throw new RunFieldError(r.at('fencedFallback'), `expected true or false, got ${JSON.stringify(value)}`);
    out.fencedFallback = value;
  }
  return out;
}

/** The optional kind and its settings (absent in test runs, and in runs made before kinds existed). */
function readKindSettings(r: RunReader): Pick<VerifierConfig, 'kind' | 'reward' | 'judge' | 'refine'> {
  const out: Pick<VerifierConfig, 'kind' | 'reward' | 'judge' | 'refine'> = {};
  if (r.has('kind')) out.kind = r.oneOf('kind', VERIFIER_KINDS);
  if (r.has('reward')) {
    const weights = r.object('reward').object('weights');
    const names = Object.keys(weights.obj);
    if (names.length === 0) throw new RunFieldError(weights.path, 'names no attribute');
    out.reward = { weights: Object.fromEntries(names.map((name) => [name, weights.number(name)])) };
  }
  if (r.has('judge')) {
    const judge = r.object('judge');
    const scale = { min: judge.number('min'), max: judge.number('max') };
    const issue = judgeScaleIssue(scale);
    if (issue !== null) throw new RunFieldError(judge.path, issue);
    out.judge = scale;
  }
  if (r.has('refine')) out.refine = readRefineRunSettings(r.object('refine'));
  if (out.kind === 'refine' && !out.refine) throw new RunFieldError(r.at('refine'), 'missing (a refinement run names its programs)');
  return out;
}

/** Sampling settings (also used for each generation request). */
export function readSampling(r: RunReader): SamplingSettings {
  const seed = r.nullableNumber('seed');
  if (seed !== null && !Number.isInteger(seed)) throw new RunFieldError(r.at('seed'), `expected an integer or null, got ${seed}`);
  return { temperature: r.number('temperature', 0), topP: r.number('topP', 0, 1), maxTokens: r.int('maxTokens', 1), seed };
}

function readExecution(r: RunReader): ExecutionConfig {
  return {
    comparison: r.oneOf('comparison', ['paper', 'evalplus']),
    timeout: readTimeout(r.object('timeout')),
    budgetMs: r.number('budgetMs', 1),
    engineVersion: r.string('engineVersion'),
    pyodideVersion: r.string('pyodideVersion'),
  };
}

function readTimeout(r: RunReader): TimeoutPolicy {
  const kind = r.oneOf('kind', ['fixed', 'scaled']);
  if (kind === 'fixed') return { kind, ms: r.number('ms', 1) };
  return { kind, minMs: r.number('minMs', 1), factor: r.number('factor', 0) };
}

function readProgress(r: RunReader): RunProgress {
  const progress = {} as RunProgress;
  for (const key of PROGRESS_KEYS) progress[key] = r.int(key);
  return progress;
}

function readMetrics(r: RunReader | null): MetricsBySplit | null {
  if (r === null) return null;
  const metrics: MetricsBySplit = {};
  for (const key of Object.keys(r.obj)) {
    if (!(EVAL_SPLITS as readonly string[]).includes(key)) throw new RunFieldError(r.at(key), `unknown split ${JSON.stringify(key)}`);
  }
  for (const split of EVAL_SPLITS) {
    if (!Object.hasOwn(r.obj, split)) continue;
    const m = r.object(split);
    const values = {} as SplitMetrics;
    for (const key of METRIC_KEYS) values[key] = m.number(key);
    values.problems = m.int('problems');
    values.solutions = m.int('solutions');
    metrics[split] = values;
  }
  return metrics;
}

function nonEmpty(r: RunReader, key: string): string {
  const v = r.string(key);
  if (v === '') throw new RunFieldError(r.at(key), 'must not be empty');
  return v;
}

function sha256(r: RunReader, key: string): string {
  const v = checkString(r.raw(key), r.at(key));
  if (!/^[0-9a-f]{64}$/.test(v)) throw new RunFieldError(r.at(key), 'expected 64 lowercase hex digits');
  return v;
}
