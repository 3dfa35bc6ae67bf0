// Loads the hand-made official-schema fixtures written by tests/fixtures/dataset/make_fixtures.py.
import { readFileSync } from 'node:fs';

export type FixtureName = 'he-mini.jsonl' | 'mbpp-mini.jsonl' | 'mbpp-plus-mini.jsonl';

export function fixtureText(name: FixtureName): string {
  return readFileSync(new URL(`../../fixtures/dataset/${name}`, import.meta.url), 'utf8');
}

/** The fixture's lines (without terminators). */
export function fixtureLines(name: FixtureName): string[] {
  return fixtureText(name).split('\n').filter((l) => l !== '');
}

/** A fixture line as a mutable object, for building broken variants (only lines without big ints). */
export function fixtureRecord(name: FixtureName, index: number): Record<string, any> {
  return JSON.parse(fixtureLines(name)[index] as string) as Record<string, any>;
}

/** Text chunks of a fixed size, to drive the stream parser across awkward boundaries. */
export async function* chunksOf(text: string, size: number): AsyncGenerator<string> {
  for (let i = 0; i < text.length; i += size) yield text.slice(i, i + size);
}
