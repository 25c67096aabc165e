import type { SystemConnection } from './connection.ts';
import type { FlakyLink } from './flaky-link.ts';
import type { PlatformSession } from './platform-session.ts';

export { connectionEnv } from './connection.ts';

/** What the system is told about the platform: every URL through the flaky link when there is one. */
export function connectionFor(session: PlatformSession, link: FlakyLink | undefined): SystemConnection {
  const via = (url: string) => {
    if (!link) return url;
    const rewritten = new URL(url);
    rewritten.port = String(link.port);
    return rewritten.href;
  };
  const services: SystemConnection['services'] = {};
  for (const endpoint of session.endpoints) {
    const agreement = session.agreements?.find(
      (a) => a.integration === endpoint.integration && a.status === 'approved',
    );
    services[endpoint.name] = {
      integration: endpoint.integration,
      url: via(endpoint.url),
      ...(agreement ? { agreementUuid: agreement.uuid } : {}),
      ...(endpoint.serviceUuid ? { serviceUuid: endpoint.serviceUuid } : {}),
      ...(endpoint.entityId ? { entityId: endpoint.entityId } : {}),
    };
  }
  return {
    target: session.target,
    municipalityCvr: session.municipalityCvr,
    userSystemUuid: session.userSystemUuid,
    tls: session.files,
    stsUrl: via(session.urls.sts ?? new URL('/runtime/services/kombittrust/14/certificatemixed', session.baseUrl).href),
    services,
  };
}
