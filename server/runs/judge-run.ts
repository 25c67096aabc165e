/**
 * The server judges a run: it runs the system's suites itself, against its own platform, with
 * the trigger relayed to the supplier's CLI, builds the run document from its own results and
 * records, and signs it as `klarmeld.run-judged/1` with the key KOMBIT trusts. Nothing in the
 * document comes from the supplier but the system's trigger replies, which the suites read.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Catalog } from '../../catalog/index.ts';
import type { SkiSystem } from '../../catalog/index.ts';
import {
  canonicalDigest,
  signAttestation,
  signDigest,
  type RunAttestationStatement,
} from '../../conformance/evidence/index.ts';
import {
  attestationRequest,
  buildRunDocument,
  klarmeldVersion,
  withAttestation,
  type RunDocument,
  type RunEvent,
} from '../../conformance/framework/index.ts';
import type { RunningPlatform } from '../../conformance/platform/index.ts';
import { runConformance } from '../../conformance/runner/index.ts';
import type { FlakyLink } from '../../conformance/runner/index.ts';
import type { PlatformSession } from '../../conformance/runner/index.ts';
import type { SigningKey } from '../signing-key.ts';
import type { TriggerRelay } from './trigger-relay.ts';

export interface JudgeInput {
  catalog: Catalog;
  platform: RunningPlatform;
  key: SigningKey;
  system: SkiSystem;
  session: PlatformSession;
  runId: string;
  /** Only these integrations' suites run (the CLI's --integration). */
  integrations?: string[];
  /** The system's Beskedfordeler callback, where the server's platform pushes. */
  callbackUrl?: string;
  /** The profile the supplier ran with, as a name for readers of the document. */
  profileName: string;
  relay: TriggerRelay;
  /** The system's link to the platform (named in its connection), for the network tests. */
  link: FlakyLink;
  timeoutMs: number;
  onEvent: (event: RunEvent) => void;
}

export async function judgeRun(input: JudgeInput): Promise<RunDocument> {
  const dir = await mkdtemp(join(tmpdir(), 'klarmeld-server-run-'));
  try {
    // The run's profile is the server's: the system is reached through the relay, never started here.
    const profileFile = join(dir, 'klarmeld.yaml');
    const callbacks = input.callbackUrl ? { beskedfordeler: input.callbackUrl } : {};
    // The municipality the run acts for (Korsbæk unless the supplier named another): its agreements are the run's.
    await writeFile(
      profileFile,
      JSON.stringify({
        system: input.system.id,
        target: 'embedded',
        callbacks,
        platform: { municipality: input.session.municipalityCvr },
      }),
    );
    const run = await runConformance({
      profileFile,
      catalog: input.catalog,
      session: input.session,
      trigger: input.relay.trigger,
      link: input.link,
      ...(input.integrations ? { integrations: input.integrations } : {}),
      timeoutMs: input.timeoutMs,
      onEvent: input.onEvent,
    });
    try {
      const version = klarmeldVersion();
      const document = buildRunDocument(
        {
          runId: input.runId,
          startedAt: run.startedAt,
          finishedAt: run.finishedAt,
          toolVersion: version,
          profile: { system: input.system.id, file: input.profileName, target: 'embedded' },
          platform: { url: input.platform.url, target: 'embedded', publicKey: input.key.publicKeyPem },
          catalogue: { version, digest: canonicalDigest(input.catalog) },
        },
        run.output,
      );
      const request = attestationRequest(document);
      const registered = input.platform.registry.findSystem(input.session.userSystemUuid);
      const statement: RunAttestationStatement = {
        kind: 'klarmeld.run-judged/1',
        runId: request.runId,
        resultsDigest: request.resultsDigest,
        system: {
          uuid: input.session.userSystemUuid,
          name: registered?.name ?? input.system.name,
          id: input.system.id,
        },
        exchanges: request.exchanges,
        signedAt: new Date().toISOString(),
      };
      return withAttestation(
        document,
        signAttestation(statement, (digest) => signDigest(digest, input.key.privateKeyPem)),
      );
    } finally {
      await run.close();
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
