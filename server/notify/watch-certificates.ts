/**
 * Finds system certificates that expire within the warning period (or have expired): for each
 * system registered on the server, the test certificate its platform issued. One event per
 * certificate (its serial): a renewed certificate is a new one, warned of in its own time.
 */
import { X509Certificate } from 'node:crypto';
import type { Catalog } from '../../catalog/index.ts';
import type { ServerStore } from '../store/server-store.ts';
import type { NotifyEvent } from './notify-store.ts';

const dayMs = 86_400_000;

export async function watchCertificates(
  server: ServerStore,
  catalog: Catalog,
  options: { now: Date; warnDays: number; certificateOf(userSystemUuid: string): Promise<string | undefined> },
): Promise<NotifyEvent[]> {
  const events: NotifyEvent[] = [];
  for (const system of await server.systems()) {
    const pem = await options.certificateOf(system.userSystemUuid);
    if (!pem) continue;
    const certificate = new X509Certificate(pem);
    const notAfter = new Date(certificate.validTo);
    const daysLeft = Math.floor((notAfter.getTime() - options.now.getTime()) / dayMs);
    if (daysLeft > options.warnDays) continue;
    events.push({
      key: `certificate.expiring:${system.systemId}:${certificate.serialNumber}`,
      type: 'certificate.expiring',
      system: system.systemId,
      at: options.now.toISOString(),
      payload: {
        system: {
          id: system.systemId,
          name: catalog.systems.find((s) => s.id === system.systemId)?.name ?? system.systemId,
          supplier: system.supplierCvr,
        },
        certificate: {
          serial: certificate.serialNumber,
          subject: certificate.subject.replaceAll('\n', ', '),
          notAfter: notAfter.toISOString(),
          fingerprint256: certificate.fingerprint256,
        },
        daysLeft,
        warnDays: options.warnDays,
      },
    });
  }
  return events;
}
