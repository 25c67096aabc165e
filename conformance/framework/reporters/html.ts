/**
 * A self-contained HTML report of a run: verdict, evidence, per suite a table of tests and
 * their details (inputs, log, the exchanges with request and response), and the requirement
 * traceability. Pure: document in, HTML text out; no scripts, no external resources.
 */
import type { RunDocument, SuiteRecord, TestRecord } from '../run-document.ts';
import { escapeXml as h } from '../../wire/escape-xml.ts';
import { reportCss } from './html-style.ts';

const verdictText = {
  passed: 'Every required (SHALL) test passed.',
  failed: 'A required (SHALL) test failed: the system needs changes before it can be declared ready.',
  incomplete:
    'No required (SHALL) test failed, but some did not run (listed below), so this run does not show that the system is ready.',
  environment:
    'The environment failed (platform, certificate or agreement): the results below cannot be trusted. Fix the environment and run again.',
  'not-selected': 'No suite was selected, so nothing was judged.',
};

/** A suite's verdict as a badge: the colour of the result it resembles, the verdict's own word. */
const verdictBadge = {
  passed: 'pass',
  failed: 'fail',
  incomplete: 'skip',
  environment: 'error',
  'not-selected': 'omit',
} as const;
const badge = (result: string) => `<span class="result r-${h(result)}">${h(result)}</span>`;
const verdictLabel = (verdict: keyof typeof verdictBadge) =>
  `<span class="result r-${verdictBadge[verdict]}">${h(verdict.replace('-', ' '))}</span>`;
const duration = (ms: number) => (ms < 1000 ? `${ms} ms` : `${(ms / 1000).toFixed(1)} s`);
const json = (value: unknown) => `<pre>${h(JSON.stringify(value, null, 2))}</pre>`;

function exchange(record: Record<string, unknown>, index: number): string {
  const label =
    [record.operation, record.service, record.status].filter((v) => v !== undefined).join(' · ') ||
    `exchange ${index + 1}`;
  const message = (side: unknown) =>
    side && typeof side === 'object' && 'body' in side
      ? `<pre>${h(String((side as { body: unknown }).body))}</pre>`
      : json(side);
  const { request, response, ...rest } = record;
  return (
    `<details><summary>Exchange: ${h(String(label))} <span class="muted">digest <code>${h(String(record.digest).slice(0, 16))}…</code></span></summary>` +
    `${json(rest)}${request !== undefined ? `<h5>Request</h5>${message(request)}` : ''}${response !== undefined ? `<h5>Response</h5>${message(response)}` : ''}</details>`
  );
}

function testDetail(test: TestRecord): string {
  const parts = [
    `<h4 id="${h(test.id)}">${badge(test.result)} ${h(test.title)}</h4>`,
    `<p class="muted"><code>${h(test.id)}</code> · verifies ${h(test.verifies.join(', '))} (${h(test.level)}) · ${duration(test.durationMs)}${test.blame ? ` · blame: ${h(test.blame)}` : ''}${test.code ? ` · code: <code>${h(test.code)}</code>` : ''}</p>`,
    test.message ? `<p>${h(test.message)}</p>` : '',
    Object.keys(test.inputs).length > 0 ? `<details><summary>Inputs</summary>${json(test.inputs)}</details>` : '',
    test.log.length > 0
      ? `<details><summary>Log (${test.log.length})</summary><pre>${h(test.log.map((l) => `[${l.atMs} ms] ${l.text}`).join('\n'))}</pre></details>`
      : '',
    ...test.exchanges.map((e, i) => exchange(e, i)),
  ];
  return `<div class="test">${parts.join('\n')}</div>`;
}

