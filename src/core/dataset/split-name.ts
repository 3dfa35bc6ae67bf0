// Maps official file/dataset names (HE-R, HE-R+, MBPP-R, MBPP-R+, Demo-R) to the evaluation split names.
import type { SchemaFamily, SplitName } from './types';

const SPLIT_BY_NAME: Record<string, SplitName> = {
  'he-r': 'HE_base',
  'he-r+': 'HE_plus',
  'mbpp-r': 'MBPP_base',
  'mbpp-r+': 'MBPP_plus',
  demo: 'DEMO',
  'demo-r': 'DEMO',
  he_base: 'HE_base',
  he_plus: 'HE_plus',
  mbpp_base: 'MBPP_base',
  mbpp_plus: 'MBPP_plus',
};

/**
 * The split a dataset or file name stands for, or undefined. Accepts paths and
 * extensions ("data/HE-R+.jsonl", "MBPP-R.jsonl.gz", "HE-R.parquet") and is case-insensitive.
 */
export function splitForDatasetName(name: string): SplitName | undefined {
  const base = name.split(/[\\/]/).pop() ?? '';
  const stem = base.replace(/(\.jsonl|\.json|\.gz|\.parquet)+$/i, '').trim().toLowerCase();
  return SPLIT_BY_NAME[stem];
}

/** The schema family each split's lines must use; MBPP+ lines follow EvalPlus's HumanEval-style keys. */
export function familiesForSplit(split: SplitName): readonly SchemaFamily[] {
  switch (split) {
    case 'HE_base':
    case 'HE_plus':
      return ['humaneval'];
    case 'MBPP_base':
    case 'DEMO':
      return ['mbpp'];
    case 'MBPP_plus':
      // The authors built MBPP-R+ from EvalPlus MbppPlus (prompt, canonical_solution, base_input...);
      // MBPP-keyed lines that carry base_input/plus_input are accepted too.
      return ['humaneval', 'mbpp'];
  }
}

/** Whether a split's ground truth counts the plus inputs as well as the base ones. */
export function splitUsesPlusInputs(split: SplitName): boolean {
  return split === 'HE_plus' || split === 'MBPP_plus';
}

/** Base and plus splits of one benchmark (HE-R and HE-R+, MBPP-R and MBPP-R+): same problems, other candidates and tests. */
export function companionSplits(a: SplitName, b: SplitName): boolean {
  const pair = (s: SplitName) => (s === 'HE_base' || s === 'HE_plus' ? 'HE' : s === 'MBPP_base' || s === 'MBPP_plus' ? 'MBPP' : null);
  return a !== b && pair(a) !== null && pair(a) === pair(b);
}
