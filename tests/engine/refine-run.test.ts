// Refinement runs on the shared run loop, in Node with real Pyodide and fake-indexeddb: drafted feedback once per
// program, refinements with and without it re-tested on the ground truth, a killed and then paused run resumed to
// exactly the uninterrupted records without asking anything twice, a failed request that fails the run but keeps
// finished work, and a pasted program.
import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Dataset, Problem } from '../../src/core/dataset/types';
import { wrongPrograms } from '../../src/core/refine/refine-plan';
import type { RefineTargetSpec } from '../../src/core/refine/refine-run';
import type { CandidateRecord, GenerationRecord } from '../../src/core/run/run-records';
import { createNodePool } from '../../src/engine/node-pool';
import type { EnginePool } from '../../src/engine/pool-types';
import type { TestGenerator } from '../../src/llm/generator';
import type { GenerateRequest, GenerateResult } from '../../src/llm/types';
import { DEFAULT_FEEDBACK_TEMPLATE, DEFAULT_REFINE_TEMPLATE } from '../../src/llm/prompts/refine-templates';
import { executeRun, type RunEnvironment } from '../../src/run/orchestrator';
import { refineVerifierConfig } from '../../src/run/refine/refine-config';
import { RunStop } from '../../src/run/run-stop';
import { idbRunStore } from '../../src/storage/idb-run-store';
import { loadGenerations } from '../../src/storage/generations-repo';
import { openLabDb } from '../../src/storage/open-db';
import { loadResults } from '../../src/storage/results-repo';
import { createRun, getRun } from '../../src/storage/runs-repo';
import type { LabDb } from '../../src/storage/schema';
import { demoDataset, runInput } from '../unit/run/run-fixtures';

const SHA = 'e'.repeat(64);
const HINT = 'FIX-IT: count every vowel, upper case too.';
const dataset: Dataset = demoDataset();
let pool: EnginePool;

beforeAll(async () => {
  pool = createNodePool({ size: 2 });
  await pool.ready();
});
afterAll(() => pool?.close());

function problemOf(req: GenerateRequest): Problem {
  const user = req.messages.map((m) => m.content).join('\n');
  const found = dataset.problems.find((p) => user.includes(p.prompt.trim()));
  if (!found) throw new Error('no problem in the prompt');
  return found;
}

/**
 * The critic drafts HINT; the fixer returns the canonical solution when the prompt holds HINT and the program it was
 * shown otherwise (so refinements without feedback fail as the program did). `failOn` makes one call fail.
 */
function fakeModel(name: 'critic' | 'fixer', calls: GenerateRequest[], options: { delayMs?: number; failOn?: number } = {}): TestGenerator {
  return {
    id: name,
    describe: () => ({ backend: 'openai-compatible', model: name, label: name }),
    async generate(req): Promise<GenerateResult> {
      calls.push(req);
      if (options.failOn === calls.length) throw new Error('the server is down');
      if (options.delayMs) {
        await new Promise<void>((resolve, reject) => {
          const t = setTimeout(resolve, options.delayMs);
          req.signal?.addEventListener('abort', () => (clearTimeout(t), reject(req.signal!.reason)), { once: true });
        });
      }
      const user = req.messages.map((m) => m.content).join('\n');
      const shown = /```python\n([\s\S]*?)```/.exec(user)?.[1] ?? '';
      const text = name === 'critic' ? HINT : `\`\`\`python\n${user.includes(HINT) ? problemOf(req).canonicalSolution : shown}\n\`\`\``;
      return { text, finishReason: 'stop', model: name, usage: { prompt_tokens: 10, completion_tokens: 10, total_tokens: 20 }, attempts: 1, ms: 0 };
    },
  };
}

const freshDb = (): Promise<LabDb> => openLabDb({ factory: new IDBFactory() });
const PROBLEMS = ['Demo/0', 'Demo/1'];

