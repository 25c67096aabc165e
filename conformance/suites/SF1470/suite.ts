import { randomUUID } from 'node:crypto';
import { defineSuite, type TestContext } from '../../framework/definition.ts';
import type { SuiteEnvironment } from '../shared/environment.ts';
import { attach } from '../shared/evidence.ts';
import { services } from '../shared/korsbaek.ts';
import { act, approvedAgreement, callPlatform, exchangesOf, expectOk, fail, findingsText, oneExchange, skip } from '../shared/steps.ts';
import { assertionIdOf, namespaces, soapVersionOf, statusKodeOf, textIn, upperCaseUuidsInBody } from '../shared/xml-checks.ts';
import { buildIssueRequest, parseIssueResponse } from '../../clients/tokens/index.ts';

const SDI = services.sdi.name;
const importerAction = 'http://kombit.dk/sts/sagdokumentindeks/importer';

/** A case of the test run: a new UUID each time, so runs do not see each other's cases. */
function newCase(context: TestContext) {
  const caseUuid = randomUUID();
  context.input('caseUuid', caseUuid);
  return { caseUuid, title: `klarmeld conformance test ${caseUuid.slice(0, 8)}` };
}

async function importCase(context: TestContext, env: SuiteEnvironment, kase: { caseUuid: string; title: string }) {
  const { outcome, exchanges } = await act(env, 'sdi.import-case', kase, { exchanges: (e) => e.service === SDI && e.operation === 'importer' });
  const exchange = oneExchange(exchanges, SDI, 'importer');
  attach(context, exchange);
  return { outcome, exchange, exchanges };
}

/** The case UUIDs the system reports finding for a search by case UUID. */
async function search(context: TestContext, env: SuiteEnvironment, caseUuid: string): Promise<string[]> {
  const { outcome, exchanges } = await act(env, 'sdi.search', { caseUuid }, { exchanges: (e) => e.service === SDI && e.operation === 'fremsoeg' });
  attach(context, ...exchangesOf(exchanges, SDI, 'fremsoeg'));
  if (exchangesOf(exchanges, SDI, 'fremsoeg').length === 0) fail('The system did not call fremsoeg to search the index');
  if (outcome.ok && outcome.observedOnly) skip('With --interactive the runner cannot see which cases the system found');
  const result = expectOk(outcome, 'Searching the index') as { caseUuids?: unknown };
  if (!Array.isArray(result?.caseUuids)) fail('The system did not report which cases it found (result.caseUuids)');
  return (result.caseUuids as string[]).map((u) => String(u).toLowerCase());
}

