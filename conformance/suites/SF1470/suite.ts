import { defineSuite, type TestContext } from '../../framework/index.ts';
import type { Exchange, SuiteEnvironment } from '../shared/environment.ts';
import { attach } from '../shared/evidence.ts';
import { services } from '../shared/suite-services.ts';
import { agreementApprovedTest, platformGroup } from '../shared/platform-group.ts';
import { expectLowerCaseUuids, expectTokenFor, soapVersionProblem } from '../shared/request-checks.ts';
import { act, exchangesOf, expectOk, fail, findingsText, networkOf, oneExchange, skip } from '../shared/steps.ts';
import { requestToken } from '../shared/sts-token.ts';
import { namespaces, statusKodeOf, textIn } from '../shared/xml-checks.ts';
import { importedCaseUuids } from './imported-cases.ts';
import { uuidOf } from '../shared/world.ts';

const SDI = services.sdi.name;
const importerAction = 'http://kombit.dk/sts/sagdokumentindeks/importer';

/** A case of the test run: a new UUID each time, so runs do not see each other's cases. */
function newCase(context: TestContext, env: SuiteEnvironment) {
  const caseUuid = uuidOf(env);
  context.input('caseUuid', caseUuid);
  return { caseUuid, title: `klarmeld conformance test ${caseUuid.slice(0, 8)}` };
}

/**
 * A case known only by the system's own case reference (a user-facing case number): the system
 * chooses its UUID, so the runner sees whether indexing it again reuses that UUID.
 */
function newCaseReference(context: TestContext, env: SuiteEnvironment) {
  const caseReference = `KLARMELD-${uuidOf(env).slice(0, 8).toUpperCase()}`;
  context.input('caseReference', caseReference);
  return { caseReference, title: `klarmeld conformance test ${caseReference}` };
}

async function importCase(
  context: TestContext,
  env: SuiteEnvironment,
  kase: { caseUuid: string; title: string } | { caseReference: string; title: string },
) {
  const { outcome, exchanges } = await act(env, 'sdi.import-case', kase, {
    exchanges: (e) => e.service === SDI && e.operation === 'importer',
  });
  const exchange = oneExchange(exchanges, SDI, 'importer');
  attach(context, exchange);
  return { outcome, exchange, exchanges };
}

/** The case UUIDs the system reports finding for a search by case UUID. */
async function search(context: TestContext, env: SuiteEnvironment, caseUuid: string): Promise<string[]> {
  const { outcome, exchanges } = await act(
    env,
    'sdi.search',
    { caseUuid },
    { exchanges: (e) => e.service === SDI && e.operation === 'fremsoeg' },
  );
  attach(context, ...exchangesOf(exchanges, SDI, 'fremsoeg'));
  if (exchangesOf(exchanges, SDI, 'fremsoeg').length === 0)
    fail('The system did not call fremsoeg to search the index');
  if (outcome.ok && outcome.observedOnly) skip('With --interactive the runner cannot see which cases the system found');
  const result = expectOk(outcome, 'Searching the index') as { caseUuids?: unknown };
  if (!Array.isArray(result?.caseUuids)) fail('The system did not report which cases it found (result.caseUuids)');
  return (result.caseUuids as string[]).map((u) => String(u).toLowerCase());
}

