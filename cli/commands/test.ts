import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { suitesByIntegration } from '../../conformance/suites/index.ts';
import { loadCatalogCached } from '../../catalog/index.ts';
import { beforeRunLine } from '../services/catalog-coverage-before-run.ts';
import { runTest, type TestRunResult } from '../services/test-run.ts';
import { formatRecorded, formatTestSummary } from '../ui/test-summary.ts';
import { formatInterrupted } from '../ui/test-interrupted.ts';
import { UsageError } from '../usage-error.ts';
import { abortOnInterrupt } from './abort-on-interrupt.ts';
import { userCacheDir } from './cache-dir.ts';
import { parseCommandLine } from './parse-command-line.ts';
import { reportStartFailure } from './report-start-failure.ts';

const HELP = `klarmeld test: run a system's required conformance suites against a test platform

Usage:
  klarmeld test [--profile klarmeld.yaml] [--integration SF1520 …] [--platform URL]
                [--json] [--junit FILE] [--report FILE] [--record] [--sheet FILE] [--interactive]
  klarmeld test --service URL [--token TOKEN] [--municipality M] [--profile …] [--integration …] [--record] [--json] …

Options:
  --profile FILE      the system profile (default klarmeld.yaml)
  --integration ID    run only this integration's suite (repeat for more)
  --platform URL      use a running platform instead of starting the embedded one
  --service URL       have klarmeld server judge the run: it runs the suites on its platform,
                      this command starts the system and relays the server's trigger requests;
                      with --record the server records it in its sheet
  --token TOKEN       with --service: the API token KOMBIT issued (default $KLARMELD_TOKEN)
  --municipality M    with --service: the municipality the run acts for (kommunekode or CVR), so
                      its agreement decisions count; default Korsbæk Kommune
  --json              print the run document as JSON
  --junit FILE        write JUnit XML (one testcase per test, named with its requirements)
  --report FILE       write a self-contained HTML report
  --record            record each integration's declaration in the onboarding sheet, with its
                      evidence: own platform, or one the sheet trusts (klarmeld sheet trust-key)
  --sheet FILE        with --record: the sheet (default $KLARMELD_SHEET or .klarmeld/sheet.sqlite)
  --interactive       ask a person to act in their system instead of the trigger hook

Exit codes: 0 every required test passed, 1 a required test failed or did not run, 2 usage
or profile error, 3 environment problem (platform unreachable, certificate or agreement, or a
system that does not answer: its ready URL or its trigger).`;

const options = {
  profile: { type: 'string', default: 'klarmeld.yaml' },
  integration: { type: 'string', multiple: true },
  platform: { type: 'string' },
  service: { type: 'string' },
  token: { type: 'string' },
  municipality: { type: 'string' },
  json: { type: 'boolean', default: false },
  junit: { type: 'string' },
  report: { type: 'string' },
  record: { type: 'boolean', default: false },
  sheet: { type: 'string' },
  interactive: { type: 'boolean', default: false },
} as const;

