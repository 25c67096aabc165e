import { readFileSync, existsSync } from 'node:fs';
import { DOMParser } from '@xmldom/xmldom';
import { ContractError } from './contract-error.ts';
import { graphqlSchemaError, isGraphqlSchema } from './graphql-schema.ts';

/**
 * Reads and parses one XML contract file. `referencedBy` names the file whose import or include
 * pointed here, so a missing file is reported where the fix belongs.
 */
export function readXmlFile(path: string, referencedBy?: { file: string; what: string }): Element {
  if (!existsSync(path)) {
    if (referencedBy === undefined) {
      throw new ContractError(
        'contract.file-missing',
        path,
        `The contract file ${path} does not exist. Check the path.`,
      );
    }
    throw new ContractError(
      'contract.file-missing',
      referencedBy.file,
      `${referencedBy.file} ${referencedBy.what}, but ${path} does not exist. Add the missing file to the bundle or correct the location in ${referencedBy.file}.`,
    );
  }
  // Some official files start with a byte-order mark, which the XML parser rejects as content.
  const text = readFileSync(path, 'utf8').replace(/^\uFEFF/, '');
  // A GraphQL schema is a contract of another kind, not a malformed WSDL: say so, not "replace it".
  if (isGraphqlSchema(path, text)) throw graphqlSchemaError(path);
  return parseXml(text, path);
}

/** Parses XML text; a malformed document is a ContractError naming the file. */
export function parseXml(text: string, file: string): Element {
  let problem: string | undefined;
  const parser = new DOMParser({
    onError: (level, message) => {
      if (level !== 'warning' && problem === undefined) problem = message;
    },
  });
  let root: Element | null = null;
  try {
    root = parser.parseFromString(text, 'text/xml').documentElement as unknown as Element | null;
  } catch (error) {
    problem ??= (error as Error).message;
  }
  if (problem !== undefined || root === null) {
    throw new ContractError(
      'contract.xml-malformed',
      file,
      `${file} is not well-formed XML (${problem ?? 'no root element'}). Fix the file or replace it with the official one.`,
    );
  }
  return root;
}

/** Child elements of `el`, optionally only those in namespace `ns` with local name `local`. */
export function childElements(el: Element, ns?: string, local?: string): Element[] {
  const out: Element[] = [];
  for (let n = el.firstChild; n !== null; n = n.nextSibling) {
    if (n.nodeType !== 1) continue;
    const c = n as Element;
    if (ns !== undefined && c.namespaceURI !== ns) continue;
    if (local !== undefined && c.localName !== local) continue;
    out.push(c);
  }
  return out;
}

/** Resolves a prefixed value such as `tns:Foo` against the namespace declarations in scope at `el`. */
export function resolvePrefixed(el: Element, value: string): { ns: string; local: string } | undefined {
  const colon = value.indexOf(':');
  const prefix = colon < 0 ? '' : value.slice(0, colon);
  const local = colon < 0 ? value : value.slice(colon + 1);
  const attr = prefix === '' ? 'xmlns' : `xmlns:${prefix}`;
  for (let n: Node | null = el; n !== null && n.nodeType === 1; n = n.parentNode) {
    const e = n as Element;
    if (e.hasAttribute(attr)) return { ns: e.getAttribute(attr) ?? '', local };
  }
  if (prefix === 'xml') return { ns: 'http://www.w3.org/XML/1998/namespace', local };
  return prefix === '' ? { ns: '', local } : undefined;
}
