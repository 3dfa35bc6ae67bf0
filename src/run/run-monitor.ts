// Live counters of a running run: the stored RunProgress plus throughput (requests/s, tokens/s, tests/s) and ETA.
import { etaSeconds, RateWindow } from '../core/run/orchestration/throughput';
import type { CandidateRecord, GenerationRecord } from '../core/run/run-records';
import type { RunProgress } from '../core/run/run-types';

/** What the UI and the CLI show while a run works. */
export interface RunSnapshot {
  progress: RunProgress;
  requestsPerSecond: number | null;
  completionTokensPerSecond: number | null;
  candidatesPerSecond: number | null;
  testsPerSecond: number | null;
  etaSeconds: number | null;
  /** Problems generating or executing right now, in run order. */
  active: string[];
}

/** Counts finished work and measures rates over a sliding window. */
export class RunMonitor {
  #progress: RunProgress;
  readonly #requests = new RateWindow();
  readonly #tokens = new RateWindow();
  readonly #candidates = new RateWindow();
  readonly #tests = new RateWindow();
  readonly #active = new Set<string>();

  constructor(
    initial: RunProgress,
    readonly now: () => number = Date.now,
  ) {
    this.#progress = { ...initial };
  }

  get progress(): RunProgress {
    return this.#progress;
  }

  generationDone(g: GenerationRecord): void {
    const at = this.now();
    const p = this.#progress;
    this.#progress = {
      ...p,
      generationsDone: p.generationsDone + 1,
      testsGenerated: p.testsGenerated + g.tests.length,
      malformedTests: p.malformedTests + g.malformedCount,
      promptTokens: p.promptTokens + (g.usage?.promptTokens ?? 0),
      completionTokens: p.completionTokens + (g.usage?.completionTokens ?? 0),
    };
    this.#requests.add(at);
    this.#tokens.add(at, g.usage?.completionTokens ?? 0);
  }

  candidateDone(r: CandidateRecord): void {
    const at = this.now();
    this.#progress = { ...this.#progress, candidatesDone: this.#progress.candidatesDone + 1 };
    this.#candidates.add(at);
    this.#tests.add(at, r.total);
  }

  problemStarted(taskId: string): void {
    this.#active.add(taskId);
  }

  problemDone(taskId: string): void {
    this.#active.delete(taskId);
    this.#progress = { ...this.#progress, problemsDone: this.#progress.problemsDone + 1 };
  }

  problemLeft(taskId: string): void {
    this.#active.delete(taskId);
  }

  snapshot(): RunSnapshot {
    const now = this.now();
    const p = this.#progress;
    const requestsPerSecond = this.#requests.perSecond(now);
    const candidatesPerSecond = this.#candidates.perSecond(now);
    return {
      progress: p,
      requestsPerSecond,
      completionTokensPerSecond: this.#tokens.perSecond(now),
      candidatesPerSecond,
      testsPerSecond: this.#tests.perSecond(now),
      etaSeconds: etaSeconds({
        generationsLeft: p.generationsTotal - p.generationsDone,
        candidatesLeft: p.candidatesTotal - p.candidatesDone,
        generationsPerSecond: requestsPerSecond,
        candidatesPerSecond,
      }),
      active: [...this.#active],
    };
  }
}
