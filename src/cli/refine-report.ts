// The report of a refinement run on stdout, shared by `refine` and by `run` on a refinement run file.
import type { BatchReport } from '../core/refine/refine-run-view';
import type { RefineSideSummary } from '../core/refine/repair-summary';
import type { CliIo } from './cli-io';

/** Prints a refinement run's batch report: `--json` as the `refine` command's contract, else in words. */
export function printRefineReport(io: CliIo, batch: BatchReport, split: string, json: boolean): void {
  const withSide = batch.withFeedback;
  const withoutSide = batch.withoutFeedback;
  const comparison = batch.comparison;
  if (json) {
    // with_feedback / without_feedback are the contract; split and repair_rate were added after it.
    const repair = comparison && { programs: comparison.programs, with_feedback: comparison.withFeedback, without_feedback: comparison.withoutFeedback, difference: comparison.difference };
    io.stdout(`${JSON.stringify({ with_feedback: withSide, ...(withoutSide ? { without_feedback: withoutSide } : {}), split, ...(repair ? { repair_rate: repair } : {}) })}\n`);
    return;
  }
  const line = (name: string, s: RefineSideSummary) =>
    `${name}: ${s.programs} programs, ${s.refinements} refinements, pass@1 ${s['pass@1'].toFixed(3)}, pass@${batch.k} ${s['pass@k'].toFixed(3)}, repaired ${s.repaired} (${((100 * s.repaired) / Math.max(1, s.programs)).toFixed(1)}%)\n`;
  io.stdout(`split ${split}\n`);
  io.stdout(line('with feedback', withSide));
  if (withoutSide) io.stdout(line('without feedback', withoutSide));
  if (comparison) {
    const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
    const d = comparison.difference;
    io.stdout(`repair rate with - without feedback: ${pct(d.estimate)} [95% interval ${pct(d.low)}, ${pct(d.high)}] over ${comparison.programs} programs\n`);
  }
}
