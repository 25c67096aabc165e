import { X509Certificate } from 'node:crypto';
import { defineSuite, type TestContext } from '../../framework/index.ts';
import type { Exchange, SuiteEnvironment } from '../shared/environment.ts';
import { attach } from '../shared/evidence.ts';
import { services } from '../shared/suite-services.ts';
import { callPlatform } from '../shared/platform-call.ts';
import { platformGroup } from '../shared/platform-group.ts';
import { act, exchangesOf, expectOk, expectReportedError, fail, oneExchange, withClockMoved } from '../shared/steps.ts';
import { holderOfKeyProblems, requestToken, tokenLifetimeSeconds } from '../shared/sts-token.ts';
import { nowOf } from '../shared/world.ts';
import { assertionIdOf, elements, namespaces, soapVersionOf, textIn } from '../shared/xml-checks.ts';

const STS = services.sts.name;
const ISSUE = services.sts.issue;
const wst = 'http://docs.oasis-open.org/ws-sx/ws-trust/200512';
const wsse = 'http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd';

/** Asks the system for an Organisation token and returns the Issue request it sent. */
async function issueThroughSystem(context: TestContext, env: SuiteEnvironment) {
  context.input('entityId', services.organisationEntityId);
  const { outcome, exchanges } = await act(
    env,
    'sts.get-token',
    { entityId: services.organisationEntityId, fresh: true },
    { exchanges: (e) => e.service === STS },
  );
  const exchange = oneExchange(exchanges, STS, ISSUE);
  attach(context, exchange);
  return { outcome, exchange };
}

function stsExchanges(exchanges: Exchange[]) {
  return exchangesOf(exchanges, STS, ISSUE);
}

