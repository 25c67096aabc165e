/**
 * Who hears an event: a subscription hears what its owner may read through the API. KOMBIT
 * hears everything; a supplier the events of its own systems; a municipality the statuses of
 * systems it uses and the agreements that wait for it (never certificates: those are the
 * supplier's). A subscription may narrow itself to some systems and events.
 */
import type { Catalog } from '../../catalog/index.ts';
import type { NotifyEvent, Subscription } from './notify-store.ts';

export function hears(catalog: Catalog, subscription: Subscription, event: NotifyEvent): boolean {
  if (subscription.cancelledAt || !subscription.events.includes(event.type)) return false;
  if (subscription.systems && (!event.system || !subscription.systems.includes(event.system))) return false;
  const { owner } = subscription;
  if (owner.role === 'kombit') return true;
  const system = catalog.systems.find((s) => s.id === event.system);
  if (!system) return false;
  if (owner.role === 'supplier') return system.supplier === owner.cvr;
  const cvr = catalog.municipalities.find((m) => m.code === owner.municipalityCode)?.cvr;
  if (!cvr || event.type === 'certificate.expiring') return false;
  if (event.type === 'agreement.waiting')
    return (event.payload.municipalities as { cvr: string }[]).some((m) => m.cvr === cvr);
  return system.municipalities.includes(cvr);
}

/** The ids of the subscriptions that hear the event. */
export function audience(catalog: Catalog, subscriptions: readonly Subscription[], event: NotifyEvent): string[] {
  return subscriptions.filter((s) => hears(catalog, s, event)).map((s) => s.id);
}
