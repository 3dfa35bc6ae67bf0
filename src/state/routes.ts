// Hash routes of the app (#/datasets, #/datasets/<task_id>, #/runs, #/settings): pure parse and format.

export type Route =
  | { page: 'datasets'; taskId: string | null }
  | { page: 'runs' }
  | { page: 'settings' }
  | { page: 'not-found'; path: string };

export type PageName = Route['page'];

/** The route a location hash stands for; an empty hash or "#/" is the datasets page. */
export function routeFromHash(hash: string): Route {
  const path = hash.replace(/^#/, '');
  if (path === '' || path === '/') return { page: 'datasets', taskId: null };
  const match = /^\/(datasets|runs|settings)(?:\/(.*))?$/.exec(path);
  if (!match) return { page: 'not-found', path };
  const [, page, rest] = match;
  if (page === 'datasets') {
    if (!rest) return { page: 'datasets', taskId: null };
    try {
      return { page: 'datasets', taskId: decodeURIComponent(rest) };
    } catch {
      return { page: 'not-found', path };
    }
  }
  if (rest) return { page: 'not-found', path };
  return page === 'runs' ? { page: 'runs' } : { page: 'settings' };
}

/** The href (with leading "#") of a route. Task ids may contain "/" and spaces, so they are encoded. */
export function hrefFor(route: Route): string {
  switch (route.page) {
    case 'datasets':
      return route.taskId === null ? '#/datasets' : `#/datasets/${encodeURIComponent(route.taskId)}`;
    case 'runs':
      return '#/runs';
    case 'settings':
      return '#/settings';
    case 'not-found':
      return `#${route.path}`;
  }
}

/** Shorthand for the href of one problem. */
export const problemHref = (taskId: string): string => hrefFor({ page: 'datasets', taskId });
