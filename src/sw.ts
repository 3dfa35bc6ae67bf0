// The service worker: precaches the whole build (app, demo dataset, Pyodide) and serves it cache-first,
// adding COOP/COEP/CORP to every same-origin response so the page is cross-origin isolated on any host.
/// <reference lib="webworker" />
import { cleanupOutdatedCaches, matchPrecache, precache, type PrecacheEntry } from 'workbox-precaching';
import { clientsClaim } from 'workbox-core';

declare const self: ServiceWorkerGlobalScope & { __WB_MANIFEST: Array<PrecacheEntry | string> };

/** The message a loaded but uncontrolled page sends to be claimed (same literal in pwa-status.svelte.ts). */
const CLAIM_MESSAGE = 'verifier-lab:claim';

const ISOLATION_HEADERS: Record<string, string> = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

precache(self.__WB_MANIFEST);
cleanupOutdatedCaches();
// registerType 'autoUpdate': a new version takes over at once; the page reloads on 'activated'.
void self.skipWaiting();
clientsClaim();

// clients.claim() at activation skips a page whose navigation was still loading at that moment (it is not yet
// "execution ready"), and that page would stay uncontrolled until reloaded. Such a page asks again once loaded
// (src/state/pwa-status.svelte.ts); claiming an already controlled page changes nothing.
self.addEventListener('message', (event) => {
  if ((event.data as { type?: unknown } | null)?.type !== CLAIM_MESSAGE) return;
  event.waitUntil(self.clients.claim());
});

/** Copy a response with the isolation headers added. Opaque and error responses pass through. */
function withIsolation(response: Response): Response {
  if (response.status === 0 || response.type === 'opaqueredirect') return response;
  const headers = new Headers(response.headers);
  for (const [name, value] of Object.entries(ISOLATION_HEADERS)) headers.set(name, value);
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}

async function respond(request: Request): Promise<Response> {
  // The app is a single page with hash routes: a navigation to anything not precached gets index.html.
  let cached = await matchPrecache(request);
  if (!cached && request.mode === 'navigate') cached = await matchPrecache('index.html');
  return withIsolation(cached ?? (await fetch(request)));
}

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith(respond(request));
});
