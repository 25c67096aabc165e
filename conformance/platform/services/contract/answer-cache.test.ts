import { describe, expect, it } from 'vitest';
import { AnswerCache } from './answer-cache.ts';

describe("the contract module's answer cache", () => {
  const output = {
    element: 'SvarO',
    namespace: 'urn:x',
    fields: [
      { name: 'Hoved', type: 'H', fields: [{ name: 'TransaktionsId', type: 'string' }] },
      { name: 'Navn', type: 'string' },
    ],
  };

  it('builds an answer once per set of echoed request values, and again when one of them differs', () => {
    const cache = new AnswerCache(output, () => []);
    let built = 0;
    const build = (id: string) => () => `answer ${id} ${++built}`;
    expect(
      cache.answer(
        new Map([
          ['TransaktionsId', ['a']],
          ['PNR', ['1']],
        ]),
        build('a'),
      ).xml,
    ).toBe('answer a 1');
    // PNR is not a response field, so another PNR is the same answer.
    expect(
      cache.answer(
        new Map([
          ['TransaktionsId', ['a']],
          ['PNR', ['2']],
        ]),
        build('a'),
      ).xml,
    ).toBe('answer a 1');
    expect(cache.answer(new Map([['TransaktionsId', ['b']]]), build('b')).xml).toBe('answer b 2');
  });

  it('checks an answer once when it builds it, and gives its findings with every use', () => {
    let checks = 0;
    const cache = new AnswerCache(output, (xml) => {
      checks += 1;
      return xml.includes('<Navn></Navn>')
        ? [{ severity: 'error', code: 'response.tree.value', message: 'empty' }]
        : [];
    });
    expect(cache.answer(new Map(), () => '<SvarO><Navn></Navn></SvarO>').findings).toHaveLength(1);
    expect(cache.answer(new Map(), () => 'not built again').findings).toHaveLength(1);
    expect(checks).toBe(1);
  });

  it('forgets everything past its limit instead of growing without end', () => {
    const cache = new AnswerCache(output, () => [], 2);
    let built = 0;
    for (const id of ['a', 'b', 'c', 'a']) cache.answer(new Map([['TransaktionsId', [id]]]), () => `${id}${++built}`);
    expect(built).toBe(4);
  });
});
