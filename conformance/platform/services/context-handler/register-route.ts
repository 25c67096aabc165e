import type { CertificateRoute, RouteReply } from '../../service-handler.ts';
import { spStore } from './sp-store.ts';

export const registerPath = '/klarmeld/context-handler/service-providers';

const json = (status: number, body: unknown): RouteReply => ({
  status,
  contentType: 'application/json; charset=utf-8',
  body: JSON.stringify(body),
});

const isUrl = (v: unknown): v is string => typeof v === 'string' && /^https?:\/\/\S+$/.test(v);

/**
 * Registers the calling it-system as a service provider of the Context Handler: its entityID, its
 * AssertionConsumerService and its SingleLogoutService, JSON over mutual TLS; its signing
 * certificate is the one it calls with. KOMBIT registers a user-facing system in its
 * Administrationsmodul, which the sources do not describe; this door is klarmeld's stand-in for it.
 */
export const registerRoute: CertificateRoute = {
  method: 'POST',
  path: registerPath,
  async handle(request, platform) {
    let body: Record<string, unknown>;
    try {
      body = JSON.parse(request.body) as Record<string, unknown>;
    } catch {
      return json(400, {
        code: 'context-handler.body',
        message: 'Send JSON: { entityId, assertionConsumerService, singleLogoutService }.',
      });
    }
    const { entityId, assertionConsumerService, singleLogoutService } = body;
    if (
      typeof entityId !== 'string' ||
      entityId === '' ||
      !isUrl(assertionConsumerService) ||
      !isUrl(singleLogoutService)
    )
      return json(400, {
        code: 'context-handler.fields',
        message:
          'Give entityId (the SAML entityID of the system) and assertionConsumerService and singleLogoutService as full http(s) addresses.',
      });
    const store = spStore(platform.database);
    const taken = store.find(entityId);
    if (taken && taken.systemUuid !== request.caller.systemUuid)
      return json(409, {
        code: 'context-handler.entity-id-taken',
        message: `The entityID ${entityId} belongs to another it-system.`,
      });
    store.register({
      entityId,
      systemUuid: request.caller.systemUuid,
      assertionConsumerService,
      singleLogoutService,
      certPem: request.caller.certificate.toString(),
    });
    return json(201, {
      entityId,
      assertionConsumerService,
      singleLogoutService,
      systemUuid: request.caller.systemUuid,
    });
  },
};
