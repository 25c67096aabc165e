import type { StatusEvent } from './status-event.ts';

/** The current view derived from a history (the latest event per system × integration), without asking SQLite again. */
export function currentOf(history: readonly StatusEvent[]): StatusEvent[] {
  const latest = new Map<string, StatusEvent>();
  for (const event of history) {
    const key = `${event.system}\u0000${event.integration}`;
    const known = latest.get(key);
    if (!known || known.seq < event.seq) latest.set(key, event);
  }
  // Binary order, as SQLite's ORDER BY sorts TEXT by default.
  const compare = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
  return [...latest.values()].sort((a, b) => compare(a.system, b.system) || compare(a.integration, b.integration));
}
