import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Agent, request } from 'undici';
import { loadCatalog } from '../../../catalog/index.ts';
import { personLookupEnvelope } from '../../clients/index.ts';
import type { AddedSystem } from '../admin/platform-admin.ts';
import { startPlatform, type RunningPlatform, type StartPlatformOptions } from '../server/start-platform.ts';

/** A platform on a free port in a fresh temp dir, for tests. */
export async function startTestPlatform(options: Partial<StartPlatformOptions> = {}): Promise<RunningPlatform> {
  const { catalog } = await loadCatalog();
  return startPlatform({ dataDir: mkdtempSync(join(tmpdir(), 'klarmeld-platform-')), port: 0, catalog, ...options });
}

/** An undici agent presenting the system's certificate (mutual TLS) and trusting the platform CA. */
export function agentFor(
  system: Pick<AddedSystem, 'cert' | 'key' | 'ca'>,
  options: { connections?: number } = {},
): Agent {
  return new Agent({
    connect: { ca: readFileSync(system.ca), cert: readFileSync(system.cert), key: readFileSync(system.key) },
    connections: options.connections ?? 4,
  });
}

export async function postSoap(agent: Agent, url: string, body: string, headers: Record<string, string>) {
  const res = await request(url, { method: 'POST', body, headers, dispatcher: agent });
  return { status: res.statusCode, headers: res.headers, body: await res.body.text() };
}

/**
 * An approved SF1520 agreement with Korsbæk for the system, and a PersonLookup envelope of a
 * Korsbæk person that uses it: the good request the platform's tests send beside an attack.
 */
export function approvedPersonLookup(platform: RunningPlatform, system: Pick<AddedSystem, 'systemUuid'>): string {
  const agreement = platform.admin.addAgreement({
    system: system.systemUuid,
    service: 'SF1520',
    municipalityCvr: '11111111',
  });
  return personLookupEnvelope({
    pnr: '0103701111',
    invocation: {
      serviceAgreementUuid: agreement.agreementUuid,
      userSystemUuid: system.systemUuid,
      userUuid: '11111111-2222-4333-8444-555555555555',
      serviceUuid: agreement.serviceUuid!,
    },
  });
}
