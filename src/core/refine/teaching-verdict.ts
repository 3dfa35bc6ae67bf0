// The per-exercise verdict a student reads after refining one wrong program: did the feedback let the model fix
// it, judged against the same refinements made without the feedback.
import type { FeedbackAuthor } from './ilf-record';
import type { ProgramPair } from './refine-pairs';

/** The closed set of outcomes, so the page can style them and tests can name them. */
export type VerdictKind = 'fixed' | 'helped' | 'no-difference' | 'hurt' | 'not-fixed' | 'no-baseline';

export interface TeachingVerdict {
  kind: VerdictKind;
  text: string;
}

/** The verdict of one program's refinements, in plain words. */
export function teachingVerdict(pair: ProgramPair, author: FeedbackAuthor): TeachingVerdict {
  const whose = author === 'person' ? 'your feedback' : 'the model-written feedback';
  const Whose = whose[0]!.toUpperCase() + whose.slice(1);
  const w = pair.withFeedback;
  const o = pair.withoutFeedback;
  const ofWith = `${w.passed} of ${w.made} refinement${w.made === 1 ? '' : 's'} pass`;
  if (o === null) return { kind: 'no-baseline', text: `${ofWith} with ${whose} (no refinements were made without it to compare).` };
  const ofWithout = `${o.passed} of ${o.made} without it`;
  if (w.passed > 0 && o.passed === 0) return { kind: 'fixed', text: `${Whose} let the model fix it: ${ofWith}, ${ofWithout}.` };
  if (w.passed === 0 && o.passed === 0) {
    return { kind: 'not-fixed', text: `No refinement passes, with or without ${whose} (0 of ${w.made} and 0 of ${o.made}). Say which test fails and what the program should do instead.` };
  }
  const rateWith = w.passed / w.made;
  const rateWithout = o.passed / o.made;
  if (rateWith > rateWithout) return { kind: 'helped', text: `${Whose} helped: ${ofWith}, ${ofWithout}.` };
  if (rateWith === rateWithout) return { kind: 'no-difference', text: `The model fixes it as often without ${whose}: ${ofWith}, ${ofWithout}.` };
  return { kind: 'hurt', text: `The model did better without ${whose}: ${ofWith}, ${ofWithout}. Check that the feedback describes the bug correctly.` };
}
