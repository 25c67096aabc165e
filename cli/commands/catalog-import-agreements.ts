import { writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { UsageError } from '../usage-error.ts';
import { parseCommandLine } from './parse-command-line.ts';
import { readCatalog } from './read-catalog.ts';

const HELP = `klarmeld catalog import-agreements: the approved service agreements, for udbredelse per system

Usage:
  klarmeld catalog import-agreements FILE.csv|FILE.xlsx [--write] [--dir DIR] [--json]

Reads an agreement list (one row per service agreement: columns System, Integration, Kommune
and Status, or their variants "It-system", "SF", "Myndighed CVR", "Aftalestatus"), as exported from
Fælleskommunalt Administrationsmodul or the platform's registry, and writes it as the catalogue's
service-agreements.yaml; the list replaces the previous one. Systems are found by id, name or
it-system UUID, integrations by SF id or KOMBIT's header ("SF 1470 - …"), municipalities by CVR
or name. A status "Godkendt" (or "Approved") counts: the connection report and the site then
show, per integration, "tilsluttet i N af M kommuner" of the municipalities using the system.
Rows that do not map are kept verbatim in the file (unmapped) and listed; exit 1 when there are any.

Options:
  --write     save service-agreements.yaml; without it, a dry run that only shows
  --dir DIR   the catalogue's data directory (default: the shipped catalog/data)
  --json      print the plan as JSON`;

const options = {
  json: { type: 'boolean', default: false },
  write: { type: 'boolean', default: false },
  dir: { type: 'string' },
} as const;

/** `klarmeld catalog import-agreements FILE`: parses options, plans the import, writes with --write. */
export async function run(argv: string[]): Promise<number> {
  const parsed = parseCommandLine(argv, { help: HELP, options, takes: 'arguments' });
  if ('exit' in parsed) return parsed.exit;
  const { values, positionals } = parsed;
  if (positionals.length !== 1)
    throw new UsageError(`"klarmeld catalog import-agreements" takes one file, e.g. agreements.csv.\n\n${HELP}`);
  const file = positionals[0]!;
  const { readTable } = await import('../services/catalog-import-systems-read.ts');
  const table = await readTable(file).catch((error: unknown) => {
    throw new UsageError(
      `Could not read ${file}: ${(error as Error).message} Give a .csv or .xlsx file with a header row.`,
    );
  });
  const { planAgreementImport, agreementsYaml } = await import('../services/catalog-import-agreements.ts');
  const plan = planAgreementImport(await readCatalog(values.dir), table, basename(file));
  if (plan.missingColumns.length) {
    throw new UsageError(
      `${file} has no column for ${plan.missingColumns.join(', ')} (headers: ${table.headers.join(', ')}). Name the columns System, Integration, Kommune and Status.`,
    );
  }
  let written: string | undefined;
  if (values.write) {
    const { defaultDataDir } = await import('../../catalog/index.ts');
    written = join(values.dir ?? defaultDataDir(), 'service-agreements.yaml');
    await writeFile(
      written,
      agreementsYaml(
        plan,
        `Imported from ${basename(file)} on ${new Date().toISOString().slice(0, 10)} by klarmeld catalog import-agreements`,
      ),
    );
  }
  if (values.json) process.stdout.write(`${JSON.stringify({ ...plan, written: written ?? null }, null, 2)}\n`);
  else {
    const lines = [
      `${plan.file}: ${plan.agreements.length} agreements for ${plan.systems.length} systems, ${plan.unmapped.length} rows not mapped.`,
      ...plan.systems.slice(0, 20).map((s) => `  ${s.system}: ${s.approved} approved of ${s.agreements}`),
      ...(plan.systems.length > 20 ? [`  … and ${plan.systems.length - 20} more systems`] : []),
      ...(plan.unmapped.length
        ? [
            '',
            'Rows not mapped (kept verbatim under unmapped)',
            ...plan.unmapped.slice(0, 20).map((u) => `  - row ${u.row}: ${u.reason}`),
          ]
        : []),
      '',
      written
        ? `Wrote ${written}; it replaces the previous list.`
        : 'Dry run: nothing written. Add --write to replace service-agreements.yaml.',
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
  }
  return plan.unmapped.length > 0 ? 1 : 0;
}
