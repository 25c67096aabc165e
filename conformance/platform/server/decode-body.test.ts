import { describe, expect, it } from 'vitest';
import { decodeBody } from './decode-body.ts';

const bytes = (...parts: (string | number[])[]) =>
  Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p) : Buffer.from(p))));

describe('decodeBody', () => {
  it('decodes UTF-8 and reports nothing for a valid body', () => {
    expect(decodeBody(bytes('<r>Søren Ærø</r>'), 'text/xml; charset=utf-8')).toEqual({ text: '<r>Søren Ærø</r>' });
  });

  it('reports the byte offset of the first invalid sequence when the charset is UTF-8 or not given', () => {
    for (const contentType of [
      'text/xml; charset=utf-8',
      'text/xml; charset="UTF-8"',
      'application/soap+xml; charset=utf8; action="x"',
      'text/xml',
      undefined,
    ]) {
      expect(decodeBody(bytes('<r>ab', [0xff], '</r>'), contentType).invalidUtf8At).toBe(5);
    }
  });

  it('skips replacement characters the client really sent (EF BF BD) and finds the invalid byte after them', () => {
    const result = decodeBody(bytes('<r>\uFFFDø\uFFFD', [0xc3, 0x28], '</r>'), 'text/xml');
    expect(result.invalidUtf8At).toBe(3 + 3 + 2 + 3);
  });

  it('finds truncated and overlong sequences and lone surrogates', () => {
    expect(decodeBody(bytes('a', [0xe2, 0x82]), 'text/xml').invalidUtf8At).toBe(1);
    expect(decodeBody(bytes('ab', [0xc0, 0xaf]), 'text/xml').invalidUtf8At).toBe(2);
    expect(decodeBody(bytes([0xed, 0xa0, 0x80]), 'text/xml').invalidUtf8At).toBe(0);
  });

  it('drops a UTF-8 byte order mark, as a UTF-8 decoder does', () => {
    expect(decodeBody(bytes([0xef, 0xbb, 0xbf], '<r/>'), 'text/xml')).toEqual({ text: '<r/>' });
    expect(decodeBody(bytes([0xef, 0xbb, 0xbf], '<r>', [0xff], '</r>'), 'text/xml').invalidUtf8At).toBe(6);
  });

  it('leaves a body that names another charset as it was decoded before', () => {
    expect(decodeBody(bytes('<r>', [0xe6], '</r>'), 'text/xml; charset=iso-8859-1').invalidUtf8At).toBeUndefined();
  });
});
