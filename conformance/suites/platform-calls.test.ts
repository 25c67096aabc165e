import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Agent, buildConnector } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Catalog } from '../../catalog/index.ts';
import { loadCatalog } from '../../catalog/index.ts';
import { currentVersion } from '../../catalog/index.ts';
import { EnvironmentError } from '../framework/index.ts';
import { issueCertificate } from '../platform/index.ts';
import { loadOrCreateCa } from '../platform/index.ts';
import { buildAssertion } from '../platform/index.ts';
import { buildRstr } from '../platform/index.ts';
import { externalTestOrigin, serviceEndpoints, serviceUrls } from '../runner/index.ts';
import { suitesByIntegration } from './index.ts';
import type { SuiteEnvironment } from './shared/environment.ts';
import { callPlatform } from './shared/platform-call.ts';
import { runOneTest, standInEnvironment } from './testing/run-one-test.ts';

/**
 * The platform tests of each suite ("the platform accepts the system") against KOMBIT's external
 * test environment as the runner describes it (target external-test, the catalogue's
 * external-test URLs), without calling KOMBIT: every host resolves to a local HTTPS stand-in
 * that answers like the real services and writes down which URL each call was for.
 */
const hour = 3_600_000;
let catalog: Catalog;
let dir: string;
let server: Server;
let dispatcher: Agent;
let system: { certPem: string; keyPem: string };
let stsSigner: { certPem: string; keyPem: string };
let caPem: string;
const calls: string[] = [];
/** How long the stand-in STS's tokens last (KOMBIT's: eight hours). */
let tokenLifetimeMs = 8 * hour;

/** The external-test URL the catalogue gives a service of an integration. */
function catalogueUrl(integration: string, service: string): string {
  const url = currentVersion(catalog.integrations.find((i) => i.id === integration)!)?.services.find(
    (s) => s.name === service,
  )?.endpoints.externalTest;
  if (!url) throw new TypeError(`The catalogue has no external-test URL for ${integration} ${service}`);
  return url;
}

function answer(method: string, url: URL, body: string): { status: number; type: string; body: string } {
  if (/kombittrust/.test(url.pathname)) {
    if (method !== 'POST') return { status: 405, type: 'text/plain', body: '' };
    const entityId = /<(?:\w+:)?Address>([^<]+)<\/(?:\w+:)?Address>/.exec(body)?.[1] ?? '';
    const id = `_${randomUUID()}`;
    const issuedAt = new Date();
    const assertionXml = buildAssertion({
      id,
      issuer: 'stand-in STS',
      holderCertPem: system.certPem,
      entityId,
      cvr: '11111111',
      privileges: [],
      issuedAt,
      lifetimeMs: tokenLifetimeMs,
      signer: stsSigner,
    });
    return {
      status: 200,
      type: 'application/soap+xml',
      body: buildRstr({
        assertionXml,
        assertionId: id,
        entityId,
        issuedAt,
        lifetimeMs: tokenLifetimeMs,
        signer: stsSigner,
      }),
    };
  }
  if (/\/organisation\/bruger\/6\/$/.test(url.pathname)) {
    return {
      status: 200,
      type: 'application/soap+xml',
      body: '<s:Envelope xmlns:s="http://www.w3.org/2003/05/soap-envelope"><s:Body><b:LaesOutput xmlns:b="http://stoettesystemerne.dk/organisation/bruger/6/" xmlns:sd="urn:oio:sagdok:3.0.0"><sd:StandardRetur><sd:StatusKode>20</sd:StatusKode></sd:StandardRetur></b:LaesOutput></s:Body></s:Envelope>',
    };
  }
  if (/\/CPR\/PersonBaseDataExtended\/4$/.test(url.pathname))
    return {
      status: 200,
      type: 'text/xml',
      body: '<PersonLookupResponse><persondata><personnummer>0103701111</personnummer></persondata></PersonLookupResponse>',
    };
  return { status: 404, type: 'text/plain', body: `no service at ${url.href}` };
}

