import { callerOfCertificate } from '../server/certificate-caller.ts';
import type { HttpRoute, PlatformModule, PlatformServices, ServiceHandler } from '../service-handler.ts';
import { issueRest } from './issue-rest.ts';
import { issueSoap } from './issue-soap.ts';
import { registryStsDirectory } from './registry-sts-directory.ts';
import { accessTokenRoute, oauthRoute } from './rest-token-routes.ts';
import { stsIdentity } from './sts-identity.ts';

/** Path of SF1514's WS-Trust endpoint; the same on the adgangsstyring and n2adgangsstyring hosts. */
export const stsPath = '/runtime/services/kombittrust/14/certificatemixed';
export const stsRestPath = '/runtime/api/rest/wstrust/v1/issue';

async function deps(platform: PlatformServices) {
  return {
    directory: registryStsDirectory(platform.registry, platform.catalog),
    identity: await stsIdentity(platform),
    now: platform.clock(),
  };
}

const soapHandler: ServiceHandler = {
  integration: 'SF1514',
  service: 'SecurityTokenService',
  path: stsPath,
  soapVersion: '1.2',
  // certificatemixed: the message signature by the BinarySecurityToken proves the caller; public
  // OIOIDWS clients send no TLS client certificate. With one, the BinarySecurityToken must be it.
  callerProof: 'message-signature',
  async handle(request, platform) {
    const reply = issueSoap(request.body, request.caller?.certificate.toString(), await deps(platform));
    // A request whose signature verified is its signer's exchange, granted or refused (e.g. no agreement).
    const caller =
      request.caller ?? (reply.signerCertPem ? callerOfCertificate(platform.registry, reply.signerCertPem) : undefined);
    return {
      ...(caller ? { caller } : {}),
      status: reply.status,
      contentType: reply.contentType,
      body: reply.body,
      operation: 'Trust13Issue',
      findings: reply.fault ? [{ severity: 'error', code: reply.fault.code, message: reply.fault.reason }] : [],
      ...(reply.fault ? { fault: { code: reply.fault.code, text: reply.fault.reason } } : {}),
    };
  },
};

const restRoute: HttpRoute = {
  method: 'POST',
  path: stsRestPath,
  async handle(request, platform) {
    let input: unknown;
    try {
      input = JSON.parse(request.body);
    } catch {
      input = null;
    }
    const reply = issueRest(input, request.caller.certificate.toString(), await deps(platform));
    const message = (reply.json as { message?: string }).message ?? '';
    return {
      status: reply.status,
      contentType: 'application/json; charset=utf-8',
      body: JSON.stringify(reply.json),
      record: {
        integration: 'SF1514',
        service: 'WsTrustRest',
        operation: 'issue',
        findings: reply.code ? [{ severity: 'error', code: reply.code, message }] : [],
        ...(reply.code ? { fault: { code: reply.code, text: message } } : {}),
      },
    };
  },
};

/**
 * SF1514: the Security Token Service (WS-Trust SOAP 1.2, its REST JSON variant, the OAuth JWT
 * endpoint) and Serviceplatformen's AccessTokenService, which turns its SAML tokens into REST access tokens.
 */
export const platformModule: PlatformModule = {
  name: 'sts',
  handlers: [soapHandler],
  routes: [restRoute, oauthRoute, accessTokenRoute],
};
