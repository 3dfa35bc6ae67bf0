// One pool seat: owns a worker at a time, runs one call on it, interrupts overdue tests through the shared
// interrupt buffer and kills + replaces the worker when the interrupt does not land, the worker dies, the
// call is aborted or Pyodide failed fatally. Every call settles exactly once, whatever happens to the worker.
import { P_DEADLINE } from './progress';
import type { SpawnOptions, WorkerCalls, WorkerHandle } from './pool-types';
import type { ReadyInfo } from './runtime';
import type { WorkerReply } from './worker-api';

export type CallOutcome =
  | { kind: 'reply'; reply: WorkerReply }
  /** The worker was killed (`timeout`) or died (`crash`) during the call. */
  | { kind: 'lost'; status: 'timeout' | 'crash'; message: string }
  | { kind: 'aborted'; reason: unknown }
  /** The worker went away between dispatch and the call: nothing ran, ask for another slot. */
  | { kind: 'unavailable' };

interface ActiveCall {
  progress: Float64Array | null;
  hardDeadline: number;
  interruptedFor: number;
  interruptedAt: number;
  settle(outcome: CallOutcome): void;
}

export type SlotEvent = 'watchdog' | 'crash' | 'recycle';

export interface SlotHooks {
  spawnOptions(interrupt: Int32Array | null): SpawnOptions;
  onReady(slot: WorkerSlot, info: ReadyInfo, calls: WorkerCalls): void;
  onStartFailed(slot: WorkerSlot, error: unknown): void;
  onEvent(event: SlotEvent): void;
}

export class WorkerSlot {
  #handle: WorkerHandle | null = null;
  #call: ActiveCall | null = null;
  #interrupt: Int32Array | null;
  #closed = false;
  #ready = false;
  #reserved = false;
  /** Keys of large payloads (expected outputs) the current worker already holds. */
  #known = new Set<string>();

  constructor(
    private readonly spawn: (options: SpawnOptions) => WorkerHandle,
    private readonly hooks: SlotHooks,
    sharedMemory: boolean,
    private readonly graceMs: number,
    private readonly maxHeapBytes: number,
  ) {
    this.#interrupt = sharedMemory ? new Int32Array(new SharedArrayBuffer(4)) : null;
  }

  /** A started worker with no call running. */
  get available(): boolean {
    return this.#ready && this.#call === null && !this.#reserved && !this.#closed;
  }

  /** Promise the slot to one waiter: it stays unavailable until that waiter's run() starts. */
  reserve(): void {
    this.#reserved = true;
  }

  get busy(): boolean {
    return this.#call !== null;
  }

  /** Start (or restart) the worker; the pool hears back through onReady / onStartFailed. */
  start(): void {
    if (this.#closed) return;
    const handle = this.spawn(this.hooks.spawnOptions(this.#interrupt));
    this.#handle = handle;
    this.#ready = false;
    this.#known = new Set();
    handle.died.then((reason) => this.#lost(handle, 'crash', `worker died: ${reason}`, 'crash'));
    handle.calls.ready().then(
      (info) => {
        if (this.#handle !== handle) return;
        this.#ready = true;
        this.hooks.onReady(this, info, handle.calls);
      },
      (error) => {
        if (this.#handle !== handle) return;
        this.#dispose();
        this.hooks.onStartFailed(this, error);
      },
    );
  }

  /** Run one call; `hardDeadline` is an epoch ms after which the worker is killed regardless of progress. */
  run(
    invoke: (calls: WorkerCalls, known: Set<string>) => Promise<WorkerReply>,
    progress: Float64Array | null,
    hardDeadline: number,
    signal?: AbortSignal,
  ): Promise<CallOutcome> {
    this.#reserved = false;
    const handle = this.#handle;
    if (!handle || !this.#ready) return Promise.resolve({ kind: 'unavailable' });
    if (signal?.aborted) return Promise.resolve({ kind: 'aborted', reason: signal.reason });
    return new Promise<CallOutcome>((resolve) => {
      const onAbort = () => {
        this.#replace(handle);
        settle({ kind: 'aborted', reason: signal?.reason });
      };
      const settle = (outcome: CallOutcome) => {
        if (this.#call !== call) return;
        this.#call = null;
        signal?.removeEventListener('abort', onAbort);
        resolve(outcome);
      };
      const call: ActiveCall = { progress, hardDeadline, interruptedFor: 0, interruptedAt: 0, settle };
      this.#call = call;
      signal?.addEventListener('abort', onAbort, { once: true });
      invoke(handle.calls, this.#known).then(
        (reply) => {
          if (this.#call !== call) return;
          if (!reply.ok && reply.fatal) {
            this.hooks.onEvent('crash');
            this.#replace(handle);
          } else if (reply.heapBytes > this.maxHeapBytes) {
            this.hooks.onEvent('recycle');
            this.#replace(handle);
          }
          settle({ kind: 'reply', reply });
        },
        (error) => this.#lost(handle, 'crash', `worker call failed: ${String(error)}`, 'crash'),
      );
    });
  }

  /** Watchdog step: interrupt an overdue test once, kill the worker if that did not help within the grace. */
  tick(now: number): void {
    const call = this.#call;
    const handle = this.#handle;
    if (!call || !handle) return;
    if (now > call.hardDeadline) {
      this.#kill(handle, 'the candidate ran past its time budget');
      return;
    }
    const deadline = call.progress ? call.progress[P_DEADLINE] : 0;
    if (!this.#interrupt || !(deadline > 0) || now <= deadline) return;
    if (call.interruptedFor !== deadline) {
      call.interruptedFor = deadline;
      call.interruptedAt = now;
      Atomics.store(this.#interrupt, 0, 2); // SIGINT: Pyodide raises KeyboardInterrupt in the running code
    } else if (now - call.interruptedAt > this.graceMs) {
      this.#kill(handle, 'the interrupt did not stop it');
    }
  }

  close(): void {
    this.#closed = true;
    const handle = this.#handle;
    if (handle) this.#lost(handle, 'crash', 'pool closed');
    this.#ready = false;
    this.#dispose();
  }

  #kill(handle: WorkerHandle, why: string): void {
    this.#lost(handle, 'timeout', why, 'watchdog');
  }

  /** The worker is gone or must go: settle its call, then start a fresh one. */
  #lost(handle: WorkerHandle, status: 'timeout' | 'crash', message: string, event?: SlotEvent): void {
    if (this.#handle !== handle) return;
    const call = this.#call;
    if (event) this.hooks.onEvent(event);
    this.#replace(handle);
    call?.settle({ kind: 'lost', status, message });
  }

  #replace(handle: WorkerHandle): void {
    if (this.#handle !== handle) return;
    this.#dispose();
    if (this.#interrupt) Atomics.store(this.#interrupt, 0, 0);
    this.start();
  }

  #dispose(): void {
    const handle = this.#handle;
    this.#handle = null;
    this.#ready = false;
    this.#reserved = false;
    try {
      handle?.terminate();
    } catch {
      // already gone
    }
  }
}
