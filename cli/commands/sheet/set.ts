import { readCatalog } from '../read-catalog.ts';
import { printJson, type SheetContext } from './sheet-context.ts';

/** `klarmeld sheet set <system> <SF> <word>`: KOMBIT's word, recorded by hand; exit 2 when refused. */
export async function set({ values, rest, sheetPath, actor, args }: SheetContext): Promise<number> {
  args(
    3,
    3,
    'a system, an integration and a status, e.g. jobcenter-plus SF1520 irrelevant --reason "Kommunen efterspørger det ikke"',
  );
  const { setStatus } = await import('../../services/sheet-changes.ts');
  const [system, integration, status] = rest as [string, string, string];
  const outcome = setStatus(await readCatalog(values.catalog), sheetPath, {
    system,
    integration,
    status,
    reason: values.reason,
    actor,
  });
  if (values.json) printJson(outcome);
  else if (outcome.event)
    process.stdout.write(
      `Recorded ${outcome.event.system} ${outcome.event.integration}: ${outcome.event.word ? `"${outcome.event.word}"` : 'blank'} (${outcome.event.status || 'blank'})${outcome.event.reason ? ` (${outcome.event.reason})` : ''} in ${sheetPath}\n`,
    );
  else process.stderr.write(`Nothing recorded:\n${outcome.problems.map((p) => `  - ${p.message}`).join('\n')}\n`);
  return outcome.event ? 0 : 2;
}
