/**
 * Recording a conformance run in the onboarding sheet, as `klarmeld sheet record` and
 * `klarmeld test --record` do it: check the verified report, find the run's system, ask the
 * sheet's rule what the run earns (runEarnsStatus in conformance/onboarding, which klarmeld
 * server's judged runs call too) and append that in one transaction.
 *
 * - A run whose evidence does not verify records nothing and says why: it must never replace a
 *   status earned with evidence (a platform hiccup is not a verdict on the system).
 * - A run already in the sheet (same run id) records nothing and says so.
 * - Trust comes only from the sheet's trusted_platform_keys. A key pinned with --key is checked
 *   (the run must be signed with it) but not trusted: anyone can pin the throwaway key of their
 *   own embedded platform.
 * - The binding is checked here with the sheet's own catalogue whatever verifyRun was given.
 */
import type { Catalog } from '../../catalog/index.ts';
import { findSystem } from '../../catalog/index.ts';
import { keyFingerprint, type KeyInput } from '../../conformance/evidence/index.ts';
import {
  integrationEvidence,
  resultsDigest,
  systemBinding,
  type VerifyReport,
} from '../../conformance/framework/index.ts';
import {
  runEarnsStatus,
  SheetStore,
  type StatusEvent,
  type TrustedPlatformKey,
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

export function recordRun(store: SheetStore, catalog: Catalog, report: VerifyReport, actor?: string): RecordOutcome {
  const document = report.document;
  const problems = report.problems.map((p) => `${p.code}: ${p.message}`);
  const key = keyOf(store, report);
  if (!report.ok || !document) {
    const message = `Nothing recorded: the run's evidence does not verify, so it earns no status and must not replace one earned with evidence.${problems.length ? `\n${problems.map((p) => `  - ${p}`).join('\n')}` : ''}`;
    return {
      system: document?.profile.system ?? '',
      events: [],
      notRecorded: [],
      verified: false,
      problems,
      key,
      skipped: { code: 'not-verified', message },
    };
  }
  const system = findSystem(catalog, document.profile.system);
  if (!system) {
    throw new RecordError(
      'unknown-system',
      `The run is for "${document.profile.system}", which is not a SKI system in the catalogue; fix "system" in the profile.`,
    );
  }
  const earned = runEarnsStatus(
    catalog,
    {
      runId: document.runId,
      digest: resultsDigest(document),
      system,
      binding: systemBinding(document, catalog).problems,
      integrations: integrationEvidence(report),
      key,
    },
    store.current(),
    actor ?? `klarmeld test (${system.name})`,
  );
  if (earned.refused) {
    return {
      system: system.id,
      events: [],
      notRecorded: [],
      verified: false,
      problems: [...problems, ...earned.refused.problems],
      key,
      skipped: { code: earned.refused.code, message: earned.refused.message },
    };
  }
  const { events, notRecorded } = earned;
  const base = { system: system.id, notRecorded, verified: true, problems, key };
  if (events.length === 0) return { ...base, events: [] };
  const appended = store.appendRun(document.runId, events);
  if ('appended' in appended) return { ...base, events: appended.appended };
  const earlier = appended.alreadyRecorded;
  return {
    ...base,
    events: [],
    skipped: {
      code: 'already-recorded',
      earlier,
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
