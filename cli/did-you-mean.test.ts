import { describe, expect, it } from 'vitest';
import { didYouMean } from './did-you-mean.ts';

describe('didYouMean', () => {
  it('finds swapped, missing, extra and wrong letters, and a unique start of a word', () => {
    const commands = ['catalog', 'platform', 'sheet', 'verify', 'test', 'demo'];
    expect(didYouMean('tset', commands)).toBe('test');
    expect(didYouMean('catalgo', commands)).toBe('catalog');
    expect(didYouMean('shet', commands)).toBe('sheet');
    expect(didYouMean('verifyy', commands)).toBe('verify');
    expect(didYouMean('Platfrom', commands)).toBe('platform');
    expect(didYouMean('plat', commands)).toBe('platform');
    expect(didYouMean('integraton', ['integration', 'interactive'])).toBe('integration');
  });

  it('suggests nothing for a word that is no near typo', () => {
    expect(didYouMean('nonsense', ['catalog', 'platform', 'sheet', 'test'])).toBeUndefined();
    expect(didYouMean('x', ['catalog', 'test'])).toBeUndefined();
  });
});
