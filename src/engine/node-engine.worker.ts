// Node worker_threads entry: expose the engine API over comlink; the pool then calls start().
import { expose } from 'comlink';
import { parentPort } from 'node:worker_threads';
import { nodeEndpoint } from './node-endpoint';
import { nodeEngineSources } from './node-sources';
import { createWorkerApi } from './worker-api';

const sources = nodeEngineSources();
expose(createWorkerApi({ harnessSources: sources.harness, preloadSource: sources.preload }), nodeEndpoint(parentPort!));
