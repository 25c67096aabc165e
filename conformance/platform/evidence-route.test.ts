import { describe, expect, it } from 'vitest';
import { exchangeDigest, generateEvidenceKeys, signDigest, verifyAttestation } from '../evidence/index.ts';
import { evidenceRoute } from './evidence-route.ts';
import type { PlatformServices, RouteRequest } from './service-handler.ts';

const keys = generateEvidenceKeys();
const recorded = exchangeDigest({ id: 'ex-1', systemUuid: 'sys-a' });
const catalog = {
  systems: [
    { id: 'system-a', name: 'System A', userSystemUuid: 'sys-a' },
    { id: 'system-b', name: 'System B', userSystemUuid: 'sys-b' },
  ],
};
const platform = {
  catalog,
  clock: () => new Date('2026-11-22T09:00:00.000Z'),
  signer: { publicKeyPem: keys.publicKeyPem, sign: (data: string) => signDigest(data, keys.privateKeyPem) },
  recorder: {
    exchanges: () => [],
    unknownDigests: (systemUuid: string, digests: readonly string[]) =>
      digests.filter((d) => !(systemUuid === 'sys-a' && d === recorded)),
  },
} as unknown as PlatformServices;
const call = (systemUuid: string, body: unknown) =>
  evidenceRoute.handle(
    {
      method: 'POST',
      path: evidenceRoute.path,
      query: new URLSearchParams(),
      headers: {},
      body: typeof body === 'string' ? body : JSON.stringify(body),
      caller: { systemUuid, systemName: `System ${systemUuid}` },
      receivedAt: new Date(),
    } as unknown as RouteRequest,
    platform,
  );
const resultsDigest = 'b'.repeat(64);

describe('POST /klarmeld/evidence/sign', () => {
  it('signs a run whose exchanges were recorded for the calling it-system', async () => {
    const reply = await call('sys-a', {
      runId: 'run-1',
      system: 'system-a',
      resultsDigest,
      exchanges: [recorded, recorded],
    });
    expect(reply.status).toBe(200);
    const attestation = JSON.parse(reply.body);
    expect(attestation.statement).toEqual({
      kind: 'klarmeld.run-attestation/2',
      runId: 'run-1',
      resultsDigest,
      system: { uuid: 'sys-a', name: 'System sys-a', id: 'system-a' },
      exchanges: [recorded],
      signedAt: '2026-11-22T09:00:00.000Z',
    });
    expect(verifyAttestation(attestation, keys.publicKeyPem)).toBe(true);
  });

  it('countersigns whatever results digest the caller sends: it proves the exchanges, not the results', async () => {
    const one = JSON.parse(
      (await call('sys-a', { runId: 'run-1', system: 'system-a', resultsDigest, exchanges: [recorded] })).body,
    );
    const other = JSON.parse(
      (
        await call('sys-a', {
          runId: 'run-1',
          system: 'system-a',
          resultsDigest: 'c'.repeat(64),
          exchanges: [recorded],
        })
      ).body,
    );
    expect([verifyAttestation(one, keys.publicKeyPem), verifyAttestation(other, keys.publicKeyPem)]).toEqual([
      true,
      true,
    ]);
    expect(other.statement.resultsDigest).not.toBe(one.statement.resultsDigest);
  });

  it("refuses to attest another system's exchanges, naming them", async () => {
    const reply = await call('sys-b', { runId: 'run-1', system: 'system-b', resultsDigest, exchanges: [recorded] });
    expect(reply.status).toBe(409);
    expect(JSON.parse(reply.body)).toMatchObject({ code: 'evidence.unknown-exchange', exchanges: [recorded] });
  });

  it("refuses to attest a run for another system than the calling certificate's, in either direction", async () => {
    const forB = await call('sys-a', { runId: 'run-1', system: 'system-b', resultsDigest, exchanges: [recorded] });
    expect(forB.status).toBe(403);
    expect(JSON.parse(forB.body)).toMatchObject({
      code: 'evidence.other-system',
      message: expect.stringContaining('but the calling certificate is it-system sys-a'),
    });
    const unlisted = await call('sys-a', {
      runId: 'run-1',
      system: 'not-listed',
      resultsDigest,
      exchanges: [recorded],
    });
    expect(unlisted.status).toBe(403);
    expect(JSON.parse(unlisted.body).message).toContain(
      'which the catalogue lists as System A (system-a), not not-listed',
    );
  });

  it('attests a run of a system no catalogue lists under its claimed id (the sheet records only catalogue systems)', async () => {
    const reply = await call('sys-c', { runId: 'run-1', system: 'new-system', resultsDigest, exchanges: [] });
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.body).statement.system).toEqual({ uuid: 'sys-c', name: 'System sys-c', id: 'new-system' });
  });

  it('answers a malformed body with 400 and what to send', async () => {
    for (const body of [
      'not json',
      { runId: 'r', system: 'system-a', resultsDigest: 'xyz', exchanges: [] },
      { runId: 'r', system: 'system-a', resultsDigest, exchanges: ['ABC'] },
      { runId: 'r', resultsDigest, exchanges: [] },
    ]) {
      const reply = await call('sys-a', body);
      expect(reply.status).toBe(400);
      expect(JSON.parse(reply.body).code).toBe('evidence.bad-request');
    }
  });
});