function refineInput(targets: RefineTargetSpec[], problemIds = PROBLEMS) {
  const verifier = refineVerifierConfig({
    backend: 'openai',
    baseUrl: 'http://127.0.0.1:9/v1',
    model: 'fixer',
    feedbackModel: 'critic',
    k: 2,
    baseline: true,
    temperature: 1,
    seed: 3,
    maxTokens: 512,
    templates: { refine: DEFAULT_REFINE_TEMPLATE, feedback: DEFAULT_FEEDBACK_TEMPLATE },
    targets,
  });
  // A 1 s floor as in verify-demo.test.ts: outcomes, not timing, are under test.
  return runInput(dataset, SHA, { name: 'refine', problemIds, verifier, execution: { comparison: 'paper', timeout: { kind: 'scaled', minMs: 1000, factor: 4 }, budgetMs: 60_000, engineVersion: 'test', pyodideVersion: 'test' } });
}

const drafted = (): RefineTargetSpec[] => wrongPrograms(dataset, PROBLEMS).map((t) => ({ taskId: t.taskId, rank: t.rank }));

function env(db: LabDb, calls: { critic: GenerateRequest[]; fixer: GenerateRequest[] }, options: { delayMs?: number; failOn?: number } = {}): RunEnvironment {
  return { store: idbRunStore(db), pool, dataset, generator: fakeModel('fixer', calls.fixer, options), feedbackGenerator: fakeModel('critic', calls.critic, options) };
}

async function comparable(db: LabDb, runId: string) {
  const generations = (await loadGenerations(db, runId)).map(({ runId: _r, timings: _t, ...g }: GenerationRecord) => g);
  const results = (await loadResults(db, runId)).map(({ runId: _r, ms: _m, tests, ...r }: CandidateRecord) => ({ ...r, tests: tests.map(({ ms: _ms, ...t }) => t) }));
  const run = await getRun(db, runId);
  return { generations, results, progress: run!.progress, metrics: run!.metrics };
}

