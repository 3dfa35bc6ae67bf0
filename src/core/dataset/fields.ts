// Typed field readers for one parsed line: each failure names the line and the field path.
import { badField, missingField } from './errors';

/** A JSON object as parsed from a line. */
export type JsonObject = Record<string, unknown>;

/** Reads fields of one JSON object; `path` prefixes field names in error messages. */
export class FieldReader {
  constructor(
    readonly obj: JsonObject,
    readonly line: number,
    readonly path = '',
  ) {}

  /** Full dotted path of a key, e.g. "all_solutions[2].rank". */
  at(key: string): string {
    return this.path === '' ? key : `${this.path}.${key}`;
  }

  has(key: string): boolean {
    return Object.hasOwn(this.obj, key);
  }

  raw(key: string): unknown {
    if (!this.has(key)) throw missingField(this.line, this.at(key));
    return this.obj[key];
  }

  string(key: string): string {
    const v = this.raw(key);
    if (typeof v !== 'string') throw badField(this.line, this.at(key), 'a string', v);
    return v;
  }

  optionalString(key: string, fallback: string): string {
    return this.has(key) && this.obj[key] !== null ? this.string(key) : fallback;
  }

  number(key: string): number {
    const v = this.raw(key);
    if (typeof v !== 'number' || Number.isNaN(v)) throw badField(this.line, this.at(key), 'a number', v);
    return v;
  }

  optionalNumber(key: string, fallback: number): number {
    return this.has(key) && this.obj[key] !== null ? this.number(key) : fallback;
  }

  array(key: string): unknown[] {
    const v = this.raw(key);
    if (!Array.isArray(v)) throw badField(this.line, this.at(key), 'an array', v);
    return v;
  }

  stringArray(key: string): string[] {
    const items = this.array(key);
    items.forEach((item, i) => {
      if (typeof item !== 'string') throw badField(this.line, `${this.at(key)}[${i}]`, 'a string', item);
    });
    return items as string[];
  }

  optionalStringArray(key: string): string[] {
    return this.has(key) && this.obj[key] !== null ? this.stringArray(key) : [];
  }

  /** A nested object, as a reader whose errors carry the nested path. */
  object(key: string): FieldReader {
    const v = this.raw(key);
    if (!isJsonObject(v)) throw badField(this.line, this.at(key), 'an object', v);
    return new FieldReader(v, this.line, this.at(key));
  }

  /** task_id: a string (HumanEval/0, Mbpp/2) or an integer (MBPP's 1..974). */
  taskId(key: string): string {
    const v = this.raw(key);
    if (typeof v === 'string' && v !== '') return v;
    if (typeof v === 'number' && Number.isInteger(v)) return String(v);
    throw badField(this.line, this.at(key), 'a non-empty string or an integer', v);
  }
}

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
