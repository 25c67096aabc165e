import type { Catalog } from '../../../../catalog/index.ts';
import type { PlatformModule, ServiceHandler } from '../../service-handler.ts';
import type { PersonFixtures } from './person-fixtures.ts';
import { personLookupHandler } from './person-lookup-handler.ts';

/**
 * SF1520 CPR replika: PersonBaseDataExtendedService v4, hand-written, at the local path the catalogue
 * gives it with its ServiceUUID. The message namespace follows the path's version, as in
 * the official WSDL (http://serviceplatformen.dk/xml/wsdl/soap11/CPR/PersonBaseDataExtended/<v>/).
 * The persons are the catalogue's (korsbaek/persons.yaml); a catalogue without them gets no
 * replica (the contract module then answers from the imported contract, if there is one).
 */
export async function createPlatformModule(catalog: Catalog, fixtures?: PersonFixtures): Promise<PlatformModule> {
  const persons = fixtures ?? catalog.korsbaek.persons;
  const handlers: ServiceHandler[] = [];
  if (!persons) return { name: 'cpr', handlers };
  for (const integration of catalog.integrations.filter((i) => i.id === 'SF1520')) {
    for (const version of integration.versions) {
      for (const service of version.services) {
        const path = service.endpoints.local;
        // Written for v4's messages; other versions (v5) are served from their imported contract by the contract module.
        if (
          service.name !== 'PersonBaseDataExtendedService' ||
          service.version !== '4' ||
          !path ||
          !service.serviceUuid
        )
          continue;
        const lookup = service.operations.find((o) => o.name === 'PersonLookup');
        handlers.push(
          personLookupHandler(
            {
              integration: integration.id,
              service: service.name,
              path,
              serviceUuid: service.serviceUuid,
              namespace: `http://serviceplatformen.dk/xml/wsdl/soap11/CPR/PersonBaseDataExtended/${service.version}/`,
              soapAction: lookup?.soapAction,
            },
            persons,
          ),
        );
      }
    }
  }
  return { name: 'cpr', handlers };
}
