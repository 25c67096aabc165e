import type { DatabaseSync } from 'node:sqlite';
import type { Catalog } from '../../../../catalog/index.ts';
import type { PlatformModule, ServiceHandler } from '../../service-handler.ts';
import { servedService } from '../../oioidws/served-service.ts';
import { serveOioidws, type OioidwsOperation } from '../../oioidws/serve-oioidws.ts';
import { seedKorsbaekCases } from './sdi-fixtures.ts';
import { runSdiOperation, sdiOperations, type SdiOperation } from './sdi-operations.ts';
import { createSdiStore, type SdiStore } from './sdi-store.ts';
import { sdiNs } from './sdi-xml.ts';

const stores = new WeakMap<DatabaseSync, SdiStore>();
function storeOf(db: DatabaseSync): SdiStore {
  let store = stores.get(db);
  if (!store) stores.set(db, (store = createSdiStore(db)));
  return store;
}

const inputElement: Record<SdiOperation, string> = {
  importer: 'ImporterSagDokumentIndeksInput',
  opdater: 'OpdaterSagDokumentIndeksInput',
  fremsoeg: 'FremsoegSagDokumentIndeksInput',
  fjern: 'FjernSagDokumentIndeksInput',
};

/**
 * SF1470 SagDokumentIndeks v6 (OIOIDWS), stateful per municipality in the platform's SQLite
 * database. Path, soapActions and the entityID come from the catalogue.
 */
export function createPlatformModule(catalog: Catalog): PlatformModule {
  const service = servedService(catalog, 'SF1470', 'SagDokumentIndeks', sdiOperations);
  const operations: OioidwsOperation[] = sdiOperations.map((name) => ({
    name,
    soapAction: service.soapActions[name]!,
    input: { local: inputElement[name], namespace: sdiNs.sdi },
  }));
  const handler: ServiceHandler = {
    integration: service.integration,
    service: service.service,
    path: service.path,
    // KOMBIT describes direct Støttesystem calls as SOAP 1.2 (the catalogue says so too), but the
    // official SagDokumentIndeksService_6.wsdl declares its binding in the SOAP 1.1 WSDL namespace,
    // so a client generated from it sends SOAP 1.1. Both must get an answer, each in its own version.
    soapVersion: '1.2',
    alsoAccepts: '1.1',
    requestElements: operations.map((o) => `{${o.input.namespace}}${o.input.local}`),
    // Holder-of-key: public OIOIDWS clients call without a TLS client certificate; the signature proves the caller.
    callerProof: 'message-signature',
    handle: (request, platform) =>
      serveOioidws(request, platform, {
        entityId: service.entityId,
        signingRole: 'sagdokumentindeks',
        operations,
        run: async (operation, input, claims) =>
          runSdiOperation(operation.name as SdiOperation, input, {
            store: storeOf(platform.database),
            cvr: claims.cvr,
            now: platform.clock(),
          }),
      }),
  };
  return {
    name: 'sdi',
    handlers: [handler],
    // Korsbæk's cases are the catalogue's (korsbaek/cases.yaml); a catalogue without them starts an empty index.
    async start(platform) {
      const cases = catalog.korsbaek.cases;
      if (cases) seedKorsbaekCases(storeOf(platform.database), platform.clock(), cases);
    },
  };
}
