/**
 * The forged-run attack of issue 9, kept as a probe that tests and bench/abuse/forged-run.ts
 * replay: a supplier holding one system's test certificate (the attacker) tries to get another
 * supplier's system (the victim) recorded as Klarmeldt.
 *
 * 1. The attacker's system makes one genuine SF1520 PersonLookup on a real platform.
 * 2. It builds a run document for the victim in which one passing SHALL test per required
 *    integration attaches that exchange (signed by the platform, so each exchange verifies).
 * 3. It asks the platform to attest the run with its own certificate: first naming the victim as
 *    the system the run is for, then (when that is refused) naming its own system.
 * The caller then hands `runFile` to `klarmeld verify --key` and `klarmeld sheet record --key`
 * with a sheet that trusts the platform's key, as KOMBIT's would.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { request } from 'undici';
import type { Catalog } from '../../catalog/catalog.ts';
import { findSystem, requiredIntegrations } from '../../catalog/query.ts';
import { personLookupAction, personLookupEnvelope } from '../../conformance/clients/cpr/person-lookup-envelope.ts';
import { signingKeyPath } from '../../conformance/evidence/signing-key-path.ts';
import {
  attestationRequest,
  buildRunDocument,
  withAttestation,
  type ExchangeRecord,
  type RunDocument,
  type TestRecord,
} from '../../conformance/framework/index.ts';
import { agentFor, postSoap } from '../../conformance/platform/testing/test-platform.ts';
import type { RunningPlatform } from '../../conformance/platform/server/start-platform.ts';

export interface ForgeOptions {
  platform: RunningPlatform;
  catalog: Catalog;
  /**
   * Catalogue id of the system whose certificate the attacker holds; undefined for a system the
   * operator registered by hand (`klarmeld platform system add`), whose random UUID no catalogue lists.
   */
  attacker?: string;
  /** Catalogue id of the system the attacker wants recorded as ready. */
  victim: string;
  /** How the run names the victim (its `profile.system`): its id (default) or its it-system UUID. */
  nameVictimBy?: 'id' | 'uuid';
  /** Where to write the run document and the platform key. */
  dir: string;
}

export interface ForgeOutcome {
  /** The platform's answer when the attestation named the victim as the run does. */
  signForVictim: { status: number; body: string };
  /** The platform's answer when it named the attacker's own system (the attacker's best try). */
  signForSelf: { status: number; body: string };
  /** The run document for the victim, attested if the platform signed either request. */
  runFile: string;
  keyFile: string;
  /** The victim's required integrations the forged run claims. */
  integrations: string[];
}

const serviceUuidOf = (catalog: Catalog, integration: string) =>
  catalog.integrations
    .find((i) => i.id === integration)!
    .versions.flatMap((v) => v.services)
    .find((s) => s.serviceUuid)!.serviceUuid!;

export async function forgeRun(options: ForgeOptions): Promise<ForgeOutcome> {
  const { platform, catalog } = options;
  const attacker = options.attacker ? findSystem(catalog, options.attacker)! : undefined;
  const victim = findSystem(catalog, options.victim)!;
  const added = await platform.admin.addSystem(
    attacker
      ? { name: attacker.name, supplierCvr: attacker.supplier, uuid: attacker.userSystemUuid }
      : { name: `Uncatalogued attacker ${Date.now()}` },
  );
  const agreement = platform.admin.addAgreement({
    system: added.systemUuid,
    service: 'SF1520',
    municipalityCvr: '11111111',
  });
  const agent = agentFor(added);
  try {
    const envelope = personLookupEnvelope({
      pnr: '0103701111',
      invocation: {
        serviceAgreementUuid: agreement.agreementUuid,
        userSystemUuid: added.systemUuid,
        userUuid: '0b7e4b2c-1d5a-4f8e-9c3d-2a6b8e0f1c4d',
        serviceUuid: serviceUuidOf(catalog, 'SF1520'),
      },
    });
    const lookup = await postSoap(agent, `${platform.url}/service/CPR/PersonBaseDataExtended/4`, envelope, {
      'content-type': 'text/xml; charset=utf-8',
      soapaction: `"${personLookupAction}"`,
    });
    if (lookup.status !== 200)
      throw new Error(`The attacker's genuine lookup failed (HTTP ${lookup.status}): ${lookup.body.slice(0, 300)}`);
    const listed = await request(`${platform.url}/klarmeld/exchanges?limit=10`, { dispatcher: agent });
    const exchange = ((await listed.body.json()) as { exchanges: ExchangeRecord[] }).exchanges.find(
      (e) => e.operation === 'PersonLookup',
    )!;
    const publicKey = await (await request(`${platform.url}${signingKeyPath}`, { dispatcher: agent })).body.text();

    const integrations = requiredIntegrations(catalog, victim.id)
      .map((r) => r.integration)
      .slice(0, 5);
    const named = options.nameVictimBy === 'uuid' ? victim.userSystemUuid : victim.id;
    const document = forgedDocument(named, integrations, exchange, platform.url, publicKey);
    const sign = async (system: string) => {
      const response = await request(`${platform.url}/klarmeld/evidence/sign`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        dispatcher: agent,
        body: JSON.stringify({ ...attestationRequest(document), system }),
      });
      return { status: response.statusCode, body: await response.body.text() };
    };
    const signForVictim = await sign(named);
    const signForSelf = await sign(attacker?.id ?? 'attackers-own-system');
    const signed = [signForVictim, signForSelf].find((r) => r.status === 200);
    const runFile = join(
      options.dir,
      `forged-run-${options.nameVictimBy ?? 'id'}-${attacker ? 'catalogued' : 'uncatalogued'}.json`,
    );
    const keyFile = join(options.dir, 'platform-key.pem');
    await writeFile(
      runFile,
      JSON.stringify(signed ? withAttestation(document, JSON.parse(signed.body)) : document, null, 2),
    );
    await writeFile(keyFile, publicKey);
    return { signForVictim, signForSelf, runFile, keyFile, integrations };
  } finally {
    await agent.close();
  }
}
/** A run document for `system` in which one SHALL test per integration passes on `exchange`. */
function forgedDocument(
  system: string,
  integrations: string[],
  exchange: ExchangeRecord,
  url: string,
  publicKey: string,
): RunDocument {
  const at = new Date();
  const tests: TestRecord[] = integrations.map((integration) => ({
    id: `${integration.toLowerCase()}.forged.works`,
    suite: integration.toLowerCase(),
    integration,
    group: 'forged',
    groupTitle: 'Forged',
    title: 'The system works',
    verifies: [`${integration}-R01`],
    level: 'SHALL',
    result: 'pass',
    startedAt: at.toISOString(),
    durationMs: 1,
    inputs: {},
    exchanges: [exchange],
    log: [],
  }));
  const suites = integrations.map((integration) => ({
    id: integration.toLowerCase(),
    integration,
    title: integration,
    version: '1.0.0',
    requirements: [{ id: `${integration}-R01`, level: 'SHALL' as const, text: 'The system works', source: 'forged' }],
    untested: [],
  }));
  return buildRunDocument(
    {
      startedAt: at,
      finishedAt: at,
      toolVersion: '0.1.0',
      profile: { system },
      platform: { url, target: 'embedded', publicKey },
      catalogue: { version: 'forged' },
    },
    { suites, tests },
  );
}
