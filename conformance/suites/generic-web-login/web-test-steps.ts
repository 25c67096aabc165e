import type { Service } from '../../../catalog/index.ts';
import type { TestContext, TestDefinition } from '../../framework/index.ts';
import type { SuiteEnvironment } from '../shared/environment.ts';
import { attach } from '../shared/evidence.ts';
import { fail } from '../shared/steps.ts';
import { sleep } from '../shared/world.ts';
import { browserFor, type Browser } from './browser.ts';
import { completeLogin, requestFrom, shownUser } from './login-flow.ts';
import { webRequirementId, type WebCheck } from './web-login-requirements.ts';
import { registerProvider, webDoor, type WebDoor } from './web-door.ts';

export type SamlService = NonNullable<Service['saml']>;
export interface Found {
  integration: string;
  service: string;
  saml: SamlService;
}

/**
 * A browser for one test, the system's door, and the system registered as the IdP's provider
 * (embedded platform). On the embedded platform the IdP's records of the requests the system signed
 * (the Context Handler records an exchange once the signature proves the system) are attached to
 * the result as evidence, whatever the test concludes.
 */
export async function prepared<T>(
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
export async function loggedIn(
  context: TestContext,
  env: SuiteEnvironment,
  browser: Browser,
  door: WebDoor,
  sso: Found,
) {
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

export const test = (
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
