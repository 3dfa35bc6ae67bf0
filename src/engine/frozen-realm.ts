// Freezes the worker realm's JavaScript built-ins once Pyodide has loaded and the sandbox has removed what it
// removes. Python reaches them from any JS object it holds (a proxy's constructor, its prototype chain), and
// they outlive the interpreter's memory image: a property added to Object.prototype or a method replaced on
// Array.prototype would change how this runtime judges every later candidate, or run the candidate's code
// inside it. Frozen, nobody can change them, so there is nothing to restore between candidates.

/** The ECMAScript built-ins a realm names globally (those a worker lacks are skipped). */
const GLOBAL_INTRINSICS = [
  'Object', 'Function', 'Array', 'Number', 'Boolean', 'String', 'Symbol', 'BigInt', 'Date', 'Promise', 'RegExp',
  'Error', 'AggregateError', 'EvalError', 'RangeError', 'ReferenceError', 'SyntaxError', 'TypeError', 'URIError',
  'SuppressedError', 'JSON', 'Math', 'Reflect', 'Proxy', 'Map', 'Set', 'WeakMap', 'WeakSet', 'WeakRef',
  'FinalizationRegistry', 'ArrayBuffer', 'SharedArrayBuffer', 'DataView', 'Atomics', 'Int8Array', 'Uint8Array',
  'Uint8ClampedArray', 'Int16Array', 'Uint16Array', 'Int32Array', 'Uint32Array', 'Float16Array', 'Float32Array',
  'Float64Array', 'BigInt64Array', 'BigUint64Array', 'Iterator', 'Intl', 'WebAssembly', 'DisposableStack',
  'AsyncDisposableStack', 'parseInt', 'parseFloat', 'isNaN', 'isFinite', 'decodeURI', 'decodeURIComponent',
  'encodeURI', 'encodeURIComponent', 'escape', 'unescape',
];

/** Built-ins no global names: prototypes of functions, iterators and typed arrays the language makes. */
function hiddenIntrinsics(): unknown[] {
  const proto = Object.getPrototypeOf;
  const generator = function* () {};
  const asyncGenerator = async function* () {};
  const arrayIterator = [][Symbol.iterator]();
  return [
    proto(function () {}), // Function.prototype: the global Function is a stub (sandbox.ts)
    proto(async function () {}),
    proto(generator),
    proto(generator()),
    proto(asyncGenerator),
    proto(asyncGenerator()),
    proto(arrayIterator),
    proto(proto(arrayIterator)),
    proto(new Map().entries()),
    proto(new Set().values()),
    proto(''[Symbol.iterator]()),
    proto('a'.matchAll(/a/g)),
    proto(Int8Array), // %TypedArray%
    proto(Int8Array.prototype),
  ];
}

/** Every object reachable from the built-ins through own properties (values and accessors) and prototypes. */
function reachable(roots: unknown[]): Set<object> {
  const seen = new Set<object>();
  const queue = [...roots];
  while (queue.length > 0) {
    const o = queue.pop();
    if ((typeof o !== 'object' && typeof o !== 'function') || o === null || seen.has(o)) continue;
    seen.add(o);
    queue.push(Object.getPrototypeOf(o));
    for (const key of Reflect.ownKeys(o)) {
      const d = Object.getOwnPropertyDescriptor(o, key);
      if (d) queue.push(d.value, d.get, d.set);
    }
  }
  return seen;
}

/**
 * Pyodide raises Error.stackTraceLimit around each PythonError it makes (and V8 reads it as plain data), so it
 * stays writable; it can hold nothing but a value, and the constructor takes no new property (prepareStackTrace).
 */
function freezeKeeping(o: object, writable: string): void {
  for (const key of Reflect.ownKeys(o)) {
    const d = Object.getOwnPropertyDescriptor(o, key)!;
    const keep = key === writable && 'value' in d;
    Object.defineProperty(o, key, 'value' in d ? { configurable: false, writable: keep } : { configurable: false });
  }
  Object.preventExtensions(o);
}

/** Freeze the realm's built-ins; returns how many objects were frozen and the names that could not be. */
export function freezeIntrinsics(scope: typeof globalThis = globalThis): { frozen: number; failed: string[] } {
  const named = scope as unknown as Record<string, unknown>;
  const objects = reachable([...GLOBAL_INTRINSICS.map((name) => named[name]), ...hiddenIntrinsics()]);
  const failed: string[] = [];
  for (const o of objects) {
    try {
      if (o === named['Error']) freezeKeeping(o, 'stackTraceLimit');
      else Object.freeze(o);
    } catch (e) {
      failed.push(String((o as { name?: unknown }).name ?? Object.prototype.toString.call(o)) + `: ${String(e)}`);
    }
  }
  return { frozen: objects.size, failed };
}
