import { UsageError } from '../../usage-error.ts';
import { readCatalog } from '../read-catalog.ts';
import { printJson, type SheetContext } from './sheet-context.ts';

/** `klarmeld sheet export --xlsx FILE`: Excel in KOMBIT's layout, with evidence and history. */
export async function exportSheet({ values, sheetPath, args }: SheetContext): Promise<number> {
  args(0, 0, 'no arguments, and --xlsx FILE');
  if (!values.xlsx) throw new UsageError('Say where to write the workbook: klarmeld sheet export --xlsx sheet.xlsx');
  const changes = await import('../../services/sheet-changes.ts');
  const outcome = await changes.exportSheet(await readCatalog(values.catalog), sheetPath, values.xlsx);
  if (values.json) printJson(outcome);
  else
    process.stdout.write(
      `Wrote ${outcome.file}: ${outcome.systems} systems × ${outcome.integrations} integrations, ${outcome.events} history events.\n`,
    );
  return 0;
}
