import { randomUUID } from 'node:crypto';
import { ns, sameCertificate, selectOne, textOf, uri, type XmlNode } from '../../wire/index.ts';
import { parseSafeXml } from '../server/safe-xml.ts';
import type { Caller } from '../service-handler.ts';
import type { AccessTokenGrant } from './access-token-store.ts';
import type { StsIdentity } from './sts-directory.ts';
import { verifySignature } from './wss-verify.ts';

/** The access token's lifetime: `expires_in` 3600 in itk-dev's docs/SF1601.md; never past the SAML token's end. */
export const accessTokenLifetimeMs = 3600_000;
const skewMs = 5 * 60_000;
const datarekvirentTypes = ['CPR', 'CVR', 'PNummer', 'OrgEnhed'];
/**
 * An STS assertion is ~8 KB of base64 and ~115 elements; the field and its XML are bounded well
 * above that, so a hostile form is refused before a DOM is built on the request thread (review finding 3).
 */
const maxEncodedLength = 64 * 1024;
const assertionLimits = { maxDepth: 32, maxNodes: 2000 };

export type ExchangeResult =
  { ok: true; grant: AccessTokenGrant } | { ok: false; status: 400 | 401; error: string; description: string };

/**
 * Serviceplatformen's AccessTokenService (`POST /service/AccessTokenService_1/token`): the form field
 * `saml-token` is base64 of the STS's SAML assertion for a REST service's entity ID (Randers'
 * Examples.cs lines 82-115), optionally with the pair `datarekvirent-type` and
 * `datarekvirent-identifier`, both or neither. The assertion must be the platform STS's, in its
 * lifetime, and bound to the certificate of this TLS connection; the access token is then bound to
 * the same certificate and entity ID. The sources give no refusal shape: klarmeld answers OAuth's
 * `{ error, error_description }` with `invalid_request` (400), and `invalid_grant` (401) for a token
 * that is not the STS's, not for now, or bound to another certificate.
 */
export function exchangeSamlToken(
  body: string,
  caller: Caller,
  deps: { identity: StsIdentity; now: Date; knowsEntityId: (entityId: string) => boolean },
): ExchangeResult {
  const form = new URLSearchParams(body);
  const encoded = form.get('saml-token') ?? '';
  if (encoded.trim() === '') return invalid('The form field saml-token is missing: base64 of the STS’s SAML assertion');
  const type = form.get('datarekvirent-type') ?? '';
  const identifier = form.get('datarekvirent-identifier') ?? '';
  if ((type === '') !== (identifier === ''))
    return invalid('datarekvirent-type and datarekvirent-identifier go together: send both or neither');
  if (type !== '' && !datarekvirentTypes.includes(type))
    return invalid(`datarekvirent-type ${type} is not one of ${datarekvirentTypes.join(', ')}`);
  if (encoded.length > maxEncodedLength)
    return invalid(`saml-token is ${encoded.length} characters; an STS assertion is far below ${maxEncodedLength}`);
  const xml = Buffer.from(encoded.replace(/\s+/g, ''), 'base64').toString('utf8');
  const parsed = parseSafeXml(xml, assertionLimits);
  if (!('document' in parsed))
    return invalid(
      `saml-token is not base64 of an XML document (${parsed.problem}); send the assertion the STS issued`,
    );
  const assertion = parsed.document.documentElement as unknown as XmlNode;
  if (assertion.localName !== 'Assertion' || assertion.namespaceURI !== ns.saml)
    return invalid('saml-token holds no SAML 2.0 Assertion; send the assertion the STS issued, base64 encoded');
  const id = assertion.getAttribute('ID') ?? '';
  const signature = selectOne('ds:Signature', assertion);
  const signed = signature && verifySignature(signature, deps.identity.certPem);
  if (!signed || !signed.ok || !signed.signedIds.has(id) || textOf('saml:Issuer', assertion) !== deps.identity.issuer)
    return refused('The SAML assertion is not signed by the platform STS; send it exactly as the STS issued it');
  const entityId = textOf('saml:Conditions/saml:AudienceRestriction/saml:Audience', assertion) ?? '';
  if (!deps.knowsEntityId(entityId))
    return invalid(`The SAML assertion is for ${entityId || '(no audience)'}, which is no service of the platform`);
  const conditions = selectOne('saml:Conditions', assertion)!;
  const notBefore = Date.parse(conditions.getAttribute('NotBefore') ?? '');
  const notOnOrAfter = Date.parse(conditions.getAttribute('NotOnOrAfter') ?? '');
  const now = deps.now.getTime();
  if (!(notBefore - skewMs <= now && now < notOnOrAfter))
    return refused('The SAML assertion has expired (or is not yet valid); get a new one from the STS');
  const holder = textOf(
    'saml:Subject/saml:SubjectConfirmation/saml:SubjectConfirmationData/ds:KeyInfo/ds:X509Data/ds:X509Certificate',
    assertion,
  );
  if (!holder || !sameCertificate(holder, caller.certificate.toString()))
    return refused('The SAML assertion is bound to another certificate than the one of this TLS connection');
  const cvr = textOf(`saml:AttributeStatement/saml:Attribute[@Name='${uri.cvrClaim}']/saml:AttributeValue`, assertion);
  return {
    ok: true,
    grant: {
      token: randomUUID(),
      fingerprint: caller.fingerprint,
      entityId,
      cvr: cvr ?? '',
      systemUuid: caller.systemUuid,
      expiresAt: new Date(Math.min(now + accessTokenLifetimeMs, notOnOrAfter)),
      ...(type !== '' && { datarekvirent: `${type}:${identifier}` }),
    },
  };
}

const invalid = (description: string): ExchangeResult => ({
  ok: false,
  status: 400,
  error: 'invalid_request',
  description,
});
const refused = (description: string): ExchangeResult => ({
  ok: false,
  status: 401,
  error: 'invalid_grant',
  description,
});
