import type { Server } from 'node:https';
import { createCrl } from '../pki/crl.ts';
import type { PlatformPkiStore } from '../pki/platform-pki.ts';
import type { SqliteRegistry } from '../registry/sqlite-registry.ts';

/**
 * Keeps the HTTPS server's CRL in step with the registry: checked every `everyMs` (a revocation
 * may come from `klarmeld platform system revoke` in another process); when the number of revoked
 * certificates changes, a new CRL is signed and the server's secure context replaced, so the next
 * handshake of a revoked certificate is not authorized (`socket.authorized`) and the TLS gate destroys
 * it before any HTTP answer. Live connections are closed by the TLS gate.
 */
export function startCrlRefresh(
  server: Server,
  tls: { key: string; cert: string; ca: string },
  pki: PlatformPkiStore,
  registry: SqliteRegistry,
  clock: () => Date,
  everyMs = 1000,
): { stop: () => void } {
  // The server starts with the CRL of the revocations known now.
  let count = registry.revokedCount();
  let busy = false;
  const timer = setInterval(() => {
    if (busy) return;
    const now = registry.revokedCount();
    if (now === count) return;
    busy = true;
    createCrl(pki.ca, registry.revokedCertificates(), clock())
      .then((crl) => {
        count = now;
        server.setSecureContext({ ...tls, crl });
      })
      .catch(() => undefined)
      .finally(() => (busy = false));
  }, everyMs);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
