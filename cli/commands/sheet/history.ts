import { readCatalog } from '../read-catalog.ts';
import { printJson, type SheetContext } from './sheet-context.ts';

/** `klarmeld sheet history <system> [SF]`: every event of the system (or one integration), oldest first. */
export async function history({ values, rest, sheetPath, args }: SheetContext): Promise<number> {
  args(1, 2, 'a system id and optionally an integration, e.g. jobcenter-plus SF1520');
  const { sheetHistory } = await import('../../services/sheet-views.ts');
  const view = sheetHistory(await readCatalog(values.catalog), sheetPath, rest[0]!, rest[1]?.toUpperCase());
  if (values.json) printJson(view);
  else process.stdout.write((await import('../../services/sheet-text.ts')).historyText(view));
  return 0;
}
