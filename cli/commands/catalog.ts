import { createElement, type ReactElement } from 'react';
import { UsageError } from '../usage-error.ts';
import { parseCommandLine } from './parse-command-line.ts';
import { readCatalog } from './read-catalog.ts';
import { subcommandHelps } from './subcommand-help.ts';

const HELP = `klarmeld catalog: check, list and show the integration catalogue

Usage:
  klarmeld catalog check [--json] [--dir DIR]          validate every file; exit 0 valid, 1 problems
  klarmeld catalog list [--area Y14] [--json]          integrations, all or those a service area requires
  klarmeld catalog show <integration> [--json]         one integration, e.g. SF1500
  klarmeld catalog systems [--area Y14] [--json]       the SKI systems, all or those in a service area
  klarmeld catalog required <system> [--json]          mandatory and supplementary integrations of a SKI system
  klarmeld catalog coverage [--system S] [--json]      per integration: contract imported or not published,
                                                       simulated (hand-written, generated), suite (hand-written, generic)
  klarmeld catalog import-contract <dir|file> --integration SF… --version … [--write]
                                                       record an official WSDL/XSD bundle or OpenAPI document
  klarmeld catalog import-systems FILE.csv|.xlsx [--write]
                                                       bring KOMBIT's system inventory into systems.yaml
  klarmeld catalog import-agreements FILE.csv|.xlsx [--write]
                                                       the approved service agreements (udbredelse per system)

Options:
  --dir DIR   read the catalogue from DIR instead of the shipped catalog/data
  --json      print plain JSON instead of the formatted view`;

const commands = subcommandHelps(HELP, 'catalog');

const options = {
  json: { type: 'boolean', default: false },
  dir: { type: 'string' },
  area: { type: 'string' },
  system: { type: 'string' },
} as const;

const printJson = (value: unknown) => process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);

async function show<P extends object>(component: (props: P) => ReactElement, props: P): Promise<void> {
  const { renderOnce } = await import('../ui/render.ts');
  renderOnce(createElement(component, props), process.stdout);
}

/** `klarmeld catalog <command>`: parses options, calls one service, renders or prints JSON. */
export async function run(argv: string[]): Promise<number> {
  if (argv[0] === 'import-contract') return (await import('./catalog-import-contract.ts')).run(argv.slice(1));
  if (argv[0] === 'import-systems') return (await import('./catalog-import-systems.ts')).run(argv.slice(1));
  if (argv[0] === 'import-agreements') return (await import('./catalog-import-agreements.ts')).run(argv.slice(1));
  const parsed = parseCommandLine(argv, {
    help: HELP,
    options,
    takes: 'command',
    group: { name: 'catalog', commands },
  });
  if ('exit' in parsed) return parsed.exit;
  const { values, positionals } = parsed;
  const [command, ...rest] = positionals;
  const expectArgs = (n: number, what: string) => {
    if (rest.length !== n) throw new UsageError(`"klarmeld catalog ${command}" takes ${what}.\n\n${HELP}`);
  };
  if (values.area !== undefined && command !== 'list' && command !== 'systems')
    throw new UsageError('--area applies only to "klarmeld catalog list" and "klarmeld catalog systems".');
  if (values.system !== undefined && command !== 'coverage')
    throw new UsageError('--system applies only to "klarmeld catalog coverage".');
  switch (command) {
    case 'check': {
      expectArgs(0, 'no arguments');
      const { checkCatalog } = await import('../services/catalog-check.ts');
      const check = await checkCatalog(values.dir);
      if (values.json) printJson(check);
      // Without a terminal (CI, a pipe) the same report as plain text, without loading ink.
      else if (!process.stdout.isTTY)
        process.stdout.write((await import('../ui/catalog-check-text.ts')).catalogCheckText(check));
      else await show((await import('../ui/catalog-check.ts')).CatalogCheckView, { check });
      return check.valid ? 0 : 1;
    }
    case 'list': {
      expectArgs(0, 'no arguments (filter with --area Y14)');
      const { listIntegrations } = await import('../services/catalog-views.ts');
      const rows = listIntegrations(await readCatalog(values.dir), values.area);
      if (values.json) printJson(rows);
      else await show((await import('../ui/catalog-list.ts')).CatalogListView, { rows, area: values.area });
      return 0;
    }
    case 'systems': {
      expectArgs(0, 'no arguments (filter with --area Y14)');
      const { listSystems } = await import('../services/catalog-systems.ts');
      const rows = listSystems(await readCatalog(values.dir), values.area);
      if (values.json) printJson(rows);
      else process.stdout.write((await import('../ui/catalog-systems-text.ts')).catalogSystemsText(rows, values.area));
      return 0;
    }
    case 'show': {
      expectArgs(1, 'one integration id, e.g. SF1500');
      const { showIntegration } = await import('../services/catalog-views.ts');
      const details = showIntegration(await readCatalog(values.dir), rest[0]!);
      if (values.json) printJson(details);
      else await show((await import('../ui/catalog-show.ts')).CatalogShowView, { details });
      return 0;
    }
    case 'required': {
      expectArgs(1, 'one system id, e.g. jobcenter-plus');
      const { requiredOf } = await import('../services/catalog-views.ts');
      const view = requiredOf(await readCatalog(values.dir), rest[0]!);
      if (values.json) printJson(view);
      else await show((await import('../ui/catalog-required.ts')).CatalogRequiredView, { view });
      return 0;
    }
    case 'coverage': {
      expectArgs(0, 'no arguments (--system S for one SKI system)');
      const { catalogCoverage, coverageText, implemented } = await import('../services/catalog-coverage.ts');
      const catalog = await readCatalog(values.dir);
      const coverage = catalogCoverage(catalog, await implemented(catalog), values.system);
      if (values.json) printJson(coverage);
      else process.stdout.write(coverageText(coverage));
      return 0;
    }
    default:
      throw new UsageError(`Unknown command "klarmeld catalog ${command}".\n\n${HELP}`);
  }
}
