// Hash routes of the runs pages: list, new-run form, one run, one problem of a run (ids with "/" survive).
import { describe, expect, it } from 'vitest';
import { hrefFor, routeFromHash, type Route } from '../../../src/state/routes';

describe('runs routes', () => {
  it('parses and formats every runs route', () => {
    const routes: [string, Route][] = [
      ['#/runs', { page: 'runs' }],
      ['#/runs/new', { page: 'runs', view: 'new' }],
      ['#/runs/0b6e-1', { page: 'runs', runId: '0b6e-1' }],
      ['#/runs/0b6e-1/HumanEval%2F12', { page: 'runs', runId: '0b6e-1', taskId: 'HumanEval/12' }],
    ];
    for (const [hash, route] of routes) {
      expect(routeFromHash(hash)).toEqual(route);
      expect(hrefFor(route)).toBe(hash);
    }
    expect(routeFromHash('#/runs/%E0%A4%A')).toEqual({ page: 'not-found', path: '/runs/%E0%A4%A' });
    expect(routeFromHash('#/settings/x')).toEqual({ page: 'not-found', path: '/settings/x' });
  });
});

describe('leaderboard, refine and learn routes', () => {
  it('parses and formats them, and refuses sub-paths', () => {
    for (const page of ['leaderboard', 'refine', 'learn'] as const) {
      expect(routeFromHash(`#/${page}`)).toEqual({ page });
      expect(hrefFor({ page })).toBe(`#/${page}`);
      expect(routeFromHash(`#/${page}/x`)).toEqual({ page: 'not-found', path: `/${page}/x` });
    }
  });
});
