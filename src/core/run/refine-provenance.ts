// What a refinement run was configured with beyond the verifier's common facts (verifier-provenance.ts): k, the
// baseline, who wrote the feedback and how many programs it refines, as labelled facts for its settings panel.
import type { RefineRunSettings } from '../refine/refine-run';
import { PASTED_RANK } from '../refine/refine-run';

export interface RefineFact {
  key: 'k' | 'baseline' | 'feedbackModel' | 'programs' | 'feedback';
  label: string;
  value: string;
}

/** The refine settings in words; nothing is guessed: feedback is counted by where it came from. */
export function refineFacts(settings: RefineRunSettings): RefineFact[] {
  const targets = settings.targets;
  const given = targets.filter((t) => t.feedback);
  const byPerson = given.filter((t) => t.feedback!.author === 'person').length;
  const pasted = targets.filter((t) => t.rank === PASTED_RANK).length;
  const drafted = targets.length - given.length;
  const parts = [
    byPerson > 0 ? `${byPerson} by a person or file` : null,
    given.length - byPerson > 0 ? `${given.length - byPerson} model-written, given with the run` : null,
    drafted > 0 ? `${drafted} to be drafted by ${settings.feedbackModel ?? 'no model'}` : null,
  ].filter((p): p is string => p !== null);
  return [
    { key: 'k', label: 'Refinements per program and side (k)', value: String(settings.k) },
    { key: 'baseline', label: 'Baseline without feedback', value: settings.baseline ? 'yes: the same k refinements without the feedback, same seeds' : 'no' },
    { key: 'feedbackModel', label: 'Feedback model', value: settings.feedbackModel ?? 'none (feedback given with the run)' },
    { key: 'programs', label: 'Programs refined', value: `${targets.length}${pasted > 0 ? ` (${pasted} pasted)` : ''}` },
    { key: 'feedback', label: 'Feedback', value: parts.join('; ') },
  ];
}
