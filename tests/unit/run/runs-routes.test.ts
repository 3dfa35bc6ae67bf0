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

describe('refine routes to a wrong program', () => {
  it('parse and format a problem and rank, task ids with "/" encoded or not', () => {
    const route: Route = { page: 'refine', program: { taskId: 'HumanEval/12', rank: 3 } };
    expect(hrefFor(route)).toBe('#/refine/HumanEval%2F12/3');
    expect(routeFromHash('#/refine/HumanEval%2F12/3')).toEqual(route);
    expect(routeFromHash('#/refine/HumanEval/12/3')).toEqual(route);
    expect(routeFromHash('#/refine/Demo%2F0/0')).toEqual({ page: 'refine', program: { taskId: 'Demo/0', rank: 0 } });
  });

  it('refuse a missing or non-numeric rank and a bad escape', () => {
    for (const path of ['/refine/Demo%2F0', '/refine/Demo/x', '/refine//2', '/refine/Demo/-1', '/refine/Demo/2.5', '/refine/%E0%A4%A/2']) {
      expect(routeFromHash(`#${path}`)).toEqual({ page: 'not-found', path });
    }
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
