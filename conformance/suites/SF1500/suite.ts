import { defineSuite, type TestContext } from '../../framework/index.ts';
import type { SuiteEnvironment } from '../shared/environment.ts';
import { attach } from '../shared/evidence.ts';
import { korsbaekData, korsbaekKeys as korsbaek } from '../shared/korsbaek-data.ts';
import { services } from '../shared/suite-services.ts';
import { expectUserShown, listedUuids } from '../shared/shown.ts';
import { agreementApprovedTest, platformGroup } from '../shared/platform-group.ts';
import { callAsSystem } from '../shared/oioidws-call.ts';
import { expectLowerCaseUuids, expectTokenFor, soapVersionProblem } from '../shared/request-checks.ts';
import { tokenLifetimeSeconds } from '../shared/sts-token.ts';
import {
  act,
  exchangesOf,
  expectReportedError,
  fail,
  findingsText,
  oneExchange,
  withClockMoved,
} from '../shared/steps.ts';
import { assertionIdOf, elements, namespaces, statusKodeOf, textIn } from '../shared/xml-checks.ts';

const BRUGER = services.bruger.name;
const ENHED = services.organisationEnhed.name;
const STS = services.sts.name;
const BRUGER_LAES = 'http://kombit.dk/sts/organisation/bruger/laes';

/** Reads a user through the system; `anyOperation` takes any Bruger call (one the platform could not read has no operation name). */
async function readUser(
  context: TestContext,
  env: SuiteEnvironment,
  uuid: string = korsbaek.userUuid,
  anyOperation = false,
) {
  context.input('user', uuid);
  const { outcome, exchanges } = await act(
    env,
    'organisation.read-user',
    { uuid },
    { exchanges: (e) => e.service === BRUGER },
  );
  const exchange = oneExchange(exchanges, BRUGER, anyOperation ? undefined : 'laes');
  attach(context, exchange);
  return { outcome, exchange, exchanges };
}

