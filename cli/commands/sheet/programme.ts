import { readCatalog } from '../read-catalog.ts';
import { printJson, type SheetContext } from './sheet-context.ts';

/** `klarmeld sheet programme <system> <category|auto>`: a system's place in the programme, by hand. */
export async function programme({ values, rest, sheetPath, actor, args }: SheetContext): Promise<number> {
  args(
    2,
    2,
    'a system and a programme category (or auto), e.g. jobcenter-plus administrativt-fjernet --reason "Produktet er gået ud af markedet"',
  );
  const { setProgramme } = await import('../../services/sheet-programme.ts');
  const event = setProgramme(await readCatalog(values.catalog), sheetPath, {
    system: rest[0]!,
    category: rest[1]!,
    round: values.round,
    reason: values.reason,
    note: values.note,
    actor,
  });
  if (values.json) printJson(event);
  else
    process.stdout.write(
      `Recorded ${event.system}: ${event.category || 'derived from the cells again'}${event.round ? ` ${event.round}` : ''}${event.reason ? ` — ${event.reason}` : ''} in ${sheetPath}\n`,
    );
  return 0;
}
