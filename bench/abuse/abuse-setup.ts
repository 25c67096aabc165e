/**
 * What the abuse benches share: a real platform at its real default limits with one it-system
 * that has an approved SF1520 agreement, a PersonLookup over a fresh mutual-TLS connection (so
 * its time includes the TLS handshake a new client pays), and the machine's description.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Agent, request } from 'undici';
import { loadCatalog } from '../../catalog/load-catalog.ts';
import { personLookupAction, personLookupEnvelope } from '../../conformance/clients/cpr/person-lookup-envelope.ts';
import type { AddedSystem } from '../../conformance/platform/admin/platform-admin.ts';
import {
  startPlatform,
  type RunningPlatform,
  type StartPlatformOptions,
} from '../../conformance/platform/server/start-platform.ts';

export const personLookupPath = '/service/CPR/PersonBaseDataExtended/4';

export interface BenchSystem {
  system: AddedSystem;
  agent: (options?: { connections?: number; timeoutMs?: number }) => Agent;
  /** PersonLookup of a Korsbæk test person: status and ms, or the error after `timeoutMs`. */
  personLookup: (options?: {
    timeoutMs?: number;
    agent?: Agent;
  }) => Promise<{ ms: number; status?: number; error?: string }>;
}

export async function startBenchPlatform(options: Partial<StartPlatformOptions> = {}): Promise<{
  platform: RunningPlatform;
  addSystem: (name: string) => Promise<BenchSystem>;
  cleanUp: () => Promise<void>;
}> {
  const { catalog } = await loadCatalog();
  const dataDir = mkdtempSync(join(tmpdir(), 'klarmeld-abuse-'));
  const platform = await startPlatform({ dataDir, port: 0, catalog, ...options });
  const addSystem = async (name: string): Promise<BenchSystem> => {
    const system = await platform.admin.addSystem({ name });
    const agreement = platform.admin.addAgreement({ system: name, service: 'SF1520', municipalityCvr: '11111111' });
    const body = personLookupEnvelope({
      pnr: '0103701111',
      invocation: {
        serviceAgreementUuid: agreement.agreementUuid,
        userSystemUuid: system.systemUuid,
        userUuid: '0b7e4b2c-1d5a-4f8e-9c3d-2a6b8e0f1c4d',
        serviceUuid: agreement.serviceUuid!,
      },
    });
    const tls = { ca: readFileSync(system.ca), cert: readFileSync(system.cert), key: readFileSync(system.key) };
    const agent = (o: { connections?: number; timeoutMs?: number } = {}) =>
      new Agent({
        connect: { ...tls, timeout: o.timeoutMs ?? 10_000 },
        connections: o.connections ?? 1,
        headersTimeout: o.timeoutMs ?? 10_000,
        bodyTimeout: o.timeoutMs ?? 10_000,
      });
    const personLookup = async (o: { timeoutMs?: number; agent?: Agent } = {}) => {
      const dispatcher = o.agent ?? agent({ timeoutMs: o.timeoutMs });
      const started = performance.now();
      try {
        const res = await request(`${platform.url}${personLookupPath}`, {
          method: 'POST',
          body,
          dispatcher,
          headers: { 'content-type': 'text/xml; charset=utf-8', soapaction: `"${personLookupAction}"` },
        });
        const text = await res.body.text();
        return {
          ms: round(performance.now() - started),
          status: res.statusCode,
          ...(text.includes('<fornavn>Anne</fornavn>') ? {} : { error: 'no person in the answer' }),
        };
      } catch (error) {
        return { ms: round(performance.now() - started), error: (error as Error).message };
      } finally {
        if (!o.agent) await dispatcher.destroy();
      }
    };
    return { system, agent, personLookup };
  };
  return {
    platform,
    addSystem,
    cleanUp: async () => {
      await platform.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export const round = (n: number) => Math.round(n * 10) / 10;
export const mib = (bytes: number) => Math.round(bytes / 2 ** 20);

/** nproc, CPU, load average, memory and the open-file limit of this process. */
export function machine() {
  const limits =
    readFileSync('/proc/self/limits', 'utf8')
      .split('\n')
      .find((l) => l.startsWith('Max open files')) ?? '';
  return {
    date: new Date().toISOString(),
    node: process.version,
    nproc: cpus().length,
    cpu: cpus()[0]?.model,
    memTotalGiB: Math.round(totalmem() / 2 ** 30),
    load: readFileSync('/proc/loadavg', 'utf8').trim(),
    openFilesSoftLimit: Number(limits.split(/\s+/)[3]) || undefined,
    git: (() => {
      try {
        return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
      } catch {
        return undefined;
      }
    })(),
  };
}
