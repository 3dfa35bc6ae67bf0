// The feedback file reader and the ILF export writer/reader: round trip, field order, and line-named errors.
import { describe, expect, it } from 'vitest';
import { parseFeedbackFile } from '../../../src/core/refine/feedback-file';
import { ILF_FIELDS, ilfLine, parseIlfFile, type IlfRecord } from '../../../src/core/refine/ilf-record';
import { RefineFileError } from '../../../src/core/refine/refine-errors';

const record: IlfRecord = {
  task_id: 'Demo/3',
  rank: 2,
  program: 'def f(x):\n    return x',
  feedback: 'It forgets negative numbers.',
  feedback_author: 'model:mock-queue',
  with_feedback: true,
  refinement: 'def f(x):\n    return abs(x)',
  passed: true,
  score: 1,
  model: 'mock-fix',
  seed: 7,
};

function errorOf(f: () => unknown): RefineFileError {
  try {
    f();
  } catch (e) {
    if (e instanceof RefineFileError) return e;
    throw e;
  }
  throw new Error('no error thrown');
}

describe('parseFeedbackFile', () => {
  it('reads every line and skips blank ones', () => {
    const text = '{"task_id": "A", "rank": 2, "feedback": "off by one"}\n\n{"task_id": "B", "rank": 3, "feedback": "sorts the wrong way"}\n';
    expect(parseFeedbackFile(text)).toEqual([
      { taskId: 'A', rank: 2, feedback: 'off by one' },
      { taskId: 'B', rank: 3, feedback: 'sorts the wrong way' },
    ]);
  });

  it('names the line and field of the first bad entry', () => {
    expect(errorOf(() => parseFeedbackFile('{"task_id": "A", "rank": 2, "feedback": "x"}\n{"task_id": "A", "rank": "2", "feedback": "x"}'))).toMatchObject({ line: 2, field: 'rank' });
    expect(errorOf(() => parseFeedbackFile('{"task_id": "A", "rank": 2}'))).toMatchObject({ line: 1, field: 'feedback', message: 'line 1, field "feedback": missing' });
    expect(errorOf(() => parseFeedbackFile('{"task_id": "A", "rank": 2, "feedback": "  "}'))).toMatchObject({ field: 'feedback', detail: 'is empty' });
    expect(errorOf(() => parseFeedbackFile('\n\n[1]'))).toMatchObject({ line: 3, field: '' });
    expect(errorOf(() => parseFeedbackFile('{"task_id": "A", "rank": 2, "feedback": "x"'))).toMatchObject({ line: 1, detail: /not JSON/ });
  });

  it('refuses a program given feedback twice', () => {
    const line = '{"task_id": "A", "rank": 2, "feedback": "x"}';
    expect(errorOf(() => parseFeedbackFile(`${line}\n${line}`))).toMatchObject({ line: 2, detail: 'A rank 2 already has feedback on line 1' });
  });
});

describe('ILF export', () => {
  it('writes the fields in the contract order and reads them back', () => {
    const line = ilfLine(record);
    expect(Object.keys(JSON.parse(line))).toEqual([...ILF_FIELDS]);
    expect(parseIlfFile(`${line}\n${ilfLine({ ...record, with_feedback: false, refinement: null, passed: false, score: 0, feedback_author: 'person', rank: 0 })}\n`)).toEqual([
      record,
      { ...record, with_feedback: false, refinement: null, passed: false, score: 0, feedback_author: 'person', rank: 0 },
    ]);
  });

  it('names the line and field of a bad record', () => {
    const good = ilfLine(record);
    expect(errorOf(() => parseIlfFile(`${good}\n${good.replace('"passed":true', '"passed":"yes"')}`))).toMatchObject({ line: 2, field: 'passed' });
    expect(errorOf(() => parseIlfFile(good.replace('"model:mock-queue"', '"robot"')))).toMatchObject({ field: 'feedback_author' });
    expect(errorOf(() => parseIlfFile(good.replace('"score":1', '"score":1.5')))).toMatchObject({ field: 'score' });
    expect(errorOf(() => parseIlfFile(good.replace('"seed":7', '"seed":7.5')))).toMatchObject({ field: 'seed' });
  });
});
