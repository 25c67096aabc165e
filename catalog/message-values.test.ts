import { describe, expect, it } from 'vitest';
import { problemOf, valueFor } from './message-values.ts';
import { patternSample } from './pattern-sample.ts';
import type { MessageField } from './schema/message.ts';

const uuid: MessageField = {
  name: 'UUIDIdentifikator',
  type: 'UUIDType',
  base: 'string',
  pattern: ['[a-f0-9]{8}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{12}'],
};
const cvr: MessageField = { name: 'VirksomhedCVRNummer', type: 'CVRNummerType', base: 'string', pattern: ['[0-9]{8}'] };

describe('values made from a message field (what the contract module answers and a generic suite sends)', () => {
  it('makes a value each field accepts, and one fault-on-demand value no real client sends by accident', () => {
    expect(valueFor(uuid, 'sample', 'a/b')).toMatch(/^[a-f0-9]{8}-[a-f0-9]{4}-4[a-f0-9]{3}-8[a-f0-9]{3}-[a-f0-9]{12}$/);
    expect(valueFor(uuid, 'sample', 'a/b')).toBe(valueFor(uuid, 'sample', 'a/b'));
    expect(valueFor(uuid, 'fault')).toBe('ffffffff-ffff-ffff-ffff-ffffffffffff');
    expect(valueFor(cvr, 'fault')).toBe('99999999');
    expect(valueFor({ name: 'dato', type: 'date' }, 'fault')).toBe('1111-11-11');
    expect(valueFor({ name: 'PNR', type: 'PNRType', base: 'string', maxLength: 10 }, 'fault')).toBe('KLARMELD-F');
    expect(valueFor({ name: 'koen', type: 'koenType', base: 'string', enumeration: ['M', 'K'] }, 'sample')).toBe('M');
    // An enumeration has no value outside it, so it cannot ask for a fault.
    expect(
      valueFor({ name: 'koen', type: 'koenType', base: 'string', enumeration: ['M', 'K'] }, 'fault'),
    ).toBeUndefined();
    expect(valueFor({ name: 'tilmeldt', type: 'boolean' }, 'fault')).toBeUndefined();
  });

  it('says what is wrong with a value: enumeration, pattern, length, built-in type', () => {
    expect(problemOf(cvr, '1234567')).toMatch(/does not match the pattern/);
    expect(problemOf({ name: 'n', type: 'string', maxLength: 3 }, 'abcd')).toMatch(/longer than 3/);
    expect(problemOf({ name: 'n', type: 'integer' }, '1.5')).toMatch(/not a valid integer/);
    expect(problemOf({ name: 'n', type: 'x', enumeration: ['A'] }, 'B')).toMatch(/not one of A/);
    expect(problemOf(cvr, '11111111')).toBeUndefined();
  });

  it('reads the patterns of KOMBIT schemas, and gives up on ones it cannot read rather than guess', () => {
    expect(patternSample('(([\\d]{1}\\*)|([\\d]{2}\\.\\*))')).toBe('0*');
    expect(patternSample('[A-Z]{2}\\d?-x+')).toBe('AA-x');
    expect(patternSample('\\p{L}+')).toBeUndefined();
    expect(patternSample('[^a]')).toBeUndefined();
  });
});
