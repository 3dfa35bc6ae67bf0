// Serves Pyodide's runtime files from node_modules/pyodide at <base>pyodide/ in dev and preview, and emits them
// into dist/pyodide/ at build. Nothing is ever loaded from a CDN. Workers use `${BASE_URL}pyodide/` as indexURL.
import { createReadStream, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Connect, Plugin } from 'vite';

/** The files loadPyodide fetches at run time (the loader itself is bundled into the worker). */
export const PYODIDE_RUNTIME_FILES = ['pyodide.asm.mjs', 'pyodide.asm.wasm', 'python_stdlib.zip', 'pyodide-lock.json', 'pyodide.mjs'];
export const PYODIDE_DIR = 'pyodide/';

const CONTENT_TYPES: Record<string, string> = {
  '.mjs': 'text/javascript',
  '.wasm': 'application/wasm',
  '.zip': 'application/zip',
  '.json': 'application/json',
};

function pyodideRoot(): string {
  return dirname(createRequire(import.meta.url).resolve('pyodide/package.json'));
}

function middleware(base: string, root: string): Connect.NextHandleFunction {
  const prefix = `${base}${PYODIDE_DIR}`;
  return (req, res, next) => {
    const path = (req.url ?? '').split('?')[0];
    if (!path.startsWith(prefix)) return next();
    const name = path.slice(prefix.length);
    if (!PYODIDE_RUNTIME_FILES.includes(name)) return next();
    const file = join(root, name);
    const ext = name.slice(name.lastIndexOf('.'));
    res.setHeader('Content-Type', CONTENT_TYPES[ext] ?? 'application/octet-stream');
    res.setHeader('Content-Length', String(statSync(file).size));
    // Under COEP require-corp every subresource must allow being embedded.
    res.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
    res.setHeader('Cache-Control', 'no-cache');
    createReadStream(file).pipe(res);
  };
}

export function pyodideAssets(): Plugin {
  const root = pyodideRoot();
  let base = '/';
  return {
    name: 'verifier-lab:pyodide-assets',
    configResolved(config) {
      base = config.base.endsWith('/') ? config.base : `${config.base}/`;
    },
    configureServer(server) {
      server.middlewares.use(middleware(base, root));
    },
    configurePreviewServer(server) {
      // After the static handler: a build's own dist/pyodide/ wins, node_modules is only a fallback.
      return () => server.middlewares.use(middleware(base, root));
    },
    generateBundle() {
      for (const name of PYODIDE_RUNTIME_FILES) {
        this.emitFile({ type: 'asset', fileName: `${PYODIDE_DIR}${name}`, source: readFileSync(join(root, name)) });
      }
    },
  };
}
