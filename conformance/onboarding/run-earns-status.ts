/**
 * When a run earns a status in the onboarding sheet: the one rule `klarmeld sheet record`,
 * `klarmeld test --record` and klarmeld server's judged runs share. Pure: the caller verifies the
 * run's evidence first (a run that does not verify earns nothing and never reaches this rule),
 * works out per integration what it shows (the framework's integrationEvidence) and whom it binds
 * to (systemBinding), reads the sheet, and appends what this returns.
 *
 * - The run counts only for the system it is about: any binding problem (the catalogue's
 *   it-system UUID of the run's system is not the one the platform attested) refuses it whole.
 * - Each required integration the run covered gets the status the run shows (statusFromRun), but
 *   only when the run judged it: an integration whose suite met an environment error, or any of
 *   whose SHALL tests did not run to a pass or a fail (skipped, waiting, broken, omitted), earns
 *   nothing, with why. A half-run integration would otherwise show `ikke-klarmeldt` for tests
 *   that never ran.
 * - A run under a key the sheet does not trust earns nothing for a pair whose current status a
 *   trusted-key run earned, or a person set by hand or imported: anyone can make such a run for
 *   any system on a platform of their own. Whoever signed, the status is the declaration the run
 *   shows; the key goes in the evidence, never into a KOMBIT word such as "Ensidig".
 */
import type { Catalog } from '../../catalog/index.ts';
import { requiredIntegrations } from '../../catalog/index.ts';
import { defaultWord } from './kombit-words.ts';
import { statusFromRun } from './status-from-run.ts';
import type { NewStatusEvent, StatusEvent } from './status-event.ts';

/** What a verified run shows of one integration (the framework's IntegrationEvidence has this shape). */
export interface IntegrationShown {
  integration: string;
  shallTotal: number;
  /** SHALL tests that ran to a pass or a fail. */
  shallRan: number;
  shallNotRun: { id: string; result: 'skip' | 'omit' | 'wait' | 'error'; reason: string }[];
  environmentErrors: { id: string; message: string }[];
  shallPassed: number;
  shallPassedWithEvidence: number;
}

/** Whose word the run's signature is. Only the sheet's list makes a key trusted (never --key). */
export interface RunSigner {
  fingerprint?: string;
  trusted: boolean;
  trustedBy?: 'sheet';
}

export interface RunToJudge {
  runId: string;
  /** The run document's results digest. */
  digest: string;
  /** The catalogue's system the run says it is for. */
  system: { id: string; name: string };
  /** The run's system-binding problems, checked against the sheet's catalogue. */
  binding: readonly { code: string; message: string }[];
  integrations: readonly IntegrationShown[];
  key: RunSigner;
}

export interface EarnedStatuses {
  /** The events to append (all in one transaction), empty when the run earns nothing. */
  events: NewStatusEvent[];
  /** Integrations the run covered but earns nothing for, with why. */
  notRecorded: { integration: string; why: string }[];
  /** Set when the run earns nothing at all because its evidence is about another system. */
  refused?: { code: 'other-system'; message: string; problems: string[] };
}

/** Why the run cannot judge the integration, or undefined when every SHALL test ran to a pass or a fail. */
function notJudged(entry: IntegrationShown): string | undefined {
  if (entry.environmentErrors.length > 0) {
    return `the environment failed: ${entry.environmentErrors.map((e) => `${e.id} (${e.message})`).join('; ')}; nothing can be judged`;
  }
  if (entry.shallTotal === 0) return 'the run has no SHALL test of it, so it cannot show readiness';
  if (entry.shallNotRun.every((t) => t.result === 'omit') && entry.shallRan === 0)
    return 'no SHALL test of it ran (all omitted)';
  const n = entry.shallNotRun.length;
  if (n === 0) return undefined;
  const word = { skip: 'skipped', omit: 'omitted', wait: 'waiting', error: 'broke' } as const;
  return `${n} SHALL test${n === 1 ? '' : 's'} did not run: ${entry.shallNotRun.map((t) => `${t.id} (${word[t.result]}: ${t.reason})`).join('; ')}`;
}

/** A status a run earned under a key the sheet trusted; the void trust of --key (`pinned`) does not count. */
function earnedUnderTrustedKey(current: StatusEvent | undefined): boolean {
  return current?.source === 'run' && current.evidence?.keyTrusted === true && current.evidence.trustedBy !== 'pinned';
}

/** Why a run under an untrusted key may not replace the pair's current status, if it may not. */
function guardedFromUntrusted(earlier: StatusEvent | undefined, key: RunSigner): string | undefined {
  if (key.trusted || !earlier) return undefined;
  const signer = key.fingerprint ? `platform key ${key.fingerprint}` : 'a key it does not name';
  if (earnedUnderTrustedKey(earlier)) {
    return `its status ${earlier.status} was earned by run ${earlier.evidence!.runId} under a platform key the sheet trusts, and this run is signed with ${signer}, which the sheet does not trust: an untrusted run never replaces it`;
  }
  if (earlier.source !== 'run') {
    return `its status ${earlier.word ?? earlier.status} was ${earlier.source === 'import' ? 'imported' : 'set by hand'} by ${earlier.actor} (${earlier.at}), and this run is signed with ${signer}, which the sheet does not trust: an untrusted run never replaces a person's word`;
  }
  return undefined;
}

/** The statuses a verified run earns, given the sheet's current statuses; `actor` is who records them. */
export function runEarnsStatus(
  catalog: Catalog,
  run: RunToJudge,
  current: readonly StatusEvent[],
  actor: string,
): EarnedStatuses {
  const { system, key } = run;
  if (run.binding.length > 0) {
    const problems = run.binding.map((p) => `${p.code}: ${p.message}`);
    const message = `Nothing recorded: the run's evidence is not about ${system.name}.\n${problems.map((l) => `  - ${l}`).join('\n')}`;
    return { events: [], notRecorded: [], refused: { code: 'other-system', message, problems } };
  }
  const required = new Set(requiredIntegrations(catalog, system.id).map((r) => r.integration));
  const now = new Map(current.filter((e) => e.system === system.id).map((e) => [e.integration, e]));
  const notRecorded: EarnedStatuses['notRecorded'] = [];
  const events = run.integrations.flatMap((entry): NewStatusEvent[] => {
    const why = !required.has(entry.integration)
      ? `${system.name} is not required to connect to ${entry.integration}`
      : (notJudged(entry) ?? guardedFromUntrusted(now.get(entry.integration), key));
    if (why) {
      notRecorded.push({ integration: entry.integration, why });
      return [];
    }
    const { status } = statusFromRun(entry, key);
    const known = catalog.statuses.find((s) => s.code === status);
    return [
      {
        system: system.id,
        integration: entry.integration,
        status,
        ...(known ? { word: defaultWord(known) } : {}),
        actor,
        source: 'run',
        evidence: {
          runId: run.runId,
          digest: run.digest,
          ...(key.fingerprint ? { keyFingerprint: key.fingerprint } : {}),
          keyTrusted: key.trusted,
          ...(key.trustedBy ? { trustedBy: key.trustedBy } : {}),
          shallTotal: entry.shallTotal,
          shallPassed: entry.shallPassed,
          shallPassedWithEvidence: entry.shallPassedWithEvidence,
        },
      },
    ];
  });
  return { events, notRecorded };
}
