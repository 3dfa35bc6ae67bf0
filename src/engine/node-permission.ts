// What the engine host process may do under Node's permission model: read Pyodide's files and its own
// bundles, start its worker threads, nothing else (no file writes, no child processes, no native addons).
// Node 20 cannot restrict the network; the worker realm's stripping covers that, and code generation from
// strings (sandbox.ts). V8's --disallow-code-generation-from-strings is not used: with it, Pyodide's
// interrupts stopped landing (the watchdog had to kill every runaway test; tests/engine/pool.test.ts).
import { constants as fsConstants } from 'node:fs';
import { constants as osConstants } from 'node:os';

/** Node flags for a process that may only read `readable` (directories, with a trailing slash). */
export function permissionFlags(readable: readonly string[]): string[] {
  // Node 22.13+ calls the flag --permission; 20 and early 22 know only --experimental-permission.
  const flag = process.allowedNodeEnvironmentFlags.has('--permission') ? '--permission' : '--experimental-permission';
  return [flag, ...readable.map((dir) => `--allow-fs-read=${dir}`), '--allow-worker', '--no-warnings'];
}

/**
 * Pyodide's NODEFS reads the fs flag constants through process.binding('constants'), which the permission
 * model refuses; hand it exactly those constants (and refuse nothing more than before).
 */
export function constantsBindingForPyodide(): void {
  const proc = process as unknown as { binding(name: string): unknown };
  const original = proc.binding;
  proc.binding = (name: string) => (name === 'constants' ? { fs: fsConstants, os: osConstants } : original.call(process, name));
}
