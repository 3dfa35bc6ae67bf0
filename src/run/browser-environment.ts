// Browser pieces of running: the test generator a run's config asks for (with the key from memory or, if the
// user said so, localStorage), and Web Locks so one run executes in one tab at a time.
import type { Run } from '../core/run/run-types';
import { createGenerator, type TestGenerator } from '../llm/generator';
import type { LoadProgress } from '../llm/web-llm/config';
import { openAiGeneratorConfig } from './generator-config';
import { RunSetupError } from './run-stop';
import { streamsAnswers, verifierKind } from '../core/verifiers/verifier-kind';

/** WebLLM's download / initialisation progress. */
export interface ModelProgress {
  text: string;
  /** 0..1 */
  progress: number;
}

/** Where API keys come from (never the run record). */
export interface KeySource {
  get(baseUrl: string): string | undefined;
}

/** The generator of a run. The OpenAI key is looked up by base URL; a server that needs one answers 401. */
export async function browserGenerator(run: Run, keys: KeySource, onModel: (progress: ModelProgress) => void): Promise<TestGenerator> {
  const { verifier } = run;
  if (verifier.backend === 'openai') {
    if (!verifier.baseUrl) throw new RunSetupError('this run has no base URL');
    return createGenerator(openAiGeneratorConfig(verifier, { apiKey: keys.get(verifier.baseUrl) }));
  }
  if (verifier.backend === 'webllm') {
    return createGenerator({ backend: 'web-llm', model: verifier.model }, { webLlm: { onProgress: (r: LoadProgress) => onModel({ text: r.text, progress: r.progress }) } });
  }
  throw new RunSetupError('tests imported from a file need no generator');
}

interface LockManagerLike {
  request(name: string, options: { ifAvailable: boolean }, task: (lock: unknown) => Promise<boolean>): Promise<boolean>;
}

/** Web Locks when the browser has them (every current one does); without them runs are not guarded. */
export function webLocks(): ((name: string, task: () => Promise<void>) => Promise<boolean>) | undefined {
  const locks = (globalThis.navigator as { locks?: LockManagerLike } | undefined)?.locks;
  if (!locks) return undefined;
  return (name, task) =>
    locks.request(name, { ifAvailable: true }, async (lock) => {
      if (lock === null) return false;
      await task();
      return true;
    });
}
