/**
 * Subscriptions and the delivery log through the API. KOMBIT may hear of everything; a supplier
 * of its own systems; a municipality of the systems it uses and the agreements waiting for it.
 * A webhook's signing secret is shown once, in the answer that creates it.
 */
import { randomUUID } from 'node:crypto';
import { isIP } from 'node:net';
import type { Catalog } from '../../catalog/index.ts';
import { forbidden, requireRole } from '../api/access.ts';
import { badRequest, notFound } from '../api/api-error.ts';
import type { ApiRoute } from '../api/json-api.ts';
import { optionalList, optionalText } from '../routes/fields.ts';
import { visibleSystems } from '../routes/sheet-routes.ts';
import type { Identity, ServerStore } from '../store/server-store.ts';
import { notifyEventTypes, type NotifyEventType, type NotifyStore, type Subscription } from './notify-store.ts';
import type { NotifierHealth } from './notifier.ts';
import { newWebhookSecret } from './webhook-signature.ts';

const loopback = (host: string) =>
  host === 'localhost' || host === '[::1]' || (isIP(host) === 4 && host.startsWith('127.'));
const shown = ({ secret: _secret, ...rest }: Subscription) => rest;

/**
 * A webhook URL: https://; KOMBIT may also name http:// on this machine (a receiver beside the
 * server). Nobody else may: the delivery log would let them probe the server's own ports.
 */
function hookUrl(who: Identity, text: string): string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw badRequest(`"url" must be the https:// URL of your receiver, not "${text}".`);
  }
  if (url.protocol === 'https:' || (url.protocol === 'http:' && loopback(url.hostname) && who.role === 'kombit'))
    return url.toString();
  throw badRequest(
    `"url" must be an https:// URL: events would otherwise cross the network signed but not encrypted${who.role === 'kombit' ? ' (http:// only to this machine)' : ''}; not "${text}".`,
  );
}

export function notifyRoutes(
  notify: NotifyStore,
  store: ServerStore,
  catalog: Catalog,
  health?: () => NotifierHealth,
): ApiRoute[] {
  const mayManage = (who: Identity, subscription: Subscription) =>
    who.role === 'kombit' || subscription.owner.id === who.id;
  return [
    {
      method: 'POST',
      path: '/api/subscriptions',
      async handle({ who, body }) {
        requireRole(who, ['kombit', 'supplier', 'municipality'], 'subscribe to notifications');
        const events = optionalList(body, 'events', `a list of events: ${notifyEventTypes.join(', ')}`) ?? [];
        const unknown = events.filter((e) => !(notifyEventTypes as readonly string[]).includes(e));
        if (events.length === 0 || unknown.length > 0)
          throw badRequest(
            `"events" must list one or more of ${notifyEventTypes.join(', ')}${unknown.length ? `; not ${unknown.join(', ')}` : ''}.`,
          );
        if (who.role === 'municipality' && events.includes('certificate.expiring'))
          throw forbidden(who, 'hear of expiring system certificates', "a certificate is its supplier's to renew");
        const systems = optionalList(body, 'systems', 'a list of catalogue system ids');
        const visible = visibleSystems(catalog, who);
        for (const id of systems ?? []) {
          const system = catalog.systems.find((s) => s.id === id);
          if (!system) throw notFound(`The system "${id}" (not in the catalogue)`);
          if (!visible.has(id))
            throw forbidden(who, `hear of ${id}`, `${id} belongs to supplier CVR ${system.supplier}`);
        }
        const url = optionalText(body, 'url', 'the https:// URL of your receiver');
        const email = optionalText(body, 'email', 'an e-mail address');
        if (Boolean(url) === Boolean(email))
          throw badRequest('Give either "url" (a webhook) or "email" (an address), one per subscription.');
        if (email && !/^[^\s@<>"]+@[^\s@<>"]+\.[^\s@<>"]+$/.test(email))
          throw badRequest(`"email" must be an address such as drift@leverandoer.dk, not "${email}".`);
        const secret = url ? newWebhookSecret() : undefined;
        const subscription = await notify.addSubscription({
          id: randomUUID(),
          owner: {
            id: who.id,
            role: who.role,
            name: who.name,
            ...(who.cvr ? { cvr: who.cvr } : {}),
            ...(who.municipalityCode ? { municipalityCode: who.municipalityCode } : {}),
          },
          channel: url ? 'webhook' : 'email',
          target: url ? hookUrl(who, url) : email!,
          events: events as NotifyEventType[],
          ...(systems ? { systems } : {}),
          ...(secret ? { secret } : {}),
        });
        await store.appendHistory({
          actor: who.id,
          action: 'subscription.add',
          subject: subscription.id,
          detail: { channel: subscription.channel, target: subscription.target, events },
        });
        // The secret is shown once, here: the receiver checks each delivery's webhook-signature with it.
        return { status: 201, body: { subscription: shown(subscription), ...(secret ? { secret } : {}) } };
      },
    },
    {
      method: 'GET',
      path: '/api/subscriptions',
      async handle({ who }) {
        return {
          body: { subscriptions: (await notify.subscriptions(who.role === 'kombit' ? undefined : who.id)).map(shown) },
        };
      },
    },
    {
      method: 'POST',
      path: '/api/subscriptions/:id/cancel',
      async handle({ who, params }) {
        const subscription = await notify.subscription(params.id!);
        if (!subscription) throw notFound(`The subscription ${params.id}`);
        if (!mayManage(who, subscription))
          throw forbidden(who, `cancel subscription ${subscription.id}`, `it is ${subscription.owner.name}'s`);
        const cancelled = await notify.cancelSubscription(subscription.id);
        if (cancelled)
          await store.appendHistory({ actor: who.id, action: 'subscription.cancel', subject: subscription.id });
        return { body: { subscription: shown(cancelled ?? subscription) } };
      },
    },
    {
      // The delivery log: each delivery with every attempt (when, HTTP status or SMTP reply, why it failed).
      method: 'GET',
      path: '/api/deliveries',
      async handle({ who, query }) {
        const own = who.role === 'kombit' ? undefined : (await notify.subscriptions(who.id)).map((s) => s.id);
        const asked = query.get('subscription');
        if (asked && own && !own.includes(asked))
          throw forbidden(who, `read the deliveries of subscription ${asked}`, 'it is not one of yours');
        const deliveries = await notify.deliveries(asked ? [asked] : own);
        // KOMBIT also sees whether this instance's checks run (a database gone shows here, not in any delivery).
        return { body: { deliveries, ...(who.role === 'kombit' && health ? { notifier: health() } : {}) } };
      },
    },
  ];
}
