import { describe, expect, it } from 'vitest';
import { derivePlace, openContests } from './programme-overview.ts';

const cell = (status?: string, word?: string, level: string | undefined = 'mandatory') => ({ status, word, level });

describe("a system's place in KOMBIT's programme, derived from its cells (klarmeld's rule: the sources give none)", () => {
  it('reads each category the cells can show', () => {
    expect(derivePlace([cell(), cell()])).toEqual({ category: 'manglende-info' });
    expect(derivePlace([cell('irrelevant', 'Irrelevant'), cell('irrelevant', 'Irrelevant')])).toEqual({
      category: 'irrelevant',
    });
    expect(derivePlace([cell('klarmeldt', 'Klarmeldt'), cell('irrelevant', 'Irrelevant')])).toEqual({
      category: 'klarmeldt',
    });
    expect(derivePlace([cell('klarmeldt', 'Klarmeldt'), cell()])).toEqual({ category: 'delvist-klarmeldt' });
    expect(
      derivePlace([cell('tilmeldt', 'Forløb 2'), cell('tilmeldt', 'Forløb 3'), cell('klarmeldt', 'Klarmeldt')]),
    ).toEqual({ category: 'tilmeldt', round: 3 });
    expect(derivePlace([cell('ikke-klarmeldt', 'Nej'), cell()])).toEqual({ category: 'ikke-klarmeldt' });
    expect(derivePlace([cell('ensidig', 'Ensidig')])).toEqual({ category: 'manglende-info' });
  });

  it('never derives Administrativt fjernet, and counts a contest open until KOMBIT decides it', () => {
    const contest = {
      seq: 1,
      id: 'a',
      system: 's',
      integration: 'SF1500',
      kind: 'contest' as const,
      reason: 'Leverandøren er ikke enig: x',
      actor: 'l',
      at: '',
    };
    expect(openContests([contest])).toEqual([contest]);
    expect(openContests([contest, { ...contest, seq: 2, id: 'b', kind: 'decision', decision: 'upheld' }])).toEqual([]);
  });
});
