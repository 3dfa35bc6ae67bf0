// The real schema: a fresh database opens at the current version with every store, key path and index.
import { describe, expect, it } from 'vitest';
import { LAB_MIGRATIONS } from '../../../src/storage/lab-migrations';
import { openLabDb, openWithMigrations } from '../../../src/storage/open-db';
import { LAB_DB_NAME, type LabSchema } from '../../../src/storage/schema';
import { freshDb } from './helpers';

describe('openLabDb', () => {
  it('creates every store at version 2 with the documented keys and indexes', async () => {
    const db = await freshDb();
    expect(db.version).toBe(LAB_MIGRATIONS.length);
    expect(db.version).toBe(2);
    expect([...db.objectStoreNames].sort()).toEqual(['datasetBodies', 'datasets', 'evaluations', 'generations', 'results', 'runs']);
    const tx = db.transaction(['datasets', 'datasetBodies', 'runs', 'generations', 'results', 'evaluations']);
    expect(tx.objectStore('datasets').keyPath).toBe('id');
    expect(tx.objectStore('datasetBodies').keyPath).toBe('id');
    expect(tx.objectStore('runs').keyPath).toBe('id');
    expect([...tx.objectStore('runs').indexNames]).toEqual(['by-createdAt']);
    expect(tx.objectStore('generations').keyPath).toEqual(['runId', 'taskId', 'shownRank', 'sampleIndex']);
    expect(tx.objectStore('generations').index('by-run').keyPath).toBe('runId');
    expect(tx.objectStore('results').keyPath).toEqual(['runId', 'taskId', 'rank']);
    expect(tx.objectStore('results').index('by-run').keyPath).toBe('runId');
    expect(tx.objectStore('evaluations').keyPath).toBe('id');
    expect(tx.objectStore('evaluations').index('by-addedAt').keyPath).toBe('addedAt');
    await tx.done;
    db.close();
  });

  it('reopens an existing database without migrating again, data intact', async () => {
    const factory = new IDBFactory();
    const first = await openLabDb({ factory });
    await first.put('datasetBodies', { id: 'x', text: 'hello' });
    first.close();
    const second = await openLabDb({ factory });
    expect(await second.get('datasetBodies', 'x')).toEqual({ id: 'x', text: 'hello' });
    second.close();
  });

  it('upgrades a version-1 database with data through the later steps, data intact', async () => {
    const factory = new IDBFactory();
    const v1 = await openWithMigrations<LabSchema>(LAB_DB_NAME, LAB_MIGRATIONS.slice(0, 1), { factory });
    expect(v1.version).toBe(1);
    await v1.put('datasetBodies', { id: 'x', text: 'hello' });
    v1.close();
    const current = await openLabDb({ factory });
    expect(current.version).toBe(LAB_MIGRATIONS.length);
    expect(await current.get('datasetBodies', 'x')).toEqual({ id: 'x', text: 'hello' });
    expect(await current.count('evaluations')).toBe(0);
    current.close();
  });

  it('closes itself when another connection wants a newer version, so upgrades are not blocked', async () => {
    const factory = new IDBFactory();
    const old = await openLabDb({ factory });
    const request = factory.open('verifier-lab', LAB_MIGRATIONS.length + 1);
    const upgraded = await new Promise<IDBDatabase>((resolve, reject) => {
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
      request.onblocked = () => reject(new Error('blocked'));
    });
    expect(upgraded.version).toBe(LAB_MIGRATIONS.length + 1);
    upgraded.close();
    await expect(old.get('runs', 'x')).rejects.toThrow();
  });
});
