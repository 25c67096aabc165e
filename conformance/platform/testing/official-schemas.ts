import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { DOMParser, type Element } from '@xmldom/xmldom';
import { OFFICIAL, official } from '../../../catalog/index.ts';

/**
 * For tests: the official schemas of the issue-12 bundles as xmllint (libxml2) can read them. Where
 * a bundle needs a change for libxml2, a temp copy gets that one change, named at each function;
 * no type or element is touched. Tests only; the official files stay in ../shared/contracts.
 */
const scratch: string[] = [];

/** Removes the temp copies made so far (call it in afterAll). */
export function removeSchemaCopies(): void {
  for (const d of scratch.splice(0)) rmSync(d, { recursive: true, force: true });
}

/** A temp copy of a bundle folder, for the one change libxml2 needs in some of them (named at each use). */
function copyOf(dir: string): string {
  const copy = mkdtempSync(join(tmpdir(), 'klarmeld-official-'));
  scratch.push(copy);
  cpSync(official(dir), copy, { recursive: true });
  return copy;
}

/** PersonBaseDataExtendedServiceTypes.xsd uses the PNR namespace without importing it; libxml2 needs the import (the only change). */
export function pbd5Schema(): string {
  const copy = copyOf(OFFICIAL.personBaseData5Dir);
  const types = join(copy, 'xsd', 'PersonBaseDataExtendedServiceTypes.xsd');
  const text = readFileSync(types, 'utf8');
  if (!text.includes('cpr/PNR/1/" schemaLocation')) {
    const at = text.indexOf('>', text.indexOf(':schema')) + 1;
    writeFileSync(
      types,
      `${text.slice(0, at)}<xsd:import namespace="http://serviceplatformen.dk/xml/schemas/cpr/PNR/1/" schemaLocation="../sp/PNR_1.xsd"/>${text.slice(at)}`,
    );
  }
  return join(copy, 'PersonBaseDataExtendedServiceMsg.xsd');
}

/** KlasseService v7 as KOMBIT's test endpoint serves it imports its schemas by absolute URL; xmllint reads the files of the same name (the only change). */
export function klasse7Schema(): string {
  const copy = copyOf(dirname(OFFICIAL.klasse7Served));
  for (const f of readdirSync(copy).filter((n) => n.endsWith('.xsd'))) {
    writeFileSync(
      join(copy, f),
      readFileSync(join(copy, f), 'utf8').replace(
        /schemaLocation="https:\/\/[^"]*?([^/"]+\.xsd)"/g,
        'schemaLocation="$1"',
      ),
    );
  }
  return join(copy, 'KlasseOperationer.xsd');
}

/** The global declarations of a schema document, as kind:name. */
function globalNames(file: string): string[] {
  const root = new DOMParser().parseFromString(readFileSync(file, 'utf8'), 'text/xml').documentElement!;
  return [...Array.from(root.childNodes)]
    .filter((n) => n.nodeType === 1 && (n as Element).getAttribute('name'))
    .map((n) => `${(n as Element).localName}:${(n as Element).getAttribute('name')}`);
}

/**
 * SF1600's OIO element schemas put one element per file, many files per namespace, each imported
 * by location; libxml2 reads only the first import of a namespace and skips the others. The copy
 * gets one schema per such namespace that includes all its files, and the imports point to it:
 * no type or element changes, only which file an import names.
 */
export function print2Schema(): string {
  const copy = copyOf(OFFICIAL.print2Dir);
  const files = (readdirSync(copy, { recursive: true }) as string[])
    .filter((f) => f.endsWith('.xsd'))
    .map((f) => join(copy, f));
  const byNs = new Map<string, string[]>();
  for (const f of files) {
    const ns = /<(?:\w+:)?schema[^>]*targetNamespace="([^"]+)"/.exec(readFileSync(f, 'utf8'))?.[1];
    if (ns) byNs.set(ns, [...(byNs.get(ns) ?? []), f]);
  }
  const hubs = new Map<string, string>();
  [...byNs]
    .filter(([, list]) => list.length > 1)
    .forEach(([ns, list], i) => {
      const hub = join(copy, `libxml2-namespace-${i}.xsd`);
      hubs.set(ns, hub);
      // Two files declaring the same global names (sp/CallContext_1.xsd and oio/CallContext.xsd) are one schema twice: the first is taken.
      const seen = new Set<string>();
      const distinct = list.filter((f) => {
        const names = globalNames(f);
        if (names.some((n) => seen.has(n))) return false;
        for (const n of names) seen.add(n);
        return true;
      });
      writeFileSync(
        hub,
        `<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="${ns}" elementFormDefault="qualified">${distinct.map((f) => `<xs:include schemaLocation="${relative(copy, f)}"/>`).join('')}</xs:schema>`,
      );
    });
  for (const f of files) {
    const own = /<(?:\w+:)?schema[^>]*targetNamespace="([^"]+)"/.exec(readFileSync(f, 'utf8'))?.[1];
    // An import of the file's own namespace (libxml2 refuses it) is covered by the namespace's schema, which includes the file.
    const text = readFileSync(f, 'utf8').replace(
      /<((?:\w+:)?import)\s+namespace="([^"]+)"\s+schemaLocation="[^"]+"\s*\/>/g,
      (m, tag: string, ns: string) =>
        ns === own && hubs.has(ns)
          ? ''
          : hubs.has(ns)
            ? `<${tag} namespace="${ns}" schemaLocation="${relative(dirname(f), hubs.get(ns)!)}"/>`
            : m,
    );
    writeFileSync(f, text);
  }
  return join(copy, 'PrintServiceMsg.xsd');
}
