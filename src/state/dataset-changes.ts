// Tells the rest of the app, in this tab and in every other tab or window of the origin, that a stored dataset was
// deleted. A BroadcastChannel delivers a post to every other instance of the channel, in this tab too, but not to
// the instance that posted: so each listener owns one instance, and the poster hears only the others.

/** What changed. `split` lets jobs that hold a parsed copy (re-verification) tell whether it was theirs. */
export type DatasetChange = { kind: 'deleted'; id: string; name: string; split: string };

const CHANNEL = 'verifier-lab:datasets:v1';

export class DatasetChanges {
  readonly #channel: BroadcastChannel | null;

  /** Without `onChange` the instance only posts. */
  constructor(onChange?: (change: DatasetChange) => void) {
    // Browsers without BroadcastChannel (and odd test hosts) just lose the cross-tab news.
    this.#channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel(CHANNEL) : null;
    if (this.#channel && onChange) {
      this.#channel.onmessage = (event: MessageEvent<unknown>) => {
        if (isChange(event.data)) onChange(event.data);
      };
    }
  }

  post(change: DatasetChange): void {
    this.#channel?.postMessage(change);
  }

  close(): void {
    this.#channel?.close();
  }
}

function isChange(data: unknown): data is DatasetChange {
  const d = data as Partial<DatasetChange> | null;
  return d?.kind === 'deleted' && typeof d.id === 'string' && typeof d.name === 'string' && typeof d.split === 'string';
}
