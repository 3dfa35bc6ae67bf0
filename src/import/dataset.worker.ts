// Worker entry: reads, validates and parses datasets off the main thread (one big line is one long task).
import { expose } from 'comlink';
import { datasetWorkerApi } from './dataset-worker-api';

expose(datasetWorkerApi);
