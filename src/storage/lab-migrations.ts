// The schema's history as migration steps. Append a step for every change; never edit a released one.
import type { MigrationStep } from './migrations';
import type { LabSchema } from './schema';

/** Steps 1..n; the database version is their count. */
export const LAB_MIGRATIONS: readonly MigrationStep<LabSchema>[] = [
  {
    version: 1,
    describe: 'datasets (meta + bodies), runs, generations and results',
    apply({ db }) {
      db.createObjectStore('datasets', { keyPath: 'id' });
      db.createObjectStore('datasetBodies', { keyPath: 'id' });
      const runs = db.createObjectStore('runs', { keyPath: 'id' });
      runs.createIndex('by-createdAt', 'createdAt');
      const generations = db.createObjectStore('generations', { keyPath: ['runId', 'taskId', 'shownRank', 'sampleIndex'] });
      generations.createIndex('by-run', 'runId');
      const results = db.createObjectStore('results', { keyPath: ['runId', 'taskId', 'rank'] });
      results.createIndex('by-run', 'runId');
    },
  },
  {
    version: 2,
    describe: 'evaluations: evaluation files imported as leaderboard rows',
    apply({ db }) {
      const evaluations = db.createObjectStore('evaluations', { keyPath: 'id' });
      evaluations.createIndex('by-addedAt', 'addedAt');
    },
  },
];
