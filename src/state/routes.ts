// Hash routes of the app (#/datasets, #/datasets/<task_id>, #/runs, #/runs/new, #/runs/<run id>[/<task_id>],
// #/leaderboard, #/refine[/<task_id>/<rank>], #/learn, #/settings): pure parse and format.

export type Route =
  | { page: 'datasets'; taskId: string | null }
  /** The run list; `view: 'new'` the new-run form; `runId` one run, `taskId` one of its problems. */
  | { page: 'runs'; view?: 'new'; runId?: string; taskId?: string }
  | { page: 'build' }
  | { page: 'leaderboard' }
  /** The Refine page; with `program`, the wrong program (a problem's candidate rank) to start from. */
  | { page: 'refine'; program?: { taskId: string; rank: number } }
  | { page: 'learn' }
  | { page: 'settings' }
  | { page: 'not-found'; path: string };

export type PageName = Route['page'];

/** The route a location hash stands for; an empty hash or "#/" is the datasets page. */
export function routeFromHash(hash: string): Route {
  const path = hash.replace(/^#/, '');
  if (path === '' || path === '/') return { page: 'datasets', taskId: null };
  const match = /^\/(datasets|runs|build|leaderboard|refine|learn|settings)(?:\/(.*))?$/.exec(path);
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
  if (page === 'runs') return runsRoute(rest, path);
  if (page === 'refine' && rest) return refineRoute(rest, path);
  if (rest) return { page: 'not-found', path };
  return { page: page as 'build' | 'leaderboard' | 'refine' | 'learn' | 'settings' };
}

function runsRoute(rest: string | undefined, path: string): Route {
  if (!rest) return { page: 'runs' };
  if (rest === 'new') return { page: 'runs', view: 'new' };
  const [runId, ...task] = rest.split('/');
  try {
    const id = decodeURIComponent(runId!);
    return task.length === 0 ? { page: 'runs', runId: id } : { page: 'runs', runId: id, taskId: decodeURIComponent(task.join('/')) };
  } catch {
    return { page: 'not-found', path };
  }
}

/** "<task id>/<rank>": the rank is after the last "/", so a task id with "/" reads the same encoded or not. */
function refineRoute(rest: string, path: string): Route {
  const cut = rest.lastIndexOf('/');
  const rank = rest.slice(cut + 1);
  if (cut <= 0 || !/^\d+$/.test(rank)) return { page: 'not-found', path };
  try {
    return { page: 'refine', program: { taskId: decodeURIComponent(rest.slice(0, cut)), rank: Number(rank) } };
  } catch {
    return { page: 'not-found', path };
  }
}

/** The href (with leading "#") of a route. Task ids may contain "/" and spaces, so they are encoded. */
export function hrefFor(route: Route): string {
  switch (route.page) {
    case 'datasets':
      return route.taskId === null ? '#/datasets' : `#/datasets/${encodeURIComponent(route.taskId)}`;
    case 'runs':
      if (route.view === 'new') return '#/runs/new';
      if (route.runId === undefined) return '#/runs';
      return `#/runs/${encodeURIComponent(route.runId)}${route.taskId === undefined ? '' : `/${encodeURIComponent(route.taskId)}`}`;
    case 'build':
      return '#/build';
    case 'leaderboard':
      return '#/leaderboard';
    case 'refine':
      return route.program ? `#/refine/${encodeURIComponent(route.program.taskId)}/${route.program.rank}` : '#/refine';
    case 'learn':
      return '#/learn';
    case 'settings':
      return '#/settings';
    case 'not-found':
      return `#${route.path}`;
  }
}

/** Shorthand for the href of one problem. */
export const problemHref = (taskId: string): string => hrefFor({ page: 'datasets', taskId });
