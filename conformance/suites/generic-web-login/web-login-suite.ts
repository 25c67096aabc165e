import { createHash } from 'node:crypto';
import type { Catalog, Service } from '../../../catalog/index.ts';
import { defineSuite, type SuiteDefinition, type TestContext, type TestDefinition } from '../../framework/index.ts';
import type { SuiteEnvironment } from '../shared/environment.ts';
import { platformGroup } from '../shared/platform-group.ts';
import { attach } from '../shared/evidence.ts';
import { approvedAgreement, fail } from '../shared/steps.ts';
import { sleep } from '../shared/world.ts';
import { browserFor, type Browser } from './browser.ts';
import { attributeValues, commonProblems, completeLogin, privilegesOf, requestFrom, shownUser } from './login-flow.ts';
import { messageFields, readRedirectUrl, redirectSignatureProblem } from './saml-reading.ts';
import { webLoginRequirements, webRequirementId, type WebCheck } from './web-login-requirements.ts';
import { registerProvider, webDoor, type WebDoor } from './web-door.ts';

type SamlService = NonNullable<Service['saml']>;
interface Found {
  integration: string;
  service: string;
  saml: SamlService;
}

// 1.0.0: the first web-login suite (HTTP-Redirect login and logout through the Context Handler).
const WEB_VERSION = '1.0.0';

/** Every SAML service of the catalogue (import-contract writes them from the IdP's metadata). */
function samlServices(catalog: Catalog): Found[] {
  return catalog.integrations.flatMap((i) =>
    (i.versions.at(-1)?.services ?? []).flatMap((s) =>
      s.saml ? [{ integration: i.id, service: s.name, saml: s.saml }] : [],
    ),
  );
}

/**
 * A browser for one test, the system's door, and the system registered as the IdP's provider
 * (embedded platform). On the embedded platform the IdP's records of the requests the system signed
 * (the Context Handler records an exchange once the signature proves the system) are attached to
 * the result as evidence, whatever the test concludes.
 */
async function prepared<T>(
  context: TestContext,
  env: SuiteEnvironment,
  body: (browser: Browser, door: WebDoor) => Promise<T>,
): Promise<T> {
  const door = await webDoor(env);
  if (env.target === 'embedded') await registerProvider(env, door);
  const marker = env.recorder ? await env.recorder.mark() : undefined;
  const browser = browserFor(env);
  try {
    return await body(browser, door);
  } finally {
    await browser.close();
    if (env.recorder && marker !== undefined) attach(context, ...(await idpExchanges(env, marker)));
  }
}

/** The IdP's exchanges since the marker; the recorder stores one just after answering, so give it a moment. */
async function idpExchanges(env: SuiteEnvironment, marker: string) {
  const ofIdp = async () =>
    (await env.recorder!.since(marker)).filter((e) => /^(AuthnRequest|LogoutRequest)$/.test(e.operation ?? ''));
  let found = await ofIdp();
  for (let tries = 0; found.length === 0 && tries < 20; tries++) {
    await sleep(env, 25);
    found = await ofIdp();
  }
  // A logout test's second request (the LogoutRequest) may be stored a moment after its login's.
  await sleep(env, 25);
  return ofIdp();
}

/** Logs the Korsbæk user in through the system and the IdP; fails when the system does not show the user. */
async function loggedIn(context: TestContext, env: SuiteEnvironment, browser: Browser, door: WebDoor, sso: Found) {
  const sent = await requestFrom(env, browser, door.login, sso.saml, 'AuthnRequest');
  const outcome = await completeLogin(browser, sent);
  if (outcome.fields.statusCodes[0] !== 'Success')
    fail(
      `The IdP refused the system's AuthnRequest (${outcome.fields.statusCodes.join('/')}): ${/StatusMessage>([^<]*)</.exec(outcome.response)?.[1] ?? ''}`,
    );
  const shown = await shownUser(browser, door);
  context.log(`the IdP logged in ${outcome.fields.nameId}; the system shows ${JSON.stringify(shown)}`);
  return { outcome, shown };
}

const test = (
  integration: string,
  check: WebCheck,
  id: string,
  title: string,
  titleDa: string,
  run: TestDefinition<SuiteEnvironment>['run'],
  embeddedOnly = false,
): TestDefinition<SuiteEnvironment> => ({
  id,
  title,
  titleDa,
  verifies: [webRequirementId(integration, check)],
  // The registration and klarmeld-defect doors are the embedded platform's; its recorder marks it.
  requires: embeddedOnly ? ['trigger', 'recorder'] : ['trigger'],
  run,
});