function requirementsTable(suite: SuiteRecord, tests: TestRecord[]): string {
  const rows = suite.requirements.map((r) => {
    const covering = tests.filter((t) => t.verifies.includes(r.id));
    const reason = suite.untested.find((u) => u.requirement === r.id)?.reason;
    const cell =
      covering.length > 0
        ? covering.map((t) => `${badge(t.result)} <a href="#${h(t.id)}">${h(t.id)}</a>`).join('<br>')
        : h(reason ? `Not tested: ${reason}` : 'Not tested');
    return `<tr><td><code>${h(r.id)}</code></td><td>${h(r.level)}</td><td>${h(r.text)}<br><span class="muted">${h(r.source)}</span></td><td>${cell}</td></tr>`;
  });
  return `<table><caption class="muted">Requirements of ${h(suite.integration)}</caption><thead><tr><th scope="col">Id</th><th scope="col">Level</th><th scope="col">Requirement</th><th scope="col">Tests</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

function suiteSection(document: RunDocument, suite: SuiteRecord): string {
  const tests = document.tests.filter((t) => t.suite === suite.id);
  const summary = document.summary.suites.find((s) => s.suite === suite.id);
  const rows = tests.map(
    (t) =>
      `<tr><td>${badge(t.result)}</td><td><a href="#${h(t.id)}">${h(t.title)}</a><br><code class="muted">${h(t.id)}</code></td><td>${h(t.verifies.join(', '))}</td><td>${duration(t.durationMs)}</td><td>${h(t.message ?? '')}</td></tr>`,
  );
  return [
    `<section><h2>${h(suite.integration)} ${h(suite.title)} <span class="muted">suite ${h(suite.version)}</span></h2>`,
    !summary
      ? ''
      : summary.verdict === 'not-selected'
        ? // Not "passed" with 0 of 0: nobody looked at the system for this integration in this run.
          `<p>${verdictLabel(summary.verdict)} No test of ${h(suite.integration)} was selected in this run (--integration), so it was not judged.</p>`
        : `<p>${verdictLabel(summary.verdict)} SHALL tests passed: ${summary.shall.passed} of ${summary.shall.total}</p>`,
    `<table><thead><tr><th scope="col">Result</th><th scope="col">Test</th><th scope="col">Verifies</th><th scope="col">Time</th><th scope="col">Message</th></tr></thead><tbody>${rows.join('')}</tbody></table>`,
    `<h3>Details</h3>${tests.map(testDetail).join('\n')}`,
    `<h3>Traceability</h3>${requirementsTable(suite, tests)}</section>`,
  ].join('\n');
}

export function toHtml(document: RunDocument): string {
  const { summary, platform, attestation } = document;
  const counts = (['pass', 'fail', 'error', 'wait', 'skip', 'omit'] as const)
    .map((r) => `${badge(r)} ${summary.counts[r]}`)
    .join(' ');
  const evidence = attestation
    ? `The platform recorded and signed ${attestation.statement.exchanges.length} exchanges of it-system ${h(attestation.statement.system.name)} (<code>${h(attestation.statement.system.uuid)}</code>) and countersigned this report's results digest on ${h(attestation.statement.signedAt)}. The exchanges are the platform's record; the results are the runner's claim about them.`
    : 'Not attested by the platform: these results are not bound to evidence.';
  const ranRequired = document.tests.some((t) => t.level === 'SHALL' && (t.result === 'pass' || t.result === 'fail'));
  const notRun =
    summary.requiredNotRun.length > 0
      ? `<h2>Required tests that did not run</h2><ul>${summary.requiredNotRun.map((n) => `<li><a href="#${h(n.id)}"><code>${h(n.id)}</code></a> ${badge(n.result)} ${h(n.reason)}</li>`).join('')}</ul>`
      : !ranRequired && summary.verdict === 'incomplete'
        ? '<p>No required (SHALL) test ran in this run, so it shows nothing about the system.</p>'
        : '';
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>klarmeld report: ${h(document.profile.system)} (${h(summary.verdict)})</title><style>${reportCss}</style></head>
<body><main>
<h1>Conformance report: ${h(document.profile.system)}</h1>
<p class="verdict v-${h(summary.verdict)}" role="status">${h(summary.verdict.toUpperCase())}: ${h(verdictText[summary.verdict])}</p>
<p>${counts}</p>
${notRun}
<dl class="meta">
<dt>Run</dt><dd><code>${h(document.runId)}</code>, ${h(document.startedAt)} – ${h(document.finishedAt)} (${duration(document.durationMs)})</dd>
<dt>Platform</dt><dd>${h(platform.target)} at ${h(platform.url)}${platform.version ? `, version ${h(platform.version)}` : ''}</dd>
<dt>Platform key</dt><dd>${platform.keyFingerprint ? `<code>${h(platform.keyFingerprint)}</code>` : 'none'}</dd>
<dt>Evidence</dt><dd>${evidence} Check it with <code>klarmeld verify run.json</code>.</dd>
<dt>Catalogue</dt><dd>${h(document.catalogue.version)}${document.catalogue.digest ? `, digest <code>${h(document.catalogue.digest)}</code>` : ''}</dd>
<dt>Tool</dt><dd>klarmeld ${h(document.tool.version)}</dd>
</dl>
${document.suites.map((s) => suiteSection(document, s)).join('\n')}
</main></body></html>
`;
}
