// The reward attribute a user types (the app's field, the CLI's --attribute / --weights): one name ("reward"), or
// weights "helpfulness=0.5, correctness=2". One reader for both, so they accept exactly the same text.
import type { RewardSettings } from './verifier-kind';

/** Text that names no usable attribute or weight; the message says what to fix. */
export class RewardWeightsError extends Error {
  override readonly name = 'RewardWeightsError';
}

const NAME = /^[A-Za-z_][\w.-]*$/;

/** `reward`, or `name=weight, ...` (comma separated), as reward settings. */
export function parseRewardWeights(text: string): RewardSettings {
  const pieces = text.split(',').map((piece) => piece.trim()).filter((piece) => piece !== '');
  if (pieces.length === 0) throw new RewardWeightsError('name an attribute (e.g. reward) or weights (e.g. helpfulness=0.5, correctness=2)');
  if (pieces.length === 1 && NAME.test(pieces[0]!)) return { weights: { [pieces[0]!]: 1 } };
  const weights = new Map<string, number>();
  for (const piece of pieces) {
    const match = /^([^=\s]+)\s*=\s*(\S+)$/.exec(piece);
    const value = match ? Number(match[2]) : Number.NaN;
    if (!match || !NAME.test(match[1]!) || !Number.isFinite(value)) throw new RewardWeightsError(`"${piece}" is not name=number`);
    if (weights.has(match[1]!)) throw new RewardWeightsError(`"${match[1]}" is weighted twice`);
    weights.set(match[1]!, value);
  }
  return { weights: Object.fromEntries(weights) };
}

/** The text that parses back to `settings` ("reward", or "helpfulness=0.5, correctness=2"). */
export function rewardWeightsText(settings: RewardSettings): string {
  const entries = Object.entries(settings.weights);
  if (entries.length === 1 && entries[0]![1] === 1) return entries[0]![0];
  return entries.map(([name, weight]) => `${name}=${weight}`).join(', ');
}
