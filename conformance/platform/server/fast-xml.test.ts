import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { DOMParser, XMLSerializer, type Node as XmlNode } from '@xmldom/xmldom';
import { describe, expect, it } from 'vitest';
import { personLookupEnvelope } from '../../clients/index.ts';
import { parseXmlFast } from './fast-xml.ts';
import { scanXmlShape } from './xml-shape.ts';

/** Everything a reader of the tree can see, node by node (xmldom's own parse is the reference). */
function shape(node: XmlNode): unknown {
  const n = node as XmlNode & {
    attributes?: ArrayLike<{
      name: string;
      localName: string;
      prefix: string | null;
      namespaceURI: string | null;
      value: string;
    }>;
  };
  const attributes = n.attributes
    ? Array.from(n.attributes, (a) => [a.name, a.localName, a.prefix, a.namespaceURI, a.value])
    : undefined;
  return [
    n.nodeType,
    n.nodeName,
    n.localName,
    n.namespaceURI,
    n.prefix,
    n.nodeValue,
    attributes,
    Array.from(n.childNodes ?? [], shape),
  ];
}

/**
 * The first difference between two object graphs, or undefined: every own property (private
 * ones such as `_nsMap`, `_inc` and the attribute index included), every prototype, and which
 * node each link points to. The fast reader builds xmldom's nodes itself, so a reader of the
 * tree must not be able to tell them apart in any way, not only through the DOM's public API.
 */
function graphDifference(fast: unknown, reference: unknown): string | undefined {
  const pairs = new Map<object, object>();
  const reverse = new Map<object, object>();
  const stack: [unknown, unknown, string][] = [[fast, reference, 'document']];
  while (stack.length) {
    const [a, b, path] = stack.pop()!;
    if (typeof a !== 'object' || a === null || typeof b !== 'object' || b === null) {
      if (!Object.is(a, b)) return `${path}: ${String(a)} instead of ${String(b)}`;
      continue;
    }
    const paired = pairs.get(a);
    if (paired || reverse.has(b)) {
      if (paired !== b || reverse.get(b) !== a) return `${path} links another node`;
      continue;
    }
    pairs.set(a, b);
    reverse.set(b, a);
    if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return `${path}: another kind of object`;
    const keys = Reflect.ownKeys(a).map(String).sort();
    const expected = Reflect.ownKeys(b).map(String).sort();
    if (keys.join() !== expected.join()) return `${path}: properties ${keys.join()} instead of ${expected.join()}`;
    for (const key of Reflect.ownKeys(a))
      stack.push([
        (a as Record<PropertyKey, unknown>)[key],
        (b as Record<PropertyKey, unknown>)[key],
        `${path}.${String(key)}`,
      ]);
  }
  return undefined;
}

const onError = (level: string, message: string) => {
  if (level !== 'warning') throw new Error(message);
};
function byXmldom(text: string): { tree: unknown; text: string; doc: unknown } | 'refused' {
  try {
    const doc = new DOMParser({ onError, locator: false }).parseFromString(text, 'text/xml');
    if (!doc.documentElement) return 'refused';
    return { tree: shape(doc), text: new XMLSerializer().serializeToString(doc), doc };
  } catch {
    return 'refused';
  }
}

/** The fast reader either gives up or builds exactly xmldom's tree; it never accepts what xmldom refuses. */
function expectSameAsXmldom(text: string): boolean {
  const fast = parseXmlFast(text);
  if (!fast) return false;
  const reference = byXmldom(text);
  if (reference === 'refused') throw new Error(`the fast reader read what xmldom refuses: ${text}`);
  expect({ tree: shape(fast), text: new XMLSerializer().serializeToString(fast) }, text).toEqual({
    tree: reference.tree,
    text: reference.text,
  });
  expect(graphDifference(fast, reference.doc), text).toBeUndefined();
  return true;
}

/**
 * With limits, the reader reads exactly the bodies scanXmlShape lets through (safe-xml.ts then
 * skips the scan for them): checked at the limits of a body it reads, one below and at them.
 */
