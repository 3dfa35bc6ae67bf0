// Top-1 and Bottom-1 credit for one problem: fractional credit 1/|tie group| when the true best/worst is in the group.

/**
 * Credit for picking the true rank-1 solution: the group tied (exactly) at the highest predicted
 * score earns 1/|group| if it contains a solution of rank 1, else 0. `ranks[i]` pairs with `predicted[i]`.
 */
export function metricTop1(ranks: readonly number[], predicted: readonly number[]): number {
  checkPaired(ranks, predicted);
  const best = predicted.reduce((a, b) => (b > a ? b : a));
  return groupCredit(ranks, predicted, best, 1);
}

/**
 * Credit for picking the true last-ranked solution (the largest rank in the problem): the group tied
 * at the lowest predicted score earns 1/|group| if it contains it, else 0.
 */
export function metricBottom1(ranks: readonly number[], predicted: readonly number[]): number {
  checkPaired(ranks, predicted);
  const worst = predicted.reduce((a, b) => (b < a ? b : a));
  return groupCredit(ranks, predicted, worst, ranks.reduce((a, b) => (b > a ? b : a)));
}

function groupCredit(ranks: readonly number[], predicted: readonly number[], score: number, targetRank: number): number {
  let size = 0;
  let hit = false;
  predicted.forEach((value, i) => {
    if (value !== score) return;
    size += 1;
    if (ranks[i] === targetRank) hit = true;
  });
  return hit ? 1 / size : 0;
}

function checkPaired(ranks: readonly number[], predicted: readonly number[]): void {
  if (ranks.length !== predicted.length) throw new RangeError(`ranks and predictions differ in length (${ranks.length} vs ${predicted.length})`);
  if (ranks.length === 0) throw new RangeError('a problem needs at least one solution');
}
