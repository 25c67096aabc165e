/**
 * The REST services the catalogue describes well enough, from an OpenAPI document `klarmeld catalog
 * import-contract` read, to be served and called without code per integration: the REST side of
 * contract-services.ts, read by the platform's rest-contract module and by the callers (generic
 * suites, the supplier's generic client), so the two cannot drift.
 */
import type { Catalog } from './catalog.ts';
import type { KorsbaekSample } from './schema/korsbaek-samples.ts';
import type { Message } from './schema/message.ts';
import type { RestParameter } from './schema/service.ts';

/**
 * How a REST service knows its caller: `holder-of-key`, Serviceplatformen's access token (the STS's
 * SAML token for the entity ID exchanged at the AccessTokenService); `jwt`, the STS's OAuth JWT for
 * the entity ID. Both are sent as `Authorization: Holder-of-key <token>` over the certificate they are bound to.
 */
export interface RestSecurity {
  model: 'holder-of-key' | 'jwt';
  entityId: string;
}

export interface RestContractOperation {
  name: string;
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Below the service's path, with `{name}` for a path parameter: `/callDemoService/{message}`. */
  path: string;
  parameters: RestParameter[];
  input?: Message;
  output: Message;
  samples: KorsbaekSample[];
}

export interface RestContractService {
  integration: string;
  service: string;
  version: string;
  /** The service's path on the embedded platform (`endpoints.local`): the OpenAPI server URL's path. */
  path: string;
  security: RestSecurity;
  operations: RestContractOperation[];
}

/**
 * Every REST service of the catalogue the platform provides that has a path on the embedded platform,
 * a token model with an entity ID, and operations with a method, a path and an answer tree (the
 * STS's own token endpoints have none: they are hand-written). Pure: reads the loaded catalogue only.
 */
export function restContractServices(catalog: Catalog): RestContractService[] {
  const served: RestContractService[] = [];
  for (const integration of catalog.integrations) {
    const samples = catalog.samples.filter((s) => s.integration === integration.id).flatMap((s) => s.samples);
    for (const version of integration.versions) {
      for (const s of version.services) {
        if (s.provider !== 'platform' || s.protocol !== 'REST' || !s.endpoints.local || !s.entityId) continue;
        const model = s.security.includes('holder-of-key')
          ? 'holder-of-key'
          : s.security.includes('jwt')
            ? 'jwt'
            : undefined;
        const operations = s.operations.filter((o) => o.method && o.path && o.output);
        if (!model || operations.length === 0) continue;
        served.push({
          integration: integration.id,
          service: s.name,
          version: s.version,
          path: s.endpoints.local.replace(/\/+$/, ''),
          security: { model, entityId: s.entityId },
          operations: operations.map((o) => ({
            name: o.name,
            method: o.method!,
            path: o.path!,
            parameters: o.parameters ?? [],
            ...(o.input && { input: o.input }),
            output: o.output!,
            samples: samples.filter(
              (x) =>
                (x.service === undefined || x.service === s.name) &&
                (x.operation === undefined || x.operation === o.name),
            ),
          })),
        });
      }
    }
  }
  return served;
}
