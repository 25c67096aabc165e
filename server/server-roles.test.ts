import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from './index.ts';
import { api } from './testing/api-client.ts';

// Supplier A owns reference-system (catalogue CVR 99990006); supplier B owns jobcenter-y14-eksempel
// (99990002), which Aalborg (851) uses and Morsø (773) does not.
describe('klarmeld server: identities, roles and agreements', () => {
  let dir: string;
  let server: RunningServer | undefined;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'klarmeld-server-'));
  });
  afterEach(async () => {
    await server?.stop();
    server = undefined;
    await rm(dir, { recursive: true, force: true });
  });
  const adminToken = async () => (await readFile(join(dir, 'admin-token'), 'utf8')).trim();
  const issue = async (body: Record<string, unknown>) =>
    (await api(server!.url, await adminToken(), 'POST', '/api/identities', body)).json.token as string;

  it('starts with nothing configured, writes an owner-only admin token, and asks every API call for a known token', async () => {
    server = await startServer({ dataDir: dir });
    expect(server.adminToken.created).toBe(true);
    expect((await stat(server.adminToken.file)).mode & 0o777).toBe(0o600);
    const none = await api(server.url, undefined, 'GET', '/api/whoami');
    expect(none.status).toBe(401);
    expect(none.json.message).toMatch(/bearer token/i);
    expect((await api(server.url, 'kmt_wrong', 'GET', '/api/sheet')).status).toBe(401);
    const me = await api(server.url, await adminToken(), 'GET', '/api/whoami');
    expect(me.json.identity.role).toBe('kombit');
  });

  it("refuses supplier B everything of supplier A's, with a 403 that says what B may do", async () => {
    server = await startServer({ dataDir: dir });
    const a = await issue({ role: 'supplier', cvr: '99990006' });
    const b = await issue({ role: 'supplier', cvr: '99990002', name: 'Leverandør B' });
    const registered = await api(server.url, a, 'POST', '/api/systems', { system: 'reference-system' });
    expect(registered.status).toBe(201);
    expect(registered.json.tls.certPem).toContain('BEGIN CERTIFICATE');
    expect(registered.json.connection.userSystemUuid).toBe('9577de43-54b4-4a8d-9ec4-b871ca32fba8');

    for (const [method, path, body] of [
      ['POST', '/api/systems', { system: 'reference-system' }],
      ['GET', '/api/systems/reference-system', undefined],
      ['POST', '/api/runs', { system: 'reference-system' }],
    ] as const) {
      const refused = await api(server.url, b, method, path, body);
      expect(refused.status, `${method} ${path}`).toBe(403);
      expect(refused.json.message).toMatch(/Leverandør B may not .* belongs to supplier CVR 99990006/);
      expect(refused.json.message).toMatch(/may register and read its own systems .*CVR 99990002/);
    }
    expect((await api(server.url, b, 'GET', '/api/systems')).json.systems).toEqual([]);
    expect((await api(server.url, b, 'POST', '/api/identities', { role: 'supplier', cvr: '99990002' })).status).toBe(
      403,
    );
    expect((await api(server.url, b, 'GET', '/api/history')).status).toBe(403);
    expect(
      (await api(server.url, b, 'POST', '/api/trusted-keys', { name: 'mine', fingerprint: 'a'.repeat(64) })).status,
    ).toBe(403);
  });

  it("lets KOMBIT choose the platform keys its sheet trusts; the server's own is trusted from the first start", async () => {
    server = await startServer({ dataDir: dir });
    const admin = await adminToken();
    const listed = async () =>
      (await api(server!.url, admin, 'GET', '/api/trusted-keys')).json.keys.map(
        (k: { fingerprint: string }) => k.fingerprint,
      );
    expect(await listed()).toEqual([server.keyFingerprint]);
    const added = await api(server.url, admin, 'POST', '/api/trusted-keys', {
      name: 'KOMBIT external test environment',
      fingerprint: 'b'.repeat(64),
    });
    expect(added.status).toBe(201);
    expect(await listed()).toContain('b'.repeat(64));
    expect(
      (await api(server.url, admin, 'POST', '/api/trusted-keys', { name: 'x', publicKey: 'not a key' })).json.message,
    ).toMatch(/not a public key in PEM/);
  });

  it('lets a municipality approve an agreement naming it, and refuses one for a system it does not use, with the reason', async () => {
    server = await startServer({ dataDir: dir });
    const aalborg = await issue({ role: 'municipality', municipalityCode: '851' });
    const spread = async () =>
      (
        await api(server!.url, aalborg, 'GET', '/api/systems/jobcenter-y14-eksempel/report')
      ).json.report.integrations.find((i: { integration: string }) => i.integration === 'SF1520').spread;
    const before = await spread();
    const morsoe = await issue({ role: 'municipality', municipalityCode: '773' });
    const approved = await api(server.url, aalborg, 'POST', '/api/agreements', {
      system: 'jobcenter-y14-eksempel',
      integration: 'SF1520',
      decision: 'approve',
    });
    expect(approved.status).toBe(201);
    expect(approved.json.decision).toMatchObject({ decision: 'approved', municipalityCvr: '29189420' });
    // The connection report counts it at once: one more municipality connected.
    expect((await spread()).connected).toBe((before?.connected ?? 0) + 1);
    const refused = await api(server.url, morsoe, 'POST', '/api/agreements', {
      system: 'jobcenter-y14-eksempel',
      integration: 'SF1520',
      decision: 'approve',
    });
    expect(refused.status).toBe(409);
    expect(refused.json.code).toBe('agreement.municipality-not-using');
    expect(refused.json.message).toMatch(/catalogue does not list Morsø Kommune/);
    const supplier = await issue({ role: 'supplier', cvr: '99990002' });
    expect(
      (
        await api(server.url, supplier, 'POST', '/api/agreements', {
          system: 'jobcenter-y14-eksempel',
          integration: 'SF1520',
          decision: 'approve',
        })
      ).status,
    ).toBe(403);
    expect((await api(server.url, supplier, 'GET', '/api/agreements')).json.decisions).toHaveLength(1);
    const history = await api(server.url, await adminToken(), 'GET', '/api/history');
    expect(history.json.history.map((h: { action: string }) => h.action)).toContain('agreement.approve');
  });

  it('keeps tokens, registrations and its signing key across a restart, and writes no second admin token', async () => {
    server = await startServer({ dataDir: dir });
    const a = await issue({ role: 'supplier', cvr: '99990006' });
    await api(server.url, a, 'POST', '/api/systems', { system: 'reference-system' });
    const { keyFingerprint } = server;
    const first = await adminToken();
    await server.stop();
    server = await startServer({ dataDir: dir });
    expect(server.adminToken.created).toBe(false);
    expect(await adminToken()).toBe(first);
    expect(server.keyFingerprint).toBe(keyFingerprint);
    const mine = await api(server.url, a, 'GET', '/api/systems');
    expect(mine.json.systems.map((s: { systemId: string }) => s.systemId)).toEqual(['reference-system']);
    expect((await api(server.url, a, 'GET', '/api/systems/reference-system')).json.tls.keyPem).toContain('PRIVATE KEY');
  });
});
