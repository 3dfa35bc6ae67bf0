// Reads the refine settings and refinement outcomes of stored runs and run files field by field, as every other
// part of a run is read: unknown fields are dropped, a bad one is a RunFieldError naming it.
import { RunFieldError, RunReader } from '../run/run-fields';
import type { RefinementOutcome } from '../run/run-records';
import type { FailedTest } from '../verify/verify-types';
import type { FeedbackAuthor } from './ilf-record';
import { refineRunIssue, type RefineRunSettings, type RefineTargetSpec } from './refine-run';

/** A verifier's `refine` field; the settings must be runnable (refineRunIssue). */
export function readRefineRunSettings(r: RunReader): RefineRunSettings {
  const settings: RefineRunSettings = {
    k: r.int('k', 1),
    baseline: readBoolean(r, 'baseline'),
    feedbackModel: r.nullableString('feedbackModel'),
    feedbackTemplate: r.string('feedbackTemplate'),
    targets: r.array('targets', readTarget),
  };
  const issue = refineRunIssue(settings);
  if (issue !== null) throw new RunFieldError(r.path, issue);
  return settings;
}

function readTarget(value: unknown, path: string): RefineTargetSpec {
  const r = RunReader.of(value, path);
  const target: RefineTargetSpec = { taskId: r.string('taskId'), rank: r.int('rank', 0) };
  if (r.has('program')) target.program = r.string('program');
  if (r.has('feedback')) {
    const f = r.object('feedback');
    target.feedback = { text: f.string('text'), author: readAuthor(f) };
  }
  return target;
}

function readAuthor(r: RunReader): FeedbackAuthor {
  const author = r.string('author');
  if (author !== 'person' && !/^model:./.test(author)) throw new RunFieldError(r.at('author'), `expected "person" or "model:<name>", got ${JSON.stringify(author)}`);
  return author as FeedbackAuthor;
}

/** A generation record's `refinement` field. */
export function readRefinementOutcome(r: RunReader): RefinementOutcome {
  return {
    program: r.nullableString('program'),
    passed: readBoolean(r, 'passed'),
    score: r.number('score', 0, 1),
    failures: r.array('failures', readFailedTest),
  };
}

function readFailedTest(value: unknown, path: string): FailedTest {
  const r = RunReader.of(value, path);
  return { index: r.int('index'), status: r.oneOf('status', ['fail', 'timeout', 'error', 'crash']), message: r.string('message') };
}

function readBoolean(r: RunReader, key: string): boolean {
  const value = r.raw(key);
  if (typeof value !== 'boolean') throw new RunFieldError(r.at(key), `expected true or false, got ${JSON.stringify(value)}`);
  return value;
}
