import type { GroupDefinition, TestContext } from '../../framework/index.ts';
import type { Exchange, SuiteEnvironment } from '../shared/environment.ts';
import { attach } from '../shared/evidence.ts';
import { expectLowerCaseUuids, expectTokenFor, soapVersionProblem } from '../shared/request-checks.ts';
import { act, exchangesOf, expectReportedError, fail, findingsText, oneExchange, skip } from '../shared/steps.ts';
import { invocationContextOf, namespaces, textIn } from '../shared/xml-checks.ts';
import { expectDataShown } from './data-shown.ts';
import { genericRequirementId } from './generic-requirements.ts';
import type { OperationPlan } from './operation-plan.ts';

const requires = ['recorder', 'trigger'];

/** Makes the system call the operation (`contract.call`), with request values the test chose, and returns its one call. */
async function callThrough(
  context: TestContext,
  env: SuiteEnvironment,
  plan: OperationPlan,
  values?: Record<string, string>,
) {
  const params = {
    integration: plan.service.integration,
    service: plan.service.service,
    operation: plan.operation.name,
    ...(values && { values }),
  };
  context.input('contract.call', params);
  const { outcome, exchanges } = await act(env, 'contract.call', params, {
    exchanges: (e) => e.service === plan.service.service && e.operation === plan.operation.name,
  });
  return { outcome, exchanges };
}

async function oneCall(
  context: TestContext,
  env: SuiteEnvironment,
  plan: OperationPlan,
  values?: Record<string, string>,
) {
  const { outcome, exchanges } = await callThrough(context, env, plan, values);
  const exchange = oneExchange(exchanges, plan.service.service, plan.operation.name);
  attach(context, exchange);
  return { outcome, exchange };
}

const unescapeXml = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
/** The platform answered the fault it was asked for: a SOAP fault, StatusKode 50 or SvarReaktion/Fejl. */
const answeredFault = (e: Exchange) =>
  Boolean(e.fault) ||
  e.findings.some((f) => f.code === 'standardretur.50') ||
  /TestFaultRequested/.test(e.responseBody);

/**
 * The tests of one operation (group `<service>-<operation>`), each a function of the exchanges the
 * platform recorded and the system's trigger reply; requirement ids from generic-requirements.ts.
 */
