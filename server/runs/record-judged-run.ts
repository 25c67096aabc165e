/**
 * Records a run the server judged into its sheet, by the sheet's one rule (runEarnsStatus, as
 * `klarmeld test --record` does): each required integration the run judged (no environment
 * error, every SHALL test ran to a pass or a fail) gets the declaration the run shows, with the
 * evidence "a run on a platform KOMBIT trusts" (the server's key is on its sheet's trusted list).
 * The document is verified against the server's own key first, with the catalogue, so a run that
 * does not bind to its system records nothing.
 */
import type { Catalog } from '../../catalog/index.ts';
import { findSystem } from '../../catalog/index.ts';
import {
  integrationEvidence,
  resultsDigest,
  systemBinding,
  verifyRun,
  type RunDocument,
} from '../../conformance/framework/index.ts';
import { runEarnsStatus, type StatusEvent } from '../../conformance/onboarding/index.ts';
import type { SigningKey } from '../signing-key.ts';
import type { ServerStore } from '../store/server-store.ts';

export interface JudgedRecord {
  events: StatusEvent[];
  notRecorded: { integration: string; why: string }[];
  problems: string[];
}

export async function recordJudgedRun(
  store: ServerStore,
  catalog: Catalog,
  document: RunDocument,
  key: SigningKey,
  actor: string,
): Promise<JudgedRecord> {
  const report = verifyRun(document, { catalog, publicKey: key.publicKeyPem });
  const system = findSystem(catalog, document.profile.system);
  if (!report.ok || !system) {
    return {
      events: [],
      notRecorded: [],
      problems: report.problems
        .map((p) => `${p.code}: ${p.message}`)
        .concat(system ? [] : [`${document.profile.system} is not in the catalogue`]),
    };
  }
  const earned = runEarnsStatus(
    catalog,
    {
      runId: document.runId,
      digest: resultsDigest(document),
      system,
      binding: systemBinding(document, catalog).problems,
      integrations: integrationEvidence(report),
      key: { fingerprint: key.fingerprint, trusted: true, trustedBy: 'sheet' },
    },
    await store.currentStatuses(),
    actor,
  );
  if (earned.refused) return { events: [], notRecorded: [], problems: earned.refused.problems };
  if (earned.events.length === 0) return { events: [], notRecorded: earned.notRecorded, problems: [] };
  const appended = await store.appendRunEvents(document.runId, earned.events);
  return { events: 'appended' in appended ? appended.appended : [], notRecorded: earned.notRecorded, problems: [] };
}