function signOnTests(found: Found): TestDefinition<SuiteEnvironment>[] {
  const I = found.integration;
  const refusal = (check: WebCheck, defect: string, what: string, whatDa: string) =>
    test(
      I,
      check,
      `refuses-${defect}`,
      `The system refuses a Response ${what}`,
      `Systemet afviser et Response ${whatDa}`,
      (context, env) =>
        prepared(context, env, async (browser, door) => {
          const sent = await requestFrom(env, browser, door.login, found.saml, 'AuthnRequest');
          const { landed } = await completeLogin(browser, sent, defect);
          context.log(`the system answered the defective Response with HTTP ${landed.status}`);
          const shown = await shownUser(browser, door);
          if (shown) fail(`The system accepted a Response ${what}: it shows ${shown.user} as logged in`);
        }),
      true,
    );
  return [
    test(
      I,
      'SSO-REQUEST',
      'authn-request',
      "The system's login sends a correct AuthnRequest to the IdP",
      'Systemets login sender en korrekt AuthnRequest til IdP’en',
      (context, env) =>
        prepared(context, env, async (browser, door) => {
          const sent = await requestFrom(env, browser, door.login, found.saml, 'AuthnRequest');
          context.input('authnRequest', sent.read.xml);
          const problems = commonProblems(env, sent, door);
          const acs = sent.fields.attributes.AssertionConsumerServiceURL;
          if (acs !== undefined && acs !== door.assertionConsumerService)
            problems.push(`AssertionConsumerServiceURL is ${acs}, not the registered ${door.assertionConsumerService}`);
          if (problems.length > 0) fail(`The AuthnRequest is wrong: ${problems.join('; ')}`);
        }),
    ),
    test(
      I,
      'SSO-SIGNED',
      'authn-request-signed',
      'The AuthnRequest is signed with the system certificate',
      'AuthnRequest er signeret med systemcertifikatet',
      (context, env) =>
        prepared(context, env, async (browser, door) => {
          const sent = await requestFrom(env, browser, door.login, found.saml, 'AuthnRequest');
          const problem = redirectSignatureProblem(sent.read, env.system.certPem);
          if (problem) fail(`The AuthnRequest's signature does not hold: ${problem}`);
        }),
    ),
    test(
      I,
      'SSO-ACCEPT',
      'login-accepted',
      'The system accepts the IdP’s Response and shows the user, CVR and privileges',
      'Systemet tager imod IdP’ens Response og viser bruger, CVR og privilegier',
      (context, env) =>
        prepared(context, env, async (browser, door) => {
          const { outcome, shown } = await loggedIn(context, env, browser, door, found);
          if (!shown)
            fail(
              `The system did not log the user in: its session page shows nobody after the IdP's signed Response (last page HTTP ${outcome.landed.status})`,
            );
          const cvr = attributeValues(outcome.response, 'CvrNumberIdentifier')[0];
          const privileges = privilegesOf(attributeValues(outcome.response, 'Privileges_intermediate')[0]);
          const problems = [
            ...(shown.user !== outcome.fields.nameId
              ? [`it shows the user ${shown.user}, the assertion names ${outcome.fields.nameId}`]
              : []),
            ...(shown.cvr !== cvr ? [`it shows CVR ${shown.cvr}, the assertion gives ${cvr}`] : []),
            ...privileges
              .filter((p) => !(shown.privileges ?? []).includes(p))
              .map((p) => `it does not show the privilege ${p}`),
          ];
          if (problems.length > 0) fail(`The system shows another login than the IdP's: ${problems.join('; ')}`);
        }),
    ),
    refusal('SSO-UNSIGNED', 'unsigned', 'whose assertion is not signed', 'hvis assertion ikke er signeret'),
    refusal(
      'SSO-OTHERKEY',
      'other-key',
      "signed with another key than the IdP's",
      'signeret med en anden nøgle end IdP’ens',
    ),
    refusal('SSO-EXPIRED', 'expired', 'whose assertion has expired', 'hvis assertion er udløbet'),
    refusal('SSO-AUDIENCE', 'other-audience', 'for another audience', 'til en anden modtager (Audience)'),
  ];
}

