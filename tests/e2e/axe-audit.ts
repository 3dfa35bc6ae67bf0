// e2e helper: axe-core (node_modules/axe-core/axe.min.js, injected into the page) and its serious and critical
// WCAG 2 A/AA violations, with a per-rule report of the nodes for failure messages.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const FAILING = new Set(['serious', 'critical']);
export interface Finding {
  state: string;
  rule: string;
  impact: string;
  help: string;
  nodes: string[];
}

/** Runs axe on the page as it is now; returns its serious and critical violations. */
export async function audit(page: Page, state: string): Promise<Finding[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE);
  const violations = await page.evaluate(async (tags) => {
    const result = await (window as unknown as { axe: typeof import('axe-core') }).axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return result.violations.map((v) => ({ rule: v.id, impact: v.impact ?? '', help: v.help, nodes: v.nodes.map((n) => `${n.target.join(' ')}: ${n.failureSummary?.split('\n').slice(1, 2).join('') ?? ''}`) }));
  }, TAGS);
  return violations.filter((v) => FAILING.has(v.impact)).map((v) => ({ state, ...v }));
}

/** "rule (impact): n nodes" per rule, then each node, for the failure message and the log. */
export function report(findings: readonly Finding[]): string {
  const byRule = new Map<string, Finding[]>();
  for (const f of findings) byRule.set(f.rule, [...(byRule.get(f.rule) ?? []), f]);
  const lines: string[] = [];
  for (const [rule, list] of byRule) {
    lines.push(`${rule} (${list[0]!.impact}, ${list[0]!.help}): ${list.reduce((n, f) => n + f.nodes.length, 0)} nodes in ${list.length} states`);
    for (const f of list) for (const node of f.nodes) lines.push(`  [${f.state}] ${node}`);
  }
  return lines.join('\n');
}
