import { readCatalog } from '../read-catalog.ts';
import { printJson, type SheetContext } from './sheet-context.ts';

/** `klarmeld sheet decide <system> <SF> upheld|changed`: KOMBIT decides a contest. */
export async function decide({ values, rest, sheetPath, actor, args }: SheetContext): Promise<number> {
  args(3, 3, 'a system, an integration and upheld or changed');
  const { decideContest } = await import('../../services/sheet-programme.ts');
  const request = { system: rest[0]!, integration: rest[1]!, reason: values.reason ?? '', actor, decision: rest[2]! };
  const event = decideContest(await readCatalog(values.catalog), sheetPath, request);
  if (values.json) printJson(event);
  else
    process.stdout.write(
      `Recorded ${event.system} ${event.integration}: decided ${event.decision} (${event.reason}) in ${sheetPath}\n`,
    );
  return 0;
}
