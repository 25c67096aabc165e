/**
 * Assembles the run document from the runner's output, and the digests the platform signs
 * to bind it (see conformance/evidence/README.md).
 */
import { randomUUID } from 'node:crypto';
import { canonicalDigest, keyFingerprint } from '../evidence/index.ts';
import type { RunAttestation } from '../evidence/index.ts';
import { runFormat, type RunDocument } from './run-document.ts';
import type { RunOutput } from './runner.ts';
import { summarise } from './summarise.ts';

export interface RunMeta {
  runId?: string;
  startedAt: Date;
  finishedAt: Date;
  toolVersion: string;
  profile: RunDocument['profile'];
  platform: { url: string; target: 'embedded' | 'external-test'; version?: string; publicKey?: string };
  catalogue: RunDocument['catalogue'];
}

/** The unattested run document; the summary is computed here, never passed in. */
export function buildRunDocument(meta: RunMeta, output: RunOutput): RunDocument {
  const { publicKey } = meta.platform;
  return {
    format: runFormat,
    runId: meta.runId ?? randomUUID(),
    startedAt: meta.startedAt.toISOString(),
    finishedAt: meta.finishedAt.toISOString(),
    durationMs: Math.max(0, meta.finishedAt.getTime() - meta.startedAt.getTime()),
    tool: { name: 'klarmeld', version: meta.toolVersion },
    profile: meta.profile,
    platform: { ...meta.platform, ...(publicKey ? { keyFingerprint: keyFingerprint(publicKey) } : {}) },
    catalogue: meta.catalogue,
    suites: output.suites,
    tests: output.tests,
    summary: summarise(output.tests),
    ...(output.replay ? { replay: withoutAttached(output.replay, output.tests) } : {}),
  };
}

/** The tapes' exchanges a test attached are in the test already: the replay section keeps only the others. */
function withoutAttached(
  replay: NonNullable<RunOutput['replay']>,
  tests: RunOutput['tests'],
): NonNullable<RunOutput['replay']> {
  const attached = new Set(tests.flatMap((test) => test.exchanges.map((exchange) => exchange.digest)));
  return { ...replay, exchanges: replay.exchanges.filter((exchange) => !attached.has(exchange.digest)) };
}

/** The digest the platform attests: everything in the document except the attestation itself. */
export function resultsDigest(document: RunDocument): string {
  const { attestation: _attestation, ...rest } = document;
  return canonicalDigest(rest);
}

/** Every exchange digest the run relies on (those the tests attached and those only their tapes refer to), sorted and without repeats. */
export function evidenceDigests(document: Pick<RunDocument, 'tests' | 'replay'>): string[] {
  const attached = document.tests.flatMap((test) => test.exchanges.map((exchange) => exchange.digest));
  return [...new Set([...attached, ...(document.replay?.exchanges ?? []).map((exchange) => exchange.digest)])].sort();
}

/** The body of `POST /klarmeld/evidence/sign` for this document. */
export function attestationRequest(document: RunDocument): {
  runId: string;
  system: string;
  resultsDigest: string;
  exchanges: string[];
} {
  return {
    runId: document.runId,
    system: document.profile.system,
    resultsDigest: resultsDigest(document),
    exchanges: evidenceDigests(document),
  };
}

/** The document with the platform's attestation added (the caller obtained it from the platform). */
export function withAttestation(document: RunDocument, attestation: RunAttestation): RunDocument {
  return { ...document, attestation };
}
