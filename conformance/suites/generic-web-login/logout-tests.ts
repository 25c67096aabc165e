import type { TestContext, TestDefinition } from '../../framework/index.ts';
import type { SuiteEnvironment } from '../shared/environment.ts';
import { fail } from '../shared/steps.ts';
import type { Browser } from './browser.ts';
import { commonProblems, requestFrom, shownUser } from './login-flow.ts';
import { messageFields, readRedirectUrl, redirectSignatureProblem } from './saml-reading.ts';
import type { WebDoor } from './web-door.ts';
import { loggedIn, prepared, test, type Found } from './web-test-steps.ts';

/** The single logout checks: the LogoutRequest naming the login's session, its signature, and the session ended. */
export function logoutTests(found: Found, sso: Found): TestDefinition<SuiteEnvironment>[] {
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
