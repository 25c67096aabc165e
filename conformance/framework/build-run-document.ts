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
  };
}

/** The digest the platform attests: everything in the document except the attestation itself. */
export function resultsDigest(document: RunDocument): string {
  const { attestation: _attestation, ...rest } = document;
  return canonicalDigest(rest);
}

/** Every exchange digest the run relies on, sorted and without repeats. */
export function evidenceDigests(document: Pick<RunDocument, 'tests'>): string[] {
  return [...new Set(document.tests.flatMap((test) => test.exchanges.map((exchange) => exchange.digest)))].sort();
}

/** The body of `POST /klarmeld/evidence/sign` for this document. */
export function attestationRequest(document: RunDocument): { runId: string; system: string; resultsDigest: string; exchanges: string[] } {
  return { runId: document.runId, system: document.profile.system, resultsDigest: resultsDigest(document), exchanges: evidenceDigests(document) };
}

/** The document with the platform's attestation added (the caller obtained it from the platform). */
export function withAttestation(document: RunDocument, attestation: RunAttestation): RunDocument {
  return { ...document, attestation };
}
