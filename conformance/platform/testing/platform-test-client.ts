import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Agent, request } from 'undici';
import type { Catalog } from '../../../catalog/index.ts';
import { loadCatalog } from '../../../catalog/index.ts';
import { buildIssueRequest, buildOioidwsRequest, parseIssueResponse, type IssuedToken } from '../../clients/index.ts';
import { startPlatform, type RunningPlatform } from '../server/start-platform.ts';
import type { PlatformModule, SoapVersion } from '../service-handler.ts';
import { stsPath } from '../sts/index.ts';
import { servedService } from '../oioidws/served-service.ts';

/**
 * For tests: a running platform with the modules made from the loaded catalogue, one registered
 * it-system with approved Korsbæk agreements for the given integrations, the catalogue's
 * entityIDs of Organisation and SagDokumentIndeks, and helpers to get a token and make an
 * OIOIDWS call as that system (SOAP 1.2 unless told otherwise), with its client certificate on the TLS
 * connection or without one. `offset` moves the platform's clock.
 */
export async function startOioidwsWorld(
  modules: (catalog: Catalog) => PlatformModule[] | Promise<PlatformModule[]>,
  integrations: string[],
) {
  const { catalog } = await loadCatalog();
  const entityIds = {
    organisation: servedService(catalog, 'SF1500', 'Bruger', []).entityId,
    sagDokumentIndeks: servedService(catalog, 'SF1470', 'SagDokumentIndeks', []).entityId,
  };
  const dataDir = mkdtempSync(join(tmpdir(), 'klarmeld-oioidws-'));
  const clock = { offsetMs: 0 };
  const platform: RunningPlatform = await startPlatform({
    dataDir,
    port: 0,
    catalog,
    clock: () => new Date(Date.now() + clock.offsetMs),
    modules: await modules(catalog),
  });
  const system = await platform.admin.addSystem({ name: 'Fagsystem' });
  for (const integration of integrations)
    platform.admin.addAgreement({ system: system.systemUuid, service: integration, municipalityCvr: '11111111' });
  const tls = {
    cert: readFileSync(system.cert, 'utf8'),
    key: readFileSync(system.key, 'utf8'),
    ca: readFileSync(system.ca, 'utf8'),
  };
  const agent = new Agent({ connect: { ...tls } });
  // No client certificate on the TLS connection, as public OIOIDWS client libraries call: the message signature proves the caller.
  const anonymousAgent = new Agent({ connect: { ca: tls.ca } });
  const now = () => new Date(Date.now() + clock.offsetMs);
  /** `keyPem`/`certPem`: sign with another system's key; `withoutCertificate`: no client certificate on the TLS connection. */
  type Via = { withoutCertificate?: boolean; keyPem?: string; certPem?: string };

  async function post(
    path: string,
    body: string,
    contentType: string,
    headers: Record<string, string> = {},
    via: Via = {},
  ) {
    const dispatcher = via.withoutCertificate ? anonymousAgent : agent;
    const res = await request(`${platform.url}${path}`, {
      method: 'POST',
      body,
      headers: { ...headers, 'content-type': contentType },
      dispatcher,
    });
    return {
      status: res.statusCode,
      contentType: String(res.headers['content-type'] ?? ''),
      body: await res.body.text(),
    };
  }
  async function token(entityId: string, via: Via = {}): Promise<IssuedToken> {
    const rst = buildIssueRequest({
      certPem: via.certPem ?? tls.cert,
      keyPem: via.keyPem ?? tls.key,
      entityId,
      cvr: '11111111',
      to: `${platform.url}${stsPath}`,
      now: now(),
    });
    const parsed = parseIssueResponse((await post(stsPath, rst, 'application/soap+xml; charset=utf-8', {}, via)).body);
    if (!parsed.ok) throw new Error(`STS refused: ${parsed.fault.reason}`);
    return parsed.token;
  }
  async function call(
    path: string,
    action: string,
    bodyXml: string,
    issued: IssuedToken,
    soapVersion: SoapVersion = '1.2',
    via: Via = {},
  ) {
    const xml = buildOioidwsRequest(bodyXml, {
      assertionXml: issued.assertionXml,
      keyPem: via.keyPem ?? tls.key,
      action,
      to: `${platform.url}${path}`,
      now: now(),
      soapVersion,
    });
    // SOAP 1.1 over HTTP: text/xml and the action in the SOAPAction header.
    if (soapVersion === '1.1') return post(path, xml, 'text/xml; charset=utf-8', { soapaction: `"${action}"` }, via);
    return post(path, xml, `application/soap+xml; charset=utf-8; action="${action}"`, {}, via);
  }
  async function stop() {
    await agent.close();
    await anonymousAgent.close();
    await platform.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
  return { platform, catalog, entityIds, system, tls, agent, anonymousAgent, clock, post, token, call, stop };
}
