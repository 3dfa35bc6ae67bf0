// Browser Web Worker entry: capture the message endpoint (the sandbox later deletes postMessage and the
// listener methods from this realm), then expose the engine API over comlink; the pool calls start().
import { expose, type Endpoint } from 'comlink';
import { engineSources } from './sources';
import { createWorkerApi } from './worker-api';

const scope = globalThis as unknown as Endpoint;
const endpoint: Endpoint = {
  postMessage: scope.postMessage.bind(scope),
  addEventListener: scope.addEventListener.bind(scope),
  removeEventListener: scope.removeEventListener.bind(scope),
};
expose(createWorkerApi({ harnessSources: engineSources.harness, preloadSource: engineSources.preload }), endpoint);
