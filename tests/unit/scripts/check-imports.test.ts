// scripts/check-imports.mjs as `npm run check` runs it: a tiny src tree with one bad import fails and names the line.
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const SCRIPT = join(ROOT, 'scripts', 'check-imports.mjs');
const made: string[] = [];

async function checkImports(srcRoot: string): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [SCRIPT, srcRoot], { cwd: ROOT });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

/** Writes a src tree (path -> text) to a fresh directory and returns its src folder. */
function tree(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'check-imports-'));
  made.push(dir);
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, 'src', file)), { recursive: true });
    writeFileSync(join(dir, 'src', file), text);
  }
  return join(dir, 'src');
}

/** A tree that keeps every rule: ui -> state -> run -> engine -> core, a worker started by URL, idb in storage. */
const GOOD = {
  'main.ts': "import App from './ui/App.svelte';\n",
  'core/score.ts': 'export const score = 1;\n',
  'engine/pool.ts': "import { score } from '../core/score';\nexport const worker = () => new Worker(new URL('./engine.worker.ts', import.meta.url));\nexport { score };\n",
  'engine/engine.worker.ts': "import { score } from '../core/score';\nexport { score };\n",
  'storage/db.ts': "import { openDB } from 'idb';\nexport { openDB };\n",
  'run/loop.ts': "import { worker } from '../engine/pool';\nimport type { openDB } from '../storage/db';\nexport { worker };\n",
  'state/runs.svelte.ts': "import { worker } from '../run/loop';\nexport { worker };\n",
  'ui/App.svelte': "<script lang=\"ts\">\n  import { worker } from '../state/runs.svelte';\n  import { score } from '../core/score';\n</script>\n<p>import '../run/loop' in markup is text</p>\n",
  'cli/main.ts': "import { worker } from '../run/loop';\nexport { worker };\n",
};

afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('scripts/check-imports.mjs', () => {
  it('passes the real src tree', { timeout: 30_000 }, async () => {
    const result = await checkImports(join(ROOT, 'src'));
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toContain('keeps its layers');
  });

  it('passes a tree that keeps its layers', { timeout: 30_000 }, async () => {
    const result = await checkImports(tree(GOOD));
    expect(result).toMatchObject({ code: 0, stderr: '' });
  });

  it('fails on one ui file importing run, naming the file, the line and the rule', { timeout: 30_000 }, async () => {
    const src = tree({
      ...GOOD,
      'ui/Runs.svelte': "<script lang=\"ts\">\n  import { worker } from '../state/runs.svelte';\n  import { worker as direct } from '../run/loop';\n</script>\n",
    });
    const { code, stderr } = await checkImports(src);
    expect(code).toBe(1);
    const lines = stderr.split('\n').filter((line) => line.includes(': '));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/src\/ui\/Runs\.svelte:3: '\.\.\/run\/loop': ui may not import run \(ui may import state, core\)$/);
  });

  it('fails on core importing engine, a static import of a worker entry and idb outside storage', { timeout: 30_000 }, async () => {
    const src = tree({
      ...GOOD,
      'core/bad.ts': "export const a = 1;\nimport type { worker } from '../engine/pool';\n",
      'engine/static-worker.ts': "import '../engine/engine.worker';\n",
      'run/cache.ts': "\n\nimport { openDB } from 'idb';\n",
    });
    const { code, stderr } = await checkImports(src);
    expect(code).toBe(1);
    expect(stderr).toMatch(/src\/core\/bad\.ts:2: .*core may not import engine \(core imports nothing else in src\)/);
    expect(stderr).toMatch(/src\/engine\/static-worker\.ts:1: .*never imported/);
    expect(stderr).toMatch(/src\/run\/cache\.ts:3: 'idb': only storage imports idb/);
  });
});
