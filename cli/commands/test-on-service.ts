/**
 * `klarmeld test --service URL`: the run is judged by klarmeld server; this command relays, shows
 * progress and prints what the server signed, exactly as a local run prints its own document.
 */
import { formatTestSummary } from '../ui/test-summary.ts';
import { formatInterrupted } from '../ui/test-interrupted.ts';
import { liveTestView } from '../ui/test-live-view.ts';
import { UsageError } from '../usage-error.ts';
import { abortOnInterrupt } from './abort-on-interrupt.ts';
import { reportStartFailure } from './report-start-failure.ts';

export interface ServiceFlags {
  service: string;
  token?: string | undefined;
  municipality?: string | undefined;
  profile: string;
  integration?: string[] | undefined;
  json: boolean;
  junit?: string | undefined;
  report?: string | undefined;
  record: boolean;
}

export async function testOnService(values: ServiceFlags, live: boolean): Promise<number> {
  if (!/^https?:\/\//.test(values.service))
    throw new UsageError(
      `--service ${values.service}: give klarmeld server's API address, such as http://127.0.0.1:8440`,
    );
  const token = values.token ?? process.env.KLARMELD_TOKEN;
  if (!token)
    throw new UsageError('--service needs the API token KOMBIT issued you: pass --token TOKEN or set KLARMELD_TOKEN');
  const [{ runServiceTest }, { ServiceRefused }] = await Promise.all([
    import('../services/service-test-run.ts'),
    import('../services/service-client.ts'),
  ]);
  const view = live ? await liveTestView('Connecting to klarmeld server') : undefined;
  const interrupt = abortOnInterrupt(
    '\nStopping: shutting the system down; the server ends the run as an environment error…\n',
  );
  let result;
  try {
    result = await runServiceTest({
      serviceUrl: values.service,
      token,
      profileFile: values.profile,
      record: values.record,
      ...(values.municipality ? { municipality: values.municipality } : {}),
      ...(values.integration ? { integrations: values.integration.map((id) => id.toUpperCase()) } : {}),
      ...(values.junit ? { junitFile: values.junit } : {}),
      ...(values.report ? { reportFile: values.report } : {}),
      signal: interrupt.signal,
      ...(view ? { onEvent: view.onEvent, onPhase: view.phase } : {}),
    });
  } catch (error) {
    view?.stop();
    if (interrupt.signal.aborted) {
      process.stderr.write(formatInterrupted('klarmeld test', undefined));
      return 130;
    }
    if (error instanceof ServiceRefused) throw new UsageError(error.message);
    return reportStartFailure(error, values.json);
  } finally {
    interrupt.release();
  }
  view?.stop();
  const recorded = result.recorded
    ? [
        result.recorded.length > 0
          ? `Recorded in klarmeld server's sheet (evidence: a run on a platform KOMBIT trusts): ${result.recorded.join(', ')}.`
          : "Nothing recorded in klarmeld server's sheet.",
        ...(result.notRecorded ?? []).map((n) => `  not recorded: ${n.integration}: ${n.why}`),
      ].join('\n')
    : undefined;
  if (values.json) {
    process.stdout.write(`${JSON.stringify(result.document, null, 2)}\n`);
    if (result.attestationProblem) process.stderr.write(`${result.attestationProblem}\n`);
    if (recorded) process.stderr.write(`${recorded}\n`);
  } else {
    const notes = [
      `Judged and signed by klarmeld server at ${values.service} (run ${result.document.runId}).`,
      ...(result.attestationProblem ? [result.attestationProblem] : []),
      ...(recorded ? [recorded] : []),
    ];
    process.stdout.write(formatTestSummary(result.document, { written: result.written, notes }));
  }
  return result.exitCode;
}
