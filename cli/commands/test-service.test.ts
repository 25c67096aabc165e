import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDirs } from '../../catalog/test-fixtures/temp-dirs.ts';
import { writeStandInSystem } from '../../conformance/runner/testing/stand-in-system.ts';
import { startServer, type RunningServer } from '../../server/index.ts';
import { klarmeld } from '../testing/klarmeld.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const profile = join(root, 'examples/reference-system/klarmeld.yaml');
const temp = tempDirs();

async function api(server: RunningServer, token: string, method: 'GET' | 'POST', path: string, body?: unknown) {
  const response = await fetch(new URL(path, server.url), {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  return { status: response.status, json: (await response.json()) as any };
}

// Supplier A makes the reference system (catalogue CVR 99990006); supplier B another (99990002).
describe('klarmeld test --service: the run is judged by klarmeld server', () => {
  let dir: string;
  let server: RunningServer;
  let admin: string;
  let a: string;
  let b: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'klarmeld-service-test-'));
    server = await startServer({ dataDir: join(dir, 'server') });
    admin = (await readFile(server.adminToken.file, 'utf8')).trim();
    a = (
      await api(server, admin, 'POST', '/api/identities', { role: 'supplier', cvr: '99990006', name: 'Leverandør A' })
    ).json.token;
    b = (
      await api(server, admin, 'POST', '/api/identities', { role: 'supplier', cvr: '99990002', name: 'Leverandør B' })
    ).json.token;
  });
  afterAll(async () => {
    await server?.stop();
    await rm(dir, { recursive: true, force: true });
  });

  it("judges A's reference system on the server, signs it, and records it in the server's sheet as a run on a platform KOMBIT trusts", async () => {
    const { exit, stdout, stderr } = await klarmeld(
      'test',
      '--service',
      server.url,
      '--token',
      a,
      '--profile',
      profile,
      '--record',
      '--json',
    );
    expect(exit, stderr).toBe(0);
    const document = JSON.parse(stdout);
    expect(document.attestation.statement.kind).toBe('klarmeld.run-judged/1');
    expect(document.platform.url).toBe(server.platformUrl);
    expect(stderr).toMatch(/Recorded in klarmeld server's sheet .*SF1520 klarmeldt/);

    // The document verifies against the server's key, as anyone can check with klarmeld verify.
    const file = join(dir, 'run.json');
    await writeFile(file, stdout);
    const keyFile = join(dir, 'server-key.pem');
    await writeFile(keyFile, document.platform.publicKey);
    const verified = await klarmeld('verify', file, '--key', keyFile);
    expect(verified.exit, verified.stdout + verified.stderr).toBe(0);
    expect(verified.stdout).toMatch(/attestation: present \(judged and signed by klarmeld server/);

    const sheet = await api(server, admin, 'GET', '/api/sheet');
    const mine = sheet.json.statuses.filter((s: { system: string }) => s.system === 'reference-system');
    expect(mine.map((s: { integration: string; status: string }) => `${s.integration} ${s.status}`)).toContain(
      'SF1520 klarmeldt',
    );
    for (const status of mine) {
      expect(status.backing.kind).toBe('trusted-platform');
      expect(status.evidence.runId).toBe(document.runId);
    }
    // KOMBIT's matrix shows the system as declared; the matrix cell carries the same evidence.
    const matrix = await api(server, admin, 'GET', '/api/matrix');
    const row = matrix.json.rows.find((r: { system: string }) => r.system === 'reference-system');
    expect(row.cells.find((c: { integration: string }) => c.integration === 'SF1520')).toMatchObject({
      status: 'klarmeldt',
    });
  }, 120_000);

  it("refuses B's run of A's system with a 403 that names what B may do, and shows B none of A's statuses or runs", async () => {
    const { exit, stderr } = await klarmeld(
      'test',
      '--service',
      server.url,
      '--token',
      b,
      '--profile',
      profile,
      '--record',
    );
    expect(exit).toBe(2);
    expect(stderr).toMatch(
      /Leverandør B may not register reference-system: reference-system belongs to supplier CVR 99990006/,
    );
    expect(stderr).toMatch(/may register and read its own systems/);
    expect((await api(server, b, 'GET', '/api/sheet')).json.statuses).toEqual([]);
    expect(
      (await api(server, b, 'GET', '/api/matrix')).json.rows.map((r: { system: string }) => r.system),
    ).not.toContain('reference-system');
    expect((await api(server, b, 'GET', '/api/runs')).json.runs).toEqual([]);
    const runs = (await api(server, a, 'GET', '/api/runs')).json.runs;
    if (runs.length > 0) {
      const other = await api(server, b, 'GET', `/api/runs/${runs[0].id}`);
      expect(other.status).toBe(403);
    }
  }, 60_000);

  it('says what is missing when no token is given', async () => {
    const { exit, stderr } = await klarmeld('test', '--service', server.url, '--profile', profile);
    expect(exit).toBe(2);
    expect(stderr).toMatch(/--token TOKEN or set KLARMELD_TOKEN/);
  });

  it('takes --municipality only for a run on the server, and a municipality that does not use the system is refused by name', async () => {
    const local = await klarmeld('test', '--municipality', '791', '--profile', profile);
    expect(local.exit).toBe(2);
    expect(local.stderr).toMatch(/--municipality names whom a run on klarmeld server acts for: add --service URL/);
    const { exit, stderr } = await klarmeld(
      'test',
      '--service',
      server.url,
      '--token',
      a,
      '--municipality',
      '791',
      '--profile',
      profile,
      '--integration',
      'SF1520',
    );
    expect(exit).not.toBe(0);
    expect(stderr).toMatch(
      /run\.municipality-not-using.*Viborg Kommune: the catalogue does not list it among the system.s municipalities/,
    );
  }, 60_000);

  it('ends the run of a system that never answers its trigger as an environment error (exit 3), judged and signed by the server', async () => {
    const silent = await writeStandInSystem(await temp.make('klarmeld-service-silent-'), 'silent', {
      triggerTimeout: 2,
    });
    const { exit, stdout, stderr } = await klarmeld(
      'test',
      '--service',
      server.url,
      '--token',
      a,
      '--profile',
      silent,
      '--integration',
      'SF1520',
      '--record',
      '--json',
    );
    expect(exit, stderr).toBe(3);
    const document = JSON.parse(stdout);
    expect(document.summary.verdict).toBe('environment');
    expect(document.attestation.statement.kind).toBe('klarmeld.run-judged/1');
    expect(
      document.tests.filter((t: { result: string }) => t.result === 'error').map((t: { code?: string }) => t.code),
    ).toEqual(['system-unresponsive']);
    // The earlier run's statuses stand: a run that judged nothing records nothing.
    const statuses = (await api(server, admin, 'GET', '/api/sheet')).json.statuses;
    expect(statuses.every((s: { evidence: { runId: string } }) => s.evidence.runId !== document.runId)).toBe(true);
  }, 60_000);

  it('keeps the tokens, the sheet and the signing key when the server restarts', async () => {
    const before = (await api(server, admin, 'GET', '/api/sheet')).json.statuses;
    expect(before.length).toBeGreaterThan(0);
    const { keyFingerprint, dataDir } = server;
    await server.stop();
    server = await startServer({ dataDir });
    expect(server.keyFingerprint).toBe(keyFingerprint);
    expect((await api(server, a, 'GET', '/api/sheet')).json.statuses).toEqual(before);
    expect((await api(server, b, 'GET', '/api/whoami')).json.identity.name).toBe('Leverandør B');

    // The restarted server finds A's system, certificate and agreements again, and A runs once more.
    const junit = join(dir, 'again.xml');
    const again = await klarmeld(
      'test',
      '--service',
      server.url,
      '--token',
      a,
      '--profile',
      profile,
      '--integration',
      'SF1520',
      '--junit',
      junit,
    );
    expect(again.exit, again.stderr).toBe(0);
    expect(again.stdout).toMatch(/Judged and signed by klarmeld server at /);
    // Written like a local run's output.
    expect((await readFile(junit, 'utf8')).match(/<testcase /g)?.length).toBeGreaterThanOrEqual(8);

    // The server's sheet is a sheet like any other: klarmeld sheet reads it, evidence and all.
    const report = await klarmeld('sheet', 'report', 'reference-system', '--sheet', join(dataDir, 'sheet.sqlite'));
    expect(report.exit, report.stderr).toBe(0);
    expect(report.stdout).toContain('kørsel på en platform KOMBIT har godkendt');
  }, 60_000);
});
