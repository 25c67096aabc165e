import type { GroupDefinition, TestContext } from '../../framework/index.ts';
import type { Exchange, SuiteEnvironment } from '../shared/environment.ts';
import { attach } from '../shared/evidence.ts';
import { act, exchangesOf, expectReportedError, fail, oneExchange, withClockMoved } from '../shared/steps.ts';
import { expectDataShown } from './data-shown.ts';
import { restRequirementId } from './rest-requirements.ts';
import type { RestOperationPlan } from './rest-operation-plan.ts';

const requires = ['recorder', 'trigger'];
const tokenServices = new Set(['AccessTokenService', 'OAuthClientCredentials']);
/** The tokens live an hour (expires_in 3600); two minutes more and every cached one has expired. */
const renewAfterSeconds = 3600 + 120;

async function callThrough(
  context: TestContext,
  env: SuiteEnvironment,
  plan: RestOperationPlan,
  values?: Record<string, string>,
) {
  const params = {
    integration: plan.service.integration,
    service: plan.service.service,
    operation: plan.operation.name,
    ...(values && { values }),
  };
  context.input('contract.call', params);
  return act(env, 'contract.call', params, {
    exchanges: (e) => e.service === plan.service.service && e.operation === plan.operation.name,
  });
}

async function oneCall(context: TestContext, env: SuiteEnvironment, plan: RestOperationPlan) {
  const { outcome, exchanges } = await callThrough(context, env, plan);
  const exchange = oneExchange(exchanges, plan.service.service, plan.operation.name);
  const tokens = exchanges.filter((e) => e.service !== undefined && tokenServices.has(e.service));
  attach(context, ...tokens, exchange);
  return { outcome, exchange, tokens };
}

const problems = (exchange: Exchange, prefixes: string[]) =>
  exchange.findings
    .filter((f) => f.severity === 'error' && prefixes.some((p) => f.code.startsWith(p)))
    .map((f) => `${f.code}: ${f.message}`)
    .join('; ');

/** What a token request named: the entity ID and the CVR (OAuth's scope, or the SAML assertion in saml-token). */
function tokenRequestOf(exchange: Exchange): { entityId?: string; cvr?: string } {
  const body = exchange.requestBody;
  if (exchange.service === 'OAuthClientCredentials') {
    let scope = '';
    try {
      scope = String((JSON.parse(body) as { scope?: unknown }).scope ?? '');
    } catch {
      scope = new URLSearchParams(body).get('scope') ?? '';
    }
    return {
      entityId: /entityid:([^,]*)/i.exec(scope)?.[1]?.trim(),
      cvr: /anvenderkontekst:([^,]*)/i.exec(scope)?.[1]?.trim(),
    };
  }
  const xml = Buffer.from(new URLSearchParams(body).get('saml-token') ?? '', 'base64').toString('utf8');
  return {
    entityId: /<(?:\w+:)?Audience>([^<]*)</.exec(xml)?.[1],
    cvr: /CvrNumberIdentifier"[^>]*>\s*<(?:\w+:)?AttributeValue[^>]*>([^<]*)</.exec(xml)?.[1],
  };
}

