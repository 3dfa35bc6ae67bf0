// The reasoning fields of runs and records (reasoning effort, extra body, fenced fallback, a generation's reasoning):
// kept through IndexedDB and a run file's export and import, absent in old runs and files (which still read, with
// their documented defaults), and refused with the line and field named when malformed.
import { describe, expect, it } from 'vitest';
import { RunFileError, parseRunFile } from '../../../src/core/run/run-file';
import { readRun } from '../../../src/core/run/run-read';
import { usesFencedFallback } from '../../../src/core/run/run-config';
import { putGenerations } from '../../../src/storage/generations-repo';
import { exportRunFile, importRunFile } from '../../../src/storage/run-file-store';
import { createRun } from '../../../src/storage/runs-repo';
import { dump, freshDb, generation, runInput, verifierConfig } from './helpers';

const info = { appVersion: '0.1.0', exportedAt: new Date('2025-06-01T12:00:00Z') };
const REASONING = 'Thinking: <assertion>\nassert False\n</assertion>\n```python\nassert 0\n```';

async function seed(verifierOver = {}) {
  const db = await freshDb();
  await createRun(db, runInput({ verifier: verifierConfig(verifierOver) }), { id: 'run-1', now: 1 });
  await putGenerations(db, [generation('run-1', 'Demo/0', 0, { reasoning: REASONING }), generation('run-1', 'Demo/0', 1)]);
  return db;
}

describe('reasoning fields round trip', () => {
  it('IndexedDB -> run file -> a fresh database -> run file is lossless', async () => {
    const a = await seed({ reasoningEffort: 'medium', extraBody: { top_k: 20, chat_template_kwargs: { enable_thinking: true } }, fencedFallback: false });
    const text = await exportRunFile(a, 'run-1', info);
    const parsed = parseRunFile(text);
    expect(parsed.manifest.run.verifier).toMatchObject({ reasoningEffort: 'medium', extraBody: { top_k: 20, chat_template_kwargs: { enable_thinking: true } }, fencedFallback: false });
    expect(parsed.generations.find((g) => g.sampleIndex === 0)!.reasoning).toBe(REASONING);
    expect('reasoning' in parsed.generations.find((g) => g.sampleIndex === 1)!).toBe(false);
    const b = await freshDb();
    await importRunFile(b, text);
    expect(await exportRunFile(b, 'run-1', info)).toBe(text);
    expect(await dump(b)).toEqual(await dump(a));
  });

  it('a run and a record without the fields (made before them) read as they were: no effort, no extra body, fallback on', async () => {
    const db = await seed();
    const text = await exportRunFile(db, 'run-1', info);
    const manifest = JSON.parse(text.split('\n')[0]!);
    for (const key of ['reasoningEffort', 'extraBody', 'fencedFallback']) expect(key in manifest.run.verifier).toBe(false);
    const run = parseRunFile(text).manifest.run;
    expect(usesFencedFallback(run.verifier)).toBe(true);
    expect(JSON.stringify(readRun(run))).toBe(JSON.stringify(manifest.run));
  });

  it('null effort and extra body are kept as null (not sent)', () => {
    const run = readRun({ ...JSON.parse(JSON.stringify(runInputRun())), verifier: { ...verifierConfig(), reasoningEffort: null, extraBody: null } });
    expect(run.verifier.reasoningEffort).toBeNull();
    expect(run.verifier.extraBody).toBeNull();
  });
});

describe('malformed reasoning fields name the line and field', async () => {
  const db = await seed({ reasoningEffort: 'low', extraBody: { top_k: 5 }, fencedFallback: false });
  const lines = (await exportRunFile(db, 'run-1', info)).trimEnd().split('\n');
  const edit = (index: number, change: (record: any) => void): string => {
    const copy = [...lines];
    const record = JSON.parse(copy[index]!);
    change(record);
    copy[index] = JSON.stringify(record);
    return copy.join('\n');
  };
  it.each([
    ['an unknown effort', edit(0, (m) => (m.run.verifier.reasoningEffort = 'max')), 'line 1: run.verifier.reasoningEffort: expected one of none, low, medium, high, got "max"'],
    ['an extra body that is a list', edit(0, (m) => (m.run.verifier.extraBody = [1])), 'line 1: run.verifier.extraBody: must be a JSON object like {"reasoning_effort": "high"}, got an array'],
    ['an extra body that sets the model', edit(0, (m) => (m.run.verifier.extraBody = { model: 'x' })), 'line 1: run.verifier.extraBody: may not set "model": the run sends its own model and prompt'],
    ['a fallback that is not a boolean', edit(0, (m) => (m.run.verifier.fencedFallback = 'yes')), 'line 1: run.verifier.fencedFallback: expected true or false, got "yes"'],
    ['reasoning that is not text', edit(1, (g) => (g.reasoning = 5)), 'line 2: generation.reasoning: expected a string, got 5'],
  ])('%s', (_label, text, message) => {
    expect(() => parseRunFile(text)).toThrow(RunFileError);
    expect(() => parseRunFile(text)).toThrow(message);
  });
});

/** A plain run object (what readRun takes), from the storage helpers' input. */
function runInputRun() {
  const input = runInput();
  return { ...input, id: 'r', createdAt: 1, updatedAt: 1, status: 'draft', error: null, metrics: null, progress: { problemsTotal: 0, problemsDone: 0, generationsTotal: 0, generationsDone: 0, candidatesTotal: 0, candidatesDone: 0, testsGenerated: 0, malformedTests: 0, promptTokens: 0, completionTokens: 0 } };
}
