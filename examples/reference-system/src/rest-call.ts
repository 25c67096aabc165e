import { request, type Agent } from 'undici';
import { loadCatalog, restContractServices, type RestContractService } from '../../../catalog/index.ts';
import { readRestAnswer, restRequest } from '../../../conformance/clients/index.ts';
import type { SystemConnection } from '../../../conformance/runner/index.ts';
import type { Clock } from './clock.ts';
import type { Faults } from './faults.ts';
import { createRestTokens } from './rest-tokens.ts';
import type { TokenSource } from './tokens.ts';
import { ActionError } from './trigger-server.ts';

export interface RestCallOptions {
  connection: SystemConnection;
  agent: Agent;
  tokens: TokenSource;
  clock: Clock;
  faults: Faults;
  retry: <T>(call: () => Promise<T>) => Promise<T>;
  catalogDir?: string;
}

type Params = { integration: string; service?: string; operation: string; values?: Record<string, string> };

/**
 * Every REST operation the catalogue derived from an OpenAPI document, called as a supplier's generic
 * client would (conformance/clients/rest): a token the service's way (access token or STS JWT, cached),
 * the call with Holder-of-key and the x-Transaktions headers over mutual TLS, the answer's data shown
 * to the user, a SvarReaktion/Fejl or a refusal reported as an error. `handles` says whether a
 * contract.call is a REST one; the SOAP ones go to contract-call.ts.
 */
export function createRestCall(options: RestCallOptions) {
  const { faults, connection } = options;
  let catalogue: Promise<RestContractService[]> | undefined;
  const services = () =>
    (catalogue ??= loadCatalog(options.catalogDir ?? {}).then((r) => restContractServices(r.catalog)));
  const url = (name: string) => connection.services[name]?.url ?? `https://not-connected.invalid/${name}`;
  const tokens = createRestTokens({
    agent: options.agent,
    saml: options.tokens,
    cvr: connection.municipalityCvr,
    accessTokenUrl: `${url('AccessTokenService').replace(/\/+$/, '')}/token`,
    oauthUrl: url('OAuthClientCredentials'),
    clock: options.clock,
    retry: options.retry,
    keepExpired: faults.has('rest-expired-token'),
  });
  const find = async (p: Params) => {
    const service = (await services()).find(
      (s) =>
        s.integration === p.integration &&
        (!p.service || s.service === p.service) &&
        s.operations.some((o) => o.name === p.operation),
    );
    return service && { service, operation: service.operations.find((o) => o.name === p.operation)! };
  };

  return {
    // Only a call that names its service: SF0101's SOAP Demo and REST AccessTokenDemo both have callDemoService.
    handles: async (p: Params) => p.service !== undefined && (await find(p)) !== undefined,
    async call(p: Params) {
      const found = await find(p);
      if (!found) throw new ActionError('unsupported-action', `The catalogue has no REST operation ${p.operation}`);
      const { service, operation } = found;
      const connected = connection.services[service.service];
      if (!connected) throw new ActionError('not-connected', `The runner gave no connection for ${service.service}`);
      // rest-wrong-token: a token for another service of the integration (SF0101's SOAP Demo), which the STS grants.
      const other = Object.entries(connection.services).find(
        ([name, c]) => c.integration === service.integration && name !== service.service && c.entityId,
      )?.[1].entityId;
      const security =
        faults.has('rest-wrong-token') && other ? { model: service.security.model, entityId: other } : service.security;
      const token = await tokens.get(security);
      const values = { ...(p.values ?? {}) };
      // rest-invalid-request: a path value longer than the contract allows (an operation without a body), or an unknown property.
      if (faults.has('rest-invalid-request') && !operation.input)
        for (const param of operation.parameters.filter((x) => x.in === 'path')) values[param.name] ??= 'x'.repeat(300);
      const built = restRequest(connected.url, operation, token.accessToken, values, options.clock.now());
      if (faults.has('rest-invalid-request') && built.body)
        built.body = JSON.stringify({ ...(JSON.parse(built.body) as object), KlarmeldUkendt: 'x' });
      if (faults.has('rest-missing-transaktionsid')) delete built.headers['x-transaktionsid'];
      const send = async () => {
        const response = await request(built.url, {
          method: built.method as 'GET',
          headers: built.headers,
          ...(built.body !== undefined && { body: built.body }),
          dispatcher: options.agent,
        });
        return readRestAnswer(response.statusCode, await response.body.text());
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
    },
  };
}
