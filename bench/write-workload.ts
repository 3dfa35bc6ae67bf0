// Writes the bench's workload as JSON (for bench/native_per_problem.py and other offline looks at it):
//   npx tsx bench/write-workload.ts OUT.json [--problems K]   (K defaults to 40, as in `npm run bench`)
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { codetWorkload, demoWorkload, realDataPresent } from './workload';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { problems: { type: 'string', default: '40' } } });
const out = positionals[0];
const k = Number(values.problems);
if (!out || !Number.isInteger(k) || k < 1 || k > 164) throw new Error('usage: npx tsx bench/write-workload.ts OUT.json [--problems 1..164]');
if (!realDataPresent()) console.error('notice: no real data at ../shared/data; writing the demo workload');
const workload = realDataPresent() ? codetWorkload(k) : demoWorkload();
writeFileSync(out, JSON.stringify(workload));
console.error(`${out}: ${workload.title}: ${workload.candidates} candidates, ${workload.tests} tests`);