function expectLimitsAsScanned(text: string): void {
  const doc = parseXmlFast(text)!;
  let nodes = (text.match(/&/g) ?? []).length + (doc.firstChild?.nodeType === 7 ? 1 : 0);
  let depth = 0;
  const walk = (el: XmlNode, level: number) => {
    nodes += 1 + ((el as XmlNode & { attributes: ArrayLike<unknown> }).attributes.length ?? 0);
    depth = Math.max(depth, level);
    for (let c = el.firstChild; c; c = c.nextSibling) if (c.nodeType === 1) walk(c, level + 1);
  };
  walk(doc.documentElement!, 1);
  for (const [maxDepth, maxNodes, within] of [
    [depth, nodes, true],
    [depth - 1, nodes, false],
    [depth, nodes - 1, false],
  ] as const) {
    const limits = { maxDepth, maxNodes };
    expect(scanXmlShape(text, limits).ok, `${JSON.stringify(limits)} ${text}`).toBe(within);
    expect(parseXmlFast(text, limits) !== undefined, `${JSON.stringify(limits)} ${text}`).toBe(within);
  }
}

const request = personLookupEnvelope({
  pnr: '0103701111',
  invocation: {
    serviceAgreementUuid: 'a5d6d9e0-5f5e-4b1d-9d0f-2a3b4c5d6e7f',
    userSystemUuid: 'b5d6d9e0-5f5e-4b1d-9d0f-2a3b4c5d6e7f',
    userUuid: '0b7e4b2c-1d5a-4f8e-9c3d-2a6b8e0f1c4d',
    serviceUuid: 'c5d6d9e0-5f5e-4b1d-9d0f-2a3b4c5d6e7f',
  },
});

function xmlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return xmlFiles(path);
    return name.endsWith('.xml') && statSync(path).size < 200_000 ? [path] : [];
  });
}
const contracts = new URL('../../../../shared/contracts/', import.meta.url).pathname;
const official = xmlFiles(contracts).map((path) => readFileSync(path, 'utf8'));

const handWritten = [
  request,
  request.replace('<?xml version="1.0" encoding="UTF-8"?>', ''),
  request.replaceAll('><', '>\n  <'),
  request.replaceAll('><', '>\r\n\t<'),
  `<?xml version='1.0'?>\n<a xmlns="urn:d" xmlns:p='urn:p' p:x="1" y = "2" xml:lang="da"><p:b/><c>Jens &amp; Anne &lt;3 &gt; &quot;x&apos;</c><d></d>  </a>\n`,
  `<a><b xmlns="urn:x"><c/></b><c/></a>`,
  `<q:a xmlns:q="urn:q"><q:b xmlns:q="urn:other"/></q:a>`,
];

