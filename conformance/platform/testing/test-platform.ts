import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Agent, request } from 'undici';
import { loadCatalog } from '../../../catalog/load-catalog.ts';
import type { AddedSystem } from '../admin/platform-admin.ts';
import { startPlatform, type RunningPlatform, type StartPlatformOptions } from '../server/start-platform.ts';

/** A platform on a free port in a fresh temp dir, for tests. */
export async function startTestPlatform(options: Partial<StartPlatformOptions> = {}): Promise<RunningPlatform> {
  const { catalog } = await loadCatalog();
  return startPlatform({ dataDir: mkdtempSync(join(tmpdir(), 'klarmeld-platform-')), port: 0, catalog, ...options });
}

/** An undici agent presenting the system's certificate (mutual TLS) and trusting the platform CA. */
export function agentFor(system: Pick<AddedSystem, 'cert' | 'key' | 'ca'>, options: { connections?: number } = {}): Agent {
  return new Agent({
    connect: { ca: readFileSync(system.ca), cert: readFileSync(system.cert), key: readFileSync(system.key) },
    connections: options.connections ?? 4,
  });
}

export async function postSoap(agent: Agent, url: string, body: string, headers: Record<string, string>) {
  const res = await request(url, { method: 'POST', body, headers, dispatcher: agent });
  return { status: res.statusCode, headers: res.headers, body: await res.body.text() };
}
