// The Node snapshot cache keeps one snapshot: writing a new key removes those of older Pyodide builds or
// sources, and leaves files that are not ours alone.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { nodeSnapshotStore } from '../../src/engine/node-snapshot-store';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('nodeSnapshotStore', () => {
  it('reads back what it wrote and prunes snapshots of other keys', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vl-store-'));
    dirs.push(dir);
    writeFileSync(join(dir, 'someone-else.snapshot'), 'x');
    const store = nodeSnapshotStore(dir);
    await store.put('pyodide-1-preload-a-harness-b', new Uint8Array([1, 2, 3]));
    await store.put('pyodide-1-preload-a-harness-c', new Uint8Array([4, 5]));
    expect(await store.get('pyodide-1-preload-a-harness-b')).toBeNull();
    expect(Array.from((await store.get('pyodide-1-preload-a-harness-c'))!)).toEqual([4, 5]);
    expect(readdirSync(dir).sort()).toEqual(['pyodide-1-preload-a-harness-c.snapshot', 'someone-else.snapshot']);
  });

  it('refuses (and removes) a snapshot file that was altered after it was written', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vl-store-'));
    dirs.push(dir);
    const store = nodeSnapshotStore(dir);
    const key = 'pyodide-1-preload-a-harness-b';
    await store.put(key, new Uint8Array([1, 2, 3, 4]));
    const path = join(dir, `${key}.snapshot`);
    const bytes = readFileSync(path);
    bytes[1] ^= 0xff;
    writeFileSync(path, bytes);
    expect(await store.get(key)).toBeNull();
    expect(readdirSync(dir)).toEqual([]);
    writeFileSync(path, 'short');
    expect(await store.get(key)).toBeNull();
  });
});
