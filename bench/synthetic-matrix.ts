// A synthetic execution matrix at MBPP-R scale for the comparison benches: 974 problems holding 3,249 candidates
// (3 or 4 each); better candidates pass more of the (partly wrong) generated tests. Seeded, so every run of a
// bench computes on the same data. No Node imports: the browser bench page uses it too.
import type { MatrixProblem } from '../src/core/compare/execution-matrix';
import { prngMulberry32 } from '../src/core/metrics/prng';

export const MBPP_R_PROBLEMS = 974;
export const MBPP_R_SOLUTIONS = 3249;

export function syntheticMatrix(seed: number, testsPerProblem: number): MatrixProblem[] {
  const random = prngMulberry32(seed);
  const extra = MBPP_R_SOLUTIONS - 3 * MBPP_R_PROBLEMS;
  return Array.from({ length: MBPP_R_PROBLEMS }, (_, p) => {
    const n = p < extra ? 4 : 3;
    const truth = [1, ...Array.from({ length: n - 1 }, () => Math.round(random() * 99) / 100).sort((a, b) => b - a)];
    const wrong = Array.from({ length: testsPerProblem }, () => random() < 0.15);
    const pass = truth.map((t) => Uint8Array.from(wrong, (w) => (w ? (random() < 0.3 ? 1 : 0) : random() < 0.1 + 0.85 * t ? 1 : 0)));
    return { taskId: `Mbpp/${p}`, ranks: truth.map((_, i) => i + 1), truth, pass, shared: true };
  });
}
