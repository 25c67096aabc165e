import type { Element } from '@xmldom/xmldom';
import type { Caller, PlatformRequest, PlatformServices, ServiceHandler } from '../service-handler.ts';

const elementKey = (el: Element | undefined) => `{${el?.namespaceURI ?? ''}}${el?.localName ?? ''}`;

/**
 * One path served by a hand-written handler and, for the operations it does not implement, by a
 * fallback handler (the contract module): the request element decides. Only when the hand-written
 * handler names its request elements and both prove the caller the same way; otherwise the
 * hand-written handler keeps the whole path (undefined is returned).
 */
export function sharedPath(primary: ServiceHandler, fallback: ServiceHandler): ServiceHandler | undefined {
  const own = primary.requestElements;
  const extra = (fallback.requestElements ?? []).filter((e) => !own?.includes(e));
  if (
    own === undefined ||
    extra.length === 0 ||
    (primary.callerProof ?? 'tls-certificate') !== (fallback.callerProof ?? 'tls-certificate')
  )
    return undefined;
  const pick = (el: Element | undefined) => (extra.includes(elementKey(el)) ? fallback : primary);
  // Both handlers take the same request type here (same callerProof), so one signature serves.
  const handle = (request: PlatformRequest<Caller | undefined>, platform: PlatformServices) =>
    pick(request.bodyElement).handle(request as never, platform);
  return { ...primary, requestElements: [...own, ...extra], handle } as ServiceHandler;
}
