// Browser side of the engine's Python sources: bundled as text by Vite (?raw), never fetched at run time.
import harnessState from './harness_state.py?raw';
import harnessCompare from './harness_compare.py?raw';
import harnessDefine from './harness_define.py?raw';
import harnessIntegrity from './harness_integrity.py?raw';
import harnessCommon from './harness_common.py?raw';
import harnessJudge from './harness_judge.py?raw';
import harness from './harness.py?raw';
import preload from './preload.py?raw';
import type { EngineSources } from './sources-types';

/** In the order of HARNESS_FILES. */
export const engineSources: EngineSources = {
  harness: [harnessState, harnessCompare, harnessDefine, harnessIntegrity, harnessCommon, harnessJudge, harness],
  preload,
};
