/**
 * A supplier's system on the server's platform: registered once under its catalogue UUID (which
 * issues its test certificate) with an agreement with Korsbæk for each integration it must be
 * tested on (approved at once, a prøvetilslutning). A restarted server finds both again.
 * The municipalities' decisions on the server come on top (agreement-on-platform.ts): one that
 * rejected has no agreement, Korsbæk included, until it approves again.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Catalog } from '../../catalog/index.ts';
import type { SkiSystem } from '../../catalog/index.ts';
import type { RunningPlatform } from '../../conformance/platform/index.ts';
import type { PlatformSession } from '../../conformance/runner/index.ts';
import { serviceEndpoints, serviceUrls } from '../../conformance/runner/index.ts';
import type { AgreementDecision } from '../store/server-store.ts';
import { applyDecisions, latestDecisions } from './agreement-on-platform.ts';

/** The municipality the server's agreements are with: Korsbæk Kommune, the test municipality. */
export const testMunicipalityCvr = '11111111';

export interface OnPlatformOptions {
  /** The municipalities' decisions on the system's agreements, oldest first (the latest counts). */
  decisions?: readonly AgreementDecision[];
  /** The municipality the run acts for; default Korsbæk. */
  municipalityCvr?: string;
}

/** Registers the system and its agreements when missing; returns the session a run of it uses. */
export async function systemOnPlatform(
  platform: RunningPlatform,
  catalog: Catalog,
  system: SkiSystem,
  integrations: string[],
  callbackUrl?: string,
  options: OnPlatformOptions = {},
): Promise<PlatformSession> {
  const uuid = system.userSystemUuid;
  if (!platform.registry.findSystem(uuid)) {
    await platform.admin.addSystem({ name: system.name, supplierCvr: system.supplier, uuid });
  }
  // The Beskedfordeler pushes to the callback of this run's system, not to one of an earlier run.
  if (callbackUrl) platform.registry.replaceCallbackEndpoint({ systemUuid: uuid, url: callbackUrl });
  const existing = platform.admin.agreements(uuid);
  const decisions = options.decisions ?? [];
  const rejectedByKorsbaek = new Set(
    latestDecisions(decisions)
      .filter((d) => d.municipalityCvr === testMunicipalityCvr && d.decision === 'rejected')
      .map((d) => d.integration),
  );
  for (const integration of integrations) {
    if (rejectedByKorsbaek.has(integration)) continue;
    if (!existing.some((a) => a.integration === integration && a.municipalityCvr === testMunicipalityCvr)) {
      platform.admin.addAgreement({ system: uuid, service: integration, municipalityCvr: testMunicipalityCvr });
    }
  }
  applyDecisions(platform, system, decisions);
  const municipalityCvr = options.municipalityCvr ?? testMunicipalityCvr;
  const agreements = platform.admin
    .agreements(uuid)
    .filter((a) => a.municipalityCvr === municipalityCvr && integrations.includes(a.integration))
    .map((a) => ({
      uuid: a.agreementUuid,
      integration: a.integration,
      service: a.service,
      serviceUuid: a.serviceUuid,
      entityId: a.entityId,
      municipalityCvr: a.municipalityCvr,
      status: a.status,
    }));
  // Where PlatformPkiStore.issueSystemCertificate keeps the system's pair.
  const files = {
    ca: platform.caPath,
    cert: join(platform.dataDir, 'systems', uuid, 'system.crt'),
    key: join(platform.dataDir, 'systems', uuid, 'system.key'),
  };
  const [caPem, certPem, keyPem] = await Promise.all([
    readFile(files.ca, 'utf8'),
    readFile(files.cert, 'utf8'),
    readFile(files.key, 'utf8'),
  ]);
  const endpoints = serviceEndpoints(catalog, integrations, 'embedded', platform.url);
  return {
    target: 'embedded',
    baseUrl: platform.url,
    caPem,
    certPem,
    keyPem,
    files,
    userSystemUuid: uuid,
    municipalityCvr,
    agreements,
    endpoints,
    urls: serviceUrls(endpoints),
    recorder: true,
    push: (request) => platform.admin.pushMessage({ system: uuid, ...request }),
    // The platform is the server's: a run never stops it.
    async stop() {},
  };
}
