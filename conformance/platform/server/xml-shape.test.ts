import { execSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { defaultXmlLimits } from './xml-limits.ts';
import { lineAndColumn, scanXmlShape } from './xml-shape.ts';

const limits = (maxNodes: number, maxDepth = 100) => ({ maxNodes, maxDepth });
const contracts = fileURLToPath(new URL('../../../../shared/contracts/', import.meta.url));

describe('scanXmlShape', () => {
  it('counts elements, attributes, comments, PIs, CDATA sections and references, and stops at the first past the limit', () => {
    // the declaration (a PI) + 3 elements + 2 attributes + 1 comment + 1 PI + 1 CDATA + 2 references = 11 nodes
    const text = '<?xml version="1.0"?><r a="1" b=\'&amp;\'><!-- c --><?p x?><e/><e><![CDATA[x]]>&lt;</e></r>';
    expect(scanXmlShape(text, limits(11))).toEqual({ ok: true });
    expect(scanXmlShape(text, limits(10)).ok).toBe(false);
    expect(scanXmlShape('<r>&amp;&amp;&amp;</r>', limits(3))).toMatchObject({
      ok: false,
      problem: 'too-many-nodes',
      at: 13,
      elements: 1,
    });
  });

  it('counts an attribute without a value (the parser accepts it with a warning)', () => {
    expect(scanXmlShape('<r a b c/>', limits(3))).toMatchObject({ ok: false, problem: 'too-many-nodes' });
    expect(scanXmlShape('<r a = "1" />', limits(2))).toEqual({ ok: true });
  });

  it('counts attributes written without the space between them (the parser accepts a=""b="" with a warning)', () => {
    expect(scanXmlShape('<r a=""b=""c=""/>', limits(3))).toMatchObject({ ok: false, problem: 'too-many-nodes' });
    expect(scanXmlShape('<r a=""b=""c=""/>', limits(4))).toEqual({ ok: true });
    // As a review sent it: 20,001 such attributes slipped past a 10,000-node limit and took xmldom ~0.15 s.
    const packed = `<x q=""${Array.from({ length: 20_000 }, (_, i) => `a${i}=""`).join('')}/>`;
    expect(scanXmlShape(packed, limits(10_000))).toMatchObject({ ok: false, problem: 'too-many-nodes' });
  });

  it('measures depth, an empty-element tag one level below its parent', () => {
    expect(scanXmlShape('<a><b><c/></b></a>', limits(100, 3))).toEqual({ ok: true });
    expect(scanXmlShape('<a><b><c/></b></a>', limits(100, 2))).toMatchObject({ ok: false, problem: 'too-deep', at: 6 });
    expect(scanXmlShape('<a><b/><b/><b/></a>', limits(100, 2))).toEqual({ ok: true });
  });

  it('ignores markup inside comments, CDATA, processing instructions and quoted attribute values', () => {
    const text = '<r a="x>y" b=\'>\'><!-- <a><a><a> --><![CDATA[<a><a><a>]]><?p <a><a>?></r>';
    expect(scanXmlShape(text, limits(6, 1))).toEqual({ ok: true });
  });

  it('calls a < inside a tag or an attribute value malformed, so no element can hide from the count', () => {
    expect(scanXmlShape('<r a="<b/><b/>"/>', limits(100))).toMatchObject({ ok: false, problem: 'malformed', at: 6 });
    expect(scanXmlShape('<r <b/>', limits(100))).toMatchObject({ ok: false, problem: 'malformed', at: 3 });
    expect(scanXmlShape('<r></r <b>', limits(100))).toMatchObject({ ok: false, problem: 'malformed', at: 7 });
  });

  it('leaves unterminated markup to the parser', () => {
    for (const text of ['<r a="1', '<r><!-- x', '<r><![CDATA[', '<r><?p', '<r></r', '<r'])
      expect(scanXmlShape(text, limits(100))).toEqual({ ok: true });
  });

  it('stays linear on one tag with many quoted attributes (no search to the end of the tag per value)', () => {
    const tag = `<r ${Array.from({ length: 200_000 }, (_, i) => `a${i}="v"`).join(' ')}/>`;
    // Searching to the end of the tag for every value would take minutes here (the test would time out).
    expect(scanXmlShape(tag, limits(1_000_000))).toEqual({ ok: true });
  });

  it('lets every official example message through the default limits', () => {
    const files = execSync(`find '${contracts}' -type f -name '*.xml'`, { encoding: 'utf8' }).trim().split('\n');
    expect(files.length).toBeGreaterThan(20);
    for (const file of files) {
      const shape = scanXmlShape(readFileSync(file, 'utf8'), {
        maxDepth: defaultXmlLimits.maxXmlDepth,
        maxNodes: defaultXmlLimits.maxXmlNodes,
      });
      // The unbound soap: prefix of the python body templates is the parser's business, not the scan's.
      expect(shape.ok ? 'ok' : `${file}: ${shape.problem}`).toBe('ok');
    }
  });
});

describe('lineAndColumn', () => {
  it('is 1-based, in characters', () => {
    expect(lineAndColumn('abc', 0)).toEqual({ line: 1, column: 1 });
    expect(lineAndColumn('ab\ncd\nef', 7)).toEqual({ line: 3, column: 2 });
    expect(lineAndColumn('ab\ncd', 2)).toEqual({ line: 1, column: 3 });
  });
});
