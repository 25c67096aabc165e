import type { Element } from '@xmldom/xmldom';
import { parseXml, serializeXml } from '../../../wire/index.ts';
import { standardReturXml, statusKode } from '../organisation/standard-retur.ts';
import { childElements, childText, leaves, outputElement, unikRetur } from './sdi-xml.ts';
import type { IndexKind, IndexedObject, SdiStore } from './sdi-store.ts';

export const sdiOperations = ['importer', 'opdater', 'fremsoeg', 'fjern'] as const;
export type SdiOperation = (typeof sdiOperations)[number];

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const typeName: Record<IndexKind, string> = { sag: 'Sag', dokument: 'Dokument' };
const kindOf: Record<string, IndexKind> = {
  SagIndeks: 'sag',
  DokumentIndeks: 'dokument',
  OpdaterSagIndeks: 'sag',
  OpdaterDokumentIndeks: 'dokument',
};

export interface SdiContext {
  store: SdiStore;
  cvr: string;
  now: Date;
}

/**
 * SF1470 SagDokumentIndeks v6 over the municipality's own index: importer (idempotent on the
 * object UUID: importing again replaces), opdater (replaces the lists given), fremsoeg (by UUID or
 * by SoegUdtryk, comparing the given attribute values with `*`/`%` wildcards) and fjern.
 */
export function runSdiOperation(
  operation: SdiOperation,
  input: Element,
  ctx: SdiContext,
): { outputXml: string; statusKode: number } {
  if (operation === 'importer')
    return multiple(
      'ImporterSagDokumentIndeksOutput',
      childElements(input).map((o) => importOne(o, ctx)),
    );
  if (operation === 'opdater')
    return multiple(
      'OpdaterSagDokumentIndeksOutput',
      childElements(input).map((o) => updateOne(o, ctx)),
    );
  if (operation === 'fjern') return fjern(input, ctx);
  return fremsoeg(input, ctx);
}

type One = { kode: number; xml: string };

function multiple(element: string, results: One[]): { outputXml: string; statusKode: number } {
  if (results.length === 0) {
    return {
      statusKode: statusKode.badInput,
      outputXml: outputElement(
        element,
        standardReturXml(statusKode.badInput, 'Ugyldigt input: ingen objekter i forespørgslen'),
      ),
    };
  }
  const worst = results.every((r) => r.kode === statusKode.ok)
    ? statusKode.ok
    : Math.max(...results.map((r) => r.kode));
  return { statusKode: worst, outputXml: outputElement(element, results.map((r) => r.xml).join('')) };
}

function importOne(object: Element, ctx: SdiContext): One {
  const kind = kindOf[object.localName ?? ''] ?? 'sag';
  const uuid = (childText(object, 'UUIDIdentifikator') ?? '').toLowerCase();
  const registreringer = childElements(object, 'Registrering');
  if (!uuidPattern.test(uuid) || registreringer.length === 0) {
    return {
      kode: statusKode.badInput,
      xml: unikRetur(
        statusKode.badInput,
        typeName[kind],
        uuid,
        'Ugyldigt input: objektet skal have et UUID med små bogstaver og mindst én Registrering',
      ),
    };
  }
  ctx.store.put({
    cvr: ctx.cvr,
    kind,
    uuid,
    registreringXml: registreringer.map(serializeXml).join(''),
    updatedAt: ctx.now.toISOString(),
  });
  return { kode: statusKode.ok, xml: unikRetur(statusKode.ok, typeName[kind], uuid) };
}