beforeAll(async () => {
  catalog = (await loadCatalog()).catalog;
  dir = await mkdtemp(join(tmpdir(), 'klarmeld-external-stand-in-'));
  const ca = await loadOrCreateCa(dir, new Date());
  caPem = ca.certPem;
  const hosts = [...new Set(Object.values(externalUrls()).map((u) => new URL(u).hostname))];
  const tls = await issueCertificate(ca, {
    subject: 'CN=KOMBIT stand-in',
    kind: 'server',
    dnsNames: hosts,
    now: new Date(),
  });
  system = await issueCertificate(ca, { subject: 'CN=klarmeld reference system', kind: 'client', now: new Date() });
  stsSigner = await issueCertificate(ca, { subject: 'CN=stand-in STS', kind: 'signing', now: new Date() });
  server = createServer(
    { cert: tls.certPem, key: tls.keyPem, ca: caPem, requestCert: true, rejectUnauthorized: true },
    async (req, res) => {
      let body = '';
      for await (const chunk of req) body += chunk;
      const url = new URL(req.url ?? '/', `https://${req.headers.host}`);
      calls.push(`${req.method} ${url.href}`);
      const reply = answer(req.method ?? 'GET', url, body);
      res.writeHead(reply.status, { 'content-type': reply.type }).end(reply.body);
    },
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = String((server.address() as { port: number }).port);
  // Every host the suites call is the stand-in; the TLS name stays the real host's.
  const connect = buildConnector({ ca: caPem, cert: system.certPem, key: system.keyPem });
  dispatcher = new Agent({
    connect: (options, callback) =>
      connect({ ...options, hostname: '127.0.0.1', port, servername: options.hostname }, callback),
  });
});

afterAll(async () => {
  await dispatcher?.close();
  server?.closeAllConnections();
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
  await rm(dir, { recursive: true, force: true });
});

/** The service URLs the runner hands the suites for KOMBIT's external test environment. */
function externalUrls() {
  const origin = externalTestOrigin(catalog)!;
  return serviceUrls(serviceEndpoints(catalog, Object.keys(suitesByIntegration), 'external-test', origin));
}

function externalEnvironment(urls = externalUrls()): SuiteEnvironment {
  return standInEnvironment({
    target: 'external-test',
    caPem,
    callbackUrl: 'https://fagsystem.example/beskedfordeler',
    system: { certPem: system.certPem, keyPem: system.keyPem },
    platform: {
      baseUrl: externalTestOrigin(catalog)!,
      dispatcher,
      urls,
      agreements: Object.keys(suitesByIntegration).map((integration) => ({
        uuid: randomUUID(),
        integration,
        service: integration,
        municipalityCvr: '11111111',
        status: 'approved',
      })),
    },
  });
}

/** Runs a suite's platform tests and returns their results and the calls they made. */
async function platformTests(integration: string, env: SuiteEnvironment) {
  const suite = suitesByIntegration[integration]!;
  const ids = suite.groups
    .filter((g) => g.id === 'platform')
    .flatMap((g) => g.tests.map((t) => `${suite.id}.platform.${t.id}`));
  calls.length = 0;
  const results: Record<string, string> = {};
  for (const id of ids) {
    const record = await runOneTest(suite, id, env);
    results[id] = `${record.result}${record.message ? `: ${record.message}` : ''}`;
  }
  return { results, calls: [...new Set(calls)].sort() };
}

describe("the suites' platform tests against KOMBIT's external test environment (a local stand-in)", () => {
  const expected: Record<string, () => string[]> = {
    SF1514: () => [
      `GET ${catalogueUrl('SF1514', 'SecurityTokenService')}`,
      `POST ${catalogueUrl('SF1514', 'SecurityTokenService')}`,
    ],
    SF1520: () => [`POST ${catalogueUrl('SF1520', 'PersonBaseDataExtendedService')}`],
    SF1500: () => [
      `POST ${catalogueUrl('SF1500', 'Bruger')}`,
      `POST ${catalogueUrl('SF1514', 'SecurityTokenService')}`,
    ],
    SF1470: () => [`POST ${catalogueUrl('SF1514', 'SecurityTokenService')}`],
    SF1461: () => [],
  };
  for (const integration of Object.keys(suitesByIntegration)) {
    it(`${integration}: each call goes to the catalogue's external-test URL of its service, and the tests pass`, async () => {
      const { results, calls: made } = await platformTests(integration, externalEnvironment());
      expect(made).toEqual(expected[integration]!().sort());
      expect(Object.values(results).filter((r) => r !== 'pass')).toEqual([]);
    });
  }

  it('a service the run has no URL for is an environment error, not a call to some other host', async () => {
    const urls = externalUrls();
    delete urls.PersonBaseDataExtendedService;
    await expect(callPlatform(externalEnvironment(urls), 'PersonBaseDataExtendedService')).rejects.toMatchObject({
      code: 'service-url-missing',
    });
    await expect(callPlatform(externalEnvironment(urls), 'PersonBaseDataExtendedService')).rejects.toBeInstanceOf(
      EnvironmentError,
    );
    const { results, calls: made } = await platformTests('SF1520', externalEnvironment(urls));
    expect(results['sf1520.platform.lookup-as-system']).toMatch(
      /^error: The run knows no external-test URL for PersonBaseDataExtendedService/,
    );
    expect(made).toEqual([]);
  });

  it('an STS token that is not valid for eight hours is not accepted as the 8-hour holder-of-key token', async () => {
    tokenLifetimeMs = 1 * hour;
    try {
      const record = await runOneTest(
        suitesByIntegration.SF1514!,
        'sf1514.platform.token-issued-to-system',
        externalEnvironment(),
      );
      expect(record).toMatchObject({
        result: 'error',
        blame: 'environment',
        code: 'token-unlike-kombit',
        message: expect.stringMatching(/valid for 1\.00 h/),
      });
    } finally {
      tokenLifetimeMs = 8 * hour;
    }
  });
});
