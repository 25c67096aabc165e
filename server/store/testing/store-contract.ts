/**
 * The behaviour every ServerStore must have, as a vitest suite any implementation runs:
 * `describeServerStore('SQLite', () => ({ open, reopen, cleanup }))`. Brief P's PostgreSQL store
 * runs the same suite, so both back ends answer alike.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { ServerStore } from '../server-store.ts';

export interface StoreHarness {
  /** A fresh, empty store. */
  open(): Promise<ServerStore>;
  /** The same store opened again (after close): what a restarted server sees. */
  reopen(): Promise<ServerStore>;
  cleanup(): Promise<void>;
}

const event = (system: string, integration: string, runId: string) => ({
  system,
  integration,
  status: 'klarmeldt',
  actor: 'server',
  source: 'run' as const,
  evidence: { runId, digest: 'a'.repeat(64), keyTrusted: true },
});

export function describeServerStore(name: string, makeHarness: () => StoreHarness): void {
  describe(`ServerStore on ${name}`, () => {
    let harness: StoreHarness;
    let store: ServerStore | undefined;
    const open = async () => {
      harness = makeHarness();
      return (store = await harness.open());
    };
    afterEach(async () => {
      await store?.close();
      store = undefined;
      await harness?.cleanup();
    });

    it('finds an identity by its token hash only, and keeps it across a restart', async () => {
      const s = await open();
      const issued = await s.addIdentity(
        { role: 'supplier', name: 'Acme', cvr: '12345678', createdBy: 'admin' },
        'h'.repeat(64),
      );
      expect(issued).toMatchObject({ role: 'supplier', cvr: '12345678', createdBy: 'admin' });
      expect(await s.identityByTokenHash('x'.repeat(64))).toBeUndefined();
      await s.close();
      store = await harness.reopen();
      expect(await store.identityByTokenHash('h'.repeat(64))).toEqual(issued);
      expect(await store.identities()).toEqual([issued]);
    });

    it('registers a system once and lists systems per supplier', async () => {
      const s = await open();
      const first = await s.registerSystem({
        systemId: 'a-sys',
        supplierCvr: '11111112',
        userSystemUuid: 'u-1',
        registeredBy: 'id-a',
      });
      const again = await s.registerSystem({
        systemId: 'a-sys',
        supplierCvr: '22222222',
        userSystemUuid: 'u-2',
        registeredBy: 'id-b',
      });
      await s.registerSystem({
        systemId: 'b-sys',
        supplierCvr: '22222222',
        userSystemUuid: 'u-3',
        registeredBy: 'id-b',
      });
      expect(first.added).toBe(true);
      expect(again).toEqual({ system: first.system, added: false });
      expect((await s.systems('22222222')).map((x) => x.systemId)).toEqual(['b-sys']);
      expect((await s.systems()).map((x) => x.systemId)).toEqual(['a-sys', 'b-sys']);
      expect(await s.system('a-sys')).toEqual(first.system);
    });

    it('ends a run once, and lists runs per supplier without their documents', async () => {
      const s = await open();
      await s.openRun({ id: 'r1', systemId: 'a-sys', supplierCvr: '11111112', openedBy: 'id-a' });
      await s.openRun({ id: 'r2', systemId: 'b-sys', supplierCvr: '22222222', openedBy: 'id-b' });
      const ended = await s.endRun('r1', { state: 'finished', document: '{"runId":"r1"}', exitCode: 0 });
      expect(ended).toMatchObject({ state: 'finished', document: '{"runId":"r1"}', exitCode: 0 });
      expect(await s.endRun('r1', { state: 'failed', problem: 'late' })).toBeUndefined();
      expect((await s.run('r1'))?.state).toBe('finished');
      const listed = await s.runs('11111112');
      expect(listed.map((r) => r.id)).toEqual(['r1']);
      expect(listed[0]!.document).toBeUndefined();
    });

    it("leases a run in flight to one instance per system, renews its owner's leases, and lists those run out", async () => {
      const s = await open();
      const lease = {
        runId: 'r1',
        systemId: 'a-sys',
        owner: 'instance-1',
        ownerUrl: 'http://127.0.0.1:1',
        expiresAt: '2026-01-01T00:00:10.000Z',
      };
      expect(await s.claimRunLease(lease)).toEqual({ claimed: true });
      // A second run of the same system, from another instance: refused, naming the run that holds it.
      expect(await s.claimRunLease({ ...lease, runId: 'r2', owner: 'instance-2' })).toEqual({ heldBy: lease });
      expect(
        await s.claimRunLease({
          ...lease,
          runId: 'r3',
          systemId: 'b-sys',
          owner: 'instance-2',
          expiresAt: '2026-01-01T00:00:05.000Z',
        }),
      ).toEqual({ claimed: true });
      expect(await s.renewRunLeases('instance-1', '2026-01-01T00:01:00.000Z')).toBe(1);
      expect((await s.runLeases({ expiredBefore: '2026-01-01T00:00:30.000Z' })).map((l) => l.runId)).toEqual(['r3']);
      expect((await s.runLeases()).map((l) => `${l.runId} ${l.expiresAt}`)).toEqual([
        'r3 2026-01-01T00:00:05.000Z',
        'r1 2026-01-01T00:01:00.000Z',
      ]);
      await s.releaseRunLease('r1');
      expect(await s.claimRunLease({ ...lease, runId: 'r4' })).toEqual({ claimed: true });
    });

    it('keeps one first admin when two instances add it at once, and still issues KOMBIT colleagues', async () => {
      const s = await open();
      const other = await harness.reopen(); // a second instance on the same database, open at the same time
      try {
        const [a, b] = await Promise.all([
          s.addFirstAdmin('KOMBIT', 'a'.repeat(64)),
          other.addFirstAdmin('KOMBIT', 'b'.repeat(64)),
        ]);
        expect([a.added, b.added].sort()).toEqual([false, true]);
        expect(a.identity).toEqual(b.identity);
        const kept = a.added ? 'a'.repeat(64) : 'b'.repeat(64);
        expect(await s.identityByTokenHash(kept)).toEqual(a.identity);
        expect(await s.identityByTokenHash(a.added ? 'b'.repeat(64) : 'a'.repeat(64))).toBeUndefined();
        expect(await s.addFirstAdmin('KOMBIT', 'c'.repeat(64))).toEqual({ identity: a.identity, added: false });
        await s.addIdentity({ role: 'kombit', name: 'Colleague', createdBy: a.identity.id }, 'd'.repeat(64));
        expect((await s.identities()).filter((i) => i.role === 'kombit')).toHaveLength(2);
      } finally {
        await other.close();
      }
    });

    it('makes a shared secret once per name and gives the same one after a restart', async () => {
      const s = await open();
      const first = await s.sharedSecret('web-session');
      expect(first).toHaveLength(32);
      expect(await s.sharedSecret('web-session')).toEqual(first);
      expect((await s.sharedSecret('other')).equals(first)).toBe(false);
      await s.close();
      store = await harness.reopen();
      expect(await store.sharedSecret('web-session')).toEqual(first);
    });

    it('keeps agreement decisions in order and filters them by municipality and system', async () => {
      const s = await open();
      await s.decideAgreement({
        systemId: 'a-sys',
        integration: 'SF1520',
        municipalityCvr: '29189846',
        decision: 'approved',
        actor: 'viborg',
      });
      await s.decideAgreement({
        systemId: 'b-sys',
        integration: 'SF1520',
        municipalityCvr: '29189846',
        decision: 'rejected',
        reason: 'no',
        actor: 'viborg',
      });
      await s.decideAgreement({
        systemId: 'a-sys',
        integration: 'SF1520',
        municipalityCvr: '55133018',
        decision: 'approved',
        actor: 'aarhus',
      });
      expect((await s.agreementDecisions({ municipalityCvr: '29189846' })).map((d) => d.decision)).toEqual([
        'approved',
        'rejected',
      ]);
      expect((await s.agreementDecisions({ systemIds: ['a-sys'] })).map((d) => d.municipalityCvr)).toEqual([
        '29189846',
        '55133018',
      ]);
    });

    it("records a run's sheet events once, and the sheet's current statuses show them", async () => {
      const s = await open();
      expect('appended' in (await s.appendRunEvents('run-1', [event('a-sys', 'SF1520', 'run-1')]))).toBe(true);
      expect('alreadyRecorded' in (await s.appendRunEvents('run-1', [event('a-sys', 'SF1520', 'run-1')]))).toBe(true);
      expect((await s.currentStatuses()).map((e) => [e.system, e.integration, e.status])).toEqual([
        ['a-sys', 'SF1520', 'klarmeldt'],
      ]);
      expect(await s.sheetHistory('b-sys')).toEqual([]);
      await s.trustPlatformKey({ fingerprint: 'f'.repeat(64), name: 'server', addedBy: 'server' });
      expect((await s.trustedPlatformKeys()).map((k) => k.fingerprint)).toEqual(['f'.repeat(64)]);
    });

    it('appends history in order, per subject', async () => {
      const s = await open();
      await s.appendHistory({ actor: 'a', action: 'system.register', subject: 'a-sys', detail: { cvr: '1' } });
      await s.appendHistory({ actor: 'b', action: 'run.open', subject: 'r1' });
      expect((await s.history()).map((h) => h.action)).toEqual(['system.register', 'run.open']);
      expect(await s.history('a-sys')).toMatchObject([{ actor: 'a', detail: { cvr: '1' } }]);
    });
  });
}
