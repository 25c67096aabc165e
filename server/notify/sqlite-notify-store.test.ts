import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { SheetStore } from '../../conformance/onboarding/index.ts';
import { openSqliteNotifyStore } from './sqlite-notify-store.ts';
import { describeNotifyStore } from './testing/notify-store-contract.ts';

describeNotifyStore('SQLite', () => {
  const dir = mkdtempSync(join(tmpdir(), 'klarmeld-notify-store-'));
  const file = join(dir, 'sheet.sqlite');
  return {
    open: async () => openSqliteNotifyStore(file),
    reopen: async () => openSqliteNotifyStore(file),
    cleanup: async () => rmSync(dir, { recursive: true, force: true }),
  };
});

it("reads the sheet's events after a seq, and a pair's event before one", async () => {
  const dir = mkdtempSync(join(tmpdir(), 'klarmeld-notify-store-'));
  try {
    const sheet = SheetStore.open(join(dir, 'sheet.sqlite'));
    sheet.append([{ system: 's', integration: 'SF1520', status: 'tilmeldt', actor: 'kombit', source: 'manual' }]);
    sheet.appendRun('run-1', [
      {
        system: 's',
        integration: 'SF1520',
        status: 'klarmeldt',
        actor: 'server',
        source: 'run',
        evidence: { runId: 'run-1', digest: 'd'.repeat(64) },
      },
    ]);
    const store = openSqliteNotifyStore(join(dir, 'sheet.sqlite'));
    expect(await store.lastSheetSeq()).toBe(2);
    const [second] = await store.sheetChangesAfter(1, 10);
    expect(second).toMatchObject({ seq: 2, status: 'klarmeldt', runId: 'run-1', source: 'run' });
    expect(await store.sheetChangeBefore('s', 'SF1520', 2)).toMatchObject({ seq: 1, status: 'tilmeldt' });
    await store.close();
    sheet.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
