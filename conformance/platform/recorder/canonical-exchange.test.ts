import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../evidence/index.ts';
import { canonicalExchangeJson } from './canonical-exchange.ts';
import type { UnsignedExchange } from './exchange-record.ts';

const base: UnsignedExchange = {
  id: 'a1',
  time: '2026-01-01T00:00:00.000Z',
  systemUuid: 'u',
  systemName: 'Fagsystem "Æ" \\ <x>',
  method: 'POST',
  path: '/p',
  status: 200,
  latencyMs: 1.234,
  request: { contentType: 'text/xml', size: 10, body: '<a>ø\u2028\n</a>', truncated: false },
  response: { contentType: 'text/xml', size: 12, body: '<b/>', truncated: true },
  findings: [],
};

describe('canonicalExchangeJson', () => {
  it('gives exactly the bytes of canonicalJson for every shape the recorder stores', () => {
    const variants: UnsignedExchange[] = [
      base,
      { ...base, integration: 'SF1520', service: 'S', operation: 'PersonLookup', soapVersion: '1.1' },
      {
        ...base,
        fault: { code: 'X', text: 'y "z"' },
        findings: [
          { severity: 'error', code: 'c', message: 'm' },
          { severity: 'warning', code: 'c2', message: 'm2', path: '/a' },
        ],
      },
      { ...base, latencyMs: 0, status: 500 },
      { ...base, integration: undefined, operation: undefined },
      { ...base, service: 'S', soapAction: 'http://x/"a"', soapVersion: '1.2' },
      { ...base, soapAction: '' },
    ];
    for (const v of variants) expect(canonicalExchangeJson(v)).toBe(canonicalJson(v));
  });

  it('keeps a record made before the SOAPAction was kept as it was signed, and signs the action of a newer one', () => {
    expect(canonicalExchangeJson(base)).not.toContain('soapAction');
    const withAction = canonicalExchangeJson({ ...base, soapAction: 'urn:a' });
    expect(withAction).toContain('"soapAction":"urn:a"');
    expect(withAction).not.toBe(canonicalExchangeJson({ ...base, soapAction: 'urn:b' }));
  });

  it('falls back to canonicalJson for a shape it does not know', () => {
    const odd = { ...base, extra: { b: 1, a: 2 } } as unknown as UnsignedExchange;
    expect(canonicalExchangeJson(odd)).toBe(canonicalJson(odd));
  });
});
