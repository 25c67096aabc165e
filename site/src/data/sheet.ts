import type { Catalog } from '../../../catalog/index.ts';
import { currentStatuses, readSheet } from '../../../conformance/onboarding/index.ts';
import { readinessFrom, type Readiness } from './readiness.ts';
import type { SitePaths } from './site-paths.ts';

/**
 * The current statuses from the catalogue and the onboarding sheet at `paths.sheet`, through the
 * sheet's own read API. No file, or a file that cannot be read, leaves the catalogue's
 * declarations and says which.
 */
export async function readReadiness(
  catalog: Catalog,
  paths: Pick<SitePaths, 'sheet' | 'sheetIsDefault'>,
): Promise<Readiness> {
  const path = paths.sheet;
  let snapshot;
  try {
    snapshot = readSheet(path);
  } catch (error) {
    return readinessFrom({ kind: 'unreadable', path, problem: (error as Error).message }, currentStatuses(catalog));
  }
  if (!snapshot)
    return readinessFrom({ kind: 'missing', path, isDefault: paths.sheetIsDefault }, currentStatuses(catalog));
  return readinessFrom({ kind: 'sheet', path }, currentStatuses(catalog, snapshot.current), snapshot.history, {
    current: snapshot.current,
    programme: snapshot.programme,
    contests: snapshot.contests,
  });
}
