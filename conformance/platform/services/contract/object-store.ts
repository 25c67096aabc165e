import type { ValueNode } from './value-node.ts';

/** LivscyklusKode as the contracts' LivscyklusKodeType lists it (Slettet objects are not kept). */
export type Lifecycle = 'Opstaaet' | 'Importeret' | 'Passiveret';

export interface StoredObject {
  uuid: string;
  /** The element the object came in as (BevillingIndeks, Klasse), `Opdater` dropped; absent when the request element itself was the object (opret, ret). */
  type?: string;
  /** The service whose operation made it: a search without a type reads its own service's objects. */
  service: string;
  lifecycle: Lifecycle;
  /** The registration's parts as last written: NoteTekst, AttributListe, TilstandListe, RelationListe … */
  registration: ValueNode[];
}

/**
 * The objects one integration's operations keep on the platform (Ydelsesindeks' Bevillinger, the
 * classification's classes): what was imported or created, changed and removed, for the reads and
 * searches that follow. One store per integration and platform, shared by every caller as the real
 * index is shared by a municipality's systems; held in memory for the platform's life and bounded,
 * oldest first out, so no caller can grow it without end.
 */
export class ObjectStore {
  private readonly objects = new Map<string, StoredObject>();
  private readonly limit: number;

  constructor(seed: StoredObject[] = [], limit = 10_000) {
    this.limit = limit;
    for (const o of seed) this.put(o);
  }

  get(uuid: string): StoredObject | undefined {
    return this.objects.get(uuid.toLowerCase());
  }

  put(object: StoredObject): void {
    const key = object.uuid.toLowerCase();
    this.objects.delete(key);
    this.objects.set(key, { ...object, uuid: key });
    if (this.objects.size > this.limit) this.objects.delete(this.objects.keys().next().value!);
  }

  remove(uuid: string): boolean {
    return this.objects.delete(uuid.toLowerCase());
  }

  all(): StoredObject[] {
    return [...this.objects.values()];
  }
}
