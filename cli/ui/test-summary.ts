import type { RunDocument } from '../../conformance/framework/index.ts';
import { formatDuration } from './test-duration.ts';

const verdictText = {
  passed: 'Every required (SHALL) test passed.',
  failed: 'A required (SHALL) test failed: the system does not yet do what the integration requires.',
  environment: 'The environment failed (platform, certificate or agreement), so the system could not be judged.',
} as const;

/**
 * The plain end-of-run summary (no terminal, CI logs): per integration its counts, then every
 * test that did not pass with its requirement ids and whose problem it is, then the verdict.
 */
export function formatTestSummary(document: RunDocument, extra: { written?: string[]; notes?: string[] } = {}): string {
  const lines: string[] = [`klarmeld test: ${document.profile.system} against ${document.platform.url} (${document.platform.target})`, ''];
  for (const suite of document.summary.suites) {
    const c = suite.counts;
    const title = document.suites.find((s) => s.id === suite.suite)?.title ?? '';
    lines.push(
      `${suite.integration.padEnd(8)} ${suite.verdict.padEnd(11)} ${c.pass} passed, ${c.fail} failed, ${c.error} errors, ${c.skip} skipped, ${c.omit} omitted  SHALL ${suite.shall.passed}/${suite.shall.total}  ${title}`,
    );
  }
  const notPassed = document.tests.filter((t) => ['fail', 'error', 'wait', 'skip'].includes(t.result));
  if (notPassed.length > 0) lines.push('');
  for (const test of notPassed) {
    const who = test.blame === 'environment' ? ' [environment]' : test.blame === 'supplier' ? ' [system]' : test.blame === 'test' ? ' [klarmeld]' : '';
    lines.push(`${test.result.toUpperCase().padEnd(5)} ${test.id} (${test.level} ${test.verifies.join(', ')})${who} ${formatDuration(test.durationMs)}`);
    if (test.message) lines.push(`      ${test.message}`);
  }
  const total = document.summary.counts;
  lines.push('', `${total.total} tests in ${formatDuration(document.durationMs)}: ${total.pass} passed, ${total.fail} failed, ${total.error} errors, ${total.skip} skipped, ${total.omit} omitted.`);
  lines.push(`${verdictText[document.summary.verdict]} Exit ${document.summary.exitCode}.`);
  for (const note of extra.notes ?? []) lines.push(note);
  for (const file of extra.written ?? []) lines.push(`Wrote ${file}`);
  return `${lines.join('\n')}\n`;
}
