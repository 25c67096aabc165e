import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { loadCatalog } from '../../catalog/index.ts';
import { runServiceTest } from './service-test-run.ts';
import { startServer, type RunningServer } from '../../server/index.ts';

const profileFile = fileURLToPath(new URL('../../examples/reference-system/klarmeld.yaml', import.meta.url));
const viborg = { code: '791', cvr: '29189846' };
let dir: string;
let server: RunningServer;
let supplier: string;
let municipality: string;

async function api(token: string, method: 'GET' | 'POST', path: string, body?: unknown) {
  const response = await fetch(new URL(path, server.url), {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  return { status: response.status, json: (await response.json()) as any };
}

beforeAll(async () => {
  const { catalog } = await loadCatalog();
  // The reference system, used by Viborg as well as by Korsbæk: Viborg's decisions then count for it.
  const systems = catalog.systems.map((s) =>
    s.id === 'reference-system' ? { ...s, municipalities: [...s.municipalities, viborg.cvr] } : s,
  );
  dir = await mkdtemp(join(tmpdir(), 'klarmeld-agreement-platform-'));
  server = await startServer({ dataDir: join(dir, 'server'), catalog: { ...catalog, systems } });
  const admin = (await readFile(server.adminToken.file, 'utf8')).trim();
  supplier = (await api(admin, 'POST', '/api/identities', { role: 'supplier', cvr: '99990006', name: 'Leverandør A' }))
    .json.token;
  municipality = (await api(admin, 'POST', '/api/identities', { role: 'municipality', municipalityCode: viborg.code }))
    .json.token;
}, 60_000);
afterAll(async () => {
  await server?.stop();
  await rm(dir, { recursive: true, force: true });
});

/** A judged run of SF1520 for Viborg; the result of its agreement test, with its message. */
async function agreementTest(): Promise<string> {
  const { document } = await runServiceTest({
    serviceUrl: server.url,
    token: supplier,
    profileFile,
    integrations: ['SF1520'],
    municipality: viborg.code,
  });
  const test = document.tests.find((t) => t.id === 'sf1520.platform.agreement-approved')!;
  return `${test.result}${test.message ? `: ${test.message}` : ''}`;
}

it("a judged run's agreement test follows the municipality's decision: none, approved, rejected", async () => {
  expect(await agreementTest()).toMatch(/^error: .*no service agreement for SF1520 with municipality 29189846/);

  const approved = await api(municipality, 'POST', '/api/agreements', {
    system: 'reference-system',
    integration: 'SF1520',
    decision: 'approve',
  });
  expect(approved.status).toBe(201);
  expect(approved.json.onPlatform).toBe('approved');
  expect(await agreementTest()).toBe('pass');

  const rejected = await api(municipality, 'POST', '/api/agreements', {
    system: 'reference-system',
    integration: 'SF1520',
    decision: 'reject',
    reason: 'Not yet',
  });
  expect(rejected.json.onPlatform).toBe('removed');
  expect(await agreementTest()).toMatch(/^error: .*no service agreement for SF1520 with municipality 29189846/);
}, 120_000);

it('keeps a decision on an integration the platform serves nothing of, and says so', async () => {
  const decided = await api(municipality, 'POST', '/api/agreements', {
    system: 'reference-system',
    integration: 'SAPA-dialog',
    decision: 'approve',
  });
  expect(decided.status).toBe(201);
  expect(decided.json).toMatchObject({
    decision: { integration: 'SAPA-dialog', decision: 'approved' },
    onPlatform: 'not-served',
  });
});

it("refuses a run for a municipality the catalogue does not list among the system's", async () => {
  const refused = await api(supplier, 'POST', '/api/runs', { system: 'reference-system', municipality: '101' });
  expect(refused.status).toBe(409);
  expect(refused.json.code).toBe('run.municipality-not-using');
  expect(refused.json.message).toMatch(/cannot be run for Københavns Kommune/);
});