function logoutTests(found: Found, sso: Found): TestDefinition<SuiteEnvironment>[] {
  const I = found.integration;
  const loggedOut = async (context: TestContext, env: SuiteEnvironment, browser: Browser, door: WebDoor) => {
    const { outcome, shown } = await loggedIn(context, env, browser, door, sso);
    if (!shown) fail('The system did not log the user in, so there is no session to log out of');
    const sent = await requestFrom(env, browser, door.logout, found.saml, 'LogoutRequest');
    return { login: outcome, sent };
  };
  return [
    test(
      I,
      'SLO-REQUEST',
      'logout-request',
      "The system's logout sends a LogoutRequest naming the user's session",
      'Systemets logout sender en LogoutRequest, der angiver brugerens session',
      (context, env) =>
        prepared(context, env, async (browser, door) => {
          const { login, sent } = await loggedOut(context, env, browser, door);
          context.input('logoutRequest', sent.read.xml);
          const problems = commonProblems(env, sent, door);
          const sessionIndex = /SessionIndex="([^"]+)"/.exec(login.response)?.[1];
          if (sent.fields.nameId !== login.fields.nameId)
            problems.push(`NameID is ${sent.fields.nameId ?? 'missing'}, the login's is ${login.fields.nameId}`);
          if (sent.fields.sessionIndex !== sessionIndex)
            problems.push(`SessionIndex is ${sent.fields.sessionIndex ?? 'missing'}, the login's is ${sessionIndex}`);
          if (problems.length > 0) fail(`The LogoutRequest is wrong: ${problems.join('; ')}`);
        }),
    ),
    test(
      I,
      'SLO-SIGNED',
      'logout-request-signed',
      'The LogoutRequest is signed with the system certificate',
      'LogoutRequest er signeret med systemcertifikatet',
      (context, env) =>
        prepared(context, env, async (browser, door) => {
          const { sent } = await loggedOut(context, env, browser, door);
          const problem = redirectSignatureProblem(sent.read, env.system.certPem);
          if (problem) fail(`The LogoutRequest's signature does not hold: ${problem}`);
        }),
    ),
    test(
      I,
      'SLO-ENDED',
      'session-ended',
      'After the IdP’s LogoutResponse the system no longer shows the user',
      'Efter IdP’ens LogoutResponse viser systemet ikke længere brugeren',
      (context, env) =>
        prepared(context, env, async (browser, door) => {
          const { sent } = await loggedOut(context, env, browser, door);
          const idp = await browser.get(sent.location);
          if (!idp.location)
            fail(
              `The IdP answered the LogoutRequest with HTTP ${idp.status} and no redirect: ${idp.body.slice(0, 200)}`,
            );
          const answer = readRedirectUrl(idp.location, 'SAMLResponse');
          const fields = typeof answer === 'string' ? answer : messageFields(answer.xml);
          const status = typeof fields === 'string' ? undefined : fields.statusCodes[0];
          if (status !== 'Success') fail(`The IdP refused the LogoutRequest (status ${status ?? 'unreadable'})`);
          const landed = await browser.follow(idp);
          context.log(`the system answered the LogoutResponse with HTTP ${landed.status}`);
          const shown = await shownUser(browser, door);
          if (shown) fail(`After logging out the system still shows ${shown.user} as logged in`);
        }),
    ),
  ];
}

/**
 * The web-login suite of each integration with a SAML service in the catalogue (issue 12): the
 * runner plays the user's browser between the system's pages and the IdP. Single sign-on: the
 * AuthnRequest the system sends, its signature, that it accepts the IdP's Response and shows the
 * user, and that it refuses Responses it must refuse. Single logout: the LogoutRequest, its
 * signature, and that the session ends. By integration id.
 */
export function webLoginSuites(catalog: Catalog): Record<string, SuiteDefinition<SuiteEnvironment, SuiteEnvironment>> {
  const found = samlServices(catalog);
  const sso = found.find((f) => f.saml.role === 'single-sign-on');
  const suites: Record<string, SuiteDefinition<SuiteEnvironment, SuiteEnvironment>> = {};
  for (const f of found) {
    if (f.saml.role === 'single-logout' && !sso) continue;
    const digest = createHash('sha256')
      .update(JSON.stringify([f.service, f.saml, sso?.saml.endpoints]))
      .digest('hex')
      .slice(0, 12);
    const provider: WebCheck = f.saml.role === 'single-sign-on' ? 'SSO-PROVIDER' : 'SLO-PROVIDER';
    const title = catalog.integrations.find((i) => i.id === f.integration)?.title ?? f.integration;
    suites[f.integration] = defineSuite<SuiteEnvironment>({
      id: f.integration.toLowerCase(),
      integration: f.integration,
      title: `${f.integration} ${title} (web-login suite from the IdP metadata)`,
      titleDa: `${f.integration} ${title} (web-login-suite fra IdP'ens metadata)`,
      version: `${WEB_VERSION}+${digest}`,
      requirementsFile: new URL('./web-login-requirements.ts', import.meta.url),
      requirements: webLoginRequirements(f.integration, f.saml.role, f.saml.idpEntityId),
      groups: [
        platformGroup([
          test(
            f.integration,
            provider,
            'provider-registered',
            'The system is registered as the Context Handler’s service provider, with an approved agreement',
            'Systemet er registreret som tjenesteudbyder hos context handleren og har en godkendt aftale',
            async (context, env) => {
              context.input('agreement', approvedAgreement(env, f.integration).uuid);
              await prepared(context, env, async (_browser, door) => context.input('entityId', door.entityId));
            },
            true,
          ),
        ]),
        f.saml.role === 'single-sign-on'
          ? {
              id: 'login',
              title: 'Login through the Context Handler',
              titleDa: 'Login gennem context handleren',
              tests: signOnTests(f),
            }
          : {
              id: 'logout',
              title: 'Logout through the Context Handler',
              titleDa: 'Logout gennem context handleren',
              tests: logoutTests(f, sso!),
            },
      ],
    });
  }
  return suites;
}
