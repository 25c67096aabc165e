import type { Privilege } from './build-assertion.ts';

/**
 * The role a service agreement grants, as a Privilege of the token. KOMBIT does not publish its
 * role URIs per service; its tokens show the shape `http://<domain>/roles/servicesystemrole/<role>/<version>`
 * (tokenservice_oioidws-net: `http://serviceplatformen.serviceplatformen.dk/roles/servicesystemrole/dummy/1`
 * in the external test token for a Serviceplatformen service, `http://kombit.ssr.com/roles/servicesystemrole/role1/1`
 * in the STS's own example). So the domain is Serviceplatformen's role domain, as in that real token,
 * for a service whose entityID is on serviceplatformen.dk, and otherwise the entityID's own KOMBIT
 * domain (stoettesystemerne.dk, entityid.kombit.dk); the role is the integration id, version 1.
 * `constraints` are the agreement's data restrictions (dataafgrænsninger), each a Constraint element.
 */
export function servicePrivilege(
  entityId: string,
  integration: string,
  constraints: Privilege['constraints'] = [],
): Privilege {
  let host = 'entityid.kombit.dk';
  try {
    host = new URL(entityId).host || host;
  } catch {
    // An entityID that is not a URL (none in the catalogue) keeps KOMBIT's entityID domain.
  }
  const domain =
    host === 'serviceplatformen.dk' || host.endsWith('.serviceplatformen.dk')
      ? 'serviceplatformen.serviceplatformen.dk'
      : host;
  return {
    uri: `http://${domain}/roles/servicesystemrole/${integration.toLowerCase()}/1`,
    ...(constraints.length ? { constraints } : {}),
  };
}
