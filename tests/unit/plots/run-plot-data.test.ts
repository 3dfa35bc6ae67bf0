// A run's plot data on three hand-made problems; every expected value below was worked out by hand.
import { describe, expect, it } from 'vitest';
import { calibrationBins, histogramBins, problemSpearmans, scoreCounts, scorePoints } from '../../../src/core/plots/run-plot-data';
import type { ScoredSolution } from '../../../src/core/metrics/types';

const s = (taskId: string, rank: number, groundScore: number, predicted: number): ScoredSolution => ({ split: 'DEMO', taskId, rank, groundScore, predicted });
/** A: ranked perfectly (rho 1); B: reversed (rho -1); C: both candidates tied (rho undefined, counted 0). */
const SOLUTIONS = [s('A', 1, 1, 1), s('A', 2, 0.5, 0.5), s('A', 3, 0, 0), s('B', 1, 1, 0), s('B', 2, 0, 1), s('C', 1, 1, 0.5), s('C', 2, 0.5, 0.5)];

describe('scorePoints', () => {
  it('keeps pass fractions as they are', () => {
    expect(scorePoints(SOLUTIONS, 'utg').slice(3, 5)).toEqual([
      { taskId: 'B', rank: 1, truth: 1, predicted: 0 },
      { taskId: 'B', rank: 2, truth: 0, predicted: 1 },
    ]);
  });

  it('min-max normalizes rewards per problem', () => {
    const rewards = [s('R', 1, 1, 6), s('R', 2, 0.5, 4), s('R', 3, 0, 2), s('Q', 1, 1, 3)];
    expect(scorePoints(rewards, 'reward').map((p) => p.predicted)).toEqual([1, 0.5, 0, 0]);
  });
});

describe('scoreCounts', () => {
  it('counts candidates per (predicted, true) pair, by predicted then true score', () => {
    expect(scoreCounts(scorePoints(SOLUTIONS, 'utg'))).toEqual([
      { predicted: 0, truth: 0, count: 1 },
      { predicted: 0, truth: 1, count: 1 },
      { predicted: 0.5, truth: 0.5, count: 2 },
      { predicted: 0.5, truth: 1, count: 1 },
      { predicted: 1, truth: 0, count: 1 },
      { predicted: 1, truth: 1, count: 1 },
    ]);
  });
});

describe('problemSpearmans', () => {
  it('gives 1, -1, and 0 for a tie', () => {
    expect(problemSpearmans(SOLUTIONS)).toEqual([
      { taskId: 'A', spearman: 1 },
      { taskId: 'B', spearman: -1 },
      { taskId: 'C', spearman: 0 },
    ]);
  });
});

describe('histogramBins', () => {
  it('counts values per bin, the top edge in the last bin, values outside dropped', () => {
    expect(histogramBins([1, -1, 0, 0.25, 2], -1, 1, 4)).toEqual([
      { low: -1, high: -0.5, count: 1 },
      { low: -0.5, high: 0, count: 0 },
      { low: 0, high: 0.5, count: 2 },
      { low: 0.5, high: 1, count: 1 },
    ]);
  });
});

describe('calibrationBins', () => {
  it('averages predicted and true scores per predicted bin, empty bins null', () => {
    // predicted 0: A3 (truth 0), B1 (truth 1); 0.5: A2 (0.5), C1 (1), C2 (0.5); 1: A1 (1), B2 (0).
    expect(calibrationBins(scorePoints(SOLUTIONS, 'utg'), 5)).toEqual([
      { low: 0, high: 0.2, count: 2, meanPredicted: 0, meanTrue: 0.5 },
      { low: 0.2, high: 0.4, count: 0, meanPredicted: null, meanTrue: null },
      { low: 0.4, high: 0.6, count: 3, meanPredicted: 0.5, meanTrue: 2 / 3 },
      { low: 0.6, high: 0.8, count: 0, meanPredicted: null, meanTrue: null },
      { low: 0.8, high: 1, count: 2, meanPredicted: 1, meanTrue: 0.5 },
    ]);
  });
});
