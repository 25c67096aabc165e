import { readFileSync } from 'node:fs';
import { connect, type TLSSocket } from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { personLookupAction } from '../../clients/index.ts';
import type { AddedSystem } from '../admin/platform-admin.ts';
import { agentFor, approvedPersonLookup, postSoap, startTestPlatform } from '../testing/test-platform.ts';
import type { RunningPlatform } from './start-platform.ts';

/** A TLS connection with the system's certificate that sends nothing after the handshake. */
function idleTls(platform: RunningPlatform, system: AddedSystem): Promise<TLSSocket> {
  return new Promise((resolve, reject) => {
    const socket = connect({
      host: platform.host,
      port: platform.port,
      servername: 'localhost',
      ca: readFileSync(system.ca),
      cert: readFileSync(system.cert),
      key: readFileSync(system.key),
    });
    socket.on('error', () => undefined);
    socket.once('secureConnect', () => resolve(socket));
    socket.once('close', () => reject(new Error('closed before the handshake ended')));
  });
}

describe('one registered system holding many connections', () => {
  let platform: RunningPlatform;
  let greedy: AddedSystem;
  let other: AddedSystem;
  let lookup: string;

  beforeAll(async () => {
    // 50 connections of registered systems in all, at most 10 per certificate.
    platform = await startTestPlatform({ limits: { maxConnections: 50, maxConnectionsPerCertificate: 10 } });
    greedy = await platform.admin.addSystem({ name: 'Greedy system' });
    other = await platform.admin.addSystem({ name: 'Other system' });
    lookup = approvedPersonLookup(platform, other);
  });
  afterAll(async () => platform?.stop());

  it("cannot take the other systems' slots: past its share its own oldest connections are closed", async () => {
    const sockets: TLSSocket[] = [];
    for (let i = 0; i < 60; i += 1) sockets.push(await idleTls(platform, greedy));
    await new Promise((r) => setTimeout(r, 200));
    expect(sockets.filter((s) => !s.destroyed && !s.closed).length).toBeLessThanOrEqual(10);
    // Before, the 60 filled all 50 slots and the other system's connection was closed unanswered.
    const agent = agentFor(other, { connections: 1 });
    const res = await postSoap(agent, `${platform.url}/service/CPR/PersonBaseDataExtended/4`, lookup, {
      'content-type': 'text/xml; charset=utf-8',
      soapaction: `"${personLookupAction}"`,
    });
    expect(res.status).toBe(200);
    await agent.close();
    for (const s of sockets) s.destroy();
  });
});
