// Node realm probe: a worker thread that loads Pyodide, drops its capabilities as the engine's workers do,
// and reports which attempts still get through. Bundled by sandbox-realm.test.ts.
import { loadPyodide } from 'pyodide';
import { parentPort, workerData } from 'node:worker_threads';
import { dropCapabilities } from '../../../src/engine/sandbox';
import { attemptsThatGotThrough } from './attempts';

const port = parentPort!;
const send = port.postMessage.bind(port);
const { indexURL, url } = workerData as { indexURL: string; url: string };
const pyodide = await loadPyodide({ indexURL });
const report = dropCapabilities(pyodide);
send({ report, through: await attemptsThatGotThrough({ url, pyodide }) });
