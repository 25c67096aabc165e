import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../index.ts';
import { api } from '../testing/api-client.ts';
import { postgresSkipReason } from '../testing/postgres-binaries.ts';
import { sharedTestPostgres, type FileTestPostgres } from '../testing/shared-postgres.ts';

const skip = postgresSkipReason();

describe.skipIf(skip)(
  `a run on one of two instances, reached through the other${skip ? ` (skipped: ${skip})` : ''}`,
  () => {
    let postgres: FileTestPostgres;
    let dir: string;
    const servers: RunningServer[] = [];
    beforeAll(async () => {
      postgres = await sharedTestPostgres();
      dir = await mkdtemp(join(tmpdir(), 'klarmeld-cluster-runs-'));
    });
    afterAll(async () => {
      await Promise.all(servers.map((s) => s.stop()));
      await postgres?.stop();
      await rm(dir, { recursive: true, force: true });
    });

    it('opens one run of a system across instances, and relays its trigger through the instance that does not run it', async () => {
      const database = await postgres.createDatabase();
      const a = await startServer({ dataDir: join(dir, 'a'), database });
      servers.push(a);
      const b = await startServer({ dataDir: join(dir, 'b'), database });
      servers.push(b);
      const admin = (await readFile(a.adminToken.file, 'utf8')).trim();
      const supplier = (
        await api(a.url, admin, 'POST', '/api/identities', { role: 'supplier', cvr: '99990006', name: 'Leverandør A' })
      ).json.token;
      await api(a.url, supplier, 'POST', '/api/systems', { system: 'reference-system' });

      // The same system opened on both at the same moment: the database lets one run it.
      const open = (via: RunningServer) =>
        api(via.url, supplier, 'POST', '/api/runs', {
          system: 'reference-system',
          integrations: ['SF1520'],
          triggerTimeoutSeconds: 30,
        });
      const both = await Promise.all([open(a), open(b)]);
      expect(both.map((r) => r.status).sort()).toEqual([201, 409]);
      const refused = both.find((r) => r.status === 409)!.json;
      expect(refused.code).toBe('run.busy');
      const winner = both[0]!.status === 201 ? a : b;
      const other = winner === a ? b : a;
      const runId = both.find((r) => r.status === 201)!.json.run.id;
      expect(refused.message).toContain(`already in progress on the klarmeld server instance at ${winner.url}`);

      // The CLI's poll reaches the other instance: it is forwarded, and the trigger request comes back.
      const polled = await api(other.url, supplier, 'GET', `/api/runs/${runId}/trigger?waitMs=20000`);
      expect(polled.json.request.action).toBeTruthy();
      // Its answer through the other instance too: the system did not answer, so the run ends as an environment error.
      const answered = await api(other.url, supplier, 'POST', `/api/runs/${runId}/trigger/${polled.json.request.id}`, {
        unanswered: 'the bench system is switched off',
      });
      expect(answered.json).toEqual({ accepted: true });
      let state = 'open';
      for (let after = 0; state === 'open';) {
        const page = await api(other.url, supplier, 'GET', `/api/runs/${runId}/events?after=${after}`);
        ({ state } = page.json);
        after = page.json.next;
      }
      const ended = (await api(other.url, supplier, 'GET', `/api/runs/${runId}`)).json;
      expect(ended.document.summary.verdict).toBe('environment');
      expect(ended.document.tests.find((t: { result: string }) => t.result === 'error').message).toMatch(
        /the bench system is switched off/,
      );
      // Ended: its lease is gone, so the system can run again on either instance.
      expect((await open(other)).status).toBe(201);
    }, 120_000);
  },
);
