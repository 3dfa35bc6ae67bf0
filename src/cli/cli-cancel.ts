// Ctrl-C handling for long commands: the first SIGINT aborts the command's signal (it stops cleanly, writes
// nothing partial); a second one falls through to Node's default and ends the process at once.
import { setMaxListeners } from 'node:events';

/** The command was cancelled by the user. */
export class CancelledError extends Error {
  override readonly name = 'CancelledError';
}

/** Runs `work` with a signal that SIGINT aborts; the handler is removed afterwards. */
export async function withSigint<T>(onCancel: () => void, work: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  // Every in-flight engine call listens on this one signal; hundreds at once are expected, not a leak.
  setMaxListeners(0, controller.signal);
  const handler = () => {
    onCancel();
    controller.abort(new CancelledError('cancelled by the user (Ctrl-C)'));
  };
  process.once('SIGINT', handler);
  try {
    return await work(controller.signal);
  } finally {
    process.off('SIGINT', handler);
  }
}