function updateOne(update: Element, ctx: SdiContext): One {
  const kind = kindOf[update.localName ?? ''] ?? 'sag';
  const uuid = (childText(update, 'UUIDIdentifikator') ?? '').toLowerCase();
  const stored = ctx.store.get(ctx.cvr, kind, uuid);
  if (!stored)
    return {
      kode: statusKode.notFound,
      xml: unikRetur(statusKode.notFound, typeName[kind], uuid, `Objekt ikke fundet: ${uuid}`),
    };
  const doc = parseXml(`<r>${stored.registreringXml}</r>`);
  const registrering = childElements(doc.documentElement as unknown as Element, 'Registrering').at(-1)!;
  for (const list of childElements(update).filter((e) =>
    /^(Attribut|Tilstand|Relation)Liste$/.test(e.localName ?? ''),
  )) {
    const replacement = doc.importNode(list as never, true) as unknown as Element;
    const old = childElements(registrering, list.localName ?? '')[0];
    if (old) registrering.replaceChild(replacement as never, old as never);
    else registrering.appendChild(replacement as never);
  }
  const tidspunkt = childText(update, 'Tidspunkt');
  const own = childElements(registrering, 'Tidspunkt')[0];
  if (tidspunkt && own) own.textContent = tidspunkt;
  ctx.store.put({ ...stored, registreringXml: serializeXml(registrering), updatedAt: ctx.now.toISOString() });
  return { kode: statusKode.ok, xml: unikRetur(statusKode.ok, typeName[kind], uuid) };
}

function fjern(input: Element, ctx: SdiContext): { outputXml: string; statusKode: number } {
  const byUuid = childElements(input, 'SagUuid').map((e) =>
    (childText(e, 'UUIDIdentifikator') ?? e.textContent ?? '').trim().toLowerCase(),
  );
  const expression = childElements(input, 'SoegUdtryk')[0];
  const bySearch = expression
    ? [...evaluate(expression, ctx)].filter((k) => k.startsWith('sag:')).map((k) => k.slice(4))
    : [];
  // Without EfterladSagsloeseDokumenter=true the case's journalised documents go with it.
  const keepDocuments = childText(input, 'EfterladSagsloeseDokumenter') === 'true';
  const results = [...new Set([...byUuid, ...bySearch])].map((uuid): One => {
    const sag = ctx.store.get(ctx.cvr, 'sag', uuid);
    if (!sag)
      return {
        kode: statusKode.notFound,
        xml: unikRetur(statusKode.notFound, 'Sag', uuid, `Objekt ikke fundet: ${uuid}`),
      };
    if (!keepDocuments)
      for (const dokument of journalisedDocuments(sag)) ctx.store.remove(ctx.cvr, 'dokument', dokument);
    ctx.store.remove(ctx.cvr, 'sag', uuid);
    return { kode: statusKode.ok, xml: unikRetur(statusKode.ok, 'Sag', uuid) };
  });
  return multiple('FjernSagDokumentIndeksOutput', results);
}