export async function run(argv: string[]): Promise<number> {
  const parsed = parseCommandLine(argv, { help: HELP, options, takes: 'options' });
  if ('exit' in parsed) return parsed.exit;
  const { values } = parsed;
  // Generic suites come from the catalogue (issue 12): only a name that is no integration id is refused here; the run refuses one without a suite.
  const unknown = (values.integration ?? []).filter(
    (id) => !/^SF\d{4}(_[A-Z0-9]+)?$/i.test(id) && !suitesByIntegration[id.toUpperCase()],
  );
  if (unknown.length > 0)
    throw new UsageError(
      `klarmeld has no suite for ${unknown.join(', ')}. Suites: ${Object.keys(suitesByIntegration).join(', ')} and the generic suite of each integration with an imported contract`,
    );
  if (values.platform && !/^https?:\/\//.test(values.platform))
    throw new UsageError(`--platform ${values.platform}: give a URL such as https://127.0.0.1:8443`);
  const live = Boolean(process.stdout.isTTY) && !values.json;
  if (values.token && !values.service)
    throw new UsageError('--token is the API token for klarmeld server: add --service URL, or leave --token out');
  if (values.municipality && !values.service)
    throw new UsageError(
      '--municipality names whom a run on klarmeld server acts for: add --service URL, or leave --municipality out',
    );
  if (values.service) {
    const clash = (['platform', 'sheet', 'interactive'] as const).filter((flag) => values[flag]);
    if (clash.length > 0)
      throw new UsageError(
        `--service lets klarmeld server run the platform and keep the sheet: leave out --${clash.join(' and --')}`,
      );
    const { testOnService } = await import('./test-on-service.ts');
    return testOnService({ ...values, service: values.service }, live);
  }
  if (values.interactive && !live)
    throw new UsageError('--interactive needs a terminal (and no --json): a person must see what to do');
  if (values.sheet && !values.record)
    throw new UsageError('--sheet names the sheet to record in: add --record to record the run, or leave --sheet out');
  for (const file of [values.junit, values.report]) if (file) assertWritableFolder(file);

  // The onboarding module (and exceljs with it) is loaded only for --record: most runs do not record.
  const sheetFile = values.record
    ? (await import('../../conformance/onboarding/index.ts')).resolveSheetPath({
        flag: values.sheet,
        env: process.env,
        cwd: process.cwd(),
      })
    : undefined;
  // A catalogue that does not load is the run's to report (reportStartFailure): this line is then left out.
  // Checked once per change of the catalogue and kept in the user's cache folder (issue 15).
  const catalog = await loadCatalogCached({ cacheDir: userCacheDir(process.env, process.platform) }).then(
    (l) => l.catalog,
    () => undefined,
  );
  // Said before the run (issue 12): which required integrations this run cannot test, and why.
  const untestable = values.json || !catalog ? undefined : await beforeRunLine(values.profile, catalog);
  if (untestable) process.stdout.write(`${untestable}\n`);
  // The live view (React and ink) is loaded only for a terminal: --json and CI runs do not pay for it.
  const view = live ? await (await import('../ui/test-live-view.ts')).liveTestView('Preparing') : undefined;
  const interrupt = abortOnInterrupt('\nStopping: shutting the system and the platform down…\n');
  let result: TestRunResult;
  try {
    result = await runTest({
      profileFile: values.profile,
      ...(catalog ? { catalog } : {}),
      ...(values.integration ? { integrations: values.integration.map((id) => id.toUpperCase()) } : {}),
      ...(values.platform ? { platformUrl: values.platform } : {}),
      ...(values.junit ? { junitFile: values.junit } : {}),
      ...(values.report ? { reportFile: values.report } : {}),
      ...(sheetFile ? { sheetFile } : {}),
      ...(values.interactive && view ? { interactive: { timeoutSeconds: 120, prompt: view.prompt } } : {}),
      signal: interrupt.signal,
      onEvent: view?.onEvent,
      onPhase: view?.phase,
    });
  } catch (error) {
    view?.stop();
    if (interrupt.signal.aborted) return interrupted();
    return reportStartFailure(error, values.json);
  } finally {
    interrupt.release();
  }
  view?.stop();
  if (interrupt.signal.aborted || result.interrupted) return interrupted(result);
  if (values.json) {
    process.stdout.write(`${JSON.stringify(result.document, null, 2)}\n`);
    // stdout is the run document; what the sheet did with it goes to stderr, so CI sees it too.
    if (result.recorded) process.stderr.write(`${formatRecorded(result.recorded)}\n`);
  } else {
    const notes = [
      ...(result.attestationProblem ? [result.attestationProblem] : []),
      ...(result.withoutSuite.length > 0
        ? [`klarmeld has no suite yet for ${result.withoutSuite.join(', ')}, which the system also requires.`]
        : []),
      ...(result.recorded ? [formatRecorded(result.recorded)] : []),
    ];
    process.stdout.write(formatTestSummary(result.document, { written: result.written, notes }));
  }
  return result.exitCode;
}

/** Says the run was interrupted and what it left (on stderr: stdout is for the run's results); exit 130 as for any SIGINT. */
function interrupted(result?: TestRunResult): number {
  process.stderr.write(formatInterrupted('klarmeld test', result));
  return 130;
}

/** Refuses, before the run, a report file whose folder does not exist: the run would be lost at the end. */
function assertWritableFolder(file: string): void {
  const folder = dirname(resolve(file));
  if (!existsSync(folder))
    throw new UsageError(`${file}: the folder ${folder} does not exist; create it or write the file elsewhere`);
}
