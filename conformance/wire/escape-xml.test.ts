import { describe, expect, it } from 'vitest';
import { escapeXml } from './escape-xml.ts';

describe('escapeXml', () => {
  it('escapes the five markup characters', () => {
    expect(escapeXml(`<a href="x">Tom & Jerry's</a>`)).toBe(
      '&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&apos;s&lt;/a&gt;',
    );
  });

  it('returns text with nothing to escape unchanged, Danish letters and emoji included', () => {
    expect(escapeXml('Korsbæk Kommune, Ærø 😀\tline\nnext')).toBe('Korsbæk Kommune, Ærø 😀\tline\nnext');
  });

  it('replaces what XML 1.0 cannot carry (controls, lone surrogates) so the document stays well-formed', () => {
    const nasty = 'a\u0000b\u001bc\ud800d\udc00e\uffff';
    expect(escapeXml(nasty)).toBe('a\ufffdb\ufffdc\ufffdd\ufffde\ufffd');
    // XML 1.0 §2.2: Char ::= #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF]
    const xmlChars = /^[\t\n\r\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]*$/u;
    expect(xmlChars.test(nasty)).toBe(false);
    expect(xmlChars.test(escapeXml(`${nasty}😀<&>`))).toBe(true);
  });
});
