// Accumulates parsed lines into a Dataset: resolves the split, checks one schema family throughout.
import type { DatasetLimits } from './dataset-limits';
import { DatasetParseError } from './errors';
import { isJsonObject, type JsonObject } from './fields';
import { parseJsonLine } from './json-line';
import { detectFamily, problemFromRecord } from './problem-record';
import { familiesForSplit, splitForDatasetName } from './split-name';
import type { Dataset, Problem, SchemaFamily, SplitName } from './types';

export interface DatasetOptions {
  /** Display name; also used to infer the split ("HE-R+", "MBPP-R.jsonl"). */
  name: string;
  /** Overrides the split inferred from the name or the first line. */
  split?: SplitName;
  /** Taken when neither the name nor the first line tells HE-R from HE-R+ (callers the split does not matter to). */
  ambiguousSplit?: 'HE_base' | 'HE_plus';
  /** Size caps the readers apply (DEFAULT_DATASET_LIMITS when absent). */
  limits?: DatasetLimits;
}

const FAMILY_KEYS: Record<SchemaFamily, string> = {
  humaneval: 'HumanEval/EvalPlus keys (prompt, entry_point, canonical_solution)',
  mbpp: 'MBPP keys (text, code, test_list)',
};

/** Feed lines in order with addLine, then call finish. Throws DatasetParseError on the first bad line. */
export class DatasetBuilder {
  readonly #options: DatasetOptions;
  #split: SplitName | undefined;
  #family: SchemaFamily | undefined;
  readonly #problems: Problem[] = [];
  readonly #lineOfTask = new Map<string, number>();

  constructor(options: DatasetOptions) {
    this.#options = options;
    this.#split = options.split ?? splitForDatasetName(options.name);
  }

  /** One physical line (terminator removed), 1-based. Blank lines are skipped. */
  addLine(text: string, line: number): void {
    if (text.trim() === '') return;
    const value = parseJsonLine(text, line);
    if (!isJsonObject(value)) throw new DatasetParseError(line, '', 'line is not a JSON object');
    const family = detectFamily(value);
    if (family === undefined) {
      throw new DatasetParseError(line, '', `unknown schema: expected ${FAMILY_KEYS.humaneval} or ${FAMILY_KEYS.mbpp}`);
    }
    if (this.#family !== undefined && family !== this.#family) {
      throw new DatasetParseError(line, '', `expected ${FAMILY_KEYS[this.#family]} like the lines before, found ${FAMILY_KEYS[family]}`);
    }
    const split = this.#resolveSplit(value, family, line);
    this.#family = family;

    const problem = problemFromRecord(value, { line, source: text, family, split });
    const earlier = this.#lineOfTask.get(problem.taskId);
    if (earlier !== undefined) {
      throw new DatasetParseError(line, 'task_id', `task_id "${problem.taskId}" already appeared on line ${earlier}`);
    }
    this.#lineOfTask.set(problem.taskId, line);
    this.#problems.push(problem);
  }

  /** The finished dataset; an input without any problem is an error. */
  finish(): Dataset {
    if (this.#split === undefined || this.#family === undefined) {
      throw new DatasetParseError(0, '', `no problems in "${this.#options.name}"`);
    }
    return { name: this.#options.name, split: this.#split, family: this.#family, problems: this.#problems };
  }

  #resolveSplit(record: JsonObject, family: SchemaFamily, line: number): SplitName {
    this.#split ??= inferSplit(record, family, line, this.#options);
    if (!familiesForSplit(this.#split).includes(family)) {
      throw new DatasetParseError(line, '', `${this.#split} expects ${familiesForSplit(this.#split).map((f) => FAMILY_KEYS[f]).join(' or ')}, found ${FAMILY_KEYS[family]}`);
    }
    return this.#split;
  }
}

/** The split of an unrecognised file name, from its first line, when that is unambiguous. */
function inferSplit(record: JsonObject, family: SchemaFamily, line: number, { name, ambiguousSplit }: DatasetOptions): SplitName {
  const taskId = record['task_id'];
  if (family === 'mbpp') {
    if (typeof taskId === 'string' && taskId.startsWith('Demo/')) return 'DEMO';
    return 'base_input' in record ? 'MBPP_plus' : 'MBPP_base';
  }
  if (typeof taskId === 'string' && taskId.startsWith('Mbpp/')) return 'MBPP_plus';
  if (ambiguousSplit) return ambiguousSplit;
  throw new DatasetParseError(line, '', `cannot tell HE-R from HE-R+ for "${name}": name the file HE-R/HE-R+ or pass a split`);
}
