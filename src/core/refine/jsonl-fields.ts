// Field readers for the refinement flow's JSON Lines files: each failure names the 1-based line and the field.
import { RefineFileError } from './refine-errors';

/** A parsed line as an object, or RefineFileError. */
export function objectLine(text: string, line: number): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new RefineFileError(line, '', `not JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new RefineFileError(line, '', 'expected a JSON object');
  return value as Record<string, unknown>;
}

export function stringField(o: Record<string, unknown>, field: string, line: number, options: { nonEmpty?: boolean } = {}): string {
  const v = o[field];
  if (v === undefined) throw new RefineFileError(line, field, 'missing');
  if (typeof v !== 'string') throw new RefineFileError(line, field, `expected a string, got ${JSON.stringify(v)}`);
  if (options.nonEmpty && v.trim() === '') throw new RefineFileError(line, field, 'is empty');
  return v;
}

export function rankField(o: Record<string, unknown>, field: string, line: number): number {
  const v = o[field];
  if (v === undefined) throw new RefineFileError(line, field, 'missing');
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 1) throw new RefineFileError(line, field, `expected a whole number >= 1, got ${JSON.stringify(v)}`);
  return v;
}

export function booleanField(o: Record<string, unknown>, field: string, line: number): boolean {
  const v = o[field];
  if (typeof v !== 'boolean') throw new RefineFileError(line, field, v === undefined ? 'missing' : `expected true or false, got ${JSON.stringify(v)}`);
  return v;
}

export function numberField(o: Record<string, unknown>, field: string, line: number, range: { min: number; max: number; whole?: boolean }): number {
  const v = o[field];
  if (v === undefined) throw new RefineFileError(line, field, 'missing');
  if (typeof v !== 'number' || !Number.isFinite(v) || v < range.min || v > range.max || (range.whole && !Number.isInteger(v))) {
    throw new RefineFileError(line, field, `expected a ${range.whole ? 'whole ' : ''}number in ${range.min}..${range.max}, got ${JSON.stringify(v)}`);
  }
  return v;
}

/** The non-blank lines of a file with their 1-based numbers. */
export function numberedLines(text: string): { text: string; line: number }[] {
  return text
    .split(/\r?\n/)
    .map((t, i) => ({ text: t, line: i + 1 }))
    .filter((l) => l.text.trim() !== '');
}
