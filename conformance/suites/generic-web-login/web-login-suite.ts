import { createHash } from 'node:crypto';
import type { Catalog } from '../../../catalog/index.ts';
import { defineSuite, type SuiteDefinition } from '../../framework/index.ts';
import type { SuiteEnvironment } from '../shared/environment.ts';
import { platformGroup } from '../shared/platform-group.ts';
import { approvedAgreement } from '../shared/steps.ts';
import { logoutTests } from './logout-tests.ts';
import { signOnTests } from './sign-on-tests.ts';
import { webLoginRequirements, type WebCheck } from './web-login-requirements.ts';
import { prepared, test, type Found } from './web-test-steps.ts';

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