describe('a refinement run', () => {
  let db: LabDb;
  let reference: Awaited<ReturnType<typeof comparable>>;
  const targets = drafted();

  beforeAll(async () => {
    db = await freshDb();
    const run = await createRun(db, refineInput(targets));
    const calls = { critic: [] as GenerateRequest[], fixer: [] as GenerateRequest[] };
    const outcome = await executeRun(env(db, calls), run.id);
    expect(outcome.status, outcome.error ?? '').toBe('done');
    expect(calls.critic).toHaveLength(targets.length);
    expect(calls.fixer).toHaveLength(targets.length * 4);
    reference = await comparable(db, run.id);
  });

  it('drafts feedback once per program and stores every refinement with its re-test', () => {
    expect(targets.length).toBeGreaterThan(2);
    const drafts = reference.generations.filter((g) => g.sampleIndex === 0);
    expect(drafts.map((g) => [g.rawResponse, g.request.model])).toEqual(targets.map(() => [HINT, 'critic']));
    const refinements = reference.generations.filter((g) => g.refinement);
    expect(refinements).toHaveLength(targets.length * 4);
    // With the feedback the fixer returns the canonical solution; without it, the wrong program back.
    const withFeedback = refinements.filter((g) => g.sampleIndex <= 2);
    expect(withFeedback.every((g) => g.refinement!.passed && g.refinement!.score === 1)).toBe(true);
    const without = refinements.filter((g) => g.sampleIndex > 2);
    expect(without.every((g) => !g.refinement!.passed)).toBe(true);
    for (const g of without) {
      const stored = dataset.problems.find((p) => p.taskId === g.taskId)!.candidates.find((c) => c.rank === g.shownRank)!.score;
      expect(g.refinement!.score).toBeCloseTo(stored, 2);
    }
    expect(new Set(refinements.map((g) => g.request.sampling.seed))).toEqual(new Set([3, 4]));
  });

  it('ends each program with its own ground-truth result and no ranking metrics', () => {
    expect(reference.results.map((r) => [r.taskId, r.rank])).toEqual(expect.arrayContaining(targets.map((t) => [t.taskId, t.rank])));
    expect(reference.results).toHaveLength(targets.length);
    expect(reference.results.every((r) => r.predicted === 1 && r.passed < r.total)).toBe(true);
    expect(reference.metrics).toBeNull();
    expect(reference.progress).toMatchObject({ generationsDone: targets.length * 5, generationsTotal: targets.length * 5, candidatesDone: targets.length, problemsDone: 2 });
  });

  it('resumes after a kill and a pause to exactly the uninterrupted records, asking nothing twice', async () => {
    const run = await createRun(db, refineInput(targets));
    const calls = { critic: [] as GenerateRequest[], fixer: [] as GenerateRequest[] };
    const kill = new AbortController();
    let records = 0;
    const first = await executeRun({ ...env(db, calls, { delayMs: 20 }), onRecord: () => ++records === 4 && kill.abort(new Error('tab closed')) }, run.id, kill.signal);
    expect(first.status).toBe('running');
    const pause = new AbortController();
    records = 0;
    const second = await executeRun({ ...env(db, calls, { delayMs: 20 }), onRecord: () => ++records === 6 && pause.abort(new RunStop('pause')) }, run.id, pause.signal);
    expect(second.status).toBe('paused');
    const kept = (await loadGenerations(db, run.id)).filter((g) => g.error === null).length;
    expect(kept).toBeGreaterThan(4);
    expect(kept).toBeLessThan(reference.generations.length);

    const last = { critic: [] as GenerateRequest[], fixer: [] as GenerateRequest[] };
    const third = await executeRun(env(db, last), run.id);
    expect(third.status).toBe('done');
    expect(last.critic.length + last.fixer.length).toBe(reference.generations.length - kept);
    expect(await comparable(db, run.id)).toEqual(reference);
  });

  it('fails on a failed request, keeps what finished, and resumes', async () => {
    const run = await createRun(db, refineInput(targets));
    const calls = { critic: [] as GenerateRequest[], fixer: [] as GenerateRequest[] };
    const failed = await executeRun(env(db, calls, { failOn: 3 }), run.id);
    expect(failed.status).toBe('failed');
    expect(failed.error).toMatch(/Demo\/\d+ rank \d+ \((feedback draft|refinement \d with(out)? feedback)\): .*the server is down/);
    const resumed = await executeRun(env(db, { critic: [], fixer: [] }), run.id);
    expect(resumed.status).toBe('done');
    expect(await comparable(db, run.id)).toEqual(reference);
  });

  it('refines a pasted program with a person\'s feedback, without a feedback model', async () => {
    const pasted = 'def count_vowels(s):\n    return 0\n';
    const run = await createRun(db, refineInput([{ taskId: 'Demo/0', rank: 0, program: pasted, feedback: { text: HINT, author: 'person' } }], ['Demo/0']));
    const calls = { critic: [] as GenerateRequest[], fixer: [] as GenerateRequest[] };
    const outcome = await executeRun({ ...env(db, calls), feedbackGenerator: null }, run.id);
    expect(outcome.status, outcome.error ?? '').toBe('done');
    expect(calls.fixer.filter((r) => r.messages.some((m) => m.content.includes(pasted.trim())))).toHaveLength(4);
    const [result] = await loadResults(db, run.id);
    expect(result).toMatchObject({ rank: 0, predicted: 1 });
    expect(result!.passed).toBeLessThan(result!.total);
  });

  it('will not start drafting without a generator for the feedback model', async () => {
    const run = await createRun(db, refineInput(targets));
    await expect(executeRun({ ...env(db, { critic: [], fixer: [] }), feedbackGenerator: null }, run.id)).rejects.toThrow(/no generator was given for the feedback model/);
  });
});