export const sf1470Suite = defineSuite<SuiteEnvironment>({
  id: 'sf1470',
  integration: 'SF1470',
  title: 'Sags- og dokumentindeks (SagDokumentIndeks v6)',
  titleDa: 'Sags- og dokumentindeks (SagDokumentIndeks v6)',
  version: '1.1.0',
  requirementsFile: new URL('./requirements.yaml', import.meta.url),
  groups: [
    platformGroup([
      agreementApprovedTest({
        integration: 'SF1470',
        title: 'The system has an approved Sags- og dokumentindeks agreement with the municipality',
        titleDa: 'Systemet har en godkendt serviceaftale på Sags- og dokumentindeks med kommunen',
        verifies: ['SF1470-R01'],
      }),
      {
        id: 'token-for-sdi',
        title: 'The STS issues the system a token for Sags- og dokumentindeks',
        titleDa: "STS'en udsteder et token til systemet til Sags- og dokumentindeks",
        verifies: ['SF1470-R01', 'SF1470-R03'],
        async run(context, env) {
          const result = await requestToken(env, services.sdi.entityId);
          if (!result.ok)
            return context.environment(
              'token-refused',
              `The STS refused a token for Sags- og dokumentindeks: ${result.fault.reason || result.fault.code}`,
            );
        },
      },
    ]),
    {
      id: 'index',
      title: 'The system indexes its cases correctly',
      titleDa: 'Systemet indekserer sine sager korrekt',
      tests: [
        {
          id: 'importer-accepted',
          title: 'The system indexes a case with importer at the direct endpoint and it is accepted (StatusKode 20)',
          titleDa:
            'Systemet indekserer en sag med importer på det direkte endpoint, og sagen accepteres (StatusKode 20)',
          verifies: ['SF1470-R02', 'SF1470-R04'],
          requires: ['recorder', 'trigger'],
          async run(context, env) {
            const { outcome, exchange } = await importCase(context, env, newCase(context, env));
            // Either SOAP version is accepted here: which one the system should use is SF1470-R10 (SHOULD).
            const action = textIn(exchange.requestBody, namespaces.wsa, 'Action');
            if (action !== importerAction)
              fail(
                `The importer request's wsa:Action is ${action ?? 'missing'}; the operation's soapAction is ${importerAction}`,
              );
            const problems = findingsText(exchange);
            if (problems) fail(`The platform found problems in the importer request: ${problems}`);
            const kode = statusKodeOf(exchange.responseBody);
            if (kode !== 20)
              fail(
                `importer was answered with StatusKode ${kode ?? 'none'}: ${textIn(exchange.responseBody, namespaces.sagdok, 'FejlbeskedTekst') ?? exchange.fault?.text ?? ''}`,
              );
            expectOk(outcome, 'Indexing a case');
          },
        },
        {
          id: 'soap-1-2',
          title: 'The system calls the index over SOAP 1.2, as KOMBIT describes direct Støttesystem calls',
          titleDa:
            'Systemet kalder indekset over SOAP 1.2, sådan som KOMBIT beskriver direkte kald til støttesystemerne',
          verifies: ['SF1470-R10'],
          requires: ['recorder', 'trigger'],
          async run(context, env) {
            const { exchange } = await importCase(context, env, newCase(context, env));
            const problem = soapVersionProblem(exchange, '1.2');
            if (problem) {
              fail(
                `${problem}. KOMBIT describes direct Støttesystem calls as SOAP 1.2; ` +
                  'the official WSDL declares its binding in the SOAP 1.1 namespace, so a client generated from it sends SOAP 1.1, which this platform accepts but the sources do not confirm the real environment does',
              );
            }
          },
        },
        {
          id: 'token-for-sdi-in-call',
          title: 'The importer call carries a token for the Sags- og dokumentindeks entityID',
          titleDa: "Kaldet af importer har et token til entityID'et for Sags- og dokumentindeks",
          verifies: ['SF1470-R03'],
          requires: ['recorder', 'trigger'],
          async run(context, env) {
            const { exchange } = await importCase(context, env, newCase(context, env));
            expectTokenFor(exchange, { name: 'Sags- og dokumentindeks', entityId: services.sdi.entityId });
          },
        },
        {
          id: 'lower-case-uuids',
          title: 'Every UUID the system sends to the index is lower case',
          titleDa: "Alle UUID'er, systemet sender til indekset, er skrevet med små bogstaver",
          verifies: ['SF1470-R06'],
          requires: ['recorder', 'trigger'],
          async run(context, env) {
            const { exchange } = await importCase(context, env, newCase(context, env));
            expectLowerCaseUuids(exchange);
          },
        },
        {
          id: 're-import-idempotent',
          title: 'Indexing the same case twice reuses its UUID, so the index holds it once',
          titleDa: 'Indekseres samme sag to gange, genbruges dens UUID, så indekset kun har sagen én gang',
          verifies: ['SF1470-R05'],
          requires: ['recorder', 'trigger'],
          async run(context, env) {
            const kase = newCaseReference(context, env);
            const first = await importCase(context, env, kase);
            expectOk(first.outcome, 'Indexing the case');
            const second = await importCase(context, env, kase);
            expectOk(second.outcome, 'Indexing the same case again');
            const caseUuidOf = (exchange: Exchange) => {
              const uuids = importedCaseUuids(exchange.requestBody);
              const [uuid] = uuids;
              if (uuids.length !== 1 || !uuid)
                fail(
                  `An importer request for the one case ${kase.caseReference} must carry one SagIndeks with a UUIDIdentifikator; it carried ${uuids.length}`,
                );
              return uuid;
            };
            const before = caseUuidOf(first.exchange);
            const after = caseUuidOf(second.exchange);
            context.input('caseUuid', before);
            if (before !== after) {
              fail(
                `The system indexed its case ${kase.caseReference} as ${before} and then again as ${after}: indexing a case again must reuse its UUID, or the index holds the case twice`,
              );
            }
            const found = (await search(context, env, before)).filter((u) => u === before);
            if (found.length !== 1)
              fail(`After two imports fremsoeg finds the case ${found.length} times; the index must hold it once`);
          },
        },
        {
          id: 'search-finds-case',
          title: 'The system finds an indexed case with fremsoeg',
          titleDa: 'Systemet finder en indekseret sag med fremsoeg',
          verifies: ['SF1470-R07'],
          requires: ['recorder', 'trigger'],
          async run(context, env) {
            const kase = newCase(context, env);
            expectOk((await importCase(context, env, kase)).outcome, 'Indexing the case');
            if (!(await search(context, env, kase.caseUuid)).includes(kase.caseUuid))
              fail('fremsoeg did not find the case the system had just indexed');
          },
        },
        {
          id: 'remove-case',
          title: 'The system removes a case with fjern, after which it is no longer found',
          titleDa: 'Systemet fjerner en sag med fjern, hvorefter den ikke længere findes',
          verifies: ['SF1470-R08'],
          requires: ['recorder', 'trigger'],
          async run(context, env) {
            const kase = newCase(context, env);
            expectOk((await importCase(context, env, kase)).outcome, 'Indexing the case');
            const { outcome, exchanges } = await act(
              env,
              'sdi.remove-case',
              { caseUuid: kase.caseUuid },
              { exchanges: (e) => e.operation === 'fjern' },
            );
            const removal = oneExchange(exchanges, SDI, 'fjern');
            attach(context, removal);
            expectOk(outcome, 'Removing the case');
            if (statusKodeOf(removal.responseBody) !== 20)
              fail(`fjern was answered with StatusKode ${statusKodeOf(removal.responseBody) ?? 'none'}`);
            if ((await search(context, env, kase.caseUuid)).includes(kase.caseUuid))
              fail('fremsoeg still finds the case after fjern');
          },
        },
        {
          id: 'retry-after-dropped-connection',
          title: 'After a dropped connection the system retries the write and the case is indexed',
          titleDa: 'Efter en afbrudt forbindelse prøver systemet skrivningen igen, og sagen bliver indekseret',
          verifies: ['SF1470-R09'],
          requires: ['recorder', 'trigger', 'network'],
          async run(context, env) {
            const kase = newCase(context, env);
            networkOf(env).failNext(1);
            const { outcome, exchanges } = await act(env, 'sdi.import-case', kase, {
              exchanges: (e) => e.operation === 'importer',
            });
            attach(context, ...exchangesOf(exchanges, SDI, 'importer'));
            expectOk(outcome, 'Indexing a case after one dropped connection');
            if (exchangesOf(exchanges, SDI, 'importer').length === 0) fail('The case never reached the index');
          },
        },
      ],
    },
  ],
});
