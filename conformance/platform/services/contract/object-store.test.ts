import { describe, expect, it } from 'vitest';
import { ObjectStore, type StoredObject } from './object-store.ts';
import { node } from './value-node.ts';

const object = (uuid: string, title = 'Kontanthjælp', size = 0): StoredObject => ({
  uuid,
  service: 'Klasse',
  lifecycle: 'Importeret',
  registration: [node('AttributListe', [node('TitelTekst', [], title), node('NoteTekst', [], 'x'.repeat(size))])],
});
const seed = '5f0c2b7e-9a41-4d6e-8c13-2b7a0e9d4f15';
const a = 'system-a';
const b = 'system-b';

describe("the contract module's object store (review findings 4 and 6)", () => {
  it("keeps each system's writes to itself: another system neither reads them nor changes Korsbæk's objects for it", () => {
    const store = new ObjectStore([object(seed)]);
    store.put(a, object('00000000-0000-4000-8000-00000000000a', 'Egen'));
    expect(store.get(a, '00000000-0000-4000-8000-00000000000a')?.values.get('TitelTekst')).toEqual(new Set(['Egen']));
    expect(store.get(b, '00000000-0000-4000-8000-00000000000a')).toBeUndefined();

    expect(store.remove(a, seed)).toBe(true);
    expect(store.get(a, seed)).toBeUndefined();
    expect(store.all(a).map((o) => o.uuid)).toEqual(['00000000-0000-4000-8000-00000000000a']);
    // System B still reads Korsbæk's class as the samples describe it.
    expect(store.get(b, seed)?.values.get('TitelTekst')).toEqual(new Set(['Kontanthjælp']));
    expect(store.all(b).map((o) => o.uuid)).toEqual([seed]);

    store.put(b, { ...object(seed), lifecycle: 'Passiveret' });
    expect(store.get(b, seed)?.lifecycle).toBe('Passiveret');
    expect(new ObjectStore([object(seed)]).get(a, seed)?.lifecycle).toBe('Importeret');
  });

  it('refuses an object over the limit for one, and keeps a system within its budget, oldest out first, Korsbæk objects never', () => {
    const store = new ObjectStore([object(seed)], { objectBytes: 4_000, bytesPerSystem: 10_000, bytesInAll: 15_000 });
    expect(store.put(a, object('00000000-0000-4000-8000-000000000001', 't', 5_000))).toBe('too-large');
    const uuid = (i: number) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;
    for (let i = 0; i < 10; i += 1) expect(store.put(a, object(uuid(i), 't', 1_000))).toBe('kept');
    const keptByA = store.all(a).filter((o) => o.uuid !== seed);
    expect(keptByA.length).toBeLessThan(10);
    expect(keptByA.at(-1)?.uuid).toBe(uuid(9));
    expect(store.get(a, uuid(0))).toBeUndefined();
    // B's writes push the total over; A, which keeps most, loses its oldest, and Korsbæk's class stays.
    for (let i = 10; i < 13; i += 1) store.put(b, object(uuid(i), 't', 1_000));
    expect(store.all(b).filter((o) => o.uuid !== seed)).toHaveLength(3);
    expect(store.all(a).filter((o) => o.uuid !== seed).length).toBeLessThan(keptByA.length);
    expect(store.get(a, seed)).toBeDefined();
    expect(store.get(b, seed)).toBeDefined();
  });
});
