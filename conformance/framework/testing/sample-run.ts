/**
 * A small signed run for tests of reporters, `klarmeld verify` and the onboarding sheet: a toy
 * suite run through the real runner, exchanges and attestation signed with a fresh key, the
 * way the platform would.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { exchangeDigest, generateEvidenceKeys, signAttestation, signDigest } from '../../evidence/index.ts';
import { attestationRequest, buildRunDocument, withAttestation } from '../build-run-document.ts';
import { defineSuite } from '../definition.ts';
import type { ExchangeRecord, RunDocument } from '../run-document.ts';
import { runSuites } from '../runner.ts';

export interface Signer {
  publicKeyPem: string;
  privateKeyPem: string;
}

/** An exchange record as the platform's recorder would serve it: digest and signature set. */
export function signedExchange(record: Record<string, unknown>, keys: Signer): ExchangeRecord {
  const digest = exchangeDigest(record);
  return { ...record, digest, signature: signDigest(digest, keys.privateKeyPem) };
}

export interface SampleOptions {
  /** Result of the `not-found` test (default pass). */
  notFound?: 'pass' | 'fail';
  keys?: Signer;
  /** The SKI system the run is for (default sys-toy, which no catalogue lists). */
  system?: string;
  /**
   * The it-system whose certificate made the exchanges and asked for the attestation. Default:
   * the valid catalogue fixture's UUID of `system` (a genuine run of it), else a toy UUID.
   */
  systemUuid?: string;
  /** The system the attestation names, when it differs from `system` (a forged or mixed-up run). */
  attestedSystem?: string;
  /** The integration the toy suite claims to test (default SF9999). */
  integration?: string;
  /** The integration the attached exchanges were made to (default: the suite's). */
  exchangesTo?: string;
  attest?: boolean;
  /** Add a SHALL test that passes on a check of the runner's own, with no exchange of the system. */
  precondition?: boolean;
  /** The lookup tests attach no exchange (they pass on the runner's word alone). */
  withoutExchanges?: boolean;
  runId?: string;
  /** Test ids to omit, as `--integration` omits the tests of other integrations. */
  omit?: string[];
  /** Test ids that skip, as a test does when the system has no trigger hook. */
  skip?: string[];
  /** Test ids that meet an environment error (the platform is unreachable). */
  environmentError?: string[];
}

const toyUuid = '0c1f4d1e-8a5e-4c55-9b3a-7f1c2d3e4f50';

/** The it-system UUID the valid catalogue fixture gives `system`, if it lists it. */
function fixtureSystemUuid(system: string): string | undefined {
  const file = readFileSync(new URL('../../../catalog/test-fixtures/valid/systems.yaml', import.meta.url), 'utf8');
  const { systems } = parse(file) as { systems: { id: string; userSystemUuid: string }[] };
  return systems.find((s) => s.id === system)?.userSystemUuid;
}

export async function sampleRun(options: SampleOptions = {}): Promise<{ document: RunDocument; keys: Signer }> {
  const keys = options.keys ?? generateEvidenceKeys();
  const system = options.system ?? 'sys-toy';
  const systemUuid = options.systemUuid ?? fixtureSystemUuid(system) ?? toyUuid;
  const integration = options.integration ?? 'SF9999';
  let n = 0;
  const exchange = (operation: string, status: number) =>
    signedExchange(
      {
        id: `ex-${++n}`,
        systemUuid,
        integration: options.exchangesTo ?? integration,
        operation,
        status,
        request: '<Envelope>…</Envelope>',
        response: status === 200 ? '<ok/>' : '<Fault/>',
        ...(status === 200 ? {} : { fault: { code: 'PersonNotFound', text: 'No such person' } }),
      },
      keys,
    );
  const attach = (ctx: { exchange(...records: ExchangeRecord[]): void }, operation: string, status: number) => {
    if (!options.withoutExchanges) ctx.exchange(exchange(operation, status));
  };
  const skipped = (ctx: { skip(reason: string): never }, id: string) => {
    if (options.skip?.includes(`sf9999.lookup.${id}`)) ctx.skip('Needs a trigger hook');
  };
  const environment = (ctx: { environment(code: string, message: string): never }, id: string) => {
    if (options.environmentError?.includes(`sf9999.lookup.${id}`))
      ctx.environment('platform-unreachable', 'The platform did not answer');
  };
  const precondition = options.precondition
    ? [
        {
          id: 'platform',
          title: 'Platform preconditions',
          tests: [
            { id: 'agreement-approved', title: 'The agreement is approved', verifies: ['SF9999-R01'], run: () => {} },
          ],
        },
      ]
    : [];
  const suite = defineSuite({
    id: 'sf9999',
    integration,
    title: 'Toy lookup',
    version: '1.0.0',
    requirementsFile: new URL('./requirements.yaml', import.meta.url),
    untested: [{ requirement: 'SF9999-R04', reason: 'The audit log is inside the system; the platform cannot see it' }],
    groups: [
      ...precondition,
      {
        id: 'lookup',
        title: 'Looking a person up',
        tests: [
          {
            id: 'person-found',
            title: 'Finds a person',
            verifies: ['SF9999-R01'],
            run: (ctx) => {
              skipped(ctx, 'person-found');
              environment(ctx, 'person-found');
              ctx.input('cpr', '0101011234');
              attach(ctx, 'PersonLookup', 200);
            },
          },
          {
            id: 'not-found',
            title: 'Says "not found" without crashing',
            verifies: ['SF9999-R02'],
            run: (ctx) => {
              skipped(ctx, 'not-found');
              environment(ctx, 'not-found');
              attach(ctx, 'PersonLookup', 500);
              if (options.notFound === 'fail') ctx.fail('The system showed the fault as person data');
            },
          },
          {
            id: 'retry',
            title: 'Retries once after a dropped connection',
            verifies: ['SF9999-R03'],
            run: (ctx) => ctx.skip('Needs the flaky link'),
          },
        ],
      },
    ],
  });
  const startedAt = new Date('2026-11-22T08:00:00.000Z');
  const output = await runSuites({
    suites: [suite],
    environment: {},
    clock: () => startedAt,
    select: (id) => (options.omit?.includes(id) ? 'Not selected with --integration' : true),
  });
  const document = buildRunDocument(
    {
      runId: options.runId ?? 'run-0001',
      startedAt,
      finishedAt: new Date('2026-11-22T08:00:02.000Z'),
      toolVersion: '0.1.0',
      profile: { system, file: 'klarmeld.yaml' },
      platform: { url: 'https://127.0.0.1:8443', target: 'embedded', publicKey: keys.publicKeyPem },
      catalogue: { version: 'test' },
    },
    output,
  );
  if (options.attest === false) return { document, keys };
  const request = attestationRequest(document);
  const attestation = signAttestation(
    {
      kind: 'klarmeld.run-attestation/2',
      runId: request.runId,
      resultsDigest: request.resultsDigest,
      exchanges: request.exchanges,
      system: { uuid: systemUuid, name: 'Toy', id: options.attestedSystem ?? request.system },
      signedAt: '2026-11-22T08:00:02.000Z',
    },
    (digest) => signDigest(digest, keys.privateKeyPem),
  );
  return { document: withAttestation(document, attestation), keys };
}
