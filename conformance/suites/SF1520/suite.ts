import { defineSuite, type TestContext } from '../../framework/index.ts';
import type { SuiteEnvironment } from '../shared/environment.ts';
import { attach } from '../shared/evidence.ts';
import { korsbaekData, korsbaekKeys as korsbaek } from '../shared/korsbaek-data.ts';
import { services } from '../shared/suite-services.ts';
import { agreementApprovedTest, platformGroup } from '../shared/platform-group.ts';
import { callPlatform } from '../shared/platform-call.ts';
import { expectLowerCaseUuids, soapVersionProblem } from '../shared/request-checks.ts';
import { expectPersonShown } from '../shared/shown.ts';
import {
  act,
  approvedAgreement,
  exchangesOf,
  expectReportedError,
  fail,
  findingsText,
  networkOf,
  oneExchange,
  skip,
} from '../shared/steps.ts';
import { invocationContextOf } from '../shared/xml-checks.ts';
import { personLookupEnvelope } from './person-lookup-envelope.ts';

const PBDE = services.personLookup.name;

/** Looks the known test person up through the system and returns the PersonLookup it sent. */
async function lookupKnownPerson(context: TestContext, env: SuiteEnvironment) {
  context.input('cpr', korsbaek.personCpr);
  const { outcome, exchanges } = await act(
    env,
    'cpr.lookup',
    { cpr: korsbaek.personCpr },
    { exchanges: (e) => e.service === PBDE },
  );
  // Any call to the service counts: a request the platform cannot read has no operation name.
  const exchange = oneExchange(exchanges, PBDE);
  attach(context, exchange);
  return { outcome, exchange };
}

