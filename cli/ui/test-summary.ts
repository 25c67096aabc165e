import type { RunDocument } from '../../conformance/framework/index.ts';
import type { RecordOutcome } from '../services/sheet-record-run.ts';
import { formatDuration } from './test-duration.ts';

const verdictText = {
  passed: 'Every required (SHALL) test passed.',
  failed: 'A required (SHALL) test failed: the system does not yet do what the integration requires.',
  incomplete:
    'No required (SHALL) test failed, but not every one ran, so this run does not show that the system is ready.',
  environment:
    'The environment failed (platform, certificate or agreement, or a system that does not answer), so the system could not be judged.',
  'not-selected': 'No suite was selected, so nothing was judged.',
} as const;

/** A suite's verdict as the summary line shows it. */
const suiteVerdictText = {
  passed: 'passed',
  failed: 'failed',
  incomplete: 'incomplete',
  environment: 'environment',
  'not-selected': 'not selected',
} as const;

const notRunWord = {
  skip: 'skipped',
  omit: 'omitted',
  wait: 'waiting',
  error: 'broke',
  fail: 'failed',
  pass: 'passed',
} as const;

/**
 * The plain end-of-run summary (no terminal, CI logs): per integration its counts, then every
 * test that did not pass with its requirement ids and whose problem it is, then the verdict and,
 * for an incomplete run, the required tests that did not run and why.
 */
export function formatTestSummary(document: RunDocument, extra: { written?: string[]; notes?: string[] } = {}): string {
  const lines: string[] = [
    `klarmeld test: ${document.profile.system} against ${document.platform.url} (${document.platform.target})`,
    '',
  ];
  for (const suite of document.summary.suites) {
    const c = suite.counts;
    const title = document.suites.find((s) => s.id === suite.suite)?.title ?? '';
    const verdict = suiteVerdictText[suite.verdict];
    lines.push(
      `${suite.integration.padEnd(8)} ${verdict.padEnd(12)} ${c.pass} passed, ${c.fail} failed, ${c.error} errors, ${c.skip} skipped, ${c.omit} omitted  SHALL ${suite.shall.passed}/${suite.shall.total}  ${title}`,
    );
  }
  const notPassed = document.tests.filter((t) => ['fail', 'error', 'wait', 'skip'].includes(t.result));
  if (notPassed.length > 0) lines.push('');
  for (const test of notPassed) {
    const who =
      test.blame === 'environment'
        ? ' [environment]'
        : test.blame === 'supplier'
          ? ' [system]'
          : test.blame === 'test'
            ? ' [klarmeld]'
            : '';
    lines.push(
      `${test.result.toUpperCase().padEnd(5)} ${test.id} (${test.level} ${test.verifies.join(', ')})${who} ${formatDuration(test.durationMs)}`,
    );
    if (test.message) lines.push(`      ${test.message}`);
  }
  const total = document.summary.counts;
  lines.push(
    '',
    `${total.total} tests in ${formatDuration(document.durationMs)}: ${total.pass} passed, ${total.fail} failed, ${total.error} errors, ${total.skip} skipped, ${total.omit} omitted.`,
  );
  lines.push(`${verdictText[document.summary.verdict]} Exit ${document.summary.exitCode}.`);
  lines.push(...notRunLines(document));
  for (const note of extra.notes ?? []) lines.push(note);
  for (const file of extra.written ?? []) lines.push(`Wrote ${file}`);
  return `${lines.join('\n')}\n`;
}

/** For an incomplete run: which required tests did not run, grouped by reason, and what that means. */
function notRunLines(document: RunDocument): string[] {
  const { verdict, requiredNotRun } = document.summary;
  if (verdict !== 'incomplete') return [];
  if (requiredNotRun.length === 0) return ['No required (SHALL) test ran, so this run shows nothing about the system.'];
  const byReason = new Map<string, string[]>();
  for (const test of requiredNotRun) {
    const key = `${notRunWord[test.result]}: ${test.reason}`;
    byReason.set(key, [...(byReason.get(key) ?? []), test.id]);
  }
  const n = requiredNotRun.length;
  return [
    `${n} required (SHALL) test${n === 1 ? '' : 's'} did not run, so the system was never shown to do what ${n === 1 ? 'it checks' : 'they check'}:`,
    ...[...byReason].flatMap(([reason, ids]) => [`  ${reason}`, ...idLines(document, ids)]),
    'Give the run what these tests need (see the reasons above) and run it again to show readiness.',
  ];
}

/** The ids, one a line, except that a suite whose every SHALL test is among them is one line. */
function idLines(document: RunDocument, ids: string[]): string[] {
  const bySuite = new Map<string, string[]>();
  for (const id of ids) {
    const suite = document.tests.find((t) => t.id === id)?.suite ?? '';
    bySuite.set(suite, [...(bySuite.get(suite) ?? []), id]);
  }
  return [...bySuite].flatMap(([suite, list]) => {
    const shall = document.tests.filter((t) => t.suite === suite && t.level === 'SHALL').length;
    const integration = document.tests.find((t) => t.suite === suite)?.integration ?? suite;
    return list.length > 1 && list.length === shall
      ? [`    ${integration}: all ${shall} SHALL tests`]
      : list.map((id) => `    ${id}`);
  });
}

/** One line on what `--record` did in the sheet: the statuses recorded, and why anything was not. */
export function formatRecorded(outcome: RecordOutcome): string {
  if (outcome.skipped) return outcome.skipped.message;
  const notRecorded = outcome.notRecorded.map((n) => `${n.integration}: ${n.why}`).join('; ');
  if (outcome.events.length === 0) return `Recorded in the sheet: nothing${notRecorded ? ` (${notRecorded})` : ''}.`;
  const statuses = outcome.events.map((e) => `${e.integration} ${e.word ?? e.status}`).join(', ');
  // --key checks which key signed the run; only the sheet's trusted list makes a key count.
  const pinned = outcome.key.pinned
    ? ' (pinned with --key, which checks the signature but does not make the key trusted)'
    : '';
  const key = outcome.key.trusted
    ? ` Signed with platform key ${outcome.key.fingerprint} (trusted in the sheet as "${outcome.key.name}").`
    : outcome.events.length > 0
      ? ` Evidence: a run on the supplier's own platform, key ${outcome.key.fingerprint ?? '(none)'}${pinned}, which this sheet does not trust; the sheet shows that beside each status. KOMBIT trusts a platform key with \`klarmeld sheet trust-key\`; a run under a trusted key is then recorded with that evidence.`
      : '';
  return `Recorded in the sheet: ${statuses}.${key}${notRecorded ? ` Not recorded: ${notRecorded}.` : ''}`;
}
