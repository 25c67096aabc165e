import type { Catalog } from '../../../catalog/index.ts';
import type { KorsbaekSample } from '../../../catalog/index.ts';
import type { Message } from '../../../catalog/index.ts';

/** How a caller proves who it is to a contract-described service, as its catalogue entry says. */
export type ContractSecurityModel =
  /** Serviceplatformen: client certificate, an InvocationContext in the request, an approved agreement for the ServiceUUID. */
  | { model: 'context'; serviceUuid: string }
  /** Støttesystemer: OIOIDWS, a holder-of-key token from the STS for the service's entity ID. */
  | { model: 'saml-token'; entityId: string };

export interface ContractOperationView {
  name: string;
  soapAction?: string;
  input: Message;
  output?: Message;
  /** Korsbæk samples of the integration that apply to this operation (what the platform answers with). */
  samples: KorsbaekSample[];
}

/** One SOAP service of the catalogue whose interface `catalog import-contract` derived, seen from its caller's side. */
export interface ContractServiceView {
  integration: string;
  service: string;
  version: string;
  /** Path on the embedded platform (`endpoints.local`). */
  path: string;
  soapVersion: '1.1' | '1.2';
  security: ContractSecurityModel;
  operations: ContractOperationView[];
}

/**
 * Every platform-provided SOAP service of the catalogue with derived request trees, a local path and
 * a security model a caller can meet: the same catalogue fields the platform's contract module
 * serves from (conformance/platform/services/contract/README.md), read here for the callers (a
 * generic suite, a supplier's generic client) that may not import the platform. Pure.
 */
export function contractCatalogue(catalog: Catalog): ContractServiceView[] {
  const found: ContractServiceView[] = [];
  for (const integration of catalog.integrations) {
    const samples = catalog.samples.filter((s) => s.integration === integration.id).flatMap((s) => s.samples);
    for (const version of integration.versions) {
      for (const s of version.services) {
        if (s.provider !== 'platform' || (s.protocol !== 'SOAP 1.1' && s.protocol !== 'SOAP 1.2') || !s.endpoints.local)
          continue;
        const operations = s.operations.filter((o) => o.input !== undefined);
        const security: ContractSecurityModel | undefined =
          s.security.includes('context') && s.serviceUuid
            ? { model: 'context', serviceUuid: s.serviceUuid }
            : s.security.includes('saml-token') && s.entityId
              ? { model: 'saml-token', entityId: s.entityId }
              : undefined;
        if (operations.length === 0 || !security) continue;
        found.push({
          integration: integration.id,
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
  return found;
}
