import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { relative } from 'node:path';
import { createElement } from 'react';
import { loadCatalog } from '../../catalog/load-catalog.ts';
import { EnvironmentError } from '../../conformance/framework/index.ts';
import { demoPaths } from '../services/demo-paths.ts';
import { serveStatic } from '../services/demo-serve.ts';
import { runTest } from '../services/test-run.ts';
import { formatTestSummary } from '../ui/test-summary.ts';
import { loadView } from '../ui/load-view.ts';
import { liveTestView } from '../ui/test-live-view.ts';
import { abortOnInterrupt } from './abort-on-interrupt.ts';
import { parseCommandLine } from './parse-command-line.ts';

const HELP = `klarmeld demo (npm start): the whole chain with nothing to configure

Starts the embedded test platform (Korsbæk Kommune), starts the reference supplier system,
runs its required conformance suites, records the statuses in a demo onboarding sheet
(.klarmeld/demo/sheet.sqlite) and shows them. In a terminal it then serves the site, if it has
been built (npm run site:build), until Ctrl-C; without a terminal it exits when done.

Usage: klarmeld demo [--no-serve]`;

export async function run(argv: string[]): Promise<number> {
  const parsed = parseCommandLine(argv, { help: HELP, options: { 'no-serve': { type: 'boolean', default: false } }, takes: 'options' });
  if ('exit' in parsed) return parsed.exit;
  const { values } = parsed;
  const tty = Boolean(process.stdout.isTTY);
  const paths = demoPaths(process.cwd());
  await mkdir(paths.dir, { recursive: true });
  const interrupt = abortOnInterrupt('\nStopping the demo (the system and the platform are being shut down)…\n');

  const catalog = (await loadCatalog()).catalog;
  const view = tty ? await liveTestView('Starting the demo') : undefined;
  if (!tty) process.stdout.write('klarmeld demo: starting the embedded platform and the reference system, then running its suites…\n');
  let result;
  try {
    result = await runTest({
      profileFile: paths.profile,
      catalog,
      junitFile: paths.junit,
      reportFile: paths.report,
      sheetFile: paths.sheet,
      toolVersion: '0.1.0',
      signal: interrupt.signal,
      onEvent: view?.onEvent,
      onPhase: view?.phase ?? ((text) => process.stdout.write(`  ${text}\n`)),
    });
  } catch (error) {
    view?.stop();
    if (interrupt.signal.aborted) return 130;
    if (error instanceof EnvironmentError) {
      process.stderr.write(`Environment problem (${error.code}): ${error.message}\n`);
      return 3;
    }
    throw error;
  }
  view?.stop();
  if (interrupt.signal.aborted) return 130;
  await writeFile(paths.run, `${JSON.stringify(result.document, null, 2)}\n`);
  const show = (file: string) => {
    const near = relative(process.cwd(), file);
    return near && !near.startsWith('..') ? near : file;
  };
  process.stdout.write(formatTestSummary(result.document, { written: [paths.run, paths.junit, paths.report].map(show) }));

  const views = await import('../services/sheet-views.ts');
  const matrix = views.sheetMatrix(catalog, paths.sheet, {});
  process.stdout.write(`\nThe onboarding sheet (${show(paths.sheet)}):\n`);
  if (tty) {
    const { renderOnce } = await loadView(() => import('../ui/render.tsx'));
    const { SheetMatrixView } = await loadView(() => import('../ui/sheet-matrix.tsx'));
    renderOnce(createElement(SheetMatrixView, { view: matrix }), process.stdout);
  } else {
    process.stdout.write((await import('../services/sheet-text.ts')).matrixText(matrix));
  }
  process.stdout.write(`\nSee it again: npx klarmeld sheet show --sheet ${show(paths.sheet)}\nCheck the evidence: npx klarmeld verify ${show(paths.run)}\n`);

  const siteBuilt = existsSync(paths.site);
  if (!siteBuilt) {
    process.stdout.write('The documentation site is not built; build it with: npm run site:build\n');
  } else if (!tty || values['no-serve']) {
    process.stdout.write(`The site is built in ${show(paths.site)}; serve it with: npx astro preview --root site (or run klarmeld demo in a terminal)\n`);
  } else {
    const { url, server } = await serveStatic(paths.site);
    process.stdout.write(`\nServing the site at ${url} (Ctrl-C to stop)\n`);
    await new Promise<void>((resolve) => interrupt.signal.addEventListener('abort', () => resolve(), { once: true }));
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
  interrupt.release();
  return result.exitCode;
}
