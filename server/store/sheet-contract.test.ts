import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe } from 'vitest';
import { postgresSkipReason } from '../testing/postgres-binaries.ts';
import { startTestPostgres, type TestPostgres } from '../testing/postgres.ts';
import { openPostgresServerStore } from './postgres-server-store.ts';
import { openSqliteServerStore } from './sqlite-server-store.ts';
import { describeSheetBehaviour } from './testing/sheet-contract.ts';

describeSheetBehaviour('SQLite', () => {
  const dir = mkdtemp(join(tmpdir(), 'klarmeld-sheet-contract-'));
  return {
    open: async (options) => openSqliteServerStore(join(await dir, 'sheet.sqlite'), options),
    cleanup: async () => rm(await dir, { recursive: true, force: true }),
  };
});

const skip = postgresSkipReason();
describe.skipIf(skip)(`PostgreSQL${skip ? ` (skipped: ${skip})` : ''}`, () => {
  let server: TestPostgres;
  beforeAll(async () => {
    server = await startTestPostgres();
  });
  afterAll(async () => {
    await server?.stop();
  });
  describeSheetBehaviour('PostgreSQL', () => {
    const url = server.createDatabase();
    return { open: async (options) => openPostgresServerStore(await url, options), cleanup: async () => undefined };
  });
});
