// Typed readers for run data of unknown shape (run files, records about to be stored). Errors name the field path.

/** A run value of the wrong shape. `path` is dotted with indexes, e.g. "run.verifier.sampling.topP". */
export class RunFieldError extends Error {
  override readonly name = 'RunFieldError';

  constructor(
    readonly path: string,
    readonly problem: string,
  ) {
    super(`${path}: ${problem}`);
  }
}

type Json = Record<string, unknown>;

/** Reads fields of one object. Readers copy only the fields they are asked for, so unknown keys are dropped. */
export class RunReader {
  constructor(
    readonly obj: Json,
    readonly path: string,
  ) {}

  /** Wraps `value`, which must be a plain object. */
  static of(value: unknown, path: string): RunReader {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new RunFieldError(path, `expected an object, got ${describe(value)}`);
    return new RunReader(value as Json, path);
  }

  at(key: string): string {
    return this.path === '' ? key : `${this.path}.${key}`;
  }

  /** True when the field is present (not undefined): optional fields added after version 1. */
  has(key: string): boolean {
    return Object.hasOwn(this.obj, key) && this.obj[key] !== undefined;
  }

  raw(key: string): unknown {
    if (!Object.hasOwn(this.obj, key) || this.obj[key] === undefined) throw new RunFieldError(this.at(key), 'missing');
    return this.obj[key];
  }

  string(key: string): string {
    return checkString(this.raw(key), this.at(key));
  }

  nullableString(key: string): string | null {
    const v = this.raw(key);
    return v === null ? null : checkString(v, this.at(key));
  }

  /** A finite number, optionally within [min, max]. */
  number(key: string, min = -Infinity, max = Infinity): number {
    return checkNumber(this.raw(key), this.at(key), min, max);
  }

  nullableNumber(key: string, min = -Infinity, max = Infinity): number | null {
    const v = this.raw(key);
    return v === null ? null : checkNumber(v, this.at(key), min, max);
  }

  /** An integer >= min. */
  int(key: string, min = 0): number {
    const v = this.number(key);
    if (!Number.isInteger(v) || v < min) throw new RunFieldError(this.at(key), `expected an integer >= ${min}, got ${v}`);
    return v;
  }

  /** One of a closed set of strings. */
  oneOf<T extends string>(key: string, allowed: readonly T[]): T {
    const v = this.string(key);
    if (!(allowed as readonly string[]).includes(v)) throw new RunFieldError(this.at(key), `expected one of ${allowed.join(', ')}, got ${JSON.stringify(v)}`);
    return v as T;
  }

  object(key: string): RunReader {
    return RunReader.of(this.raw(key), this.at(key));
  }

  nullableObject(key: string): RunReader | null {
    const v = this.raw(key);
    return v === null ? null : RunReader.of(v, this.at(key));
  }

  /** An array, each item read by `item` with its indexed path. */
  array<T>(key: string, item: (value: unknown, path: string) => T): T[] {
    const v = this.raw(key);
    if (!Array.isArray(v)) throw new RunFieldError(this.at(key), `expected an array, got ${describe(v)}`);
    return v.map((x, i) => item(x, `${this.at(key)}[${i}]`));
  }

  stringArray(key: string): string[] {
    return this.array(key, checkString);
  }
}

/** `value` as a string, or a RunFieldError at `path`. */
export function checkString(value: unknown, path: string): string {
  if (typeof value !== 'string') throw new RunFieldError(path, `expected a string, got ${describe(value)}`);
  return value;
}

function checkNumber(value: unknown, path: string, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new RunFieldError(path, `expected a finite number, got ${describe(value)}`);
  if (value < min || value > max) {
    const range = max === Infinity ? `>= ${min}` : min === -Infinity ? `<= ${max}` : `in [${min}, ${max}]`;
    throw new RunFieldError(path, `expected a number ${range}, got ${value}`);
  }
  return value === 0 ? 0 : value; // -0 would not survive JSON; store plain 0 so files round-trip exactly
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return value.length > 40 ? 'a string' : JSON.stringify(value);
  if (typeof value === 'number') return String(value);
  return typeof value === 'object' ? 'an object' : typeof value;
}
