import { readinessFrom, type Readiness } from './readiness.ts';

/** The statuses of the onboarding sheet at `path`; when there is no sheet, an empty set that says so. */
export async function readReadiness(path: string | undefined): Promise<Readiness> {
  if (!path) return readinessFrom({ kind: 'none' }, []);
  // TODO: read through conformance/onboarding's readSheet once it lands.
  return readinessFrom({ kind: 'unreadable', path, problem: 'not yet supported' }, []);
}
