import { describe, expect, it } from 'vitest';
import { AnswerCache } from './answer-cache.ts';

describe('the contract module\'s answer cache', () => {
  const output = { element: 'SvarO', namespace: 'urn:x', fields: [{ name: 'Hoved', type: 'H', fields: [{ name: 'TransaktionsId', type: 'string' }] }, { name: 'Navn', type: 'string' }] };

  it('builds an answer once per set of echoed request values, and again when one of them differs', () => {
    const cache = new AnswerCache(output);
    let built = 0;
    const build = (id: string) => () => `answer ${id} ${++built}`;
    expect(cache.answer(new Map([['TransaktionsId', ['a']], ['PNR', ['1']]]), build('a'))).toBe('answer a 1');
    // PNR is not a response field, so another PNR is the same answer.
    expect(cache.answer(new Map([['TransaktionsId', ['a']], ['PNR', ['2']]]), build('a'))).toBe('answer a 1');
    expect(cache.answer(new Map([['TransaktionsId', ['b']]]), build('b'))).toBe('answer b 2');
  });

  it('forgets everything past its limit instead of growing without end', () => {
    const cache = new AnswerCache(output, 2);
    let built = 0;
    for (const id of ['a', 'b', 'c', 'a']) cache.answer(new Map([['TransaktionsId', [id]]]), () => `${id}${++built}`);
    expect(built).toBe(4);
  });
});
