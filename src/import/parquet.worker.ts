// Worker entry: converts Parquet rows to JSON lines off the main thread (decoding a row group is one long task).
import { expose } from 'comlink';
import { parquetWorkerApi } from './parquet-worker-api';

expose(parquetWorkerApi);
