/**
 * JUnit XML for CI servers: one <testsuite> per conformance suite, one <testcase> per test
 * (omitted ones too, as skipped, so the file lists every test). The requirement ids are in the
 * test name (visible in every CI UI) and in <properties> (for tools that read them).
 */
import type { RunDocument, TestRecord } from '../run-document.ts';
import { escapeXml as x } from '../../wire/escape-xml.ts';

const seconds = (ms: number) => (ms / 1000).toFixed(3);

function outcomeElement(test: TestRecord): string {
  const message = test.message ?? '';
  const detail = [
    message,
    test.blame ? `Blame: ${test.blame}` : '',
    test.code ? `Code: ${test.code}` : '',
    `Verifies: ${test.verifies.join(', ')}`,
  ]
    .filter(Boolean)
    .join('\n');
  switch (test.result) {
    case 'pass':
      return '';
    case 'fail':
      return `\n      <failure message="${x(message)}" type="${x(`fail.${test.blame ?? 'supplier'}`)}">${x(detail)}</failure>`;
    case 'error':
      return `\n      <error message="${x(message)}" type="${x(`error.${test.blame ?? 'test'}`)}">${x(detail)}</error>`;
    default:
      return `\n      <skipped message="${x(`${test.result}: ${message}`)}"/>`;
  }
}

function testcase(test: TestRecord): string {
  const properties = [
    ...test.verifies.map((id) => ['requirement', id]),
    ['level', test.level],
    ['result', test.result],
    ...(test.blame ? [['blame', test.blame]] : []),
    ['exchanges', String(test.exchanges.length)],
  ]
    .map(([name, value]) => `\n        <property name="${x(name!)}" value="${x(value!)}"/>`)
    .join('');
  const out =
    test.log.length > 0
      ? `\n      <system-out>${x(test.log.map((l) => `[${l.atMs} ms] ${l.text}`).join('\n'))}</system-out>`
      : '';
  return (
    `    <testcase classname="${x(`${test.suite}.${test.group}`)}" name="${x(`${test.id}: ${test.title} [${test.verifies.join(', ')}]`)}" time="${seconds(test.durationMs)}">` +
    `\n      <properties>${properties}\n      </properties>${outcomeElement(test)}${out}\n    </testcase>`
  );
}

export function toJunitXml(document: RunDocument): string {
  const suites = document.summary.suites.map((summary) => {
    const tests = document.tests.filter((t) => t.suite === summary.suite);
    const title = document.suites.find((s) => s.id === summary.suite)?.title ?? summary.suite;
    const c = summary.counts;
    const time = tests.reduce((sum, t) => sum + t.durationMs, 0);
    return (
      `  <testsuite name="${x(`${summary.integration} ${title}`)}" id="${x(summary.suite)}" tests="${c.total}" failures="${c.fail}" errors="${c.error}" ` +
      `skipped="${c.skip + c.omit + c.wait}" time="${seconds(time)}" timestamp="${x(document.startedAt.replace(/\.\d+Z$/, ''))}">\n` +
      // The suite's verdict as the run document has it: a CI reader sees "not-selected", not a suite of skips that looks green.
      `    <properties>\n      <property name="verdict" value="${x(summary.verdict)}"/>\n    </properties>\n` +
      `${tests.map(testcase).join('\n')}\n  </testsuite>`
    );
  });
  const c = document.summary.counts;
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n` +
    `<testsuites name="${x(`klarmeld ${document.profile.system} ${document.runId}`)}" tests="${c.total}" failures="${c.fail}" errors="${c.error}" ` +
    `skipped="${c.skip + c.omit + c.wait}" time="${seconds(document.durationMs)}">\n${suites.join('\n')}\n</testsuites>\n`
  );
}
