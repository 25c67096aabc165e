import { connect as tcp, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { personLookupAction, personLookupEnvelope } from '../../clients/cpr/person-lookup-envelope.ts';
import type { AddedSystem } from '../admin/platform-admin.ts';
import { agentFor, postSoap, startTestPlatform } from '../testing/test-platform.ts';
import type { RunningPlatform } from './start-platform.ts';

const soap11 = { 'content-type': 'text/xml; charset=utf-8', soapaction: `"${personLookupAction}"` };
const handshakeTimeoutMs = 1500;

/** A TCP connection that never starts a TLS handshake; `closed` settles when the platform closes it. */
function idleSocket(platform: RunningPlatform): Promise<{ socket: Socket; closed: Promise<void> }> {
  return new Promise((resolve, reject) => {
    const socket = tcp({ host: platform.host, port: platform.port });
    const closed = new Promise<void>((r) => socket.once('close', () => r()));
    socket.on('error', () => undefined);
    socket.once('connect', () => resolve({ socket, closed }));
    socket.once('close', () => reject(new Error('closed before it connected')));
  });
}

describe('connections that never finish a TLS handshake', () => {
  let platform: RunningPlatform;
  let system: AddedSystem;
  let lookup: string;

  beforeAll(async () => {
    // Small budgets: 50 connections of registered systems, 50 pending handshakes.
    platform = await startTestPlatform({ limits: { maxConnections: 50, maxPendingHandshakes: 50, handshakeTimeoutMs } });
    system = await platform.admin.addSystem({ name: 'Good system' });
    const agreement = platform.admin.addAgreement({ system: system.systemUuid, service: 'SF1520', municipalityCvr: '11111111' });
    lookup = personLookupEnvelope({ pnr: '0103701111', invocation: {
      serviceAgreementUuid: agreement.agreementUuid, userSystemUuid: system.systemUuid,
      userUuid: '11111111-2222-4333-8444-555555555555', serviceUuid: agreement.serviceUuid!,
    } });
  });
  afterAll(async () => platform?.stop());

  it('do not lock a registered system out, and are closed once the handshake time is up', async () => {
    const idle: { socket: Socket; closed: Promise<void> }[] = [];
    for (let i = 0; i < 60; i += 1) idle.push(await idleSocket(platform));
    const stillOpen = () => idle.filter((s) => !s.socket.closed).length;

    // A fresh connection of a registered system: before, the 60 idle sockets filled all 50 slots and
    // it was refused until Node's 120 s handshake timeout freed them.
    const agent = agentFor(system, { connections: 1 });
    const res = await postSoap(agent, `${platform.url}/service/CPR/PersonBaseDataExtended/4`, lookup, soap11);
    expect(res.status).toBe(200);
    expect(res.body).toContain('<fornavn>Anne</fornavn>');
    // Only 50 may wait in their handshake: the oldest were closed to make room.
    expect(stillOpen()).toBeLessThanOrEqual(50);

    // The rest are closed by the platform once their handshake time is up (the test times out otherwise).
    await Promise.all(idle.map((s) => s.closed));
    await agent.close();
  });

  it('closes a connection that drips handshake bytes slowly once its handshake time is up', async () => {
    const { socket, closed } = await idleSocket(platform);
    // The first bytes of a TLS record, one every 200 ms: traffic that an idle timer would count as activity.
    const bytes = [0x16, 0x03, 0x01, 0x02, 0x00, 0x01, 0x00, 0x01, 0xfc, 0x03, 0x03, ...Array<number>(40).fill(0)];
    let i = 0;
    const drip = setInterval(() => !socket.closed && i < bytes.length && socket.write(Buffer.from([bytes[i++]!])), 200);
    const started = Date.now();
    await closed;
    clearInterval(drip);
    // Closed by the platform while it was still dripping (40+ bytes would take over 10 s).
    expect(i).toBeLessThan(bytes.length);
    expect(Date.now() - started).toBeGreaterThanOrEqual(handshakeTimeoutMs - 100);
  });
});
