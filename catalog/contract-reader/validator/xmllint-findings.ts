import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DOMParser } from '@xmldom/xmldom';
import type { Finding } from './walk.ts';

/** True when libxml2's xmllint can be run (Debian: libxml2-utils). */
export const xmllintAvailable = (): boolean => spawnSync('xmllint', ['--version']).status === 0;

/**
 * libxml2's verdict on `xml` against the schema file `xsd`, as findings with element paths (the
 * same shape as the project validator's), for tests that check a document against an official XSD.
 * xmllint names only a line and an element, so the document is written with every start tag on a
 * line of its own (a line break between two tags is ignorable whitespace in element-only content)
 * and each error line is mapped back to the path of the element that starts there, e.g.
 * `/PersonLookupResponse/relationer/barn[2]/personnummer`. Empty when valid.
 */
export function xmllintFindings(xsd: string, xml: string): Finding[] {
  const text = xml.replace(/^<\?xml[^>]*\?>/, '').replace(/>\s*(?=<[^/!?])/g, '>\n');
  const dir = mkdtempSync(join(tmpdir(), 'klarmeld-xmllint-'));
  try {
    const file = join(dir, 'document.xml');
    writeFileSync(file, text);
    const run = spawnSync('xmllint', ['--noout', '--schema', xsd, file], { encoding: 'utf8' });
    if (run.error) throw run.error;
    if (run.status === 0) return [];
    const paths = elementPathsByLine(text);
    const findings: Finding[] = [];
    for (const line of run.stderr.split('\n')) {
      const error = /^.*?:(\d+): element ([^:]+): Schemas validity error : (.*)$/.exec(line);
      if (error)
        findings.push({ path: paths.get(Number(error[1])) ?? `line ${error[1]} <${error[2]}>`, message: error[3]! });
      else if (/schemas? (failed to compile|parser error)|parser error/i.test(line))
        findings.push({ path: '/', message: line });
    }
    // xmllint failed without a line we understand (a broken schema, say): never report "valid".
    return findings.length > 0
      ? findings
      : [{ path: '/', message: run.stderr.trim() || `xmllint exited with ${run.status}` }];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Line of each element's start tag → its path (`[n]` where a name repeats among siblings). */
function elementPathsByLine(text: string): Map<number, string> {
  const out = new Map<number, string>();
  const root = new DOMParser().parseFromString(text, 'text/xml').documentElement;
  const visit = (el: Element, path: string) => {
    const line = (el as unknown as { lineNumber?: number }).lineNumber;
    if (line !== undefined && !out.has(line)) out.set(line, path);
    const seen = new Map<string, number>();
    const kids: Element[] = [];
    for (let n = el.firstChild; n !== null; n = n.nextSibling) if (n.nodeType === 1) kids.push(n as Element);
    for (const kid of kids) {
      const name = kid.localName ?? kid.nodeName;
      const index = (seen.get(name) ?? 0) + 1;
      seen.set(name, index);
      const repeated = kids.filter((k) => (k.localName ?? k.nodeName) === name).length > 1;
      visit(kid, `${path}/${name}${repeated ? `[${index}]` : ''}`);
    }
  };
  if (root) visit(root as unknown as Element, `/${root.localName ?? root.nodeName}`);
  return out;
}
