// Puts the browser pool on window for the engine browser test; nothing else runs on this page.
import { createBrowserPool, interruptsAvailable } from '../../../src/engine/browser-pool';

const target = window as unknown as Record<string, unknown>;
target.engine = { createBrowserPool, interruptsAvailable };
target.engineLoaded = true;
