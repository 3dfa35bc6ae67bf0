// A tiny rune-based hash router: the current Route follows `location.hash`; shared through context.
import { createContext } from 'svelte';
import { hrefFor, routeFromHash, type Route } from './routes';

/** In-page anchors such as "#main" are not routes. */
const isRouteHash = (hash: string): boolean => hash === '' || hash.startsWith('#/');

export class Router {
  #route = $state.raw<Route>(routeFromHash(isRouteHash(location.hash) ? location.hash : ''));

  /** The route for the current location hash. */
  get route(): Route {
    return this.#route;
  }

  /** Start following hashchange events; returns the function that stops it. */
  listen(): () => void {
    const update = () => {
      if (isRouteHash(location.hash)) this.#route = routeFromHash(location.hash);
    };
    update();
    window.addEventListener('hashchange', update);
    return () => window.removeEventListener('hashchange', update);
  }

  /** Goes to `route` in place of the current history entry (Back does not come back to it). */
  replace(route: Route): void {
    location.replace(hrefFor(route));
  }
}

export const [getRouter, setRouter] = createContext<Router>();
