/**
 * Recording a conformance run in the onboarding sheet: the one rule `klarmeld sheet record` and
 * `klarmeld test --record` share.
 *
 * - A run whose evidence does not verify records nothing and says why: it must never replace a
 *   status earned with evidence (a platform hiccup is not a verdict on the system).
 * - A run already in the sheet (same run id) records nothing and says so.
 * - Otherwise each required integration the run covered gets the status the run shows
 *   (statusFromRun), but only when the run judged it: an integration whose suite met an
 *   environment error, or any of whose SHALL tests did not run to a pass or a fail (skipped,
 *   waiting, broken, omitted), records nothing, and notRecorded says why. A half-run integration
 *   would otherwise show `ikke-klarmeldt` for tests that never ran.
 * - Trust comes only from the sheet's trusted_platform_keys. A key pinned with --key is checked
 *   (the run must be signed with it) but not trusted: anyone can pin the throwaway key of their
 *   own embedded platform. Whoever signed, the run records the declaration it shows (Klarmeldt,
 *   Delvis, Nej, in KOMBIT's words) and the evidence beside it: the run id, the key fingerprint
 *   and whether the sheet trusts the key (a run on the supplier's own platform, or on one KOMBIT
 *   trusts). klarmeld never writes "Ensidig" or another KOMBIT word to say "untrusted key". A run
 *   under an untrusted key records nothing for a pair whose current status a trusted-key run earned,
 *   or a person set by hand or imported (guardedFromUntrusted).
 * - The run counts only for the system it is about: the catalogue's it-system UUID of the run's
 *   system must be the one the platform attested (systemBinding); otherwise nothing is recorded.
 * All events of one run go in one transaction.
 */
import type { Catalog } from '../../catalog/catalog.ts';
import { findSystem, requiredIntegrations } from '../../catalog/query.ts';
import { keyFingerprint, type KeyInput } from '../../conformance/evidence/index.ts';
import { integrationEvidence, resultsDigest, systemBinding, type IntegrationEvidence, type VerifyReport } from '../../conformance/framework/index.ts';
import {
  defaultWord, SheetStore, statusFromRun, type NewStatusEvent, type StatusEvent, type TrustedPlatformKey,
} from '../../conformance/onboarding/index.ts';

/** Whose word the run's signature is: a key the sheet trusts, or not. */
export interface RecordKey {
  fingerprint?: string;
  /** On the sheet's list of trusted platform keys. Pinning a key with --key does not make it so. */
  trusted: boolean;
  trustedBy?: 'sheet';
  /** The sheet's name for the key, when the sheet trusts it. */
  name?: string;
  /** The run was checked against a key the caller pinned with --key (verification, not trust). */
  pinned?: boolean;
}

export interface RecordOutcome {
  system: string;
  /** The run's events, as appended; empty when nothing was recorded. */
  events: StatusEvent[];
  /** Integrations the run covered but records nothing for, with why (not required, not judged, guarded). */
  notRecorded: { integration: string; why: string }[];
  /** False when the run did not verify: then nothing was recorded. */
  verified: boolean;
  problems: string[];
  key: RecordKey;
  /** Why nothing at all was recorded, when that is so. */
  skipped?: { code: 'not-verified' | 'other-system' | 'already-recorded'; message: string; earlier?: StatusEvent[] };
}

export class RecordError extends Error {
  override name = 'RecordError';
  readonly code: 'unknown-system';

  constructor(code: RecordError['code'], message: string) {
    super(message);
    this.code = code;
  }
}

function keyOf(store: SheetStore, report: VerifyReport): RecordKey {
  const fingerprint = report.keyFingerprint;
  const pinned = report.keySource === 'pinned' ? { pinned: true } : {};
  const known = fingerprint ? store.trustedPlatformKey(fingerprint) : undefined;
  return known
    ? { fingerprint, trusted: true, trustedBy: 'sheet', name: known.name, ...pinned }
    : { ...(fingerprint ? { fingerprint } : {}), trusted: false, ...pinned };
}

/** Why the run cannot judge the integration, or undefined when every SHALL test ran to a pass or a fail. */
function notJudged(entry: IntegrationEvidence): string | undefined {
  if (entry.environmentErrors.length > 0) {
    return `the environment failed: ${entry.environmentErrors.map((e) => `${e.id} (${e.message})`).join('; ')}; nothing can be judged`;
  }
  if (entry.shallTotal === 0) return 'the run has no SHALL test of it, so it cannot show readiness';
  if (entry.shallNotRun.every((t) => t.result === 'omit') && entry.shallRan === 0) return 'no SHALL test of it ran (all omitted)';
  const n = entry.shallNotRun.length;
  if (n === 0) return undefined;
  const word = { skip: 'skipped', omit: 'omitted', wait: 'waiting', error: 'broke' } as const;
  return `${n} SHALL test${n === 1 ? '' : 's'} did not run: ${entry.shallNotRun.map((t) => `${t.id} (${word[t.result]}: ${t.reason})`).join('; ')}`;
}

/**
 * Whether the pair's current status was earned by a run under a key the sheet trusted. Events
 * from the time --key counted as trust (trustedBy `pinned`) do not qualify: that trust was void.
 */
function earnedUnderTrustedKey(current: StatusEvent | undefined): boolean {
  return current?.source === 'run' && current.evidence?.keyTrusted === true && current.evidence.trustedBy !== 'pinned';
}

/**
 * Why a run under an untrusted key may not replace the pair's current status, if it may not: one
 * a trusted-key run earned, or one set by hand or imported from KOMBIT's workbook (a person's
 * word, such as Irrelevant or Nej with a reason, which a run on the supplier's own platform must
 * not overwrite; anyone can make such a run for any system on a platform of their own).
 */
