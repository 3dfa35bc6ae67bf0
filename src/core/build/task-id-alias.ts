// Spellings of the same benchmark task across projects: EvalPlus "Mbpp/11", LDB "MBPP/11", MultiPL-E
// "mbpp_11_remove_Occ", MBPP's integer 11. Used only when a pool's task_id matches no problem exactly.

/** "humaneval/N" or "mbpp/N" for a recognisable spelling, else undefined. `family` names bare integers. */
export function taskIdAlias(taskId: string, family: 'humaneval' | 'mbpp'): string | undefined {
  if (/^\d+$/.test(taskId)) return `${family}/${Number(taskId)}`;
  const match = /^(humaneval|mbpp)(?:eval)?[/_-](\d+)(?:$|[/_-])/i.exec(taskId);
  return match ? `${match[1]!.toLowerCase()}/${Number(match[2])}` : undefined;
}
