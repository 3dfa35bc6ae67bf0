// A refinement run survives a run file round trip: its refine settings (targets with and without feedback, a pasted
// program), the drafted feedback, each refinement's outcome (a null program included) and its candidate records.
import { describe, expect, it } from 'vitest';
import type { RefinementOutcome } from '../../../src/core/run/run-records';
import { putGenerations } from '../../../src/storage/generations-repo';
import { putResults } from '../../../src/storage/results-repo';
import { exportRunFile, importRunFile } from '../../../src/storage/run-file-store';
import { duplicateRun, RunDuplicateError } from '../../../src/storage/run-duplicate';
import { createRun, getRun } from '../../../src/storage/runs-repo';
import { refineVerifierConfig } from '../../../src/run/refine/refine-config';
import { DEFAULT_FEEDBACK_TEMPLATE, DEFAULT_REFINE_TEMPLATE } from '../../../src/llm/prompts/refine-templates';
import { dump, freshDb, generation, result, runInput } from './helpers';

const info = { appVersion: '0.1.0', exportedAt: new Date('2025-06-01T12:00:00Z') };

const verifier = refineVerifierConfig({
  backend: 'openai',
  baseUrl: 'http://127.0.0.1:9/v1',
  model: 'fixer',
  feedbackModel: 'critic',
  k: 2,
  baseline: true,
  temperature: 0.8,
  seed: 5,
  maxTokens: 512,
  templates: { refine: DEFAULT_REFINE_TEMPLATE, feedback: { system: 'Be brief.', user: 'Why does it fail?\n{{problem}}\n{{program}}\n{{failures}}' } },
  targets: [
    { taskId: 'Demo/0', rank: 2 },
    { taskId: 'Demo/0', rank: 3, feedback: { text: 'Upper case is missed — ünïcödé too.', author: 'person' } },
    { taskId: 'Demo/1', rank: 0, program: 'def f(x):\n    return x', feedback: { text: 'Return twice x.', author: 'model:critic' } },
  ],
});

const passed: RefinementOutcome = { program: 'def count_vowels(s):\n    return sum(c in "aeiouAEIOU" for c in s)', passed: true, score: 1, failures: [] };
const failed: RefinementOutcome = { program: 'def count_vowels(s):\n    return 0', passed: false, score: 0.25, failures: [{ index: 3, status: 'fail', message: 'expected 2, got 0' }, { index: 5, status: 'timeout', message: '' }] };
const noProgram: RefinementOutcome = { program: null, passed: false, score: 0, failures: [] };

async function seed() {
  const db = await freshDb();
  await createRun(db, runInput({ name: 'Refine batch', problemIds: ['Demo/0', 'Demo/1'], verifier }), { id: 'refine-1', now: 1_700_000_000_000 });
  const at = (taskId: string, rank: number, sample: number, refinement?: RefinementOutcome) =>
    generation('refine-1', taskId, sample, { shownRank: rank, tests: [], malformedCount: 0, rawResponse: refinement ? 'Fixed:\n```python\nx\n```' : 'It ignores upper case.', ...(refinement ? { refinement } : {}) });
  await putGenerations(db, [at('Demo/0', 2, 0), at('Demo/0', 2, 1, passed), at('Demo/0', 2, 2, failed), at('Demo/0', 2, 3, noProgram), at('Demo/0', 3, 1, failed), at('Demo/1', 0, 1, passed)]);
  await putResults(db, [{ ...result('refine-1', 'Demo/0', 2, ['pass', 'fail']), predicted: 0.5 }]);
  return db;
}

describe('a refinement run file', () => {
  it('imports into a fresh database as the same records, and exports again to the same text', async () => {
    const a = await seed();
    const text = await exportRunFile(a, 'refine-1', info);
    const b = await freshDb();
    await importRunFile(b, text);
    expect(await exportRunFile(b, 'refine-1', info)).toBe(text);
    expect(await dump(b)).toEqual(await dump(a));
    const run = await getRun(b, 'refine-1');
    expect(run?.verifier.kind).toBe('refine');
    expect(run?.verifier.refine).toEqual(verifier.refine);
    const outcomes = (await b.getAll('generations')).map((g) => [g.shownRank, g.sampleIndex, g.refinement ?? null]);
    expect(outcomes).toEqual([
      [2, 0, null],
      [2, 1, passed],
      [2, 2, failed],
      [2, 3, noProgram],
      [3, 1, failed],
      [0, 1, passed],
    ]);
  });

  it('refuses a file whose refine settings cannot run, naming the field, and stores nothing', async () => {
    const text = await exportRunFile(await seed(), 'refine-1', info);
    const lines = text.split('\n');
    const manifest = JSON.parse(lines[0]!);
    manifest.run.verifier.refine.k = 9;
    const bad = [JSON.stringify(manifest), ...lines.slice(1)].join('\n');
    const b = await freshDb();
    await expect(importRunFile(b, bad)).rejects.toThrow(/line 1.*refine.*k must be a whole number from 1 to 8/);
    expect((await dump(b)).runs).toEqual([]);
    expect((await dump(b)).generations).toEqual([]);
  });

  it('is not duplicated by storage: its outcomes would come along under changed settings', async () => {
    const db = await seed();
    await expect(duplicateRun(db, 'refine-1', { name: 'copy' })).rejects.toThrow(RunDuplicateError);
    expect((await dump(db)).runs).toHaveLength(1);
  });
});
