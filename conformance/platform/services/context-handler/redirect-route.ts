import { X509Certificate } from 'node:crypto';
import { callerOfCertificate } from '../../server/certificate-caller.ts';
import type { BrowserRoute, Caller, PlatformServices, RouteReply } from '../../service-handler.ts';
import { roleCertificate } from '../../sts/sts-identity.ts';
import { type IdpService } from './idp-services.ts';
import { readRedirect, redirectSignatureProblem, redirectUrl, type RedirectMessage } from './redirect-binding.ts';
import { readRequest, requestProblems, type SamlRequest } from './read-request.ts';
import { loginResponse, postForm, samlId, status, statusResponse } from './saml-messages.ts';
import { spStore, type ServiceProvider } from './sp-store.ts';
import { assertedAttributes, korsbaekUser } from './test-user.ts';

/**
 * Defects the runner may ask for with `klarmeld-defect=<name>` on the single sign-on URL (a
 * klarmeld test door, like the contract module's fault on demand): the Response the platform then
 * posts is one a service provider must refuse.
 */
export const defects = ['unsigned', 'other-key', 'expired', 'other-audience'] as const;
type Defect = (typeof defects)[number];

const html = (code: number, text: string): RouteReply => ({
  status: code,
  contentType: 'text/html; charset=utf-8',
  body: `<!DOCTYPE html><html lang="da"><head><meta charset="utf-8"><title>Context Handler</title></head><body><h1>Context Handler</h1><p>${text.replace(/</g, '&lt;')}</p></body></html>`,
});

/**
 * The Context Handler's HTTP-Redirect endpoint (one location for login and logout, as KOMBIT's
 * metadata has it): an AuthnRequest or LogoutRequest of a registered service provider, signed with
 * its system certificate. A request that cannot be read, or names no registered service provider,
 * gets an error page (there is no registered address to answer to; klarmeld's choice where SAML
 * leaves it to the IdP); one that is unsigned, wrongly signed or wrong in its fields gets a signed
 * Response (or LogoutResponse) with status Requester/RequestDenied back at the registered address.
 */
export function redirectRoute(
  path: string,
  login: IdpService | undefined,
  logout: IdpService | undefined,
): BrowserRoute {
  return {
    method: 'GET',
    path,
    browser: true,
    async handle(request, platform) {
      let message: RedirectMessage | undefined;
      try {
        message = readRedirect(request.rawQuery ?? request.query.toString());
      } catch {
        return html(400, 'SAMLRequest kan ikke læses: den er ikke base64-kodet DEFLATE (HTTP-Redirect-binding).');
      }
      if (message?.kind !== 'SAMLRequest') return html(400, 'Der er ingen SAMLRequest i adressen.');
      const saml = readRequest(message.xml);
      if (typeof saml === 'string') return html(400, saml);
      const idp = saml.kind === 'AuthnRequest' ? login : logout;
      if (idp === undefined) return html(400, `Denne context handler tager ikke imod ${saml.kind} på ${path}.`);
      const store = spStore(platform.database);
      const sp = saml.issuer ? store.find(saml.issuer) : undefined;
      if (sp === undefined)
        return html(
          403,
          `Ukendt tjenesteudbyder (Issuer ${saml.issuer ?? 'mangler'}): systemet er ikke registreret som brugervendt system hos context handleren (POST /klarmeld/context-handler/service-providers).`,
        );
      const signedBy = callerOfCertificate(platform.registry, sp.certPem);
      const problem = redirectSignatureProblem(message, new X509Certificate(sp.certPem));
      const now = platform.clock();
      const destination = `${platform.baseUrl}${path}`;
      const problems = [
        ...(problem ? [problem] : []),
        ...(signedBy ? [] : ["the service provider's system certificate is revoked or its system is gone"]),
        ...requestProblems(saml, { destination, assertionConsumerService: sp.assertionConsumerService, now }),
        // Bindings §3.4.3: RelayState MUST NOT exceed 80 bytes.
        ...(message.relayState !== undefined && Buffer.byteLength(message.relayState) > 80
          ? [`RelayState is ${Buffer.byteLength(message.relayState)} bytes; the Redirect binding allows 80`]
          : []),
      ];
      const caller = problem || !signedBy ? undefined : signedBy;
      const record = (findings: string[]) => ({
        integration: idp.integration,
        service: idp.service,
        operation: saml.kind,
        findings: findings.map((m) => ({ severity: 'error' as const, code: 'saml.request-refused', message: m })),
        ...(findings.length > 0 && { fault: { code: status.requestDenied, text: findings.join('; ') } }),
      });
      const signer = await roleCertificate(platform.pki, 'context-handler');
      const answer =
        saml.kind === 'AuthnRequest'
          ? await answerLogin({ idp, sp, saml, message, problems, caller, now, platform, signer, query: request.query })
          : answerLogout({ idp, sp, saml, message, problems, now, platform, signer });
      return { ...answer, record: record(problems), ...(caller && { caller }) };
    },
  };
}

