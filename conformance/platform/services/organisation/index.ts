import type { PlatformModule, ServiceHandler } from '../../service-handler.ts';
import { platformEntityIds } from '../../oioidws/entity-ids.ts';
import { serveOioidws, type OioidwsOperation } from '../../oioidws/serve-oioidws.ts';
import { loadOrganisationFixtures, type OrganisationFixtures } from './organisation-fixtures.ts';
import { organisationOperations, runOrganisationOperation, type OrganisationOperation } from './organisation-operations.ts';
import { orgNs, type OrgObjekt } from './registrering-xml.ts';

const inputElements: Record<OrganisationOperation, string> = { laes: 'LaesInput', list: 'ListInput', soeg: 'SoegInput' };

function handler(objekt: OrgObjekt, service: string, fixtures: () => Promise<OrganisationFixtures>): ServiceHandler {
  const operations: OioidwsOperation[] = organisationOperations.map((name) => ({
    name,
    soapAction: `http://kombit.dk/sts/organisation/${objekt}/${name}`,
    input: { local: inputElements[name], namespace: orgNs[objekt] },
  }));
  return {
    integration: 'SF1500',
    service,
    path: `/organisation/${objekt}/6/`,
    soapVersion: '1.2',
    handle: (request, platform) =>
      serveOioidws(request, platform, {
        entityId: platformEntityIds.organisation.entityId,
        signingRole: 'organisation',
        operations,
        run: async (operation, input, claims) =>
          runOrganisationOperation(objekt, operation.name as OrganisationOperation, input as unknown as Node, await fixtures(), claims.cvr),
      }),
  };
}

let cached: Promise<OrganisationFixtures> | undefined;
const fixtures = () => (cached ??= loadOrganisationFixtures());

/** SF1500 Organisation v6: Bruger and OrganisationEnhed (laes, list, soeg) over Korsbæk's fixtures, OIOIDWS. */
export const platformModule: PlatformModule = {
  name: 'organisation',
  handlers: [handler('bruger', 'Bruger', fixtures), handler('organisationenhed', 'OrganisationEnhed', fixtures)],
};
