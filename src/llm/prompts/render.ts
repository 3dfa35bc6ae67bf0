// Pure template rendering: {{name}} placeholders replaced in one pass, so values containing "{{" stay as they are.

/** The placeholders a template may use. */
export const PLACEHOLDERS = ['n', 'problem', 'solution', 'entry_point'] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];

/** Values for rendering; a placeholder without a value is an error. */
export type TemplateValues = Partial<Record<Placeholder, string | number>>;

/** A template that uses an unknown placeholder, or one without a value. */
export class PromptTemplateError extends Error {
  override readonly name = 'PromptTemplateError';
  readonly kind: 'unknown-placeholder' | 'missing-value';
  readonly placeholder: string;

  constructor(kind: 'unknown-placeholder' | 'missing-value', placeholder: string) {
    super(kind === 'unknown-placeholder' ? `unknown placeholder {{${placeholder}}}` : `no value for {{${placeholder}}}`);
    this.kind = kind;
    this.placeholder = placeholder;
  }
}

const PATTERN = /\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;

/** The placeholder names used in `template`, in order of first use. */
export function placeholdersIn(template: string): string[] {
  return [...new Set([...template.matchAll(PATTERN)].map((m) => m[1]!))];
}

/**
 * Replace every {{name}} with its value. Throws PromptTemplateError for unknown or missing ones. `allowed` is the
 * template family's placeholder set (the test-generation one by default; refinement prompts have their own).
 */
export function renderTemplate(template: string, values: TemplateValues | Readonly<Record<string, string | number | undefined>>, allowed: readonly string[] = PLACEHOLDERS): string {
  return template.replace(PATTERN, (_, name: string) => {
    if (!allowed.includes(name)) throw new PromptTemplateError('unknown-placeholder', name);
    const value = (values as Readonly<Record<string, string | number | undefined>>)[name];
    if (value === undefined) throw new PromptTemplateError('missing-value', name);
    return String(value);
  });
}
