import { readSheet, type StatusEvent } from '../../../conformance/onboarding/index.ts';
import { readinessFrom, type Readiness, type ReadinessEntry } from './readiness.ts';

function entry(event: StatusEvent): ReadinessEntry {
  return {
    id: event.id,
    system: event.system,
    integration: event.integration,
    status: event.status,
    at: event.at,
    actor: event.actor,
    ...(event.reason !== undefined && { reason: event.reason }),
    ...(event.evidence && { evidence: { ...event.evidence } }),
  };
}

/**
 * The current statuses of the onboarding sheet at `path`, through the sheet's own read API.
 * No path, no file, or a file that cannot be read each give an empty set that says which.
 */
export async function readReadiness(path: string | undefined): Promise<Readiness> {
  if (!path) return readinessFrom({ kind: 'none' }, []);
  let snapshot;
  try {
    snapshot = readSheet(path);
  } catch (error) {
    return readinessFrom({ kind: 'unreadable', path, problem: (error as Error).message }, []);
  }
  if (!snapshot) return readinessFrom({ kind: 'missing', path }, []);
  return readinessFrom({ kind: 'sheet', path }, snapshot.current.map(entry), snapshot.history.map(entry));
}