describe('the fast XML reader', () => {
  it('builds exactly xmldom’s tree for SOAP requests as clients send them, and reads them itself', () => {
    for (const text of handWritten) expect(expectSameAsXmldom(text), text).toBe(true);
    for (const text of handWritten) expectLimitsAsScanned(text);
  });

  it('resolves prefixes as xmldom does when many are in scope, shadowed at every level and restored as elements close', () => {
    // Seven levels of six declarations each: past 16 in scope the reader looks prefixes up in an index.
    const level = (n: number): string => {
      const declarations = [0, 1, 2, 3, 4].map((p) => `xmlns:p${p}="urn:${n}:${p}"`).join(' ');
      const outer = n === 0 ? ' xmlns:outer="urn:outer"' : '';
      const inner = n < 6 ? level(n + 1) : '<outer:deep p4:a="1"/>';
      return (
        `<p${n % 5}:e${n} ${declarations} xmlns="urn:default:${n}"${outer} a="1" p1:b="2">` +
        `<p0:before p2:c="3"/>${inner}<p0:after p3:d="4"/><plain/><outer:o/>` +
        `</p${n % 5}:e${n}>`
      );
    };
    expect(expectSameAsXmldom(level(0))).toBe(true);
    expect(expectSameAsXmldom(`<r>${level(0)}<p0:unbound/></r>`)).toBe(false);
  });

  it('leaves what it does not read to xmldom: comments, CDATA, PIs, character references, unbound prefixes, two roots, bad nesting', () => {
    const others = [
      '<a><!-- c --></a>',
      '<a><![CDATA[x]]></a>',
      '<a><?pi x?></a>',
      '<a>&#65;</a>',
      '<a>&nbsp;</a>',
      '<p:a/>',
      '<a/><b/>',
      '<a><b></a></b>',
      '<a x="1" x="2"/>',
      '<a x="<"/>',
      '<a>x',
      ' <a/>',
      '<a/>x',
      '<æ/>',
    ];
    for (const text of others) expect(parseXmlFast(text), text).toBeUndefined();
  });

  it('refuses an entity named like a property of every object, as xmldom does, and leaves an element with very many attributes to xmldom', () => {
    for (const name of ['constructor', 'toString', 'valueOf', 'hasOwnProperty', '__proto__']) {
      expect(parseXmlFast(`<a>&${name};</a>`), name).toBeUndefined();
      expectSameAsXmldom(`<a>&${name};</a>`);
    }
    const many = `<a ${Array.from({ length: 40 }, (_, i) => `x${i}="${i}"`).join(' ')}/>`;
    expect(parseXmlFast(many)).toBeUndefined();
    expectSameAsXmldom(many);
  });

  it('searches each text between two tags only as far as that text, not to the next & of the body', () => {
    // 9,990 short texts before 2 MB of text and one reference: searching to the body's next '&' from
    // every text read the 2 MB 9,990 times (200 ms on one body the limits let through; DOMParser 9-44 ms).
    const body = `<r>${'<b/>x'.repeat(9_990)}${'y'.repeat(2_000_000)}&amp;</r>`;
    const indexOf = String.prototype.indexOf;
    let searched = 0;
    String.prototype.indexOf = function (this: string, search: string, from = 0) {
      const found = indexOf.call(this, search, from);
      searched += (found < 0 ? this.length : found) - from;
      return found;
    };
    let doc;
    try {
      doc = parseXmlFast(body, { maxDepth: 100, maxNodes: 10_000 });
    } finally {
      String.prototype.indexOf = indexOf;
    }
    expect(doc?.documentElement?.lastChild?.nodeValue === `x${'y'.repeat(2_000_000)}&`).toBe(true);
    expect(searched).toBeLessThan(10 * body.length);
  });

  it('agrees with xmldom on the official example messages and on thousands of mutations of them', () => {
    expect(official.length).toBeGreaterThan(10);
    // Every official message that xmldom reads and that is plain XML (no comment, no byte order mark
    // or whitespace before the root) the fast reader reads too: it must take them, not only give up.
    const plain = official.filter(
      (text) => !text.includes('<!--') && !/^[\s\uFEFF]/.test(text) && byXmldom(text) !== 'refused',
    );
    expect(plain.length).toBeGreaterThan(5);
    for (const text of official) expectSameAsXmldom(text);
    for (const text of plain) expect(expectSameAsXmldom(text), text.slice(0, 200)).toBe(true);

    let seed = 15;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    const pieces = [
      '<',
      '>',
      '/',
      '"',
      "'",
      '&',
      '=',
      ':',
      ' ',
      '\n',
      '\t',
      '\r',
      'x',
      '&amp;',
      '&#65;',
      // Names Object.prototype holds: an entity table that is a plain object would find them (review finding 5).
      '&constructor;',
      '&__proto__;',
      ']]>',
      '<!--x-->',
      ' xmlns:q="u"',
      ' q:y="1"',
      '<a>',
      '</a>',
      '<?xml version="1.0"?>',
    ];
    let mutated = 0;
    let readMutated = 0;
    for (const base of [request, ...handWritten, ...official.filter((t) => t.length < 20_000)]) {
      for (let k = 0; k < 150; k += 1) {
        let text = base;
        for (let edits = 1 + random(3); edits > 0; edits -= 1) {
          const at = random(text.length + 1);
          const kind = random(3);
          if (kind === 0) text = text.slice(0, at) + text.slice(at + 1 + random(4));
          else if (kind === 1) text = text.slice(0, at) + pieces[random(pieces.length)] + text.slice(at);
          else text = text.slice(0, at) + text.slice(random(text.length + 1)).slice(0, 20) + text.slice(at);
        }
        mutated += 1;
        if (expectSameAsXmldom(text)) {
          readMutated += 1;
          expectLimitsAsScanned(text);
        }
      }
    }
    expect(mutated).toBeGreaterThan(4000);
    // Enough of the mutations are still read by the fast reader for the comparison to mean something.
    expect(readMutated).toBeGreaterThan(mutated / 10);
  });
});
