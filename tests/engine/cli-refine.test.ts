// `verifier-lab refine` end to end on real Pyodide against the local OpenAI-compatible mock: feedback from a file
// or drafted by a model, refinements with and without it (same seeds), re-tests on Demo-R's ground truth, the
// ILF export, resume, and refinements that hold no program, hang, or try the sandbox.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { runRefine } from '../../src/cli/commands/refine';
import { runRun } from '../../src/cli/commands/run';
import { formatRunFile, parseRunFile } from '../../src/core/run/run-file';
import { draftRun } from '../../src/core/run/run-types';
import { DEFAULT_FEEDBACK_TEMPLATE, DEFAULT_REFINE_TEMPLATE } from '../../src/llm/prompts/refine-templates';
import { refineVerifierConfig } from '../../src/run/refine/refine-config';
import { CliUsageError } from '../../src/cli/cli-io';
import { parseIlfFile, ILF_FIELDS } from '../../src/core/refine/ilf-record';
import { createNodePool } from '../../src/engine/node-pool';
import type { EnginePool } from '../../src/engine/pool-types';
import { startOpenAiMock, type OpenAiMock } from '../servers/openai-mock';

const DEMO = 'static-datasets/demo/Demo-R.jsonl';
const DEMO_SPLIT = 'DEMO';
const canonical = JSON.parse(readFileSync(DEMO, 'utf8').split('\n')[0]!).code as string; // Demo/0 count_vowels
const FIX = `Count every vowel, not each distinct vowel once. For example:\n\`\`\`python\n${canonical.trim()}\n\`\`\``;

let pool: EnginePool;
let mock: OpenAiMock;
const scratch = mkdtempSync(join(tmpdir(), 'verifier-lab-refine-'));

beforeAll(async () => {
  pool = createNodePool({ size: 2 });
  mock = await startOpenAiMock({ apiKey: null });
  await pool.ready();
});
afterAll(async () => {
  await pool?.close();
  await mock?.close();
  rmSync(scratch, { recursive: true, force: true });
});

// The shared pool stays open between commands; a 1 s floor (as in verify-demo.test.ts) keeps outcomes off timing.
// Engine calls made through the shared pool (a finished resume makes none).
let engineCalls = 0;
const sharedPool = (): EnginePool => ({
  ...pool,
  close: async () => {},
  score: (...a) => (engineCalls++, pool.score(...a)),
  expect: (...a) => (engineCalls++, pool.expect(...a)),
});
async function refine(...args: string[]) {
  let stdout = '';
  let stderr = '';
  const io = { stdout: (t: string) => void (stdout += t), stderr: (t: string) => void (stderr += t) };
  const code = await runRefine([DEMO, '--base-url', mock.url, '--limit-floor-ms', '1000', ...args], io, { createPool: sharedPool, canonicalCache: null });
  return { code, stdout, stderr };
}
const write = (name: string, text: string) => {
  const path = join(scratch, name);
  writeFileSync(path, text);
  return path;
};
const feedbackLine = (rank: number, feedback: string) => JSON.stringify({ task_id: 'Demo/0', rank, feedback });