export function operationGroup(plan: OperationPlan): GroupDefinition<SuiteEnvironment> {
  const { service, operation: op } = plan;
  const integration = service.integration;
  const req = (check: Parameters<typeof genericRequirementId>[2]) => [genericRequirementId(integration, plan, check)];
  const tests: GroupDefinition<SuiteEnvironment>['tests'] = [
    {
      id: 'valid-request',
      title: `The ${op.name} request is valid against the contract's tree`,
      titleDa: `${op.name}-forespørgslen er gyldig efter kontraktens elementtræ`,
      verifies: req('VALID'),
      requires,
      async run(context, env) {
        const { exchange } = await oneCall(context, env, plan);
        const problems = findingsText(exchange);
        if (problems) fail(`The platform found problems in the ${op.name} request: ${problems}`);
        if (exchange.fault)
          fail(`The platform refused the ${op.name} request: ${exchange.fault.code}: ${exchange.fault.text}`);
      },
    },
    {
      id: 'soap-version-and-action',
      title: `The system calls ${op.name} as SOAP ${service.soapVersion} with its action`,
      titleDa: `Systemet kalder ${op.name} som SOAP ${service.soapVersion} med operationens action`,
      verifies: req('SOAP'),
      requires,
      async run(context, env) {
        const { exchange } = await oneCall(context, env, plan);
        const problem = soapVersionProblem(exchange, service.soapVersion);
        if (problem) fail(`${problem}. ${service.service} takes SOAP ${service.soapVersion}`);
        const expected = op.soapAction;
        // The platform records the action as sent (SOAPAction header for 1.1, the content type's
        // action for 1.2): a missing one is judged too, not only one a handler refused.
        if (exchange.fault?.code === 'InvalidSoapAction')
          fail(`The platform refused the SOAPAction: ${exchange.fault.text}`);
        const where = service.soapVersion === '1.1' ? 'SOAPAction header' : "content type's action";
        if (expected && exchange.soapAction !== expected)
          fail(
            `The ${where} is ${exchange.soapAction === undefined ? 'missing' : `"${exchange.soapAction}"`}; ${op.name}'s is ${expected}`,
          );
        if (expected && service.security.model === 'saml-token') {
          const wsaAction = textIn(exchange.requestBody, namespaces.wsa, 'Action');
          if (wsaAction !== expected)
            fail(`The WS-Addressing Action is ${wsaAction ?? 'missing'}; ${op.name}'s is ${expected}`);
        }
      },
    },
    {
      id: 'security',
      title:
        service.security.model === 'context'
          ? `The ${op.name} request names the system, the service and an approved agreement`
          : `The ${op.name} request carries a token for ${service.service}'s entity ID`,
      titleDa:
        service.security.model === 'context'
          ? `${op.name}-forespørgslen angiver systemet, servicen og en godkendt serviceaftale`
          : `${op.name}-forespørgslen har et token til entity ID'et for ${service.service}`,
      verifies: req('SECURITY'),
      requires,
      async run(context, env) {
        const { exchange } = await oneCall(context, env, plan);
        const security = service.security;
        if (security.model === 'saml-token')
          return expectTokenFor(exchange, { name: service.service, entityId: security.entityId });
        const invocation = invocationContextOf(exchange.requestBody);
        if (!invocation?.inBody)
          fail(
            invocation
              ? 'The InvocationContext is outside the SOAP Body; Serviceplatformen reads it from the request element'
              : 'The request has no InvocationContext',
          );
        const f = invocation.fields;
        const missing = ['ServiceAgreementUUID', 'UserSystemUUID', 'UserUUID', 'ServiceUUID'].filter((n) => !f[n]);
        if (missing.length > 0) fail(`The InvocationContext lacks ${missing.join(', ')}`);
        if (f.UserSystemUUID!.toLowerCase() !== env.system.userSystemUuid)
          fail(`UserSystemUUID is ${f.UserSystemUUID}; the system's it-system UUID is ${env.system.userSystemUuid}`);
        if (f.ServiceUUID!.toLowerCase() !== security.serviceUuid)
          fail(`ServiceUUID is ${f.ServiceUUID}; ${service.service}'s is ${security.serviceUuid}`);
        if (!env.platform.agreements)
          skip(
            'The UUIDs are right, but whether ServiceAgreementUUID is an approved agreement cannot be checked: the runner did not create the agreements on this platform',
          );
        const mine = env.platform.agreements
          .filter(
            (a) => a.status === 'approved' && (a.serviceUuid === security.serviceUuid || a.integration === integration),
          )
          .map((a) => a.uuid);
        if (!mine.includes(f.ServiceAgreementUUID!.toLowerCase()))
          fail(
            `ServiceAgreementUUID ${f.ServiceAgreementUUID} is not an approved agreement of this it-system for ${service.service} (its agreements: ${mine.join(', ') || 'none'})`,
          );
      },
    },
    {
      id: 'lower-case-uuids',
      title: `Every UUID in the ${op.name} request is lower case`,
      titleDa: `Alle UUID'er i ${op.name}-forespørgslen er skrevet med små bogstaver`,
      verifies: req('UUIDS'),
      requires,
      async run(context, env) {
        const given = plan.uuid;
        const { exchanges } = await callThrough(context, env, plan, given && { [given.field]: given.value });
        const exchange = oneExchange(exchanges, service.service, op.name);
        attach(context, exchange);
        expectLowerCaseUuids(exchange, 'The contracts allow only a-f');
        // A request with no UUID would pass on nothing: the test gave one, and it must be on the wire.
        if (given && !exchange.requestBody.toLowerCase().includes(given.value))
          fail(`The system did not send the UUID it was given for ${given.field} (${given.value})`);
      },
    },
  ];
  const fault = plan.fault;
  if (fault) {
    tests.push({
      id: 'fault-reported',
      title: `A fault from ${service.service} on ${op.name} is reported to the user, without a crash or a retry storm`,
      titleDa: `En fejl fra ${service.service} på ${op.name} meldes til brugeren uden nedbrud og uden en strøm af nye forsøg`,
      verifies: req('FAULT'),
      requires,
      async run(context, env) {
        const { outcome, exchanges } = await callThrough(context, env, plan, { [fault.field]: fault.value });
        const calls = exchangesOf(exchanges, service.service, op.name);
        attach(context, ...calls);
        if (calls.length === 0) fail(`The system did not call ${op.name} when asked to`);
        if (!calls.some((c) => unescapeXml(c.requestBody).includes(`>${fault.value}<`)))
          fail(`The system did not send the value it was given for ${fault.field} (${fault.value})`);
        if (!calls.some(answeredFault))
          context.environment(
            'platform-no-fault',
            `The platform did not answer ${op.name} with its fault on demand for ${fault.field} = ${fault.value}`,
          );
        expectReportedError(
          outcome,
          `The system reported success although ${service.service} answered ${op.name} with a fault: ${JSON.stringify(outcome.ok ? outcome.result : '').slice(0, 200)}`,
        );
        if (calls.length > 2)
          fail(
            `The system called ${op.name} ${calls.length} times for one request; a fault is an answer, not a reason to retry without end`,
          );
      },
    });
  }
  if (plan.data.length > 0) {
    tests.push({
      id: 'data-shown',
      title: `The system shows the data ${service.service} returns for ${op.name}`,
      titleDa: `Systemet viser de data, ${service.service} returnerer på ${op.name}`,
      verifies: req('DATA'),
      requires,
      async run(context, env) {
        const asked = plan.subject && { [plan.subject.field]: plan.subject.value };
        const { outcome, exchange } = await oneCall(context, env, plan, asked);
        const response = unescapeXml(exchange.responseBody);
        const returned = plan.data.filter((v) => response.includes(`>${v}<`));
        expectDataShown(
          context,
          { service: service.service, operation: op.name, data: plan.data },
          exchange,
          outcome,
          returned,
        );
      },
    });
  }
  // The group is named by the service and the operation, which read the same in both languages.
  const title = `${service.service} ${op.name}`;
  return { id: plan.slug, title, titleDa: title, tests };
}
