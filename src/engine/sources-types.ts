// Names of the Python files the engine runs, shared by the Node reader and the browser ?raw imports.

/** Exec'd in this order into one private namespace. */
export const HARNESS_FILES = ['harness_state.py', 'harness_compare.py', 'harness_define.py', 'harness.py', 'harness_judge.py', 'harness_integrity.py'] as const;
/** Imports captured by the memory snapshot. */
export const PRELOAD_FILE = 'preload.py';

export interface EngineSources {
  harness: string[];
  preload: string;
}
