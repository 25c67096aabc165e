import { afterAll, beforeAll, describe } from 'vitest';
import { postgresSkipReason } from '../testing/postgres-binaries.ts';
import { sharedTestPostgres, type FileTestPostgres } from '../testing/shared-postgres.ts';
import { openPostgresNotifyStore } from './postgres-notify-store.ts';
import { describeNotifyStore } from './testing/notify-store-contract.ts';

const skip = postgresSkipReason();

describe.skipIf(skip)(`PostgreSQL notify store${skip ? ` (skipped: ${skip})` : ''}`, () => {
  let server: FileTestPostgres;
  beforeAll(async () => {
    server = await sharedTestPostgres();
  });
  afterAll(async () => {
    await server?.stop();
  });

  describeNotifyStore('PostgreSQL', () => {
    let url: string | undefined;
    return {
      open: async () => openPostgresNotifyStore((url = await server.createDatabase())),
      reopen: async () => openPostgresNotifyStore(url!),
      cleanup: async () => undefined,
    };
  });
});
