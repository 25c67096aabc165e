import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { tempDirs } from '../../catalog/test-fixtures/temp-dirs.ts';
import { readSheet } from './read-sheet.ts';
import { resolveSheetPath } from './sheet-path.ts';
import { SheetStore } from './sheet-store.ts';

const worker = fileURLToPath(new URL('./testing/record-worker.ts', import.meta.url));
const temp = tempDirs();
async function tempSheet() {
  const dir = await temp.make('sheet-');
  return join(dir, 'nested', 'sheet.sqlite');
}

function recorder(sheet: string, system: string, batches: number, size: number) {
  return spawn(process.execPath, [worker, sheet, system, String(batches), String(size)], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}
function exited(child: ReturnType<typeof recorder>) {
  let stderr = '';
  child.stderr!.on('data', (chunk) => (stderr += chunk));
  return new Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>((resolve) =>
    child.on('close', (code, signal) => resolve({ code, signal, stderr })),
  );
}

describe('SheetStore', () => {
  it('appends events, derives the current status from the latest, and keeps the whole history', async () => {
    const path = await tempSheet();
    let now = Date.parse('2026-11-22T08:00:00Z');
    const store = SheetStore.open(path, { clock: () => new Date((now += 1000)) });
    store.append([
      {
        system: 's1',
        integration: 'SF1520',
        status: 'ikke-klarmeldt',
        actor: 'runner',
        source: 'run',
        evidence: { runId: 'r1', digest: 'd'.repeat(64), shallTotal: 8, shallPassed: 0 },
      },
    ]);
    store.append([
      {
        system: 's1',
        integration: 'SF1520',
        status: 'irrelevant',
        reason: 'Kommunen efterspørger det ikke',
        actor: 'kombit',
        source: 'manual',
      },
    ]);
    store.append([{ system: 's2', integration: 'SF1500', status: 'klarmeldt', actor: 'runner', source: 'run' }]);
    expect(store.current().map((e) => [e.system, e.integration, e.status, e.reason])).toEqual([
      ['s1', 'SF1520', 'irrelevant', 'Kommunen efterspørger det ikke'],
      ['s2', 'SF1500', 'klarmeldt', undefined],
    ]);
    const history = store.history('s1', 'SF1520');
    expect(history.map((e) => [e.status, e.at])).toEqual([
      ['ikke-klarmeldt', '2026-11-22T08:00:01.000Z'],
      ['irrelevant', '2026-11-22T08:00:02.000Z'],
    ]);
    expect(history[0]!.evidence).toEqual({ runId: 'r1', digest: 'd'.repeat(64), shallTotal: 8, shallPassed: 0 });
    store.close();
  });

  it('refuses to change or delete history, even with SQL', async () => {
    const path = await tempSheet();
    const store = SheetStore.open(path);
    store.append([{ system: 's1', integration: 'SF1520', status: 'klarmeldt', actor: 'a', source: 'manual' }]);
    store.close();
    const { DatabaseSync } = await import('node:sqlite');
    const db = new DatabaseSync(path);
    expect(() => db.exec("UPDATE status_events SET status = 'ikke-klarmeldt'")).toThrow(/append-only/);
    expect(() => db.exec('DELETE FROM status_events')).toThrow(/append-only/);
    db.close();
  });

  it('readSheet gives undefined when there is no sheet, and the current view and history when there is', async () => {
    const path = await tempSheet();
    expect(readSheet(path)).toBeUndefined();
    const store = SheetStore.open(path);
    store.append([{ system: 's1', integration: 'SF1520', status: 'klarmeldt', actor: 'a', source: 'manual' }]);
    store.close();
    expect(readSheet(path)).toMatchObject({
      current: [{ system: 's1', status: 'klarmeldt' }],
      history: [{ system: 's1' }],
    });
  });

  it('takes the path from --sheet, then KLARMELD_SHEET, then .klarmeld/sheet.sqlite in the working directory', () => {
    expect(resolveSheetPath({ flag: 'x.sqlite', env: { KLARMELD_SHEET: '/e.sqlite' }, cwd: '/w' })).toBe('/w/x.sqlite');
    expect(resolveSheetPath({ env: { KLARMELD_SHEET: '/e.sqlite' }, cwd: '/w' })).toBe('/e.sqlite');
    expect(resolveSheetPath({ env: {}, cwd: '/w' })).toBe('/w/.klarmeld/sheet.sqlite');
  });
});

describe('SheetStore with many recorder processes', () => {
  it('loses no event when 50 processes record into one new sheet at once', async () => {
    const path = await tempSheet();
    const children = Array.from({ length: 50 }, (_, i) => recorder(path, `system-${i}`, 2, 5));
    const results = await Promise.all(children.map(exited));
    expect(results.filter((r) => r.code !== 0).map((r) => r.stderr)).toEqual([]);
    const store = SheetStore.open(path);
    expect(store.count()).toBe(50 * 2 * 5);
    expect(store.current()).toHaveLength(50 * 5);
    expect(store.integrityCheck()).toBe('ok');
    store.close();
  }, 60_000);

  it('a recorder killed with SIGKILL mid-recording leaves the sheet consistent: each run all there or not at all', async () => {
    const path = await tempSheet();
    SheetStore.open(path).close();
    const child = recorder(path, 'victim', 1000, 400);
    const done = exited(child);
    await new Promise<void>((resolve) =>
      child.stdout!.on('data', (chunk: Buffer) => String(chunk).includes('batch 2') && resolve()),
    );
    child.kill('SIGKILL');
    expect((await done).signal).toBe('SIGKILL');
    const store = SheetStore.open(path);
    expect(store.integrityCheck()).toBe('ok');
    const perRun = new Map<string, number>();
    for (const event of store.history('victim'))
      perRun.set(event.evidence!.runId, (perRun.get(event.evidence!.runId) ?? 0) + 1);
    expect(perRun.size).toBeGreaterThanOrEqual(3);
    expect([...perRun.values()].every((n) => n === 400)).toBe(true);
    // And the sheet still takes new events.
    store.append([{ system: 'after', integration: 'SF1520', status: 'klarmeldt', actor: 'a', source: 'manual' }]);
    expect(store.current().some((e) => e.system === 'after')).toBe(true);
    store.close();
  }, 60_000);
});

describe('currentOf', () => {
  it('derives the same current view from the history as the SQL view does', async () => {
    const { currentOf } = await import('./current-of.ts');
    const path = await tempSheet();
    const store = SheetStore.open(path);
    for (const status of ['ikke-klarmeldt', 'delvist-klarmeldt', 'klarmeldt']) {
      store.append([
        { system: 'b', integration: 'SF1520', status, actor: 'a', source: 'run' },
        { system: 'a', integration: 'SF1500', status, actor: 'a', source: 'run' },
      ]);
    }
    expect(currentOf(store.history())).toEqual(store.current());
    store.close();
  });
});
