// Loads the tiny hand-made build fixtures written by tests/fixtures/build/make_fixtures.py.
import { readFileSync } from 'node:fs';

export type BuildFixture =
  | 'tiny-mbpp.jsonl'
  | 'tiny-mbpp-pool.jsonl'
  | 'tiny-heplus.jsonl'
  | 'tiny-heplus-pool.jsonl'
  | 'tiny-heplus-prompt-map.jsonl';

export const buildFixturePath = (name: BuildFixture): string => new URL(`../../fixtures/build/${name}`, import.meta.url).pathname;

export function buildFixture(name: BuildFixture): string {
  return readFileSync(buildFixturePath(name), 'utf8');
}
