import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { request } from 'undici';
import type { Clock } from './clock.ts';
import type { Config } from './config.ts';
import { createContractCall } from './contract-call.ts';
import { createRestCall } from './rest-call.ts';
import { createCprLookup } from './cpr-lookup.ts';
import type { PersonLookupResponse } from '../generated/personbasedataextendedservice/definitions/PersonLookupResponse.ts';
import { contractsDir } from './contracts.ts';
import { mutualTlsAgent } from './http.ts';
import { createOrganisation } from './organisation.ts';
import { createSdi } from './sdi.ts';
import { withRetry } from './retry.ts';
import { serviceplatformFault } from './soap-fault.ts';
import { createTokenSource } from './tokens.ts';
import type { FaultName } from './faults.ts';

/** The faults in the token request itself, which only sts.get-token's token source has. */
const tokenRequestFaults = new Set<FaultName>([
  'wrong-municipality',
  'wrong-applies-to',
  'unbound-token-request',
  'fixed-message-id',
]);
import { ActionError } from './trigger-server.ts';

/** Another it-system's UUID (`foreign-user-system`): the one a colleague's test system was registered with. */
const OTHER_IT_SYSTEM = '3f1c9a52-7d4e-4b8a-9c21-5e6f7a8b9c0d';
/** Another service's ServiceUUID (`wrong-service-uuid`): SF1530 CVR's, copied from the wrong integration. */
const OTHER_SERVICE = 'c0daecde-e278-43b7-84fd-477bfeeea027';

/** The integrations of the reference system, wired to the platform the runner connected it to. */
export async function createServices(config: Config, clock: Clock) {
  const { connection, faults } = config;
  const agent = mutualTlsAgent(config.tls);
  const retry = <T>(call: () => Promise<T>) => withRetry(call, { enabled: !faults.has('no-retry') });
  const uuid = (value: string) => (faults.has('upper-case-uuids') ? value.toUpperCase() : value);
  // A service the runner did not connect the system to (a run of other integrations, e.g.
  // klarmeld-contracts.yaml) gets an address that cannot resolve: its client is still made, and a
  // call to it fails saying so instead of the system failing to start.
  const service = (name: string) =>
    connection.services[name] ?? { integration: '', url: `https://not-connected.invalid/${name}` };

  const post = async (url: string, body: string, contentType: string): Promise<string> => {
    const response = await request(url, {
      method: 'POST',
      headers: { 'content-type': contentType },
      body,
      dispatcher: agent,
    });
    return response.body.text();
  };
  const tokenOptions = {
    stsUrl: connection.stsUrl,
    cvr: connection.municipalityCvr,
    tls: config.tls,
    post: (url: string, body: string, type: string) => retry(() => post(url, body, type)),
    clock,
  };
  const tokens = createTokenSource({
    ...tokenOptions,
    faults: new Set([...faults].filter((f) => !tokenRequestFaults.has(f))),
  });
  /** The token source sts.get-token uses: the same, with the faults in the token request (see faults.ts). */
  const triggerTokens = faults.size === 0 ? tokens : createTokenSource({ ...tokenOptions, faults });

  const pbde = service('PersonBaseDataExtendedService');
  const lookup = await createCprLookup({
    wsdl: join(contractsDir, 'SF1520/4/PersonBaseDataExtendedService.wsdl'),
    endpoint: pbde.url,
    agent,
    soap12: faults.has('wrong-soap-version'),
    invocationContextInHeader: faults.has('invocation-context-in-header'),
    invocationContext: {
      ServiceAgreementUUID: uuid(faults.has('wrong-agreement') ? randomUUID() : (pbde.agreementUuid ?? '')),
      UserSystemUUID: uuid(faults.has('foreign-user-system') ? OTHER_IT_SYSTEM : connection.userSystemUuid),
      ...(faults.has('incomplete-invocation-context')
        ? {}
        : { UserUUID: uuid('6a5c1f3e-0c1b-4d3e-9f4a-2b7d8e9f0a1b') }),
      ServiceUUID: uuid(faults.has('wrong-service-uuid') ? OTHER_SERVICE : (pbde.serviceUuid ?? '')),
      ...(faults.has('anonymous-lookup') ? {} : { OnBehalfOfUser: 'sagsbehandler@korsbaek.dk' }),
    },
  });

  const organisation = await createOrganisation({
    agent,
    tokens,
    keyPem: config.tls.key,
    uuid,
    retry,
    faults,
    brugerUrl: service('Bruger').url,
    enhedUrl: service('OrganisationEnhed').url,
  });
  const sdi = await createSdi({
    agent,
    tokens,
    keyPem: config.tls.key,
    uuid,
    retry,
    clock,
    faults,
    url: service('SagDokumentIndeks').url,
  });
  const retryLookup = <T>(call: () => Promise<T>) =>
    faults.has('retry-on-fault') ? withRetry(call, { enabled: true, anyError: true }) : retry(call);

  const soapContract = createContractCall({
    connection,
    agent,
    tokens,
    keyPem: config.tls.key,
    faults,
    retry,
    ...(config.catalogDir && { catalogDir: config.catalogDir }),
  });
  const restContract = createRestCall({
    connection,
    agent,
    tokens,
    clock,
    faults,
    retry,
    ...(config.catalogDir && { catalogDir: config.catalogDir }),
  });
  // contract.call: the operations imported from an OpenAPI document are REST calls, the rest SOAP.
  const contract = async (params: Parameters<typeof soapContract>[0]) =>
    (await restContract.handles(params)) ? restContract.call(params) : soapContract(params);

  return {
    tokens: triggerTokens,
    organisation,
    sdi,
    contract,
    async cpr(cpr: string) {
      try {
        const answer = await retryLookup(() => lookup(cpr));
        // The faults that break what the user is shown: nothing at all, or another person's card
        // (the spouse from the answer's relations, looked up and shown in the person's place).
        if (faults.has('empty-result')) return undefined;
        const spouse = answer.relationer?.aegtefaelle?.personnummer;
        if (faults.has('wrong-person') && spouse) return personCard(spouse, await retry(() => lookup(spouse)));
        return personCard(cpr, answer);
      } catch (error) {
        const spFault = serviceplatformFault(error);
        if (!spFault) throw error;
        const notFound = /person.?not.?found|no person|findes ikke/i.test(`${spFault.code} ${spFault.text}`);
        if (notFound && faults.has('not-found-as-success')) return { cpr, name: '', address: '' };
        throw new ActionError(notFound ? 'person-not-found' : 'platform-refused', `${spFault.code}: ${spFault.text}`);
      }
    },
    close: () => agent.close(),
  };
}

/** What the system shows its user of a person: CPR number, name and current address. */
function personCard(cpr: string, answer: PersonLookupResponse) {
  const name = answer.persondata?.navn;
  const address = answer.adresse?.aktuelAdresse;
  return {
    cpr,
    name: [name?.fornavn, name?.mellemnavn, name?.efternavn].filter(Boolean).join(' '),
    address: address
      ? `${address.standardadresse ?? `${address.vejnavn ?? ''} ${address.husnummer ?? ''}`.trim()}, ${address.postnummer ?? ''} ${address.postdistrikt ?? ''}`.trim()
      : undefined,
  };
}