export const sf1500Suite = defineSuite<SuiteEnvironment>({
  id: 'sf1500',
  integration: 'SF1500',
  title: 'Organisation (Bruger and OrganisationEnhed v6)',
  titleDa: 'Organisation (Bruger og OrganisationEnhed v6)',
  version: '1.1.0',
  requirementsFile: new URL('./requirements.yaml', import.meta.url),
  groups: [
    platformGroup([
      agreementApprovedTest({
        integration: 'SF1500',
        title: 'The system has an approved Organisation agreement with the municipality',
        titleDa: 'Systemet har en godkendt serviceaftale på Organisation med kommunen',
        verifies: ['SF1500-R01'],
      }),
      {
        id: 'read-user-as-system',
        title: "Bruger laes made with the system's certificate and a fresh token answers StatusKode 20",
        titleDa: 'Et kald af Bruger laes med systemets certifikat og et nyt token besvares med StatusKode 20',
        verifies: ['SF1500-R01', 'SF1500-R03'],
        async run(context, env) {
          const reply = await callAsSystem(env, {
            entityId: services.organisationEntityId,
            service: BRUGER,
            action: BRUGER_LAES,
            bodyXml: `<b:LaesInput xmlns:b="http://stoettesystemerne.dk/organisation/bruger/6/" xmlns:sd="${namespaces.sagdok}"><sd:UUIDIdentifikator>${korsbaek.userUuid}</sd:UUIDIdentifikator></b:LaesInput>`,
          });
          const kode = statusKodeOf(reply.body);
          if (kode !== 20)
            return context.environment(
              'platform-refused-laes',
              `The platform answered the runner's own Bruger laes (HTTP ${reply.status}) with StatusKode ${kode ?? 'none'}: ${reply.body.slice(0, 300)}`,
            );
        },
      },
    ]),
    {
      id: 'read',
      title: 'The system reads the organisation correctly',
      titleDa: 'Systemet læser organisationen korrekt',
      tests: [
        {
          id: 'soap-1-2-bruger-laes',
          title: 'The system reads a user with Bruger laes over SOAP 1.2',
          titleDa: 'Systemet læser en bruger med Bruger laes over SOAP 1.2',
          verifies: ['SF1500-R02'],
          requires: ['recorder', 'trigger'],
          async run(context, env) {
            const { exchange } = await readUser(context, env, korsbaek.userUuid, true);
            const problem = soapVersionProblem(exchange, '1.2');
            if (problem) fail(`${problem}. The Støttesystemer take SOAP 1.2`);
          },
        },
        {
          id: 'token-for-organisation',
          title: 'The call carries a signed token for the Organisation service that the platform accepts',
          titleDa: 'Kaldet har et signeret token til Organisation-servicen, som platformen accepterer',
          verifies: ['SF1500-R03'],
          requires: ['recorder', 'trigger'],
          async run(context, env) {
            const { exchange } = await readUser(context, env);
            expectTokenFor(exchange, { name: 'Organisation', entityId: services.organisationEntityId });
            if (exchange.fault) fail(`The platform refused the call: ${exchange.fault.code}: ${exchange.fault.text}`);
          },
        },
        {
          id: 'user-read',
          title: 'A known user is read (StatusKode 20) and shown by the system',
          titleDa: 'En kendt bruger bliver læst (StatusKode 20) og vist i systemet',
          verifies: ['SF1500-R05'],
          requires: ['recorder', 'trigger'],
          async run(context, env) {
            const { outcome, exchange } = await readUser(context, env);
            const kode = statusKodeOf(exchange.responseBody);
            if (kode !== 20)
              fail(
                `The platform answered StatusKode ${kode ?? 'none'}${exchange.fault ? ` (${exchange.fault.text})` : ''}`,
              );
            expectUserShown(outcome, (await korsbaekData()).user);
          },
        },
        {
          id: 'search-units',
          title: 'The system searches organisation units with a valid OrganisationEnhed soeg and shows the units found',
          titleDa:
            'Systemet søger organisationsenheder med et gyldigt OrganisationEnhed soeg og viser de fundne enheder',
          verifies: ['SF1500-R06'],
          requires: ['recorder', 'trigger'],
          async run(context, env) {
            const { unit } = await korsbaekData();
            context.input('name', unit.name);
            const { outcome, exchanges } = await act(
              env,
              'organisation.search-units',
              { name: unit.name },
              { exchanges: (e) => e.service === ENHED },
            );
            const exchange = oneExchange(exchanges, ENHED, 'soeg');
            attach(context, exchange);
            const problems = findingsText(exchange);
            if (problems) fail(`The platform found problems in the soeg request: ${problems}`);
            const kode = statusKodeOf(exchange.responseBody);
            if (kode !== 20)
              fail(
                `soeg was answered with StatusKode ${kode ?? 'none'}: ${textIn(exchange.responseBody, namespaces.sagdok, 'FejlbeskedTekst') ?? ''}`,
              );
            const shown = listedUuids(
              outcome,
              'unitUuids',
              'organisation.search-units',
              'the units it found',
              'Searching units',
            );
            if (!shown.includes(unit.uuid))
              fail(
                `The platform found ${unit.name} (${unit.uuid}), but the system shows ${shown.length === 0 ? 'no unit' : shown.join(', ')}`,
              );
          },
        },
        {
          id: 'lower-case-uuids',
          title: 'Every UUID the system sends is lower case',
          titleDa: "Alle UUID'er, systemet sender, er skrevet med små bogstaver",
          verifies: ['SF1500-R08'],
          requires: ['recorder', 'trigger'],
          async run(context, env) {
            const { exchange } = await readUser(context, env);
            expectLowerCaseUuids(exchange);
          },
        },
        {
          id: 'ws-addressing',
          title: 'Each request carries WS-Addressing Action, MessageID, To and ReplyTo',
          titleDa: 'Hver forespørgsel har WS-Addressing Action, MessageID, To og ReplyTo',
          verifies: ['SF1500-R09'],
          requires: ['recorder', 'trigger'],
          async run(context, env) {
            const { exchange } = await readUser(context, env);
            const missing = ['Action', 'MessageID', 'To', 'ReplyTo'].filter(
              (n) => elements(exchange.requestBody, namespaces.wsa, n).length === 0,
            );
            if (missing.length > 0) fail(`The request lacks the WS-Addressing headers ${missing.join(', ')}`);
            // Present is not enough: To must address the endpoint called (not, say, the entityID the token is for),
            // Action the operation sent. The host may differ (a proxy, a load balancer), the path may not.
            const action = textIn(exchange.requestBody, namespaces.wsa, 'Action');
            if (action !== BRUGER_LAES) fail(`wsa:Action is ${action ?? 'empty'}; Bruger laes is ${BRUGER_LAES}`);
            const to = textIn(exchange.requestBody, namespaces.wsa, 'To') ?? '';
            const address = URL.canParse(to) ? new URL(to) : undefined;
            if (!address || !/^https?:$/.test(address.protocol))
              fail(`wsa:To is ${to || 'empty'}, not the address of the endpoint called (${exchange.path ?? 'Bruger'})`);
            const toPath = address.pathname;
            if (exchange.path && toPath !== exchange.path.split('?')[0])
              fail(`wsa:To is ${to}, but the request went to ${exchange.path}; wsa:To names the endpoint called`);
          },
        },
      ],
    },
    {
      id: 'faults',
      title: 'The system reacts sensibly to answers and token expiry',
      titleDa: 'Systemet reagerer fornuftigt på svarene og på tokens, der udløber',
      tests: [
        {
          id: 'user-not-found',
          title: 'A user that does not exist is reported as not found',
          titleDa: 'En bruger, der ikke findes, meldes som ikke fundet',
          verifies: ['SF1500-R07'],
          requires: ['recorder', 'trigger'],
          async run(context, env) {
            const { outcome, exchange } = await readUser(context, env, korsbaek.unknownUserUuid);
            const kode = statusKodeOf(exchange.responseBody);
            if (kode === 20) context.skip('The platform found the user, so there was no "not found" to react to');
            expectReportedError(outcome, `laes answered StatusKode ${kode}, yet the system reported success`);
            if (!outcome.ok && outcome.error.code !== 'user-not-found') {
              fail(
                `The system reported ${outcome.error.code}: ${outcome.error.message}; for a user Organisation does not have it must report user-not-found`,
              );
            }
          },
        },
        {
          id: 'token-renewed-before-expiry',
          title: 'A token about to expire is renewed before the next call',
          titleDa: 'Et token, der er ved at udløbe, fornyes før næste kald',
          verifies: ['SF1500-R04'],
          requires: ['recorder', 'trigger'],
          async run(context, env) {
            const first = await readUser(context, env);
            const before = assertionIdOf(first.exchange.requestBody);
            context.log('moving the system clock to two minutes before its token expires');
            const second = await withClockMoved(env, tokenLifetimeSeconds - 120, () => readUser(context, env));
            const after = assertionIdOf(second.exchange.requestBody);
            const renewed = exchangesOf(second.exchanges, STS).length > 0;
            attach(context, ...exchangesOf(second.exchanges, STS));
            if (!renewed || before === after)
              fail(`The system sent token ${after ?? ''} again two minutes before it expires instead of renewing it`);
          },
        },
      ],
    },
  ],
});
