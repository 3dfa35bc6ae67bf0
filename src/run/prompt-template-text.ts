// A run stores its prompt template as one string (VerifierConfig.promptTemplate). This is that string's format:
// JSON {"system", "user"}; any other text is read as a user message alone, so hand-written templates still work.
import { PRESET_INFO, presetOf, presetTemplate, type PromptPreset } from '../llm/prompts/presets';
import { DEFAULT_JUDGE_TEMPLATE } from '../llm/prompts/judge-template';
import { DEFAULT_TEMPLATES, type PromptTemplate } from '../llm/prompts/templates';
import type { PromptVariant, VerifierConfig } from '../core/run/run-config';

/** The stored text of a template. */
export function encodePromptTemplate(template: Pick<PromptTemplate, 'system' | 'user'>): string {
  return JSON.stringify({ system: template.system, user: template.user });
}

/** The template a run's text stands for. */
export function decodePromptTemplate(text: string, variant: PromptVariant): PromptTemplate {
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value === 'object' && value !== null) {
      const { system, user } = value as Record<string, unknown>;
      if (typeof system === 'string' && typeof user === 'string') return { variant, system, user };
    }
  } catch {
    // not JSON: a plain user message
  }
  return { variant, system: '', user: text };
}

/** The stored text of a variant's default template. */
export function defaultTemplateText(variant: PromptVariant): string {
  return encodePromptTemplate(DEFAULT_TEMPLATES[variant]);
}

/** The stored text of a preset's template. */
export function presetTemplateText(preset: PromptPreset, variant: PromptVariant): string {
  return encodePromptTemplate(presetTemplate(preset, variant));
}

/**
 * The label of a run's prompt for its provenance: the preset's name, "default judge prompt", or null for an edited
 * template, a file run or a reward run (which sends no prompt of ours).
 */
export function promptNameOf(verifier: Pick<VerifierConfig, 'backend' | 'promptTemplate' | 'variant' | 'kind'>): string | null {
  if (verifier.backend === 'file' || verifier.kind === 'reward') return null;
  if (verifier.kind === 'judge') return verifier.promptTemplate === defaultJudgeTemplateText() ? 'default judge prompt' : null;
  const preset = presetOfTemplateText(verifier.promptTemplate, verifier.variant);
  return preset === null ? null : `${PRESET_INFO[preset].label} preset`;
}

/** The preset a run's stored template text is, or null when it was edited (or written elsewhere). */
export function presetOfTemplateText(text: string, variant: PromptVariant): PromptPreset | null {
  return presetOf(decodePromptTemplate(text, variant));
}

/** The stored text of the default judge prompt. */
export function defaultJudgeTemplateText(): string {
  return encodePromptTemplate(DEFAULT_JUDGE_TEMPLATE);
}