export const sf1470Suite = defineSuite<SuiteEnvironment>({
  id: 'sf1470',
  integration: 'SF1470',
  title: 'Sags- og dokumentindeks (SagDokumentIndeks v6)',
  version: '1.0.0',
  requirementsFile: new URL('./requirements.yaml', import.meta.url),
  groups: [
    {
      id: 'platform',
      title: 'The platform accepts the system',
      tests: [
        {
          id: 'agreement-approved',
          title: 'The system has an approved Sags- og dokumentindeks agreement with the municipality',
          verifies: ['SF1470-R01'],
          async run(context, env) {
            context.input('agreement', approvedAgreement(env, 'SF1470').uuid);
          },
        },
        {
          id: 'token-for-sdi',
          title: 'The STS issues the system a token for Sags- og dokumentindeks',
          verifies: ['SF1470-R01', 'SF1470-R03'],
          async run(context, env) {
            const url = env.platform.urls.sts!;
            const body = buildIssueRequest({ certPem: env.system.certPem, keyPem: env.system.keyPem, entityId: services.sdi.entityId, cvr: env.system.municipalityCvr, to: url });
            const reply = await callPlatform(env, new URL(url).pathname, { method: 'POST', body, headers: { 'content-type': 'application/soap+xml; charset=utf-8' } });
            const result = parseIssueResponse(reply.body);
            if (!result.ok) return context.environment('token-refused', `The STS refused a token for Sags- og dokumentindeks: ${result.fault.reason || result.fault.code}`);
          },
        },
      ],
    },
    {
      id: 'index',
      title: 'The system indexes its cases correctly',
      tests: [
        {
          id: 'importer-accepted',
          title: 'The system indexes a case with importer at the direct endpoint and it is accepted (StatusKode 20)',
          verifies: ['SF1470-R02', 'SF1470-R04'],
          requires: ['recorder', 'trigger'],
          async run(context, env) {
            const { outcome, exchange } = await importCase(context, env, newCase(context));
            // Either SOAP version is accepted here: which one the system should use is SF1470-R10 (SHOULD).
            const action = textIn(exchange.requestBody, namespaces.wsa, 'Action');
            if (action !== importerAction) fail(`The importer request's wsa:Action is ${action ?? 'missing'}; the operation's soapAction is ${importerAction}`);
            const problems = findingsText(exchange);
            if (problems) fail(`The platform found problems in the importer request: ${problems}`);
            const kode = statusKodeOf(exchange.responseBody);
            if (kode !== 20) fail(`importer was answered with StatusKode ${kode ?? 'none'}: ${textIn(exchange.responseBody, namespaces.sagdok, 'FejlbeskedTekst') ?? exchange.fault?.text ?? ''}`);
            expectOk(outcome, 'Indexing a case');
          },
        },
        {
          id: 'soap-1-2',
          title: 'The system calls the index over SOAP 1.2, as KOMBIT describes direct Støttesystem calls',
          verifies: ['SF1470-R10'],
          requires: ['recorder', 'trigger'],
          async run(context, env) {
            const { exchange } = await importCase(context, env, newCase(context));
            const version = soapVersionOf(exchange.requestBody);
            if (version !== '1.2' || !exchange.contentType?.startsWith('application/soap+xml')) {
              fail(
                `The importer request was SOAP ${version ?? 'unknown'} (content type ${exchange.contentType ?? 'none'}). KOMBIT describes direct Støttesystem calls as SOAP 1.2 (application/soap+xml); ` +
                  'the official WSDL declares its binding in the SOAP 1.1 namespace, so a client generated from it sends SOAP 1.1, which this platform accepts but the sources do not confirm the real environment does',
              );
            }
          },
        },
        {
          id: 'token-for-sdi-in-call',
          title: 'The importer call carries a token for the Sags- og dokumentindeks entityID',
          verifies: ['SF1470-R03'],
          requires: ['recorder', 'trigger'],
          async run(context, env) {
            const { exchange } = await importCase(context, env, newCase(context));
            if (!assertionIdOf(exchange.requestBody)) fail('The request carries no SAML assertion in its WS-Security header');
            const audience = textIn(exchange.requestBody, namespaces.saml, 'Audience');
            if (audience !== services.sdi.entityId) fail(`The token is for ${audience ?? 'no audience'}; Sags- og dokumentindeks' entityID is ${services.sdi.entityId}`);
          },
        },
        {
          id: 'lower-case-uuids',
          title: 'Every UUID the system sends to the index is lower case',
          verifies: ['SF1470-R06'],
          requires: ['recorder', 'trigger'],
          async run(context, env) {
            const { exchange } = await importCase(context, env, newCase(context));
            const upper = upperCaseUuidsInBody(exchange.requestBody);
            if (upper.length > 0) fail(`These UUIDs are written with upper-case letters: ${upper.join(', ')}`);
          },
        },
        {
          id: 're-import-idempotent',
          title: 'Importing the same case twice leaves it in the index once',
          verifies: ['SF1470-R05'],
          requires: ['recorder', 'trigger'],
          async run(context, env) {
            const kase = newCase(context);
            expectOk((await importCase(context, env, kase)).outcome, 'Indexing the case');
            expectOk((await importCase(context, env, kase)).outcome, 'Indexing the same case again');
            const found = (await search(context, env, kase.caseUuid)).filter((u) => u === kase.caseUuid);
            if (found.length !== 1) fail(`After two imports the index holds the case ${found.length} times; it must hold it once`);
          },
        },
        {
          id: 'search-finds-case',
          title: 'The system finds an indexed case with fremsoeg',
          verifies: ['SF1470-R07'],
          requires: ['recorder', 'trigger'],
          async run(context, env) {
            const kase = newCase(context);
            expectOk((await importCase(context, env, kase)).outcome, 'Indexing the case');
            if (!(await search(context, env, kase.caseUuid)).includes(kase.caseUuid)) fail('fremsoeg did not find the case the system had just indexed');
          },
        },
        {
          id: 'remove-case',
          title: 'The system removes a case with fjern, after which it is no longer found',
          verifies: ['SF1470-R08'],
          requires: ['recorder', 'trigger'],
          async run(context, env) {
            const kase = newCase(context);
            expectOk((await importCase(context, env, kase)).outcome, 'Indexing the case');
            const { outcome, exchanges } = await act(env, 'sdi.remove-case', { caseUuid: kase.caseUuid }, { exchanges: (e) => e.operation === 'fjern' });
            const removal = oneExchange(exchanges, SDI, 'fjern');
            attach(context, removal);
            expectOk(outcome, 'Removing the case');
            if (statusKodeOf(removal.responseBody) !== 20) fail(`fjern was answered with StatusKode ${statusKodeOf(removal.responseBody) ?? 'none'}`);
            if ((await search(context, env, kase.caseUuid)).includes(kase.caseUuid)) fail('fremsoeg still finds the case after fjern');
          },
        },
        {
          id: 'retry-after-dropped-connection',
          title: 'After a dropped connection the system retries the write and the case is indexed',
          verifies: ['SF1470-R09'],
          requires: ['recorder', 'trigger', 'network'],
          async run(context, env) {
            const kase = newCase(context);
            env.network!.failNext(1);
            const { outcome, exchanges } = await act(env, 'sdi.import-case', kase, { exchanges: (e) => e.operation === 'importer' });
            attach(context, ...exchangesOf(exchanges, SDI, 'importer'));
            expectOk(outcome, 'Indexing a case after one dropped connection');
            if (exchangesOf(exchanges, SDI, 'importer').length === 0) fail('The case never reached the index');
          },
        },
      ],
    },
  ],
});
