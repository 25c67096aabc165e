/**
 * For the tests of `klarmeld verify`'s re-derivation: the reference system run through its
 * suites on the embedded platform, the run document built as `klarmeld test` builds it, and the
 * platform kept open so a test can ask it to sign another digest, the way a runner changed by a
 * supplier would.
 */
import { fileURLToPath } from 'node:url';
import { request } from 'undici';
import type { Catalog } from '../../catalog/index.ts';
import {
  attestationRequest,
  buildRunDocument,
  withAttestation,
  type RunDocument,
} from '../../conformance/framework/index.ts';
import { runConformance } from '../../conformance/runner/index.ts';
import { signingKeyPath } from '../../conformance/evidence/index.ts';

const profileFile = fileURLToPath(new URL('../../examples/reference-system/klarmeld.yaml', import.meta.url));

export interface OpenRun {
  /** The run document as the platform attested it. */
  document: RunDocument;
  /** Asks the run's platform, with the system's certificate, to attest `document` (without its attestation). */
  sign(document: RunDocument): Promise<RunDocument>;
  close(): Promise<void>;
}

export async function referenceRun(options: {
  catalog: Catalog;
  integrations?: string[];
  faults?: string[];
  timeoutMs?: number;
}): Promise<OpenRun> {
  const run = await runConformance({
    profileFile,
    catalog: options.catalog,
    ...(options.integrations ? { integrations: options.integrations } : {}),
    ...(options.faults ? { systemEnv: { REFERENCE_SYSTEM_FAULT: options.faults.join(',') } } : {}),
    ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}),
  });
  try {
    const key = await request(new URL(signingKeyPath, run.platform.url), { dispatcher: run.dispatcher });
    const publicKey = await key.body.text();
    const base = buildRunDocument(
      {
        startedAt: run.startedAt,
        finishedAt: run.finishedAt,
        toolVersion: 'test',
        profile: { system: run.system.id },
        platform: { ...run.platform, publicKey },
        catalogue: { version: 'test' },
      },
      run.output,
    );
    const sign = async (document: RunDocument) => {
      const { attestation: _old, ...unsigned } = document;
      const response = await request(new URL('/klarmeld/evidence/sign', run.platform.url), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(attestationRequest(unsigned)),
        dispatcher: run.dispatcher,
      });
      const text = await response.body.text();
      if (response.statusCode !== 200)
        throw new Error(`The platform would not sign (HTTP ${response.statusCode}): ${text}`);
      return withAttestation(unsigned, JSON.parse(text));
    };
    return { document: await sign(base), sign, close: run.close };
  } catch (error) {
    await run.close();
    throw error;
  }
}
