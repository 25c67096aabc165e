import { readFile } from 'node:fs/promises';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { onboardingStatusesFile } from '../../catalog/index.ts';
import { readWord, reportCodeText } from './kombit-words.ts';

const vocabulary = onboardingStatusesFile.parse(
  parse(await readFile(new URL('../../catalog/data/onboarding-statuses.yaml', import.meta.url), 'utf8')),
).statuses;

describe("KOMBIT's words (seeds/002)", () => {
  it('reads every word KOMBIT writes in its sheet and keeps it as written, round numbers included', () => {
    expect(readWord(vocabulary, 'Klarmeldt')).toEqual({ code: 'klarmeldt', word: 'Klarmeldt' });
    expect(readWord(vocabulary, 'Delvis')).toEqual({ code: 'delvist-klarmeldt', word: 'Delvis' });
    expect(readWord(vocabulary, 'Delvist')).toEqual({ code: 'delvist-klarmeldt', word: 'Delvist' });
    expect(readWord(vocabulary, 'Forløb 3')).toEqual({ code: 'tilmeldt', word: 'Forløb 3', round: 3 });
    expect(readWord(vocabulary, 'Irrelevant')).toEqual({ code: 'irrelevant', word: 'Irrelevant' });
    expect(readWord(vocabulary, 'Ensidig')).toEqual({ code: 'ensidig', word: 'Ensidig' });
    expect(readWord(vocabulary, 'Nej')).toEqual({ code: 'ikke-klarmeldt', word: 'Nej' });
    expect(readWord(vocabulary, '')).toEqual({ blank: true });
    expect(readWord(vocabulary, '   ')).toEqual({ blank: true });
  });

  it("reads the connection report's codes 1, 2 and 5 with or without their sign, and invents no others", () => {
    expect(readWord(vocabulary, '🟢 1. Ja')).toEqual({ code: 'klarmeldt', word: '🟢 1. Ja' });
    expect(readWord(vocabulary, '1. Ja')).toEqual({ code: 'klarmeldt', word: '1. Ja' });
    expect(readWord(vocabulary, '🔴 2. Nej')).toEqual({ code: 'ikke-klarmeldt', word: '🔴 2. Nej' });
    expect(readWord(vocabulary, '🚧 5. Delvis')).toEqual({ code: 'delvist-klarmeldt', word: '🚧 5. Delvis' });
    expect(readWord(vocabulary, '3. Måske')).toMatchObject({
      problem: expect.stringContaining('only 🟢 1. Ja, 🚧 5. Delvis, 🔴 2. Nej'),
    });
    expect(vocabulary.flatMap((s) => reportCodeText(s) ?? [])).toEqual(['🟢 1. Ja', '🚧 5. Delvis', '🔴 2. Nej']);
  });

  it("writes KOMBIT's spelling for a code, a mark or another case, and asks for the round of a bare Forløb", () => {
    expect(readWord(vocabulary, 'klarmeldt')).toEqual({ code: 'klarmeldt', word: 'Klarmeldt' });
    expect(readWord(vocabulary, 'DELVIST')).toEqual({ code: 'delvist-klarmeldt', word: 'Delvist' });
    expect(readWord(vocabulary, 'delvist-klarmeldt')).toEqual({ code: 'delvist-klarmeldt', word: 'Delvis' });
    expect(readWord(vocabulary, 'N')).toEqual({ code: 'ikke-klarmeldt', word: 'Nej' });
    expect(readWord(vocabulary, 'forløb  12')).toEqual({ code: 'tilmeldt', word: 'Forløb 12', round: 12 });
    expect(readWord(vocabulary, 'Forløb')).toMatchObject({ problem: expect.stringContaining('Forløb 3') });
    expect(readWord(vocabulary, 'tilmeldt')).toMatchObject({ problem: expect.stringContaining('round') });
    expect(readWord(vocabulary, 'Måske')).toMatchObject({
      problem: expect.stringContaining('Klarmeldt, Delvis, Delvist, Forløb N, Irrelevant, Ensidig, Nej'),
    });
  });

  it("says where the sources are silent instead of inventing: Ensidig has no meaning of klarmeld's own", () => {
    const ensidig = vocabulary.find((s) => s.code === 'ensidig')!;
    expect(ensidig.description).toContain("not given by KOMBIT's sources");
    expect(ensidig.reportCode).toBeUndefined();
    expect(vocabulary.filter((s) => s.inSheet).map((s) => s.code)).toEqual([
      'klarmeldt',
      'delvist-klarmeldt',
      'tilmeldt',
      'irrelevant',
      'ensidig',
      'ikke-klarmeldt',
    ]);
  });
});
