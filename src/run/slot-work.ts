// What each verifier kind asks for one generation slot and how it reads the answer: the one switch on the run's
// kind in the run loop. Tests: the test-writing prompt, assertions extracted later; reward: the problem as the user
// turn and the candidate as the assistant turn, the reward read from the answer; judge: the judge prompt, the
// "Score: N" line read. A later kind adds a case here and, if its candidates are not executed, a scored flow.
import type { Problem } from '../core/dataset/types';
import type { VerifierConfig } from '../core/run/run-config';
import { problemStatement } from '../core/run/orchestration/problem-statement';
import type { GenerationSlotRef } from '../core/run/orchestration/work-plan';
import type { GenerationRequest } from '../core/run/run-records';
import { readJudgeAnswer } from '../core/verifiers/judge-answer';
import { readRewardAnswer } from '../core/verifiers/reward-answer';
import { DEFAULT_JUDGE_SETTINGS, DEFAULT_REWARD_SETTINGS, scoreAttempts, verifierKind } from '../core/verifiers/verifier-kind';
import { judgeMessages, rewardMessages } from '../llm/prompts/score-messages';
import { requestWith, slotRequest, type SlotScoring } from './generate-slot';
import { decodePromptTemplate } from './prompt-template-text';

/** A run's way of asking for one slot and, for scoring kinds, of reading the score from the answer. */
export interface SlotWork {
  request(problem: Problem, slot: GenerationSlotRef): GenerationRequest;
  /** Null for test runs (their answers become tests, executed later). */
  scoring: SlotScoring | null;
}

/** The slot work of `verifier`'s kind. Throws PromptTemplateError (at the first request) for an unusable template. */
export function slotWork(verifier: VerifierConfig): SlotWork {
  const kind = verifierKind(verifier);
  if (kind === 'tests') {
    const template = decodePromptTemplate(verifier.promptTemplate, verifier.variant);
    return { request: (problem, slot) => slotRequest(verifier, template, problem, slot), scoring: null };
  }
  if (kind === 'refine') {
    // Refinement runs ask through their own step (refine/refine-problem.ts): a slot's request depends on feedback.
    return { request: () => { throw new Error('a refinement run has no plain slot requests'); }, scoring: null };
  }
  if (kind === 'reward') {
    const settings = verifier.reward ?? DEFAULT_REWARD_SETTINGS;
    return {
      request: (problem, slot) => requestWith(verifier, slot, rewardMessages(problem.prompt, shownCode(problem, slot))),
      scoring: { attempts: scoreAttempts(kind), read: (answer) => readRewardAnswer(answer.text, answer.raw, settings) },
    };
  }
  const scale = verifier.judge ?? DEFAULT_JUDGE_SETTINGS;
  const template = decodePromptTemplate(verifier.promptTemplate, verifier.variant);
  return {
    request: (problem, slot) =>
      requestWith(verifier, slot, judgeMessages(template, { problem: problemStatement(problem), solution: shownCode(problem, slot), ...scale })),
    scoring: { attempts: scoreAttempts(kind), read: (answer) => ({ score: readJudgeAnswer(answer.text, scale) }) },
  };
}

function shownCode(problem: Problem, slot: GenerationSlotRef): string {
  const shown = problem.candidates.find((c) => c.rank === slot.shownRank);
  if (!shown) throw new Error(`${problem.taskId} has no candidate of rank ${slot.shownRank}`);
  return shown.code;
}
