/**
 * Records a run the server judged into its sheet: each required integration the run judged (no
 * environment error, every SHALL test ran to a pass or a fail) gets the declaration the run
 * shows, with the evidence "a run on a platform KOMBIT trusts" (the server's key is on its
 * sheet's trusted list). The document is verified against the server's own key first, with the
 * catalogue, so a run that does not bind to its system records nothing.
 */
import type { Catalog } from '../../catalog/catalog.ts';
import { findSystem, requiredIntegrations } from '../../catalog/query.ts';
import { integrationEvidence, resultsDigest, verifyRun, type IntegrationEvidence, type RunDocument } from '../../conformance/framework/index.ts';
import { defaultWord, statusFromRun, type NewStatusEvent, type StatusEvent } from '../../conformance/onboarding/index.ts';
import type { SigningKey } from '../signing-key.ts';
import type { ServerStore } from '../store/server-store.ts';

export interface JudgedRecord {
  events: StatusEvent[];
  notRecorded: { integration: string; why: string }[];
  problems: string[];
}

export async function recordJudgedRun(store: ServerStore, catalog: Catalog, document: RunDocument, key: SigningKey, actor: string): Promise<JudgedRecord> {
  const report = verifyRun(document, { catalog, publicKey: key.publicKeyPem });
  const system = findSystem(catalog, document.profile.system);
  if (!report.ok || !system) {
    return { events: [], notRecorded: [], problems: report.problems.map((p) => `${p.code}: ${p.message}`).concat(system ? [] : [`${document.profile.system} is not in the catalogue`]) };
  }
  const required = new Set(requiredIntegrations(catalog, system.id).map((r) => r.integration));
  const notRecorded: JudgedRecord['notRecorded'] = [];
  const events: NewStatusEvent[] = integrationEvidence(report).flatMap((entry) => {
    const why = !required.has(entry.integration) ? `${system.name} is not required to connect to ${entry.integration}` : notJudged(entry);
    if (why) {
      notRecorded.push({ integration: entry.integration, why });
      return [];
    }
    const { status } = statusFromRun(entry, { fingerprint: key.fingerprint, trusted: true });
    const known = catalog.statuses.find((s) => s.code === status);
    return [{
      system: system.id, integration: entry.integration, status, ...(known ? { word: defaultWord(known) } : {}),
      actor, source: 'run' as const,
      evidence: {
        runId: document.runId, digest: resultsDigest(document), keyFingerprint: key.fingerprint, keyTrusted: true, trustedBy: 'sheet' as const,
        shallTotal: entry.shallTotal, shallPassed: entry.shallPassed, shallPassedWithEvidence: entry.shallPassedWithEvidence,
      },
    }];
  });
  if (events.length === 0) return { events: [], notRecorded, problems: [] };
  const appended = await store.appendRunEvents(document.runId, events);
  return { events: 'appended' in appended ? appended.appended : [], notRecorded, problems: [] };
}

/** Why the run cannot judge the integration (as `klarmeld test --record` reads it), or undefined. */
function notJudged(entry: IntegrationEvidence): string | undefined {
  if (entry.environmentErrors.length > 0) return `the environment failed: ${entry.environmentErrors.map((e) => `${e.id} (${e.message})`).join('; ')}; nothing can be judged`;
  if (entry.shallTotal === 0) return 'the run has no SHALL test of it, so it cannot show readiness';
  if (entry.shallNotRun.length > 0) return `${entry.shallNotRun.length} SHALL test(s) did not run: ${entry.shallNotRun.map((t) => `${t.id} (${t.result}: ${t.reason})`).join('; ')}`;
  return undefined;
}
