// Turns one parsed line into a Problem: schema family detection and per-split ground truth.
import { DatasetParseError, missingField } from './errors';
import { FieldReader, isJsonObject, type JsonObject } from './fields';
import { readCandidates } from './solutions';
import { splitUsesPlusInputs } from './split-name';
import type { GroundTruth, Problem, SchemaFamily, SplitName } from './types';

/** The schema family a record's keys belong to, or undefined when neither fits. */
export function detectFamily(record: JsonObject): SchemaFamily | undefined {
  // MBPP's own keys win: EvalPlus MBPP+ records use HumanEval-style keys (prompt, canonical_solution).
  if ('code' in record || 'text' in record || 'test_list' in record) return 'mbpp';
  if ('prompt' in record || 'canonical_solution' in record || 'entry_point' in record) return 'humaneval';
  return undefined;
}

/** Where the EvalPlus inputs of a line live: the top level, else the first solution's record. */
export function inputsReader(line: FieldReader): FieldReader | undefined {
  if (line.has('base_input')) return line;
  const first = Array.isArray(line.obj['all_solutions']) ? line.obj['all_solutions'][0] : undefined;
  if (isJsonObject(first) && isJsonObject(first['solution']) && 'base_input' in first['solution']) {
    return new FieldReader(first['solution'], line.line, 'all_solutions[0].solution');
  }
  return undefined;
}

/** Ground truth of a line: EvalPlus inputs (counts only), MBPP asserts, or a HumanEval check program. */
function readGroundTruth(line: FieldReader, family: SchemaFamily, split: SplitName): GroundTruth {
  const inputs = inputsReader(line);
  const plus = splitUsesPlusInputs(split);
  if (family === 'mbpp' && !plus) {
    return {
      kind: 'assert',
      setup: line.optionalString('test_setup_code', ''),
      asserts: line.stringArray('test_list'),
      challenge: line.optionalStringArray('challenge_test_list'),
    };
  }
  if (inputs === undefined) {
    // Plain HumanEval lines without EvalPlus inputs can still be judged by their check() program.
    if (family === 'humaneval' && !plus && line.has('test')) return { kind: 'check', test: line.string('test') };
    throw missingField(line.line, 'base_input');
  }
  return {
    kind: 'io',
    baseCount: inputs.array('base_input').length,
    // Base splits score on base inputs only, so their ground truth counts none of the plus inputs.
    plusCount: plus ? inputs.array('plus_input').length : 0,
    atol: line.optionalNumber('atol', 0),
  };
}

/** One Problem from a validated-as-object line. */
export function problemFromRecord(
  record: JsonObject,
  ctx: { line: number; source: string; family: SchemaFamily; split: SplitName },
): Problem {
  const line = new FieldReader(record, ctx.line);
  const taskId = line.taskId('task_id');
  const prompt = ctx.family === 'humaneval' ? line.string('prompt') : line.string('text');
  // MBPP lines name no function; MBPP-keyed lines judged on inputs must (the inputs call it).
  const needsEntry = ctx.family === 'humaneval' || ctx.split === 'MBPP_plus';
  const entryPoint = needsEntry || line.has('entry_point') ? line.string('entry_point') : undefined;
  const tests = readGroundTruth(line, ctx.family, ctx.split);
  const candidates = readCandidates(line, ctx.family);
  const canonical = candidates[0];
  if (canonical === undefined) throw new DatasetParseError(ctx.line, 'all_solutions', 'no solutions');
  return {
    taskId,
    prompt,
    ...(entryPoint === undefined ? {} : { entryPoint }),
    canonicalSolution: canonical.code,
    tests,
    candidates,
    line: ctx.line,
    source: ctx.source,
  };
}