/** The tests of one REST operation (group `<service>-<operation>`), judged from what the platform recorded. */
export function restOperationGroup(plan: RestOperationPlan): GroupDefinition<SuiteEnvironment> {
  const { service, operation: op } = plan;
  const req = (check: Parameters<typeof restRequirementId>[2]) => [restRequirementId(service.integration, plan, check)];
  const tokenName = service.security.model === 'jwt' ? "the STS's OAuth JWT" : "the AccessTokenService's access token";
  const tests: GroupDefinition<SuiteEnvironment>['tests'] = [
    {
      id: 'valid-request',
      title: `The ${op.name} request's path, query and body are valid against the contract`,
      titleDa: `${op.name}-kaldets sti, query og body er gyldige efter kontrakten`,
      verifies: req('VALID'),
      requires,
      async run(context, env) {
        const { exchange } = await oneCall(context, env, plan);
        const found = problems(exchange, ['json.', 'rest.path', 'rest.query']);
        if (found) fail(`The platform found problems in the ${op.name} request: ${found}`);
      },
    },
    {
      id: 'headers',
      title: `The ${op.name} request carries the headers the contract requires (${plan.headers.join(', ') || 'none'})`,
      titleDa: `${op.name}-kaldet har de headere, kontrakten kræver (${plan.headers.join(', ') || 'ingen'})`,
      verifies: req('HEADERS'),
      requires,
      async run(context, env) {
        const { exchange } = await oneCall(context, env, plan);
        const found = problems(exchange, ['rest.header']);
        if (found) fail(`The ${op.name} request's headers: ${found}`);
      },
    },
    {
      id: 'security',
      title: `The ${op.name} request carries ${tokenName} for ${service.service}'s entity ID, over the certificate it is bound to`,
      titleDa: `${op.name}-kaldet har ${service.security.model === 'jwt' ? "STS'ens OAuth-JWT" : 'AccessTokenServicens access-token'} til ${service.service}s entity ID over det certifikat, det er bundet til`,
      verifies: req('SECURITY'),
      requires,
      async run(context, env) {
        const { exchange, tokens } = await oneCall(context, env, plan);
        const refused = exchange.fault && /^rest\.(no-token|token)/.test(exchange.fault.code);
        if (refused) fail(`${service.service} refused the token: ${exchange.fault!.text}`);
        for (const token of tokens) {
          const asked = tokenRequestOf(token);
          if (
            asked.entityId !== undefined &&
            asked.entityId !== service.security.entityId &&
            token.service !== 'AccessTokenService'
          )
            fail(
              `The system asked for a token for ${asked.entityId}; ${service.service}'s entity ID is ${service.security.entityId}`,
            );
          if (asked.cvr !== undefined && asked.cvr !== env.system.municipalityCvr)
            fail(
              `The system asked for a token for CVR ${asked.cvr}; it acts for municipality ${env.system.municipalityCvr}`,
            );
        }
      },
    },
  ];
  tests.push({
    id: 'token-renewed',
    title: `${tokenName} is renewed once its lifetime (expires_in) has passed, before ${op.name} is called again`,
    titleDa: `Tokenet fornyes, når dets levetid (expires_in) er gået, før ${op.name} kaldes igen`,
    verifies: req('EXPIRY'),
    requires,
    async run(context, env) {
      await oneCall(context, env, plan);
      context.log(`moving the system clock ${renewAfterSeconds} s on: past the token's lifetime`);
      const { exchanges } = await withClockMoved(env, renewAfterSeconds, () => callThrough(context, env, plan));
      const calls = exchangesOf(exchanges, service.service, op.name);
      const tokens = exchanges.filter((e) => e.service !== undefined && tokenServices.has(e.service));
      attach(context, ...tokens, ...calls);
      if (calls.length === 0) fail(`The system did not call ${op.name} when asked to`);
      if (tokens.length === 0)
        fail(
          `The system called ${op.name} with the token it had an hour ago instead of getting a new one: the token's expires_in (3600 s) had passed`,
        );
    },
  });
  const fault = plan.fault;
  if (fault)
    tests.push({
      id: 'fault-reported',
      title: `A Fejl from ${service.service} on ${op.name} is reported to the user, without a crash or a retry storm`,
      titleDa: `En Fejl fra ${service.service} på ${op.name} meldes til brugeren uden nedbrud og uden en strøm af nye forsøg`,
      verifies: req('FAULT'),
      requires,
      async run(context, env) {
        const { outcome, exchanges } = await callThrough(context, env, plan, { [fault.field]: fault.value });
        const calls = exchangesOf(exchanges, service.service, op.name);
        attach(context, ...calls);
        if (calls.length === 0) fail(`The system did not call ${op.name} when asked to`);
        const sent = (e: Exchange) =>
          decodeURIComponent(e.path ?? '').includes(fault.value) || e.requestBody.includes(fault.value);
        if (!calls.some(sent))
          fail(`The system did not send the value it was given for ${fault.field} (${fault.value})`);
        if (!calls.some((c) => Boolean(c.fault)))
          context.environment(
            'platform-no-fault',
            `The platform did not answer ${op.name} with its Fejl for ${fault.field} = ${fault.value}`,
          );
        expectReportedError(
          outcome,
          `The system reported success although ${service.service} answered ${op.name} with a Fejl`,
        );
        if (calls.length > 2)
          fail(
            `The system called ${op.name} ${calls.length} times for one request; a Fejl is an answer, not a reason to retry without end`,
          );
      },
    });
  if (plan.data.length > 0)
    tests.push({
      id: 'data-shown',
      title: `The system shows the data ${service.service} returns for ${op.name}`,
      titleDa: `Systemet viser de data, ${service.service} returnerer på ${op.name}`,
      verifies: req('DATA'),
      requires,
      async run(context, env) {
        const { outcome, exchange } = await oneCall(context, env, plan);
        const returned = plan.data.filter((v) => exchange.responseBody.includes(JSON.stringify(v).slice(1, -1)));
        expectDataShown(
          context,
          { service: service.service, operation: op.name, data: plan.data },
          exchange,
          outcome,
          returned,
        );
      },
    });
  return {
    id: plan.slug,
    title: `${service.service} ${op.name} (REST)`,
    titleDa: `${service.service} ${op.name} (REST)`,
    tests,
  };
}
