// Node side of the engine's static inputs: the harness .py files (read from disk; browsers use ?raw imports in
// sources.ts) and the Pyodide directory inside node_modules.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import type { EngineSources } from './sources-types';
import { HARNESS_FILES, PRELOAD_FILE } from './sources-types';

const read = (name: string) => readFileSync(new URL(`./${name}`, import.meta.url), 'utf8');

/** The harness and preload sources, read from this directory. */
export function nodeEngineSources(): EngineSources {
  return { harness: HARNESS_FILES.map(read), preload: read(PRELOAD_FILE) };
}

/** node_modules/pyodide/ as a path with a trailing slash (loadPyodide's indexURL in Node). */
export function nodePyodideDir(): string {
  return `${dirname(createRequire(import.meta.url).resolve('pyodide/package.json'))}/`;
}
