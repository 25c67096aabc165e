import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import type { ServerStore } from '../store/server-store.ts';
import { openSqliteServerStore } from '../store/sqlite-server-store.ts';
import { RunLeases } from './run-leases.ts';

let store: ServerStore | undefined;
let dir: string | undefined;
afterEach(async () => {
  await store?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

// Two instances on one store, each with its own clock reading, ticked by hand (no timers).
async function twoInstances() {
  dir = await mkdtemp(join(tmpdir(), 'klarmeld-leases-'));
  store = openSqliteServerStore(join(dir, 'sheet.sqlite'));
  let now = Date.parse('2026-12-01T10:00:00.000Z');
  const clock = () => new Date(now);
  const lost: string[] = [];
  const one = new RunLeases({
    store,
    instance: { id: 'one', url: 'http://127.0.0.1:1001' },
    leaseSeconds: 30,
    clock,
    onLost: (id) => lost.push(id),
  });
  const two = new RunLeases({ store, instance: { id: 'two', url: 'http://127.0.0.1:1002' }, leaseSeconds: 30, clock });
  return { store, one, two, lost, advance: (seconds: number) => (now += seconds * 1000) };
}

it('keeps a run whose instance beats, and ends one whose instance stopped as lost: an environment problem, recorded once', async () => {
  const { store, one, two, advance } = await twoInstances();
  await store.openRun({ id: 'run-a', systemId: 'reference-system', supplierCvr: '99990006', openedBy: 'supplier' });
  expect(await one.claim('run-a', 'reference-system')).toEqual({ claimed: true });
  // Another instance cannot run the same system meanwhile.
  expect(await two.claim('run-b', 'reference-system')).toMatchObject({
    heldBy: { runId: 'run-a', ownerUrl: 'http://127.0.0.1:1001' },
  });

  // 25 s, a beat, 25 s: alive past its first lease, since it renewed.
  advance(25);
  await one.tick();
  advance(25);
  await two.tick();
  expect((await store.run('run-a'))!.state).toBe('open');

  // Instance one stops beating (killed): once its lease has run out, instance two ends the run.
  advance(31);
  await Promise.all([two.tick(), two.tick()]);
  const run = (await store.run('run-a'))!;
  expect(run.state).toBe('failed');
  expect(run.problem).toMatch(
    /^run\.instance-lost: the klarmeld server instance at http:\/\/127\.0\.0\.1:1001, which judged run run-a .* environment problem, not a verdict/,
  );
  expect(run.document).toBeUndefined();
  expect((await store.history('run-a')).map((h) => h.action)).toEqual(['run.lost']);
  // The system is free again.
  expect(await two.claim('run-c', 'reference-system')).toEqual({ claimed: true });
});

it('tells the owner when another instance ended its run (it paused past its lease), so it judges nothing more of it', async () => {
  const { store, one, two, lost, advance } = await twoInstances();
  await store.openRun({ id: 'run-a', systemId: 'reference-system', supplierCvr: '99990006', openedBy: 'supplier' });
  await one.claim('run-a', 'reference-system');
  advance(40);
  await two.tick();
  expect(lost).toEqual([]);
  await one.tick();
  expect(lost).toEqual(['run-a']);
  // A late finish is refused: the run stays failed, with no document.
  expect(await store.endRun('run-a', { state: 'finished', document: '{}', exitCode: 0 })).toBeUndefined();
});

it('releases the lease of a run that ended, so nobody ends it as lost later', async () => {
  const { store, one, two, advance } = await twoInstances();
  await store.openRun({ id: 'run-a', systemId: 'reference-system', supplierCvr: '99990006', openedBy: 'supplier' });
  await one.claim('run-a', 'reference-system');
  await store.endRun('run-a', { state: 'finished', document: '{}', exitCode: 0 });
  await one.release('run-a');
  advance(60);
  await two.tick();
  expect((await store.run('run-a'))!.state).toBe('finished');
  expect(await store.history('run-a')).toEqual([]);
});
