/**
 * Offline verification of a run document: every embedded exchange against its digest and the
 * platform's signature, the summary against the results, and the whole document against the
 * platform's attestation. Editing one result, message, exchange or status is caught.
 */
import {
  canonicalJson,
  exchangeDigest,
  keyFingerprint,
  verifyAttestation,
  verifyDigest,
  type KeyInput,
} from '../evidence/index.ts';
import type { Catalog } from '../../catalog/index.ts';
import { evidenceDigests, resultsDigest } from './build-run-document.ts';
import { readableRunFormats, runDocument, runFormat, type RunDocument } from './run-document.ts';
import { summarise } from './summarise.ts';
import { systemBinding, type CatalogueBinding, type SystemBindingProblem } from './system-binding.ts';
import type { RederiveProblem, RederiveReport } from './rederive-run.ts';

export interface VerifyProblem {
  code:
    | 'run-invalid'
    | 'no-key'
    | 'key-mismatch'
    | 'fingerprint-mismatch'
    | 'exchange-edited'
    | 'exchange-signature'
    | 'format-old'
    | 'summary-edited'
    | 'not-attested'
    | 'attestation-signature'
    | 'results-edited'
    | 'run-id-mismatch'
    | 'exchanges-not-attested'
    | SystemBindingProblem['code']
    | RederiveProblem['code'];
  message: string;
  test?: string;
}

export interface VerifyReport {
  ok: boolean;
  runId?: string;
  /** `pinned` when the caller gave the key (`--key`, `--platform`); `embedded` when only the document's own key was used. */
  keySource: 'pinned' | 'embedded' | 'none';
  keyFingerprint?: string;
  exchanges: { checked: number; valid: number };
  attested: boolean;
  /**
   * Whom the evidence is about, when the run is attested: the SKI system it is for, the
   * it-system whose certificate made the exchanges, and what the catalogue given to verifyRun
   * says of them (`not-checked` without one).
   */
  system?: { id: string; uuid: string; name: string; catalogue: CatalogueBinding | 'not-checked' };
  problems: VerifyProblem[];
  /** The verdicts re-derived from the tapes (rederiveRun), when the caller ran the shipped suites again. */
  rederived?: RederiveReport;
  /** The parsed document, when it had the right shape. */
  document?: RunDocument;
}

export interface VerifyOptions {
  /** Pin the platform key (otherwise the run's own key is used and the report says so). */
  publicKey?: KeyInput;
  /** Bind the run to the catalogue's it-system of its SKI system (the sheet always passes it). */
  catalog?: Catalog;
}

export function verifyRun(input: unknown, options: VerifyOptions = {}): VerifyReport {
  const format = (input as { format?: unknown } | null)?.format;
  if (
    typeof format === 'string' &&
    format.startsWith('klarmeld.run/') &&
    !(readableRunFormats as readonly string[]).includes(format)
  ) {
    return {
      ok: false,
      keySource: 'none',
      exchanges: { checked: 0, valid: 0 },
      attested: false,
      problems: [
        {
          code: 'format-old',
          message: `The run document has format ${format}; this klarmeld reads ${runFormat}, whose verdicts follow other rules, so it cannot judge this one. Run the tests again with this klarmeld.`,
        },
      ],
    };
  }
  const parsed = runDocument.safeParse(input);
  if (!parsed.success) {
    return {
      ok: false,
      keySource: 'none',
      exchanges: { checked: 0, valid: 0 },
      attested: false,
      problems: parsed.error.issues.map((issue) => ({
        code: 'run-invalid',
        message: `${issue.path.join('.') || '(document)'}: ${issue.message}`,
      })),
    };
  }
  const document = parsed.data;
  const problems: VerifyProblem[] = [];
  const embedded = document.platform.publicKey;
  const key = options.publicKey ?? embedded;
  const keySource = options.publicKey ? 'pinned' : embedded ? 'embedded' : 'none';
  const fingerprint = key ? safeFingerprint(key) : undefined;
  if (!key || !fingerprint) {
    problems.push({
      code: 'no-key',
      message: 'The run has no usable platform public key and none was given; pass --key FILE or --platform URL',
    });
  }
  if (options.publicKey && embedded && safeFingerprint(embedded) !== fingerprint) {
    problems.push({
      code: 'key-mismatch',
      message:
        'The run was signed with a different platform key than the one you pinned: it did not come from that platform',
    });
  }
  if (embedded && document.platform.keyFingerprint && document.platform.keyFingerprint !== safeFingerprint(embedded)) {
    problems.push({
      code: 'fingerprint-mismatch',
      message: 'platform.keyFingerprint does not belong to platform.publicKey: the platform section was edited',
    });
  }
  let checked = 0;
  let valid = 0;
  // The tapes' own exchanges (those no test attached) are evidence too: a replay reads them.
  const holders = [
    ...document.tests,
    ...(document.replay ? [{ id: undefined, exchanges: document.replay.exchanges }] : []),
  ];
  for (const holder of holders) {
    const of = holder.id ?? "the tests' tapes";
    for (const exchange of holder.exchanges) {
      checked += 1;
      const digestOk = exchangeDigest(exchange) === exchange.digest;
      const signatureOk = key !== undefined && verifyDigest(exchange.digest, exchange.signature, key);
      const test = holder.id ? { test: holder.id } : {};
      if (!digestOk)
        problems.push({
          code: 'exchange-edited',
          ...test,
          message: `An exchange of ${of} was changed after the platform recorded it (its digest no longer matches)`,
        });
      if (!signatureOk)
        problems.push({
          code: 'exchange-signature',
          ...test,
          message: `An exchange of ${of} is not signed by the platform key`,
        });
      if (digestOk && signatureOk) valid += 1;
    }
  }
  if (canonicalJson(summarise(document.tests)) !== canonicalJson(document.summary)) {
    problems.push({
      code: 'summary-edited',
      message: 'The summary does not follow from the test results: one of them was edited',
    });
  }
  const attestation = document.attestation;
  if (!attestation) {
    problems.push({
      code: 'not-attested',
      message:
        'The run carries no platform attestation, so its results are not bound to the evidence. Run klarmeld test against a platform that signs runs',
    });
  } else {
    if (!key || !verifyAttestation(attestation, key)) {
      problems.push({ code: 'attestation-signature', message: 'The attestation is not signed by the platform key' });
    }
    if (attestation.statement.resultsDigest !== resultsDigest(document)) {
      problems.push({
        code: 'results-edited',
        message:
          'The run document differs from what the platform signed: a result, message, exchange or status was edited',
      });
    }
    if (attestation.statement.runId !== document.runId) {
      problems.push({
        code: 'run-id-mismatch',
        message: `The attestation is for run ${attestation.statement.runId}, not ${document.runId}`,
      });
    }
    if (canonicalJson(attestation.statement.exchanges) !== canonicalJson(evidenceDigests(document))) {
      problems.push({
        code: 'exchanges-not-attested',
        message: 'The exchanges in the run are not the ones the platform attested',
      });
    }
  }
  const binding = systemBinding(document, options.catalog);
  problems.push(...binding.problems);
  const attestedSystem = attestation?.statement.system;
  return {
    ok: problems.length === 0,
    runId: document.runId,
    keySource,
    keyFingerprint: fingerprint,
    exchanges: { checked, valid },
    attested: attestation !== undefined,
    ...(attestedSystem ? { system: { ...attestedSystem, catalogue: binding.catalogue ?? 'not-checked' } } : {}),
    problems,
    document,
  };
}

function safeFingerprint(key: KeyInput): string | undefined {
  try {
    return keyFingerprint(key);
  } catch {
    return undefined;
  }
}
