import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DatabaseSync } from 'node:sqlite';
import { describe, expect, it } from 'vitest';
import { tempDirs } from '../../catalog/test-fixtures/temp-dirs.ts';
import { SheetStore } from './sheet-store.ts';
import type { NewStatusEvent } from './status-event.ts';

const worker = fileURLToPath(new URL('./testing/record-worker.ts', import.meta.url));
const temp = tempDirs();
async function tempSheet() {
  const dir = await temp.make('sheet-runs-');
  return join(dir, 'sheet.sqlite');
}
const runEvent = (runId: string, integration: string, status = 'klarmeldt'): NewStatusEvent => ({
  system: 's1',
  integration,
  status,
  actor: 'runner',
  source: 'run',
  evidence: { runId, digest: 'd'.repeat(64), shallTotal: 2, shallPassed: 2 },
});

describe('SheetStore.appendRun', () => {
  it('records a run once: the second time it appends nothing and returns the events of the first', async () => {
    const store = SheetStore.open(await tempSheet());
    const first = store.appendRun('run-1', [runEvent('run-1', 'SF1520'), runEvent('run-1', 'SF1500')]);
    expect('appended' in first && first.appended.map((e) => e.integration)).toEqual(['SF1520', 'SF1500']);
    const again = store.appendRun('run-1', [runEvent('run-1', 'SF1520', 'ikke-klarmeldt')]);
    expect('alreadyRecorded' in again && again.alreadyRecorded.map((e) => [e.integration, e.status])).toEqual([
      ['SF1520', 'klarmeldt'],
      ['SF1500', 'klarmeldt'],
    ]);
    expect(store.count()).toBe(2);
    expect('appended' in store.appendRun('run-2', [runEvent('run-2', 'SF1520')])).toBe(true);
    expect(store.runEvents('run-2')).toHaveLength(1);
    store.close();
  });

  it('records a run once when ten processes record it at the same moment', async () => {
    const path = await tempSheet();
    SheetStore.open(path).close();
    const outputs = await Promise.all(
      Array.from({ length: 10 }, () => {
        const child = spawn(process.execPath, [worker, path, 's1', '1', '5', 'same-run'], {
          stdio: ['ignore', 'pipe', 'pipe'],
        });
        let out = '';
        child.stdout.on('data', (chunk: Buffer) => (out += chunk));
        return new Promise<string>((resolve) => child.on('close', () => resolve(out)));
      }),
    );
    expect(outputs.filter((o) => o.includes('already recorded'))).toHaveLength(9);
    const store = SheetStore.open(path);
    expect(store.runEvents('same-run')).toHaveLength(5);
    expect(store.count()).toBe(5);
    store.close();
  }, 60_000);
});

describe('trusted platform keys', () => {
  it('keeps name, fingerprint, who added it and when; adding it again keeps the first entry', async () => {
    let now = Date.parse('2026-11-22T08:00:00Z');
    const store = SheetStore.open(await tempSheet(), { clock: () => new Date((now += 1000)) });
    expect(store.trustedPlatformKeys()).toEqual([]);
    const fingerprint = 'AB'.repeat(32);
    const added = store.trustPlatformKey({ fingerprint, name: 'KOMBIT external test environment', addedBy: 'kombit' });
    const entry = {
      fingerprint: 'ab'.repeat(32),
      name: 'KOMBIT external test environment',
      addedBy: 'kombit',
      addedAt: '2026-11-22T08:00:01.000Z',
    };
    expect(added).toEqual({ key: entry, added: true });
    expect(store.trustPlatformKey({ fingerprint: 'ab'.repeat(32), name: 'Other name', addedBy: 'someone' })).toEqual({
      key: entry,
      added: false,
    });
    expect(store.trustedPlatformKeys()).toEqual([entry]);
    expect(store.trustedPlatformKey('ab'.repeat(32))).toEqual(entry);
    expect(store.trustedPlatformKey('cd'.repeat(32))).toBeUndefined();
    store.close();
  });

  it('refuses a fingerprint that is not 64 hex digits, a missing name or a missing adder, naming what to give', async () => {
    const store = SheetStore.open(await tempSheet());
    expect(() => store.trustPlatformKey({ fingerprint: 'abc', name: 'x', addedBy: 'k' })).toThrow(
      /not a key fingerprint/,
    );
    expect(() => store.trustPlatformKey({ fingerprint: 'a'.repeat(64), name: ' ', addedBy: 'k' })).toThrow(
      /Name the platform/,
    );
    expect(() => store.trustPlatformKey({ fingerprint: 'a'.repeat(64), name: 'x', addedBy: '' })).toThrow(
      /who trusts the key/,
    );
    expect(store.trustedPlatformKeys()).toEqual([]);
    store.close();
  });

  it('are added to a sheet made before the table existed, without touching its history', async () => {
    const path = await tempSheet();
    const old = new DatabaseSync(path);
    old.exec(`CREATE TABLE sheet_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
      CREATE TABLE status_events (seq INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT NOT NULL UNIQUE, system TEXT NOT NULL, integration TEXT NOT NULL,
        status TEXT NOT NULL, reason TEXT, actor TEXT NOT NULL, at TEXT NOT NULL, source TEXT NOT NULL, evidence TEXT);
      INSERT INTO sheet_meta VALUES ('schema-version', '1');
      INSERT INTO status_events (id, system, integration, status, actor, at, source) VALUES ('e1', 's1', 'SF1520', 'klarmeldt', 'a', '2026-01-01T00:00:00Z', 'manual');`);
    old.close();
    const store = SheetStore.open(path);
    store.trustPlatformKey({ fingerprint: 'a'.repeat(64), name: 'p', addedBy: 'k' });
    expect(store.trustedPlatformKeys()).toHaveLength(1);
    expect(store.history().map((e) => e.id)).toEqual(['e1']);
    // Version 3 adds the cell's word: an old event has none, a new one keeps KOMBIT's spelling.
    store.append([
      {
        system: 's1',
        integration: 'SF1520',
        status: 'delvist-klarmeldt',
        word: 'Delvist',
        actor: 'k',
        source: 'import',
      },
    ]);
    expect(store.current().map((e) => [e.status, e.word])).toEqual([['delvist-klarmeldt', 'Delvist']]);
    expect(store.history()[0]).not.toHaveProperty('word');
    store.close();
    const db = new DatabaseSync(path);
    expect(db.prepare("SELECT value FROM sheet_meta WHERE key = 'schema-version'").get()).toEqual({ value: '3' });
    db.close();
  });
});
