// The bundled demo dataset as the tests expect to see it, read from the source file (not from the app).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseDatasetText } from '../../src/core/dataset/parse-dataset';

const DEMO = fileURLToPath(new URL('../../static-datasets/demo/Demo-R.jsonl', import.meta.url));

export const demo = parseDatasetText(readFileSync(DEMO, 'utf8'), { name: 'Demo-R', split: 'DEMO' });
