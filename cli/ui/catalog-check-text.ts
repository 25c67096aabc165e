import { groupByFile, type CatalogProblem } from '../../catalog/index.ts';
import type { CatalogCheck } from '../services/catalog-check.ts';

/*
 * The words and numbers of `klarmeld catalog check`, shared by the ink view (a terminal) and
 * the plain-text report (a pipe or CI log). Plain text needs no ink, so a check in CI starts
 * in a fraction of the time (see bench/RESULTS.md).
 */

export const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export const breakdown = (counts: Record<string, number>) =>
  Object.entries(counts)
    .map(([name, n]) => `${name} ${n}`)
    .join(', ');

/** `file:line:column`, or just the file when the problem has no position. */
export const location = (p: CatalogProblem) => (p.line === undefined ? p.file : `${p.file}:${p.line}:${p.column ?? 1}`);

export const headline = (p: CatalogProblem) => `${location(p)} ${p.code} ${p.name}${p.path ? ` at ${p.path}` : ''}`;

export function summaryLines(check: CatalogCheck): string[] {
  const s = check.summary;
  return [
    `${s.integrations} integrations${s.integrations ? ` (${breakdown(s.byPlatform)})` : ''}`,
    ...(s.integrations ? [`  current version: ${breakdown(s.byLifecycle)}`] : []),
    `${s.areas} service areas, ${s.useCases} use cases, ${s.packages} integration packages`,
    `${s.suppliers} suppliers, ${s.systems} SKI systems`,
    `${s.municipalities} municipalities (+${s.testMunicipalities} test), ${s.statuses} onboarding statuses`,
  ];
}

export function verdict(check: CatalogCheck): string {
  if (check.valid) return `✓ The catalogue is valid${check.warnings ? ` (${plural(check.warnings, 'warning')})` : ''}.`;
  const files = new Set(check.problems.map((p) => p.file)).size;
  return `✗ ${plural(check.errors, 'error')}${check.warnings ? `, ${plural(check.warnings, 'warning')}` : ''} in ${plural(files, 'file')}.`;
}

/** The whole report as plain text: summary, problems grouped per file with their fixes, verdict. */
export function catalogCheckText(check: CatalogCheck): string {
  const lines = [`Catalogue ${check.dir}`, ...summaryLines(check).map((l) => `  ${l}`)];
  for (const { file, problems } of groupByFile(check.problems)) {
    lines.push('', file);
    for (const p of problems) {
      lines.push(`  ${p.severity === 'error' ? '✗' : '!'} ${headline(p)}`, `      ${p.message}`, `      Fix: ${p.fix}`);
    }
  }
  lines.push('', verdict(check));
  return `${lines.join('\n')}\n`;
}
