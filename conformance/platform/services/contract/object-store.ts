import { simpleValues, type ValueNode } from './value-node.ts';

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

/** A kept object with what a search compares, worked out once when it is written. */
export interface KeptObject extends StoredObject {
  values: Map<string, Set<string>>;
  bytes: number;
}

export interface StoreLimits {
  /** One object's size (names and texts, roughly as UTF-16 in memory): a bigger one is refused. */
  objectBytes: number;
  /** What one calling system may keep; past it its oldest objects go first. */
  bytesPerSystem: number;
  /** What all systems together may keep; past it the system keeping most loses its oldest. */
  bytesInAll: number;
}

const defaultLimits: StoreLimits = { objectBytes: 256 * 1024, bytesPerSystem: 8 * 2 ** 20, bytesInAll: 64 * 2 ** 20 };
/** What a removed Korsbæk object's mark costs. */
const tombstoneBytes = 64;

function sizeOf(nodes: ValueNode[]): number {
  let bytes = 0;
  const walk = (n: ValueNode) => {
    bytes += 64 + 2 * (n.name.length + (n.text?.length ?? 0));
    n.children.forEach(walk);
  };
  nodes.forEach(walk);
  return bytes;
}

function kept(object: StoredObject): KeptObject {
  const values = simpleValues({ name: '', children: object.registration });
  values.set('LivscyklusKode', new Set([object.lifecycle]));
  return { ...object, uuid: object.uuid.toLowerCase(), values, bytes: sizeOf(object.registration) };
}

/**
 * The objects one integration's operations keep on the platform (Ydelsesindeks' Bevillinger, the
 * classification's classes), for the reads and searches that follow. Each calling it-system has its
 * own space over Korsbæk's objects from the samples, which are read-only: what a system imports,
 * changes or removes (a Korsbæk object too) only it sees, so no supplier can change what another's
 * run reads, and a run passes a read only on what its own system wrote. Held in memory for the
 * platform's life, bounded per object, per system and in all, oldest out first.
 */
export class ObjectStore {
  private readonly seeds = new Map<string, KeptObject>();
  /** Per system, in write order: an object, or null where the system removed a Korsbæk object. */
  private readonly spaces = new Map<string, { objects: Map<string, KeptObject | null>; bytes: number }>();
  private bytesInAll = 0;
  private readonly limits: StoreLimits;

  constructor(seed: StoredObject[] = [], limits: Partial<StoreLimits> = {}) {
    this.limits = { ...defaultLimits, ...limits };
    for (const o of seed) this.seeds.set(o.uuid.toLowerCase(), kept(o));
  }

  get(system: string, uuid: string): KeptObject | undefined {
    const key = uuid.toLowerCase();
    const own = this.spaces.get(system)?.objects.get(key);
    return own === null ? undefined : (own ?? this.seeds.get(key));
  }

  /** Keeps the object for this system; `too-large` when it is over the limit for one object. */
  put(system: string, object: StoredObject): 'kept' | 'too-large' {
    const entry = kept(object);
    if (entry.bytes > this.limits.objectBytes) return 'too-large';
    this.set(system, entry.uuid, entry);
    return 'kept';
  }

  remove(system: string, uuid: string): boolean {
    const key = uuid.toLowerCase();
    if (!this.get(system, key)) return false;
    if (this.seeds.has(key)) this.set(system, key, null);
    else this.drop(system, key);
    return true;
  }

  /** What this system sees: Korsbæk's objects it has not changed or removed, then its own. */
  all(system: string): KeptObject[] {
    const own = this.spaces.get(system)?.objects ?? new Map<string, KeptObject | null>();
    return [
      ...[...this.seeds.values()].filter((o) => !own.has(o.uuid)),
      ...[...own.values()].filter((o): o is KeptObject => o !== null),
    ];
  }

  private set(system: string, key: string, entry: KeptObject | null): void {
    this.drop(system, key);
    let space = this.spaces.get(system);
    if (!space) this.spaces.set(system, (space = { objects: new Map(), bytes: 0 }));
    space.objects.set(key, entry);
    const bytes = entry?.bytes ?? tombstoneBytes;
    space.bytes += bytes;
    this.bytesInAll += bytes;
    while (space.bytes > this.limits.bytesPerSystem) this.evictOldest(system);
    while (this.bytesInAll > this.limits.bytesInAll) this.evictOldest(this.largestSpace());
  }

  private drop(system: string, key: string): void {
    const space = this.spaces.get(system);
    const entry = space?.objects.get(key);
    if (!space || entry === undefined) return;
    const bytes = entry?.bytes ?? tombstoneBytes;
    space.objects.delete(key);
    space.bytes -= bytes;
    this.bytesInAll -= bytes;
  }

  private evictOldest(system: string): void {
    const oldest = this.spaces.get(system)?.objects.keys().next();
    if (oldest && !oldest.done) this.drop(system, oldest.value);
  }

  private largestSpace(): string {
    return [...this.spaces].reduce((a, b) => (b[1].bytes > a[1].bytes ? b : a))[0];
  }
}
