import { readCatalog } from '../read-catalog.ts';
import { printJson, type SheetContext } from './sheet-context.ts';

/** `klarmeld sheet import FILE`: reads KOMBIT's workbook (or an export); exit 1 when it has problems. */
export async function importSheet({ values, rest, sheetPath, actor, args }: SheetContext): Promise<number> {
  args(1, 1, 'one workbook, e.g. sheet.xlsx');
  const changes = await import('../../services/sheet-changes.ts');
  const outcome = await changes.importSheet(await readCatalog(values.catalog), sheetPath, rest[0]!, actor, { dryRun: values['dry-run'] });
  if (values.json) printJson(outcome);
  else process.stdout.write((await import('../../services/sheet-import-text.ts')).importText(outcome));
  return outcome.problems.length > 0 ? 1 : 0;
}
