// Names of the Python files the engine runs, shared by the Node reader and the browser ?raw imports.

/** The harness modules, in the order they load: each imports only the ones before it (preload.py's
 *  install_harness), and each is named after its file. */
export const HARNESS_FILES = ['harness_state.py', 'harness_compare.py', 'harness_define.py', 'harness_integrity.py', 'harness_common.py', 'harness_judge.py', 'harness.py'] as const;
/** Imports captured by the memory snapshot, and the loader of the harness modules. */
export const PRELOAD_FILE = 'preload.py';

/** A harness file's module name. */
export const harnessModuleName = (file: string): string => file.replace(/\.py$/, '');

export interface EngineSources {
  /** The sources of HARNESS_FILES, in that order. */
  harness: string[];
  preload: string;
}