function fremsoeg(input: Element, ctx: SdiContext): { outputXml: string; statusKode: number } {
  const sagUuids = childElements(input, 'SagUuid').map((e) => (e.textContent ?? '').trim().toLowerCase());
  const dokUuids = childElements(input, 'DokumentUuid').map((e) => (e.textContent ?? '').trim().toLowerCase());
  const expression = childElements(input, 'SoegUdtryk')[0];
  const answer = (kode: number, text: string | undefined, inner = '') => ({
    statusKode: kode,
    outputXml: outputElement('FremsoegSagDokumentIndeksOutput', standardReturXml(kode, text) + inner),
  });
  if (sagUuids.length === 0 && dokUuids.length === 0 && !expression) {
    return answer(statusKode.badInput, 'Ugyldigt input: angiv SagUuid, DokumentUuid eller SoegUdtryk');
  }
  const keys = new Set([...sagUuids.map((u) => `sag:${u}`), ...dokUuids.map((u) => `dokument:${u}`)]);
  if (expression) for (const key of evaluate(expression, ctx)) keys.add(key);
  const found = [...keys]
    .map((key) => {
      const [kind, uuid] = key.split(':') as [IndexKind, string];
      return ctx.store.get(ctx.cvr, kind, uuid);
    })
    .filter((o): o is IndexedObject => o !== undefined);
  if (!expression && found.length === 0)
    return answer(statusKode.notFound, `Objekt ikke fundet: ${[...sagUuids, ...dokUuids].join(', ')}`);
  const filter = childElements(input, 'Filter')[0];
  const show = (vis: string) => !filter || childElements(filter, vis).length > 0;
  const sager = found.filter((o) => o.kind === 'sag');
  const dokumenter = found.filter((o) => o.kind === 'dokument');
  const snapshot = (o: IndexedObject, element: string, p: 'sag' | 'di', withData: boolean) =>
    `<sdi:${element}><${p}:ObjektType><sd:UUIDIdentifikator>${o.uuid}</sd:UUIDIdentifikator></${p}:ObjektType>${withData ? o.registreringXml : ''}</sdi:${element}>`;
  const antal = (element: string, n: number) =>
    `<sdi:Antal><sdi:Element>${element}</sdi:Element><sdi:Antal>${n}</sdi:Antal></sdi:Antal>`;
  return answer(
    statusKode.ok,
    undefined,
    antal('sager', sager.length) +
      antal('dokumenter', dokumenter.length) +
      sager.map((o) => snapshot(o, 'SagFiltreretOejebliksbillede', 'sag', show('SagVis'))).join('') +
      dokumenter.map((o) => snapshot(o, 'DokumentFiltreretOejebliksbillede', 'di', show('DokumentVis'))).join(''),
  );
}

/** The keys (`sag:<uuid>`, `dokument:<uuid>`) a SoegUdtryk selects. */
function evaluate(expression: Element, ctx: SdiContext): Set<string> {
  const or = childText(expression, 'operation') === 'OR';
  const universe = () => new Set([...all(ctx, 'sag'), ...all(ctx, 'dokument')].map(keyOf));
  const parts: Set<string>[] = childElements(expression)
    .filter((e) => e.localName !== 'operation')
    .map((term) => {
      if (term.localName === 'SoegUdtryk') return evaluate(term, ctx);
      if (term.localName === 'NOT') {
        const excluded = evaluate(term, ctx);
        return new Set([...universe()].filter((k) => !excluded.has(k)));
      }
      const kind: IndexKind = term.localName === 'SoegSag' ? 'sag' : 'dokument';
      const wanted = leaves(term).filter(
        ([name]) => !['FoersteResultatReference', 'MaksimalAntalKvantitet'].includes(name),
      );
      return new Set(
        all(ctx, kind)
          .filter((o) => matchesAll(o, wanted))
          .map(keyOf),
      );
    });
  if (parts.length === 0) return new Set();
  return parts.reduce((acc, part) => (or ? new Set([...acc, ...part]) : new Set([...acc].filter((k) => part.has(k)))));
}

/** UUIDs of the documents a case's Journalpost relations point at. */
function journalisedDocuments(sag: IndexedObject): string[] {
  const root = parseXml(`<r>${sag.registreringXml}</r>`).documentElement as unknown as Element;
  const found: string[] = [];
  const walk = (node: Element) => {
    for (const child of childElements(node)) {
      if (child.localName === 'Journalpost') {
        for (const ref of childElements(child, 'ReferenceID')) {
          const uuid = childText(ref, 'UUIDIdentifikator');
          if (uuid) found.push(uuid.toLowerCase());
        }
      } else walk(child);
    }
  };
  walk(root);
  return found;
}

const all = (ctx: SdiContext, kind: IndexKind) => ctx.store.list(ctx.cvr, kind);
const keyOf = (o: IndexedObject) => `${o.kind}:${o.uuid}`;

function matchesAll(object: IndexedObject, wanted: [string, string][]): boolean {
  const have = leaves(parseXml(`<r>${object.registreringXml}</r>`).documentElement as unknown as Element);
  return wanted.every(([name, pattern]) => {
    const re = new RegExp(`^${pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/[%*]/g, '.*')}$`, 'i');
    return have.some(([n, text]) => n === name && re.test(text));
  });
}
