/**
 * The catalogue's small valid fixture, with the real onboarding vocabulary
 * (catalog/data/onboarding-statuses.yaml) instead of the fixture's two statuses, so sheet tests
 * can use every status KOMBIT's sheet knows.
 */
import { readFile } from 'node:fs/promises';
import { parse } from 'yaml';
import type { Catalog } from '../../../catalog/index.ts';
import { loadCatalog } from '../../../catalog/index.ts';
import { onboardingStatusesFile } from '../../../catalog/index.ts';
import { validFixture } from '../../../catalog/test-fixtures/fixture-copy.ts';

export async function testCatalog(): Promise<Catalog> {
  const { catalog } = await loadCatalog(validFixture);
  const vocabulary = await readFile(new URL('../../../catalog/data/onboarding-statuses.yaml', import.meta.url), 'utf8');
  return { ...catalog, statuses: onboardingStatusesFile.parse(parse(vocabulary)).statuses };
}
