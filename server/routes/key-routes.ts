/**
 * The platform keys the server's sheet trusts: KOMBIT chooses them (its own server's key is
 * trusted from the first start). A run signed with a trusted key is backed by "a run on a
 * platform KOMBIT trusts" when `klarmeld sheet record` records it here or elsewhere.
 */
import { keyFingerprint } from '../../conformance/evidence/index.ts';
import { badRequest } from '../api/api-error.ts';
import { requireRole } from '../api/access.ts';
import type { ApiRoute } from '../api/json-api.ts';
import type { ServerStore } from '../store/server-store.ts';
import { optionalText, text } from './fields.ts';

export function keyRoutes(store: ServerStore): ApiRoute[] {
  return [
    {
      method: 'GET',
      path: '/api/trusted-keys',
      async handle({ who }) {
        requireRole(who, ['kombit'], 'read the trusted platform keys');
        return { body: { keys: await store.trustedPlatformKeys() } };
      },
    },
    {
      method: 'POST',
      path: '/api/trusted-keys',
      async handle({ who, body }) {
        requireRole(who, ['kombit'], 'trust a platform key');
        const name = text(body, 'name', 'what the key belongs to, e.g. "KOMBIT external test environment"');
        const pem = optionalText(body, 'publicKey', "the platform's public key (PEM)");
        let fingerprint = optionalText(body, 'fingerprint', "the key's 64-hex SHA-256 fingerprint");
        if (pem) {
          try {
            fingerprint = keyFingerprint(pem);
          } catch {
            throw badRequest(
              '"publicKey" is not a public key in PEM: give the text of the platform\'s signing-key.pem (GET /.well-known/klarmeld/signing-key on the platform).',
            );
          }
        }
        if (!fingerprint || !/^[0-9a-f]{64}$/i.test(fingerprint))
          throw badRequest('Give "publicKey" (PEM) or "fingerprint" (64 hex digits).');
        const trusted = await store.trustPlatformKey({ fingerprint, name, addedBy: `${who.name} (${who.id})` });
        if (trusted.added)
          await store.appendHistory({
            actor: who.id,
            action: 'key.trust',
            subject: trusted.key.fingerprint,
            detail: { name },
          });
        return { status: trusted.added ? 201 : 200, body: trusted };
      },
    },
  ];
}
