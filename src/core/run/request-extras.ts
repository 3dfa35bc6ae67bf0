// A run's extra request fields: `reasoning_effort` and a JSON object merged into every chat-completions body.
// The merge order is fixed: our fields, then reasoning_effort, then the extra body, so the extra body wins on a
// collision (it is stored with the run, so the record says what was sent). It may not replace `model` or `messages`:
// those are what every generation record stores as the request, and a silent swap would make the record lie.
import { REASONING_EFFORTS, type ReasoningEffort, type VerifierConfig } from './run-config';

/** An extra body or reasoning effort that is not usable, with what is wrong in words. */
export class RequestExtrasError extends Error {
  override readonly name = 'RequestExtrasError';
}

/** Fields an extra body may not set. */
export const RESERVED_BODY_FIELDS = ['model', 'messages'] as const;

/** Fields we set ourselves that an extra body replaces when it names them. */
export const OWN_BODY_FIELDS = ['temperature', 'top_p', 'max_tokens', 'max_completion_tokens', 'seed', 'stream', 'stream_options', 'reasoning_effort'] as const;

/** `value` as an extra body: a plain JSON object without reserved fields, deep-copied. Throws RequestExtrasError. */
export function checkExtraBody(value: unknown): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    const got = value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value;
    throw new RequestExtrasError(`must be a JSON object like {"reasoning_effort": "high"}, got ${got}`);
  }
  const reserved = RESERVED_BODY_FIELDS.filter((k) => Object.hasOwn(value, k));
  if (reserved.length > 0) throw new RequestExtrasError(`may not set ${reserved.map((k) => `"${k}"`).join(' or ')}: the run sends its own model and prompt`);
  let copy: unknown;
  try {
    copy = JSON.parse(JSON.stringify(value));
  } catch {
    throw new RequestExtrasError('must be plain JSON');
  }
  return copy as Record<string, unknown>;
}

/** The extra body typed into a form or given on the command line; blank text means none. Throws RequestExtrasError. */
export function parseExtraBody(text: string): Record<string, unknown> | null {
  if (text.trim() === '') return null;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new RequestExtrasError(`is not valid JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  return checkExtraBody(value);
}

/** The effort named by `text` ('' = not sent); throws RequestExtrasError naming the allowed values. */
export function parseReasoningEffort(text: string): ReasoningEffort | null {
  if (text === '') return null;
  if (!(REASONING_EFFORTS as readonly string[]).includes(text)) throw new RequestExtrasError(`reasoning effort must be one of ${REASONING_EFFORTS.join(', ')} (got "${text}")`);
  return text as ReasoningEffort;
}

/** Our own fields that the run's extra body replaces, in a fixed order (for the run's settings and the leaderboard). */
export function extraBodyOverrides(extraBody: Record<string, unknown> | null | undefined): string[] {
  return extraBody ? OWN_BODY_FIELDS.filter((k) => Object.hasOwn(extraBody, k)) : [];
}

/** What a run adds to every request body: reasoning_effort (when set), then its extra body; undefined when nothing. */
export function requestBodyExtras(verifier: Pick<VerifierConfig, 'reasoningEffort' | 'extraBody'>): Record<string, unknown> | undefined {
  const extras: Record<string, unknown> = {
    ...(verifier.reasoningEffort ? { reasoning_effort: verifier.reasoningEffort } : {}),
    ...verifier.extraBody,
  };
  return Object.keys(extras).length > 0 ? extras : undefined;
}
