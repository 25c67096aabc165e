/** klarmeld server: KOMBIT's service (platform, judge, sheet, JSON API). Only cli/ (and bench/) import it. */
export { startServer, type RunningServer, type ServerOptions } from './start-server.ts';
export { DatabaseOptionError } from './store/open-store.ts';
export { PostgresStoreError, type PostgresStoreErrorCode } from './store/postgres-store-error.ts';
export { serverPaths } from './data-dir.ts';
export { hashToken, tokenPrefix } from './tokens.ts';
export type { ServerStore } from './store/server-store.ts';
export { parseSmtpUrl } from './notify/smtp-client.ts';
