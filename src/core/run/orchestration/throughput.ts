// Rates over a sliding time window (requests/s, tokens/s, tests/s) and the ETA of a run from them. Pure: the
// caller passes timestamps, so tests need no clock.

/** One thing that finished at `at` (ms), worth `amount` units (1 request, N tokens, N tests). */
interface Sample {
  at: number;
  amount: number;
}

/** Sum of amounts in the last `windowMs`, per second. Old samples are dropped as new ones arrive. */
export class RateWindow {
  readonly #samples: Sample[] = [];

  constructor(readonly windowMs = 30_000) {}

  add(at: number, amount = 1): void {
    this.#samples.push({ at, amount });
    this.#trim(at);
  }

  /** Units per second over the window ending at `now`; null until two samples span some time. */
  perSecond(now: number): number | null {
    this.#trim(now);
    const s = this.#samples;
    if (s.length === 0) return null;
    // Measure from the window's start, or from the first sample when the run is younger than the window.
    const span = Math.min(this.windowMs, now - s[0]!.at);
    if (span <= 0 || s.length < 2) return null;
    const total = s.reduce((n, x) => n + x.amount, 0);
    return (total * 1000) / span;
  }

  #trim(now: number): void {
    while (this.#samples.length > 0 && this.#samples[0]!.at < now - this.windowMs) this.#samples.shift();
  }
}

/** What is left of a run and how fast each stage goes (units per second; null = not measured yet). */
export interface EtaInput {
  generationsLeft: number;
  candidatesLeft: number;
  generationsPerSecond: number | null;
  candidatesPerSecond: number | null;
}

/**
 * Seconds until done, or null when a needed rate is unknown. The stages overlap, so the slower one decides:
 * the ETA is the larger of the two stages' remaining times.
 */
export function etaSeconds(input: EtaInput): number | null {
  const stage = (left: number, rate: number | null): number | null => (left === 0 ? 0 : rate === null || rate <= 0 ? null : left / rate);
  const generation = stage(input.generationsLeft, input.generationsPerSecond);
  const execution = stage(input.candidatesLeft, input.candidatesPerSecond);
  if (generation === null || execution === null) return null;
  return Math.max(generation, execution);
}
