import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DatabaseSync } from 'node:sqlite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evidenceDigests } from '../../conformance/framework/index.ts';
import { api } from '../testing/api-client.ts';
import { postgresSkipReason } from '../testing/postgres-binaries.ts';
import { sharedTestPostgres, type FileTestPostgres } from '../testing/shared-postgres.ts';
import { klarmeldProcess, startServerProcess, type ServerProcess } from './testing/server-process.ts';

const skip = postgresSkipReason();
const profile = fileURLToPath(new URL('../../examples/reference-system/klarmeld.yaml', import.meta.url));

/** Polls `check` until it gives a value (every 100 ms, up to `seconds`): waiting for a state, not sleeping a guess. */
async function until<T>(what: string, seconds: number, check: () => Promise<T | undefined>): Promise<T> {
  const deadline = Date.now() + seconds * 1000;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Waited ${seconds} s for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe.skipIf(skip)(
  `two klarmeld server instances on one PostgreSQL, one killed mid-run${skip ? ` (skipped: ${skip})` : ''}`,
  () => {
    let postgres: FileTestPostgres;
    let dir: string;
    const instances: ServerProcess[] = [];
    beforeAll(async () => {
      postgres = await sharedTestPostgres();
      dir = await mkdtemp(join(tmpdir(), 'klarmeld-cluster-'));
    });
    afterAll(async () => {
      await Promise.all(instances.map((i) => i.stop()));
      await postgres?.stop();
      await rm(dir, { recursive: true, force: true });
    });

    it("loses no acknowledged write, ends the killed instance's run as lost (never a pass), and its CLI exits 3", async () => {
      const database = await postgres.createDatabase();
      // A first (it writes KOMBIT's admin token), then B; a short lease so that B ends A's runs soon.
      const a = await startServerProcess({ dataDir: join(dir, 'a'), database, runLeaseSeconds: 2 });
      instances.push(a);
      const b = await startServerProcess({ dataDir: join(dir, 'b'), database, runLeaseSeconds: 2 });
      instances.push(b);
      const admin = (await readFile(a.adminTokenFile, 'utf8')).trim();
      const supplier = (
        await api(b.url, admin, 'POST', '/api/identities', { role: 'supplier', cvr: '99990006', name: 'Leverandør A' })
      ).json.token;
      const aalborg = (
        await api(a.url, admin, 'POST', '/api/identities', { role: 'municipality', municipalityCode: '851' })
      ).json.token;

      // Run 1, judged by A to the end and recorded: the sheet events it acknowledged.
      const first = await klarmeldProcess([
        'test',
        '--service',
        a.url,
        '--token',
        supplier,
        '--profile',
        profile,
        '--record',
        '--json',
      ]).done;
      expect(first.exit, first.stderr).toBe(0);
      expect(first.stderr).toMatch(/Recorded in klarmeld server's sheet .*SF1520 klarmeldt/);
      const sheetAfterFirst = (await api(b.url, admin, 'GET', '/api/sheet')).json.statuses;
      expect(sheetAfterFirst.length).toBeGreaterThan(0);

      // Writes through both instances, going on while A is killed: each one acknowledged (201) must be in the database after.
      const acknowledged: number[] = [];
      let writing = true;
      const writes = (async () => {
        for (let i = 0; writing; i += 1) {
          const via = i % 2 === 0 ? a : b;
          const decided = await api(via.url, aalborg, 'POST', '/api/agreements', {
            system: 'jobcenter-y14-eksempel',
            integration: 'SF1520',
            decision: i % 3 ? 'approve' : 'reject',
            reason: `write ${i}`,
          }).catch(() => undefined);
          if (decided?.status === 201) acknowledged.push(decided.json.decision.seq);
        }
      })();

      // Run 2 on A: once B, forwarding to A, shows its first progress event, A is killed.
      const second = klarmeldProcess([
        'test',
        '--service',
        a.url,
        '--token',
        supplier,
        '--profile',
        profile,
        '--record',
        '--json',
      ]);
      const runId = await until(
        'run 2 to open',
        60,
        async () =>
          (await api(b.url, supplier, 'GET', '/api/runs')).json.runs.find((r: { state: string }) => r.state === 'open')
            ?.id as string | undefined,
      );
      // Progress read through B (forwarded to A) until a test has ended with exchanges the judge relied on.
      const events: { type: string; record?: { exchanges: { digest: string }[] } }[] = [];
      await until('a test of run 2 judged from exchanges, read through B', 90, async () => {
        const page = await api(b.url, supplier, 'GET', `/api/runs/${runId}/events?after=${events.length}&waitMs=2000`);
        expect(page.json.state).toBe('open');
        events.push(...page.json.events);
        return events.some((e) => e.type === 'test-end' && e.record!.exchanges.length > 0) ? true : undefined;
      });
      await a.kill();
      const killedAt = new Date().toISOString();

      // The CLI that relayed for the run on A: an environment problem, exit 3.
      const relayed = await second.done;
      expect(relayed.exit, relayed.stderr).toBe(3);
      expect(JSON.parse(relayed.stdout)).toMatchObject({ error: { code: 'server-unreachable' }, exitCode: 3 });

      // B ends the run once A's lease has run out: failed, lost, no document, nothing recorded.
      const ended = await until('B to end run 2', 30, async () => {
        const run = (await api(b.url, supplier, 'GET', `/api/runs/${runId}`)).json;
        return run.run.state !== 'open' ? run : undefined;
      });
      expect(ended.run.state).toBe('failed');
      expect(ended.run.problem).toMatch(
        /^run\.instance-lost: the klarmeld server instance at http:\/\/127\.0\.0\.1:\d+, which judged run .* environment problem, not a verdict/,
      );
      expect(ended.document).toBeUndefined();
      // A CLI following it through B stops, and reads the same.
      expect((await api(b.url, supplier, 'GET', `/api/runs/${runId}/events?after=0`)).json.state).toBe('failed');
      expect((await api(b.url, supplier, 'GET', `/api/runs/${runId}/trigger`)).json).toEqual({ state: 'failed' });
      expect(
        (await api(b.url, admin, 'GET', `/api/history?subject=${runId}`)).json.history.map(
          (h: { action: string }) => h.action,
        ),
      ).toEqual(['run.open', 'run.lost']);

      writing = false;
      await writes;
      // Every acknowledged write is there, and the sheet holds run 1's events, and none of run 2's.
      const decisions = (await api(b.url, admin, 'GET', '/api/agreements')).json.decisions.map(
        (d: { seq: number }) => d.seq,
      );
      expect(acknowledged.length).toBeGreaterThan(2);
      expect(decisions).toEqual(expect.arrayContaining(acknowledged));
      const sheet = (await api(b.url, admin, 'GET', '/api/sheet')).json.statuses;
      expect(sheet).toEqual(sheetAfterFirst);
      expect(killedAt < ended.run.finishedAt).toBe(true);

      // The killed instance's recorded exchanges survived the kill in its platform's file: every one run 1's
      // signed document relies on, and every one a test of run 2 was judged from before the kill.
      const platformFile = new DatabaseSync(join(dir, 'a', 'platform', 'platform.sqlite'), { readOnly: true });
      try {
        expect(platformFile.prepare('PRAGMA integrity_check').get()).toEqual({ integrity_check: 'ok' });
        const stored = new Set(
          platformFile
            .prepare('SELECT digest FROM exchanges')
            .all()
            .map((r) => String(r.digest)),
        );
        const relied = evidenceDigests(JSON.parse(first.stdout));
        expect(relied.length).toBeGreaterThan(0);
        expect(relied.filter((d) => !stored.has(d))).toEqual([]);
        const judgedBeforeKill = events.flatMap((e) =>
          e.type === 'test-end' ? e.record!.exchanges.map((x) => x.digest) : [],
        );
        expect(judgedBeforeKill.filter((d) => !stored.has(d))).toEqual([]);
      } finally {
        platformFile.close();
      }

      // The system is free again: B opens its next run.
      const next = await api(b.url, supplier, 'POST', '/api/runs', {
        system: 'reference-system',
        integrations: ['SF1520'],
      });
      expect(next.status, JSON.stringify(next.json)).toBe(201);
      await api(b.url, supplier, 'POST', `/api/runs/${next.json.run.id}/cancel`, {});
    }, 240_000);
  },
);
