import { createElement } from 'react';
import { readCatalog } from '../read-catalog.ts';
import { printJson, render, type SheetContext } from './sheet-context.ts';

/** `klarmeld sheet report <system>`: the connection report, with the system's open contests. */
export async function report({ values, rest, sheetPath, tty, args }: SheetContext): Promise<number> {
  args(1, 1, 'one system id, e.g. jobcenter-plus');
  const catalog = await readCatalog(values.catalog);
  const views = await import('../../services/sheet-views.ts');
  const connection = views.sheetReport(catalog, sheetPath, rest[0]!);
  // Contests of KOMBIT's estimate show on the report until KOMBIT decides them.
  const contests = (await import('../../services/sheet-programme.ts')).systemContests(sheetPath, connection.system.id);
  if (values.json) printJson({ ...connection, contests });
  else {
    if (tty) {
      const legend = views.sheetMatrix(catalog, sheetPath, {}).legend;
      await render(
        createElement((await import('../../ui/sheet-report.ts')).SheetReportView, { report: connection, legend }),
      );
    } else process.stdout.write((await import('../../services/sheet-text.ts')).reportText(connection));
    process.stdout.write((await import('../../services/sheet-programme-text.ts')).contestsText(contests));
  }
  return 0;
}