export const sf1520Suite = defineSuite<SuiteEnvironment>({
  id: 'sf1520',
  integration: 'SF1520',
  title: 'CPR replika opslag (PersonBaseDataExtended v4)',
  titleDa: 'CPR replika opslag (PersonBaseDataExtended v4)',
  version: '1.1.0',
  requirementsFile: new URL('./requirements.yaml', import.meta.url),
  groups: [
    platformGroup([
      agreementApprovedTest({
        integration: 'SF1520',
        title: 'The system has an approved PersonBaseDataExtended agreement with the municipality',
        titleDa: 'Systemet har en godkendt serviceaftale på PersonBaseDataExtended med kommunen',
        verifies: ['SF1520-R01'],
      }),
      {
        id: 'lookup-as-system',
        title: "A PersonLookup made with the system's certificate and agreement gets person data",
        titleDa: 'Et PersonLookup med systemets certifikat og serviceaftale giver persondata',
        verifies: ['SF1520-R01', 'SF1520-R06'],
        async run(context, env) {
          const agreement = approvedAgreement(env, 'SF1520');
          const reply = await callPlatform(env, PBDE, {
            method: 'POST',
            headers: {
              'content-type': 'text/xml; charset=utf-8',
              soapaction: '"http://serviceplatformen.dk/xml/wsdl/soap11/CPR/PersonBaseDataExtended/4/PersonLookup"',
            },
            body: personLookupEnvelope({
              agreementUuid: agreement.uuid,
              userSystemUuid: env.system.userSystemUuid,
              cpr: korsbaek.personCpr,
            }),
          });
          if (reply.status !== 200)
            context.environment(
              'platform-refused-lookup',
              `The platform refused the runner's own PersonLookup as the system (HTTP ${reply.status}): ${reply.body.slice(0, 300)}`,
            );
          if (!reply.body.includes(`>${korsbaek.personCpr}<`))
            context.environment(
              'platform-no-person',
              `The platform answered the runner's own PersonLookup for ${korsbaek.personCpr} without that person's data: ${reply.body.slice(0, 300)}`,
            );
        },
      },
    ]),
    {
      id: 'lookup',
      title: 'The system looks persons up correctly',
      titleDa: 'Systemet slår personer korrekt op',
      tests: [
        {
          id: 'soap-1-1-person-lookup',
          title: 'The system calls PersonLookup as SOAP 1.1 at the CPR endpoint',
          titleDa: 'Systemet kalder PersonLookup som SOAP 1.1 på CPR-endpointet',
          verifies: ['SF1520-R02'],
          requires: ['recorder', 'trigger'],
          async run(context, env) {
            const { exchange } = await lookupKnownPerson(context, env);
            const problem = soapVersionProblem(exchange, '1.1');
            if (problem) fail(`${problem}. PersonBaseDataExtended v4 takes SOAP 1.1`);
          },
        },
        {
          id: 'invocation-context-in-body',
          title: 'The request carries a complete InvocationContext inside the request element',
          titleDa: 'Forespørgslen har en fuldstændig InvocationContext inde i request-elementet',
          verifies: ['SF1520-R03'],
          requires: ['recorder', 'trigger'],
          async run(context, env) {
            const { exchange } = await lookupKnownPerson(context, env);
            const invocation = invocationContextOf(exchange.requestBody);
            if (!invocation)
              fail(
                'The request has no InvocationContext (namespace http://serviceplatformen.dk/xml/schemas/InvocationContext/1/)',
              );
            if (!invocation.inBody)
              fail(
                'The InvocationContext is outside the SOAP Body; Serviceplatformen reads it from the request element',
              );
            const missing = ['ServiceAgreementUUID', 'UserSystemUUID', 'UserUUID', 'ServiceUUID'].filter(
              (f) => !invocation.fields[f],
            );
            if (missing.length > 0) fail(`The InvocationContext lacks ${missing.join(', ')}`);
          },
        },
        {
          id: 'lower-case-uuids',
          title: 'Every UUID in the request is lower case',
          titleDa: "Alle UUID'er i forespørgslen er skrevet med små bogstaver",
          verifies: ['SF1520-R04'],
          requires: ['recorder', 'trigger'],
          async run(context, env) {
            const { exchange } = await lookupKnownPerson(context, env);
            expectLowerCaseUuids(exchange, 'Serviceplatformen accepts only a-f');
          },
        },
        {
          id: 'own-identifiers',
          title: "The InvocationContext names the system's own it-system, the service and an approved agreement",
          titleDa: 'InvocationContext angiver systemets eget it-system, servicen og en godkendt serviceaftale',
          verifies: ['SF1520-R05'],
          requires: ['recorder', 'trigger'],
          async run(context, env) {
            const { exchange } = await lookupKnownPerson(context, env);
            const fields = invocationContextOf(exchange.requestBody)?.fields ?? {};
            const lower = (v: string | undefined) => v?.toLowerCase();
            if (lower(fields.UserSystemUUID) !== env.system.userSystemUuid)
              fail(
                `UserSystemUUID is ${fields.UserSystemUUID}; the system's it-system UUID is ${env.system.userSystemUuid}`,
              );
            if (lower(fields.ServiceUUID) !== services.personLookup.serviceUuid)
              fail(
                `ServiceUUID is ${fields.ServiceUUID}; PersonBaseDataExtended's is ${services.personLookup.serviceUuid}`,
              );
            if (!env.platform.agreements) {
              skip(
                'UserSystemUUID and ServiceUUID are right, but whether ServiceAgreementUUID is an approved agreement of this it-system cannot be checked: the runner did not create the agreements on this platform and cannot list them',
              );
            }
            const mine = env.platform.agreements
              .filter((a) => a.integration === 'SF1520' && a.status === 'approved')
              .map((a) => a.uuid);
            if (!mine.includes(lower(fields.ServiceAgreementUUID) ?? ''))
              fail(
                `ServiceAgreementUUID ${fields.ServiceAgreementUUID} is not an approved agreement of this it-system (its agreements: ${mine.join(', ') || 'none'})`,
              );
          },
        },
        {
          id: 'valid-request-gets-person',
          title: 'The request validates against the contract and the system shows the person',
          titleDa: 'Forespørgslen validerer mod kontrakten, og systemet viser personen',
          verifies: ['SF1520-R06'],
          requires: ['recorder', 'trigger'],
          async run(context, env) {
            const { outcome, exchange } = await lookupKnownPerson(context, env);
            const problems = findingsText(exchange);
            if (exchange.fault)
              fail(
                `The platform answered with a fault: ${exchange.fault.code}: ${exchange.fault.text}${problems ? ` (${problems})` : ''}`,
              );
            if (problems) fail(`The platform found problems in the request: ${problems}`);
            expectPersonShown(outcome, korsbaek.personCpr, (await korsbaekData()).persons);
          },
        },
      ],
    },
    {
      id: 'faults',
      title: 'The system reacts sensibly to faults',
      titleDa: 'Systemet reagerer fornuftigt på fejl',
      tests: [
        {
          id: 'person-not-found',
          title: 'An unknown CPR number (a ServiceplatformFault) is reported as not found, once, without a crash',
          titleDa: 'Et ukendt CPR-nummer (en ServiceplatformFault) meldes som ikke fundet, én gang og uden nedbrud',
          verifies: ['SF1520-R07', 'SF1520-R08'],
          requires: ['recorder', 'trigger'],
          async run(context, env) {
            context.input('cpr', korsbaek.unknownCpr);
            const { outcome, exchanges } = await act(
              env,
              'cpr.lookup',
              { cpr: korsbaek.unknownCpr },
              { exchanges: (e) => e.service === PBDE },
            );
            const calls = exchangesOf(exchanges, PBDE, 'PersonLookup');
            attach(context, ...calls);
            if (calls.length === 0) fail('The system did not call PersonLookup for the unknown CPR number');
            expectReportedError(
              outcome,
              `The system reported success for a CPR number the platform does not know: ${JSON.stringify(outcome.ok ? outcome.result : '').slice(0, 200)}`,
            );
            if (!calls.some((c) => c.fault))
              context.skip(
                'The platform did not answer the unknown CPR number with a fault, so there was nothing to react to',
              );
            // Only a "no such person" fault asks for "not found"; a refusal for another reason (an agreement, the context) is other tests' business.
            const notFound = calls.find(
              (c) =>
                c.fault &&
                /person/i.test(`${c.fault.code} ${c.fault.text}`) &&
                /not.?found|no person|findes ikke/i.test(`${c.fault.code} ${c.fault.text}`),
            );
            if (!notFound) {
              const other = calls.find((c) => c.fault)!.fault!;
              context.skip(
                `The platform refused the lookup for another reason (${other.code}: ${other.text}), so there was no "not found" to react to`,
              );
            }
            if (calls.length > 1)
              fail(
                `The system repeated the lookup ${calls.length} times; "not found" is an answer, not a transient failure`,
              );
            // The protocol's code for it: a system that says "failed" or "platform error" has not told its user the person does not exist.
            if (!outcome.ok && outcome.error.code !== 'person-not-found') {
              fail(
                `The system reported ${outcome.error.code}: ${outcome.error.message}; for a CPR number the platform does not know it must report person-not-found`,
              );
            }
          },
        },
        {
          id: 'retry-after-dropped-connection',
          title: 'After a dropped connection the system retries, the lookup succeeds and the system shows the person',
          titleDa: 'Efter en afbrudt forbindelse prøver systemet igen, opslaget lykkes, og systemet viser personen',
          verifies: ['SF1520-R09'],
          requires: ['recorder', 'trigger', 'network'],
          async run(context, env) {
            networkOf(env).failNext(1);
            const { outcome, exchanges } = await act(
              env,
              'cpr.lookup',
              { cpr: korsbaek.personCpr },
              { exchanges: (e) => e.service === PBDE },
            );
            attach(context, ...exchangesOf(exchanges, PBDE));
            expectPersonShown(
              outcome,
              korsbaek.personCpr,
              (await korsbaekData()).persons,
              'After one dropped connection',
            );
          },
        },
        {
          id: 'names-the-user',
          title: 'The request names the user (OnBehalfOfUser) and a call id (CallersServiceCallIdentifier)',
          titleDa: 'Forespørgslen angiver brugeren (OnBehalfOfUser) og et kald-id (CallersServiceCallIdentifier)',
          verifies: ['SF1520-R10'],
          requires: ['recorder', 'trigger'],
          async run(context, env) {
            const { exchange } = await lookupKnownPerson(context, env);
            const fields = invocationContextOf(exchange.requestBody)?.fields ?? {};
            const missing = ['OnBehalfOfUser', 'CallersServiceCallIdentifier'].filter((f) => !fields[f]);
            if (missing.length > 0)
              fail(
                `The InvocationContext has no ${missing.join(' and ')}; they help the municipality trace who looked whom up`,
              );
          },
        },
      ],
    },
  ],
});
