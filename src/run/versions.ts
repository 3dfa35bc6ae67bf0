// Versions recorded with every run and run file, read from the package manifests at build time.
import { version as appVersion } from '../../package.json';
import { version as pyodideVersion } from 'pyodide/package.json';

/** This app's version (package.json). */
export const APP_VERSION: string = appVersion;

/**
 * Version of the engine (harness + runtime). The engine does not publish its own number yet, so the app version
 * stands for it: any change to the harness ships in a new app version.
 */
export const ENGINE_VERSION: string = appVersion;

/** The Pyodide the engine is built against; a pool reports the version it actually loaded in ReadyInfo. */
export const PYODIDE_VERSION: string = pyodideVersion;
