import type { TestDefinition } from '../../framework/index.ts';
import type { SuiteEnvironment } from '../shared/environment.ts';
import { fail } from '../shared/steps.ts';
import { attributeValues, commonProblems, completeLogin, privilegesOf, requestFrom, shownUser } from './login-flow.ts';
import { redirectSignatureProblem } from './saml-reading.ts';
import type { WebCheck } from './web-login-requirements.ts';
import { loggedIn, prepared, test, type Found } from './web-test-steps.ts';

/** The single sign-on checks: the AuthnRequest, its signature, the accepted login, and the Responses the system must refuse. */
export function signOnTests(found: Found): TestDefinition<SuiteEnvironment>[] {
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
