import { readCatalog } from '../read-catalog.ts';
import { printJson, type SheetContext } from './sheet-context.ts';

/** `klarmeld sheet contest <system> <SF> --reason "…"`: the supplier contests KOMBIT's estimate. */
export async function contest({ values, rest, sheetPath, actor, args }: SheetContext): Promise<number> {
  args(2, 2, 'a system and an integration, and --reason "…"');
  const { contestEstimate } = await import('../../services/sheet-programme.ts');
  const event = contestEstimate(await readCatalog(values.catalog), sheetPath, {
    system: rest[0]!,
    integration: rest[1]!,
    reason: values.reason ?? '',
    actor,
  });
  if (values.json) printJson(event);
  else process.stdout.write(`Recorded ${event.system} ${event.integration}: ${event.reason} in ${sheetPath}\n`);
  return 0;
}
