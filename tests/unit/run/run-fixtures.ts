// Shared by the run tests (unit and engine tier): the demo dataset, run inputs, and a deterministic test writer
// that answers from the problem's own ground-truth asserts, so runs give non-trivial, repeatable metrics.
import { readFileSync } from 'node:fs';
import { parseDatasetText } from '../../../src/core/dataset/parse-dataset';
import type { Dataset, Problem } from '../../../src/core/dataset/types';
import type { ExecutionConfig, VerifierConfig } from '../../../src/core/run/run-config';
import type { NewRunInput } from '../../../src/core/run/run-types';
import type { CandidateResult, ScoreRequest } from '../../../src/core/run/types';
import type { EnginePool } from '../../../src/engine/pool-types';
import type { TestGenerator } from '../../../src/llm/generator';
import type { GenerateRequest, GenerateResult } from '../../../src/llm/types';
import { defaultTemplateText } from '../../../src/run/prompt-template-text';

export const DEMO_TEXT = readFileSync(new URL('../../../static-datasets/demo/Demo-R.jsonl', import.meta.url), 'utf8');
export const demoDataset = (): Dataset => parseDatasetText(DEMO_TEXT, { name: 'Demo-R', split: 'DEMO' });

export function verifier(overrides: Partial<VerifierConfig> = {}): VerifierConfig {
  const variant = overrides.variant ?? 'instruction';
  return {
    backend: 'openai',
    model: 'oracle-writer',
    baseUrl: 'http://127.0.0.1:9/v1',
    fileName: null,
    variant,
    testsPerProblem: 6,
    samplesPerProblem: 2,
    sampling: { temperature: 1, topP: 1, maxTokens: 1024, seed: 11 },
    promptTemplate: defaultTemplateText(variant),
    ...overrides,
  };
}

export function execution(overrides: Partial<ExecutionConfig> = {}): ExecutionConfig {
  return { comparison: 'paper', timeout: { kind: 'fixed', ms: 1000 }, budgetMs: 20_000, engineVersion: 'test', pyodideVersion: 'test', ...overrides };
}

export function runInput(dataset: Dataset, sha: string, overrides: Partial<NewRunInput> = {}): NewRunInput {
  return {
    name: 'oracle on demo',
    datasetId: sha,
    datasetSha256: sha,
    datasetName: dataset.name,
    split: dataset.split,
    problemIds: dataset.problems.map((p) => p.taskId),
    verifier: verifier(),
    execution: execution(),
    ...overrides,
  };
}

/** Task ids the oracle answers with prose only (no test at all). */
export const SILENT_TASKS = new Set(['Demo/3']);

/** The problem a prompt is about: the last problem whose statement appears in the user message. */
function problemIn(dataset: Dataset, req: GenerateRequest): Problem {
  const user = req.messages.filter((m) => m.role === 'user').map((m) => m.content).join('\n');
  const found = dataset.problems.filter((p) => user.includes(p.prompt));
  if (found.length === 0) throw new Error('oracle: no problem in the prompt');
  return found.reduce((a, b) => (user.lastIndexOf(a.prompt) > user.lastIndexOf(b.prompt) ? a : b));
}

/**
 * A deterministic test writer: per request, the ground-truth asserts at positions (i + seed) % 3 != 0, one wrong
 * assert when the seed is even, and an empty tag (malformed). `delayMs` makes runs slow enough to interrupt.
 */
export function oracleGenerator(dataset: Dataset, delayMs = 0, calls: GenerateRequest[] = []): TestGenerator {
  return {
    id: 'oracle',
    describe: () => ({ backend: 'openai-compatible', model: 'oracle-writer', label: 'oracle' }),
    async generate(req): Promise<GenerateResult> {
      calls.push(req);
      if (delayMs > 0) {
        await new Promise<void>((resolve, reject) => {
          const t = setTimeout(resolve, delayMs);
          req.signal?.addEventListener('abort', () => (clearTimeout(t), reject(req.signal!.reason)), { once: true });
        });
      }
      const problem = problemIn(dataset, req);
      const seed = req.seed ?? 0;
      let text: string;
      if (SILENT_TASKS.has(problem.taskId)) text = 'I cannot write tests for this one.';
      else {
        const truth = problem.tests.kind === 'assert' ? problem.tests.asserts : [];
        const picked = truth.filter((_, i) => (i + seed) % 3 !== 0);
        if (seed % 2 === 0 && truth[0]) picked.push(truth[0].replace(/==\s*(.*)$/, '== ($1, "wrong")'));
        text = `<think>plan</think>\n${picked.map((a) => `<assertion>\n${a}\n</assertion>`).join('\n')}\n<assertion> </assertion>\n`;
      }
      req.onDelta?.(text, text, 'content');
      return { text, finishReason: 'stop', model: 'oracle-writer', usage: { prompt_tokens: 100, completion_tokens: Math.ceil(text.length / 4), total_tokens: 0 }, attempts: 1, ms: delayMs };
    },
  };
}

/** A pool that passes every test (no Python): enough to drive the orchestrator without the engine. */
export function passingPool(calls: ScoreRequest[] = []): EnginePool {
  return {
    ready: async () => [],
    async score(request): Promise<CandidateResult> {
      calls.push(request);
      const n = request.tests.kind === 'assert' ? request.tests.asserts.length : 1;
      const tests = Array.from({ length: n }, () => ({ status: 'pass' as const, message: '', ms: 1 }));
      return { tests, passed: n, total: n, score: 1, compare: 'paper', uncompilable: [], compileError: null, budgetExhausted: false, restarts: 0, ms: 1 };
    },
    programKeys: async (codes: readonly string[]) => codes.map(() => null), // no two programs share a run here
    expect: async () => {
      throw new Error('not used');
    },
    stats: () => ({ size: 1, workersStarted: 1, watchdogKills: 0, crashes: 0, recycled: 0, readyInfo: [] }),
    close: async () => {},
  };
}