export const sf1514Suite = defineSuite<SuiteEnvironment>({
  id: 'sf1514',
  integration: 'SF1514',
  title: 'Security Token Service (tokens for the Støttesystemer)',
  titleDa: 'Security Token Service (tokens til støttesystemerne)',
  version: '1.1.0',
  requirementsFile: new URL('./requirements.yaml', import.meta.url),
  groups: [
    platformGroup([
      {
        id: 'certificate-accepted',
        title: "The platform accepts a mutual-TLS connection with the system's certificate",
        titleDa: 'Platformen accepterer en forbindelse over gensidig TLS med systemets certifikat',
        verifies: ['SF1514-R01'],
        async run(context, env) {
          const certificate = new X509Certificate(env.system.certPem);
          context.input('certificate', certificate.subject);
          if (Date.parse(certificate.validTo) < nowOf(env))
            context.environment(
              'certificate-expired',
              `The system certificate expired on ${certificate.validTo}; get a new one`,
            );
          // Any HTTP answer from the STS means the TLS handshake with the certificate went through.
          const reply = await callPlatform(env, 'sts');
          context.log(`the STS answered HTTP ${reply.status} over mutual TLS`);
        },
      },
      {
        id: 'token-issued-to-system',
        title: 'The STS issues an 8-hour holder-of-key token to the system for the Organisation service',
        titleDa: "STS'en udsteder et holder-of-key-token med 8 timers levetid til systemet til Organisation-servicen",
        verifies: ['SF1514-R01', 'SF1514-R02'],
        async run(context, env) {
          const result = await requestToken(env, services.organisationEntityId);
          if (!result.ok)
            return context.environment(
              'token-refused',
              `The STS refused the system a token: ${result.fault.reason || result.fault.code}. Check the system's agreements`,
            );
          context.log(
            `token ${result.token.assertionId} for ${result.token.audience}, valid ${result.token.notBefore.toISOString()} to ${result.token.notOnOrAfter.toISOString()}`,
          );
          // The STS, not the system, decides what it issues: a token unlike KOMBIT's is the environment's problem,
          // and the tests of renewal (which count on eight hours) could not be trusted with it.
          const problems = holderOfKeyProblems(result.token, env.system.certPem);
          if (problems.length > 0) {
            context.environment(
              'token-unlike-kombit',
              `The STS issued token ${result.token.assertionId}, but ${problems.join('; ')}. KOMBIT's STS issues 8-hour holder-of-key tokens bound to the certificate that asked`,
            );
          }
        },
      },
    ]),
    {
      id: 'issue',
      title: 'The system asks for tokens correctly',
      titleDa: 'Systemet beder korrekt om tokens',
      tests: [
        {
          id: 'ws-trust-issue',
          title: 'The system sends a WS-Trust 1.3 Issue request over SOAP 1.2 and gets the token the STS issued',
          titleDa: "Systemet sender en WS-Trust 1.3 Issue-forespørgsel over SOAP 1.2 og får det token, STS'en udstedte",
          verifies: ['SF1514-R02'],
          requires: ['recorder', 'trigger'],
          async run(context, env) {
            const { outcome, exchange } = await issueThroughSystem(context, env);
            if (soapVersionOf(exchange.requestBody) !== '1.2') fail('The Issue request is not a SOAP 1.2 envelope');
            const requestType = textIn(exchange.requestBody, wst, 'RequestType');
            if (!requestType?.endsWith('/Issue'))
              fail(
                `RequestType is ${requestType ?? 'missing'}; it must be http://docs.oasis-open.org/ws-sx/ws-trust/200512/Issue`,
              );
            if (!textIn(exchange.requestBody, wst, 'TokenType')?.endsWith('#SAMLV2.0'))
              fail('TokenType must ask for a SAML 2.0 token (…#SAMLV2.0)');
            if (!textIn(exchange.requestBody, wst, 'KeyType')?.endsWith('/PublicKey'))
              fail('KeyType must be …/PublicKey (holder-of-key)');
            if (exchange.fault) fail(`The STS refused the request: ${exchange.fault.code}: ${exchange.fault.text}`);
            // The system's side: it reports the token it now holds, and that is the one the STS issued.
            const issued = assertionIdOf(exchange.responseBody);
            const held = (expectOk(outcome, 'Getting a token') as { assertionId?: unknown } | undefined)?.assertionId;
            // With --interactive a person acted: the runner sees the exchange, not what the system holds.
            if (outcome.ok && !outcome.observedOnly) {
              if (!held)
                fail(
                  `The system reported success but not the token it got (result.assertionId); the STS issued ${issued ?? 'a token'}`,
                );
              if (issued && held !== issued)
                fail(`The system reports token ${String(held)}, but the STS issued ${issued}`);
            }
          },
        },
        {
          id: 'applies-to-service',
          title: 'AppliesTo names the entityID of the service the token is for',
          titleDa: 'AppliesTo angiver entityID for den service, tokenet skal bruges til',
          verifies: ['SF1514-R03'],
          requires: ['recorder', 'trigger'],
          async run(context, env) {
            const { exchange } = await issueThroughSystem(context, env);
            const [appliesTo] = elements(
              exchange.requestBody,
              'http://schemas.xmlsoap.org/ws/2004/09/policy',
              'AppliesTo',
            );
            const address = appliesTo?.textContent?.trim();
            if (address !== services.organisationEntityId)
              fail(
                `AppliesTo is ${address ?? 'missing'}; the Organisation service's entityID is ${services.organisationEntityId}`,
              );
          },
        },
        {
          id: 'municipality-claim',
          title: 'The request names the municipality in the CvrNumberIdentifier claim',
          titleDa: 'Forespørgslen angiver kommunen i claimet CvrNumberIdentifier',
          verifies: ['SF1514-R04'],
          requires: ['recorder', 'trigger'],
          async run(context, env) {
            const { exchange } = await issueThroughSystem(context, env);
            const claim = elements(
              exchange.requestBody,
              'http://docs.oasis-open.org/wsfed/authorization/200706',
              'ClaimType',
            ).find((c) => c.getAttribute('Uri') === 'dk:gov:saml:attribute:CvrNumberIdentifier');
            const value = claim?.textContent?.trim();
            if (value !== env.system.municipalityCvr)
              fail(
                `The CvrNumberIdentifier claim is ${value ?? 'missing'}; the system acts for ${env.system.municipalityCvr}`,
              );
          },
        },
        {
          id: 'signed-with-system-certificate',
          title: "The request is signed and UseKey carries the system's own certificate",
          titleDa: 'Forespørgslen er signeret, og UseKey indeholder systemets eget certifikat',
          verifies: ['SF1514-R05'],
          requires: ['recorder', 'trigger'],
          async run(context, env) {
            const { exchange } = await issueThroughSystem(context, env);
            if (elements(exchange.requestBody, 'http://www.w3.org/2000/09/xmldsig#', 'Signature').length === 0)
              fail('The request carries no XML signature in its WS-Security header');
            const [useKey] = elements(exchange.requestBody, wst, 'UseKey');
            const presented = useKey ? elementsIn(useKey) : undefined;
            const own = new X509Certificate(env.system.certPem).raw.toString('base64');
            if (presented !== own)
              fail("UseKey does not carry the system's certificate, so the token would not be bound to it");
            if (exchange.fault) fail(`The STS refused the signed request: ${exchange.fault.text}`);
          },
        },
        {
          id: 'fresh-message-ids',
          title: 'Every Issue request has a new WS-Addressing MessageID',
          titleDa: 'Hver Issue-forespørgsel har et nyt WS-Addressing MessageID',
          verifies: ['SF1514-R09'],
          requires: ['recorder', 'trigger'],
          async run(context, env) {
            const first = (await issueThroughSystem(context, env)).exchange;
            const second = (await issueThroughSystem(context, env)).exchange;
            const ids = [first, second].map((e) => textIn(e.requestBody, namespaces.wsa, 'MessageID'));
            if (!ids[0] || ids[0] === ids[1])
              fail(`The MessageID ${ids[0] ?? '(none)'} was ${ids[0] ? 'used twice' : 'missing'}`);
          },
        },
      ],
    },
    {
      id: 'lifetime',
      title: 'The system uses tokens for their lifetime and renews them in time',
      titleDa: 'Systemet bruger sine tokens, så længe de gælder, og fornyer dem i tide',
      tests: [
        {
          id: 'token-reused',
          title: 'A valid token is reused instead of asking the STS for each call',
          titleDa: "Et gyldigt token genbruges i stedet for at bede STS'en om et nyt til hvert kald",
          verifies: ['SF1514-R07'],
          requires: ['recorder', 'trigger'],
          async run(context, env) {
            await issueThroughSystem(context, env);
            const { outcome, exchanges } = await act(env, 'sts.get-token', { entityId: services.organisationEntityId });
            expectOk(outcome, 'Getting the token a second time');
            const again = stsExchanges(exchanges);
            attach(context, ...again);
            if (again.length > 0) fail('The system asked the STS again although its token was valid for hours');
          },
        },
        {
          id: 'token-renewed-before-expiry',
          title: 'A token about to expire is renewed before it is used again',
          titleDa: 'Et token, der er ved at udløbe, fornyes, før det bruges igen',
          verifies: ['SF1514-R06'],
          requires: ['recorder', 'trigger'],
          async run(context, env) {
            const { outcome: first } = await issueThroughSystem(context, env);
            const before = (expectOk(first, 'Getting a token') as { assertionId?: string })?.assertionId;
            context.log('moving the system clock to two minutes before the token expires');
            const { outcome, exchanges } = await withClockMoved(env, tokenLifetimeSeconds - 120, () =>
              act(
                env,
                'sts.get-token',
                { entityId: services.organisationEntityId },
                { exchanges: (e) => e.service === STS },
              ),
            );
            const after = (expectOk(outcome, 'Getting a token near expiry') as { assertionId?: string })?.assertionId;
            attach(context, ...stsExchanges(exchanges));
            if (stsExchanges(exchanges).length === 0 || (before && before === after)) {
              fail(
                `The system kept token ${before ?? ''} two minutes before it expires instead of asking the STS for a new one`,
              );
            }
          },
        },
        {
          id: 'refusal-reported',
          title: 'When the STS refuses a token the system reports the error',
          titleDa: "Når STS'en afviser at udstede et token, melder systemet fejlen",
          verifies: ['SF1514-R08'],
          requires: ['recorder', 'trigger'],
          async run(context, env) {
            const entityId = 'http://entityid.kombit.dk/service/does-not-exist/1';
            context.input('entityId', entityId);
            const { outcome, exchanges } = await act(
              env,
              'sts.get-token',
              { entityId },
              { exchanges: (e) => e.service === STS },
            );
            const refused = stsExchanges(exchanges).filter((e) => e.fault);
            attach(context, ...refused);
            if (refused.length === 0)
              context.skip('The STS did not refuse the token, so there was no refusal to react to');
            expectReportedError(outcome, 'The STS refused the token, yet the system reported success');
          },
        },
      ],
    },
  ],
});

/** Base64 of the BinarySecurityToken inside UseKey, without whitespace. */
function elementsIn(useKey: {
  getElementsByTagNameNS(ns: string, name: string): ArrayLike<{ textContent: string | null }>;
}) {
  return useKey.getElementsByTagNameNS(wsse, 'BinarySecurityToken')[0]?.textContent?.replace(/\s+/g, '');
}
