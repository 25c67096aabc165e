import type { Service } from '../../../catalog/index.ts';
import { callKlarmeldEndpoint } from '../shared/platform-call.ts';
import type { SuiteEnvironment } from '../shared/environment.ts';
import { expectOk, fail, skip, triggerOf } from '../shared/steps.ts';

/**
 * How the runner reaches a system's web login: the system says it through its trigger hook,
 * action `web.describe` (see conformance/profile/actions.ts): its SAML entityID, the pages a user
 * opens to log in and out, the page that shows who is logged in (JSON), and its
 * AssertionConsumerService and SingleLogoutService addresses.
 */
export interface WebDoor {
  entityId: string;
  login: string;
  logout: string;
  session: string;
  assertionConsumerService: string;
  singleLogoutService: string;
}

const KEYS = ['entityId', 'login', 'logout', 'session', 'assertionConsumerService', 'singleLogoutService'] as const;

/** The system's web door, from its trigger; a test that needs it is skipped when the system has none. */
export async function webDoor(env: SuiteEnvironment): Promise<WebDoor> {
  const outcome = await triggerOf(env)('web.describe', {});
  if (!outcome.ok && outcome.error.code === 'unsupported-action')
    skip('The system does not describe its web login through its trigger hook (action web.describe)');
  const result = expectOk(outcome, 'Describing the web login (web.describe)') as Record<string, unknown> | undefined;
  const missing = KEYS.filter((k) => typeof result?.[k] !== 'string' || result[k] === '');
  if (missing.length > 0) fail(`web.describe answered without ${missing.join(', ')}`);
  return result as unknown as WebDoor;
}

type SamlService = NonNullable<Service['saml']>;

/** Where the IdP takes the Redirect binding: the embedded platform's path, or KOMBIT's location on the external test environment. */
export function idpRedirectLocation(env: SuiteEnvironment, saml: SamlService): string {
  const e = saml.endpoints.find((x) => x.binding.endsWith(':HTTP-Redirect')) ?? saml.endpoints[0]!;
  return env.target === 'embedded' ? new URL(e.local, env.platform.baseUrl).href : e.location;
}

/**
 * Registers the system as the Context Handler's service provider on the embedded platform
 * (klarmeld's stand-in for KOMBIT's Administrationsmodul, where a supplier registers a
 * user-facing system by hand). Fails the test with the platform's words when it refuses.
 */
export async function registerProvider(env: SuiteEnvironment, door: WebDoor): Promise<void> {
  const reply = await callKlarmeldEndpoint(env, '/klarmeld/context-handler/service-providers', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      entityId: door.entityId,
      assertionConsumerService: door.assertionConsumerService,
      singleLogoutService: door.singleLogoutService,
    }),
  });
  if (reply.status !== 201)
    fail(`The Context Handler refused to register the system (HTTP ${reply.status}): ${reply.body}`);
}
