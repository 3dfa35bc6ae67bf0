// Node worker_threads entry: build the runtime from workerData and expose it over comlink.
import { expose } from 'comlink';
import { parentPort, workerData } from 'node:worker_threads';
import { nodeEndpoint } from './node-endpoint';
import { nodeEngineSources } from './node-sources';
import { createWorkerApi, type WorkerInit } from './worker-api';

const init = workerData as WorkerInit;
const sources = nodeEngineSources();
expose(createWorkerApi({ ...init, harnessSources: sources.harness, preloadSource: sources.preload }), nodeEndpoint(parentPort!));
