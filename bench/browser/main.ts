// Puts the browser pool, the workload runner, the app's re-verification and an IndexedDB snapshot store on
// window for the benchmark. Built only by bench/browser-bench.ts; the app never ships this page.
import { createBrowserPool, interruptsAvailable } from '../../src/engine/browser-pool';
import { runWorkload } from '../run-workload';
import { analysisTiming } from './analysis-timing';
import { idbSnapshotStore } from './idb-snapshot-store';
import { clearCanonicalCache, verifyWhole } from './verify-whole';

const target = window as unknown as Record<string, unknown>;
target.bench = { createBrowserPool, interruptsAvailable, runWorkload, idbSnapshotStore, verifyWhole, clearCanonicalCache, analysisTiming };
target.benchLoaded = true;
