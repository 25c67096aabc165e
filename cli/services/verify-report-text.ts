import type { VerifyReport } from '../../conformance/framework/index.ts';

/** The verification report as text for a person (colour only in a terminal). */
export function verifyReportText(report: VerifyReport, colour: boolean): string {
  const paint = (code: number, text: string) => (colour ? `\u001b[${code}m${text}\u001b[0m` : text);
  const lines: string[] = [];
  if (report.ok) {
    lines.push(paint(32, `Valid: run ${report.runId} is bound to the platform's evidence.`));
  } else {
    lines.push(
      paint(
        31,
        `Not valid: ${report.problems.length} problem${report.problems.length === 1 ? '' : 's'}${report.runId ? ` in run ${report.runId}` : ''}.`,
      ),
    );
  }
  lines.push(`  exchanges: ${report.exchanges.valid} of ${report.exchanges.checked} signed and unchanged`);
  const kind = report.document?.attestation?.statement.kind;
  const judged =
    kind === 'klarmeld.run-judged/1'
      ? ' (judged and signed by klarmeld server: it ran the suites itself)'
      : kind
        ? " (the platform countersigned the runner's results)"
        : '';
  lines.push(`  attestation: ${report.attested ? `present${judged}` : 'missing'}`);
  if (report.keyFingerprint) lines.push(`  platform key: ${report.keyFingerprint} (${report.keySource})`);
  if (report.system) {
    const catalogue = {
      matches: "the catalogue's it-system of it",
      'other-it-system': "NOT the catalogue's it-system of it",
      'not-in-catalogue': 'a system the catalogue does not list',
      'not-checked': 'not checked against a catalogue',
    }[report.system.catalogue];
    lines.push(
      `  system: run for ${report.document?.profile.system ?? report.system.id}, evidence of it-system ${report.system.uuid} (${report.system.name}): ${catalogue}`,
    );
  }
  if (report.rederived) {
    const { replayed, agreed, suites } = report.rederived;
    const notShipped = suites.filter((s) => !s.rederived).map((s) => `${s.suite} ${s.version}`);
    lines.push(
      `  verdicts: ${agreed} of ${replayed} tests re-derived from their tapes by the shipped suites${notShipped.length > 0 ? `; NOT re-derived: ${notShipped.join(', ')}` : ''}`,
    );
    const unsigned = Object.entries(report.rederived.unsigned)
      .map(([kind, n]) => `${n} ${kind}`)
      .join(', ');
    if (unsigned)
      lines.push(`  on the tapes, not platform-signed exchanges (the run's signer vouches for them): ${unsigned}`);
  }
  for (const problem of report.problems)
    lines.push(`  - ${problem.code}${problem.test ? ` [${problem.test}]` : ''}: ${problem.message}`);
  if (report.ok && report.keySource === 'embedded') {
    lines.push(
      paint(
        33,
        '  Note: the key was taken from the run itself. This proves the run is unchanged since the platform signed it;',
      ),
      paint(33, '  to prove WHICH platform signed it, pin the key with --key FILE or --platform URL.'),
    );
  }
  return `${lines.join('\n')}\n`;
}
