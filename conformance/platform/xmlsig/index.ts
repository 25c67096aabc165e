/**
 * The platform's own XML signatures: it checks what clients sign, and signs what it issues (STS
 * tokens, RSTRs, service answers), with xml-crypto and a policy of its own, never with the clients'
 * signer (`conformance/clients/tokens/xmldsig.ts`), so that one signing bug cannot make both sides
 * of the wire agree (DESIGN.md §2). Tests check its output with xmlsec1.
 */
export { verifySignature, type SignatureCheck } from './verify-signature.ts';
export { signEnveloped, type EnvelopedSigner } from './sign-enveloped.ts';
export {
  binaryTokenReference,
  signWsSecurity,
  subjectKeyIdentifierReference,
  type WsSecuritySigning,
} from './sign-ws-security.ts';
export { subjectKeyIdentifier } from './subject-key-identifier.ts';
export { dsigNs, dsigUri } from './xmlsig-uris.ts';
