import { createElement } from 'react';
import { readCatalog } from '../read-catalog.ts';
import { printJson, render, type SheetContext } from './sheet-context.ts';

/** `klarmeld sheet show`: the matrix (KOMBIT's columns first) and the programme overview. */
export async function show({ values, sheetPath, tty, args }: SheetContext): Promise<number> {
  args(0, 0, 'no arguments (filter with --supplier, --area, --status)');
  const catalog = await readCatalog(values.catalog);
  const views = await import('../../services/sheet-views.ts');
  const view = views.sheetMatrix(catalog, sheetPath, {
    supplier: values.supplier,
    area: values.area,
    status: values.status,
  });
  const programme = (await import('../../services/sheet-programme.ts')).sheetProgramme(catalog, sheetPath);
  if (values.json) printJson({ ...view, programme });
  else {
    if (tty) await render(createElement((await import('../../ui/sheet-matrix.ts')).SheetMatrixView, { view }));
    else process.stdout.write((await import('../../services/sheet-text.ts')).matrixText(view));
    process.stdout.write(`\n${(await import('../../services/sheet-programme-text.ts')).programmeText(programme)}`);
  }
  return 0;
}
