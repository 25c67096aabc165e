import { request, type Agent } from 'undici';
import type { Catalog } from '../../../catalog/index.ts';
import { loadCatalog } from '../../../catalog/index.ts';
import {
  contractCatalogue,
  contractRequest,
  readContractAnswer,
  type ContractCaller,
  type ContractServiceView,
} from '../../../conformance/clients/index.ts';
import type { SystemConnection } from '../../../conformance/runner/index.ts';
import type { Faults } from './faults.ts';
import type { TokenSource } from './tokens.ts';
import { ActionError } from './trigger-server.ts';

/** Another it-system's UUID (`contract-wrong-credentials`). */
const OTHER_IT_SYSTEM = '3f1c9a52-7d4e-4b8a-9c21-5e6f7a8b9c0d';
/** Organisation's entity ID (`contract-wrong-credentials`): a token the system holds, for another service. */
const OTHER_ENTITY_ID = 'http://stoettesystemerne.dk/service/organisation/3';
/** The user at the keyboard: a caseworker of Korsbæk's. */
const USER_UUID = '6a5c1f3e-0c1b-4d3e-9f4a-2b7d8e9f0a1b';

export interface ContractCallOptions {
  connection: SystemConnection;
  agent: Agent;
  tokens: TokenSource;
  keyPem: string;
  faults: Faults;
  retry: <T>(call: () => Promise<T>) => Promise<T>;
  /** The catalogue's data folder (KLARMELD_CATALOG), default the shipped one: the system reads the interfaces from it. */
  catalogDir?: string;
}

/**
 * Every operation whose interface the catalogue derived from the official contract, called as a
 * supplier's generic client would: the request built from the derived tree with the user's values
 * (conformance/clients/contract), Serviceplatformen's InvocationContext or an OIOIDWS token from the
 * STS, sent over mutual TLS; the answer's data shown to the user, a refusal reported as an error.
 */
export function createContractCall(options: ContractCallOptions) {
  const { faults, connection } = options;
  let catalogue: Promise<ContractServiceView[]> | undefined;
  const services = () =>
    (catalogue ??= loadCatalog(options.catalogDir ?? {}).then((r: { catalog: Catalog }) =>
      contractCatalogue(r.catalog),
    ));

  async function caller(service: ContractServiceView, agreementUuid: string | undefined): Promise<ContractCaller> {
    if (service.security.model === 'context') {
      return {
        model: 'context',
        agreementUuid: agreementUuid ?? '',
        userSystemUuid: faults.has('contract-wrong-credentials') ? OTHER_IT_SYSTEM : connection.userSystemUuid,
        userUuid: USER_UUID,
        onBehalfOfUser: 'sagsbehandler@korsbaek.dk',
      };
    }
    const entityId = faults.has('contract-wrong-credentials') ? OTHER_ENTITY_ID : service.security.entityId;
    const token = await options.tokens.get(entityId);
    return { model: 'saml-token', assertionXml: token.assertionXml, keyPem: options.keyPem };
  }

  return async function call(params: {
    integration: string;
    service?: string;
    operation: string;
    values?: Record<string, string>;
  }) {
    const service = (await services()).find(
      (s) =>
        s.integration === params.integration &&
        (!params.service || s.service === params.service) &&
        s.operations.some((o) => o.name === params.operation),
    );
    const operation = service?.operations.find((o) => o.name === params.operation);
    if (!service || !operation)
      throw new ActionError(
        'unsupported-action',
        `The catalogue has no operation ${params.operation} of ${params.integration}${params.service ? ` ${params.service}` : ''}`,
      );
    const connected = connection.services[service.service];
    if (!connected) throw new ActionError('not-connected', `The runner gave no connection for ${service.service}`);
    const values = Object.entries(params.values ?? {}).map(([field, value]) => ({ field, values: [value] }));
    const wrongAction = faults.has('contract-wrong-action')
      ? { ...operation, soapAction: `${operation.soapAction ?? ''}Andet` }
      : operation;
    const edit = (element: string) => {
      let out = element;
      if (faults.has('contract-unknown-element'))
        out = out.replace(
          new RegExp(`</${operation.input.element}>$`),
          `<KlarmeldUkendt>x</KlarmeldUkendt></${operation.input.element}>`,
        );
      if (faults.has('contract-upper-case-uuids'))
        out = out.replace(/\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/g, (u) => u.toUpperCase());
      return out;
    };
    const built = contractRequest(
      service,
      wrongAction,
      await caller(service, connected.agreementUuid),
      connected.url,
      values,
      edit,
    );
    const send = async () => {
      const response = await request(connected.url, {
        method: 'POST',
        headers: faults.has('contract-missing-soapaction') ? withoutAction(built.headers) : built.headers,
        body: built.body,
        dispatcher: options.agent,
      });
      return readContractAnswer(await response.body.text());
    };
    let answer = await options.retry(send);
    for (let again = 0; !answer.ok && faults.has('contract-retry-on-fault') && again < 2; again += 1)
      answer = await options.retry(send);
    if (!answer.ok) {
      if (faults.has('contract-fault-as-success')) return { answer: {} };
      throw new ActionError(
        'service-refused',
        `${service.service} refused ${operation.name}: ${answer.code}: ${answer.text}`,
      );
    }
    return faults.has('contract-data-not-shown') ? undefined : { answer: answer.values };
  };
}

/** The headers of a call that names no action: SOAPAction left out, `action` cut from a SOAP 1.2 content type. */
function withoutAction(headers: Record<string, string>): Record<string, string> {
  const { soapaction: _dropped, ...rest } = headers;
  const contentType = rest['content-type'];
  return contentType ? { ...rest, 'content-type': contentType.replace(/;\s*action="[^"]*"/i, '') } : rest;
}
