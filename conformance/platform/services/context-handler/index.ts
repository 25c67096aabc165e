import type { Catalog } from '../../../../catalog/index.ts';
import type { HttpRoute, PlatformModule } from '../../service-handler.ts';
import { idpServices } from './idp-services.ts';
import { metadataPath, metadataRoute } from './metadata-route.ts';
import { redirectRoute } from './redirect-route.ts';
import { registerPath, registerRoute } from './register-route.ts';

export { metadataPath, registerPath };
export { defects as contextHandlerDefects } from './redirect-route.ts';

/**
 * Adgangsstyring's Context Handler for user-facing systems (SF1511 login, SF1515 logout), made
 * from the catalogue's SAML services (import-contract reads them from KOMBIT's IdP metadata): the
 * HTTP-Redirect single sign-on and single logout at their metadata paths, for the browser, and
 * klarmeld's doors to register a service provider and read the platform's IdP metadata.
 */
export function createPlatformModule(catalog: Catalog): PlatformModule {
  const { services } = idpServices(catalog);
  if (services.length === 0) return { name: 'context-handler', routes: [] };
  const login = services.find((s) => s.saml.role === 'single-sign-on');
  const logout = services.find((s) => s.saml.role === 'single-logout');
  const paths = [...new Set(services.flatMap((s) => s.redirectPaths))];
  const routes: HttpRoute[] = [
    ...paths.map((p) =>
      redirectRoute(
        p,
        login?.redirectPaths.includes(p) ? login : undefined,
        logout?.redirectPaths.includes(p) ? logout : undefined,
      ),
    ),
    metadataRoute(login, logout),
    registerRoute,
  ];
  return { name: 'context-handler', simulates: services.map((s) => s.integration), routes };
}
