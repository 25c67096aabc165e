import { describe, expect, it } from 'vitest';
import { newestFirst, oldestFirst } from './version-order.ts';

const v = (version?: string) => ({
  ...(version !== undefined && { version }),
  lifecycle: 'I drift' as const,
  services: [],
});
const names = (versions: { version?: string }[]) => versions.map((x) => x.version ?? '–');

describe('oldestFirst', () => {
  it('sorts numbered versions by number, part by part', () => {
    expect(names(oldestFirst([v('10'), v('3.1'), v('9'), v('3')]))).toEqual(['3', '3.1', '9', '10']);
  });

  it('keeps a version without a number after the numbered versions listed before it', () => {
    expect(names(oldestFirst([v('3'), v(), v('5')]))).toEqual(['3', '–', '5']);
    expect(names(oldestFirst([v(), v('5')]))).toEqual(['–', '5']);
    expect(names(oldestFirst([v('5'), v('3'), v()]))).toEqual(['3', '5', '–']);
    expect(names(newestFirst([v('3'), v(), v('5')]))).toEqual(['5', '–', '3']);
  });
});
