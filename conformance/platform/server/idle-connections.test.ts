import { readFileSync } from 'node:fs';
import { connect as tcp, type Socket } from 'node:net';
import { connect as tls } from 'node:tls';
import { Agent } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { personLookupAction } from '../../clients/index.ts';
import type { AddedSystem } from '../admin/platform-admin.ts';
import { agentFor, approvedPersonLookup, postSoap, startTestPlatform } from '../testing/test-platform.ts';
import { stsPath } from '../sts/index.ts';
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
    platform = await startTestPlatform({
      limits: { maxConnections: 50, maxPendingHandshakes: 50, handshakeTimeoutMs },
    });
    system = await platform.admin.addSystem({ name: 'Good system' });
    lookup = approvedPersonLookup(platform, system);
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

/** A TLS connection that finishes its handshake without a client certificate, then sends nothing. */
function anonymousSocket(platform: RunningPlatform, ca: Buffer): Promise<{ socket: Socket; closed: Promise<void> }> {
  return new Promise((resolve, reject) => {
    const socket = tls({ host: platform.host, port: platform.port, ca });
    const closed = new Promise<void>((r) => socket.once('close', () => r()));
    socket.on('error', () => undefined);
    // Read what the server sends (its 408 when the headers time is up), so the close is seen.
    socket.resume();
    socket.once('secureConnect', () => resolve({ socket, closed }));
    socket.once('close', () => reject(new Error('closed before its handshake finished')));
  });
}

describe('connections that finish the TLS handshake without a certificate and send nothing', () => {
  let platform: RunningPlatform;
  let system: AddedSystem;
  let lookup: string;

  beforeAll(async () => {
    // Holder-of-key callers may connect without a certificate, so anyone can finish a handshake:
    // 20 such connections at most, apart from the 50 of registered systems.
    platform = await startTestPlatform({
      limits: { maxConnections: 50, maxAnonymousConnections: 20, headersTimeoutMs: 4000 },
    });
    system = await platform.admin.addSystem({ name: 'Good system' });
    lookup = approvedPersonLookup(platform, system);
  });
  afterAll(async () => platform?.stop());

  it('have their own budget: past it the oldest is closed, a registered system and a new holder-of-key caller are still answered, and idle ones are closed by the headers timeout', async () => {
    const ca = readFileSync(system.ca);
    const idle: { socket: Socket; closed: Promise<void> }[] = [];
    for (let i = 0; i < 60; i += 1) idle.push(await anonymousSocket(platform, ca));
    const stillOpen = () => idle.filter((s) => !s.socket.closed).length;

    const agent = agentFor(system, { connections: 1 });
    const res = await postSoap(agent, `${platform.url}/service/CPR/PersonBaseDataExtended/4`, lookup, soap11);
    expect(res.status).toBe(200);
    expect(res.body).toContain('<fornavn>Anne</fornavn>');
    // The newest anonymous connection, a caller's, is answered (with the STS's fault for an unsigned request).
    const anonymous = new Agent({ connect: { ca }, connections: 1 });
    const sts = await postSoap(
      anonymous,
      `${platform.url}${stsPath}`,
      '<s:Envelope xmlns:s="http://www.w3.org/2003/05/soap-envelope"><s:Body><x/></s:Body></s:Envelope>',
      { 'content-type': 'application/soap+xml; charset=utf-8' },
    );
    expect(sts.status).toBe(500);
    expect(sts.body).toContain('RequestSecurityToken');
    // Only 20 anonymous connections may be open, the caller's among them: the oldest idle ones were closed to make room.
    expect(stillOpen()).toBeLessThanOrEqual(19);

    // The rest are closed by the server once the headers time is up (the test times out otherwise).
    await Promise.all(idle.map((s) => s.closed));
    await agent.close();
    await anonymous.close();
  });
});
