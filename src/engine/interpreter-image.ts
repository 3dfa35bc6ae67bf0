// A clean interpreter for every candidate, by construction: a copy of the worker's whole Python state, taken
// when it is known clean and written back before each candidate. What a copy holds: the WebAssembly memory
// below the allocator's break (every Python object, module, cache, class attribute, C-level state such as
// decimal's context) and the table of JavaScript values that memory refers to. The files Python can write
// are reset by scratch-fs.ts. Nothing a candidate changes survives into the next one, whatever it touched,
// so there is no list of things to undo.

/** The parts of Pyodide's Emscripten module used here. */
export interface WasmInterpreter {
  HEAPU8: Uint8Array;
  _sbrk(increment: number): number;
  __hiwire_get(index: number): unknown;
  __hiwire_set(index: number, value: unknown): number;
  __hiwire_delete(index: number): void;
}

export interface InterpreterImage {
  /** Copy the interpreter's current state. Only between calls into Python, never during one. */
  capture(): void;
  /** Write the copy back (capture() must have run): the interpreter is as it was then. */
  restore(): void;
  /** Bytes of memory the copy holds. */
  readonly bytes: number;
}

/** The table slots of JavaScript values held by Python, read until the table ends. */
function readRefs(mod: WasmInterpreter): unknown[] {
  const values: unknown[] = [];
  for (;;) {
    try {
      values.push(mod.__hiwire_get(values.length));
    } catch {
      return values; // RangeError/RuntimeError: past the table's end
    }
  }
}

export function createInterpreterImage(mod: WasmInterpreter): InterpreterImage {
  let memory: Uint8Array | null = null;
  let size = 0;
  let refs: unknown[] = [];
  const brk = () => mod._sbrk(0) >>> 0;

  return {
    get bytes() {
      return size;
    },
    capture() {
      const end = brk();
      // The buffer is kept and only grows: allocating (and first touching) 30+ MB costs far more than copying.
      if (!memory || memory.length < end) memory = new Uint8Array(end);
      memory.set(mod.HEAPU8.subarray(0, end));
      size = end;
      refs = readRefs(mod);
    },
    restore() {
      if (!memory) throw new Error('no interpreter image was captured');
      const heap = mod.HEAPU8;
      const end = brk();
      heap.set(memory.subarray(0, size));
      // What the candidate allocated past the image's break: free again once the break is restored, and
      // zeroed so that no data of one candidate is left in memory the next one gets.
      if (end > size) heap.fill(0, size, Math.min(end, heap.length));
      for (let i = 0; i < refs.length; i++) mod.__hiwire_set(i, refs[i]);
      for (let i = refs.length; ; i++) {
        try {
          mod.__hiwire_get(i);
        } catch {
          break;
        }
        mod.__hiwire_delete(i);
      }
    },
  };
}
