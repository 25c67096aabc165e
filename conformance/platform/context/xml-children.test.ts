import { DOMParser, type Element } from '@xmldom/xmldom';
import { describe, expect, it } from 'vitest';
import { childText, textContentOf } from './xml-children.ts';

const root = (xml: string) => new DOMParser().parseFromString(xml, 'text/xml').documentElement as unknown as Element;

describe('textContentOf', () => {
  it('is the element’s textContent, whatever the element holds', () => {
    const cases = [
      '<a/>',
      '<a>0103701111</a>',
      '<a> Jens &amp; Anne </a>',
      '<a><![CDATA[x<y]]></a>',
      '<a>x<!-- not text -->y</a>',
      '<a>x<b>inner</b>y</a>',
      '<a><b>only inner</b></a>',
      '<a><?pi data?>z</a>',
    ];
    for (const xml of cases) {
      const el = root(xml);
      expect(textContentOf(el), xml).toBe(el.textContent);
    }
    expect(textContentOf(root('<a>x<!-- c -->y</a>'))).toBe('xy');
  });

  it('gives a child’s trimmed text, or undefined when there is no such child', () => {
    const el = root('<a xmlns:p="urn:p"><p:b> 42 </p:b><b>other namespace</b></a>');
    expect(childText(el, 'urn:p', 'b')).toBe('42');
    expect(childText(el, 'urn:p', 'c')).toBeUndefined();
  });
});
