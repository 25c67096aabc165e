import type { Element } from '@xmldom/xmldom';
import { childElements, toValueNode, type ValueNode } from './value-node.ts';

/** Serviceplatformen's context elements say who calls: never an object. */
const contextNamespaces = new Set([
  'http://serviceplatformen.dk/xml/schemas/InvocationContext/1/',
  'http://serviceplatformen.dk/xml/schemas/AuthorityContext/1/',
  'http://serviceplatformen.dk/xml/schemas/CallContext/1/',
]);
/** The lists of an OIO Sag/Dok registration: an element holding one of them describes an object. */
const registrationLists = new Set(['AttributListe', 'TilstandListe', 'RelationListe']);
/** What a registration keeps of a request: its lists and their notes. */
const registrationParts = new Set([...registrationLists, 'NoteTekst', 'BrugerRef', 'LivscyklusKode']);

export interface RequestObject {
  uuid?: string;
  /** The element's name, `Opdater` dropped (BevillingIndeks); absent when the request element itself is the object (opret, ret). */
  type?: string;
  registration: ValueNode[];
}

const text = (el: Element) => (el.textContent ?? '').trim().toLowerCase();

/**
 * The objects a create or update request carries, as OIO Sag/Dok shapes them: an element with a
 * UUIDIdentifikator and a Registrering (importer) or the registration's lists (opdater, ret), or the
 * request element itself with the lists and perhaps no UUID (opret). The last Registrering is the one kept.
 */
export function requestObjects(body: Element): RequestObject[] {
  const out: RequestObject[] = [];
  const visit = (el: Element, isBody: boolean) => {
    const children = childElements(el);
    const uuid = children.find((c) => c.localName === 'UUIDIdentifikator');
    const registrering = children.filter((c) => c.localName === 'Registrering');
    const hasLists = children.some((c) => registrationLists.has(c.localName!));
    if ((uuid && (registrering.length > 0 || hasLists)) || (isBody && hasLists)) {
      const source = registrering.at(-1) ?? el;
      out.push({
        ...(uuid && { uuid: text(uuid) }),
        ...(!isBody && { type: el.localName!.replace(/^Opdater/, '') }),
        registration: childElements(source)
          .filter((c) => registrationParts.has(c.localName!))
          .map(toValueNode),
      });
      return;
    }
    for (const child of children) if (!contextNamespaces.has(child.namespaceURI ?? '')) visit(child, false);
  };
  visit(body, true);
  return out;
}

/** The UUIDs a read, passivate or remove names: the request element's own UUIDIdentifikator children. */
export function namedUuids(body: Element): string[] {
  return childElements(body, 'UUIDIdentifikator').map(text);
}

/** A search's UUID lists by object stem: `BevillingUuid` → Bevilling (Ydelsesindeks fremsoeg). */
export function uuidsByStem(body: Element): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const child of childElements(body)) {
    const stem = /^(.+)Uuid$/.exec(child.localName!)?.[1];
    if (!stem) continue;
    let list = out.get(stem);
    if (!list) out.set(stem, (list = []));
    list.push(text(child));
  }
  return out;
}

/**
 * A search's criteria: the simple values it gives inside the registration's lists and the
 * lifecycle code, by local name. Time filters (Virkning, …Tidspunkt) are left out: the platform
 * keeps one registration per object, not its history.
 */
export function searchCriteria(body: Element): Map<string, string> {
  const out = new Map<string, string>();
  const visit = (el: Element, inLists: boolean) => {
    for (const child of childElements(el)) {
      const name = child.localName!;
      if (name === 'Virkning' || /Tidspunkt$/.test(name) || contextNamespaces.has(child.namespaceURI ?? '')) continue;
      const below = inLists || registrationLists.has(name);
      const leaf = childElements(child).length === 0;
      if (leaf && (below || name === 'LivscyklusKode')) {
        const value = (child.textContent ?? '').trim();
        if (value !== '') out.set(name, value);
      } else if (!leaf) visit(child, below);
    }
  };
  visit(body, false);
  return out;
}

/** A search's paging: FoersteResultatReference (0-based offset) and MaksimalAntalKvantitet, where it gives them. */
export function paging(body: Element): { offset: number; limit: number } {
  const find = (name: string): number | undefined => {
    const hit = body.getElementsByTagNameNS('*', name)[0];
    const n = hit ? Number((hit.textContent ?? '').trim()) : NaN;
    return Number.isInteger(n) && n >= 0 ? n : undefined;
  };
  return { offset: find('FoersteResultatReference') ?? 0, limit: find('MaksimalAntalKvantitet') ?? Infinity };
}
