/**
 * A supplier registers its systems (only those the catalogue gives to its CVR) and gets what the
 * system needs to reach the server's platform: its test certificate and key, the platform's CA,
 * the service URLs and agreements (the connection file `klarmeld test` writes for it).
 */
import type { Catalog } from '../../catalog/index.ts';
import { findSystem, requirementsOf } from '../../catalog/index.ts';
import type { RunningPlatform } from '../../conformance/platform/index.ts';
import { connectionFor } from '../../conformance/runner/index.ts';
import { suitesFor } from '../../conformance/suites/index.ts';
import { badRequest, notFound } from '../api/api-error.ts';
import { forbidden, requireOwner, requireRole } from '../api/access.ts';
import type { ApiRoute } from '../api/json-api.ts';
import { callbackCertificate } from '../platform/callback-certificate.ts';
import type { SystemLinks } from '../platform/system-links.ts';
import { systemOnPlatform } from '../platform/system-on-platform.ts';
import type { Identity, ServerStore } from '../store/server-store.ts';
import { optionalText, text } from './fields.ts';

export function systemRoutes(
  store: ServerStore,
  catalog: Catalog,
  platform: RunningPlatform,
  links: SystemLinks,
): ApiRoute[] {
  const catalogueSystem = (id: string) => {
    const system = findSystem(catalog, id);
    if (!system) throw notFound(`The system "${id}" (not in the catalogue; KOMBIT lists systems in systems.yaml)`);
    return system;
  };
  /** The registered system with what it needs to connect. */
  const connection = async (id: string, callbackUrl: string | undefined) => {
    const system = catalogueSystem(id);
    const integrations = Object.keys(suitesFor(catalog)).filter((i) =>
      requirementsOf(catalog, system.id).required.some((r) => r.integration === i),
    );
    // Decisions made before the system was registered reach its agreements now.
    const session = await systemOnPlatform(platform, catalog, system, integrations, undefined, {
      decisions: await store.agreementDecisions({ systemIds: [system.id] }),
    });
    const callback = callbackUrl
      ? await callbackCertificate(
          platform.dataDir,
          { uuid: system.userSystemUuid, name: system.name },
          new URL(callbackUrl).hostname,
        )
      : undefined;
    // Every URL through the system's link, so the network tests can cut its connections.
    const { tls: _serverPaths, ...rest } = connectionFor(session, await links.of(system.userSystemUuid));
    return {
      platformUrl: platform.url,
      connection: rest,
      tls: {
        caPem: session.caPem,
        certPem: session.certPem,
        keyPem: session.keyPem,
        ...(callback ? { callbackCertPem: callback.certPem, callbackKeyPem: callback.keyPem } : {}),
      },
    };
  };
  const visible = (who: Identity, supplierCvr: string, municipalities: string[]) =>
    who.role === 'kombit' ||
    (who.role === 'supplier' && who.cvr === supplierCvr) ||
    (who.role === 'municipality' &&
      municipalities.includes(catalog.municipalities.find((m) => m.code === who.municipalityCode)?.cvr ?? ''));

  return [
    {
      method: 'POST',
      path: '/api/systems',
      async handle({ who, body }) {
        requireRole(who, ['supplier'], 'register a system');
        const system = catalogueSystem(text(body, 'system', "the system's catalogue id, e.g. reference-system"));
        requireOwner(who, { supplierCvr: system.supplier, systemId: system.id }, `register ${system.id}`);
        const callbackUrl = optionalText(
          body,
          'callbackUrl',
          "the https:// URL of the system's Beskedfordeler callback",
        );
        if (callbackUrl && !/^https:\/\/[^/\s]+/.test(callbackUrl))
          throw badRequest(
            `"callbackUrl" must be an https:// URL: the platform pushes over mutual TLS, not "${callbackUrl}".`,
          );
        const registered = await store.registerSystem({
          systemId: system.id,
          supplierCvr: system.supplier,
          userSystemUuid: system.userSystemUuid,
          ...(callbackUrl ? { callbackUrl } : {}),
          registeredBy: who.id,
        });
        if (registered.added)
          await store.appendHistory({
            actor: who.id,
            action: 'system.register',
            subject: system.id,
            detail: { supplierCvr: system.supplier },
          });
        return {
          status: registered.added ? 201 : 200,
          body: { system: registered.system, ...(await connection(system.id, callbackUrl)) },
        };
      },
    },
    {
      method: 'GET',
      path: '/api/systems',
      async handle({ who }) {
        const all = await store.systems(who.role === 'supplier' ? who.cvr : undefined);
        return {
          body: {
            systems: all.filter((s) =>
              visible(who, s.supplierCvr, findSystem(catalog, s.systemId)?.municipalities ?? []),
            ),
          },
        };
      },
    },
    {
      method: 'GET',
      path: '/api/systems/:id',
      async handle({ who, params }) {
        const system = catalogueSystem(params.id!);
        if (!visible(who, system.supplier, system.municipalities))
          throw forbidden(who, `read ${system.id}`, `${system.id} belongs to supplier CVR ${system.supplier}`);
        const registered = await store.system(system.id);
        if (!registered) throw notFound(`A registration of ${system.id}`);
        // Only its supplier gets the key material; others see that it is registered.
        return {
          body: {
            system: registered,
            ...(who.role === 'supplier' ? await connection(system.id, registered.callbackUrl) : {}),
          },
        };
      },
    },
  ];
}
