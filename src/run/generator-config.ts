// The OpenAI-compatible generator settings a run's verifier asks for: one place for the app, `run` and `generate`,
// so every entry point sends the same reasoning_effort and extra body (request-extras.ts says in which order).
import { requestBodyExtras } from '../core/run/request-extras';
import type { VerifierConfig } from '../core/run/run-config';
import type { OpenAiCompatibleConfig } from '../llm/openai-compatible';
import { streamsAnswers, verifierKind } from '../core/verifiers/verifier-kind';
import { RunSetupError } from './run-stop';

/** The endpoint config of an 'openai' verifier; the key comes from the caller (memory, localStorage or the environment). */
export function openAiGeneratorConfig(
  verifier: VerifierConfig,
  options: { apiKey?: string | undefined; maxConcurrency?: number } = {},
): OpenAiCompatibleConfig {
  if (verifier.backend !== 'openai' || !verifier.baseUrl) throw new RunSetupError('this run has no OpenAI-compatible base URL');
  const extraBody = requestBodyExtras(verifier);
  return {
    backend: 'openai-compatible',
    baseUrl: verifier.baseUrl,
    model: verifier.model,
    stream: streamsAnswers(verifierKind(verifier)),
    ...(options.apiKey ? { apiKey: options.apiKey } : {}),
    ...(options.maxConcurrency ? { maxConcurrency: options.maxConcurrency } : {}),
    ...(extraBody ? { extraBody } : {}),
  };
}
