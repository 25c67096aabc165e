import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../index.ts';
import { api } from '../testing/api-client.ts';

let server: RunningServer | undefined;
let dir: string | undefined;
afterEach(async () => {
  await server?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

it('ends a run whose trigger requests nobody relays as an environment error, never a pass', async () => {
  dir = await mkdtemp(join(tmpdir(), 'klarmeld-abandoned-'));
  server = await startServer({ dataDir: dir, relaySlackSeconds: 0 });
  const admin = (await readFile(server.adminToken.file, 'utf8')).trim();
  const a = (await api(server.url, admin, 'POST', '/api/identities', { role: 'supplier', cvr: '99990006' })).json.token;
  expect((await api(server.url, a, 'POST', '/api/systems', { system: 'reference-system' })).status).toBe(201);
  // A CLI that opens the run and then goes away: nobody polls the trigger. Two opened at once:
  // one run of a system at a time, since the platform's records of it would mix.
  const open = () =>
    api(server!.url, a, 'POST', '/api/runs', {
      system: 'reference-system',
      integrations: ['SF1520'],
      triggerTimeoutSeconds: 1,
      record: true,
    });
  const both = await Promise.all([open(), open()]);
  expect(both.map((r) => r.status).sort()).toEqual([201, 409]);
  expect(both.find((r) => r.status === 409)!.json.code).toBe('run.busy');
  const id = both.find((r) => r.status === 201)!.json.run.id;
  let state = 'open';
  for (let after = 0; state === 'open';) {
    const page = await api(server.url, a, 'GET', `/api/runs/${id}/events?after=${after}`);
    ({ state } = page.json);
    after = page.json.next;
  }
  const ended = await api(server.url, a, 'GET', `/api/runs/${id}`);
  expect(ended.json.run.state).toBe('finished');
  expect(ended.json.document.summary.verdict).toBe('environment');
  expect(ended.json.document.summary.exitCode).toBe(3);
  const errors = ended.json.document.tests.filter((t: { result: string }) => t.result === 'error');
  expect(errors.map((t: { code?: string }) => t.code)).toEqual(['system-unresponsive']);
  expect(errors[0].message).toMatch(/No answer to .* came back from the supplier's klarmeld test/);
  expect(
    ended.json.document.tests.some(
      (t: { result: string; id: string }) => t.result === 'pass' && t.id.includes('trigger'),
    ),
  ).toBe(false);
  // Nothing judged, nothing recorded.
  expect(ended.json.recorded).toEqual([]);
  expect((await api(server.url, admin, 'GET', '/api/sheet')).json.statuses).toEqual([]);
}, 60_000);

it('ends a run its supplier cancels (klarmeld test stopped with Ctrl-C) as an environment error that says so', async () => {
  dir = await mkdtemp(join(tmpdir(), 'klarmeld-abandoned-'));
  server = await startServer({ dataDir: dir });
  const admin = (await readFile(server.adminToken.file, 'utf8')).trim();
  const a = (
    await api(server.url, admin, 'POST', '/api/identities', { role: 'supplier', cvr: '99990006', name: 'Leverandør A' })
  ).json.token;
  await api(server.url, a, 'POST', '/api/systems', { system: 'reference-system' });
  const id = (
    await api(server.url, a, 'POST', '/api/runs', {
      system: 'reference-system',
      integrations: ['SF1520'],
      record: true,
    })
  ).json.run.id;
  // The first trigger request is out; the supplier stops instead of answering it.
  expect((await api(server.url, a, 'GET', `/api/runs/${id}/trigger`)).json.request.action).toBeTruthy();
  expect((await api(server.url, a, 'POST', `/api/runs/${id}/cancel`, {})).status).toBe(200);
  for (let state = 'open', after = 0; state === 'open';) {
    const page = await api(server.url, a, 'GET', `/api/runs/${id}/events?after=${after}`);
    ({ state } = page.json);
    after = page.json.next;
  }
  const ended = (await api(server.url, a, 'GET', `/api/runs/${id}`)).json;
  expect(ended.document.summary.verdict).toBe('environment');
  const error = ended.document.tests.find((t: { result: string }) => t.result === 'error');
  expect(error.message).toMatch(/Leverandør A stopped klarmeld test/);
  expect(
    (await api(server.url, admin, 'GET', `/api/history?subject=${id}`)).json.history.map(
      (h: { action: string }) => h.action,
    ),
  ).toEqual(['run.open', 'run.cancel', 'run.judge']);
}, 60_000);

it('refuses a run document or results from a client: the server judges, it accepts no verdicts', async () => {
  dir = await mkdtemp(join(tmpdir(), 'klarmeld-abandoned-'));
  server = await startServer({ dataDir: dir });
  const admin = (await readFile(server.adminToken.file, 'utf8')).trim();
  const a = (await api(server.url, admin, 'POST', '/api/identities', { role: 'supplier', cvr: '99990006' })).json.token;
  await api(server.url, a, 'POST', '/api/systems', { system: 'reference-system' });
  const forged = await api(server.url, a, 'POST', '/api/runs', {
    system: 'reference-system',
    document: { summary: { verdict: 'passed' } },
  });
  expect(forged.status).toBe(400);
  expect(forged.json.message).toMatch(/accepts no results/);
  expect((await api(server.url, a, 'GET', '/api/runs')).json.runs).toEqual([]);
});
