// Runtime checks that carry their own type: a shape is a type guard, and ShapeOf<typeof shape> is the type it
// guards, so a reply's shape is declared once (harness-reply.ts) and both checked and typed from there.
// Records are exact: a key the declaration does not name makes the value not fit.

export type Shape<T> = (v: unknown) => v is T;
export type ShapeOf<S> = S extends Shape<infer T> ? T : never;
type Simplify<T> = { [K in keyof T]: T[K] } & {};

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export const text: Shape<string> = (v): v is string => typeof v === 'string';
export const flag: Shape<boolean> = (v): v is boolean => typeof v === 'boolean';
/** A non-negative safe integer (a count or an index). */
export const count: Shape<number> = (v): v is number => Number.isSafeInteger(v) && (v as number) >= 0;
/** A finite non-negative number (milliseconds). */
export const duration: Shape<number> = (v): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0;

export function oneOf<const T extends readonly string[]>(values: T): Shape<T[number]> {
  const set: ReadonlySet<unknown> = new Set(values);
  return (v): v is T[number] => set.has(v);
}

export function nullable<T>(shape: Shape<T>): Shape<T | null> {
  return (v): v is T | null => v === null || shape(v);
}

export function list<T>(item: Shape<T>): Shape<T[]> {
  return (v): v is T[] => Array.isArray(v) && v.every(item);
}

export function tuple<const S extends readonly Shape<unknown>[]>(...items: S): Shape<{ -readonly [K in keyof S]: ShapeOf<S[K]> }> {
  return (v): v is { -readonly [K in keyof S]: ShapeOf<S[K]> } => Array.isArray(v) && v.length === items.length && items.every((s, i) => s(v[i]));
}

type Fields = Record<string, Shape<unknown>>;
type RecordOf<R extends Fields, O extends Fields> = Simplify<{ [K in keyof R]: ShapeOf<R[K]> } & { [K in keyof O]?: ShapeOf<O[K]> }>;

/** An object with exactly the `required` keys and any of the `optional` ones, each of its shape. */
export function record<R extends Fields, O extends Fields = Record<never, never>>(required: R, optional?: O): Shape<RecordOf<R, O>> {
  const names = Object.keys(required);
  const extra: Fields = optional ?? {};
  return (v): v is RecordOf<R, O> => {
    if (!isObject(v)) return false;
    let present = 0;
    for (const key of Object.keys(v)) {
      const shape = Object.hasOwn(required, key) ? required[key]! : Object.hasOwn(extra, key) ? extra[key]! : null;
      if (!shape || !shape(v[key])) return false;
      if (Object.hasOwn(required, key)) present++;
    }
    return present === names.length;
  };
}

export function anyOf<const S extends readonly Shape<unknown>[]>(...shapes: S): Shape<ShapeOf<S[number]>> {
  return (v): v is ShapeOf<S[number]> => shapes.some((s) => s(v));
}
