/** Where `klarmeld server` keeps what it keeps, inside its data folder. */
import { join } from 'node:path';

export interface ServerPaths {
  dir: string;
  /** The onboarding sheet and the server's own tables (SQLite). */
  database: string;
  /** The test platform's data: CA, certificates, registry, recorded exchanges. */
  platform: string;
  /** The Ed25519 key that signs exchanges and judged runs: the key KOMBIT trusts. Owner-only. */
  signingKey: string;
  /** KOMBIT's admin API token, written at first start. Owner-only. */
  adminToken: string;
}

export function serverPaths(dir: string): ServerPaths {
  return {
    dir,
    database: join(dir, 'sheet.sqlite'),
    platform: join(dir, 'platform'),
    signingKey: join(dir, 'platform-signing-key.pem'),
    adminToken: join(dir, 'admin-token'),
  };
}
