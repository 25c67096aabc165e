import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createElement } from 'react';
import { loadCatalog } from '../../catalog/index.ts';
import { demoPaths } from '../services/demo-paths.ts';
import { demoSigningKey } from '../services/demo-signing-key.ts';
import { buildSiteWithSheet, SiteBuildError, siteBuildCommand } from '../services/demo-site.ts';
import { serveStatic } from '../services/demo-serve.ts';
import { runTest, type TestRunResult } from '../services/test-run.ts';
import { formatTestSummary } from '../ui/test-summary.ts';
import { formatInterrupted } from '../ui/test-interrupted.ts';
import { liveTestView } from '../ui/test-live-view.ts';
import { UsageError } from '../usage-error.ts';
import { abortOnInterrupt } from './abort-on-interrupt.ts';
import { parseCommandLine } from './parse-command-line.ts';
import { reportStartFailure } from './report-start-failure.ts';

const HELP = `klarmeld demo (npm start): the whole chain with nothing to configure

Starts the embedded test platform (Korsbæk Kommune), starts the reference supplier system,
runs its required conformance suites, records the statuses in a demo onboarding sheet
(.klarmeld/demo/sheet.sqlite) and shows them. The demo plays KOMBIT's role too: its sheet trusts
the key of the platform it started, so the reference system's passes count as Klarmeldt. In a
terminal it then builds the site with the demo's sheet and serves it until Ctrl-C; without a
terminal it prints the command that does so and exits.

Usage: klarmeld demo [--no-serve]`;

/** Says the demo's run was interrupted and what it left; exit 130 as for any SIGINT. */
function interrupted(result?: TestRunResult): number {
  process.stderr.write(formatInterrupted('klarmeld demo', result));
  return 130;
}

const repositoryRoot = fileURLToPath(new URL('../../', import.meta.url)).replace(/\/$/, '');

export async function run(argv: string[]): Promise<number> {
  const parsed = parseCommandLine(argv, {
    help: HELP,
    options: { 'no-serve': { type: 'boolean', default: false } },
    takes: 'options',
  });
  if ('exit' in parsed) return parsed.exit;
  const { values } = parsed;
  const tty = Boolean(process.stdout.isTTY);
  const paths = demoPaths(process.cwd());
  // The installed package ships the tool, not klarmeld's own reference system and site.
  if (!existsSync(paths.profile)) {
    throw new UsageError(
      'klarmeld demo runs klarmeld\'s own reference system and site, which are in klarmeld\'s repository, not in the installed package: run "npm start" in a clone of it. To test your own system here: "klarmeld init", then "klarmeld test"',
    );
  }
  await mkdir(paths.dir, { recursive: true });
  const interrupt = abortOnInterrupt('\nStopping the demo (the system and the platform are being shut down)…\n');

  const catalog = (await loadCatalog()).catalog;
  const view = tty ? await liveTestView('Starting the demo') : undefined;
  if (!tty)
    process.stdout.write(
      'klarmeld demo: starting the embedded platform and the reference system, then running its suites…\n',
    );
  let result;
  try {
    result = await runTest({
      profileFile: paths.profile,
      catalog,
      junitFile: paths.junit,
      reportFile: paths.report,
      sheetFile: paths.sheet,
      trustOwnPlatformAs: "klarmeld demo (in KOMBIT's role)",
      platformSigningKeyPem: await demoSigningKey(paths.signingKey),
      signal: interrupt.signal,
      onEvent: view?.onEvent,
      onPhase: view?.phase ?? ((text) => process.stdout.write(`  ${text}\n`)),
    });
  } catch (error) {
    view?.stop();
    if (interrupt.signal.aborted) return interrupted();
    return reportStartFailure(error);
  }
  view?.stop();
  if (interrupt.signal.aborted || result.interrupted) return interrupted(result);
  await writeFile(paths.run, `${JSON.stringify(result.document, null, 2)}\n`);
  const show = (file: string) => {
    const near = relative(process.cwd(), file);
    return near && !near.startsWith('..') ? near : file;
  };
  process.stdout.write(
    formatTestSummary(result.document, { written: [paths.run, paths.junit, paths.report].map(show) }),
  );

  const views = await import('../services/sheet-views.ts');
  const matrix = views.sheetMatrix(catalog, paths.sheet, {});
  process.stdout.write(`\nThe onboarding sheet (${show(paths.sheet)}):\n`);
  if (tty) {
    const { renderOnce } = await import('../ui/render.ts');
    const { SheetMatrixView } = await import('../ui/sheet-matrix.ts');
    renderOnce(createElement(SheetMatrixView, { view: matrix }), process.stdout);
  } else {
    process.stdout.write((await import('../services/sheet-text.ts')).matrixText(matrix));
  }
  process.stdout.write(
    `\nSee it again: npx klarmeld sheet show --sheet ${show(paths.sheet)}\nCheck the evidence: npx klarmeld verify ${show(paths.run)}\n`,
  );

  // npm run site:build runs in the repository and reads a relative KLARMELD_SHEET from there.
  const buildCommand = siteBuildCommand(process.cwd() === repositoryRoot ? show(paths.sheet) : paths.sheet);
  if (!tty || values['no-serve']) {
    process.stdout.write(
      `See these statuses on the site: ${buildCommand}, then npx astro preview --root site (or run klarmeld demo in a terminal)\n`,
    );
  } else {
    process.stdout.write(`\nBuilding the site with the demo's statuses (${buildCommand})…\n`);
    try {
      // Astro takes about a minute on two cores: a line that moves says it is working.
      let shownAt = 0;
      process.stdout.write('  bundling…');
      await buildSiteWithSheet({
        sheet: paths.sheet,
        env: process.env,
        signal: interrupt.signal,
        onPages: (written) => {
          if (Date.now() - shownAt < 250) return;
          shownAt = Date.now();
          process.stdout.write(`\r  ${written} pages written…`);
        },
      });
      process.stdout.write('\r\x1b[K');
    } catch (error) {
      interrupt.release();
      if (interrupt.signal.aborted) return 130;
      if (!(error instanceof SiteBuildError)) throw error;
      process.stderr.write(
        `The site did not build, so it is not served (the statuses above are recorded): ${error.message}\n`,
      );
      return 3;
    }
    const { url, server } = await serveStatic(paths.site);
    process.stdout.write(`\nServing the site at ${url} (Ctrl-C to stop)\n`);
    await new Promise<void>((resolve) => interrupt.signal.addEventListener('abort', () => resolve(), { once: true }));
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
  interrupt.release();
  return result.exitCode;
}
