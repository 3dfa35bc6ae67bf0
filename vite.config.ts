// Build and serve the app. COOP/COEP make the page cross-origin isolated so Pyodide's
// interrupt buffer (a SharedArrayBuffer) can stop runaway candidates.
import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { VitePWA } from 'vite-plugin-pwa';
import { bundledDatasets } from './vite-plugins/bundled-datasets';
import { pyodideAssets } from './vite-plugins/pyodide-assets';

const isolationHeaders = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

// Our own service worker (src/sw.ts): precache everything, and add the isolation headers to every
// response it serves so static hosts without header control are isolated too (after one reload).
const pwa = VitePWA({
  strategies: 'injectManifest',
  srcDir: 'src',
  filename: 'sw.ts',
  registerType: 'autoUpdate',
  injectRegister: false, // src/state/pwa-status.svelte.ts registers through virtual:pwa-register
  includeManifestIcons: false, // globPatterns below already picks up everything in public/
  manifest: {
    name: 'Verifier Lab',
    short_name: 'Verifier Lab',
    description:
      'Measure synthetic code verifiers on the Scoring Verifiers ranking benchmarks, in the browser and offline.',
    theme_color: '#3730a3',
    background_color: '#f5f5fa',
    display: 'standalone',
    start_url: './',
    scope: './',
    icons: [
      { src: 'icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
      { src: 'icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
      { src: 'icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
    ],
  },
  injectManifest: {
    // Everything the build emits; the plugin adds manifest.webmanifest itself.
    globPatterns: ['**/*.{js,mjs,css,html,svg,png,ico,wasm,zip,json,jsonl}'],
    maximumFileSizeToCacheInBytes: 32 * 1024 * 1024, // the Pyodide wasm is 9.6 MB
  },
});

export default defineConfig({
  plugins: [svelte(), pyodideAssets(), bundledDatasets(), pwa],
  server: { headers: isolationHeaders },
  preview: { headers: isolationHeaders, port: 4173, strictPort: true },
  worker: { format: 'es' },
  optimizeDeps: { exclude: ['pyodide'] },
});
