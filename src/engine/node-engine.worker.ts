// Node worker_threads entry: expose the engine API over comlink; the pool then calls start(). The harness
// sources come from the pool (workerData), so this file also runs bundled, away from the .py files.
import { expose } from 'comlink';
import { parentPort, workerData } from 'node:worker_threads';
import { nodeEndpoint } from './node-endpoint';
import { constantsBindingForPyodide } from './node-permission';
import { createWorkerApi, type WorkerSources } from './worker-api';

constantsBindingForPyodide(); // the engine host runs under the permission model (node-engine-host.ts)
const { sources } = workerData as { sources: WorkerSources };
expose(createWorkerApi(sources), nodeEndpoint(parentPort!));
