/**
 * The SOAP services the catalogue describes well enough, from the interfaces `klarmeld catalog
 * import-contract` derived, to be served and called without code per integration. One reading for
 * both sides of the wire: the platform's contract module serves these, and the generic suites and a
 * supplier's generic client call them (they may not import the platform), so the two cannot drift.
 */
import type { Catalog } from './catalog.ts';
import type { KorsbaekSample } from './schema/korsbaek-samples.ts';
import type { Message } from './schema/message.ts';

/** How a contract-described service knows its caller, as its catalogue entry says. */
export type ContractSecurity =
  /** Serviceplatformen: client certificate, InvocationContext or AuthorityContext in the request, an approved agreement. */
  | { model: 'context'; serviceUuid: string }
  /** Støttesystemer: OIOIDWS, a holder-of-key token from the STS for this entity ID in a signed WS-Security header. */
  | { model: 'saml-token'; entityId: string };

/** One operation as the catalogue derived it from the official contract (import-contract). */
export interface ContractOperation {
  name: string;
  soapAction?: string;
  input: Message;
  output?: Message;
  /** Korsbæk samples declared for the integration (samples/<id>.yaml) that apply to this operation. */
  samples: KorsbaekSample[];
}

/** A catalogue service the contract module can serve: everything comes from catalogue data. */
export interface ContractService {
  integration: string;
  /** The integration version's number, or undefined where KOMBIT's is not published. */
  integrationVersion?: string;
  service: string;
  version: string;
  path: string;
  soapVersion: '1.1' | '1.2';
  security: ContractSecurity;
  operations: ContractOperation[];
}

/** A catalogue service the contract module does not serve, and why (for `catalog coverage`). */
export interface UnservedService {
  integration: string;
  service: string;
  reason: string;
}

/**
 * Every SOAP service of the catalogue that the platform provides, has a path on the embedded
 * platform (`endpoints.local`) and operations with a derived request element; with the security
 * model it can check (context with a ServiceUUID; saml-token with an entity ID). The rest are
 * returned with the reason they are not served. Pure: reads the loaded catalogue only.
 */
export function contractServices(catalog: Catalog): { served: ContractService[]; unserved: UnservedService[] } {
  const served: ContractService[] = [];
  const unserved: UnservedService[] = [];
  for (const integration of catalog.integrations) {
    const samples = catalog.samples.filter((s) => s.integration === integration.id).flatMap((s) => s.samples);
    for (const version of integration.versions) {
      for (const s of version.services) {
        const skip = (reason: string) => unserved.push({ integration: integration.id, service: s.name, reason });
        if (s.provider !== 'platform') {
          skip("the supplier's system serves it; the platform calls it");
          continue;
        }
        if (s.protocol !== 'SOAP 1.1' && s.protocol !== 'SOAP 1.2') {
          skip(
            s.protocol === 'REST'
              ? restServed(s)
                ? 'REST: served by the rest-contract module (restContractServices), not this SOAP reading'
                : 'REST: no path on the platform, entity ID with a token model (holder-of-key, jwt) or answer tree in the catalogue (import its OpenAPI document)'
              : `${s.protocol} is not served from contract data`,
          );
          continue;
        }
        const operations = s.operations.filter((o) => o.input !== undefined);
        if (operations.length === 0) {
          skip('no operation has a request element in the catalogue (import its contract)');
          continue;
        }
        if (!s.endpoints.local) {
          skip('no path on the embedded platform (endpoints.local)');
          continue;
        }
        const security: ContractSecurity | undefined =
          s.security.includes('context') && s.serviceUuid
            ? { model: 'context', serviceUuid: s.serviceUuid }
            : s.security.includes('saml-token') && s.entityId
              ? { model: 'saml-token', entityId: s.entityId }
              : undefined;
        if (!security) {
          skip('neither a ServiceUUID (context model) nor an entity ID (OIOIDWS) in the catalogue');
          continue;
        }
        served.push({
          integration: integration.id,
          ...(version.version !== undefined && { integrationVersion: version.version }),
          service: s.name,
          version: s.version,
          path: s.endpoints.local,
          soapVersion: s.protocol === 'SOAP 1.2' ? '1.2' : '1.1',
          security,
          operations: operations.map((o) => ({
            name: o.name,
            ...(o.soapAction !== undefined && { soapAction: o.soapAction }),
            input: o.input!,
            ...(o.output && { output: o.output }),
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
  return { served, unserved };
}

/** Whether rest-contract-services.ts serves this REST service (the same conditions, said here for `unserved`'s reason). */
function restServed(s: Catalog['integrations'][number]['versions'][number]['services'][number]): boolean {
  return (
    Boolean(s.endpoints.local && s.entityId) &&
    (s.security.includes('holder-of-key') || s.security.includes('jwt')) &&
    s.operations.some((o) => o.method && o.path && o.output)
  );
}
