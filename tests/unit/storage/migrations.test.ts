// The migration framework on a test-only schema: v1 data upgraded by a v2 step, a failing step rolled back, bad step lists refused.
import 'fake-indexeddb/auto';
import type { DBSchema } from 'idb';
import { describe, expect, it } from 'vitest';
import { StorageMigrationError, targetVersion, type MigrationStep } from '../../../src/storage/migrations';
import { openWithMigrations } from '../../../src/storage/open-db';

/** v1 stored { id, fullName }; v2 splits the name and adds an index on last name. */
interface NotesV2 extends DBSchema {
  people: { key: number; value: { id: number; first: string; last: string }; indexes: { 'by-last': string } };
}

const v1: MigrationStep<NotesV2> = {
  version: 1,
  describe: 'people keyed by id',
  apply({ db }) {
    db.createObjectStore('people', { keyPath: 'id' });
  },
};

const v2: MigrationStep<NotesV2> = {
  version: 2,
  describe: 'split fullName into first/last, index by last',
  async apply({ tx }) {
    const store = tx.objectStore('people');
    store.createIndex('by-last', 'last');
    let cursor = await store.openCursor();
    while (cursor) {
      const old = cursor.value as unknown as { id: number; fullName: string };
      const [first = '', ...rest] = old.fullName.split(' ');
      await cursor.update({ id: old.id, first, last: rest.join(' ') });
      cursor = await cursor.continue();
    }
  },
};

async function seedV1(factory: IDBFactory): Promise<void> {
  const db = await openWithMigrations<NotesV2>('notes', [v1], { factory });
  const people = [
    { id: 1, fullName: 'Ada Lovelace' },
    { id: 2, fullName: 'Grace Brewster Hopper' },
  ];
  for (const p of people) await db.put('people', p as never);
  db.close();
}

describe('openWithMigrations', () => {
  it('upgrades a v1 database with data to v2, transforming every record', async () => {
    const factory = new IDBFactory();
    await seedV1(factory);
    const db = await openWithMigrations<NotesV2>('notes', [v1, v2], { factory });
    expect(db.version).toBe(2);
    expect(await db.getAll('people')).toEqual([
      { id: 1, first: 'Ada', last: 'Lovelace' },
      { id: 2, first: 'Grace', last: 'Brewster Hopper' },
    ]);
    expect(await db.getAllFromIndex('people', 'by-last', 'Lovelace')).toHaveLength(1);
    db.close();
  });

  it('runs every step in order for a brand-new database', async () => {
    const db = await openWithMigrations<NotesV2>('notes', [v1, v2], { factory: new IDBFactory() });
    expect(db.version).toBe(2);
    expect([...db.transaction('people').store.indexNames]).toEqual(['by-last']);
    db.close();
  });

  it('rolls a failing step back: the database keeps version 1 and its data', async () => {
    const factory = new IDBFactory();
    await seedV1(factory);
    const broken: MigrationStep<NotesV2> = {
      version: 2,
      describe: 'fails halfway',
      async apply({ tx }) {
        await tx.objectStore('people').clear();
        throw new Error('disk on fire');
      },
    };
    const failure = await openWithMigrations<NotesV2>('notes', [v1, broken], { factory }).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(StorageMigrationError);
    expect((failure as StorageMigrationError).message).toBe('upgrading the database from version 1 failed at step 2: disk on fire');
    const db = await openWithMigrations<NotesV2>('notes', [v1], { factory });
    expect(db.version).toBe(1);
    expect(await db.count('people')).toBe(2);
    db.close();
  });

  it('refuses step lists that are not numbered 1..n', () => {
    expect(() => targetVersion([v2])).toThrow(/numbered 1..n/);
    expect(() => targetVersion([v1, v1])).toThrow(/step 2 says 1/);
    expect(() => targetVersion([])).toThrow(RangeError);
    expect(targetVersion([v1, v2])).toBe(2);
  });
});
