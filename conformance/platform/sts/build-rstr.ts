import { randomUUID } from 'node:crypto';
import { escapeXml, ns, uri } from '../../wire/index.ts';
import { signWsSecurity, subjectKeyIdentifier, subjectKeyIdentifierReference } from '../xmlsig/index.ts';

export interface RstrInput {
  assertionXml: string;
  assertionId: string;
  entityId: string;
  issuedAt: Date;
  lifetimeMs: number;
  relatesTo?: string;
  context?: string;
  signer: { certPem: string; keyPem: string };
}

/**
 * The SOAP 1.2 RequestSecurityTokenResponseCollection of KOMBIT's STS (Response.xml): IssueFinal
 * action, a signed Timestamp, Lifetime, AppliesTo, the assertion and its attached and unattached
 * references. The STS signs Body, Action, RelatesTo and Timestamp with its own key and names that
 * key as KOMBIT's STS does: KeyInfo/SecurityTokenReference/KeyIdentifier with the Subject Key
 * Identifier of its certificate (no certificate in the message; a client that checks the signature
 * knows the STS certificate from KOMBIT, as it must for the token's signature anyway).
 */
export function buildRstr(input: RstrInput): string {
  const created = input.issuedAt.toISOString();
  const expires = new Date(input.issuedAt.getTime() + input.lifetimeMs).toISOString();
  const reference = `<SecurityTokenReference b:TokenType="${uri.samlTokenType}" xmlns="${ns.wsse}" xmlns:b="${ns.wsse11}"><KeyIdentifier ValueType="${uri.samlId}">${input.assertionId}</KeyIdentifier></SecurityTokenReference>`;
  const relates = input.relatesTo ? `<a:RelatesTo u:Id="_3">${escapeXml(input.relatesTo)}</a:RelatesTo>` : '';
  const ts = new Date(input.issuedAt.getTime() + 5 * 60_000).toISOString();
  const xml = `<s:Envelope xmlns:s="${ns.soap12}" xmlns:a="${ns.wsa}" xmlns:u="${ns.wsu}"><s:Header><a:Action s:mustUnderstand="1" u:Id="_2">${uri.issueFinalAction}</a:Action>${relates}<o:Security s:mustUnderstand="1" xmlns:o="${ns.wsse}"><u:Timestamp u:Id="ts-${randomUUID()}"><u:Created>${created}</u:Created><u:Expires>${ts}</u:Expires></u:Timestamp></o:Security></s:Header><s:Body u:Id="_1"><trust:RequestSecurityTokenResponseCollection xmlns:trust="${ns.wst}"><trust:RequestSecurityTokenResponse Context="${escapeXml(input.context ?? randomUUID())}"><trust:Lifetime><wsu:Created xmlns:wsu="${ns.wsu}">${created}</wsu:Created><wsu:Expires xmlns:wsu="${ns.wsu}">${expires}</wsu:Expires></trust:Lifetime><wsp:AppliesTo xmlns:wsp="${ns.wsp}"><wsa:EndpointReference xmlns:wsa="${ns.wsa}"><wsa:Address>${escapeXml(input.entityId)}</wsa:Address></wsa:EndpointReference></wsp:AppliesTo><trust:RequestedSecurityToken>${input.assertionXml}</trust:RequestedSecurityToken><trust:RequestedAttachedReference>${reference}</trust:RequestedAttachedReference><trust:RequestedUnattachedReference>${reference}</trust:RequestedUnattachedReference><trust:TokenType>${uri.samlTokenType}</trust:TokenType><trust:RequestType>${uri.issueRequestType}</trust:RequestType><trust:KeyType>${uri.publicKeyType}</trust:KeyType></trust:RequestSecurityTokenResponse></trust:RequestSecurityTokenResponseCollection></s:Body></s:Envelope>`;
  const timestampId = /u:Timestamp u:Id="([^"]+)"/.exec(xml)![1]!;
  return signWsSecurity(xml, {
    keyPem: input.signer.keyPem,
    ids: ['_1', '_2', ...(input.relatesTo ? ['_3'] : []), timestampId],
    keyInfoXml: subjectKeyIdentifierReference(subjectKeyIdentifier(input.signer.certPem)),
    prefixes: { o: ns.wsse },
  });
}
