import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Agent, request } from 'undici';
import type { Catalog } from '../../../catalog/catalog.ts';
import { loadCatalog } from '../../../catalog/load-catalog.ts';
import { buildIssueRequest, buildOioidwsRequest, parseIssueResponse, type IssuedToken } from '../../clients/tokens/index.ts';
import { startPlatform, type RunningPlatform } from '../server/start-platform.ts';
import type { PlatformModule, SoapVersion } from '../service-handler.ts';
import { stsPath } from '../sts/index.ts';
import { servedService } from './served-service.ts';

/**
 * For tests: a running platform with the modules made from the loaded catalogue, one registered
 * it-system with approved Korsbæk agreements for the given integrations, the catalogue's
 * entityIDs of Organisation and SagDokumentIndeks, and helpers to get a token and make an
 * OIOIDWS call as that system (SOAP 1.2 unless told otherwise). `offset` moves the platform's clock.
 */
export async function startOioidwsWorld(modules: (catalog: Catalog) => PlatformModule[], integrations: string[]) {
  const { catalog } = await loadCatalog();
  const entityIds = {
    organisation: servedService(catalog, 'SF1500', 'Bruger', []).entityId,
    sagDokumentIndeks: servedService(catalog, 'SF1470', 'SagDokumentIndeks', []).entityId,
  };
  const dataDir = mkdtempSync(join(tmpdir(), 'klarmeld-oioidws-'));
  const clock = { offsetMs: 0 };
  const platform: RunningPlatform = await startPlatform({ dataDir, port: 0, catalog, clock: () => new Date(Date.now() + clock.offsetMs), modules: modules(catalog) });
  const system = await platform.admin.addSystem({ name: 'Fagsystem' });
  for (const integration of integrations) platform.admin.addAgreement({ system: system.systemUuid, service: integration, municipalityCvr: '11111111' });
  const tls = { cert: readFileSync(system.cert, 'utf8'), key: readFileSync(system.key, 'utf8'), ca: readFileSync(system.ca, 'utf8') };
  const agent = new Agent({ connect: { ...tls } });
  const now = () => new Date(Date.now() + clock.offsetMs);

  async function post(path: string, body: string, contentType: string, headers: Record<string, string> = {}) {
    const res = await request(`${platform.url}${path}`, { method: 'POST', body, headers: { ...headers, 'content-type': contentType }, dispatcher: agent });
    return { status: res.statusCode, contentType: String(res.headers['content-type'] ?? ''), body: await res.body.text() };
  }
  async function token(entityId: string): Promise<IssuedToken> {
    const rst = buildIssueRequest({ certPem: tls.cert, keyPem: tls.key, entityId, cvr: '11111111', to: `${platform.url}${stsPath}`, now: now() });
    const parsed = parseIssueResponse((await post(stsPath, rst, 'application/soap+xml; charset=utf-8')).body);
    if (!parsed.ok) throw new Error(`STS refused: ${parsed.fault.reason}`);
    return parsed.token;
  }
  async function call(path: string, action: string, bodyXml: string, issued: IssuedToken, soapVersion: SoapVersion = '1.2') {
    const xml = buildOioidwsRequest(bodyXml, { assertionXml: issued.assertionXml, keyPem: tls.key, action, to: `${platform.url}${path}`, now: now(), soapVersion });
    // SOAP 1.1 over HTTP: text/xml and the action in the SOAPAction header.
    if (soapVersion === '1.1') return post(path, xml, 'text/xml; charset=utf-8', { soapaction: `"${action}"` });
    return post(path, xml, `application/soap+xml; charset=utf-8; action="${action}"`);
  }
  async function stop() {
    await agent.close();
    await platform.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
  return { platform, catalog, entityIds, system, tls, clock, post, token, call, stop };
}