function guardedFromUntrusted(earlier: StatusEvent | undefined, key: RecordKey): string | undefined {
  const signer = key.fingerprint ? `platform key ${key.fingerprint}` : 'a key it does not name';
  if (earlier && earnedUnderTrustedKey(earlier)) {
    return `its status ${earlier.status} was earned by run ${earlier.evidence!.runId} under a platform key the sheet trusts, and this run is signed with ${signer}, which the sheet does not trust: an untrusted run never replaces it`;
  }
  if (earlier && earlier.source !== 'run') {
    return `its status ${earlier.word ?? earlier.status} was ${earlier.source === 'import' ? 'imported' : 'set by hand'} by ${earlier.actor} (${earlier.at}), and this run is signed with ${signer}, which the sheet does not trust: an untrusted run never replaces a person's word`;
  }
  return undefined;
}

export function recordRun(store: SheetStore, catalog: Catalog, report: VerifyReport, actor?: string): RecordOutcome {
  const document = report.document;
  const problems = report.problems.map((p) => `${p.code}: ${p.message}`);
  const key = keyOf(store, report);
  if (!report.ok || !document) {
    const message = `Nothing recorded: the run's evidence does not verify, so it earns no status and must not replace one earned with evidence.${problems.length ? `\n${problems.map((p) => `  - ${p}`).join('\n')}` : ''}`;
    return { system: document?.profile.system ?? '', events: [], notRecorded: [], verified: false, problems, key, skipped: { code: 'not-verified', message } };
  }
  const system = findSystem(catalog, document.profile.system);
  if (!system) {
    throw new RecordError('unknown-system', `The run is for "${document.profile.system}", which is not a SKI system in the catalogue; fix "system" in the profile.`);
  }
  // Checked here with the sheet's own catalogue whatever verifyRun was given: the run counts only
  // for the system whose certificate made its exchanges.
  const binding = systemBinding(document, catalog).problems;
  if (binding.length > 0) {
    const lines = binding.map((p) => `${p.code}: ${p.message}`);
    return {
      system: system.id, events: [], notRecorded: [], verified: false, problems: [...problems, ...lines], key,
      skipped: { code: 'other-system', message: `Nothing recorded: the run's evidence is not about ${system.name}.\n${lines.map((l) => `  - ${l}`).join('\n')}` },
    };
  }
  const required = new Set(requiredIntegrations(catalog, system.id).map((r) => r.integration));
  const digest = resultsDigest(document);
  const notRecorded: RecordOutcome['notRecorded'] = [];
  const current = new Map(store.current().filter((e) => e.system === system.id).map((e) => [e.integration, e]));
  const events: NewStatusEvent[] = integrationEvidence(report).flatMap((entry) => {
    if (!required.has(entry.integration)) {
      notRecorded.push({ integration: entry.integration, why: `${system.name} is not required to connect to ${entry.integration}` });
      return [];
    }
    const why = notJudged(entry);
    if (why) {
      notRecorded.push({ integration: entry.integration, why });
      return [];
    }
    const guarded = key.trusted ? undefined : guardedFromUntrusted(current.get(entry.integration), key);
    if (guarded) {
      notRecorded.push({ integration: entry.integration, why: guarded });
      return [];
    }
    const { status } = statusFromRun(entry, key);
    const known = catalog.statuses.find((s) => s.code === status);
    return [{
      system: system.id,
      integration: entry.integration,
      status,
      ...(known ? { word: defaultWord(known) } : {}),
      actor: actor ?? `klarmeld test (${system.name})`,
      source: 'run' as const,
      evidence: {
        runId: document.runId, digest,
        ...(key.fingerprint ? { keyFingerprint: key.fingerprint } : {}),
        keyTrusted: key.trusted, ...(key.trustedBy ? { trustedBy: key.trustedBy } : {}),
        shallTotal: entry.shallTotal, shallPassed: entry.shallPassed, shallPassedWithEvidence: entry.shallPassedWithEvidence,
      },
    }];
  });
  const base = { system: system.id, notRecorded, verified: true, problems, key };
  if (events.length === 0) return { ...base, events: [] };
  const appended = store.appendRun(document.runId, events);
  if ('appended' in appended) return { ...base, events: appended.appended };
  const earlier = appended.alreadyRecorded;
  return {
    ...base, events: [],
    skipped: {
      code: 'already-recorded', earlier,
      message: `Nothing recorded: run ${document.runId} is already in the sheet (recorded ${earlier[0]!.at}: ${earlier.map((e) => `${e.integration} ${e.status}`).join(', ')}). Recording the same run again changes nothing.`,
    },
  };
}

/**
 * Trusts a platform key in the sheet at `sheetPath`: runs signed with it are backed by a
 * platform KOMBIT trusts, and an untrusted run cannot replace what they earned. Give the key as PEM (or a KeyObject) or its fingerprint. For KOMBIT (a
 * `klarmeld sheet trust-key` command) and for the demo, which plays KOMBIT's role.
 */
export function trustPlatformKey(
  sheetPath: string,
  input: { name: string; addedBy: string } & ({ publicKey: KeyInput } | { fingerprint: string }),
): { key: TrustedPlatformKey; added: boolean } {
  const fingerprint = 'publicKey' in input ? keyFingerprint(input.publicKey) : input.fingerprint;
  const store = SheetStore.open(sheetPath);
  try {
    return store.trustPlatformKey({ fingerprint, name: input.name, addedBy: input.addedBy });
  } finally {
    store.close();
  }
}

/** The platform keys the sheet at `sheetPath` trusts, oldest first. */
export function trustedPlatformKeys(sheetPath: string): TrustedPlatformKey[] {
  const store = SheetStore.open(sheetPath);
  try {
    return store.trustedPlatformKeys();
  } finally {
    store.close();
  }
}
