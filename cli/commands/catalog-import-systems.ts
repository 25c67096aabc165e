import { UsageError } from '../usage-error.ts';
import { parseCommandLine } from './parse-command-line.ts';
import { readCatalog } from './read-catalog.ts';

const HELP = `klarmeld catalog import-systems: bring KOMBIT's system inventory into the catalogue

Usage:
  klarmeld catalog import-systems FILE.csv|FILE.xlsx [--write] [--dir DIR] [--json]

Reads a list of SKI systems, one row each (CSV with comma or semicolon, or the first sheet of an
xlsx workbook), with columns for the system name, the supplier's name and CVR, the SKI area(s)
(Y14 …), the use cases (Y14.II.1 …) and the municipalities (names or CVRs, separated by ";" or
one per line); headers as in KOMBIT's connection report ("SKI System navn", "Leverandør",
"Anvender kommuner" …) or plain ("System", "CVR", "Kommuner" …). A row matches a catalogue system
by name and supplier: the system gains the row's areas, use cases and municipalities (nothing is
removed; differences are listed as conflicts). Other rows become new systems, with a stable
it-system UUID derived from name and supplier (marked userSystemUuidDerived). Columns the import
does not know and values it cannot resolve are kept verbatim on the system (inventory); rows that
cannot become a system are listed. Exit 0 when every row was imported, 1 when some were not.

Options:
  --write     save systems.yaml (and suppliers.yaml); without it, a dry run that only shows
  --dir DIR   the catalogue's data directory (default: the shipped catalog/data)
  --json      print the plan as JSON`;

const options = {
  json: { type: 'boolean', default: false },
  write: { type: 'boolean', default: false },
  dir: { type: 'string' },
} as const;

/** `klarmeld catalog import-systems FILE`: parses options, plans the import, writes with --write. */
export async function run(argv: string[]): Promise<number> {
  const parsed = parseCommandLine(argv, { help: HELP, options, takes: 'arguments' });
  if ('exit' in parsed) return parsed.exit;
  const { values, positionals } = parsed;
  if (positionals.length !== 1)
    throw new UsageError(`"klarmeld catalog import-systems" takes one file, e.g. systems.csv.\n\n${HELP}`);
  const file = positionals[0]!;
  const { readTable } = await import('../services/catalog-import-systems-read.ts');
  const table = await readTable(file).catch((error: unknown) => {
    throw new UsageError(
      `Could not read ${file}: ${(error as Error).message} Give a .csv or .xlsx file with a header row.`,
    );
  });
  const { planSystemImport } = await import('../services/catalog-import-systems.ts');
  const { defaultDataDir } = await import('../../catalog/index.ts');
  const plan = planSystemImport(await readCatalog(values.dir), table, file);
  const written = values.write
    ? await (
        await import('../services/catalog-import-systems-write.ts')
      ).writeSystemImport(plan, values.dir ?? defaultDataDir())
    : undefined;
  if (values.json) process.stdout.write(`${JSON.stringify({ ...plan, written: written ?? [] }, null, 2)}\n`);
  else
    process.stdout.write((await import('../services/catalog-import-systems-text.ts')).importSystemsText(plan, written));
  return plan.skipped.length > 0 ? 1 : 0;
}
