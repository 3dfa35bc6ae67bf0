// Chromium realm probe: a module worker that loads Pyodide, drops its capabilities as the engine's workers
// do, and reports which attempts still get through (used by browser-pool.test.ts through main.ts).
import { loadPyodide } from 'pyodide';
import { dropCapabilities } from '../../../src/engine/sandbox';
import { attemptsThatGotThrough } from './attempts';

const scope = globalThis as unknown as { postMessage(m: unknown): void; onmessage: ((e: MessageEvent) => void) | null };
const send = scope.postMessage.bind(scope);
scope.onmessage = async (e: MessageEvent) => {
  const { indexURL, url } = e.data as { indexURL: string; url: string };
  const pyodide = await loadPyodide({ indexURL });
  const report = dropCapabilities(pyodide);
  send({ report, through: await attemptsThatGotThrough({ url, pyodide }) });
};
