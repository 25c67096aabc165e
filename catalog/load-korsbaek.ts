import { join } from 'node:path';
import { emptyCatalog } from './catalog.ts';
import type { CheckContext } from './check-context.ts';
import { checkKorsbaek } from './check-korsbaek.ts';
import { readDataFiles } from './data-files.ts';
import { korsbaekFiles } from './file-kinds.ts';
import { korsbaekPartOf, type KorsbaekTestData } from './korsbaek.ts';
import { defaultDataDir } from './load-catalog.ts';
import { loadFile } from './load-file.ts';
import { Origins } from './origins.ts';
import { sortProblems, type CatalogProblem } from './problems/index.ts';

/**
 * Korsbæk's test data alone (korsbaek/ of a catalogue directory, default the shipped one), checked
 * as `loadCatalog` checks it, without reading the rest of the catalogue: for readers that need only
 * the test data (the suites, the site, `klarmeld platform fixtures`). Never throws for bad data:
 * a broken part is left out and its problems (file, line, field) are returned.
 */
export async function loadKorsbaek(
  dir: string = defaultDataDir(),
): Promise<{ korsbaek: KorsbaekTestData; problems: CatalogProblem[] }> {
  const files = (await readDataFiles(join(dir, 'korsbaek'))) ?? [];
  const origins = new Origins();
  const catalog = emptyCatalog();
  const problems: CatalogProblem[] = [];
  for (const data of files) {
    const file = `korsbaek/${data.file}`;
    // Other files there are the catalogue's to report (loadCatalog), not the test data's.
    if (!(file in korsbaekFiles)) continue;
    const loaded = loadFile({ ...data, file }, origins);
    problems.push(...loaded.problems);
    const part = loaded.kind && korsbaekPartOf(loaded.kind);
    if (part && loaded.items[0]) Object.assign(catalog.korsbaek, { [part]: loaded.items[0] });
  }
  const ctx: CheckContext = { catalog, origins, known: {}, problems };
  checkKorsbaek(ctx);
  return { korsbaek: catalog.korsbaek, problems: sortProblems(problems) };
}
