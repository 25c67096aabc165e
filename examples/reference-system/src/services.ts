import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { request } from 'undici';
import type { Clock } from './clock.ts';
import type { Config } from './config.ts';
import { createCprLookup } from './cpr-lookup.ts';
import { contractsDir } from './contracts.ts';
import { mutualTlsAgent } from './http.ts';
import { createOrganisation } from './organisation.ts';
import { createSdi } from './sdi.ts';
import { withRetry } from './retry.ts';
import { serviceplatformFault } from './soap-fault.ts';
import { createTokenSource } from './tokens.ts';
import { ActionError } from './trigger-server.ts';

/** The integrations of the reference system, wired to the platform the runner connected it to. */
export async function createServices(config: Config, clock: Clock) {
  const { connection, fault } = config;
  const agent = mutualTlsAgent(config.tls);
  const retry = <T>(call: () => Promise<T>) => withRetry(call, { enabled: fault !== 'no-retry' });
  const uuid = (value: string) => (fault === 'upper-case-uuids' ? value.toUpperCase() : value);
  const service = (name: string) => {
    const found = connection.services[name];
    if (!found) throw new ActionError('not-connected', `The runner gave no connection for ${name}`);
    return found;
  };

  const post = async (url: string, body: string, contentType: string): Promise<string> => {
    const response = await request(url, { method: 'POST', headers: { 'content-type': contentType }, body, dispatcher: agent });
    return response.body.text();
  };
  const tokens = createTokenSource({
    stsUrl: connection.stsUrl,
    cvr: connection.municipalityCvr,
    tls: config.tls,
    post: (url, body, type) => retry(() => post(url, body, type)),
    clock,
    fault,
  });

  const pbde = service('PersonBaseDataExtendedService');
  const lookup = await createCprLookup({
    wsdl: join(contractsDir, 'SF1520/4/PersonBaseDataExtendedService.wsdl'),
    endpoint: pbde.url,
    agent,
    soap12: fault === 'wrong-soap-version',
    invocationContext: {
      ServiceAgreementUUID: uuid(fault === 'wrong-agreement' ? randomUUID() : (pbde.agreementUuid ?? '')),
      UserSystemUUID: uuid(connection.userSystemUuid),
      UserUUID: uuid('6a5c1f3e-0c1b-4d3e-9f4a-2b7d8e9f0a1b'),
      ServiceUUID: uuid(pbde.serviceUuid ?? ''),
      OnBehalfOfUser: 'sagsbehandler@korsbaek.dk',
    },
  });

  const organisation = await createOrganisation({
    agent, tokens, keyPem: config.tls.key, uuid, retry,
    brugerUrl: service('Bruger').url,
    enhedUrl: service('OrganisationEnhed').url,
  });
  const sdi = await createSdi({ agent, tokens, keyPem: config.tls.key, uuid, retry, clock, url: service('SagDokumentIndeks').url });

  return {
    tokens,
    organisation,
    sdi,
    async cpr(cpr: string) {
      try {
        const answer = await retry(() => lookup(cpr));
        const name = answer.persondata?.navn;
        return { cpr, name: name?.personadresseringsnavn ?? [name?.fornavn, name?.efternavn].filter(Boolean).join(' ') };
      } catch (error) {
        const spFault = serviceplatformFault(error);
        if (!spFault) throw error;
        const notFound = /person.?not.?found|no person|findes ikke/i.test(`${spFault.code} ${spFault.text}`);
        throw new ActionError(notFound ? 'person-not-found' : 'platform-refused', `${spFault.code}: ${spFault.text}`);
      }
    },
    close: () => agent.close(),
  };
}
