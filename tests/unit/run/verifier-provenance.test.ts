// The facts that say what produced a run's numbers: every key, secrets never shown, the prompt hash from the stored
// template (checked against node:crypto), what does not apply to a file run, and a `kind` shown when a verifier has one.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { NOT_APPLICABLE, PROVENANCE_KEYS, endpointHost, verifierProvenance } from '../../../src/core/run/verifier-provenance';
import type { VerifierConfig } from '../../../src/core/run/run-config';
import { execution, verifier } from './run-fixtures';
import { refineFacts } from '../../../src/core/run/refine-provenance';
import { refineVerifierConfig } from '../../../src/run/refine/refine-config';
import { DEFAULT_FEEDBACK_TEMPLATE, DEFAULT_REFINE_TEMPLATE } from '../../../src/llm/prompts/refine-templates';
import { refinePromptName } from '../../../src/state/refine-prompt-names';

const valueOf = (v: VerifierConfig, promptName: string | null = null) =>
  Object.fromEntries(verifierProvenance({ verifier: v, execution: execution({ engineVersion: 'e1', pyodideVersion: '314.0.7' }) }, promptName).map((f) => [f.key, f.value]));

describe('verifierProvenance', () => {
  it('lists every fact of a generated-tests run, the prompt hash being the start of the template text sha256', () => {
    const v = verifier({ baseUrl: 'https://api.example.com/v1', model: 'r1', reasoningEffort: 'high', extraBody: { top_k: 20, temperature: 0.6 }, fencedFallback: false });
    const facts = valueOf(v, 'Paper structure preset');
    expect(Object.keys(facts)).toEqual([...PROVENANCE_KEYS]);
    expect(facts).toEqual({
      kind: 'tests',
      backend: 'OpenAI-compatible',
      model: 'r1',
      endpoint: 'api.example.com',
      variant: 'instruction',
      prompt: 'Paper structure preset',
      promptHash: `sha256:${createHash('sha256').update(v.promptTemplate, 'utf8').digest('hex').slice(0, 12)}`,
      tests: '6',
      samples: '2',
      temperature: '1',
      topP: '1',
      maxTokens: '1024',
      seed: '11 (+ sample number)',
      reasoningEffort: 'high',
      extraBody: '{"top_k":20,"temperature":0.6} (replaces temperature)',
      extraction: 'assertion tags only',
      comparison: 'paper',
      engine: 'e1 / 314.0.7',
    });
  });

  it('says what a run made before the options had: effort not sent, no extra body, the fallback on; an edited template', () => {
    const facts = valueOf(verifier());
    expect(facts).toMatchObject({ reasoningEffort: 'not sent', extraBody: 'none', extraction: 'assertion tags, else fenced code', prompt: 'edited template' });
  });

  it('marks what does not apply to tests from a file', () => {
    const v = verifier({ backend: 'file', baseUrl: null, fileName: 'codet.jsonl', promptTemplate: '' });
    const facts = verifierProvenance({ verifier: v, execution: execution() });
    const na = facts.filter((f) => !f.applies).map((f) => f.key);
    expect(na).toEqual(['endpoint', 'prompt', 'promptHash', 'tests', 'samples', 'temperature', 'topP', 'maxTokens', 'seed', 'reasoningEffort', 'extraBody']);
    expect(facts.every((f) => f.applies === (f.value !== NOT_APPLICABLE))).toBe(true);
    expect(valueOf(v).backend).toBe('file codet.jsonl');
  });

  it('shows a verifier kind when the config has one, and what does not apply to it', () => {
    const reward = valueOf({ ...verifier(), kind: 'reward', promptTemplate: '' });
    expect([reward.kind, reward.prompt, reward.promptHash, reward.tests, reward.extraction]).toEqual(['reward', NOT_APPLICABLE, NOT_APPLICABLE, NOT_APPLICABLE, NOT_APPLICABLE]);
    const judge = valueOf({ ...verifier(), kind: 'judge' }, 'default judge prompt');
    expect([judge.kind, judge.prompt, judge.tests, judge.extraction]).toEqual(['judge', 'default judge prompt', NOT_APPLICABLE, NOT_APPLICABLE]);
    expect(judge.promptHash).toMatch(/^sha256:[0-9a-f]{12}$/);
  });
});

describe('endpointHost', () => {
  it.each([
    ['https://api.openai.com/v1', 'api.openai.com'],
    ['http://127.0.0.1:11434/v1/', '127.0.0.1:11434'],
    ['https://user:sk-secret@Proxy.Example.org/v1?key=sk-abc#x', 'proxy.example.org'],
    ['https://gateway.example.com/tenant-secret-token/v1', 'gateway.example.com'],
    ['not a url', null],
    [null, null],
  ])('%s -> %s', (url, host) => {
    expect(endpointHost(url)).toBe(host);
  });

  it('never shows a key or a path segment of the base URL anywhere in the facts', () => {
    const text = JSON.stringify(verifierProvenance({ verifier: verifier({ baseUrl: 'https://u:sk-secret@h.example/path-token/v1?api_key=sk-q' }), execution: execution() }));
    for (const secret of ['sk-secret', 'path-token', 'sk-q', 'u:']) expect(text).not.toContain(secret);
  });
});

describe('the provenance of a refinement run', () => {
  const v = refineVerifierConfig({
    backend: 'openai',
    baseUrl: 'https://api.example.com/v1',
    model: 'fixer',
    feedbackModel: 'critic',
    k: 3,
    baseline: true,
    temperature: 0.7,
    seed: 5,
    maxTokens: 512,
    templates: { refine: DEFAULT_REFINE_TEMPLATE, feedback: DEFAULT_FEEDBACK_TEMPLATE },
    targets: [
      { taskId: 'Demo/0', rank: 2 },
      { taskId: 'Demo/0', rank: 3, feedback: { text: 'Upper case.', author: 'person' } },
      { taskId: 'Demo/1', rank: 0, program: 'def f(): pass', feedback: { text: 'Return 1.', author: 'model:other' } },
    ],
  });

  it('leaves out the placeholders a refinement run does not use (variant, samples, N, extraction) and names the seed rule', () => {
    const facts = valueOf(v, 'default refinement prompt');
    expect(facts).toMatchObject({ kind: 'refine', variant: NOT_APPLICABLE, samples: NOT_APPLICABLE, tests: NOT_APPLICABLE, extraction: NOT_APPLICABLE, seed: '5 (+ refinement number)', temperature: '0.7', prompt: 'default refinement prompt' });
  });

  it('states k, the baseline, the feedback model and where each program’s feedback comes from', () => {
    expect(Object.fromEntries(refineFacts(v.refine!).map((f) => [f.key, f.value]))).toEqual({
      k: '3',
      baseline: 'yes: the same k refinements without the feedback, same seeds',
      feedbackModel: 'critic',
      programs: '3 (1 pasted)',
      feedback: '1 by a person or file; 1 model-written, given with the run; 1 to be drafted by critic',
    });
    expect(refinePromptName(v.promptTemplate, 'refine')).toBe('default refinement prompt');
    expect(refinePromptName(v.refine!.feedbackTemplate, 'feedback')).toBe('default feedback prompt');
    expect(refinePromptName(v.refine!.feedbackTemplate, 'refine')).toBeNull();
  });
});
