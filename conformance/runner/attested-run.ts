import { request } from 'undici';
import { canonicalDigest } from '../evidence/index.ts';
import { signingKeyPath } from '../evidence/index.ts';
import {
  attestationRequest,
  buildRunDocument,
  klarmeldVersion,
  withAttestation,
  type RunDocument,
} from '../framework/index.ts';
import { runConformance, type ConformanceOptions, type ConformanceRun } from './run-conformance.ts';

export interface AttestedRun {
  document: RunDocument;
  /** Why the run is not attested, when the platform would not sign it. */
  attestationProblem?: string;
  withoutSuite: string[];
  /**
   * True when this run started the embedded platform itself, so the key in the document is the
   * one the runner fetched from a platform it ran (what the demo, playing KOMBIT, may trust).
   */
  platformStartedHere: boolean;
}

/**
 * A whole conformance run as one document: run the suites (runConformance), build the run
 * document with the platform's public key and the digest of the catalogue it used, have the
 * platform attest it, and shut everything down. Throws what runConformance throws
 * (ProfileError, EnvironmentError). `toolVersion` defaults to klarmeld's package version.
 */
export async function runAndAttest(options: ConformanceOptions & { toolVersion?: string }): Promise<AttestedRun> {
  const run = await runConformance(options);
  const base = { withoutSuite: run.withoutSuite, platformStartedHere: run.platformStartedHere };
  try {
    const version = klarmeldVersion();
    const publicKey = await fetchText(run, signingKeyPath);
    const document = buildRunDocument(
      {
        startedAt: run.startedAt,
        finishedAt: run.finishedAt,
        toolVersion: options.toolVersion ?? version,
        profile: { system: run.system.id, file: run.profileFile, target: run.profile.target },
        platform: { ...run.platform, ...(publicKey ? { publicKey } : {}) },
        catalogue: { version, digest: canonicalDigest(run.catalog) },
      },
      run.output,
    );
    if (!publicKey)
      return {
        ...base,
        document,
        attestationProblem: 'The platform publishes no signing key, so the run cannot be attested',
      };
    const signed = await attest(run, document);
    return typeof signed === 'string'
      ? { ...base, document, attestationProblem: signed }
      : { ...base, document: signed };
  } finally {
    await run.close();
  }
}

async function fetchText(run: ConformanceRun, path: string): Promise<string | undefined> {
  if (run.platform.target !== 'embedded') return undefined;
  try {
    const response = await request(new URL(path, run.platform.url), { dispatcher: run.dispatcher });
    const text = await response.body.text();
    return response.statusCode === 200 ? text : undefined;
  } catch {
    return undefined;
  }
}

/** Asks the platform to sign the run; a string says why it did not. */
async function attest(run: ConformanceRun, document: RunDocument): Promise<RunDocument | string> {
  try {
    const response = await request(new URL('/klarmeld/evidence/sign', run.platform.url), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(attestationRequest(document)),
      dispatcher: run.dispatcher,
    });
    const text = await response.body.text();
    if (response.statusCode !== 200)
      return `The platform did not attest the run (HTTP ${response.statusCode}): ${text.slice(0, 300)}`;
    return withAttestation(document, JSON.parse(text));
  } catch (error) {
    return `The platform did not attest the run: ${(error as Error).message}`;
  }
}