describe('verifier-lab refine', () => {
  it('refines with feedback from a file, with a baseline on the same seeds, and resumes from its export', async () => {
    mock.reset();
    const feedback = write('feedback.jsonl', `${feedbackLine(2, FIX)}\n${feedbackLine(3, 'Upper-case vowels are missed.')}\n`);
    const out = join(scratch, 'out.jsonl');
    const args = ['--model', 'mock-fix', '--feedback', feedback, '--k', '2', '--seed', '5', '--baseline', '--out', out, '--json'];
    const first = await refine(...args);
    expect(first.code, first.stderr).toBe(0);
    const summary = JSON.parse(first.stdout);
    expect(Object.keys(summary)).toEqual(['with_feedback', 'without_feedback', 'split', 'repair_rate']);
    expect({ with_feedback: summary.with_feedback, without_feedback: summary.without_feedback }).toEqual({
      with_feedback: { programs: 2, refinements: 4, 'pass@1': 0.5, 'pass@k': 0.5, repaired: 1 },
      without_feedback: { programs: 2, refinements: 4, 'pass@1': 0, 'pass@k': 0, repaired: 0 },
    });
    // Added fields: the dataset's split, and repair rates over the 2 programs with their bootstrap intervals.
    expect(summary.split).toBe(DEMO_SPLIT);
    expect(summary.repair_rate).toMatchObject({ programs: 2, with_feedback: { estimate: 0.5 }, without_feedback: { estimate: 0, low: 0, high: 0 }, difference: { estimate: 0.5 } });
    expect(summary.repair_rate.difference.low).toBeLessThanOrEqual(0.5);
    expect(summary.repair_rate.difference.high).toBeGreaterThanOrEqual(0.5);
    const lines = readFileSync(out, 'utf8').trim().split('\n');
    expect(Object.keys(JSON.parse(lines[0]!))).toEqual([...ILF_FIELDS]);
    const records = parseIlfFile(lines.join('\n'));
    expect(records).toHaveLength(8);
    const rank2 = records.filter((r) => r.rank === 2);
    expect(rank2.filter((r) => r.with_feedback).map((r) => [r.seed, r.passed, r.score])).toEqual(expect.arrayContaining([[5, true, 1], [6, true, 1]]));
    // Without the feedback the mock hands the wrong program back: its stored 11 of 12 tests.
    expect(rank2.filter((r) => !r.with_feedback).map((r) => [r.seed, r.passed, Math.round(r.score * 12)]).sort()).toEqual([[5, false, 11], [6, false, 11]]);
    expect(records.every((r) => r.feedback_author === 'person' && r.model === 'mock-fix')).toBe(true);
    // The baseline's prompt lacks the feedback, and the seeds went out with the requests.
    const bodies = mock.requests.map((r) => r.body as { seed?: number; messages: { content: string }[] });
    expect(bodies.filter((b) => b.messages.some((m) => m.content.includes('Count every vowel')))).toHaveLength(2);
    expect(bodies.map((b) => b.seed).sort()).toEqual([5, 5, 5, 5, 6, 6, 6, 6]);

    // A second call with the same --out sends nothing, tests nothing, and reports the same numbers.
    engineCalls = 0;
    const again = await refine(...args);
    expect(again.code).toBe(0);
    expect(mock.requests).toHaveLength(8);
    expect(engineCalls).toBe(0);
    expect(again.stdout).toBe(first.stdout);

    // A killed process leaves a cut-off last line: it is dropped and the missing refinements are made.
    writeFileSync(out, `${lines.slice(0, 5).join('\n')}\n${lines[5]!.slice(0, 30)}`);
    const resumed = await refine(...args);
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(resumed.stderr).toContain('resuming');
    expect(mock.requests).toHaveLength(8 + 3);
    expect(resumed.stdout).toBe(first.stdout);
    expect(parseIlfFile(readFileSync(out, 'utf8'))).toHaveLength(8);
  });

  it('drafts feedback with a model from the failing tests, for every wrong candidate', async () => {
    mock.reset();
    mock.enqueue(FIX, 'The loop stops one character early.', FIX); // ranks 2, 3, 4 in order
    const out = join(scratch, 'drafted.jsonl');
    const result = await refine('--model', 'mock-fix', '--feedback-model', 'mock-queue', '--problems', 'Demo/0', '--k', '1', '--out', out, '--json');
    expect(result.code, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({ with_feedback: { programs: 3, refinements: 3, 'pass@1': 2 / 3, 'pass@k': 2 / 3, repaired: 2 }, split: DEMO_SPLIT });
    const records = parseIlfFile(readFileSync(out, 'utf8'));
    expect(records.map((r) => [r.rank, r.feedback_author, r.passed]).sort()).toEqual([[2, 'model:mock-queue', true], [3, 'model:mock-queue', false], [4, 'model:mock-queue', true]]);
    const drafting = mock.requests.filter((r) => r.model === 'mock-queue').map((r) => JSON.stringify(r.body));
    expect(drafting).toHaveLength(3);
    expect(drafting[0]).toMatch(/Tests it fails:\\n- assert count_vowels\(/);
  });

  it('counts an answer with no program, a hang and a sandbox probe as failed refinements', async () => {
    const feedback = write('one.jsonl', `${feedbackLine(2, FIX)}\n`);
    for (const [behaviour, check] of [
      ['nocode', (r: { refinement: string | null; score: number }) => expect(r).toMatchObject({ refinement: null, score: 0 })],
      ['hang', (r: { refinement: string | null; score: number }) => expect(r.refinement).toContain('while True')],
      ['escape', (r: { refinement: string | null; score: number }) => expect(r.refinement).toContain('/etc/passwd')],
    ] as const) {
      const out = join(scratch, `${behaviour}.jsonl`);
      const result = await refine('--model', `mock-fix+${behaviour}`, '--feedback', feedback, '--k', '1', '--out', out, '--json');
      expect(result.code, result.stderr).toBe(0);
      expect(JSON.parse(result.stdout).with_feedback).toMatchObject({ programs: 1, 'pass@1': 0, repaired: 0 });
      const [record] = parseIlfFile(readFileSync(out, 'utf8'));
      expect(record!.passed).toBe(false);
      expect(record!.score).toBe(0);
      check(record!);
    }
    // The probe changed nothing for the next program: the fix still passes every test.
    const after = await refine('--model', 'mock-fix', '--feedback', feedback, '--k', '1', '--out', join(scratch, 'after.jsonl'), '--json');
    expect(JSON.parse(after.stdout).with_feedback.repaired).toBe(1);
    expect(process.env['REFINE_ESCAPED']).toBeUndefined();
  });

  it('refuses bad input before sending anything, naming the line and field', async () => {
    mock.reset();
    const out = join(scratch, 'bad.jsonl');
    const bad = write('bad-feedback.jsonl', `${feedbackLine(2, 'x')}\n{"task_id": "Demo/0", "rank": 3}\n`);
    await expect(refine('--model', 'mock-fix', '--feedback', bad, '--out', out)).rejects.toThrow(/bad-feedback.jsonl: line 2, field "feedback": missing/);
    const unknown = write('unknown.jsonl', `${feedbackLine(9, 'x')}\n`);
    await expect(refine('--model', 'mock-fix', '--feedback', unknown, '--out', out)).rejects.toThrow(/Demo\/0 rank 9, which the dataset does not have/);
    await expect(refine('--model', 'mock-fix', '--feedback', unknown, '--feedback-model', 'mock-echo', '--out', out)).rejects.toThrow(CliUsageError);
    const other = join(scratch, 'out.jsonl'); // made by mock-fix above
    await expect(refine('--model', 'mock-echo', '--feedback', write('ok.jsonl', `${feedbackLine(2, 'x')}\n`), '--out', other)).rejects.toThrow(/holds refinements by mock-fix/);
    expect(mock.requests).toHaveLength(0);
  });

  it('runs a refinement run file as the app exports it, and writes the same report and export as refine', async () => {
    mock.reset();
    mock.enqueue(FIX, FIX); // the feedback model's drafts for ranks 2 and 3
    const text = readFileSync(DEMO, 'utf8');
    const sha = createHash('sha256').update(text).digest('hex');
    const verifier = refineVerifierConfig({
      backend: 'openai', baseUrl: mock.url, model: 'mock-fix', feedbackModel: 'mock-queue', k: 1, baseline: true, temperature: 1, seed: 2, maxTokens: 512,
      templates: { refine: DEFAULT_REFINE_TEMPLATE, feedback: DEFAULT_FEEDBACK_TEMPLATE },
      targets: [{ taskId: 'Demo/0', rank: 2 }, { taskId: 'Demo/0', rank: 3 }],
    });
    const execution = { comparison: 'paper' as const, timeout: { kind: 'scaled' as const, minMs: 1000, factor: 4 }, budgetMs: 60_000, engineVersion: 't', pyodideVersion: 't' };
    const run = draftRun({ name: 'from the app', datasetId: sha, datasetSha256: sha, datasetName: 'Demo-R', split: 'DEMO', problemIds: ['Demo/0'], verifier, execution }, 'refine-from-app', 1000);
    const file = write('app-refine.run.jsonl', formatRunFile(run, [], [], { appVersion: 't', exportedAt: new Date(0).toISOString() }));
    const out = join(scratch, 'app-refine.ilf.jsonl');
    let stdout = '';
    let stderr = '';
    const io = { stdout: (t: string) => void (stdout += t), stderr: (t: string) => void (stderr += t) };
    const code = await runRun([file, DEMO, '--out', out, '--json'], io, { createPool: sharedPool, canonicalCache: null });
    expect(code, stderr).toBe(0);
    const summary = JSON.parse(stdout);
    expect({ with_feedback: summary.with_feedback, without_feedback: summary.without_feedback }).toEqual({
      with_feedback: { programs: 2, refinements: 2, 'pass@1': 1, 'pass@k': 1, repaired: 2 },
      without_feedback: { programs: 2, refinements: 2, 'pass@1': 0, 'pass@k': 0, repaired: 0 },
    });
    const records = parseIlfFile(readFileSync(out, 'utf8'));
    expect(records.map((r) => [r.rank, r.with_feedback, r.feedback_author, r.passed])).toEqual([
      [2, true, 'model:mock-queue', true],
      [2, false, 'model:mock-queue', false],
      [3, true, 'model:mock-queue', true],
      [3, false, 'model:mock-queue', false],
    ]);
    const done = parseRunFile(readFileSync(file, 'utf8'));
    expect(done.manifest.run.status).toBe('done');
    expect(done.generations).toHaveLength(2 + 4);
    // Done already: a second call asks nothing and prints the same report.
    const before = mock.requests.length;
    stdout = '';
    expect(await runRun([file, DEMO, '--json'], io, { createPool: sharedPool, canonicalCache: null })).toBe(0);
    expect(mock.requests).toHaveLength(before);
    expect(JSON.parse(stdout)).toEqual(summary);
  });
});
