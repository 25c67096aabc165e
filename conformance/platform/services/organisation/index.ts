import type { Catalog } from '../../../../catalog/index.ts';
import type { PlatformModule, ServiceHandler } from '../../service-handler.ts';
import { servedService } from '../../oioidws/served-service.ts';
import { serveOioidws, type OioidwsOperation } from '../../oioidws/serve-oioidws.ts';
import type { OrganisationFixtures } from './organisation-fixtures.ts';
import {
  organisationOperations,
  runOrganisationOperation,
  type OrganisationOperation,
} from './organisation-operations.ts';
import { orgNs, type OrgObjekt } from './registrering-xml.ts';

const inputElements: Record<OrganisationOperation, string> = {
  laes: 'LaesInput',
  list: 'ListInput',
  soeg: 'SoegInput',
};

/** The catalogue service behind each objekt the platform serves. */
const served: { objekt: OrgObjekt; service: string }[] = [
  { objekt: 'bruger', service: 'Bruger' },
  { objekt: 'organisationenhed', service: 'OrganisationEnhed' },
];

function handler(
  catalog: Catalog,
  objekt: OrgObjekt,
  serviceName: string,
  fixtures: OrganisationFixtures,
): ServiceHandler {
  const service = servedService(catalog, 'SF1500', serviceName, organisationOperations);
  const operations: OioidwsOperation[] = organisationOperations.map((name) => ({
    name,
    soapAction: service.soapActions[name]!,
    input: { local: inputElements[name], namespace: orgNs[objekt] },
  }));
  return {
    integration: service.integration,
    service: service.service,
    path: service.path,
    soapVersion: '1.2',
    requestElements: operations.map((o) => `{${o.input.namespace}}${o.input.local}`),
    // Holder-of-key: public OIOIDWS clients call without a TLS client certificate; the signature proves the caller.
    callerProof: 'message-signature',
    handle: (request, platform) =>
      serveOioidws(request, platform, {
        entityId: service.entityId,
        signingRole: 'organisation',
        operations,
        run: async (operation, input, claims) =>
          runOrganisationOperation(
            objekt,
            operation.name as OrganisationOperation,
            input as unknown as Node,
            fixtures,
            claims.cvr,
          ),
      }),
  };
}

/**
 * SF1500 Organisation v6: Bruger and OrganisationEnhed (laes, list, soeg) over Korsbæk's fixtures,
 * OIOIDWS. Paths, soapActions, the entityID and the organisation (korsbaek/organisation.yaml) come
 * from the catalogue; a catalogue without the organisation gets no hand-written service (the
 * contract module then answers from the imported contract, if there is one).
 */
export function createPlatformModule(catalog: Catalog): PlatformModule {
  const fixtures = catalog.korsbaek.organisation;
  return {
    name: 'organisation',
    handlers: fixtures ? served.map(({ objekt, service }) => handler(catalog, objekt, service, fixtures)) : [],
  };
}
