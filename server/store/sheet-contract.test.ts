import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe } from 'vitest';
import { postgresSkipReason } from '../testing/postgres-binaries.ts';
import { sharedTestPostgres, type FileTestPostgres } from '../testing/shared-postgres.ts';
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
  let server: FileTestPostgres;
  beforeAll(async () => {
    server = await sharedTestPostgres();
  });
  afterAll(async () => {
    await server?.stop();
  });
  describeSheetBehaviour('PostgreSQL', () => {
    const url = server.createDatabase();
    return { open: async (options) => openPostgresServerStore(await url, options), cleanup: async () => undefined };
  });
});
