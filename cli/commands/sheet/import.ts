import { existsSync } from 'node:fs';
import { UsageError } from '../../usage-error.ts';
import { readCatalog } from '../read-catalog.ts';
import { printJson, type SheetContext } from './sheet-context.ts';

/** `klarmeld sheet import FILE`: reads KOMBIT's workbook (or an export); exit 1 when it has problems. */
export async function importSheet({ values, rest, sheetPath, actor, args }: SheetContext): Promise<number> {
  args(1, 1, 'one workbook, e.g. sheet.xlsx');
  const file = rest[0]!;
  // A mistyped path is the user's input, as for `sheet record`: said before the sheet is opened (or created).
  if (!existsSync(file))
    throw new UsageError(
      `There is no workbook at ${file}. Check the path, or export one with "klarmeld sheet export --xlsx FILE".`,
    );
  const changes = await import('../../services/sheet-changes.ts');
  const outcome = await changes.importSheet(await readCatalog(values.catalog), sheetPath, file, actor, {
    dryRun: values['dry-run'],
  });
  if (values.json) printJson(outcome);
  else process.stdout.write((await import('../../services/sheet-import-text.ts')).importText(outcome));
  return outcome.problems.length > 0 ? 1 : 0;
}
