import { randomUUID } from 'node:crypto';
import type { Element } from '@xmldom/xmldom';
import type { KorsbaekSample, MessageField, OperationKind } from '../../../../catalog/index.ts';
import { statusKode } from '../organisation/standard-retur.ts';
import type { KeptObject, ObjectStore } from './object-store.ts';
import { namedUuids, paging, requestObjects, searchCriteria, uuidsByStem } from './request-objects.ts';
import { node, type ValueNode } from './value-node.ts';

/** What a stateful operation adds to the building of its answer. */
export interface StatefulAnswer {
  /** Samples that go before the integration's own: the status, the UUIDs made or found. */
  samples: KorsbaekSample[];
  /** The kept objects a read or search writes into each …FiltreretOejebliksbillede field. */
  objects?: (field: MessageField) => ValueNode[] | undefined;
}

const snapshotSuffix = 'FiltreretOejebliksbillede';
/** The status of the call, in StandardRetur or in each UnikRetur, whichever the answer has. */
const status = (kode: number, tekst?: string): KorsbaekSample[] => [
  { field: 'StatusKode', values: [String(kode)] },
  ...(tekst ? [{ field: 'FejlbeskedTekst', values: [tekst] }] : []),
];
const tooLarge = (operation: string) =>
  status(statusKode.badInput, `The ${operation} request's object is larger than the test platform keeps (256 KiB)`);
const notFound = (uuids: string[]) =>
  status(statusKode.notFound, `Korsbæk Kommune's test data has no object ${uuids.join(', ')}`);

/** An object as a read answers it: identity, then the registration with its lifecycle code. */
function snapshot(o: KeptObject): ValueNode {
  const id = [node('UUIDIdentifikator', [], o.uuid)];
  return node(snapshotSuffix, [
    node('ObjektID', id),
    node('ObjektType', id),
    node('Registrering', [node('LivscyklusKode', [], o.lifecycle), ...o.registration]),
  ]);
}

/** Does a kept object belong in a response field `<stem>FiltreretOejebliksbillede`? Without a stem: the service's own objects. */
const fitsStem = (o: KeptObject, stem: string, service: string) =>
  stem === '' ? o.service === service || o.type === undefined : (o.type ?? '').startsWith(stem);

const snapshots =
  (found: (stem: string) => KeptObject[]) =>
  (field: MessageField): ValueNode[] | undefined =>
    field.name.endsWith(snapshotSuffix) ? found(field.name.slice(0, -snapshotSuffix.length)).map(snapshot) : undefined;

/**
 * The state an OIO Sag/Dok operation keeps (catalog/operation-kind.ts): create and update write
 * the request's objects, passivate and remove change them, read and search answer from them.
 * A UUID the store does not hold is StandardRetur 44, as the real services answer it.
 */
export function statefulAnswer(
  kind: Exclude<OperationKind, 'stateless'>,
  operation: { name: string; service: string },
  body: Element,
  /** The store as the calling it-system sees it: Korsbæk's objects and its own. */
  store: ObjectStore,
  system: string,
): StatefulAnswer {
  const { service } = operation;
  switch (kind) {
    case 'create': {
      const objects = requestObjects(body);
      if (objects.length === 0)
        return { samples: status(statusKode.badInput, `The ${operation.name} request holds no object to keep`) };
      const lifecycle = operation.name.toLowerCase() === 'importer' ? 'Importeret' : 'Opstaaet';
      const made = objects.map((o) => (o.uuid === undefined ? randomUUID() : undefined));
      const results = objects.map((o, i) => store.put(system, { ...o, uuid: o.uuid ?? made[i]!, service, lifecycle }));
      if (results.includes('too-large')) return { samples: tooLarge(operation.name) };
      // opret answers the UUID it gave the new object; an import names its own.
      const given = made.filter((u) => u !== undefined);
      return {
        samples: [
          ...status(statusKode.ok),
          ...(given.length > 0 ? [{ field: 'UUIDIdentifikator', values: given }] : []),
        ],
      };
    }
    case 'update': {
      const objects = requestObjects(body).filter((o) => o.uuid !== undefined);
      const missing = objects.filter((o) => !store.get(system, o.uuid!)).map((o) => o.uuid!);
      if (missing.length > 0 || objects.length === 0) return { samples: notFound(missing) };
      for (const o of objects) {
        const kept = store.get(system, o.uuid!)!;
        const replaced = new Set(o.registration.map((p) => p.name));
        const registration = [...kept.registration.filter((p) => !replaced.has(p.name)), ...o.registration];
        // The contracts' LivscyklusKode has no "Rettet" (Opstaaet, Importeret, Passiveret, Slettet): a change keeps the code.
        if (store.put(system, { ...kept, registration }) === 'too-large') return { samples: tooLarge(operation.name) };
      }
      return { samples: status(statusKode.ok) };
    }
    case 'passivate':
    case 'remove': {
      const uuids = namedUuids(body);
      const missing = uuids.filter((u) => !store.get(system, u));
      if (missing.length > 0 || uuids.length === 0) return { samples: notFound(missing) };
      for (const u of uuids) {
        if (kind === 'remove') store.remove(system, u);
        else store.put(system, { ...store.get(system, u)!, lifecycle: 'Passiveret' });
      }
      return { samples: status(statusKode.ok) };
    }
    case 'read': {
      const uuids = namedUuids(body);
      const found = uuids.map((u) => store.get(system, u)).filter((o): o is KeptObject => o !== undefined);
      // laes asks for one object: not having it is an answer of its own; list answers those it has.
      if (uuids.length === 1 && found.length === 0) return { samples: notFound(uuids), objects: snapshots(() => []) };
      return { samples: status(statusKode.ok), objects: snapshots(() => found) };
    }
    case 'search': {
      const byStem = uuidsByStem(body);
      const criteria = searchCriteria(body);
      const { offset, limit } = paging(body);
      const matches = (o: KeptObject) => [...criteria].every(([name, value]) => o.values.get(name)?.has(value));
      const found = (stem: string) => {
        const asked = byStem.get(stem);
        return store
          .all(system)
          .filter((o) => fitsStem(o, stem, service) && (!asked || asked.includes(o.uuid)) && matches(o))
          .slice(offset, offset + limit);
      };
      return {
        samples: [
          ...status(statusKode.ok),
          { field: 'IdListe/UUIDIdentifikator', values: found('').map((o) => o.uuid) },
        ],
        objects: snapshots(found),
      };
    }
  }
}
