// Service worker registration and what it means for the user: offline readiness and cross-origin isolation.
import { createContext } from 'svelte';
import { registerSW } from 'virtual:pwa-register';
import { errorMessage } from '../core/error-message';

const RELOAD_FLAG = 'verifier-lab:isolation-reload';
/** Asks the active service worker to claim this page (same literal in src/sw.ts). */
const CLAIM_MESSAGE = 'verifier-lab:claim';

export type WorkerState = 'unsupported' | 'development' | 'registering' | 'active' | 'failed';

export class PwaStatus {
  #state = $state<WorkerState>('registering');
  #controlled = $state(false);
  #offlineReady = $state(false);
  #error = $state<string | null>(null);
  #controlledResolve: () => void = () => {};
  #whenControlled = new Promise<void>((resolve) => (this.#controlledResolve = resolve));

  get state(): WorkerState {
    return this.#state;
  }
  /** The page is served by the service worker (so it works offline). */
  get controlled(): boolean {
    return this.#controlled;
  }
  /** The app is in the offline cache: first install finished, or a worker already serves the page. */
  get offlineReady(): boolean {
    return this.#offlineReady || this.#controlled;
  }
  get error(): string | null {
    return this.#error;
  }
  /** SharedArrayBuffer and Pyodide interrupts need this. Fixed for the life of the page. */
  get isolated(): boolean {
    return window.crossOriginIsolated;
  }
  /**
   * Resolves once a service worker controls the page (e.g. to fetch Pyodide only once, into the cache),
   * or at once when there will be none (development server, unsupported, registration failed).
   */
  whenControlled(): Promise<void> {
    return this.#whenControlled;
  }

  /** Register the service worker (production builds only). */
  start(): void {
    if (import.meta.env.DEV || !('serviceWorker' in navigator)) {
      this.#state = import.meta.env.DEV ? 'development' : 'unsupported';
      return this.#controlledResolve();
    }
    const sw = navigator.serviceWorker;
    this.#controlled = sw.controller !== null;
    sw.addEventListener('controllerchange', () => {
      this.#controlled = true;
      this.#controlledResolve();
      reloadOnceForIsolation();
    });
    if (this.#controlled) {
      this.#controlledResolve();
      reloadOnceForIsolation();
    } else {
      void sw.ready.then(askToBeClaimed);
    }
    registerSW({
      immediate: true,
      onOfflineReady: () => (this.#offlineReady = true),
      onRegisteredSW: () => (this.#state = 'active'),
      onRegisterError: (err: unknown) => {
        this.#state = 'failed';
        this.#error = errorMessage(err);
        this.#controlledResolve();
      },
    });
  }
}

/**
 * The worker's clients.claim() at activation skips a page that was still loading at that moment (a second tab,
 * or a reload while the first install finished): without this, such a page stays uncontrolled, "Not offline yet"
 * and, on a static host, not isolated, until the user reloads. 'controllerchange' then runs as on a first visit.
 */
async function askToBeClaimed(registration: ServiceWorkerRegistration): Promise<void> {
  const worker = registration.active;
  if (!worker) return;
  if (worker.state === 'activating') {
    await new Promise((resolve) => worker.addEventListener('statechange', resolve, { once: true }));
  }
  if (navigator.serviceWorker.controller === null && worker.state === 'activated') {
    worker.postMessage({ type: CLAIM_MESSAGE });
  }
}

/**
 * On a static host without COOP/COEP headers the page is isolated only when the service worker
 * (which adds them) serves it: reload once when it takes control. The session flag prevents loops
 * in browsers that never isolate.
 */
function reloadOnceForIsolation(): void {
  if (window.crossOriginIsolated) return;
  try {
    if (sessionStorage.getItem(RELOAD_FLAG)) return;
    sessionStorage.setItem(RELOAD_FLAG, '1');
  } catch {
    return;
  }
  location.reload();
}

export const [getPwaStatus, setPwaStatus] = createContext<PwaStatus>();
