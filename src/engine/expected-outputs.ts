// Expected outputs of io tests are sent once per key: they can be hundreds of MB, so a sender (the pool to a
// worker, the Node pool to its engine host) sends them the first time and the key alone afterwards, and the
// receiver (the worker's runtime, the engine host) keeps the last few. A receiver that no longer holds them
// says so (`missing`) and the sender forgets the key and sends them again. One implementation for every hop.
import type { ScoreRequest } from '../core/run/types';

/** The request for a receiver that holds the outputs of the keys in `known`: the key alone when it is known,
 *  else in full (and the key is known from now on; at most `maxKnown` are remembered, oldest forgotten). */
export function sentOnce(request: ScoreRequest, known: Set<string>, maxKnown = Infinity): ScoreRequest {
  const tests = request.tests;
  if (tests.kind !== 'io') return request;
  const key = tests.expected.key;
  if (!known.has(key)) {
    known.add(key);
    while (known.size > maxKnown) known.delete(known.values().next().value!);
    return request;
  }
  return { ...request, tests: { ...tests, expected: { ...tests.expected, outputs: null as never } } };
}

/** The receiving side: the outputs of the last `capacity` keys received. */
export class HeldOutputs {
  readonly #held = new Map<string, (string | null)[]>();

  constructor(private readonly capacity: number) {}

  /** The request with its io outputs: as sent (held from now on) or as held; null when they are not held. */
  filled(request: ScoreRequest): ScoreRequest | null {
    const tests = request.tests;
    if (tests.kind !== 'io') return request;
    const { key, outputs } = tests.expected;
    if (outputs) {
      this.#held.delete(key);
      this.#held.set(key, outputs);
      while (this.#held.size > this.capacity) this.#held.delete(this.#held.keys().next().value!);
      return request;
    }
    const held = this.#held.get(key);
    return held ? { ...request, tests: { ...tests, expected: { ...tests.expected, outputs: held } } } : null;
  }
}
