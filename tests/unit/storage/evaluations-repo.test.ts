// Stored evaluation files: a version-1 database gains the store with its data intact; import stores all or nothing;
// list and delete.
import { describe, expect, it } from 'vitest';
import { EvaluationImportError } from '../../../src/core/leaderboard/evaluation-import';
import { deleteEvaluation, importEvaluation, listEvaluations } from '../../../src/storage/evaluations-repo';
import { LAB_MIGRATIONS } from '../../../src/storage/lab-migrations';
import { openLabDb, openWithMigrations } from '../../../src/storage/open-db';
import type { LabSchema } from '../../../src/storage/schema';
import { freshDb } from './helpers';

const line = (rank: number, truth: number, predicted: number) => JSON.stringify({ dataset: 'DEMO', task_id: 'Demo/0', rank, ground_average_test_score: truth, average_test_score: predicted });
const GOOD = `${line(1, 1, 0.9)}\n${line(2, 0.5, 0.6)}\n`;

describe('evaluations store', () => {
  it('is added to a version-1 database without touching its data', async () => {
    const factory = new IDBFactory();
    const v1 = await openWithMigrations<LabSchema>('verifier-lab', LAB_MIGRATIONS.slice(0, 1), { factory });
    await v1.put('datasetBodies', { id: 'x', text: 'kept' });
    v1.close();
    const db = await openLabDb({ factory });
    expect(db.version).toBe(2);
    expect(await db.get('datasetBodies', 'x')).toEqual({ id: 'x', text: 'kept' });
    expect(await listEvaluations(db)).toEqual([]);
    db.close();
  });

  it('stores a good file, lists it oldest first and deletes it', async () => {
    const db = await freshDb();
    const first = await importEvaluation(db, { text: GOOD, fileName: 'a.jsonl', method: 'utg' }, { id: 'a', now: 2 });
    await importEvaluation(db, { text: GOOD, fileName: 'b.jsonl', method: 'utg', name: 'Model B' }, { id: 'b', now: 1 });
    expect((await listEvaluations(db)).map((e) => [e.id, e.name])).toEqual([['b', 'Model B'], ['a', 'a']]);
    expect(await db.get('evaluations', 'a')).toEqual(first);
    await deleteEvaluation(db, 'a');
    expect((await listEvaluations(db)).map((e) => e.id)).toEqual(['b']);
    db.close();
  });

  it('stores nothing from a file with a bad line, and names the line', async () => {
    const db = await freshDb();
    const bad = `${line(1, 1, 0.9)}\n{"dataset": "DEMO", "task_id": "Demo/0", "rank": 2, "ground_average_test_score": 0.5, "average_test_score": "high"}\n`;
    await expect(importEvaluation(db, { text: bad, fileName: 'bad.jsonl', method: 'utg' })).rejects.toThrow(EvaluationImportError);
    await expect(importEvaluation(db, { text: bad, fileName: 'bad.jsonl', method: 'utg' })).rejects.toThrow('bad.jsonl: line 2: field "average_test_score" must be a finite number (got "high")');
    expect(await listEvaluations(db)).toEqual([]);
    db.close();
  });
});
