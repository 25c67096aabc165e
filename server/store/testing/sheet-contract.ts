/**
 * The onboarding sheet's behaviour through the server's store, one test body for every back
 * end (SQLite and PostgreSQL): SheetStore's promises (a run recorded once, even by many
 * instances at once; the current status is the latest event; evidence and words kept; trusted
 * keys checked and kept as first added) must hold whichever database the server runs on.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { NewStatusEvent } from '../../../conformance/onboarding/index.ts';
import type { ServerStore } from '../server-store.ts';

export interface SheetHarness {
  /** Opens the store on this test's database (a new database per test); call it again for another instance on the same one. */
  open(options?: { clock?: () => Date }): Promise<ServerStore>;
  cleanup(): Promise<void>;
}

const runEvent = (runId: string, system: string, integration: string, status = 'klarmeldt'): NewStatusEvent => ({
  system,
  integration,
  status,
  actor: 'server',
  source: 'run',
  evidence: {
    runId,
    digest: 'd'.repeat(64),
    keyFingerprint: 'f'.repeat(64),
    keyTrusted: true,
    shallTotal: 8,
    shallPassed: 8,
    shallPassedWithEvidence: 6,
  },
});

export function describeSheetBehaviour(name: string, makeHarness: () => SheetHarness): void {
  describe(`the sheet through the server store on ${name}`, () => {
    let harness: SheetHarness;
    const stores: ServerStore[] = [];
    const open = async (options?: { clock?: () => Date }) => {
      harness ??= makeHarness();
      const store = await harness.open(options);
      stores.push(store);
      return store;
    };
    afterEach(async () => {
      await Promise.all(stores.splice(0).map((s) => s.close()));
      await harness?.cleanup();
      harness = undefined!;
    });

    it('derives the current status from the latest event of each pair and keeps every event with its evidence, word and time', async () => {
      let now = Date.parse('2026-11-22T08:00:00Z');
      const store = await open({ clock: () => new Date((now += 1000)) });
      await store.appendRunEvents('r1', [
        runEvent('r1', 's1', 'SF1520', 'ikke-klarmeldt'),
        runEvent('r1', 's2', 'SF1500'),
      ]);
      await store.appendRunEvents('r2', [
        { ...runEvent('r2', 's1', 'SF1520', 'delvist-klarmeldt'), word: 'Delvist', reason: 'to af tre' },
      ]);
      expect((await store.currentStatuses()).map((e) => [e.system, e.integration, e.status, e.word, e.reason])).toEqual(
        [
          ['s1', 'SF1520', 'delvist-klarmeldt', 'Delvist', 'to af tre'],
          ['s2', 'SF1500', 'klarmeldt', undefined, undefined],
        ],
      );
      const history = await store.sheetHistory('s1');
      expect(history.map((e) => [e.status, e.at])).toEqual([
        ['ikke-klarmeldt', '2026-11-22T08:00:01.000Z'],
        ['delvist-klarmeldt', '2026-11-22T08:00:02.000Z'],
      ]);
      expect(history[0]!.evidence).toEqual(runEvent('r1', 's1', 'SF1520').evidence);
      expect(history[0]).not.toHaveProperty('word');
      expect((await store.sheetHistory()).map((e) => e.seq)).toEqual(
        [...history, ...(await store.sheetHistory('s2'))].map((e) => e.seq).sort((a, b) => a - b),
      );
    });

    it('records a run once when ten server instances record it at the same moment', async () => {
      await open();
      const instances = await Promise.all(Array.from({ length: 10 }, () => open()));
      // Several rounds: one round can pass by luck when the instances happen not to overlap.
      for (const runId of ['run-a', 'run-b', 'run-c']) {
        const events = ['SF1520', 'SF1500', 'SF1470', 'SF1490', 'SF1601'].map((i) => runEvent(runId, 's1', i));
        const outcomes = await Promise.all(instances.map((s) => s.appendRunEvents(runId, events)));
        const appended = outcomes.flatMap((o) => ('appended' in o ? [o.appended] : []));
        expect(appended, runId).toHaveLength(1);
        for (const o of outcomes.filter((o) => 'alreadyRecorded' in o))
          expect(o).toEqual({ alreadyRecorded: appended[0] });
      }
      expect(await instances[0]!.sheetHistory('s1')).toHaveLength(15);
    });

    it('loses no event when five instances record fifty runs at once, and keeps each run whole', async () => {
      const instances = await Promise.all(Array.from({ length: 5 }, () => open()));
      await Promise.all(
        Array.from({ length: 50 }, (_, i) =>
          instances[i % 5]!.appendRunEvents(
            `run-${i}`,
            ['SF1520', 'SF1500', 'SF1470'].map((integration) => runEvent(`run-${i}`, `system-${i}`, integration)),
          ),
        ),
      );
      const history = await instances[0]!.sheetHistory();
      expect(history).toHaveLength(150);
      const perRun = Map.groupBy(history, (e) => e.evidence!.runId);
      expect(perRun.size).toBe(50);
      expect(
        [...perRun.values()].every((run) => run.length === 3 && new Set(run.map((e) => e.system)).size === 1),
      ).toBe(true);
      expect(await instances[4]!.currentStatuses()).toHaveLength(150);
    });

    it("records all of a run's events or none: one the database refuses leaves the run unrecorded, and it can be recorded after", async () => {
      const store = await open();
      const good = runEvent('r1', 's1', 'SF1520');
      const refused = { ...runEvent('r1', 's1', 'SF1500'), source: 'guess' as NewStatusEvent['source'] };
      await expect(store.appendRunEvents('r1', [good, refused])).rejects.toThrow();
      expect(await store.sheetHistory()).toEqual([]);
      expect('appended' in (await store.appendRunEvents('r1', [good]))).toBe(true);
      expect(await store.sheetHistory()).toHaveLength(1);
    });

    it('trusts a key once with its first name, adder and time, and refuses a bad one saying what to give', async () => {
      let now = Date.parse('2026-11-22T08:00:00Z');
      const store = await open({ clock: () => new Date((now += 1000)) });
      const entry = {
        fingerprint: 'ab'.repeat(32),
        name: 'KOMBIT external test environment',
        addedBy: 'kombit',
        addedAt: '2026-11-22T08:00:01.000Z',
      };
      expect(
        await store.trustPlatformKey({
          fingerprint: 'AB'.repeat(32),
          name: ' KOMBIT external test environment ',
          addedBy: 'kombit',
        }),
      ).toEqual({ key: entry, added: true });
      expect(await store.trustPlatformKey({ fingerprint: 'ab'.repeat(32), name: 'Other', addedBy: 'someone' })).toEqual(
        { key: entry, added: false },
      );
      await expect(store.trustPlatformKey({ fingerprint: 'abc', name: 'x', addedBy: 'k' })).rejects.toMatchObject({
        code: 'fingerprint-invalid',
        message: expect.stringMatching(/not a key fingerprint/),
      });
      await expect(
        store.trustPlatformKey({ fingerprint: 'c'.repeat(64), name: ' ', addedBy: 'k' }),
      ).rejects.toMatchObject({ code: 'name-missing' });
      await expect(
        store.trustPlatformKey({ fingerprint: 'c'.repeat(64), name: 'x', addedBy: '' }),
      ).rejects.toMatchObject({ code: 'added-by-missing' });
      expect(await store.trustedPlatformKeys()).toEqual([entry]);
    });

    it('appends a status set by hand with its reason, which becomes the current status over a run', async () => {
      let now = Date.parse('2026-11-22T08:00:00Z');
      const store = await open({ clock: () => new Date((now += 1000)) });
      await store.appendRunEvents('r1', [runEvent('r1', 's1', 'SF1520')]);
      const set = await store.appendStatusEvent({
        system: 's1',
        integration: 'SF1520',
        status: 'irrelevant',
        word: 'Irrelevant',
        reason: 'Kommunen efterspørger det ikke',
        actor: 'KOMBIT',
        source: 'manual',
      });
      expect(set).toMatchObject({
        status: 'irrelevant',
        word: 'Irrelevant',
        reason: 'Kommunen efterspørger det ikke',
        source: 'manual',
        at: '2026-11-22T08:00:02.000Z',
      });
      expect(set).not.toHaveProperty('evidence');
      expect((await store.currentStatuses()).map((e) => [e.status, e.source])).toEqual([['irrelevant', 'manual']]);
      expect(await store.sheetHistory('s1')).toHaveLength(2);
    });

    it("keeps KOMBIT's programme places and the contests with their decisions, in order, with who and when", async () => {
      let now = Date.parse('2026-11-22T08:00:00Z');
      const store = await open({ clock: () => new Date((now += 1000)) });
      await store.appendProgrammeEvent({
        system: 's1',
        category: 'administrativt-fjernet',
        reason: 'Produktet er gået ud af markedet',
        actor: 'kombit',
      });
      await store.appendProgrammeEvent({ system: 's1', category: 'tilmeldt', round: 3, actor: 'kombit' });
      expect(
        (await store.programmeEvents()).map((e) => [e.system, e.category, e.round, e.reason, e.actor, e.at]),
      ).toEqual([
        [
          's1',
          'administrativt-fjernet',
          undefined,
          'Produktet er gået ud af markedet',
          'kombit',
          '2026-11-22T08:00:01.000Z',
        ],
        ['s1', 'tilmeldt', 3, undefined, 'kombit', '2026-11-22T08:00:02.000Z'],
      ]);
      await store.appendContestEvent({
        system: 's1',
        integration: 'SF1520',
        kind: 'contest',
        reason: 'Leverandøren er ikke enig',
        actor: 'acme',
      });
      await store.appendContestEvent({
        system: 's1',
        integration: 'SF1520',
        kind: 'decision',
        decision: 'upheld',
        reason: 'Kravet står i Y14',
        actor: 'kombit',
      });
      const contests = await store.contestEvents();
      expect(contests.map((c) => [c.kind, c.decision, c.reason, c.actor])).toEqual([
        ['contest', undefined, 'Leverandøren er ikke enig', 'acme'],
        ['decision', 'upheld', 'Kravet står i Y14', 'kombit'],
      ]);
      expect(contests[0]!.seq).toBeLessThan(contests[1]!.seq);
      await expect(
        store.appendContestEvent({
          system: 's1',
          integration: 'SF1520',
          kind: 'decision',
          decision: 'maybe' as 'upheld',
          reason: 'x',
          actor: 'k',
        }),
      ).rejects.toThrow();
    });
  });
}
