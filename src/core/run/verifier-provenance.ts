// What produced a run's numbers, as labelled facts: the run page and the leaderboard (its details and its CSV and
// Markdown exports) all show this one list. Nothing secret: the endpoint is shown as its host alone (no key, no
// path, no query, no user:password), and the prompt as a short hash of its stored text.
import { sha256Hex } from '../hash/sha256-text';
import { extraBodyOverrides } from './request-extras';
import { usesFencedFallback, type ExecutionConfig, type VerifierConfig } from './run-config';

/** The facts, in display order; every run has each of them (value NOT_APPLICABLE where a fact does not apply). */
export const PROVENANCE_KEYS = [
  'kind', 'backend', 'model', 'endpoint', 'variant', 'prompt', 'promptHash', 'tests', 'samples', 'temperature', 'topP',
  'maxTokens', 'seed', 'reasoningEffort', 'extraBody', 'extraction', 'comparison', 'engine',
] as const;
export type ProvenanceKey = (typeof PROVENANCE_KEYS)[number];

export const PROVENANCE_LABELS: Readonly<Record<ProvenanceKey, string>> = {
  kind: 'Verifier kind',
  backend: 'Backend',
  model: 'Model',
  endpoint: 'Endpoint host',
  variant: 'Prompt variant',
  prompt: 'Prompt',
  promptHash: 'Prompt hash',
  tests: 'Tests per request (N)',
  samples: 'Samples per prompt',
  temperature: 'Temperature',
  topP: 'top_p',
  maxTokens: 'Max tokens',
  seed: 'Seed',
  reasoningEffort: 'Reasoning effort',
  extraBody: 'Extra request fields',
  extraction: 'Assertions taken from',
  comparison: 'Output comparison',
  engine: 'Engine / Pyodide',
};

/** The value of a fact that does not apply to a run (e.g. sampling for tests imported from a file). */
export const NOT_APPLICABLE = '—';

export interface ProvenanceFact {
  key: ProvenanceKey;
  label: string;
  value: string;
  /** False when the value is NOT_APPLICABLE (a page may leave such facts out). */
  applies: boolean;
}

/** Characters of the prompt hash shown (of 64 hex digits). */
export const PROMPT_HASH_CHARS = 12;

/** The short prompt hash: the first hex digits of the sha256 of the stored template text. */
export function promptHash(promptTemplate: string): string {
  return sha256Hex(promptTemplate).slice(0, PROMPT_HASH_CHARS);
}

/** The host (and port) of an endpoint URL, without user info, path or query; null when it has none. */
export function endpointHost(baseUrl: string | null): string | null {
  const match = baseUrl === null ? null : /^[a-z][a-z0-9+.-]*:\/\/([^/?#]*)/i.exec(baseUrl.trim());
  const authority = match?.[1] ?? '';
  const host = authority.slice(authority.lastIndexOf('@') + 1);
  return host === '' ? null : host.toLowerCase();
}

/**
 * The facts of a run's verifier and execution. `promptName` names the template when the caller recognises it (a
 * preset); a verifier without a `kind` generates tests. Reward runs send no prompt of ours; only test runs have N and
 * an extraction rule.
 */
export function verifierProvenance(run: { verifier: VerifierConfig; execution: ExecutionConfig }, promptName: string | null = null): ProvenanceFact[] {
  const v = run.verifier;
  const e = run.execution;
  const generated = v.backend !== 'file';
  const kind = typeof v.kind === 'string' ? v.kind : 'tests';
  const prompted = generated && kind !== 'reward';
  const writesTests = generated && kind === 'tests';
  // A refinement run's slots come from its refine settings (refineFacts): its variant and samples are placeholders.
  const refines = kind === 'refine';
  const only = (applies: boolean, value: () => string) => (applies ? value() : NOT_APPLICABLE);
  const overrides = extraBodyOverrides(v.extraBody);
  const values: Record<ProvenanceKey, string> = {
    kind,
    backend: v.backend === 'openai' ? 'OpenAI-compatible' : v.backend === 'webllm' ? 'WebLLM' : `file ${v.fileName ?? ''}`.trim(),
    model: v.model,
    endpoint: endpointHost(v.baseUrl) ?? NOT_APPLICABLE,
    variant: only(!refines, () => v.variant),
    prompt: only(prompted, () => promptName ?? 'edited template'),
    promptHash: only(prompted, () => `sha256:${promptHash(v.promptTemplate)}`),
    tests: only(writesTests, () => String(v.testsPerProblem)),
    samples: only(generated && !refines, () => String(v.samplesPerProblem)),
    temperature: only(generated, () => String(v.sampling.temperature)),
    topP: only(generated, () => String(v.sampling.topP)),
    maxTokens: only(generated, () => String(v.sampling.maxTokens)),
    seed: only(generated, () => (v.sampling.seed === null ? 'none' : `${v.sampling.seed} (+ ${refines ? 'refinement' : 'sample'} number)`)),
    reasoningEffort: only(v.backend === 'openai', () => v.reasoningEffort ?? 'not sent'),
    extraBody: only(v.backend === 'openai', () =>
      v.extraBody ? `${JSON.stringify(v.extraBody)}${overrides.length > 0 ? ` (replaces ${overrides.join(', ')})` : ''}` : 'none',
    ),
    extraction: only(kind === 'tests', () => (usesFencedFallback(v) ? 'assertion tags, else fenced code' : 'assertion tags only')),
    comparison: e.comparison,
    engine: `${e.engineVersion} / ${e.pyodideVersion}`,
  };
  return PROVENANCE_KEYS.map((key) => ({ key, label: PROVENANCE_LABELS[key], value: values[key], applies: values[key] !== NOT_APPLICABLE }));
}
