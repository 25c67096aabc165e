/**
 * `klarmeld test --record`: for each required integration the run covered, appends the status
 * the run earns (statusFromRun) with its evidence. Only passes in a run that verifies
 * (platform-signed exchanges, platform-attested results) count; an unverified run therefore
 * records `ikke-klarmeldt`, and says why. All events of one run go in one transaction.
 */
import type { Catalog } from '../../catalog/catalog.ts';
import { findSystem, requiredIntegrations } from '../../catalog/query.ts';
import { integrationEvidence, resultsDigest, type VerifyReport } from '../../conformance/framework/index.ts';
import { statusFromRun, type SheetStore, type StatusEvent } from '../../conformance/onboarding/index.ts';

export interface RecordOutcome {
  system: string;
  events: StatusEvent[];
  /** Integrations the run covered but the sheet does not track for this system, with why. */
  notRecorded: { integration: string; why: string }[];
  /** False when the run did not verify: nothing counted as passed. */
  verified: boolean;
  problems: string[];
}

export class RecordError extends Error {
  override name = 'RecordError';
  readonly code: 'unknown-system' | 'not-a-run';

  constructor(code: RecordError['code'], message: string) {
    super(message);
    this.code = code;
  }
}

export function recordRun(store: SheetStore, catalog: Catalog, report: VerifyReport, actor?: string): RecordOutcome {
  const document = report.document;
  if (!document) throw new RecordError('not-a-run', `This is not a run document: ${report.problems.map((p) => p.message).join('; ')}`);
  const system = findSystem(catalog, document.profile.system);
  if (!system) {
    throw new RecordError('unknown-system', `The run is for "${document.profile.system}", which is not a SKI system in the catalogue; fix "system" in the profile.`);
  }
  const required = new Set(requiredIntegrations(catalog, system.id).map((r) => r.integration));
  const digest = resultsDigest(document);
  const notRecorded: RecordOutcome['notRecorded'] = [];
  const events = integrationEvidence(report).flatMap((entry) => {
    if (!required.has(entry.integration)) {
      notRecorded.push({ integration: entry.integration, why: `${system.name} is not required to connect to ${entry.integration}` });
      return [];
    }
    if (entry.shallTotal === 0) {
      notRecorded.push({ integration: entry.integration, why: 'no SHALL test of it ran (all omitted)' });
      return [];
    }
    return [{
      system: system.id,
      integration: entry.integration,
      status: statusFromRun(entry),
      actor: actor ?? `klarmeld test (${system.name})`,
      source: 'run' as const,
      evidence: {
        runId: document.runId, digest,
        ...(report.keyFingerprint ? { keyFingerprint: report.keyFingerprint } : {}),
        shallTotal: entry.shallTotal, shallPassed: entry.shallPassedWithEvidence,
      },
    }];
  });
  return { system: system.id, events: events.length > 0 ? store.append(events) : [], notRecorded, verified: report.ok, problems: report.problems.map((p) => p.message) };
}
