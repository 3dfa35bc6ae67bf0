// A tab still loading when the service worker activates is missed by the activation's clients.claim() (it is not
// yet "execution ready"); the app must still end up controlled, and so offline-ready, without a reload.
import type { Plugin } from 'vite';
import { describe, expect, inject, it } from 'vitest';
import { recordPage, startPreview, useApp, waitForServiceWorker } from './browser';

const chromiumPath = inject('chromiumPath');

interface Hold {
  /** Resolves when the held navigation request has arrived. */
  seen: Promise<void>;
  release(): void;
}

/** A preview middleware that holds the next navigation request until released. */
function navigationGate(): { plugin: Plugin; holdNext(): Hold } {
  let pending: { arrived: () => void; released: Promise<void> } | null = null;
  const plugin: Plugin = {
    name: 'hold-next-navigation',
    configurePreviewServer(server) {
      server.middlewares.use((req, _res, next) => {
        if (!pending || req.headers['sec-fetch-mode'] !== 'navigate') return next();
        const held = pending;
        pending = null;
        held.arrived();
        void held.released.then(() => next());
      });
    },
  };
  return {
    plugin,
    holdNext() {
      let arrived!: () => void;
      let release!: () => void;
      const seen = new Promise<void>((resolve) => (arrived = resolve));
      pending = { arrived, released: new Promise<void>((resolve) => (release = resolve)) };
      return { seen, release };
    },
  };
}

describe.skipIf(!chromiumPath)('service worker control', () => {
  const gate = navigationGate();
  const app = useApp(chromiumPath!, { serve: () => startPreview([gate.plugin]) });

  it('controls a tab whose page was still loading when the service worker activated', async () => {
    const first = await app.browser.context.newPage();
    await first.goto(app.served.url);
    expect(await first.evaluate(() => navigator.serviceWorker.controller)).toBeNull();

    // The second tab's page is requested before the worker is active and arrives after it has activated.
    const hold = gate.holdNext();
    const second = await app.browser.context.newPage();
    const log = recordPage(app.browser.context, second);
    const loading = second.goto(app.served.url);
    await hold.seen;
    await waitForServiceWorker(first);
    hold.release();
    await loading;

    await waitForServiceWorker(second);
    await second.getByText('Works offline').waitFor();
    expect(await second.evaluate(() => crossOriginIsolated)).toBe(true);
    expect(log.errors).toEqual([]);
    await second.close();
    await first.close();
  });
});
