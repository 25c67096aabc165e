import type { Catalog } from '../../../catalog/index.ts';
import { uri } from '../../../conformance/clients/index.ts';
import type { Service } from './catalog-types.ts';
import { tsLiteral } from './schema-literal.ts';

/** SF1514's token endpoints on KOMBIT's external test environment, as the catalogue gives them. */
export interface StsEndpoints {
  /** REST WS-Trust: a SAML holder-of-key token as JSON (service WsTrustRest). */
  wsTrustRest?: string;
  /** OAuth 2 client credentials: a JWT (service OAuthClientCredentials). */
  oauth?: string;
}

/** SF1514's token services in the catalogue (WsTrustRest, OAuthClientCredentials), at their external test addresses. */
export function stsEndpoints(catalog: Catalog): StsEndpoints {
  const services = catalog.integrations.find((i) => i.id === 'SF1514')?.versions.flatMap((v) => v.services) ?? [];
  const at = (name: string) => services.find((s) => s.name === name)?.endpoints.externalTest;
  const [wsTrustRest, oauth] = [at('WsTrustRest'), at('OAuthClientCredentials')];
  return { ...(wsTrustRest && { wsTrustRest }), ...(oauth && { oauth }) };
}

/** Serviceplatformen's AccessTokenService, on the same host as the service it grants access to. */
export const accessTokenPath = '/service/AccessTokenService_1/token';

export interface TokenCode {
  /** Statements that leave the Authorization header's value in `authorization`. */
  lines: string[];
  /** What the code reads that neither the catalogue nor Korsbæk's data gives, by name, with where it comes from. */
  supplied: { name: string; type: string; comment: string }[];
}

/** Where the token is for: the service's address and the municipality the call is made for. */
export interface TokenContext {
  /** The service's own address, when the catalogue has one. */
  serviceUrl?: string;
  sts: StsEndpoints;
  municipality: { name: string; cvr: string };
}

/**
 * How a supplier's system gets the token a REST service wants, with the same certificate as the
 * call (`dispatcher`, `certificate`): for `jwt` a JWT from SF1514's OAuth 2 client-credentials
 * endpoint; for `holder-of-key` a SAML token from SF1514's REST STS, exchanged at
 * Serviceplatformen's AccessTokenService (the flow itk-dev's SF1601 client uses). Undefined for
 * a service that wants no token. What the catalogue lacks (an entityID, an address) is read
 * from `supplied`, and listed.
 */
export function tokenCode(service: Service, context: TokenContext): TokenCode | undefined {
  const supplied: TokenCode['supplied'] = [];
  const need = (value: string | undefined, name: string, comment: string) => {
    if (value) return tsLiteral(value);
    supplied.push({ name, type: 'string', comment });
    return `supplied.${name}`;
  };
  const { name: municipality, cvr } = context.municipality;
  const entity = () =>
    need(
      service.entityId,
      'entityId',
      "the service's entityID, which the token is issued for (the catalogue has none)",
    );
  const endpoint = (url: string | undefined, name: string, what: string) =>
    need(url, name, `the address of ${what} on KOMBIT's external test environment (the catalogue has none)`);
  if (service.security.includes('jwt')) {
    const oauth = endpoint(context.sts.oauth, 'oauthUrl', "SF1514's OAuth 2 client-credentials endpoint");
    const id = entity();
    const scope = service.entityId
      ? tsLiteral(`entityid:${service.entityId},anvenderkontekst:${cvr}`)
      : `\`entityid:\${${id}},anvenderkontekst:${cvr}\``;
    return {
      supplied,
      lines: [
        `// The token (SF1514): a JWT for this service on behalf of ${municipality} (anvenderkontekst), from the`,
        "// STS's OAuth 2 client-credentials endpoint, with the same certificate; the reply is an OAuth 2 token response.",
        `const issued = await fetch(${oauth}, {`,
        "  method: 'POST',",
        '  dispatcher,',
        '  body: new URLSearchParams({',
        `    client_id: ${id},`,
        "    grant_type: 'client_credentials',",
        `    scope: ${scope},`,
        '  }),',
        '});',
        'if (!issued.ok) throw new Error(`The STS refused the token: ${issued.status} ${await issued.text()}`);',
        'const { access_token: jwt } = (await issued.json()) as { access_token: string };',
        'const authorization = `Bearer ${jwt}`;',
      ],
    };
  }
  if (service.security.includes('holder-of-key')) {
    const rest = endpoint(context.sts.wsTrustRest, 'stsUrl', "SF1514's REST STS (WsTrustRest)");
    const id = entity();
    const exchange = need(
      context.serviceUrl && new URL(accessTokenPath, context.serviceUrl).href,
      'accessTokenUrl',
      "Serviceplatformen's AccessTokenService, on the service's host (the catalogue has no address for the service)",
    );
    return {
      supplied,
      lines: [
        '// The token, in two calls with the same certificate: a SAML token for this service on behalf of',
        `// ${municipality} (AnvenderKontekst) from SF1514's REST STS, exchanged at Serviceplatformen's`,
        '// AccessTokenService for an access token (valid an hour) that the call sends as "Holder-of-key".',
        `const issued = await fetch(${rest}, {`,
        "  method: 'POST',",
        '  dispatcher,',
        "  headers: { 'content-type': 'application/json' },",
        '  body: JSON.stringify({',
        `    TokenType: ${tsLiteral(uri.samlTokenType)},`,
        `    RequestType: ${tsLiteral(uri.issueRequestType)},`,
        `    KeyType: ${tsLiteral(uri.publicKeyType)},`,
        `    AnvenderKontekst: { Cvr: ${tsLiteral(cvr)} },`,
        "    UseKey: certificate.replace(/-----[A-Z ]+-----|\\s/g, ''), // the certificate, base64 DER on one line",
        `    AppliesTo: { EndpointReference: { Address: ${id} } },`,
        '    OnBehalfOf: null,',
        '  }),',
        '});',
        'if (!issued.ok) throw new Error(`The STS refused the token: ${issued.status} ${await issued.text()}`);',
        'const saml = (await issued.json()) as { RequestedSecurityToken: { Assertion: string } };',
        `const exchanged = await fetch(${exchange}, {`,
        "  method: 'POST',",
        '  dispatcher,',
        "  body: new URLSearchParams({ 'saml-token': saml.RequestedSecurityToken.Assertion }),",
        '});',
        'if (!exchanged.ok) throw new Error(`The AccessTokenService refused the token: ${exchanged.status} ${await exchanged.text()}`);',
        'const token = (await exchanged.json()) as { access_token: string; token_type: string };',
        'const authorization = `${token.token_type} ${token.access_token}`;',
      ],
    };
  }
  return undefined;
}