interface Answer {
  idp: IdpService;
  sp: ServiceProvider;
  saml: SamlRequest;
  message: RedirectMessage;
  problems: string[];
  now: Date;
  platform: PlatformServices;
  signer: { certPem: string; keyPem: string };
}

async function answerLogin(a: Answer & { caller: Caller | undefined; query: URLSearchParams }): Promise<RouteReply> {
  const relay: Record<string, string> = a.message.relayState === undefined ? {} : { RelayState: a.message.relayState };
  const cvr = '11111111';
  const agreement = a.caller
    ? a.platform.registry.approvedAgreement({
        systemUuid: a.caller.systemUuid,
        municipalityCvr: cvr,
        integration: a.idp.integration,
      })
    : undefined;
  if (a.problems.length === 0 && agreement === undefined)
    a.problems.push(`the it-system has no approved ${a.idp.integration} agreement with Korsbæk Kommune (${cvr})`);
  if (a.problems.length > 0) {
    const refusal = statusResponse({
      element: 'Response',
      issuer: a.idp.saml.idpEntityId,
      destination: a.sp.assertionConsumerService,
      ...(a.saml.id && { inResponseTo: a.saml.id }),
      code: status.requester,
      subCode: status.requestDenied,
      message: a.problems.join('; '),
      issuedAt: a.now,
      signer: a.signer,
    });
    return {
      status: 200,
      contentType: 'text/html; charset=utf-8',
      body: postForm(a.sp.assertionConsumerService, { SAMLResponse: b64(refusal), ...relay }),
    };
  }
  const defect = a.query.get('klarmeld-defect') as Defect | null;
  if (defect !== null && !defects.includes(defect))
    return html(400, `klarmeld-defect=${defect} er ukendt; vælg ${defects.join(', ')}.`);
  const user = korsbaekUser(cvr);
  const sessionIndex = samlId();
  const signer =
    defect === 'unsigned'
      ? undefined
      : defect === 'other-key'
        ? await roleCertificate(a.platform.pki, 'context-handler-unregistered')
        : a.signer;
  const response = loginResponse({
    issuer: a.idp.saml.idpEntityId,
    destination: a.sp.assertionConsumerService,
    inResponseTo: a.saml.id!,
    audience: defect === 'other-audience' ? 'https://another-system.example/saml' : a.sp.entityId,
    nameId: user.nameId,
    nameIdFormat: a.idp.saml.nameIdFormats[0] ?? 'urn:oasis:names:tc:SAML:1.1:nameid-format:X509SubjectName',
    sessionIndex,
    attributes: assertedAttributes(a.idp.saml.attributes, cvr, a.sp.entityId, a.idp.integration),
    issuedAt: defect === 'expired' ? new Date(a.now.getTime() - 60 * 60_000) : a.now,
    signer,
  });
  if (defect === null)
    spStore(a.platform.database).openSession({ sessionIndex, entityId: a.sp.entityId, nameId: user.nameId }, a.now);
  return {
    status: 200,
    contentType: 'text/html; charset=utf-8',
    body: postForm(a.sp.assertionConsumerService, { SAMLResponse: b64(response), ...relay }),
  };
}

function answerLogout(a: Answer): RouteReply {
  const closed =
    a.problems.length === 0 &&
    spStore(a.platform.database).closeSession({
      sessionIndex: a.saml.sessionIndex!,
      entityId: a.sp.entityId,
      nameId: a.saml.nameId!,
    });
  if (a.problems.length === 0 && !closed)
    a.problems.push('no open session of this service provider has that NameID and SessionIndex');
  const xml = statusResponse({
    element: 'LogoutResponse',
    issuer: a.idp.saml.idpEntityId,
    destination: a.sp.singleLogoutService,
    ...(a.saml.id && { inResponseTo: a.saml.id }),
    code: a.problems.length === 0 ? status.success : status.requester,
    subCode: closed
      ? undefined
      : a.problems.some((p) => p.startsWith('no open session'))
        ? status.unknownPrincipal
        : status.requestDenied,
    message: a.problems.join('; '),
    issuedAt: a.now,
  });
  const location = redirectUrl(
    a.sp.singleLogoutService,
    { kind: 'SAMLResponse', xml, ...(a.message.relayState !== undefined && { relayState: a.message.relayState }) },
    a.signer.keyPem,
  );
  return { status: 302, contentType: 'text/plain; charset=utf-8', body: '', headers: { location } };
}

const b64 = (xml: string) => Buffer.from(xml, 'utf8').toString('base64');
