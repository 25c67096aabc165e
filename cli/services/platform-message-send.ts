import { PlatformPkiStore } from '../../conformance/platform/pki/platform-pki.ts';
import { SqliteRegistry } from '../../conformance/platform/registry/sqlite-registry.ts';
import { messageDeps } from '../../conformance/platform/services/beskedfordeler/index.ts';
import { MessageError, sendMessage } from '../../conformance/platform/services/beskedfordeler/send-message.ts';
import type { Delivery } from '../../conformance/platform/services/beskedfordeler/delivery-store.ts';
import { openDatabase } from '../../conformance/platform/store/open-database.ts';

export { MessageError };
export type { Delivery };

/**
 * `klarmeld platform message send --to <system> --type <Beskedtype> [--cvr CVR]`: pushes a
 * Haendelsesbesked from the platform's data directory, the way a running platform does (no server
 * needed: the push is an outgoing call). Resolves when every callback endpoint of the system has
 * the message or has used its retries; every attempt is stored in the data directory.
 */
export async function sendPlatformMessage(dataDir: string, input: { to: string; type: string; cvr?: string }): Promise<Delivery[]> {
  const pki = await PlatformPkiStore.open(dataDir);
  const database = openDatabase(dataDir);
  try {
    const registry = new SqliteRegistry(database);
    const deps = await messageDeps({ registry, database, pki, clock: () => new Date() });
    return await sendMessage(deps, input);
  } finally {
    database.close();
  }
}

/** Plain text for the terminal: one line per endpoint and one per attempt. */
export function deliveriesText(deliveries: Delivery[]): string {
  return deliveries
    .map((d) => {
      const head = `${d.status === 'delivered' ? 'Delivered' : 'Not delivered'}: Beskedtype ${d.beskedtype}, BeskedId ${d.beskedId} to ${d.url}`;
      const lines = d.attempts.map((a) => `  attempt ${a.attempt} at ${a.at}: ${a.statusKode !== undefined ? `StatusKode ${a.statusKode}` : 'no answer'}${a.error ? ` (${a.error})` : ''}, ${a.latencyMs} ms`);
      return [head, ...lines].join('\n');
    })
    .join('\n');
}
