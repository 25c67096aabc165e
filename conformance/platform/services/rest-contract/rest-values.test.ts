import { describe, expect, it } from 'vitest';
import type { RestContractOperation } from '../../../../catalog/index.ts';
import { restRequestValues } from './rest-values.ts';

const op = {
  parameters: [],
  input: {
    element: 'Liste',
    namespace: '',
    fields: [
      { name: 'Id', type: 'string', maxOccurs: 'unbounded' },
      { name: 'One', type: 'string' },
    ],
  },
} as unknown as RestContractOperation;

describe('the values of a REST request (review finding 1: a hostile array must not hold the request thread)', () => {
  it('keeps at most 1,000 values of a repeatable field, and reads only the first item where the contract allows one', () => {
    const ids = Array.from({ length: 50_000 }, (_, i) => `id-${i}`);
    const { byName } = restRequestValues(op, {}, new URLSearchParams(), { Id: ids, One: ['first', 'second'] });
    expect(byName.get('Id')).toHaveLength(1000);
    expect(byName.get('Id')?.[0]).toBe('id-0');
    expect(byName.get('One')).toEqual(['first']);
  });
});
