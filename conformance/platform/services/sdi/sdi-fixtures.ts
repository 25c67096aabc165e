import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Element } from '@xmldom/xmldom';
import { parseXml } from '../../../clients/tokens/xml.ts';
import { runSdiOperation } from './sdi-operations.ts';
import type { SdiStore } from './sdi-store.ts';

export const korsbaekCasesPath = fileURLToPath(new URL('../../fixtures/cases/korsbaek-sager.xml', import.meta.url));
export const korsbaekCvr = '11111111';

/**
 * Puts Korsbæk Kommune's fixture cases into an empty index (a tester's own imports are never
 * overwritten: the seed runs only when the municipality has no objects yet).
 */
export async function seedKorsbaekCases(store: SdiStore, now: Date, path = korsbaekCasesPath): Promise<number> {
  if (store.count(korsbaekCvr) > 0) return 0;
  const input = parseXml(await readFile(path, 'utf8')).documentElement as unknown as Element;
  runSdiOperation('importer', input, { store, cvr: korsbaekCvr, now });
  return store.count(korsbaekCvr);
}
