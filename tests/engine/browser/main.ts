// Puts the browser pool on window for the engine browser test; nothing else runs on this page.
import { createBrowserPool, interruptsAvailable } from '../../../src/engine/browser-pool';

const target = window as unknown as Record<string, unknown>;
/** Runs realm/browser.worker.ts: which attempts still get through a stripped worker realm. */
function probeRealm(indexURL: string, url: string): Promise<{ through: string[]; report: { stuck: string[] } }> {
  const worker = new Worker(new URL('../realm/browser.worker.ts', import.meta.url), { type: 'module' });
  return new Promise((resolve, reject) => {
    worker.onmessage = (e) => {
      worker.terminate();
      resolve(e.data);
    };
    worker.onerror = (e) => reject(new Error(e.message));
    worker.postMessage({ indexURL, url });
  });
}

target.engine = { createBrowserPool, interruptsAvailable, probeRealm };
target.engineLoaded = true;
